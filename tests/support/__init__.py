"""Test doubles of the operating system (a keyring), and helpers that start real services."""
