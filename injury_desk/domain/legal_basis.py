"""The articles a determination rests on, as a choice (never free text), with the wording a decision quotes.

Regulation on Work-Related Injury Insurance (2010 revision): Art. 14 lists the seven situations recognised as
a work-related injury, Art. 15 the three deemed one, Art. 16 the three that exclude both. The Chinese text
below is the Regulation's own wording, printed in the decision; the English is for the bilingual print.
"""

from __future__ import annotations

from dataclasses import dataclass

from injury_desk.domain.errors import FieldError


@dataclass(frozen=True)
class LegalBasis:
    code: str  # art14_1 … art14_7, art15_1 … art15_3, art16_1 … art16_3
    article: int
    item: int
    outcome: str  # the determination outcome it supports: recognised, deemed, not_recognised
    zh: str
    en: str

    @property
    def citation_zh(self) -> str:
        return f"《工伤保险条例》第{_CN[self.article]}条第（{_CN[self.item]}）项"

    @property
    def citation_en(self) -> str:
        return f"Regulation on Work-Related Injury Insurance, Art. {self.article} item ({self.item})"

    @property
    def quote_zh(self) -> str:
        return f"{self.citation_zh}：“{self.zh}”"

    @property
    def quote_en(self) -> str:
        return f"{self.citation_en}: “{self.en}”"


_CN = {1: "一", 2: "二", 3: "三", 4: "四", 5: "五", 6: "六", 7: "七", 14: "十四", 15: "十五", 16: "十六"}

_ITEMS = (
    (14, 1, "recognised", "在工作时间和工作场所内，因工作原因受到事故伤害的",
     "injured in an accident at work, during working hours and at the workplace, for reasons of work"),
    (14, 2, "recognised", "工作时间前后在工作场所内，从事与工作有关的预备性或者收尾性工作受到事故伤害的",
     "injured at the workplace just before or after working hours while preparing or finishing work"),
    (14, 3, "recognised", "在工作时间和工作场所内，因履行工作职责受到暴力等意外伤害的",
     "injured by violence or another accident while performing work duties, during working hours at the workplace"),
    (14, 4, "recognised", "患职业病的", "suffering from an occupational disease"),
    (14, 5, "recognised", "因工外出期间，由于工作原因受到伤害或者发生事故下落不明的",
     "injured for reasons of work, or missing after an accident, while away on work"),
    (14, 6, "recognised",
     "在上下班途中，受到非本人主要责任的交通事故或者城市轨道交通、客运轮渡、火车事故伤害的",
     "injured on the way to or from work in a traffic, urban rail, ferry or train accident not mainly of their "
     "own fault"),
    (14, 7, "recognised", "法律、行政法规规定应当认定为工伤的其他情形",
     "other situations that laws and administrative regulations recognise as a work-related injury"),
    (15, 1, "deemed", "在工作时间和工作岗位，突发疾病死亡或者在48小时之内经抢救无效死亡的",
     "died of a sudden illness during working hours at the post, or within 48 hours despite emergency treatment"),
    (15, 2, "deemed", "在抢险救灾等维护国家利益、公共利益活动中受到伤害的",
     "injured in rescue, disaster relief or other activities protecting national or public interests"),
    (15, 3, "deemed", "职工原在军队服役，因战、因公负伤致残，已取得革命伤残军人证，到用人单位后旧伤复发的",
     "a disabled veteran holding the revolutionary disabled serviceman's certificate whose old wound recurred "
     "after joining the employer"),
    (16, 1, "not_recognised", "故意犯罪的", "committing an intentional crime"),
    (16, 2, "not_recognised", "醉酒或者吸毒的", "drunkenness or drug use"),
    (16, 3, "not_recognised", "自残或者自杀的", "self-harm or suicide"),
)

BASES: dict[str, LegalBasis] = {
    f"art{a}_{i}": LegalBasis(f"art{a}_{i}", a, i, outcome, zh, en) for a, i, outcome, zh, en in _ITEMS
}


def codes_for(outcome: str) -> tuple[str, ...]:
    """The choices that fit an outcome; a not-recognised decision may also say no Art. 14/15 item applies
    (``none``), since Art. 16 only names the three exclusions."""
    codes = tuple(c for c, b in BASES.items() if b.outcome == outcome)
    return codes + (("none",) if outcome == "not_recognised" else ())


def basis_errors(outcome: str | None, code: str | None, field: str = "basis_code") -> list[FieldError]:
    """``field.required`` without a code, ``field.choice`` for an unknown one, ``determination.basis_mismatch``
    when the article does not support the outcome (Art. 16 with a recognition, Art. 14 with a refusal …)."""
    if not code:
        return [FieldError(field, "field.required")]
    if code != "none" and code not in BASES:
        return [FieldError(field, "field.choice", {"value": code})]
    if outcome and code not in codes_for(outcome):
        return [FieldError(field, "determination.basis_mismatch", {"basis": code, "outcome": outcome})]
    return []


def quote(code: str, language: str = "zh") -> str:
    """The sentence a decision prints for its basis."""
    if code == "none":
        return ("不符合《工伤保险条例》第十四条、第十五条规定的情形" if language == "zh"
                else "none of the situations of Arts. 14 and 15 of the Regulation applies")
    b = BASES[code]
    return b.quote_zh if language == "zh" else b.quote_en
