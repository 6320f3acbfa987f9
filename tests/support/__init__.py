"""Helpers that start real services for the tests (a Secret Service keyring, the central service, PostgreSQL)."""
