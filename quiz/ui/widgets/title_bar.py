"""The line across the top of every screen: what is being studied, and by whom."""

from __future__ import annotations

from textual.widgets import Static


class TitleBar(Static):
    """The app's title (the banks) and sub-title (the learner), as Textual's Header
    shows them, drawn by one widget: the Header's four widgets and four watchers
    were the largest single cost of drawing the first screen."""

    DEFAULT_CSS = """
    TitleBar {
        dock: top;
        width: 100%;
        height: 1;
        background: $panel;
        color: $foreground;
        content-align: center middle;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    """

    def on_mount(self) -> None:
        # The title is fixed for the app's life; the learner changes when a student
        # types their name for a drill.
        self.watch(self.app, "sub_title", self._show)

    def _show(self) -> None:
        app = self.app
        self.update(app.format_title(app.title, app.sub_title))
