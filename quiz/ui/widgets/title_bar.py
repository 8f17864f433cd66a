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
        self.show_title()

    def show_title(self) -> None:
        """Draw the app's title and sub-title as they are now.

        The app calls this when the learner changes. Watching `sub_title` instead kept
        every title bar, and so two per question answered, alive until it next changed.
        """
        app = self.app
        self.update(app.format_title(app.title, app.sub_title))
