"""Citing on import: find the sentences of a document that support a question's answer.

Candidates are windows of one or two consecutive sentences that contain the answer
(for true/false, that share the prompt's words); the one most like the question and
its answer (rapidfuzz) becomes the quote, copied verbatim. No window, no quote:
nothing is ever made up.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from quiz.bank.model import Question, QuestionType
from quiz.bank.quotes import find_quote, normalise_for_quote
from quiz.common.wording import format_number

_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”’)\]]*\s+|\n\s*\n")
MIN_SCORE = 55.0  # below this a window shares too little with the question to support it
MAX_WINDOW = 2  # sentences
MIN_WORDS = 3
_ENDS_SENTENCE = re.compile(r"[.!?…][\"”’)\]]*\Z")
WIDER_PENALTY = 10.0


def sentences(document: str) -> list[str]:
    """The document's sentences (and headings), verbatim, in order."""
    found = []
    start = 0
    for match in _SENTENCE_END.finditer(document):
        piece = document[start : match.start()].strip()
        if piece:
            found.append(piece)
        start = match.end()
    tail = document[start:].strip()
    if tail:
        found.append(tail)
    return found


def _windows(parts: list[str]) -> Iterator[tuple[str, int]]:
    for size in range(1, MAX_WINDOW + 1):
        for at in range(len(parts) - size + 1):
            yield " ".join(parts[at : at + size]), size


def answer_needles(q: Question) -> list[str]:
    """The texts a supporting passage must contain (any one of them)."""
    kind = q.type
    if kind is QuestionType.MULTIPLE_CHOICE:
        return [q.text]
    if kind is QuestionType.SHORT_ANSWER:
        return [q.text, *q.accept]
    if kind is QuestionType.NUMERIC:
        return [format_number(q.number)]
    if kind is QuestionType.MULTIPLE_SELECT or kind is QuestionType.ORDERING:
        return list(q.items)
    if kind is QuestionType.MATCHING:
        return [right for _, right in q.pairs]
    return []  # true/false: the prompt is the claim


def _contains(window: str, needle: str) -> bool:
    from rapidfuzz import fuzz

    pattern = r"(?<!\w)" + re.escape(needle.casefold()) + r"(?!\w)"
    if re.search(pattern, window.casefold()):
        return True
    # A long answer may be worded a little differently from the text ("the CIS").
    return len(needle) >= 12 and fuzz.partial_ratio(needle.casefold(), window.casefold()) >= 90


class Citer:
    """Finds supporting passages in one document."""

    def __init__(self, document: str) -> None:
        self.document = document
        self.windows = list(_windows(sentences(document)))

    def passage(self, q: Question) -> str | None:
        """The best supporting passage for `q`'s answer, verbatim, or None."""
        from rapidfuzz import fuzz

        needles = [n for n in answer_needles(q) if n.strip()]
        claim = normalise_for_quote(f"{q.prompt} {' '.join(needles)}")
        best, best_score = None, MIN_SCORE
        for window, size in self.windows:
            flat = normalise_for_quote(window)
            if len(flat.split()) < MIN_WORDS or not _ENDS_SENTENCE.search(flat):
                continue  # a heading or a fragment supports nothing
            if needles:
                hits = sum(_contains(flat, n) for n in needles)
                if not hits:
                    continue
                score = fuzz.token_set_ratio(claim, flat) * 0.7 + 30 * hits / len(needles)
            else:
                score = fuzz.token_set_ratio(normalise_for_quote(q.prompt), flat)
            score -= WIDER_PENALTY * (size - 1)  # a second sentence must earn its place
            if score > best_score or (score == best_score and best and len(flat) < len(best)):
                best, best_score = window, score
        if best is None or not find_quote(self.document, best):
            return None
        return normalise_for_quote(best)

    def cite(self, q: Question) -> Question | None:
        """`q` with a supporting passage as its source, or None when there is none."""
        quote = self.passage(q)
        return None if quote is None else replace(q, source=quote)
