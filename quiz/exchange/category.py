"""Moodle's question categories (`$course$/top/Topic`) as quiz topics, both ways."""

from __future__ import annotations

from collections.abc import Callable

# Category names that stand for "no particular topic": Moodle's contexts and its top category.
_NO_TOPIC = {"", "$course$", "$system$", "$module$", "$cat$", "top"}


def category_path(topic: str) -> str:
    """The category path that files a question under `topic` ('/' in a name is written '//')."""
    return "$course$/top" + ("/" + topic.replace("/", "//") if topic else "")


def category_topic(path: str, clean: Callable[[str], str] = str.strip) -> str:
    """The topic a category path names: its last part, made plain by `clean`; '' for none."""
    parts = [p.replace("\x00", "/") for p in path.strip().replace("//", "\x00").split("/")]
    last = clean(parts[-1])
    return "" if last.lower() in _NO_TOPIC else last
