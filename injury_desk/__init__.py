"""injury_desk: caseworker desktop for work-related injury insurance."""

__version__ = "0.1.0"
