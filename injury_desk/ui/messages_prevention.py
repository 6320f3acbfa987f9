"""Rule sentences for the prevention area's message keys (merged into messages.all_rules)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from injury_desk.placeholders import Template


def prevention_rules() -> dict[str, str]:
    return {
        "attachment.no_name": QCoreApplication.translate("Messages", "the file has no name"),
        "attachment.type_not_allowed": Template(QCoreApplication.translate("Messages", "“%1” is not a photo or document type that can be attached (allowed: %2)"), 'file_name', 'allowed'),
        "attachment.empty": Template(QCoreApplication.translate("Messages", "“%1” is empty"), 'file_name'),
        "attachment.too_large": Template(QCoreApplication.translate("Messages", "“%1” is %2 MB; an attachment may be at most %3 MB (it is synced to every office): reduce the photo's size or scan at a lower resolution"), 'file_name', 'size_mb', 'max_mb'),
        "attachment.unreadable": Template(QCoreApplication.translate("Messages", "“%1” cannot be read: %2"), 'file_name', 'reason'),
        "attachment.unwritable": Template(QCoreApplication.translate("Messages", "cannot write %1: %2"), 'path', 'reason'),
        "attachment.duplicate": Template(QCoreApplication.translate("Messages", "“%1” is already attached here as “%2” (same content)"), 'file_name', 'existing'),
        "attachment.picked_twice": QCoreApplication.translate("Messages", "the same file was picked twice"),
        "attachment.owner_not_allowed": Template(QCoreApplication.translate("Messages", "attachments cannot be added to %1"), 'table'),
        "attachment.owner_not_found": QCoreApplication.translate("Messages", "the record to attach to does not exist or was deleted"),
        "attachment.not_found": QCoreApplication.translate("Messages", "the attachment does not exist or was deleted"),
        "attachment.corrupt": Template(QCoreApplication.translate("Messages", "the stored copy of “%1” is damaged (its content hash does not match): sync again to fetch a good copy"), 'file_name'),
        "hazard.no_action": Template(QCoreApplication.translate("Messages", "give the hazard “%1” at least one corrective action with an owner and a due date"), 'category'),
        "follow_up.nothing_decided": QCoreApplication.translate("Messages", "choose for at least one action whether it is done or extended"),
        "action.other_inspection": QCoreApplication.translate("Messages", "the action belongs to another inspection"),
        "incident.already_claimed": Template(QCoreApplication.translate("Messages", "claim %1 was already made from this incident"), 'claim_no'),
        "budget.params_invalid": Template(QCoreApplication.translate("Messages", "the prevention budget file %1 is not valid: %2"), 'file', 'problem'),
        "stats.years_reversed": Template(QCoreApplication.translate("Messages", "the first year (%1) is after the last year (%2)"), 'first', 'last'),
        "stats.unknown_grouping": Template(QCoreApplication.translate("Messages", "statistics cannot be grouped by “%1”"), 'group_by'),
        "stats.export_failed": Template(QCoreApplication.translate("Messages", "cannot write %1: %2"), 'path', 'reason'),
    }
