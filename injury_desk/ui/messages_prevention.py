"""Rule sentences for the prevention area's message keys (merged into messages.all_rules)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def prevention_rules() -> dict[str, str]:
    return {
        "attachment.no_name": QCoreApplication.translate("Messages", "the file has no name"),
        "attachment.type_not_allowed": QCoreApplication.translate("Messages", "“{file_name}” is not a photo or document type that can be attached (allowed: {allowed})"),
        "attachment.empty": QCoreApplication.translate("Messages", "“{file_name}” is empty"),
        "attachment.too_large": QCoreApplication.translate("Messages", "“{file_name}” is {size_mb} MB; an attachment may be at most {max_mb} MB (it is synced to every office): reduce the photo's size or scan at a lower resolution"),
        "attachment.unreadable": QCoreApplication.translate("Messages", "“{file_name}” cannot be read: {reason}"),
        "attachment.unwritable": QCoreApplication.translate("Messages", "cannot write {path}: {reason}"),
        "attachment.duplicate": QCoreApplication.translate("Messages", "“{file_name}” is already attached here as “{existing}” (same content)"),
        "attachment.picked_twice": QCoreApplication.translate("Messages", "the same file was picked twice"),
        "attachment.owner_not_allowed": QCoreApplication.translate("Messages", "attachments cannot be added to {table}"),
        "attachment.owner_not_found": QCoreApplication.translate("Messages", "the record to attach to does not exist or was deleted"),
        "attachment.not_found": QCoreApplication.translate("Messages", "the attachment does not exist or was deleted"),
        "attachment.corrupt": QCoreApplication.translate("Messages", "the stored copy of “{file_name}” is damaged (its content hash does not match): sync again to fetch a good copy"),
        "hazard.no_action": QCoreApplication.translate("Messages", "give the hazard “{category}” at least one corrective action with an owner and a due date"),
        "follow_up.nothing_decided": QCoreApplication.translate("Messages", "choose for at least one action whether it is done or extended"),
        "action.other_inspection": QCoreApplication.translate("Messages", "the action belongs to another inspection"),
        "incident.already_claimed": QCoreApplication.translate("Messages", "claim {claim_no} was already made from this incident"),
        "budget.params_invalid": QCoreApplication.translate("Messages", "the prevention budget file {file} is not valid: {problem}"),
        "stats.years_reversed": QCoreApplication.translate("Messages", "the first year ({first}) is after the last year ({last})"),
        "stats.unknown_grouping": QCoreApplication.translate("Messages", "statistics cannot be grouped by “{group_by}”"),
        "stats.export_failed": QCoreApplication.translate("Messages", "cannot write {path}: {reason}"),
    }
