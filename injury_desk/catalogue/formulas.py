"""The calculation's formulas and legal bases (context Formulas, LegalBasis): the words of the message keys
the compensation engine gives each line item (``LineItem.formula_message``, ``basis_message``).

A legal basis comes from a rule file as English text (``calc.basis.rule`` with its ``text``); the bases of
the shipped national rules are listed here by that text so that they are translated too, and any other
text is shown as written. The engine's own English wording (``domain/compensation/wording.py``, used by
``injury-desk calc``) says the same as the entries here; a test holds the two together.
"""

from __future__ import annotations

from injury_desk.catalogue.entry import QT_TRANSLATE_NOOP, Entry, _p, by_text

FORMULAS: dict[str, Entry] = {
    "list.plus": QT_TRANSLATE_NOOP("Formulas", " + "),
    "list.semicolon": QT_TRANSLATE_NOOP("Formulas", "; "),
    "calc.formula.own_average.wages": _p(QT_TRANSLATE_NOOP("Formulas", "%1 ÷ %2 = %3"), "total", "count", "average"),
    "calc.formula.own_average.given": _p(QT_TRANSLATE_NOOP("Formulas", "average monthly wage %1"), "average"),
    "calc.formula.wage_base.within": _p(QT_TRANSLATE_NOOP("Formulas", "%1, within %2 × %3 = %4 .. %5 × %3 = %6 → %7"),
        "own", "floor_share", "regional", "floor", "ceiling_share", "ceiling", "amount"),
    "calc.formula.wage_base.below_floor": _p(QT_TRANSLATE_NOOP("Formulas", "%1 < %2 × %3 = %4 → %5"), "own", "share", "regional", "bound", "amount"),
    "calc.formula.wage_base.above_ceiling": _p(QT_TRANSLATE_NOOP("Formulas", "%1 > %2 × %3 = %4 → %5"), "own", "share", "regional", "bound", "amount"),
    "calc.formula.months_of_wage_base": _p(QT_TRANSLATE_NOOP("Formulas", "%1 months × %2 wage base = %3"), "months", "base", "amount"),
    "calc.formula.allowance": _p(QT_TRANSLATE_NOOP("Formulas", "%1 × %2 wage base = %3"), "share", "base", "amount"),
    "calc.formula.allowance_rounded": _p(QT_TRANSLATE_NOOP("Formulas", "%1 × %2 wage base = %3 → %4"), "share", "base", "exact", "amount"),
    "calc.formula.allowance_minimum_wage": _p(QT_TRANSLATE_NOOP("Formulas", "%1 × %2 wage base = %3 < minimum wage %4 → %5"), "share", "base", "exact", "minimum", "amount"),
    "calc.formula.pension_top_up": _p(QT_TRANSLATE_NOOP("Formulas", "%1; %2 monthly disability allowance − %3 basic pension = %4"),
        "allowance_formula", "allowance", "pension", "amount"),
    "calc.formula.share_of_regional_wage": _p(QT_TRANSLATE_NOOP("Formulas", "%1 × %2 regional average monthly wage = %3"), "share", "regional", "amount"),
    "calc.formula.suspension_wages": _p(QT_TRANSLATE_NOOP("Formulas", "%1 months × %2 own average monthly wage (original wage, not bounded) = %3"),
        "months", "own", "amount"),
    "calc.formula.hospital_meal_allowance": _p(QT_TRANSLATE_NOOP("Formulas", "%1 days × %2 daily hospital meal allowance = %3"), "days", "rate", "amount"),
    "calc.formula.months_of_regional_wage": _p(QT_TRANSLATE_NOOP("Formulas", "%1 months × %2 regional average monthly wage = %3"), "months", "regional", "amount"),
    "calc.formula.dependants_pension": _p(QT_TRANSLATE_NOOP("Formulas", "%1 = %2; %2 × %3 wage base = %4"), "shares", "total", "base", "amount"),
    "calc.formula.dependants_pension_capped": _p(QT_TRANSLATE_NOOP("Formulas", "%1 = %2 > cap %3 → %3; %3 × %4 wage base = %5"), "shares", "total", "cap", "base", "amount"),
    "calc.formula.dependant_share": _p(QT_TRANSLATE_NOOP("Formulas", "%1 %2"), "relation", "share"),
    "calc.formula.dependant_share_supplement": _p(QT_TRANSLATE_NOOP("Formulas", "%1 %2+%3"), "relation", "share", "supplement"),
    "calc.formula.death_subsidy": _p(QT_TRANSLATE_NOOP("Formulas", "%1 × %2 national urban per-capita disposable income = %3"), "multiple", "income", "amount"),
    "calc.formula.death_subsidy_year": _p(QT_TRANSLATE_NOOP("Formulas", "%1 × %2 national urban per-capita disposable income (%3) = %4"),
        "multiple", "income", "year", "amount"),
    "calc.formula.adjustment.percentage": _p(QT_TRANSLATE_NOOP("Formulas", "%1 × (1 + %2) = %3 (%4)"), "before", "percentage", "after", "notice"),
    "calc.formula.adjustment.fixed": _p(QT_TRANSLATE_NOOP("Formulas", "%1 + %2 = %3 (%4)"), "before", "fixed", "after", "notice"),
    "calc.formula.adjustment.both": _p(QT_TRANSLATE_NOOP("Formulas", "%1 × (1 + %2) + %3 = %4 (%5)"), "before", "percentage", "fixed", "after", "notice"),
    "calc.relation.spouse": QT_TRANSLATE_NOOP("Formulas", "spouse"),
    "calc.relation.child": QT_TRANSLATE_NOOP("Formulas", "child"),
    "calc.relation.parent": QT_TRANSLATE_NOOP("Formulas", "parent"),
    "calc.relation.other": QT_TRANSLATE_NOOP("Formulas", "other"),
    "calc.basis.rule": _p(Entry("Formulas", "%1"), "text"),
    "calc.basis.regional_wage": _p(QT_TRANSLATE_NOOP("Formulas", "regional average monthly wage: %1"), "source"),
    "calc.basis.schedule": _p(QT_TRANSLATE_NOOP("Formulas", "%1 (%2)"), "schedule", "source"),
    "calc.basis.hospital_meal_standard": _p(QT_TRANSLATE_NOOP("Formulas", "daily standard: %1"), "source"),
    "calc.source.region": _p(QT_TRANSLATE_NOOP("Formulas", "%1, %2"), "name", "year"),
    "calc.source.region_marked": _p(QT_TRANSLATE_NOOP("Formulas", "%1, %2 [%3]"), "name", "year", "label"),
}

# keyed by their English text, which is what a rule file writes
LEGAL_BASES: dict[str, Entry] = by_text(
    QT_TRANSLATE_NOOP("LegalBasis", "Regulation on Work-Related Injury Insurance (2010) Art. 14"),
    QT_TRANSLATE_NOOP("LegalBasis", "Regulation on Work-Related Injury Insurance (2010) Art. 15(1)"),
    QT_TRANSLATE_NOOP("LegalBasis", "Regulation on Work-Related Injury Insurance (2010) Art. 15(2)"),
    QT_TRANSLATE_NOOP("LegalBasis", "Regulation on Work-Related Injury Insurance (2010) Art. 15(3)"),
    QT_TRANSLATE_NOOP("LegalBasis", "Regulation on Work-Related Injury Insurance (2010) Art. 30"),
    QT_TRANSLATE_NOOP("LegalBasis", "Regulation on Work-Related Injury Insurance (2010) Art. 33"),
    QT_TRANSLATE_NOOP("LegalBasis", "Regulation on Work-Related Injury Insurance (2010) Art. 34"),
    QT_TRANSLATE_NOOP("LegalBasis", "Regulation on Work-Related Injury Insurance (2010) Art. 35"),
    QT_TRANSLATE_NOOP("LegalBasis", "Regulation on Work-Related Injury Insurance (2010) Art. 35 para. 2; Social Insurance Law Art. 40"),
    QT_TRANSLATE_NOOP("LegalBasis", "Regulation on Work-Related Injury Insurance (2010) Art. 36"),
    QT_TRANSLATE_NOOP("LegalBasis", "Regulation on Work-Related Injury Insurance (2010) Art. 37"),
    QT_TRANSLATE_NOOP("LegalBasis", "Regulation on Work-Related Injury Insurance (2010) Arts. 35, 36: an allowance below the local minimum wage is made up to it"),
    QT_TRANSLATE_NOOP("LegalBasis", "Regulation on Work-Related Injury Insurance (2010) Arts. 36, 37; Social Insurance Law Art. 38"),
    QT_TRANSLATE_NOOP("LegalBasis", "Regulation on Work-Related Injury Insurance (2010) Arts. 36, 37; Social Insurance Law Art. 39"),
    QT_TRANSLATE_NOOP("LegalBasis", "Regulation on Work-Related Injury Insurance (2010) Art. 39(1)"),
    QT_TRANSLATE_NOOP("LegalBasis", "Regulation on Work-Related Injury Insurance (2010) Art. 39(2)"),
    QT_TRANSLATE_NOOP("LegalBasis", "Regulation on Work-Related Injury Insurance (2010) Art. 39(3)"),
    QT_TRANSLATE_NOOP("LegalBasis", "Regulation on Work-Related Injury Insurance (2010) Art. 39 last paragraph"),
    QT_TRANSLATE_NOOP("LegalBasis", "Regulation on Work-Related Injury Insurance (2010) Art. 40"),
    QT_TRANSLATE_NOOP("LegalBasis", "Regulation on Work-Related Injury Insurance (2010) Art. 64"),
)

# The shipped regional rule files' own words (a region's name, its label, a schedule, an Art. 40 notice), keyed
# by their English text as the files write it: results keep that text, language-neutral, and each language
# words it here. A region added later by an office shows its text as written until it is listed.
REGION_TEXTS: dict[str, Entry] = by_text(
    QT_TRANSLATE_NOOP("RegionRules", "Example Province (illustrative figures, not official)"),
    QT_TRANSLATE_NOOP("RegionRules", "illustrative figures, not official"),
    QT_TRANSLATE_NOOP("RegionRules", "Example Province schedule"),
    QT_TRANSLATE_NOOP("RegionRules", "Example Province notice on the 2024 adjustment of work-injury benefits (illustrative figures, not official)"),
    QT_TRANSLATE_NOOP("RegionRules", "Example Province notice on the 2025 adjustment of work-injury benefits (illustrative figures, not official)"),
)

# every rule file text the catalogue words, national and regional
RULE_TEXTS: dict[str, Entry] = {**LEGAL_BASES, **REGION_TEXTS}
