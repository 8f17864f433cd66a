"""Text from exchange files made plain: HTML stripped, entities decoded, ids from titles."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from quiz.exchange.notes import NOT_CARRIED, Note

_BLOCKS = frozenset({"p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote"})
_HIDDEN = frozenset({"script", "style", "head", "title"})
_SPACES = re.compile(r"[ \t\r\f\v]+")
_BLANK_LINES = re.compile(r"\n{3,}")


class _Stripper(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0
        self.images: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            self.hidden += 1
        elif tag == "br":
            self.parts.append("\n")
        elif tag in _BLOCKS:
            self.parts.append("\n\n")
        elif tag in ("img", "video", "audio", "object", "embed", "iframe"):
            src = dict(attrs).get("src") or dict(attrs).get("data") or tag
            self.images.append(src)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag in _HIDDEN:
            self.hidden -= 1

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(_SPACES.sub(" ", data.replace("\n", " ")))


def html_to_text(markup: str) -> tuple[str, list[str]]:
    """Plain text of an HTML fragment (`<br>` a line break, blocks a blank line) and its media."""
    if "<" not in markup and "&" not in markup:  # nothing to parse: most text in most files
        return tidy(" ".join(markup.split("\n"))), []
    stripper = _Stripper()
    stripper.feed(markup)
    stripper.close()
    return tidy("".join(stripper.parts)), stripper.images


def field_text(raw: str, fmt: str, notes: list[Note], line: int) -> str:
    """A text field in one of Moodle's formats as plain text.

    `fmt` is Moodle's short name: "plain" and "markdown" are tidied as written;
    "moodle" (line breaks kept) and "html" are HTML, each embedded file they show
    noted as not carried.
    """
    if fmt in ("plain", "markdown"):
        return tidy(raw)
    if fmt == "moodle":
        raw = raw.replace("\n", "<br>")
    plain, media = html_to_text(raw)
    notes.extend(Note(line, NOT_CARRIED, f"embedded media '{src}' ignored") for src in media)
    return plain


def tidy(text: str) -> str:
    """Spaces collapsed within lines, lines trimmed, at most one blank line in a row."""
    lines = [_SPACES.sub(" ", line).strip() for line in text.replace("\r\n", "\n").split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def lines_to_html(text: str) -> str:
    """Plain text as HTML on its own lines: escaped, each line break a <br>."""
    return html.escape(text, quote=False).replace("\n", "<br>")


def text_to_html(text: str) -> str:
    """Plain text as an HTML fragment: escaped, blank lines as paragraphs, newlines as <br>."""
    paragraphs = [p for p in text.split("\n\n") if p.strip()] or [""]
    if len(paragraphs) == 1:
        return lines_to_html(paragraphs[0])
    return "".join(f"<p>{lines_to_html(p)}</p>" for p in paragraphs)


def slugify(text: str, *, limit: int = 60) -> str:
    """A bank id made from a title: lowercase letters, digits and '-'."""
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return slug[:limit].rstrip("-")


class IdMaker:
    """Unique question ids from titles: `title`, `title-2`, ...; `q-N` for no usable title."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def make(self, title: str, number: int) -> str:
        base = slugify(title) or f"q-{number}"
        candidate, n = base, 2
        while candidate in self.used:
            candidate, n = f"{base}-{n}", n + 1
        self.used.add(candidate)
        return candidate
