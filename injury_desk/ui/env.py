"""What every window and page is given: services, the acting user, the task runner, settings, a change bus."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QSettings, Signal

from injury_desk.services.actor import Actor
from injury_desk.services.container import Services
from injury_desk.ui.background import TaskRunner


class ChangeBus(QObject):
    """Pages announce saved changes here so other pages and the status bar refresh."""

    changed = Signal(str)  # what changed: "claims", "employers", "rehab", ...


@dataclass
class UiEnv:
    services: Services
    actor: Actor
    runner: TaskRunner
    settings: QSettings
    bus: ChangeBus
    data_dir: Path
    # The window's SyncController (ui/sync/controller.py), made on first use by sync_controller(env):
    # the Sync page and the status-bar indicator share it.
    sync: Any = None
