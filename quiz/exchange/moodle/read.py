"""Read Moodle XML (`<quiz><question type=...>`) into questions.

Categories set the topic (the last part of the path); question text, feedback and
answers may be HTML (tags stripped, entities decoded); embedded files are ignored
with a note. Types quiz cannot hold are skipped, each with its line and reason.
"""

from __future__ import annotations

import math
import re

from quiz.bank.model import Question, QuestionType
from quiz.common.errors import Problem
from quiz.exchange.build import Draft, Skip, first_number
from quiz.exchange.category import category_topic
from quiz.exchange.feedback import split_feedback
from quiz.exchange.moodle.xmltree import Element, XmlError, parse
from quiz.exchange.notes import NOT_CARRIED, SKIPPED, Imported, Note, partial_credit
from quiz.exchange.textconv import IdMaker, field_text, tidy

# A text's format attribute -> the short name field_text takes; anything else is HTML.
_FORMATS = {"plain_text": "plain", "markdown": "markdown", "moodle_auto_format": "moodle"}
_UNSUPPORTED = {
    "essay": "an essay question has no answer to check",
    "description": "a description is not a question",
    "cloze": "embedded-answer (cloze) questions have no quiz type",
    "multianswer": "embedded-answer (cloze) questions have no quiz type",
    "calculated": "calculated questions have no quiz type",
    "calculatedsimple": "calculated questions have no quiz type",
    "calculatedmulti": "calculated questions have no quiz type",
    "randomsamatch": "random short-answer matching has no quiz type",
    "random": "a random question slot is not a question",
}


class _Reader:
    def __init__(self, path: str) -> None:
        self.path = path
        self.notes: list[Note] = []
        self.ids = IdMaker()

    def text(self, node: Element | None, line: int, default_format: str = "html") -> str:
        """The plain text of a Moodle text field (`<x format=...><text>..</text></x>`)."""
        if node is None:
            return ""
        for file in node.findall("file"):
            name = file.attrs.get("name", "?")
            self.notes.append(Note(line, NOT_CARRIED, f"embedded file '{name}' ignored"))
        inner = node.find("text")
        raw = inner.text if inner is not None else node.text
        fmt = _FORMATS.get(node.attrs.get("format", default_format), "html")
        return field_text(raw, fmt, self.notes, line)


def read_moodle_xml(data: bytes, path: str) -> Imported:
    """Every question of a Moodle XML file, with notes for what was skipped or not carried."""
    result = Imported()
    try:
        root = parse(data)
    except XmlError as exc:
        result.problems.append(Problem(path, exc.line, exc.column, str(exc)))
        return result
    if root.tag != "quiz":
        result.problems.append(
            Problem(path, root.line, 0, f"the top element is <{root.tag}>, not <quiz>")
        )
        return result
    reader = _Reader(path)
    topic = ""
    for number, node in enumerate(root.findall("question"), start=1):
        kind = node.attrs.get("type", "")
        if kind == "category":
            topic = _topic(node.find("category"))
            continue
        try:
            question = _question(reader, node, kind, topic, number)
        except Skip as exc:
            reader.notes.append(Note(node.line, SKIPPED, str(exc)))
        else:
            result.questions.append(question)
    result.notes = reader.notes
    return result


def _topic(node: Element | None) -> str:
    if node is None:
        return ""
    return category_topic(node.child_text("text") or node.text.strip(), tidy)


def _fraction(node: Element) -> float:
    try:
        value = float(node.attrs.get("fraction", "0"))
    except ValueError:
        return 0.0
    return value if math.isfinite(value) else 0.0


def _question(r: _Reader, node: Element, kind: str, topic: str, number: int) -> Question:
    line = node.line
    if kind in _UNSUPPORTED:
        raise Skip(_UNSUPPORTED[kind])
    if kind not in (
        "multichoice",
        "truefalse",
        "shortanswer",
        "numerical",
        "matching",
        "match",
        "ordering",
    ):
        raise Skip(f"the question type '{kind}' has no quiz type")
    name_node = node.find("name")
    name = tidy(name_node.child_text("text")) if name_node is not None else ""
    prompt = r.text(node.find("questiontext"), line)
    explanation, source = split_feedback(r.text(node.find("generalfeedback"), line))
    idnumber = node.child_text("idnumber")
    qid = r.ids.make(name or idnumber or prompt[:50], number)
    tags_node = node.find("tags")
    tags = (
        [tidy(t.child_text("text")) for t in tags_node.findall("tag")]
        if tags_node is not None
        else []
    )
    draft = Draft(qid, prompt, line, explanation, source, topic, tags)

    def answer_texts(html: bool) -> list[tuple[str, float, Element]]:
        found = []
        for answer in node.findall("answer"):
            if html:
                text = r.text(answer, line, "html")
            else:
                text = tidy(answer.child_text("text") or answer.text)
            fb = r.text(answer.find("feedback"), line)
            if fb:
                draft.feedback.append(f"{text}: {fb}" if text else fb)
            found.append((text, _fraction(answer), answer))
        return found

    if kind == "multichoice":
        single = node.child_text("single", "true").lower() not in ("false", "0")
        answers = answer_texts(html=True)
        choices = [text for text, _, _ in answers]
        if single:
            right = [text for text, fraction, _ in answers if fraction >= 100]
            for text, fraction, _ in answers:
                if 0 < fraction < 100:
                    r.notes.append(partial_credit(line, fraction, f"'{text}'; it counts as wrong"))
            if len(right) != 1:
                raise Skip(f"{len(right)} answers get full credit in a single-answer question")
            return draft.finish(QuestionType.MULTIPLE_CHOICE, right[0], choices=choices)
        right = [text for text, fraction, _ in answers if fraction > 0]
        return draft.finish(QuestionType.MULTIPLE_SELECT, tuple(right), choices=choices)
    if kind == "truefalse":
        value = None
        for text, fraction, _ in answer_texts(html=False):
            if text.lower() in ("true", "false") and fraction >= 100:
                value = text.lower() == "true"
        if value is None:
            raise Skip("neither 'true' nor 'false' gets full credit")
        return draft.finish(QuestionType.TRUE_FALSE, value)
    if kind == "shortanswer":
        if node.child_text("usecase") == "1":
            r.notes.append(Note(line, NOT_CARRIED, "case-sensitive matching (quiz ignores case)"))
        full = []
        for text, fraction, _ in answer_texts(html=False):
            if re.search(r"(?<!\\)\*", text):
                r.notes.append(Note(line, NOT_CARRIED, f"the wildcard answer '{text}'"))
            elif fraction >= 100:
                full.append(text.replace("\\*", "*"))
            elif fraction > 0:
                r.notes.append(partial_credit(line, fraction, f"'{text}'"))
        if not full:
            raise Skip("no answer gets full credit")
        return draft.finish(QuestionType.SHORT_ANSWER, full[0], accept=tuple(full[1:]))
    if kind == "numerical":
        return _numerical(r, node, answer_texts(html=False), draft, line)
    if kind in ("matching", "match"):
        pairs = []
        for sub in node.findall("subquestion"):
            left = r.text(sub, line)
            answer_node = sub.find("answer")
            match = tidy(answer_node.child_text("text")) if answer_node is not None else ""
            if not left:
                if match:
                    r.notes.append(Note(sub.line, NOT_CARRIED, f"the extra wrong match '{match}'"))
                continue
            pairs.append((left, match))
        return draft.finish(QuestionType.MATCHING, tuple(pairs))
    items = answer_texts(html=True)
    count = node.child_text("selectcount", "0")
    select = node.child_text("selecttype", "ALL").upper()
    if select not in ("ALL", "EXACT") and count.isdigit() and 2 < int(count) < len(items):
        r.notes.append(
            Note(line, NOT_CARRIED, f"Moodle shows {count} of the {len(items)} items; all are kept")
        )
    ordered = sorted(items, key=lambda item: item[1]) if all(f > 0 for _, f, _ in items) else items
    return draft.finish(QuestionType.ORDERING, tuple(text for text, _, _ in ordered))


def _numerical(
    r: _Reader,
    node: Element,
    answers: list[tuple[str, float, Element]],
    draft: Draft,
    line: int,
) -> Question:
    found: list[tuple[float, float]] = []
    for text, fraction, answer in answers:
        if text in ("*", ""):
            continue  # the catch-all answer: its feedback is already in the explanation
        try:
            value = float(text)
            tolerance = abs(float(answer.child_text("tolerance", "0") or 0))
        except ValueError:
            raise Skip(f"'{text}' is not a number") from None
        if fraction >= 100:
            found.append((value, tolerance))
        elif fraction > 0:
            r.notes.append(partial_credit(line, fraction, text))
    value, tolerance = first_number(found, r.notes, line)
    unit = None
    units = node.find("units")
    for u in units.findall("unit") if units is not None else []:
        name = u.child_text("unit_name")
        if unit is None and u.child_text("multiplier", "1") in ("1", "1.0") and name:
            unit = name
        elif name:
            r.notes.append(Note(u.line, NOT_CARRIED, f"the extra unit '{name}'"))
    return draft.finish(QuestionType.NUMERIC, value, tolerance=tolerance, unit=unit)
