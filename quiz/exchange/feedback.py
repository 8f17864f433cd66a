"""The explanation and source quote carried together in a format's general feedback.

The quote is the last paragraph, `Source: “…”`, so reading the feedback back restores
`source:` and a person reading it in Moodle or Anki sees a plain citation.
"""

from __future__ import annotations

import re

SOURCE_LABEL = "Source:"
_SOURCE = re.compile(r"(?:\A|\n\n)Source:\s*[“\"](?P<quote>.*)[”\"]\s*\Z", re.DOTALL)


def join_feedback(explanation: str, source: str) -> str:
    """The general feedback for an explanation and a source quote (either may be empty)."""
    parts = [explanation] if explanation else []
    if source:
        parts.append(f"{SOURCE_LABEL} “{source}”")
    return "\n\n".join(parts)


def split_feedback(text: str) -> tuple[str, str]:
    """(explanation, source quote) from a general feedback written by `join_feedback`."""
    match = _SOURCE.search(text)
    if match is None:
        return text.strip(), ""
    return text[: match.start()].strip(), match.group("quote").strip()
