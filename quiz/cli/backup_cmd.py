"""`quiz backup [PATH]` and `quiz restore PATH`: copy the progress file safely, and put one back."""

from __future__ import annotations

import argparse
import sys

from quiz.common import paths
from quiz.common.safe_text import visible


def run_backup(args: argparse.Namespace) -> int:
    """Copy the progress file (WAL included) to PATH, a folder, or beside itself."""
    from pathlib import Path

    from quiz.progress.backup import backup

    progress = paths.progress_path(args.progress)
    target = Path(args.path).expanduser() if args.path else None
    where = backup(progress, target)
    sys.stdout.write(visible(f"Backed up {progress} to {where}\n"))
    return 0


def run_restore(args: argparse.Namespace) -> int:
    """Put a backup in place of the progress file, keeping the file it replaces."""
    from pathlib import Path

    from quiz.progress.backup import restore

    progress = paths.progress_path(args.progress)
    kept = restore(Path(args.path).expanduser(), progress)
    lines = [f"Restored {progress} from {args.path}."]
    if kept is not None:
        lines.append(f"The file it replaced is kept as {kept}.")
    sys.stdout.write(visible("\n".join(lines) + "\n"))
    return 0
