"""``python -m articlekit``: the command-line interface (see ``articlekit.cli``)."""

from articlekit.cli import main

raise SystemExit(main())
