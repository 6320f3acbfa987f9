"""The demo data set: one demo office with its three users, employers, workers and claims in every state.

Small and large sets are built the same way, in bulk: the rows stand for data already synced from
the central store (version 1, no outbox entries), and one audited ``demo.seed`` event records the seed.
A handful of records are then made through the ordinary services, so the demo also shows local
changes waiting to sync.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from injury_desk.domain.deadlines import next_deadline
from injury_desk.domain.identifiers import make_credit_code, make_resident_id
from injury_desk.domain.lifecycle import ClaimFacts
from injury_desk.services.bootstrap import create_office
from injury_desk.services.claims import claim_number
from injury_desk.services.context import ServiceContext
from injury_desk.store.capture import record_event
from injury_desk.store.database import DB_FILENAME, Database, backup_database, open_database

DEMO_OFFICE = {"code": "DM01", "name": "示范区工伤保险服务中心", "region": "example"}
DEMO_USERS = [
    {"username": "caseworker", "display_name": "王芳", "role": "caseworker", "password": "demo-caseworker"},
    {"username": "supervisor", "display_name": "李强", "role": "supervisor", "password": "demo-supervisor"},
    {"username": "admin", "display_name": "赵敏", "role": "administrator", "password": "demo-admin"},
]

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰红建国文斌鹏辉志海波宁燕飞鑫浩宇欣怡晨阳子涵博雪梅林峰亮成"
INDUSTRIES = ["制造业", "建筑业", "交通运输业", "采矿业", "批发和零售业", "住宿和餐饮业", "电力热力燃气", "农林牧渔业"]
EMPLOYER_WORDS = ["华兴", "远航", "恒达", "鑫源", "宏图", "金石", "新世纪", "东方", "瑞丰", "永盛", "天成", "安泰", "顺发", "长江", "海川"]
EMPLOYER_KINDS = ["机械制造有限公司", "建筑工程有限公司", "物流有限公司", "矿业有限公司", "商贸有限公司", "餐饮管理有限公司",
                  "电力设备有限公司", "农业发展有限公司"]
PLACES = ["一号车间", "二号车间冲压线", "仓库装卸区", "建筑工地三层", "厂区道路", "配送途中", "厨房", "机修间"]
BODY = [("右手", "右手中指骨折"), ("左腿", "左胫骨骨折"), ("腰部", "腰椎压缩性骨折"), ("头部", "轻型颅脑损伤"),
        ("右眼", "右眼角膜挫伤"), ("左肩", "左肩关节脱位"), ("双手", "双手Ⅱ度烧伤"), ("右足", "右足跟骨骨折")]
CIRCUMSTANCES = [
    "操作冲压机时右手被压伤，班组长立即送医。",
    "搬运货物时从装卸平台跌落。",
    "在脚手架上作业时失足坠落。",
    "驾驶叉车倒车时与立柱发生碰撞。",
    "检修设备时未断电，被转动部件卷入。",
    "厨房地面湿滑，端送热汤时摔倒烫伤。",
]
REGION = "350102"  # 福州市鼓楼区
BATCH = 20_000


def _name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))


def reset_demo(data_dir: Path, *, claims: int = 300, today: date | None = None,
               progress: Callable[[str, int, int], None] | None = None) -> Database:
    """Back up any existing database in ``data_dir``, then build a fresh demo database there."""
    data_dir = Path(data_dir)
    path = data_dir / DB_FILENAME
    if path.exists() and path.stat().st_size > 0:
        backup_database(path, data_dir / "backups", "before-demo-reset")
        for suffix in ("", "-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)
    db = open_database(data_dir)
    build_demo(db, claims=claims, today=today, progress=progress)
    return db


def build_demo(db: Database, *, claims: int, today: date | None = None,
               progress: Callable[[str, int, int], None] | None = None) -> None:
    today = today or date.today()
    ctx = ServiceContext(db=db, today=lambda: today)
    actors = create_office(ctx, users=DEMO_USERS, **DEMO_OFFICE)
    cw, sup = actors["caseworker"], actors["supervisor"]
    office_id = cw.office_id
    rng = random.Random(20261128)
    stamp = datetime.now(timezone.utc).replace(tzinfo=None).isoformat(sep=" ")
    sync_cols = (office_id, 1, stamp, sup.user_id, 0)
    con = db.raw_connection()
    report = progress or (lambda *_: None)
    try:
        con.execute("PRAGMA cache_size=-262144")  # 256 MiB: random UUID keys touch pages all over the indexes
        con.execute("BEGIN IMMEDIATE")
        # Row-by-row read-model triggers cost ten times the insert itself; for the bulk seed they are
        # set aside inside this transaction and the read model is built in one pass at the end.
        triggers = con.execute(
            "SELECT name, sql FROM sqlite_master WHERE type='trigger' AND name IN ('claims_list_ai','claim_list_ai')"
        ).fetchall()
        for trigger_name, _sql in triggers:
            con.execute(f"DROP TRIGGER {trigger_name}")
        n_emp = max(12, min(5000, claims // 200))
        employers = []
        for i in range(n_emp):
            first17 = f"91{REGION}MA{i + 1:07d}"
            kind = i % len(EMPLOYER_KINDS)
            employers.append((str(uuid.uuid4()), *sync_cols,
                              f"福州{EMPLOYER_WORDS[i % len(EMPLOYER_WORDS)]}{'' if i < 15 else i}{EMPLOYER_KINDS[kind]}",
                              make_credit_code(first17), INDUSTRIES[kind], 1 + (kind * 3 + i) % 8,
                              rng.randint(20, 3000), f"福州市鼓楼区{rng.randint(1, 300)}号", _name(rng),
                              f"0591-{rng.randint(10000000, 99999999)}"))
        con.executemany(
            "INSERT INTO employers (id, office_id, version, updated_at, updated_by, deleted, name, credit_code,"
            " industry, risk_class, headcount, address, contact_name, contact_phone)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", employers)
        tag = db.device_id.replace("-", "")[:4].upper()
        seq_by_year: dict[int, int] = {}
        done = 0
        while done < claims:
            n = min(BATCH, claims - done)
            people, claim_rows, dets, apprs = [], [], [], []
            for k in range(done, done + n):
                sex = "M" if rng.random() < 0.7 else "F"
                birth = date(1962, 1, 1) + timedelta(days=k % 14_000)
                seq = ((k // 14_000) % 500) * 2 + (1 if sex == "M" else 0)
                pid = str(uuid.uuid4())
                people.append((pid, *sync_cols, make_resident_id(REGION, birth, seq, sex), _name(rng), sex,
                               birth.isoformat(), f"13{rng.randint(100000000, 999999999)}", "福州市"))
                age_days = int(rng.random() ** 1.6 * 1000)
                accident = today - timedelta(days=age_days)
                row = _claim_row(rng, today, accident, age_days)
                year = accident.year
                seq_by_year[year] = seq_by_year.get(year, 0) + 1
                cid = str(uuid.uuid4())
                emp = employers[rng.randrange(len(employers))][0]
                part, diag = rng.choice(BODY)
                dl = next_deadline(row["facts"], today)
                claim_rows.append((cid, *sync_cols, claim_number(DEMO_OFFICE["code"], year, tag, seq_by_year[year]),
                                   pid, emp, row["facts"].status.value, accident.isoformat(),
                                   f"{rng.randint(7, 18):02d}:{rng.choice((0, 15, 30, 45)):02d}",
                                   rng.choice(PLACES), rng.choice(CIRCUMSTANCES), part, diag, 0,
                                   row["applicant"], _iso(row["received"]), _iso(row["accepted"]),
                                   int(row["clear"]), 1, rng.choice((cw.user_id, cw.user_id, sup.user_id)),
                                   _iso(dl.due if dl else None), dl.kind if dl else None))
                if row["decided"]:
                    dets.append((str(uuid.uuid4()), *sync_cols, cid, row["outcome"],
                                 "《工伤保险条例》第十四条第（一）项", row["decided"].isoformat(),
                                 f"榕人社工认〔{year}〕{seq_by_year[year]}号", sup.user_id))
                if row["requested"]:
                    apprs.append((str(uuid.uuid4()), *sync_cols, cid, row["requested"].isoformat(), 0,
                                  _iso(row["appraised"]), row["grade"], row["nursing"]))
            con.executemany(
                "INSERT INTO people (id, office_id, version, updated_at, updated_by, deleted, id_number, name, sex,"
                " birth_date, phone, address) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", people)
            con.executemany(
                "INSERT INTO claims (id, office_id, version, updated_at, updated_by, deleted, claim_no, worker_id,"
                " employer_id, status, accident_date, accident_time, accident_place, circumstances, body_parts,"
                " diagnosis, fatal, applicant_type, application_received_on, accepted_on, clear_case,"
                " needs_appraisal, assigned_to, next_deadline, next_deadline_kind)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", claim_rows)
            con.executemany(
                "INSERT INTO determinations (id, office_id, version, updated_at, updated_by, deleted, claim_id,"
                " outcome, basis, decided_on, decision_no, decided_by) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", dets)
            con.executemany(
                "INSERT INTO appraisals (id, office_id, version, updated_at, updated_by, deleted, claim_id,"
                " requested_on, extended, appraised_on, disability_grade, nursing_level)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", apprs)
            done += n
            report("claims", done, claims)
        report("index", 0, 1)
        con.execute(
            "INSERT INTO claim_list(claim_id, office_id, claim_no, worker_name, id_number, employer_name,"
            " accident_date, status, next_deadline, assigned_to, deleted)"
            " SELECT c.id, c.office_id, c.claim_no, p.name, p.id_number, e.name, c.accident_date, c.status,"
            " c.next_deadline, c.assigned_to, c.deleted"
            " FROM claims c JOIN people p ON p.id = c.worker_id JOIN employers e ON e.id = c.employer_id"
            " ORDER BY c.accident_date")
        con.execute("INSERT INTO claim_list_fts(claim_list_fts) VALUES ('rebuild')")
        for _trigger, sql in triggers:
            con.execute(sql)
        report("index", 1, 1)
        for year, number in seq_by_year.items():
            con.execute("INSERT OR REPLACE INTO local_settings (key, value) VALUES (?, ?)",
                        (f"claim_seq:{DEMO_OFFICE['code']}:{year}", str(number)))
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    finally:
        con.close()
    with ctx.write(sup, "demo.seed") as s:
        record_event(s, "demo.seed", "claims", office_id, {"claims": claims, "employers": n_emp})


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def _claim_row(rng: random.Random, today: date, accident: date, age_days: int) -> dict:
    """A consistent set of lifecycle facts for a claim whose accident was ``age_days`` ago."""
    def day(after: date, lo: int, hi: int) -> date:
        return min(today, after + timedelta(days=rng.randint(lo, hi)))

    applicant = rng.choice(("employer", "employer", "employer", "worker", "close_relative", "trade_union"))
    r = {"applicant": None, "received": None, "accepted": None, "clear": rng.random() < 0.3, "decided": None,
         "outcome": None, "requested": None, "appraised": None, "grade": None, "nursing": "none"}
    stage = min(6, age_days // 25 + (1 if rng.random() < 0.5 else 0))
    status = ["reported", "application_received", "determination", "appraisal", "assessment", "payment", "closed"][stage]
    if stage >= 1:
        r["applicant"] = applicant
        r["received"] = day(accident, 1, 25)
    if stage >= 2:
        r["accepted"] = day(r["received"], 0, 5)
    if stage >= 3 or (stage == 2 and rng.random() < 0.2):
        r["decided"] = day(r["accepted"], 5, 14 if r["clear"] else 55)
        r["outcome"] = "recognised" if rng.random() < 0.9 else "deemed"
    if stage >= 3:
        r["requested"] = day(r["decided"], 3, 30)
    if stage >= 4:
        r["appraised"] = day(r["requested"], 20, 58)
        r["grade"] = rng.choice((None, 10, 9, 9, 8, 7, 6, 5, 4))
        r["nursing"] = rng.choice(("none",) * 8 + ("partial", "major"))
    r["facts"] = ClaimFacts(
        status=status, accident_date=accident, applicant_type=r["applicant"],
        application_received_on=r["received"], accepted_on=r["accepted"], clear_case=r["clear"],
        determination_outcome=r["outcome"], decided_on=r["decided"], appraisal_requested_on=r["requested"],
        appraised_on=r["appraised"], disability_grade=r["grade"])
    return r
