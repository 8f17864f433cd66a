"""Allow `python -m quiz`."""

from quiz.cli.main import main

raise SystemExit(main())
