"""Compensation → Claims: the list, the detail view, the new-claim wizard and lifecycle steps."""
