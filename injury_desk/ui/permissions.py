"""Actions a user may not take, disabled with the reason as tooltip, from the permissions table the services use."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from injury_desk.services.actor import Actor
from injury_desk.services.permissions import allowed
from injury_desk.ui.messages import rule_text


def refusal(actor: Actor, permission: str) -> str:
    """Why the actor may not: "your role (Administrator) may not create claims" (no internal key)."""
    return rule_text("permission.denied", {"role": actor.role, "permission": permission})


def permit(control: QWidget | QAction, actor: Actor, permission: str, *, enabled: bool = True) -> bool:
    """Enable ``control`` when the role holds ``permission`` (and ``enabled``); otherwise disable it and
    say why in its tooltip, so a button is never enabled only to be refused by the service."""
    ok = allowed(actor, permission)
    control.setEnabled(ok and enabled)
    if not ok:
        control.setToolTip(refusal(actor, permission))
    return ok
