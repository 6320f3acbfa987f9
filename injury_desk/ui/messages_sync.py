"""Rule sentences for the sync area's message keys (merged into messages.all_rules)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def sync_rules() -> dict[str, str]:
    """Keys raised by injury_desk/sync, services/sync.py and the central service, and the rejection reasons.

    Field rules (shown after a field's name) read as predicates; the others are whole sentences. The
    sync page replaces the raw ``table``, ``field``, ``expected`` and ``role`` parameters by their labels.
    """
    return {
        # ------------------------------------------------------------ field rules
        "sync.field_type": QCoreApplication.translate("Messages", "must be {expected}"),
        "sync.field_null": QCoreApplication.translate("Messages", "cannot be empty"),
        "sync.field_too_long": QCoreApplication.translate("Messages", "is too long: at most {max} characters (now {actual})"),
        "sync.unknown_field": QCoreApplication.translate("Messages", "is not a field of {table} that can be synced"),
        "sync.url_invalid": QCoreApplication.translate("Messages", "must be an address like https://sync.example.org (got “{url}”)"),
        "sync.url_insecure": QCoreApplication.translate("Messages", "uses plain HTTP to another computer, which would send the data unencrypted: use https:// (only an administrator can allow plain HTTP)"),
        "central.enrolment_code": QCoreApplication.translate("Messages", "was not accepted: it is mistyped, already used or expired (ask the central administrator for a new code)"),
        # ------------------------------------------------------------ enrolment and credentials
        "sync.login_required": QCoreApplication.translate("Messages", "This desktop already holds an office's data: log in and enrol it from the Sync page."),
        "sync.already_enrolled": QCoreApplication.translate("Messages", "This desktop is already enrolled with {url}."),
        "sync.enrol_other_office": QCoreApplication.translate("Messages", "That enrolment code is for office {office}, but this desktop holds another office's data: it can only join its own office."),
        "sync.not_enrolled": QCoreApplication.translate("Messages", "This desktop is not enrolled with a central sync service, or its credential is missing from the keyring."),
        "sync.keyring_unavailable": QCoreApplication.translate("Messages", "This computer has no secure credential store (keyring; found {backend}). The device credential is never kept in a plain file, so sync cannot be set up until a keyring is available."),
        "sync.keyring_error": QCoreApplication.translate("Messages", "The secure credential store (keyring) refused access ({reason})."),
        "central.device_unknown": QCoreApplication.translate("Messages", "The central service does not know this desktop, or its credential was revoked: ask the administrator to enrol it again."),
        "central.device_exists": QCoreApplication.translate("Messages", "This desktop is already enrolled with the central service."),
        "central.token_invalid": QCoreApplication.translate("Messages", "The central service refused this desktop's session token (it may have expired): try again."),
        "central.token_missing": QCoreApplication.translate("Messages", "The central service expected a session token that was not sent: try again."),
        # ------------------------------------------------------------ network and protocol
        "sync.network": QCoreApplication.translate("Messages", "Cannot reach the central service at {url} ({reason}). Your changes are kept and will be sent later."),
        "sync.timeout": QCoreApplication.translate("Messages", "The central service at {url} did not answer in time. Your changes are kept and will be sent later."),
        "sync.server_error": QCoreApplication.translate("Messages", "The central service had an internal error (HTTP {status}). Your changes are kept; sync will try again."),
        "sync.http_error": QCoreApplication.translate("Messages", "The central service answered with an unexpected error (HTTP {status})."),
        "sync.bad_reply": QCoreApplication.translate("Messages", "The central service sent a reply this desktop cannot read; nothing of it was applied."),
        "sync.bad_request": QCoreApplication.translate("Messages", "The central service refused the request as malformed ({problems})."),
        "sync.body_too_large": QCoreApplication.translate("Messages", "The request was larger than the central service accepts ({max_bytes} bytes)."),
        "sync.cancelled": QCoreApplication.translate("Messages", "Sync was cancelled. What was sent or received so far is kept."),
        "sync.sequence_gap": QCoreApplication.translate("Messages", "The central service expected change number {expected} from this desktop, but the queue starts at {first}. Nothing was lost: contact support."),
        "sync.schema_version": QCoreApplication.translate("Messages", "Version mismatch: schema version {got} was sent, {expected} is needed. Update the application or the central service."),
        "sync.wrong_device": QCoreApplication.translate("Messages", "The request names another device than the credential it came with, so it was refused."),
        "sync.batch_order": QCoreApplication.translate("Messages", "The changes were sent out of order and were refused; nothing was applied."),
        # ------------------------------------------------------------ reasons for a rejected change
        "sync.unknown_table": QCoreApplication.translate("Messages", "{table} records cannot be synced."),
        "sync.not_permitted": QCoreApplication.translate("Messages", "The central service does not allow this change to {table} from a desktop for this user (accounts and offices are managed centrally; deleting a claim needs a supervisor)."),
        "sync.unknown_user": QCoreApplication.translate("Messages", "The person who made this change has no active account on the central service."),
        "sync.row_missing": QCoreApplication.translate("Messages", "The {table} record this change applies to does not exist on the central service."),
        "sync.row_exists": QCoreApplication.translate("Messages", "A {table} record with the same identity but other values already exists on the central service."),
        "sync.transfer_required": QCoreApplication.translate("Messages", "A {table} record cannot be moved to another office by editing it: use a transfer."),
        "sync.other_office": QCoreApplication.translate("Messages", "This new {table} record belongs to another office than this desktop's."),
        "sync.constraint": QCoreApplication.translate("Messages", "The central database refused this {table} change ({detail})."),
        "sync.sequence_reused": QCoreApplication.translate("Messages", "Change number {seq} was already used by this desktop for another change."),
        # ------------------------------------------------------------ conflicts and rejected changes
        "sync.conflict_gone": QCoreApplication.translate("Messages", "This conflict was already settled, or its record is gone; the list was refreshed."),
        "sync.rejected_gone": QCoreApplication.translate("Messages", "This refused change was already dealt with; the list was refreshed."),
        "sync.correction_unchanged": QCoreApplication.translate("Messages", "The corrected values are the ones already there: change at least one value."),
        "sync.discard_has_later": QCoreApplication.translate("Messages", "{count} later change(s) to the same record are still queued: correct this change instead, or deal with them first."),
        # ------------------------------------------------------------ sync packages
        "sync.package_unwritable": QCoreApplication.translate("Messages", "Cannot write the package file {path} ({reason})."),
        "sync.package_too_large": QCoreApplication.translate("Messages", "The package file is larger than the {max_bytes} bytes allowed."),
        "sync.package_unreadable": QCoreApplication.translate("Messages", "Cannot read the file {path} ({reason})."),
        "sync.package_invalid": QCoreApplication.translate("Messages", "{path} is not a valid sync package (at {field}: {rule})."),
        "sync.package_kind": QCoreApplication.translate("Messages", "This is the wrong kind of package (“{got}”, but “{expected}” is needed): import the reply the central service wrote, not the package you exported."),
        "sync.package_other_device": QCoreApplication.translate("Messages", "This reply package was made for another desktop; nothing was applied."),
        "sync.package_signature": QCoreApplication.translate("Messages", "The package's signature does not match: it was changed after it was made, or it is not for this desktop. Nothing was applied."),
        "sync.package_replayed": QCoreApplication.translate("Messages", "Package number {seq} was already applied (the last one applied is {last}); nothing was changed."),
        "sync.package_out_of_order": QCoreApplication.translate("Messages", "Package number {seq} is out of order: number {expected} must come first. Nothing was applied."),
        # ------------------------------------------------------------ central administration (CLI)
        "central.unknown_office": QCoreApplication.translate("Messages", "There is no office {code} on the central service."),
        "central.office_code": QCoreApplication.translate("Messages", "“{code}” is not a valid office code (letters and digits, at most 16)."),
        "central.office_exists": QCoreApplication.translate("Messages", "Office {code} already exists."),
        "central.role": QCoreApplication.translate("Messages", "“{role}” is not a role (allowed: {allowed})."),
        "central.username": QCoreApplication.translate("Messages", "“{username}” is not a valid user name (1 to 64 characters)."),
        "central.password_short": QCoreApplication.translate("Messages", "The password must have at least {min} characters."),
        "central.user_exists": QCoreApplication.translate("Messages", "The user name {username} is already taken."),
    }
