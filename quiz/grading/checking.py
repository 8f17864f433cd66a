"""Answer checking: one function per question type, each explaining its verdict.

`check(question, given)` returns a `Judgement` (also importable under its older
name `Verdict`): the verdict (correct, partial or incorrect), a score from 0 to
1, the expected answer as a learner reads it, and
the reason in a learner's words whenever something was forgiven or missed.

The `given` shape per type: multiple_choice `str` (the choice, or text typed for
it); multiple_select `list[str]`; true_false `bool`; short_answer `str`; numeric
`str` as typed, or a number; ordering `list[str]` in the learner's order;
matching `dict[str, str]` (left -> chosen right).
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from quiz.bank.model import Question, format_number
from quiz.common.textnorm import digit_runs, looks_numeric, normalize
from quiz.common.wording import plural
from quiz.grading.verdicts import Verdict as V

VerdictName = Literal["correct", "partial", "incorrect"]  # the verdicts a check gives

NO_ANSWER = "no answer"
_EDITS = {1: "one letter", 2: "two letters"}


@dataclass(frozen=True)
class Judgement:
    """What a check decided, and why."""

    verdict: V
    score: float  # 0..1
    expected: str  # the right answer, for display
    reason: str = ""  # empty when the answer was simply right


# The older name of the check's result, kept so `check(question, given) -> Verdict` still reads.
Verdict = Judgement


def check(question: Question, given: Any) -> Judgement:
    """Judge `given` as an answer to `question` (its type's `QuestionKind` does)."""
    from quiz.grading.kinds import kind_of

    return kind_of(question).check(question, given)


def expected_text(question: Question) -> str:
    """The right answer of `question` as a learner reads it."""
    from quiz.grading.kinds import kind_of

    return kind_of(question).expected(question)


# --- text: typo tolerance ---------------------------------------------------------------


def typo_budget(target: str) -> int:
    """Edits forgiven in an answer whose normalised form is `target`: 0 below 5 letters,
    1 for 5-9, 2 for 10 or more."""
    if len(target) >= 10:
        return 2
    if len(target) >= 5:
        return 1
    return 0


def typo_distance(given: str, target: str, budget: int | None = None) -> int | None:
    """Edits between two normalised texts when within the typo budget, else None.

    `budget` is the question's own `typos` when it sets one; otherwise it
    follows the target's length (`typo_budget`).

    Never for numbers: if either side looks like a number, or the numbers inside
    them differ ("1992 treaty" vs "1993 treaty"), a typo cannot make it right.
    """
    if looks_numeric(given) or looks_numeric(target):
        return None
    if digit_runs(given) != digit_runs(target):
        return None
    if budget is None:
        budget = typo_budget(target)
    if budget == 0:
        return None
    distance = _distance(given, target, budget)
    return distance if distance <= budget else None


def _distance(a: str, b: str, cutoff: int) -> int:
    """Levenshtein distance, or cutoff + 1 when it is more than `cutoff`."""
    # Imported here: starting the app need not load rapidfuzz before the first answer.
    from rapidfuzz.distance import Levenshtein

    return Levenshtein.distance(a, b, score_cutoff=cutoff)


def _typo_note(given: str, target: str, distance: int) -> str:
    edits = _EDITS.get(distance, f"{distance} letters")
    return f"accepted: '{given.strip()}' is {edits} from '{target}'"


def _miss_reason(given: str, target: str, budget: int | None = None) -> str:
    """Why a text answer was not accepted, naming the rule when it was a near miss."""
    g, t = normalize(given), normalize(target)
    shown = f"'{given.strip()}' is not '{target}'"
    if _distance(g, t, 2) <= 2:
        if looks_numeric(g) or looks_numeric(t) or digit_runs(g) != digit_runs(t):
            return f"{shown}: numbers must be exact"
        if (typo_budget(t) if budget is None else budget) == 0:
            return f"{shown}: short answers must be spelled exactly"
    return shown


# --- one checker per type ---------------------------------------------------------------


def check_short_answer(question: Question, given: Any) -> Judgement:
    """Same text after normalising, then an `accept` entry, then a forgiven typo."""
    expected = expected_text(question)
    text = "" if given is None else str(given)
    g = normalize(text)
    if not g:
        return Judgement(V.INCORRECT, 0.0, expected, NO_ANSWER)
    answer = question.text
    if g == normalize(answer):
        return Judgement(V.CORRECT, 1.0, expected)
    for alt in question.accept:
        if g == normalize(alt):
            return Judgement(V.CORRECT, 1.0, expected, f"accepted: matches the alternative '{alt}'")
    typo = _closest_typo(g, (answer, *question.accept), question.typos)
    if typo is not None:
        target, distance = typo
        return Judgement(V.CORRECT, 1.0, expected, _typo_note(text, target, distance))
    return Judgement(V.INCORRECT, 0.0, expected, _miss_reason(text, answer, question.typos))


def _closest_typo(
    g: str, targets: Iterable[str], budget: int | None = None
) -> tuple[str, int] | None:
    """The target `g` is a forgivable typo of, the nearest first (ties: the earlier)."""
    best: tuple[str, int] | None = None
    for target in targets:
        distance = typo_distance(g, normalize(target), budget)
        if distance is not None and (best is None or distance < best[1]):
            best = (target, distance)
    return best


def resolve_choice(
    choices: Sequence[str], given: str, budget: int | None = None
) -> tuple[str | None, str]:
    """The choice that typed text stands for, and a note on how it was read.

    Exact text first, then the same after normalising, then a typo of exactly
    one choice. Text within typo reach of two choices is ambiguous and stands for
    none, so a typo can never turn a wrong choice into the right one.
    """
    if given in choices:
        return given, ""
    g = normalize(given)
    if not g:
        return None, NO_ANSWER
    for choice in choices:
        if g == normalize(choice):
            return choice, ""
    near = [(c, d) for c in choices if (d := typo_distance(g, normalize(c), budget)) is not None]
    if len(near) == 1:
        choice, distance = near[0]
        return choice, _typo_note(given, choice, distance)
    if near:  # two or more
        names = " and ".join(f"'{c}'" for c, _ in near[:2])
        return None, f"'{given.strip()}' is close to both {names}: type it exactly or its number"
    return None, f"'{given.strip()}' is not one of the choices"


def check_multiple_choice(question: Question, given: Any) -> Judgement:
    """Right or wrong; typed text is read as the choice it names (see `resolve_choice`)."""
    expected = expected_text(question)
    if given is None:
        return Judgement(V.INCORRECT, 0.0, expected, NO_ANSWER)
    choice, note = resolve_choice(question.choices, str(given), question.typos)
    if choice is None:
        return Judgement(V.INCORRECT, 0.0, expected, note)
    if choice == question.answer:
        return Judgement(V.CORRECT, 1.0, expected, note)
    if note:
        return Judgement(V.INCORRECT, 0.0, expected, f"read as '{choice}', which is not the answer")
    return Judgement(V.INCORRECT, 0.0, expected, f"'{choice}' is not the answer")


def check_true_false(question: Question, given: Any) -> Judgement:
    """Right or wrong; `given` is a bool (or the words true/false)."""
    expected = expected_text(question)
    value = _truth(given)
    if value is None:
        return Judgement(V.INCORRECT, 0.0, expected, NO_ANSWER)
    if value == question.answer:
        return Judgement(V.CORRECT, 1.0, expected)
    return Judgement(V.INCORRECT, 0.0, expected)  # "Expected: False" already says it all


_TRUE_WORDS = {"true", "t", "yes", "y"}
_FALSE_WORDS = {"false", "f", "no", "n"}


def _truth(given: Any) -> bool | None:
    """True or False for a bool or a word that names one; None for anything else."""
    word = normalize(str(given))  # a bool reads as its name; None as "none", no answer
    if word in _TRUE_WORDS:
        return True
    if word in _FALSE_WORDS:
        return False
    return None


_PLAIN_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)")
_THOUSANDS = re.compile(r"[+-]?\d{1,3}(,\d{3})+(\.\d+)?")
_DECIMAL_COMMA = re.compile(r"[+-]?\d+,\d+")


_UNITS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
# Counts written as words ("ten", "twenty-one"); years stay digits.
NUMBER_WORDS: dict[str, int] = {word: n for n, word in enumerate(_UNITS)} | {
    f"{ten} {unit}".strip(): 20 + 10 * t + u
    for t, ten in enumerate(_TENS)
    for u, unit in enumerate(["", *_UNITS[1:10]])
}


def parse_number(text: Any, unit: str | None = None) -> float | None:
    """A number as a learner types it, or None.

    "2002", " 2,002 ", "2002.0", "2 002", "2,5", and counts as words ("ten").

    A trailing unit (the question's) is allowed: "6 states" when the unit is "states".
    """
    if isinstance(text, bool):
        return None
    if isinstance(text, int | float):
        return float(text) if math.isfinite(text) else None
    s = unicodedata.normalize("NFKC", str(text)).strip().replace("\u2212", "-")
    if unit and s.casefold().endswith(unit.casefold()):
        s = s[: -len(unit)].strip()
    s = re.sub(r"(?<=\d)[\s_'](?=\d{3}\b)", "", s)  # 2 002, 2_002, 2'002
    if _THOUSANDS.fullmatch(s):
        s = s.replace(",", "")
    elif _DECIMAL_COMMA.fullmatch(s):
        s = s.replace(",", ".")
    if not _PLAIN_NUMBER.fullmatch(s):
        word = NUMBER_WORDS.get(" ".join(s.casefold().replace("-", " ").split()))
        return float(word) if word is not None else None
    return float(s)


def check_numeric(question: Question, given: Any) -> Judgement:
    """Correct within `tolerance` of the answer; text that is no number is incorrect."""
    expected = expected_text(question)
    if given is None or (isinstance(given, str) and not given.strip()):
        return Judgement(V.INCORRECT, 0.0, expected, NO_ANSWER)
    value = parse_number(given, question.unit)
    if value is None:
        return Judgement(
            V.INCORRECT, 0.0, expected, f"'{str(given).strip()}' is not a number: type digits"
        )
    answer = question.number
    # A hair of slack so that 0.1 + 0.2 style rounding never fails an exact answer.
    slack = 1e-9 * max(1.0, abs(answer))
    if abs(value - answer) <= question.tolerance + slack:
        if abs(value - answer) <= slack:
            return Judgement(V.CORRECT, 1.0, expected)
        return Judgement(
            V.CORRECT,
            1.0,
            expected,
            f"accepted: {format_number(value)} is within {format_number(question.tolerance)} "
            f"of {format_number(answer)}",
        )
    return Judgement(
        V.INCORRECT, 0.0, expected, f"'{format_number(value)}' is not '{format_number(answer)}'"
    )


def check_multiple_select(question: Question, given: Any) -> Judgement:
    """Partial credit: (right picks - wrong picks) / number of right answers, at least 0.

    All right and nothing wrong is correct; any score between 0 and 1 is partial.
    Picks are matched to the choices after normalising; unknown picks are wrong.
    """
    expected = expected_text(question)
    right = set(question.items)
    picks = {_as_choice(question.choices, str(p)) for p in (given or ())}
    hits, misses = len(picks & right), len(picks - right)
    if not picks:
        return Judgement(V.INCORRECT, 0.0, expected, "nothing chosen")
    score = max(0.0, (hits - misses) / len(right))
    if hits == len(right) and not misses:
        return Judgement(V.CORRECT, 1.0, expected)
    reason = f"{hits} of {len(right)} right"
    if misses:
        reason += f", {plural(misses, 'wrong pick')} (each takes one off)"
    return Judgement(V.PARTIAL if score > 0 else V.INCORRECT, score, expected, reason)


def _as_choice(choices: Sequence[str], text: str) -> str:
    if text in choices:
        return text
    g = normalize(text)
    return next((c for c in choices if normalize(c) == g), text)


def check_ordering(question: Question, given: Any) -> Judgement:
    """Partial credit: the share of items in their right position.

    Position i counts when the learner's i-th item is the answer's i-th item, so
    one item moved from last to first in a list of five scores 0/5, not 4/5:
    every item that is not where it belongs costs its share.
    """
    expected = expected_text(question)
    answer = question.items
    order = [_as_choice(answer, str(item)) for item in (given or ())]
    if not order:
        return Judgement(V.INCORRECT, 0.0, expected, NO_ANSWER)
    placed = sum(1 for mine, right in zip(order, answer, strict=False) if mine == right)
    return _share(placed, len(answer), expected, "in the right place")


def check_matching(question: Question, given: Any) -> Judgement:
    """Partial credit: the share of pairs right."""
    expected = expected_text(question)
    chosen: Mapping[str, str] = given if isinstance(given, Mapping) else {}
    if not chosen:
        return Judgement(V.INCORRECT, 0.0, expected, NO_ANSWER)
    lefts = [left for left, _ in question.pairs]
    rights = [right for _, right in question.pairs]
    picked = {_as_choice(lefts, str(k)): v for k, v in chosen.items()}
    hits = sum(
        1
        for left, right in question.pairs
        if left in picked and _as_choice(rights, str(picked[left])) == right
    )
    return _share(hits, len(question.pairs), expected, "pairs right")


def _share(hits: int, total: int, expected: str, words: str) -> Judgement:
    if hits == total:
        return Judgement(V.CORRECT, 1.0, expected)
    score = hits / total
    reason = f"{hits} of {total} {words}"
    return Judgement(V.PARTIAL if hits else V.INCORRECT, score, expected, reason)
