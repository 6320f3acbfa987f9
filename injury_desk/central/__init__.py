"""The central sync service: an ASGI app over PostgreSQL or, by default, a SQLite file."""
