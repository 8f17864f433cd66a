"""Answers a busy or unwritable progress file could not take yet, kept in a recovery file.

When another program holds the progress file until quiz ends, the session's
unsaved steps (its start, each answer or undo, its end) are written as JSON to
`progress.db.recovery-<time>-<session>.json` beside the file, or in the user data
folder's `recovery/` when that folder cannot be written. The next time quiz opens
the progress file for writing it folds them in, in order, then deletes the file.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from quiz.common import paths
from quiz.common.atomic import atomic_writer

FORMAT = "quiz-recovery"
VERSION = 1

# ("start", SessionInfo) | ("record", Attempt) | ("take_back", TakeBack)
# | ("finish", SessionSummary)
Op = tuple[str, Any]
_TIMES = {"started_at", "answered_at", "ended_at"}


@dataclass(frozen=True)
class TakeBack:
    """An undo: forget the attempt at `seq` of a session."""

    session_uid: str
    seq: int


def write(progress: Path, profile: str, ops: list[Op]) -> Path:
    """Write `ops` to a new recovery file (beside `progress`, else the data folder)."""
    doc = {
        "format": FORMAT,
        "version": VERSION,
        "progress": str(progress.resolve()),
        "profile": profile,
        "steps": [{"kind": kind, **_plain(value)} for kind, value in ops],
    }
    text = json.dumps(doc, ensure_ascii=False, indent=1) + "\n"
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
    uid = next((str(getattr(v, "uid", getattr(v, "session_uid", ""))) for _, v in ops), "")[:8]
    name = f"{progress.name}.recovery-{stamp}-{uid or 'x'}.json"
    errors: list[OSError] = []
    for folder in (progress.parent, paths.recovery_dir()):
        try:
            folder.mkdir(parents=True, exist_ok=True)
            with atomic_writer(folder / name) as out:
                out.write(text)
            return folder / name
        except OSError as exc:
            errors.append(exc)
    raise errors[-1]


def pending_files(progress: Path) -> list[Path]:
    """The recovery files waiting for this progress file, oldest first."""
    pattern = f"{progress.name}.recovery-*.json"
    found = list(progress.parent.glob(pattern))
    target = str(progress.resolve())
    try:
        elsewhere = list(paths.recovery_dir().glob(pattern))
    except OSError:
        elsewhere = []
    for file in elsewhere:
        try:
            if json.loads(file.read_text(encoding="utf-8")).get("progress") == target:
                found.append(file)
        except (OSError, ValueError, AttributeError):
            continue
    return sorted(set(found), key=lambda p: p.name)


def read(file: Path) -> tuple[str, list[Op]]:
    """The profile and steps of a recovery file; ValueError/OSError when it cannot be used."""
    doc = json.loads(file.read_text(encoding="utf-8"))
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise ValueError("not a quiz recovery file")
    profile = doc.get("profile")
    if not isinstance(profile, str):
        raise ValueError("no profile")
    from quiz.study.history import Attempt, SessionInfo, SessionSummary

    kinds = {
        "start": SessionInfo,
        "record": Attempt,
        "take_back": TakeBack,
        "finish": SessionSummary,
    }
    ops: list[Op] = []
    for step in doc.get("steps", []):
        kind = step.pop("kind")
        cls = kinds[kind]
        for key in _TIMES & step.keys():
            step[key] = datetime.fromisoformat(step[key])
        if kind == "start":
            step["bank_ids"] = tuple(step["bank_ids"])
        ops.append((kind, cls(**step)))
    return profile, ops


def _plain(value: Any) -> dict[str, Any]:
    data = asdict(value)
    for key in _TIMES & data.keys():
        data[key] = data[key].isoformat()
    return data
