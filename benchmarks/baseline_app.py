"""The start-up baseline: the smallest Textual app, one label on the screen."""

from textual.app import App, ComposeResult
from textual.widgets import Label


class LabelApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Label("Selenographia: the baseline is on screen")


if __name__ == "__main__":
    LabelApp().run()
