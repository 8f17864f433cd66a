"""Drill fingerprints: a short code that proves a whole class has the same quiz.

A teacher reads "CSTO-7F3A" off every screen at a glance. The code covers the
graded content of every loaded bank and every setting that changes which
questions come, in which order, under which limits; it is computed with sha256
over canonical JSON, so it is the same on every machine and every Python run.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
from typing import Any

from quiz.bank.model import Bank, format_number
from quiz.common.wording import plural
from quiz.study.options import SessionOptions
from quiz.study.selection import matches_filters

PREFIX_LENGTH = 8
HASH_DIGITS = 4


def drill_settings(options: SessionOptions) -> dict[str, Any]:
    """The settings of `options` that change the quiz, as canonical JSON data.

    Topics and difficulties are sorted: they filter the bank, their order on the
    command line does not change the quiz. Numbers lose a meaningless `.0`.
    """
    seed = options.seed
    return {
        "mode": str(options.mode),
        "seed": None if seed is None else str(seed),
        "count": options.count,
        "topics": sorted(options.topics),
        "difficulty": sorted(options.difficulty),
        "time_per_question": _number(options.time_per_question),
        "time_limit": _number(options.time_limit),
        "speed_bonus": options.speed_bonus,
    }


def fingerprint(banks: Sequence[Bank], options: SessionOptions) -> str:
    """The drill's short code, e.g. "CSTO-7F3A": bank id, 4 hex digits of content + settings."""
    if not banks:
        raise ValueError("a fingerprint needs at least one bank")
    blob = json.dumps(
        {"banks": [b.content_hash for b in banks], "settings": drill_settings(options)},
        sort_keys=True,
        ensure_ascii=True,
    )
    digest = hashlib.sha256(blob.encode("ascii")).hexdigest()[:HASH_DIGITS].upper()
    return f"{bank_prefix(banks[0].id)}-{digest}"


def bank_prefix(bank_id: str) -> str:
    """The bank id as it starts a fingerprint: letters and digits only, upper case, trimmed."""
    prefix = re.sub(r"[^A-Za-z0-9]", "", bank_id).upper()[:PREFIX_LENGTH]
    return prefix or "BANK"


def describe(banks: Sequence[Bank], options: SessionOptions, *, total: int | None = None) -> str:
    """The drill line a student reads first: "CSTO-7F3A, 20 questions, 30 s per question".

    `total` is the number of questions the session actually asks; without it,
    the count is worked out from the banks and the topic/difficulty filters.
    """
    settings = drill_settings(options)
    if total is None:
        total = sum(1 for bank in banks for q in bank.questions if matches_filters(q, options))
        if settings["count"] is not None:
            total = min(total, settings["count"])
    return describe_settings(fingerprint(banks, options), total, settings)


def describe_settings(code: str, total: int, settings: dict[str, Any]) -> str:
    """`describe` from a fingerprint, a question count and `drill_settings` data."""
    parts = [code, plural(total, "question")]
    if settings.get("time_per_question") is not None:
        parts.append(f"{format_number(settings['time_per_question'])} s per question")
    if settings.get("time_limit") is not None:
        parts.append(f"{_duration(settings['time_limit'])} in all")
    if settings.get("speed_bonus"):
        parts.append("speed bonus")
    return ", ".join(parts)


def _number(value: float | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else float(value)


def _duration(seconds: float) -> str:
    if seconds % 60 == 0:
        return f"{int(seconds) // 60} min"
    return f"{format_number(seconds)} s"
