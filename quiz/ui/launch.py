"""`quiz` without --plain: check banks and progress file first, then start the app."""

from __future__ import annotations

import argparse
import gc
import sys
from pathlib import Path


def run(args: argparse.Namespace) -> int:
    """Load banks and open the store (errors print in the shell), then run the app."""
    # Start-up builds tens of thousands of objects that nearly all live as long as
    # the app (Textual's modules, styles and widgets): over a hundred young-generation
    # collections on the way, about 5 ms of the time to the first screen, would free
    # very little. QuizApp.on_ready resumes collection once that screen is shown,
    # freezing what start-up built out of later collections.
    gc.disable()
    try:
        return _run(args)
    finally:
        gc.enable()


def _run(args: argparse.Namespace) -> int:
    from quiz import startup as context
    from quiz.common import paths

    banks = context.load_banks(args)
    options = context.session_options(args, banks)
    # Opened before the app, so a bad progress file stops here with a clean message; a
    # student's name typed on the home screen reopens it under that profile.
    store = context.open_store(args)
    profile = args.profile or paths.default_profile()

    from quiz.common.settings import load_settings
    from quiz.ui.app import make_app

    settings, warnings = load_settings()  # a damaged file only warns, on the home screen

    app = make_app(
        banks,
        store,
        options,
        profile,
        # As startup.results_folder, without importing the results writer at start-up.
        results_dir=Path(args.results or ".").expanduser(),
        ask_name=not args.profile,
        settings=settings,
        settings_warnings=warnings,
    )
    try:
        app.run()
    finally:
        app.end_after_exit()
        app.store.close()
    if app.saved_on_quit is not None:
        sys.stdout.write(f"Results saved to {app.saved_on_quit}\n")
    return 0
