"""The demo data set: one demo office with its three users, employers, workers and claims in every state.

Small and large sets are built the same way, in bulk: the rows stand for data already synced from
the central store (version 1, no outbox entries), and one audited ``demo.seed`` event records the seed.
A handful of records are then made through the ordinary services, so the demo also shows local
changes waiting to sync.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import tempfile
import uuid
from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select

from injury_desk.domain.deadlines import next_deadline
from injury_desk.domain.legal_basis import quote
from injury_desk.domain.errors import DomainError
from injury_desk.domain.identifiers import make_credit_code, make_resident_id
from injury_desk.domain.lifecycle import ClaimFacts
from injury_desk.domain.money import to_fen
from injury_desk.domain.payments import payment_schedule
from injury_desk.private_files import private_dir
from injury_desk.services.assessments import recognition_basis
from injury_desk.services.bootstrap import create_office
from injury_desk.services.claims import claim_number
from injury_desk.services.context import ServiceContext
from injury_desk.store.capture import record_event
from injury_desk.store.models import MODEL_BY_TABLE
from injury_desk.store import cipher, db_key
from injury_desk.store.database import DB_FILENAME, Database, open_database
from injury_desk.store.discard import discard_abandoned_database
from injury_desk.store.own_files import BACKUP_DIR, DEMO_BUILD_PREFIX
from injury_desk.store.presence import Presence, others_present
from injury_desk.store.models import LocalSetting, Office, User

if TYPE_CHECKING:
    from injury_desk.services.container import Services

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
# The generated people's order codes (digits 15-17 of the ID number) start here: the claim-life claims'
# people (demo_claim_life) have fixed ID numbers with codes below it, which a large demo must not draw again
# (from 350,000 claims on, the generator's codes reached theirs and the claim-life worker was refused).
GENERATED_SEQ_FROM = 100


def generated_seq(k: int, sex: str) -> int:
    """The order code of the ``k``-th generated person: unique with the birth date (k % 14,000 days) for the
    first 6.3 million, odd for men and even for women."""
    return GENERATED_SEQ_FROM + ((k // 14_000) % 450) * 2 + (1 if sex == "M" else 0)
BATCH = 20_000
LIFE_MIN_CLAIMS = 20
REHAB_CANDIDATES = 1_000  # rehabilitation cases come from the first decided claims: a few hundred at most
REHAB_PROVIDERS = {"medical": ["福州市工伤康复医院", "福建省康复医院"], "vocational": ["福州职业技能培训中心"],
                   "social": ["鼓楼区社区康复站"]}
RTW_WEIGHTS = {"same_job": 40, "modified_job": 28, "other_job_same_employer": 10, "new_employer": 10,
               "not_returned": 12}
# The article each demo determination rests on (domain/legal_basis.py): a choice, as in the application.
# the demo's claims are not fatal, so a deemed one rests on Art. 15(2) (injured protecting the public
# interest): Art. 15(1) is a death at work, which the benefit calculation refuses for a living worker
DEMO_BASIS = {"recognised": "art14_1", "deemed": "art15_2", "not_recognised": "art16_2"}


def _name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))


def is_demo_database(db: Database) -> bool:
    """True for a database holding nothing but the demo office (or nothing at all): the demo may replace it."""
    with db.read() as s:
        codes = set(s.scalars(select(Office.code)))
        users = s.scalar(select(func.count()).select_from(User))
        enrolled = s.get(LocalSetting, "sync.central_url") is not None
    if enrolled:
        return False
    return codes == {DEMO_OFFICE["code"]} or (not codes and not users)


def reset_demo(data_dir: Path, *, claims: int = 300, today: date | None = None,
               progress: Callable[[str, int, int], None] | None = None) -> tuple[Database, Path | None]:
    """Build a fresh demo database in ``data_dir``; returns it and the backup of the database it replaced.

    The caller holds the writer marker and has made sure no other process has the database open and that
    it may be replaced (commands/demo.py). The new database is built beside the old one and moved over it
    only when complete; the old one is never unlinked: SQLite removes its write-ahead log itself when
    leaving WAL mode, which it refuses while any other connection has the file open."""
    data_dir = Path(data_dir)
    path = data_dir / DB_FILENAME
    backup = None
    private_dir(data_dir)  # the user's only from the start, as open_database would leave it
    remove_abandoned_builds(data_dir)
    if path.exists() and path.stat().st_size > 0:
        existing = open_database(data_dir, purpose="demo")  # an old plain one is encrypted first: no backup is plain
        try:
            backup = existing.backup("before-demo-reset")
        finally:
            existing.dispose()
        # The backup keeps the old key: its key id goes beside it, so it still opens after the swap below.
        db_key.write_key_id(backup, db_key.read_key_id(path))
    build_dir = Path(tempfile.mkdtemp(prefix=DEMO_BUILD_PREFIX, dir=data_dir))
    # Marked as in use from the start to the end (the build database's own marker comes and goes with it), so
    # that a demo killed here leaves a folder the next one knows it may remove, and a running one's stays.
    building = Presence(build_dir, "demo")
    try:
        fresh = open_database(build_dir, purpose="demo")
        try:
            build_demo(fresh, claims=claims, today=today, progress=progress)
        finally:
            fresh.dispose()
        built = build_dir / DB_FILENAME
        _leave_wal_mode(built)  # a log left beside the built file would not move with it
        if path.exists() and path.stat().st_size > 0:
            _leave_wal_mode(path)
        _swap_in(built, path)
    finally:
        building.close()
        shutil.rmtree(build_dir, ignore_errors=True)
    return open_database(data_dir, purpose="demo"), backup


def _swap_in(built: Path, path: Path) -> None:
    """Moves the built database over the live one, its key id first (the key id names the keyring entry that opens
    the file, so it moves with the file it belongs to). When the second rename fails (on Windows a scanner holding
    the file, say), the live database gets its own key id back; a kill between the two is finished by the next
    demo (finish_killed_swap)."""
    live_key_id = db_key.read_key_id(path) if path.exists() else None
    os.replace(db_key.key_id_path(built), db_key.key_id_path(path))
    try:
        os.replace(built, path)
    except BaseException:
        os.replace(db_key.key_id_path(path), db_key.key_id_path(built))
        if live_key_id is not None:
            db_key.write_key_id(path, live_key_id)
        raise


def _opens(path: Path, key: bytes) -> bool:
    try:
        con = cipher.connect(path, key, read_only=True)
        try:
            con.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            con.close()
    except cipher.sqlite.Error:
        return False
    return True


def finish_killed_swap(data_dir: Path) -> bool:
    """Finishes the swap of a demo killed between its two renames, which left the new key id beside the old
    database (so it opened with nothing) and the new database, without its key id, in its build folder; returns
    whether it did. The old database is safe in the backups with its own key id beside it."""
    path = Path(data_dir) / DB_FILENAME
    try:
        key = db_key.load_key(path)
    except DomainError:
        return False
    if not path.is_file() or _opens(path, key):
        return False  # nothing was left half done
    for folder in sorted(Path(data_dir).glob(DEMO_BUILD_PREFIX + "*")):
        built = folder / DB_FILENAME
        if (folder.is_symlink() or others_present(folder) or built.is_symlink() or not built.is_file()
                or db_key.key_id_path(built).exists() or not _opens(built, key)):
            continue
        os.replace(built, path)
        return True
    return False


def remove_abandoned_builds(data_dir: Path) -> None:
    """Removes the build folders of demos that were killed (hundreds of MB for a large demo) with their keys in the
    keyring; a folder that a live process marks as in use is a demo still building and stays. (The command line's
    demo also holds the writer marker, so no other demo can be between making its folder and marking it.)"""
    data_dir = Path(data_dir)
    # The keys the folder's own databases use (the database, its backups): a build holding a copy of one of their
    # key ids, or a link to their files, is not a build's own and keeps everything (its keys would be theirs).
    in_use = {db_key.read_key_id(p) for p in (data_dir / DB_FILENAME, *(data_dir / BACKUP_DIR).glob("*"))
              if not p.name.endswith(".key-id")} - {None}
    for folder in sorted(data_dir.glob(DEMO_BUILD_PREFIX + "*")):
        if folder.is_symlink() or not folder.is_dir() or others_present(folder):
            continue
        if discard_abandoned_database(folder / DB_FILENAME, in_use):
            shutil.rmtree(folder, ignore_errors=True)


def _leave_wal_mode(path: Path) -> None:
    """Fold a database's log into it and drop the log; ``demo.database_in_use`` if anyone has it open."""
    con = cipher.connect(path, db_key.load_key(path), isolation_level=None, timeout=0.5)
    try:
        con.execute("PRAGMA journal_mode=DELETE").fetchall()
    except cipher.sqlite.OperationalError as exc:
        raise DomainError("demo.database_in_use", path=str(path), others=str(exc)) from exc
    finally:
        con.close()


def seed_demo(services: Services, claims: int = 300) -> None:
    """Fill the services' empty database with the demo data set (the GUI's first run with --demo).

    Here and not on the container, so that the container never imports the demo, which builds one."""
    build_demo(services.ctx.db, claims=claims)


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
    # A demo of some size shows the situations of a claim's later life too (made through the services after the
    # bulk seed); the claim count stays the one asked for.
    life = claims >= LIFE_MIN_CLAIMS
    if life:
        from injury_desk.services.demo_claim_life import LIFE_CLAIMS

        claims -= LIFE_CLAIMS
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
        referable: list[tuple[str, date, date]] = []  # decided claims that may get a rehabilitation case
        money = _DemoMoney(ctx.resources_dir, office_region=DEMO_OFFICE["region"], today=today,
                           proposer=cw.user_id, approver=sup.user_id)
        done = 0
        while done < claims:
            n = min(BATCH, claims - done)
            people, claim_rows, dets, apprs, assessments, payments = [], [], [], [], [], []
            for k in range(done, done + n):
                sex = "M" if rng.random() < 0.7 else "F"
                birth = date(1962, 1, 1) + timedelta(days=k % 14_000)
                seq = generated_seq(k, sex)
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
                dl = next_deadline(row["facts"])
                claim_rows.append((cid, *sync_cols, claim_number(DEMO_OFFICE["code"], year, tag, seq_by_year[year]),
                                   pid, emp, row["facts"].status.value, accident.isoformat(),
                                   f"{rng.randint(7, 18):02d}:{rng.choice((0, 15, 30, 45)):02d}",
                                   rng.choice(PLACES), rng.choice(CIRCUMSTANCES), part, diag, 0,
                                   row["applicant"], _iso(row["received"]), _iso(row["accepted"]),
                                   int(row["clear"]), 1, rng.choice((cw.user_id, cw.user_id, sup.user_id)),
                                   _iso(dl.due if dl else None), dl.kind if dl else None))
                if row["decided"] and len(referable) < REHAB_CANDIDATES:
                    referable.append((cid, accident, row["decided"]))
                if row["decided"]:
                    code = DEMO_BASIS.get(row["outcome"].value if hasattr(row["outcome"], "value") else row["outcome"],
                                          "art14_1")
                    dets.append((str(uuid.uuid4()), *sync_cols, cid, row["outcome"], quote(code),
                                 row["decided"].isoformat(), f"榕人社工认〔{year}〕{tag}第{seq_by_year[year]:04d}号",
                                 sup.user_id, code))
                if row["requested"]:
                    apprs.append((str(uuid.uuid4()), *sync_cols, cid, row["requested"].isoformat(), 0,
                                  _iso(row["appraised"]), row["grade"], row["nursing"]))
                if row["stage"] >= 5:
                    money.add(assessments, payments, sync_cols, cid, accident, row)
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
                " outcome, basis, decided_on, decision_no, decided_by, basis_code) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                dets)
            con.executemany(
                "INSERT INTO appraisals (id, office_id, version, updated_at, updated_by, deleted, claim_id,"
                " requested_on, extended, appraised_on, disability_grade, nursing_level)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", apprs)
            con.executemany(
                "INSERT INTO assessments (id, office_id, version, updated_at, updated_by, deleted, claim_id, status,"
                " inputs, result, rules_version, params_version, total_once_fen, total_monthly_fen, proposed_by,"
                " proposed_at, decided_by, decided_at, return_reason) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                assessments)
            con.executemany(
                "INSERT INTO payments (id, office_id, version, updated_at, updated_by, deleted, claim_id,"
                " assessment_id, item_code, payer, due_on, amount_fen, status, paid_on, reference)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", payments)
            done += n
            report("claims", done, claims)
        # The demo office numbers its decisions with a prefix; each year's counter continues after the demo's
        # numbers, so a decision made in the demo gets the next one (services/decision_documents.py).
        con.execute("UPDATE offices SET decision_prefix = ? WHERE id = ?", ("榕人社工认", office_id))
        con.executemany("INSERT OR REPLACE INTO local_settings(key, value) VALUES (?, ?)",
                        [(f"decision_seq:{office_id}:{y}", str(n)) for y, n in seq_by_year.items()])
        _seed_prevention(con, rng, [e[0] for e in employers], sync_cols, today, cw.display_name)
        _seed_headcounts(con, random.Random(20261203), [(e[0], e[10]) for e in employers], sync_cols, today)
        _seed_rehab(con, random.Random(7), today, referable, sync_cols)
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
        if con.in_transaction:  # SQLite has rolled back already after some errors (a disk I/O error at commit)
            con.execute("ROLLBACK")
        raise
    finally:
        con.close()
    with ctx.write(sup, "demo.seed") as s:
        # The seeded rows were written in bulk, outside capture: every synced table's rows are recorded as they
        # are, under this one event (the office and its users, recorded already, again with the same content).
        record_event(s, "demo.seed", "claims", office_id, {"claims": claims, "employers": n_emp},
                     rows=dict.fromkeys(MODEL_BY_TABLE))
    if life:
        from injury_desk.services.container import Services
        from injury_desk.services.demo_claim_life import seed_claim_life

        seed_claim_life(Services.build(ctx), cw, sup, today)


HAZARDS = [("机械防护", "冲压机防护罩缺失"), ("用电安全", "配电箱未上锁"), ("高处作业", "脚手架护栏松动"),
           ("消防", "安全出口被货物堵塞"), ("个人防护", "工人未佩戴护目镜"), ("化学品", "化学品未分类存放")]
ACTIONS = ["加装防护装置并验收", "整改后拍照报送", "组织专项安全培训", "更换损坏部件"]
TRAINING = ["冲压设备安全操作", "高处作业安全", "消防演练", "叉车安全驾驶", "用电安全", "职业病防护"]
PREVENTION_EMPLOYERS = 40  # the prevention demo covers the first employers only, so any demo size seeds fast


def _seed_prevention(con, rng: random.Random, employer_ids: list[str], sync_cols: tuple, today: date,
                     inspector: str) -> None:
    """Incidents over four years, inspections with hazards and corrective actions (some overdue), and this
    and last year's training, so the prevention pages and their charts show something."""
    cols = "id, office_id, version, updated_at, updated_by, deleted"
    incidents, inspections, hazards, actions, training = [], [], [], [], []
    for n, emp in enumerate(employer_ids[:PREVENTION_EMPLOYERS]):
        # Some employers get worse year by year, some better: the trend and "rising rates" lists have entries.
        slope = (n % 3) - 1
        for back in range(3, -1, -1):
            year = today.year - back
            count = max(0, 2 + slope * (3 - back) + rng.randint(-1, 1))
            for _ in range(count):
                day = min(today, date(year, 1, 1) + timedelta(days=rng.randint(0, 364)))
                accident = rng.random() < 0.75
                incidents.append((str(uuid.uuid4()), *sync_cols, emp, None, "accident" if accident else "near_miss",
                                  day.isoformat(), rng.choice(PLACES), rng.choice(CIRCUMSTANCES),
                                  rng.randint(1, 45) if accident else 0))
        if n < 16:
            inspected = today - timedelta(days=rng.randint(20, 200))
            insp = str(uuid.uuid4())
            inspections.append((insp, *sync_cols, emp, inspected.isoformat(), inspected.isoformat(), inspector,
                                "done", "例行检查：现场发现问题已当场告知企业负责人。"))
            for _ in range(rng.randint(1, 3)):
                hid = str(uuid.uuid4())
                category, description = rng.choice(HAZARDS)
                due = inspected + timedelta(days=rng.choice((15, 30, 60, 90)))
                done = due < today and rng.random() < 0.5
                # Most actions are closed a little before the due date, some after it (not on time); no random
                # draw here, so the rest of the demo stays as it was.
                closed = min(today, due + timedelta(days=(len(actions) * 7) % 31 - 20))
                hazards.append((hid, *sync_cols, insp, emp, category, rng.choice(("low", "medium", "high", "critical")),
                                rng.choice(PLACES), description, "closed" if done else "open"))
                actions.append((str(uuid.uuid4()), *sync_cols, hid, rng.choice(ACTIONS), _name(rng), due.isoformat(),
                                "done" if done else "open", max(closed, inspected).isoformat() if done else None))
        if n % 4 == 0:
            planned = today + timedelta(days=rng.randint(3, 40))
            inspections.append((str(uuid.uuid4()), *sync_cols, emp, planned.isoformat(), None, inspector, "planned", ""))
    for back, sessions in ((1, 6), (0, 8)):
        for k in range(sessions):
            held = date(today.year - back, 1 + (k * 12) // sessions, rng.randint(1, 28))
            count = rng.randint(15, 80)
            training.append((str(uuid.uuid4()), *sync_cols, employer_ids[k % len(employer_ids)] if k % 3 else None,
                             TRAINING[k % len(TRAINING)], held.isoformat(), _name(rng) + "老师", count, "",
                             rng.randint(8_000, 30_000) * 100))
    spends = [(str(uuid.uuid4()), *sync_cols, kind, title, date(today.year - back, month, 15).isoformat(), fen, None,
               ref) for back in (1, 0) for kind, title, month, fen, ref in (
        ("project", "冲压设备安全防护改造补助", 4, 6_000_000, "预防项目合同 2-01"),
        ("publicity", "“安全生产月”工伤预防宣传", 6, 1_200_000, ""))]
    con.executemany(f"INSERT INTO prevention_spends ({cols}, kind, title, spent_on, amount_fen, employer_id,"
                    " reference) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", spends)
    con.executemany(f"INSERT INTO incidents ({cols}, employer_id, person_id, kind, occurred_on, place, description,"
                    " days_lost) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", incidents)
    con.executemany(f"INSERT INTO inspections ({cols}, employer_id, planned_on, inspected_on, inspector, status,"
                    " summary) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", inspections)
    con.executemany(f"INSERT INTO hazards ({cols}, inspection_id, employer_id, category, severity, location,"
                    " description, status) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", hazards)
    con.executemany(f"INSERT INTO corrective_actions ({cols}, hazard_id, description, owner, due_date, status,"
                    " closed_on) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", actions)
    con.executemany(f"INSERT INTO training_sessions ({cols}, employer_id, topic, held_on, trainer, attendee_count,"
                    " attendee_names, cost_fen) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", training)


HEADCOUNT_YEARS = 5
HEADCOUNT_SOURCES = ("工伤保险参保人数（社保经办系统）", "企业年度报告")


def _seed_headcounts(con, rng: random.Random, employers: list[tuple[str, int]], sync_cols: tuple,
                     today: date) -> None:
    """Each employer's headcount for the last five years, drifting a little from year to year; every
    seventh employer has none for the earliest year, so the statistics show how such an employer is left out."""
    rows = []
    for n, (emp, headcount) in enumerate(employers):
        count = headcount
        for back in range(HEADCOUNT_YEARS):
            if back == HEADCOUNT_YEARS - 1 and n % 7 == 3:
                continue
            rows.append((str(uuid.uuid4()), *sync_cols, emp, today.year - back, max(1, count),
                         HEADCOUNT_SOURCES[(n + back) % 2]))
            count = round(count * rng.uniform(0.9, 1.08))
    con.executemany("INSERT INTO employer_headcounts (id, office_id, version, updated_at, updated_by, deleted,"
                    " employer_id, year, headcount, source) VALUES (?,?,?,?,?,?,?,?,?,?)", rows)


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
    r["stage"] = stage
    r["facts"] = ClaimFacts(
        status=status, accident_date=accident, applicant_type=r["applicant"],
        application_received_on=r["received"], accepted_on=r["accepted"], clear_case=r["clear"],
        determination_outcome=r["outcome"], decided_on=r["decided"], appraisal_requested_on=r["requested"],
        appraised_on=r["appraised"], disability_grade=r["grade"],
        # a claim reaches payment only through an approved assessment (domain/lifecycle.py), and so does the demo's
        assessment_proposed=stage >= 5, assessment_approved=stage >= 5)
    return r


DEMO_WAGES = tuple(Decimal(w) for w in ("4200.00", "5100.00", "6000.00", "6800.00", "7500.00", "8800.00",
                                           "10500.00", "13000.00"))


class _DemoMoney:
    """Each claim at payment or closed gets what the services would have given it: an assessment calculated by
    the engine from the claim's own facts (its appraisal's grade and nursing level, its decision's article),
    proposed by the caseworker and approved by the supervisor with its rule versions, and the payments its
    approval schedules (domain/payments.py), paid when due. A demo export then imports into an empty office.

    The engine runs once per distinct input (parameters year, wage, grade, nursing level, article): a million
    claims need a few hundred calculations. It draws from its own random generator, so the rest of the demo
    stays as it was."""

    def __init__(self, resources_dir, *, office_region: str, today: date, proposer: str, approver: str) -> None:
        from injury_desk.domain.compensation import load_rules

        self.rules = load_rules(Path(resources_dir) / "rules")
        self.region = office_region
        self.years = self.rules.region_years(office_region)
        self.today = today
        self.proposer, self.approver = proposer, approver
        self.rng = random.Random(20261204)
        self.results: dict[tuple, tuple[str, str, str, str, int, int]] = {}
        self.paid = 0

    def _params_year(self, accident: date) -> int:
        """The year before the injury (Arts. 34, 39, 64); the demo's region publishes a few years only, so a claim
        outside them uses the nearest year it has (a caseworker would type that year's figures in)."""
        wanted = accident.year - 1
        return min(self.years, key=lambda y: (abs(y - wanted), y)) if wanted not in self.years else wanted

    def _calculated(self, template: dict[str, Any], accident: date) -> tuple[str, str, str, str, int, int]:
        """(result JSON, items as a list, rules version, parameters version, once fen, monthly fen), once per input."""
        from injury_desk.domain.compensation import calculate, parse_calc_input
        from injury_desk.services.assessments import result_record

        key = (id(self.rules.national_for(accident)), json.dumps(template, sort_keys=True))
        if key not in self.results:
            inputs = {"injury_date": accident.isoformat(), **template}
            result = calculate(parse_calc_input(inputs, self.rules), self.rules)
            versions = result.versions
            params_version = versions.get("region_params_version") or ""
            if versions.get("disposable_income_year"):
                params_version = f"{params_version}; income {versions['disposable_income_year']}".lstrip("; ")
            self.results[key] = (json.dumps(result_record(result)), result.rules_version[:64], params_version[:64],
                                 to_fen(result.total_once), to_fen(result.total_monthly))
        return self.results[key]

    def add(self, assessments: list, payments: list, sync_cols: tuple, claim_id: str, accident: date,
            row: dict) -> None:
        grade, nursing = row["grade"], row["nursing"]
        wage = self.rng.choice(DEMO_WAGES)
        # the inputs as the assessment page prefills them (services/assessments.py prefill), the wages entered
        template: dict[str, Any] = {"monthly_wages": [str(wage)] * 12, "region": self.region,
                                    "year": self._params_year(accident), "disability_grade": grade,
                                    "fatal": False, "employer_cannot_arrange_work": False,
                                    "employment_ended": False, "suspension_months": 0,
                                    "suspension_extended": False}
        if grade is not None and nursing != "none":
            template["nursing_level"] = nursing
        basis = recognition_basis(DEMO_BASIS.get(row["outcome"], "art14_1"))
        if basis is not None:
            template["recognition_basis"] = basis
        result, rules_version, params_version, once_fen, monthly_fen = self._calculated(template, accident)
        proposed = min(self.today, row["appraised"] + timedelta(days=self.rng.randint(3, 20)))
        approved = min(self.today, proposed + timedelta(days=self.rng.randint(1, 7)))
        assessment_id = str(uuid.uuid4())
        assessments.append((assessment_id, *sync_cols, claim_id, "approved",
                            json.dumps({"injury_date": accident.isoformat(), **template}), result, rules_version,
                            params_version, once_fen, monthly_fen, self.proposer, _stamp(proposed, 10),
                            self.approver, _stamp(approved, 15), ""))
        for p in payment_schedule(json.loads(result)["items"], approved):
            paid_on = min(self.today, p.due_on + timedelta(days=self.rng.randint(0, 3))) if p.due_on <= self.today \
                else None
            if paid_on is not None:
                self.paid += 1
            payments.append((str(uuid.uuid4()), *sync_cols, claim_id, assessment_id, p.item_code, p.payer,
                             p.due_on.isoformat(), p.amount_fen, "paid" if paid_on else "scheduled", _iso(paid_on),
                             f"转账 {self.paid:07d}" if paid_on else ""))


def _stamp(day: date, hour: int) -> str:
    """A UTC timestamp as the store writes it (store/base.py UTCDateTime)."""
    return datetime(day.year, day.month, day.day, hour).isoformat(sep=" ", timespec="microseconds")


def _seed_rehab(con, rng: random.Random, today: date, referable: list[tuple[str, date, date]], sync_cols) -> None:
    """Rehabilitation cases for about a third of the decided claims: a plan with Barthel, pain and work-hours
    goals measured every two weeks, weekly sessions within the budget, and a return to work for most of
    those injured long enough ago (so the progress charts and the statistics have something to show)."""
    cases, plans, goals, measures, sessions = [], [], [], [], []
    for claim_id, accident, decided in referable:
        if rng.random() > 0.35:
            continue
        opened = min(today, decided + timedelta(days=rng.randint(3, 20)))
        referral = rng.choices(("medical", "vocational", "social"), (6, 3, 1))[0]
        budget = {"medical": 20_000, "vocational": 8_000, "social": 3_000}[referral] * 100
        case_id, plan_id = str(uuid.uuid4()), str(uuid.uuid4())
        drawn = min(today, opened + timedelta(days=2))
        outcome = rtw = closed = None
        if (today - accident).days > 120 and rng.random() < 0.85:
            outcome = rng.choices(list(RTW_WEIGHTS), list(RTW_WEIGHTS.values()))[0]
            back = accident + timedelta(days=int(60 + rng.random() ** 1.5 * 300))
            rtw = None if outcome == "not_returned" else min(today, max(drawn, back))
            ended = rtw or min(today, drawn + timedelta(days=120))
            if (today - ended).days > 30:
                closed = ended + timedelta(days=rng.randint(5, 30))
        end = closed or today
        cases.append((case_id, *sync_cols, claim_id, referral, rng.choice(REHAB_PROVIDERS[referral]), budget,
                      opened.isoformat(), "closed" if closed else "open", _iso(closed), outcome, _iso(rtw),
                      "不宜长时间站立" if outcome == "modified_job" else "", "调整为轻体力岗位" if outcome == "modified_job" else ""))
        review = drawn + timedelta(days=60)
        while not closed and review < today - timedelta(days=10):
            review += timedelta(days=60)  # open cases were reviewed on time, apart from the latest reviews
        plans.append((plan_id, *sync_cols, case_id, drawn.isoformat(), review.isoformat(), "康复评定后制定"))
        for measure, description, base, target, step in (
                ("barthel", "日常生活自理", rng.randint(7, 12) * 5, rng.choice((90, 95, 100)), 1.0),
                ("pain", "疼痛减轻", rng.randint(6, 9), rng.randint(1, 3), 1.0),
                ("work_hours", "恢复工作能力", 0, 40, 0.5)):
            goal_id = str(uuid.uuid4())
            goals.append((goal_id, *sync_cols, plan_id, description, measure, str(base), str(target),
                          (drawn + timedelta(days=rng.randint(75, 120))).isoformat()))
            day, k = drawn + timedelta(days=7), 0
            while day <= end and k < 12:
                progress = min(1.0, (k + 1) / rng.uniform(6, 10))
                value = base + (target - base) * progress + rng.uniform(-1, 1) * (abs(target - base) * 0.08)
                low, high = min(base, target), max(base, target)
                value = max(low, min(high, value))
                text = f"{round(value / 5) * 5 if measure == 'barthel' else round(value)}" if step == 1.0 \
                    else f"{round(value * 2) / 2:g}"
                measures.append((str(uuid.uuid4()), *sync_cols, goal_id, day.isoformat(), text))
                day += timedelta(days=14)
                k += 1
        spent, day = 0, drawn + timedelta(days=3)
        for _week in range(rng.randint(8, 16)):
            cost = rng.randint(3, 6) * 10_000
            if spent + cost > budget or (closed and day > closed):
                break
            attended = None if day > today else rng.random() < 0.92
            if day < today and (today - day).days < 5 and rng.random() < 0.5:
                attended = None  # a few recent sessions still waiting for their attendance record
            sessions.append((str(uuid.uuid4()), *sync_cols, plan_id, day.isoformat(),
                             rng.choice(("物理治疗", "作业治疗", "职业训练", "心理疏导")), attended, cost, ""))
            spent += cost
            day += timedelta(days=7)
    con.executemany(
        "INSERT INTO rehab_cases (id, office_id, version, updated_at, updated_by, deleted, claim_id, referral_type,"
        " provider, budget_fen, opened_on, status, closed_on, rtw_outcome, rtw_date, restrictions, accommodations)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", cases)
    con.executemany(
        "INSERT INTO rehab_plans (id, office_id, version, updated_at, updated_by, deleted, case_id, drawn_up_on,"
        " review_on, notes) VALUES (?,?,?,?,?,?,?,?,?,?)", plans)
    con.executemany(
        "INSERT INTO rehab_goals (id, office_id, version, updated_at, updated_by, deleted, plan_id, description,"
        " measure, baseline, target, target_date) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", goals)
    con.executemany(
        "INSERT INTO rehab_measurements (id, office_id, version, updated_at, updated_by, deleted, goal_id,"
        " measured_on, value) VALUES (?,?,?,?,?,?,?,?,?)", measures)
    con.executemany(
        "INSERT INTO rehab_sessions (id, office_id, version, updated_at, updated_by, deleted, plan_id, scheduled_on,"
        " kind, attended, cost_fen, notes) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", sessions)
