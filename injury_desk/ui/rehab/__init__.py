"""Rehabilitation pages: referral cases, plans, goals, sessions and return to work."""
