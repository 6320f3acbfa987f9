"""The dependants register of a deceased worker: who qualifies, each person's share of the pension, the cap
at the worker's wage, and the events that end a person's pension (Art. 39(2); 《因工死亡职工供养亲属范围规定》).

Art. 39(2) of the Regulation: 供养亲属抚恤金按照职工本人工资的一定比例发给由因工死亡职工生前提供主要生活
来源、无劳动能力的亲属。标准为：配偶每月40%，其他亲属每人每月30%，孤寡老人或者孤儿每人每月在上述标准的基础上
增加10%。核定的各供养亲属的抚恤金之和不应高于因工死亡职工生前的工资。

The Provisions on the Scope of Dependants of Workers Who Died at Work (MOLSS Order No. 18, 2003), Art. 3: a
relative the worker mainly supported qualifies when (1) completely unable to work; (2) a spouse, (3) a parent,
or (5) — both parents having died — a grandparent, aged 60 (men) or 55 (women); (4) a child, (6) — the child
having died or lost the capacity to work — a grandchild, or (7) — both parents having died or lost the
capacity to work — a sibling, under 18. Art. 4: the pension stops on (1) reaching 18 without having
completely lost the capacity to work, (2) taking up employment or enlisting, (3) the spouse's remarriage,
(4) adoption by another person or organisation, (5) death.

Choices made here (the texts leave them open):

* A month's pension is due to a person entitled on the first day of the month (payments fall due on the
  first, as in the payment schedule): a child whose 18th birthday is 15 June is paid for June, not July; a
  birthday on 1 June ends the pension after May.
* When the shares add up to more than the cap, every person's amount is cut in proportion to the share, each
  rounded to the fen, half up; the fen left over by rounding goes to (or comes from) the largest share, the
  first listed among equals, so that the amounts add up to the cap exactly and each payment goes to a person.
* Whether a relative was mainly supported by the worker, and the conditions that depend on other relatives
  (items 5–7: parents deceased, child deceased), are the caseworker's findings: the register records the
  condition chosen and checks what the person's own dates can show (relation, age, sex, capacity).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import NamedTuple

from injury_desk.domain.errors import FieldError
from injury_desk.domain.money import round_fen
from injury_desk.domain.rules_file import RulesFile, check_national_day, national_file_in_force

RELATIONS = ("spouse", "child", "parent", "grandparent", "grandchild", "sibling")
SEXES = ("male", "female")
ENDING_EVENTS = ("employment", "enlistment", "remarriage", "adoption", "death")
# Art. 3 of the Provisions: condition -> (relations it is for, its age test)
CONDITIONS: dict[str, tuple[frozenset[str], str]] = {
    "lost_capacity": (frozenset(RELATIONS), "none"),
    "spouse_of_age": (frozenset({"spouse"}), "elderly"),
    "parent_of_age": (frozenset({"parent"}), "elderly"),
    "child_under_age": (frozenset({"child"}), "minor"),
    "grandparent_of_age": (frozenset({"grandparent"}), "elderly"),
    "grandchild_under_age": (frozenset({"grandchild"}), "minor"),
    "sibling_under_age": (frozenset({"sibling"}), "minor"),
}
ZERO = Decimal("0.00")
# The register's records are NamedTuples: a frozen dataclass is compiled from source when its module loads (over a
# millisecond each), and the Tasks page loads this module as the window opens (dependants' pension endings).


class RegisterAges(NamedTuple):
    """The ages of the Provisions (Arts. 3, 4), from the national rule file."""

    minor_until_age: int
    elderly_age: dict[str, int]
    # a child born after the worker's death is a dependant too; how long after the death one can be born
    posthumous_days: int
    basis: str


class RegisterRules(NamedTuple):
    """The shares of Art. 39(2) and the ages of the Provisions."""

    spouse_share: Decimal
    other_share: Decimal
    lonely_supplement: Decimal
    cap_share: Decimal
    ages: RegisterAges


class Event(NamedTuple):
    """Something that ends a person's pension (Art. 4 of the Provisions) and the day it happened."""

    kind: str
    on: date


class Dependant(NamedTuple):
    """One relative in the register. ``payee`` receives the money (a guardian for a child); default: the person."""

    key: str
    name: str
    relation: str
    sex: str
    birth_date: date
    condition: str
    lost_capacity: bool = False
    lonely_elderly_or_orphan: bool = False
    payee: str | None = None
    events: tuple[Event, ...] = ()

    @property
    def paid_to(self) -> str:
        return self.payee or self.name


class Ending(NamedTuple):
    """When and why a person's pension ends: an event, or the 18th birthday."""

    on: date
    reason: str


class PensionLine(NamedTuple):
    dependant: Dependant
    share: Decimal
    amount: Decimal


class PensionMonth(NamedTuple):
    """Who is paid what in one month; ``capped`` when the shares were cut to the worker's wage."""

    month: date
    lines: tuple[PensionLine, ...]
    total_share: Decimal
    capped: bool

    @property
    def total(self) -> Decimal:
        return sum((line.amount for line in self.lines), ZERO)


def read_register_rules(r: RulesFile) -> RegisterRules:
    """The register's numbers in a national rule file: the shares of ``dependants_pension`` and the ages of
    ``dependants_register`` (the rule book reads them so too)."""
    return RegisterRules(
        spouse_share=r.number("dependants_pension.spouse_share"),
        other_share=r.number("dependants_pension.other_share"),
        lonely_supplement=r.number("dependants_pension.lonely_elderly_or_orphan_supplement", positive=False),
        cap_share=r.number("dependants_pension.cap_share"),
        ages=RegisterAges(
            minor_until_age=r.whole("dependants_register.minor_until_age"),
            elderly_age={sex: r.whole(f"dependants_register.elderly_age_{sex}") for sex in SEXES},
            posthumous_days=r.whole("dependants_register.posthumous_days"),
            basis=r.text("dependants_register.basis"),
        ),
    )


def register_rules_in_force(rules_dir: Path, on: date) -> RegisterRules:
    """The register's rules of the national rule file in force on ``on``, read on their own: the Tasks page needs
    nothing else of the rule book, and loading all of it (rules.load_rules) is a third of the page's first read.
    The same values as ``load_rules(rules_dir).national_for(on).register_rules`` for a valid rules folder."""
    day, path = national_file_in_force(rules_dir, on)
    r = RulesFile.open(path, rules_dir)
    check_national_day(r, day)
    return read_register_rules(r)


def age_on(birth: date, day: date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def birthday(birth: date, age: int) -> date:
    """The day ``birth`` turns ``age``; someone born on 29 February turns it on 1 March in a common year."""
    try:
        return birth.replace(year=birth.year + age)
    except ValueError:
        return date(birth.year + age, 3, 1)


def register_errors(register: Sequence[Dependant], death_date: date, rules: RegisterRules) -> list[FieldError]:
    """Every broken rule of the register as field errors (``dependants[i].field``), all at once."""
    errors: list[FieldError] = []
    keys: set[str] = set()
    for index, dep in enumerate(register):
        def err(name: str, rule: str, /, **params) -> None:
            errors.append(FieldError(f"dependants[{index}].{name}", rule, params))

        if dep.key in keys:
            err("key", "dependant.duplicate", key=dep.key)
        keys.add(dep.key)
        if dep.relation not in RELATIONS:
            err("relation", "dependant.relation_unknown", value=dep.relation)
        if dep.sex not in SEXES:
            err("sex", "dependant.sex_unknown", value=dep.sex)
        latest_birth = death_date + timedelta(days=rules.ages.posthumous_days if dep.relation == "child" else 0)
        if dep.birth_date > latest_birth:
            err("birth_date", "dependant.born_after_death", birth_date=dep.birth_date.isoformat(),
                death_date=death_date.isoformat())
        condition = CONDITIONS.get(dep.condition)
        if condition is None:
            err("condition", "dependant.condition_unknown", value=dep.condition)
        elif dep.relation in RELATIONS and dep.relation not in condition[0]:
            err("condition", "dependant.condition_relation", condition=dep.condition, relation=dep.relation)
        elif condition[1] == "elderly" and dep.sex in SEXES:
            needed = rules.ages.elderly_age[dep.sex]
            if age_on(dep.birth_date, death_date) < needed:
                err("condition", "dependant.not_of_age", age=needed, on=death_date.isoformat())
        elif condition[1] == "minor" and age_on(dep.birth_date, death_date) >= rules.ages.minor_until_age:
            err("condition", "dependant.not_a_minor", age=rules.ages.minor_until_age, on=death_date.isoformat())
        if dep.condition == "lost_capacity" and not dep.lost_capacity:
            err("lost_capacity", "dependant.capacity_not_recorded")
        for event in dep.events:
            if event.kind not in ENDING_EVENTS:
                err("events", "dependant.event_unknown", value=event.kind)
            elif event.kind == "remarriage" and dep.relation != "spouse":
                # Art. 4(3) names the spouse's remarriage only
                err("events", "dependant.remarriage_not_spouse", relation=dep.relation)
            if event.on < death_date:
                err("events", "dependant.event_before_death", kind=event.kind, on=event.on.isoformat(),
                    death_date=death_date.isoformat())
    if sum(1 for d in register if d.relation == "spouse") > 1:
        errors.append(FieldError("dependants", "dependant.spouse_duplicate", {}))
    return errors


def ending(dep: Dependant, rules: RegisterRules) -> Ending | None:
    """The day the person's pension ends and why: the earliest event, or the day a minor turns 18 unless the
    person has completely lost the capacity to work (Art. 4(1)); None while nothing ends it."""
    candidates = [Ending(e.on, e.kind) for e in dep.events]
    if CONDITIONS.get(dep.condition, (None, ""))[1] == "minor" and not dep.lost_capacity:
        candidates.append(Ending(birthday(dep.birth_date, rules.ages.minor_until_age), "age_limit"))
    return min(candidates, key=lambda e: e.on) if candidates else None


def share_of(dep: Dependant, rules: RegisterRules) -> Decimal:
    """40 % for the spouse, 30 % for another relative, +10 % for a lonely elderly person or an orphan."""
    share = rules.spouse_share if dep.relation == "spouse" else rules.other_share
    return share + (rules.lonely_supplement if dep.lonely_elderly_or_orphan else 0)


def entitled_on(dep: Dependant, day: date, death_date: date, rules: RegisterRules) -> bool:
    """Entitled from the day after the death (or birth, for a posthumous child) until the ending day."""
    if day <= death_date or day < dep.birth_date:
        return False
    end = ending(dep, rules)
    return end is None or day < end.on


def pension_for_month(
    register: Iterable[Dependant], month: date, death_date: date, wage_base: Decimal, rules: RegisterRules
) -> PensionMonth:
    """Each entitled person's pension for ``month``, the total capped at the worker's wage; pure."""
    month = month.replace(day=1)
    entitled = [d for d in register if entitled_on(d, month, death_date, rules)]
    shares = [share_of(d, rules) for d in entitled]
    total_share = sum(shares, Decimal(0))
    cap = round_fen(wage_base * rules.cap_share)
    if total_share <= rules.cap_share:
        lines = [PensionLine(d, s, round_fen(wage_base * s)) for d, s in zip(entitled, shares, strict=True)]
        return PensionMonth(month, tuple(lines), total_share, capped=False)
    amounts = [round_fen(cap * s / total_share) for s in shares]
    # the fen lost or gained by rounding goes to the largest share, so the payments add up to the cap
    largest = max(range(len(shares)), key=lambda i: (shares[i], -i))
    amounts[largest] += cap - sum(amounts, ZERO)
    lines = [PensionLine(d, s, a) for d, s, a in zip(entitled, shares, amounts, strict=True)]
    return PensionMonth(month, tuple(lines), total_share, capped=True)


def endings_within(
    register: Iterable[Dependant], today: date, days: int, rules: RegisterRules
) -> list[tuple[Dependant, Ending]]:
    """The pensions that end between ``today`` and ``days`` days ahead, soonest first (for the Tasks page)."""
    found = []
    for dep in register:
        end = ending(dep, rules)
        if end is not None and today <= end.on <= today + timedelta(days=days):
            found.append((dep, end))
    return sorted(found, key=lambda pair: pair[1].on)
