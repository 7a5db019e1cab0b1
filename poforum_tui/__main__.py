"""`python -m poforum_tui` runs the CLI."""

from poforum_tui.cli import main

raise SystemExit(main())
