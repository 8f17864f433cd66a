"""Untrusted XML parsed safely into a small tree that remembers line numbers.

defusedxml refuses entity declarations (the "billion laughs" bomb) and external
entities or DTDs before anything is expanded or fetched.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from xml.sax import SAXParseException
from xml.sax.handler import ContentHandler
from xml.sax.xmlreader import AttributesImpl, Locator

import defusedxml
import defusedxml.sax


@dataclass
class Element:
    """One XML element: its tag, attributes, children, text and line."""

    tag: str
    attrs: dict[str, str]
    line: int
    children: list[Element] = field(default_factory=list)
    parts: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The element's own character data (CDATA included), untrimmed."""
        return "".join(self.parts)

    def find(self, tag: str) -> Element | None:
        """The first child with this tag, or None."""
        return next((c for c in self.children if c.tag == tag), None)

    def findall(self, tag: str) -> list[Element]:
        """Every child with this tag, in order."""
        return [c for c in self.children if c.tag == tag]

    def child_text(self, tag: str, default: str = "") -> str:
        """The trimmed text of the first child with this tag."""
        child = self.find(tag)
        return child.text.strip() if child is not None else default


class XmlError(Exception):
    """The file is not XML quiz can read; carries the line and a message."""

    def __init__(self, line: int, column: int, message: str) -> None:
        super().__init__(message)
        self.line, self.column = line, column


class _Builder(ContentHandler):
    def __init__(self) -> None:
        super().__init__()
        self.root: Element | None = None
        self.stack: list[Element] = []
        self.locator: Locator | None = None

    def setDocumentLocator(self, locator: Locator) -> None:
        self.locator = locator

    def startElement(self, name: str, attrs: AttributesImpl) -> None:
        line = (self.locator.getLineNumber() or 0) if self.locator else 0
        element = Element(name, dict(attrs), line)
        if self.stack:
            self.stack[-1].children.append(element)
        else:
            self.root = element
        self.stack.append(element)

    def endElement(self, name: str) -> None:
        self.stack.pop()

    def characters(self, content: str) -> None:
        if self.stack:
            self.stack[-1].parts.append(content)


def parse(data: bytes) -> Element:
    """The root element of an XML document; XmlError for anything unsafe or malformed."""
    builder = _Builder()
    try:
        defusedxml.sax.parseString(data, builder, forbid_dtd=False)
    except SAXParseException as exc:
        line, column = exc.getLineNumber() or 0, (exc.getColumnNumber() or 0) + 1
        raise XmlError(line, column, exc.getMessage()) from None
    except defusedxml.EntitiesForbidden as exc:
        raise XmlError(
            _line(builder),
            _column(builder),
            f"entity declaration '{exc.name}' refused: entities can expand without bound",
        ) from None
    except defusedxml.ExternalReferenceForbidden as exc:
        raise XmlError(
            _line(builder), _column(builder), f"external reference '{exc.sysid}' refused"
        ) from None
    except defusedxml.DefusedXmlException as exc:
        raise XmlError(_line(builder), _column(builder), f"unsafe XML refused ({exc})") from None
    if builder.root is None:
        raise XmlError(1, 0, "the file holds no XML element")
    return builder.root


def _line(builder: _Builder) -> int:
    return (builder.locator.getLineNumber() or 0) if builder.locator else 0


def _column(builder: _Builder) -> int:
    return (builder.locator.getColumnNumber() or 0) + 1 if builder.locator else 0
