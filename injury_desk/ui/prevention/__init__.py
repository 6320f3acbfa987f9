"""Prevention pages: employers and their inspections, hazards, training and incidents."""
