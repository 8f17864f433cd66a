"""Topics named on a command line, resolved against the topics the banks have."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from quiz.bank.model import Bank
from quiz.common.errors import UsageError


def bank_topics(banks: Sequence[Bank]) -> list[str]:
    """Every topic of the banks, once each, in bank order."""
    return list(dict.fromkeys(topic for bank in banks for topic in bank.topics))


def resolve_topics(banks: Sequence[Bank], wanted: Iterable[str]) -> tuple[str, ...]:
    """The banks' own spelling of each wanted topic (raises UsageError for an unknown one).

    A topic matches ignoring case, or by a prefix that only one topic starts with.
    """
    known = bank_topics(banks)
    resolved: list[str] = []
    for name in wanted:
        topic = _resolve(known, name)
        if topic not in resolved:
            resolved.append(topic)
    return tuple(resolved)


def _resolve(known: list[str], name: str) -> str:
    folded = " ".join(name.split()).casefold()
    exact = [topic for topic in known if topic.casefold() == folded]
    if exact:
        return exact[0]
    starting = [topic for topic in known if folded and topic.casefold().startswith(folded)]
    if len(starting) == 1:
        return starting[0]
    if starting:
        raise UsageError(f"--topic {name!r} could be any of: {', '.join(starting)}")
    listed = ", ".join(known) if known else "(none: the banks have no topics)"
    raise UsageError(f"no topic {name!r} in the banks; their topics are: {listed}")
