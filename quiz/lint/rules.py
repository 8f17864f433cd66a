"""The lint rules: valid banks in, warnings out (pure: no I/O, nothing printed)."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from quiz.bank.coverage import sentences
from quiz.bank.model import Bank, Question, QuestionType
from quiz.bank.quotes import normalise_for_quote, quote_parts
from quiz.grading.checking import typo_distance
from quiz.grading.leaks import answer_forms, content_words, leaks, self_leak
from quiz.grading.textnorm import normalize
from quiz.lint.findings import (
    ANSWER_LEAK,
    FRAGMENT_QUOTE,
    GIVEAWAY_CHOICE,
    NEAR_DUPLICATE,
    SELF_LEAK,
    TYPO_RISK,
    LintWarning,
    bank_path,
)
from quiz.lint.words import common_words

SIMILAR_PROMPTS = 60  # rapidfuzz token_set_ratio of the prompts' content words, 0..100
MAX_TWINS = 50  # a very common answer ("6") is not compared across a whole large bank
LONGER = 1.4  # a right choice this many times as long as every distractor stands out
_ABBREVIATION = re.compile(r"\b[A-Z]{2,}\b")
_DIGIT = re.compile(r"\d")
_PAREN = re.compile(r"[()\[\]]")
_SENTENCE_TAIL = " .!?\"'”’)"
_EDITS = {1: "one typo", 2: "two typos"}

Placed = tuple[Bank, Question]


def lint(banks: Sequence[Bank]) -> list[LintWarning]:
    """Every warning about these banks (leaks and duplicates across them too), in file order."""
    placed = [(bank, q) for bank in banks for q in bank.questions]
    found = [
        *_answer_leaks(placed),
        *_near_duplicates(placed),
        *_self_leaks(placed),
        *_typo_risks(placed),
        *_giveaway_choices(placed),
        *_fragment_quotes(banks),
    ]
    return sorted(found)


def _warn(bank: Bank, q: Question, field: str, kind: str, message: str, *ids: str) -> LintWarning:
    line, column = q.spot(field)
    return LintWarning(bank_path(bank.path), line, column, kind, message, (q.id, *ids))


def _answer_leaks(placed: Sequence[Placed]) -> Iterator[LintWarning]:
    for leak in leaks([q for _, q in placed]):
        bank, giver = placed[leak.giver]
        taker = placed[leak.taker][1]
        where = "prompt gives" if leak.field == "prompt" else "choices give"
        spot = "prompt" if leak.field == "prompt" else _choices_field(giver)
        yield _warn(
            bank,
            giver,
            spot,
            ANSWER_LEAK,
            f"its {where} away '{leak.answer}', the answer of '{taker.id}'; reword one of them",
            taker.id,
        )


def _choices_field(q: Question) -> str:
    return (
        "choices"
        if q.type in (QuestionType.MULTIPLE_CHOICE, QuestionType.MULTIPLE_SELECT)
        else "answer"
    )


def _answer_key(q: Question) -> tuple[str, ...]:
    """The normalised forms of a question's answer, whatever its type (a list's forms
    start with a tab, so that only the same list is the same answer)."""
    forms = answer_forms(q)
    if not forms:
        answer = q.answer
        if q.type is QuestionType.MATCHING:
            return ("\t" + "\t".join(normalize(f"{left} {right}") for left, right in q.pairs),)
        if isinstance(answer, tuple):
            items = [str(a) for a in answer]
            return ("\t" + "\t".join(sorted(normalize(a) for a in items)),)
        return (f"\t{answer}",)
    return tuple(f for f in (normalize(x) for x in forms) if f)


def _same_answer_pairs(keys: Sequence[tuple[str, ...]]) -> set[tuple[int, int]]:
    """Pairs (i < j) whose answers are the same: equal, or one's form is words of the
    other's ("five" in "once in five years"). Found through an index, not every pair;
    each question is compared with at most `MAX_TWINS` others of the same answer."""
    whole: dict[str, list[int]] = {}
    for i, forms in enumerate(keys):
        for form in forms:
            whole.setdefault(form, []).append(i)
    pairs: set[tuple[int, int]] = set()
    for j, forms in enumerate(keys):
        for form in forms:
            runs = [form] if form.startswith("\t") else _word_runs(form)
            for run in runs:
                for i in whole.get(run, ())[:MAX_TWINS]:
                    if i != j:
                        pairs.add((min(i, j), max(i, j)))
    return pairs


def _word_runs(text: str) -> list[str]:
    words = text.split()
    return [
        " ".join(words[start:end])
        for start in range(len(words))
        for end in range(start + 1, len(words) + 1)
    ]


def _near_duplicates(placed: Sequence[Placed]) -> Iterator[LintWarning]:
    from rapidfuzz.fuzz import token_set_ratio

    keys = [_answer_key(q) for _, q in placed]
    words = [" ".join(sorted(content_words(q.prompt))) for _, q in placed]
    reported: set[int] = set()  # each question is named as a duplicate once
    for i, j in sorted(_same_answer_pairs(keys)):
        first, second = placed[i][1], placed[j][1]
        if j in reported or QuestionType.TRUE_FALSE in (first.type, second.type):
            continue  # "true" is everyone's answer; true/false is judged by its prompt
        score = token_set_ratio(words[i], words[j])
        if score >= SIMILAR_PROMPTS:
            reported.add(j)
            yield _warn(
                placed[j][0],
                second,
                "prompt",
                NEAR_DUPLICATE,
                f"asks what '{first.id}' asks, with the same answer (prompts {score:.0f}% "
                "alike); cut one or ask something else",
                first.id,
            )


def _self_leaks(placed: Sequence[Placed]) -> Iterator[LintWarning]:
    for bank, q in placed:
        form = self_leak(q)
        if form is not None:
            yield _warn(
                bank, q, "prompt", SELF_LEAK, f"the prompt contains its own answer '{form}'"
            )


def _typo_risks(placed: Sequence[Placed]) -> Iterator[LintWarning]:
    others: dict[str, str] = {}  # every answer and choice in the banks -> a question id
    for _, q in placed:
        for text in (*answer_forms(q), *q.choices):
            others.setdefault(normalize(text), q.id)
    words = common_words()
    for bank, q in placed:
        if q.type is not QuestionType.SHORT_ANSWER or q.typos == 0:
            continue
        accepted = {normalize(f) for f in answer_forms(q)}
        for form in answer_forms(q):
            target = normalize(form)
            near = _near(target, words, q.typos, accepted)
            in_bank = _near(target, list(others), q.typos, accepted)
            if not near and not in_bank:
                continue
            what = [f"the common word(s) {_quoted(near)}"] if near else []
            what += [f"{_quoted(in_bank)} from this bank"] if in_bank else []
            distance = max(typo_distance(w, target, q.typos) or 1 for w in near + in_bank)
            yield _warn(
                bank,
                q,
                "answer" if form == q.answer else "accept",
                TYPO_RISK,
                f"'{form}' is within {_EDITS.get(distance, 'a typo')} of {' and '.join(what)}, "
                "which would be accepted; set 'typos: 0'",
                *sorted({others[w] for w in in_bank} - {q.id}),
            )


def _near(
    target: str, candidates: Sequence[str], budget: int | None, accepted: set[str]
) -> list[str]:
    from rapidfuzz import process
    from rapidfuzz.distance import Levenshtein

    reach = budget if budget is not None else 2  # typo_distance applies the real budget
    close = process.extract(
        target, candidates, scorer=Levenshtein.distance, score_cutoff=reach, limit=None
    )
    return [
        c
        for c, _, _ in sorted(close, key=lambda hit: hit[2])  # in the candidates' order
        if c not in accepted
        and c not in (f"{target}s", target.removesuffix("s"))  # a plural is no wrong answer
        and typo_distance(c, target, budget) is not None
    ][:3]


def _quoted(items: Sequence[str]) -> str:
    return ", ".join(f"'{item}'" for item in items)


def _giveaway_choices(placed: Sequence[Placed]) -> Iterator[LintWarning]:
    for bank, q in placed:
        if q.type is not QuestionType.MULTIPLE_CHOICE or len(q.choices) < 3:
            continue
        right = str(q.answer)
        wrong = [c for c in q.choices if c != right]
        reason = _stands_out(right, wrong)
        if reason:
            yield _warn(
                bank,
                q,
                "choices",
                GIVEAWAY_CHOICE,
                f"the right choice is the only one {reason}; make the distractors alike",
            )


def _stands_out(right: str, wrong: Sequence[str]) -> str:
    for pattern, what in (
        (_DIGIT, "with a digit"),
        (_PAREN, "with a parenthesis"),
        (_ABBREVIATION, "with an abbreviation"),
    ):
        if pattern.search(right) and not any(pattern.search(w) for w in wrong):
            return what
    if len(right) >= LONGER * max(len(w) for w in wrong):
        return "much longer than the rest"
    return ""


def _fragment_quotes(banks: Sequence[Bank]) -> Iterator[LintWarning]:
    for bank in banks:
        if bank.source is None or bank.source.text is None:
            continue
        ends = [normalise_for_quote(s).rstrip(_SENTENCE_TAIL) for s in sentences(bank.source.text)]
        for q in bank.questions:
            if not q.source or normalise_for_quote(q.source).endswith("..."):
                continue
            parts = quote_parts(q.source)
            last = parts[-1].rstrip(_SENTENCE_TAIL) if parts else ""
            if last and not any(last.endswith(e) or e.endswith(last) for e in ends if e):
                yield _warn(
                    bank,
                    q,
                    "source",
                    FRAGMENT_QUOTE,
                    f"the quote stops mid-sentence ('…{last[-30:]}'); quote to the end of "
                    "the sentence, or end it with '…'",
                )
