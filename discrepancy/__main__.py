"""``python -m discrepancy``."""

from discrepancy.cli import main

raise SystemExit(main())
