"""Entry point for python -m injury_desk."""

from injury_desk.cli import main

raise SystemExit(main())
