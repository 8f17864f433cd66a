"""Write a bank as Moodle XML, as Moodle's own export writes it.

Texts go out as HTML in CDATA (escaped, so a bank's `<b>` stays literal); the
explanation and source quote go in `<generalfeedback>`, the quote as its last
paragraph `Source: “…”`; topics become `$course$/top/Topic` categories; ordering
uses the structure of Moodle's ordering question type (qtype_ordering).
"""

from __future__ import annotations

from quiz.bank.model import Bank, Question, QuestionType
from quiz.common.wording import format_number
from quiz.exchange.category import category_path
from quiz.exchange.feedback import join_feedback
from quiz.exchange.notes import CONVERTED, Exported, Note, about, difficulty_not_carried
from quiz.exchange.textconv import text_to_html


def _cdata(text: str) -> str:
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def _plain(text: str) -> str:
    """Plain text for an element whose content Moodle reads as plain text."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _html_field(tag: str, text: str, indent: str = "    ", attrs: str = "") -> str:
    return (
        f'{indent}<{tag}{attrs} format="html">\n'
        f"{indent}  <text>{_cdata(text_to_html(text))}</text>\n"
        f"{indent}</{tag}>\n"
    )


def _category(topic: str) -> str:
    return (
        '  <question type="category">\n'
        f"    <category>\n      <text>{_plain(category_path(topic))}</text>\n    </category>\n"
        "  </question>\n"
    )


def write_moodle_xml(bank: Bank) -> Exported:
    """The bank as a Moodle XML document, with notes for anything not carried."""
    result = Exported()
    parts = ['<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n']
    topic: str | None = None
    for question in bank.questions:
        if question.topic != topic:
            topic = question.topic
            parts.append(_category(topic))
        parts.append(_question(question, result.notes))
        result.notes += difficulty_not_carried(question)
    parts.append("</quiz>\n")
    result.text = "".join(parts)
    return result


_TYPES = {
    QuestionType.MULTIPLE_CHOICE: "multichoice",
    QuestionType.MULTIPLE_SELECT: "multichoice",
    QuestionType.TRUE_FALSE: "truefalse",
    QuestionType.SHORT_ANSWER: "shortanswer",
    QuestionType.NUMERIC: "numerical",
    QuestionType.MATCHING: "matching",
    QuestionType.ORDERING: "ordering",
}


def _answer(fraction: str, text: str, *, html: bool = True, extra: str = "") -> str:
    body = _cdata(text_to_html(text)) if html else _plain(text)
    fmt = ' format="html"' if html else ' format="moodle_auto_format"'
    return (
        f'    <answer fraction="{fraction}"{fmt}>\n'
        f"      <text>{body}</text>\n{extra}"
        '      <feedback format="html">\n        <text></text>\n      </feedback>\n'
        "    </answer>\n"
    )


def _question(q: Question, notes: list[Note]) -> str:
    out = [
        f'  <question type="{_TYPES[q.type]}">\n',
        f"    <name>\n      <text>{_plain(q.id)}</text>\n    </name>\n",
        _html_field("questiontext", q.prompt),
        _html_field("generalfeedback", join_feedback(q.explanation, q.source)),
        "    <defaultgrade>1</defaultgrade>\n    <penalty>0.3333333</penalty>\n",
        f"    <hidden>0</hidden>\n    <idnumber>{_plain(q.id)}</idnumber>\n",
    ]
    kind = q.type
    if kind in (QuestionType.MULTIPLE_CHOICE, QuestionType.MULTIPLE_SELECT):
        single = kind is QuestionType.MULTIPLE_CHOICE
        correct = {q.text} if single else set(q.items)
        share = format_number(round(100 / len(correct), 5))
        out.append(f"    <single>{'true' if single else 'false'}</single>\n")
        out.append("    <shuffleanswers>true</shuffleanswers>\n")
        out.append("    <answernumbering>abc</answernumbering>\n")
        for choice in q.choices:
            fraction = share if choice in correct else ("0" if single else "-100")
            out.append(_answer(fraction, choice))
    elif kind is QuestionType.TRUE_FALSE:
        out.append(_answer("100" if q.truth else "0", "true", html=False))
        out.append(_answer("0" if q.truth else "100", "false", html=False))
    elif kind is QuestionType.SHORT_ANSWER:
        out.append("    <usecase>0</usecase>\n")
        for text in (q.text, *q.accept):
            out.append(_answer("100", text.replace("*", "\\*"), html=False))
    elif kind is QuestionType.NUMERIC:
        tolerance = f"      <tolerance>{format_number(q.tolerance)}</tolerance>\n"
        out.append(_answer("100", format_number(q.number), html=False, extra=tolerance))
        if q.unit:
            out.append(
                "    <units>\n      <unit>\n        <multiplier>1</multiplier>\n"
                f"        <unit_name>{_plain(q.unit)}</unit_name>\n      </unit>\n    </units>\n"
            )
        out.append("    <unitgradingtype>0</unitgradingtype>\n    <unitpenalty>0.1</unitpenalty>\n")
        out.append(
            f"    <showunits>{0 if q.unit else 3}</showunits>\n    <unitsleft>0</unitsleft>\n"
        )
    elif kind is QuestionType.MATCHING:
        out.append("    <shuffleanswers>true</shuffleanswers>\n")
        for left, right in q.pairs:
            out.append(
                '    <subquestion format="html">\n'
                f"      <text>{_cdata(text_to_html(left))}</text>\n"
                f"      <answer>\n        <text>{_plain(right)}</text>\n      </answer>\n"
                "    </subquestion>\n"
            )
    else:
        items = q.items
        needs = "ordering needs Moodle's ordering question type (qtype_ordering) to import"
        notes.append(about(q, CONVERTED, needs))
        out.append(
            "    <layouttype>VERTICAL</layouttype>\n    <selecttype>ALL</selecttype>\n"
            f"    <selectcount>{len(items)}</selectcount>\n"
            "    <gradingtype>ABSOLUTE_POSITION</gradingtype>\n"
            "    <showgrading>SHOW</showgrading>\n    <numberingstyle>none</numberingstyle>\n"
        )
        for position, item in enumerate(items, start=1):
            out.append(_answer(str(position), item))
    if q.tags:
        out.append("    <tags>\n")
        out.extend(f"      <tag><text>{_plain(t)}</text></tag>\n" for t in q.tags)
        out.append("    </tags>\n")
    out.append("  </question>\n")
    return "".join(out)
