"""The English wording of the calculation's message keys: formulas, legal bases and relations.

The engine gives every line item its formula and legal basis as message keys with parameters; the CLI
and the ``formula``/``basis`` text of a result render them with these templates, and the GUI translates the
same keys from the message catalogue (``injury_desk/catalogue/formulas.py``, which must say the same:
tests/unit/test_messages.py holds the two together). Parameters are already formatted for people.
"""

from __future__ import annotations

ENGLISH: dict[str, str] = {
    "list.plus": " + ",
    "list.semicolon": "; ",
    # the worker's own average and the bounded wage base (Art. 64)
    "calc.formula.own_average.wages": "{total} ÷ {count} = {average}",
    "calc.formula.own_average.given": "average monthly wage {average}",
    "calc.formula.wage_base.within": (
        "{own}, within {floor_share} × {regional} = {floor} .. {ceiling_share} × {regional} = {ceiling} → {amount}"
    ),
    "calc.formula.wage_base.below_floor": "{own} < {share} × {regional} = {bound} → {amount}",
    "calc.formula.wage_base.above_ceiling": "{own} > {share} × {regional} = {bound} → {amount}",
    # benefits
    "calc.formula.months_of_wage_base": "{months} months × {base} wage base = {amount}",
    "calc.formula.allowance": "{share} × {base} wage base = {amount}",
    "calc.formula.allowance_rounded": "{share} × {base} wage base = {exact} → {amount}",
    "calc.formula.allowance_minimum_wage": "{share} × {base} wage base = {exact} < minimum wage {minimum} → {amount}",
    "calc.formula.pension_top_up": (
        "{allowance_formula}; {allowance} monthly disability allowance − {pension} basic pension = {amount}"
    ),
    "calc.formula.share_of_regional_wage": "{share} × {regional} regional average monthly wage = {amount}",
    "calc.formula.suspension_wages": (
        "{months} months × {own} own average monthly wage (original wage, not bounded) = {amount}"
    ),
    "calc.formula.hospital_meal_allowance": "{days} days × {rate} daily hospital meal allowance = {amount}",
    "calc.formula.months_of_regional_wage": "{months} months × {regional} regional average monthly wage = {amount}",
    "calc.formula.dependants_pension": "{shares} = {total}; {total} × {base} wage base = {amount}",
    "calc.formula.dependants_pension_capped": (
        "{shares} = {total} > cap {cap} → {cap}; {cap} × {base} wage base = {amount}"
    ),
    "calc.formula.dependant_share": "{relation} {share}",
    "calc.formula.dependant_share_supplement": "{relation} {share}+{supplement}",
    "calc.formula.death_subsidy": "{multiple} × {income} national urban per-capita disposable income = {amount}",
    "calc.formula.death_subsidy_year": (
        "{multiple} × {income} national urban per-capita disposable income ({year}) = {amount}"
    ),
    # an annual adjustment (Art. 40) applied to a month's amount
    "calc.formula.adjustment.percentage": "{before} × (1 + {percentage}) = {after} ({notice})",
    "calc.formula.adjustment.fixed": "{before} + {fixed} = {after} ({notice})",
    "calc.formula.adjustment.both": "{before} × (1 + {percentage}) + {fixed} = {after} ({notice})",
    "calc.relation.spouse": "spouse",
    "calc.relation.child": "child",
    "calc.relation.parent": "parent",
    "calc.relation.other": "other",
    # legal bases: a rule file's own text, and the notes naming the regional figures used
    "calc.basis.rule": "{text}",
    "calc.basis.regional_wage": "regional average monthly wage: {source}",
    "calc.basis.schedule": "{schedule} ({source})",
    "calc.basis.hospital_meal_standard": "daily standard: {source}",
    # a region's parameter file, by its name and year (and its label when the figures are invented)
    "calc.source.region": "{name}, {year}",
    "calc.source.region_marked": "{name}, {year} [{label}]",
}
