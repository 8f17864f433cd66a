"""`quiz` without --plain: check banks and progress file first, then start the app."""

from __future__ import annotations

import argparse


def run(args: argparse.Namespace) -> int:
    """Load banks and open the store (errors print in the shell), then run the app."""
    from quiz.cli import context
    from quiz.core import paths

    banks = context.load_banks(args)
    store = context.open_store(args)
    options = context.session_options(args)
    profile = args.profile or paths.default_profile()

    from quiz.ui.app import make_app

    try:
        make_app(banks, store, options, profile).run()
    finally:
        close = getattr(store, "close", None)
        if close is not None:
            close()
    return 0
