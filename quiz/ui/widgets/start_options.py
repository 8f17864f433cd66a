"""The options under the home screen's modes: how many questions, and which topics."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Input, SelectionList, Static

from quiz.ui.text import literal


class StartOptions(Vertical):
    """A number box (empty means all) and a list of topics to tick (none ticked means all)."""

    class Changed(Message):
        """The number or the ticked topics changed."""

    class Done(Message):
        """Enter in the number box: the learner is ready to pick a mode."""

    def __init__(
        self, topics: Sequence[str], chosen: Collection[str], count: int | None, *, id: str
    ) -> None:
        super().__init__(id=id)
        self._topics = list(topics)
        self._chosen = set(chosen)
        self._count = count

    def compose(self) -> ComposeResult:
        with Horizontal(id="count-row"):
            yield Static("Questions", id="count-label")
            yield Input(str(self._count or ""), placeholder="all", type="integer", id="count")
        if not self._topics:  # a bank without topics: nothing to choose
            return
        topics = SelectionList[str](
            *((literal(t), t, t in self._chosen) for t in self._topics), id="topics"
        )
        topics.border_title = "Topics (space ticks; none = all)"
        yield topics

    @property
    def count(self) -> int | None:
        """The number typed, or None for all (empty, zero or not a number)."""
        text = self.query_one("#count", Input).value.strip()
        return int(text) if text.isdigit() and int(text) > 0 else None

    @property
    def topics(self) -> tuple[str, ...]:
        """The ticked topics, in list order."""
        found = self.query("#topics").results(SelectionList)
        topic_list = next(found, None)
        return () if topic_list is None else tuple(topic_list.selected)

    @on(Input.Changed, "#count")
    @on(SelectionList.SelectedChanged, "#topics")
    def _changed(self, event: Message) -> None:
        event.stop()
        self.post_message(self.Changed())

    @on(Input.Submitted, "#count")
    def _done(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.Done())
