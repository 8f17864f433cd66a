"""Which questions give away another's answer: the leak relation.

Question A leaks question B when B is a recall question (short answer, numeric,
multiple choice) and B's answer is written in what A shows (its prompt, choices,
ordering items or matching pairs), and the two are on the same subject: their
prompts share a content word besides the answer's own words. The lint warns
about leaks; a session asks B before A.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from quiz.bank.model import Question, QuestionType, format_number
from quiz.grading.checking import NUMBER_WORDS
from quiz.grading.textnorm import ARTICLES, strip_diacritics

RECALL_TYPES = (QuestionType.SHORT_ANSWER, QuestionType.NUMERIC, QuestionType.MULTIPLE_CHOICE)

# Words that say nothing about a question's subject.
_STOPWORD_TEXT = """
    about above after again against all also among and another any are because been
    before being besides between both but can cannot could did does doing down during
    each few for from further had has have having her here hers him his how into its
    itself just many more most much not now off once only other others our out over
    own same she should some such than that the their theirs them then there these
    they this those through too under until upon very was were what when where which
    while who whom whose why will with would you your according text name named put
    order year years match each following first earliest latest true false these
"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())
# A word in more than this share of a bank's prompts is the bank's theme, not a subject.
THEME_SHARE = 1 / 4
THEME_MIN_QUESTIONS = 20  # a smaller bank has too few prompts to tell a theme
_WORD = re.compile(r"\w+")
_NUMBER_NAMES = {n: word for word, n in NUMBER_WORDS.items() if " " not in word}


@dataclass(frozen=True)
class Leak:
    """`giver` shows `answer`, the answer of `taker` (indices into the questions given)."""

    giver: int
    taker: int
    answer: str  # the answer as written in the taker
    field: str  # where the giver shows it: "prompt" or "choices"


def answer_forms(question: Question) -> tuple[str, ...]:
    """The texts that are the answer of a recall question (empty for other types)."""
    kind = question.type
    if kind is QuestionType.SHORT_ANSWER:
        return (str(question.answer), *question.accept)
    if kind is QuestionType.MULTIPLE_CHOICE:
        return (str(question.answer),)
    if kind is QuestionType.NUMERIC:
        value = float(question.answer)  # type: ignore[arg-type]
        forms = [format_number(value)]
        if value.is_integer() and int(value) in _NUMBER_NAMES:
            forms.append(_NUMBER_NAMES[int(value)])
        return tuple(forms)
    return ()


def shown_units(question: Question) -> list[tuple[str, str]]:
    """What a learner reads before answering, piece by piece: ("prompt", text) and
    ("choices", text) for each choice, ordering item and matching side."""
    kind = question.type
    items: tuple[str, ...] = ()
    if kind in (QuestionType.MULTIPLE_CHOICE, QuestionType.MULTIPLE_SELECT):
        items = question.choices
    elif kind is QuestionType.ORDERING:
        items = question.answer  # type: ignore[assignment]
    elif kind is QuestionType.MATCHING:
        items = tuple(side for pair in question.pairs for side in pair)
    return [("prompt", question.prompt), *(("choices", item) for item in items)]


def tokens(text: str) -> list[str]:
    """The words of `text` for comparing: case folded, without diacritics or punctuation.

    Cheaper than `normalize` (a session computes the relation over whole banks)."""
    if not text.isascii():
        text = strip_diacritics(text)
    return _WORD.findall(text.casefold())


def answer_key(form: str) -> str:
    """An answer's words as a key, a leading article dropped ("The Uzbeks" -> "uzbeks")."""
    words = tokens(form)
    if len(words) > 1 and words[0] in ARTICLES:
        words = words[1:]
    return " ".join(words)


def contains(text: str, phrase: str) -> bool:
    """True when `phrase` appears in `text` as whole words (case and punctuation aside)."""
    needle = answer_key(phrase)
    return bool(needle) and f" {needle} " in f" {' '.join(tokens(text))} "


def self_leak(question: Question) -> str | None:
    """The answer form a question's own prompt contains, or None."""
    for form in answer_forms(question):
        if contains(question.prompt, form):
            return form
    return None


def leaks(questions: Sequence[Question]) -> list[Leak]:
    """Every pair where one question gives away another's answer, in input order.

    A piece of what the giver shows (its prompt, or one choice or item) must
    contain the taker's answer and share a content word with the taker's prompt,
    not counting the answer's own words nor the bank's theme (words in more than
    a quarter of the prompts). Answers are looked up by the word runs of each
    piece, so the cost grows with the bank's size, not its square.
    """
    prompt_words = [content_words(q.prompt) for q in questions]
    theme = _theme(prompt_words)
    # answer key -> subject word -> (taker, answer as written): a giver's piece is checked
    # against the takers that share one of its words, not against every taker of the answer.
    takers: dict[str, dict[str, list[tuple[int, str]]]] = {}
    for b, taker in enumerate(questions):
        forms = [f for f in answer_forms(taker) if answer_key(f)]
        subject = prompt_words[b] - theme - content_words(" ".join(forms))
        for form in forms:
            by_word = takers.setdefault(answer_key(form), {})
            for word in subject:
                by_word.setdefault(word, []).append((b, form))
    # An answer can only start at its first word, and has one of a few lengths.
    sizes: dict[str, set[int]] = {}
    for key in takers:
        parts = key.split()
        sizes.setdefault(parts[0], set()).add(len(parts))
    found: dict[tuple[int, int], Leak] = {}
    for a, giver in enumerate(questions):
        for field, text in shown_units(giver):
            seen = tokens(text)
            words: frozenset[str] | None = None
            for start, token in enumerate(seen):
                for size in sizes.get(token, ()):
                    hits = takers.get(" ".join(seen[start : start + size]))
                    if not hits:
                        continue
                    if words is None:
                        words = content_words(text) - theme
                    for word in words:
                        for b, form in hits.get(word, ()):
                            if b != a and (a, b) not in found:
                                found[(a, b)] = Leak(a, b, answer=form, field=field)
    # Found giver by giver, so a stable sort by taker keeps each taker's givers in order.
    return [found[key] for key in sorted(found, key=lambda k: k[1])]


def content_words(text: str) -> frozenset[str]:
    """The words of `text` that say what it is about (years too), without stopwords, stemmed."""
    return frozenset(_stem(w) for w in tokens(text) if len(w) >= 3 and w not in STOPWORDS)


def _stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def _theme(words: Sequence[frozenset[str]]) -> frozenset[str]:
    if len(words) < THEME_MIN_QUESTIONS:
        return frozenset()
    counts = Counter(w for ws in words for w in ws)
    return frozenset(w for w, n in counts.items() if n > THEME_SHARE * len(words))
