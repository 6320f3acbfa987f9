"""Central sync service (ASGI) and its store."""
