"""The desktop side of sync in the GUI: controller, enrolment, conflicts and rejected changes."""
