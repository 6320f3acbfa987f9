"""Use cases: the only way the GUI and the CLI change data."""
