"""Allow `python -m quiz`."""

from quiz.main import main

raise SystemExit(main())
