"""Rule sentences for the sync area's message keys (merged into messages.all_rules)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from injury_desk.placeholders import Template


def sync_rules() -> dict[str, str]:
    """Keys raised by injury_desk/sync, services/sync.py and the central service, and the rejection reasons.

    Field rules (shown after a field's name) read as predicates; the others are whole sentences. The
    sync page replaces the raw ``table``, ``field``, ``expected`` and ``role`` parameters by their labels.
    """
    return {
        # ------------------------------------------------------------ field rules
        "sync.field_type": Template(QCoreApplication.translate("Messages", "must be %1"), 'expected'),
        "sync.field_null": QCoreApplication.translate("Messages", "cannot be empty"),
        "sync.field_too_long": Template(QCoreApplication.translate("Messages", "is too long: at most %1 characters (now %2)"), 'max', 'actual'),
        "sync.unknown_field": Template(QCoreApplication.translate("Messages", "is not a field of %1 that can be synced"), 'table'),
        "sync.url_invalid": Template(QCoreApplication.translate("Messages", "must be an address like https://sync.example.org (got “%1”)"), 'url'),
        "sync.url_insecure": QCoreApplication.translate("Messages", "uses plain HTTP to another computer, which would send the data unencrypted: use https:// (only an administrator can allow plain HTTP)"),
        "central.enrolment_code": QCoreApplication.translate("Messages", "was not accepted: it is mistyped, already used or expired (ask the central administrator for a new code)"),
        # ------------------------------------------------------------ enrolment and credentials
        "sync.login_required": QCoreApplication.translate("Messages", "This desktop already holds an office's data: log in and enrol it from the Sync page."),
        "sync.already_enrolled": Template(QCoreApplication.translate("Messages", "This desktop is already enrolled with %1."), 'url'),
        "sync.enrol_other_office": Template(QCoreApplication.translate("Messages", "That enrolment code is for office %1, but this desktop holds another office's data: it can only join its own office."), 'office'),
        "sync.not_enrolled": QCoreApplication.translate("Messages", "This desktop is not enrolled with a central sync service, or its credential is missing from the keyring."),
        "sync.keyring_unavailable": Template(QCoreApplication.translate("Messages", "This computer has no secure credential store (keyring; found %1). The device credential is never kept in a plain file, so sync cannot be set up until a keyring is available."), 'backend'),
        "sync.keyring_error": Template(QCoreApplication.translate("Messages", "The secure credential store (keyring) refused access (%1)."), 'reason'),
        "central.device_unknown": QCoreApplication.translate("Messages", "The central service does not know this desktop, or its credential was revoked: ask the administrator to enrol it again."),
        "central.device_exists": QCoreApplication.translate("Messages", "This desktop is already enrolled with the central service."),
        "central.token_invalid": QCoreApplication.translate("Messages", "The central service refused this desktop's session token (it may have expired): try again."),
        "central.token_missing": QCoreApplication.translate("Messages", "The central service expected a session token that was not sent: try again."),
        # ------------------------------------------------------------ network and protocol
        "sync.network": Template(QCoreApplication.translate("Messages", "Cannot reach the central service at %1 (%2). Your changes are kept and will be sent later."), 'url', 'reason'),
        "sync.timeout": Template(QCoreApplication.translate("Messages", "The central service at %1 did not answer in time. Your changes are kept and will be sent later."), 'url'),
        "sync.server_error": Template(QCoreApplication.translate("Messages", "The central service had an internal error (HTTP %1). Your changes are kept; sync will try again."), 'status'),
        "sync.http_error": Template(QCoreApplication.translate("Messages", "The central service answered with an unexpected error (HTTP %1)."), 'status'),
        "sync.bad_reply": QCoreApplication.translate("Messages", "The central service sent a reply this desktop cannot read; nothing of it was applied."),
        "sync.bad_request": Template(QCoreApplication.translate("Messages", "The central service refused the request as malformed (%1)."), 'problems'),
        "sync.body_too_large": Template(QCoreApplication.translate("Messages", "The request was larger than the central service accepts (%1 bytes)."), 'max_bytes'),
        "sync.cancelled": QCoreApplication.translate("Messages", "Sync was cancelled. What was sent or received so far is kept."),
        "sync.sequence_gap": Template(QCoreApplication.translate("Messages", "The central service expected change number %1 from this desktop, but the queue starts at %2. Nothing was lost: contact support."), 'expected', 'first'),
        "sync.schema_version": Template(QCoreApplication.translate("Messages", "Version mismatch: schema version %1 was sent, %2 is needed. Update the application or the central service."), 'got', 'expected'),
        "sync.wrong_device": QCoreApplication.translate("Messages", "The request names another device than the credential it came with, so it was refused."),
        "sync.batch_order": QCoreApplication.translate("Messages", "The changes were sent out of order and were refused; nothing was applied."),
        # ------------------------------------------------------------ reasons for a rejected change
        "sync.unknown_table": Template(QCoreApplication.translate("Messages", "%1 records cannot be synced."), 'table'),
        "sync.not_permitted": Template(QCoreApplication.translate("Messages", "The central service does not allow this change to %1 from a desktop for this user (accounts and offices are managed centrally; deleting a claim needs a supervisor)."), 'table'),
        "sync.unknown_user": QCoreApplication.translate("Messages", "The person who made this change has no active account on the central service."),
        "sync.row_missing": Template(QCoreApplication.translate("Messages", "The %1 record this change applies to does not exist on the central service."), 'table'),
        "sync.row_exists": Template(QCoreApplication.translate("Messages", "A %1 record with the same identity but other values already exists on the central service."), 'table'),
        "sync.transfer_required": Template(QCoreApplication.translate("Messages", "A %1 record cannot be moved to another office by editing it: use a transfer."), 'table'),
        "sync.other_office": Template(QCoreApplication.translate("Messages", "This new %1 record belongs to another office than this desktop's."), 'table'),
        "sync.constraint": Template(QCoreApplication.translate("Messages", "The central database refused this %1 change (%2)."), 'table', 'detail'),
        "sync.sequence_reused": Template(QCoreApplication.translate("Messages", "Change number %1 was already used by this desktop for another change."), 'seq'),
        # ------------------------------------------------------------ conflicts and rejected changes
        "sync.conflict_gone": QCoreApplication.translate("Messages", "This conflict was already settled, or its record is gone; the list was refreshed."),
        "sync.rejected_gone": QCoreApplication.translate("Messages", "This refused change was already dealt with; the list was refreshed."),
        "sync.correction_unchanged": QCoreApplication.translate("Messages", "The corrected values are the ones already there: change at least one value."),
        "sync.discard_has_later": Template(QCoreApplication.translate("Messages", "%1 later change(s) to the same record are still queued: correct this change instead, or deal with them first."), 'count'),
        # ------------------------------------------------------------ sync packages
        "sync.package_unwritable": Template(QCoreApplication.translate("Messages", "Cannot write the package file %1 (%2)."), 'path', 'reason'),
        "sync.package_too_large": Template(QCoreApplication.translate("Messages", "The package file is larger than the %1 bytes allowed."), 'max_bytes'),
        "sync.package_unreadable": Template(QCoreApplication.translate("Messages", "Cannot read the file %1 (%2)."), 'path', 'reason'),
        "sync.package_invalid": Template(QCoreApplication.translate("Messages", "%1 is not a valid sync package (at %2: %3)."), 'path', 'field', 'rule'),
        "sync.package_kind": Template(QCoreApplication.translate("Messages", "This is the wrong kind of package (“%1”, but “%2” is needed): import the reply the central service wrote, not the package you exported."), 'got', 'expected'),
        "sync.package_other_device": QCoreApplication.translate("Messages", "This reply package was made for another desktop; nothing was applied."),
        "sync.package_signature": QCoreApplication.translate("Messages", "The package's signature does not match: it was changed after it was made, or it is not for this desktop. Nothing was applied."),
        "sync.package_replayed": Template(QCoreApplication.translate("Messages", "Package number %1 was already applied (the last one applied is %2); nothing was changed."), 'seq', 'last'),
        "sync.package_out_of_order": Template(QCoreApplication.translate("Messages", "Package number %1 is out of order: number %2 must come first. Nothing was applied."), 'seq', 'expected'),
        # ------------------------------------------------------------ central administration (CLI)
        "central.unknown_office": Template(QCoreApplication.translate("Messages", "There is no office %1 on the central service."), 'code'),
        "central.office_code": Template(QCoreApplication.translate("Messages", "“%1” is not a valid office code (letters and digits, at most 16)."), 'code'),
        "central.office_exists": Template(QCoreApplication.translate("Messages", "Office %1 already exists."), 'code'),
        "central.role": Template(QCoreApplication.translate("Messages", "“%1” is not a role (allowed: %2)."), 'role', 'allowed'),
        "central.username": Template(QCoreApplication.translate("Messages", "“%1” is not a valid user name (1 to 64 characters)."), 'username'),
        "central.password_short": Template(QCoreApplication.translate("Messages", "The password must have at least %1 characters."), 'min'),
        "central.user_exists": Template(QCoreApplication.translate("Messages", "The user name %1 is already taken."), 'username'),
    }
