"""What every service needs: the database, today's date and where the resources are."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from injury_desk.resources import resources_dir
from injury_desk.services.actor import Actor
from injury_desk.store.database import ActorContext, Database


@dataclass
class ServiceContext:
    db: Database
    today: Callable[[], date] = field(default=date.today)
    resources_dir: Path = field(default_factory=resources_dir)

    def write(self, actor: Actor, action: str, **info):
        return self.db.write(ActorContext(actor.user_id, actor.office_id), action, **info)

    def read(self):
        return self.db.read()
