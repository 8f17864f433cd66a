"""`quiz` without --plain: check banks and progress file first, then start the app."""

from __future__ import annotations

import argparse
import contextlib
import gc
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from quiz.common.safe_text import visible

if TYPE_CHECKING:
    from quiz.ui.app import QuizApp


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
    options = context.session_options(args, banks, default_mode="study")
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
        # However the app ended (even by an error), a drill in progress keeps its results.
        with contextlib.suppress(Exception):
            app.end_after_exit()
        app.store.on_notice = _tell
        try:
            app.store.close()
        finally:
            context.show_warnings(app.store)
    return _report(app)


def _report(app: QuizApp) -> int:
    """Say where a drill's results went, loudly when not where expected; the exit code."""
    saved = app.saved
    lines = saved.lines() if saved is not None else []
    if saved is not None and (saved.path is None or saved.fell_back):
        for line in lines:
            _tell(line)
    elif app.saved_on_quit is not None or (saved is not None and app.stopped_by is not None):
        with contextlib.suppress(OSError):
            sys.stdout.write("".join(f"{visible(line)}\n" for line in lines))
    if app.store.lost or (saved is not None and saved.path is None):
        return 1
    return 128 + app.stopped_by if app.stopped_by else 0


def _tell(text: str) -> None:
    """A notice on stderr (the terminal may be gone: then the files are what count)."""
    with contextlib.suppress(OSError):
        sys.stderr.write(f"quiz: {visible(text)}\n")
        sys.stderr.flush()
