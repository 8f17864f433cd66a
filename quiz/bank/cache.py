"""Validated banks cached by content hash, so an unchanged bank skips YAML parsing.

An entry is a JSON file named by the sha256 of the bank's bytes and the cache
format. It records the sha256 of the source document's bytes too, and is used
only if that document is unchanged. The file carries a checksum of its payload:
anything damaged, unreadable or of the wrong shape is ignored (and rebuilt by the
next validated load), never trusted. Writes are atomic (temporary file, then
os.replace), so a crash never leaves half an entry behind.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from quiz import __version__
from quiz.bank.files import read_source
from quiz.bank.model import Bank, Question, QuestionType, SourceDocument
from quiz.common import paths
from quiz.common.atomic import atomic_writer

FORMAT = 3  # bump when validation rules change
_TYPES = {t.value: t for t in QuestionType}
# The order of a question's fields in a cache row.
_FIELDS = (
    "id",
    "type",
    "prompt",
    "answer",
    "choices",
    "accept",
    "tolerance",
    "unit",
    "explanation",
    "source",
    "topic",
    "difficulty",
    "tags",
    "note",
    "typos",
    "line",
    "column",
    "spots",
)


def entry_path(bank_bytes: bytes) -> Path:
    """The cache file of a bank with these bytes."""
    h = hashlib.sha256(f"quiz-bank-cache {FORMAT} {__version__}\n".encode())
    h.update(bank_bytes)
    return paths.cache_dir() / "banks" / f"{h.hexdigest()}.json"


def lookup(path: Path, bank_bytes: bytes) -> Bank | None:
    """The cached bank for these bytes, or None if there is no usable entry."""
    try:
        raw = entry_path(bank_bytes).read_bytes()
        checksum, _, payload = raw.partition(b"\n")
        if hashlib.sha256(payload).hexdigest().encode() != checksum:
            return None
        return _bank_from(json.loads(payload), path)
    except Exception:  # any damage at all means: parse the YAML again
        return None


def store(bank: Bank, bank_bytes: bytes, source_bytes: bytes | None) -> None:
    """Cache a validated bank; failing to write (read-only disk, full disk) is harmless."""
    source = None
    if bank.source is not None and source_bytes is not None:
        digest = hashlib.sha256(source_bytes).hexdigest()
        source = [bank.source.title, bank.source.file, digest]
    data = {
        "id": bank.id,
        "title": bank.title,
        "description": bank.description,
        "source": source,
        "questions": [[_plain(getattr(q, f)) for f in _FIELDS] for q in bank.questions],
    }
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    checksum = hashlib.sha256(payload).hexdigest().encode()
    target = entry_path(bank_bytes)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        # A cache can be rebuilt, so it skips the fsync; the rename still keeps it whole.
        with atomic_writer(target, binary=True, durable=False) as f:
            f.write(checksum + b"\n" + payload)
    except OSError:
        pass


def _plain(value: object) -> object:
    return value.value if isinstance(value, QuestionType) else value


def _bank_from(data: dict[str, Any], path: Path) -> Bank | None:
    source = None
    if data["source"] is not None:
        title, file, digest = data["source"]
        doc_path, raw = read_source(path, str(file))
        if hashlib.sha256(raw).hexdigest() != digest:
            return None
        text = raw.decode("utf-8-sig").replace("\r\n", "\n")
        source = SourceDocument(title=str(title), file=str(file), path=doc_path, text=text)
    questions = tuple(_question(row) for row in data["questions"])
    return Bank(
        id=str(data["id"]),
        title=str(data["title"]),
        questions=questions,
        description=str(data["description"]),
        source=source,
        path=path,
    )


def _question(row: list[Any]) -> Question:
    (qid, qtype, prompt, answer, choices, accept, tolerance, unit) = row[:8]
    (explanation, quote, topic, difficulty, tags, note, typos, line, column, spots) = row[8:]
    kind = _TYPES[qtype]
    if kind is QuestionType.MATCHING:
        answer = tuple((str(left), str(right)) for left, right in answer)
    elif isinstance(answer, list):
        answer = tuple(answer)
    elif kind is QuestionType.NUMERIC:
        answer = float(answer)
    # Question is frozen; filling __dict__ directly skips its per-field __setattr__
    # guard, which dominates the time of building ten thousand of them.
    q = object.__new__(Question)
    q.__dict__.update(
        id=qid,
        type=kind,
        prompt=prompt,
        answer=answer,
        choices=tuple(choices),
        accept=tuple(accept),
        tolerance=float(tolerance),
        unit=unit,
        explanation=explanation,
        source=quote,
        topic=topic,
        difficulty=int(difficulty),
        tags=tuple(tags),
        note=note,
        typos=None if typos is None else int(typos),
        line=int(line),
        column=int(column),
        spots=tuple((str(name), int(at), int(col)) for name, at, col in spots),
    )
    return q
