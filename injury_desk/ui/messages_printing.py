"""Message keys of the printing service, and error text for the print dialogs."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from injury_desk.domain.errors import DomainError
from injury_desk.placeholders import Template
from injury_desk.ui.messages import error_text, fill
from injury_desk.ui.messages_pillars import pillar_rule_text


def printing_rules() -> dict[str, str]:
    return {
        "print.no_determination": Template(QCoreApplication.translate("Messages", "claim %1 has no injury determination yet: there is no decision letter to print"), 'claim_no'),
        "print.no_assessment": Template(QCoreApplication.translate("Messages", "claim %1 has no approved or proposed benefit assessment yet: there is no calculation sheet to print"), 'claim_no'),
        "print.unknown_form": Template(QCoreApplication.translate("Messages", "there is no form “%1” (known forms: %2)"), 'form', 'known'),
        "print.form_not_fill_in": Template(QCoreApplication.translate("Messages", "the form “%1” is produced by the system and has no blank version"), 'form'),
        "print.not_a_claim_form": Template(QCoreApplication.translate("Messages", "the form “%1” is not printed for claims"), 'form'),
        "print.unknown_record_kind": Template(QCoreApplication.translate("Messages", "the form “%1” is for records of an unknown kind (%2)"), 'form', 'kind'),
        "print.no_database": Template(QCoreApplication.translate("Messages", "there is no local database in %1"), 'data_dir'),
    }


def printing_error_text(exc: BaseException) -> str:
    """Like messages.error_text, but knowing the printing and pillar keys that messages.py does not hold yet."""
    if isinstance(exc, DomainError) and type(exc) is DomainError:
        template = printing_rules().get(exc.key)
        if template is not None:
            return fill(template, exc.params)
        pillar = pillar_rule_text(exc.key, exc.params)
        if pillar is not None:
            return pillar
    return error_text(exc)
