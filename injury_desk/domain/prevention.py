"""Prevention's kinds and limits: hazard severities, incident kinds, open action statuses, headcount years."""

SEVERITIES = ("low", "medium", "high", "critical")
INCIDENT_KINDS = ("accident", "near_miss")
OPEN_ACTION_STATUSES = ("open", "extended")
# An employer's headcount for a year: years before this are no use for rates, and a headcount above this is
# a typing error (the largest employers have a few million workers).
FIRST_YEAR = 1990
MAX_HEADCOUNT = 10_000_000
