"""Persistence: SQLAlchemy models, engine set-up, migrations, backups, audit log, outbox capture."""
