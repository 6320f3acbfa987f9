"""The one message catalogue: every message key, field name and stored code with its English words.

Code outside ``ui`` raises or returns keys with parameters; the GUI translates an entry with Qt
(``ui/messages.py``) and the printed forms from the same .ts file (``printing/translations.py``), so a
sentence is written once. Sentences use Qt's numbered placeholders; ``Entry.names`` says which parameter
each number stands for.
"""

from __future__ import annotations

from injury_desk.catalogue.entry import Entry
from injury_desk.catalogue.fields import FIELDS
from injury_desk.catalogue.formulas import FORMULAS, LEGAL_BASES, REGION_TEXTS, RULE_TEXTS
from injury_desk.catalogue.labels import LABELS
from injury_desk.catalogue.rules import RULES

__all__ = ["Entry", "FIELDS", "FORMULAS", "LABELS", "LEGAL_BASES", "REGION_TEXTS", "RULES", "RULE_TEXTS"]
