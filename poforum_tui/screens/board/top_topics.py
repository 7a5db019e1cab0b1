"""Top topics (`T` on the board): every column's topics ranked by votes, in one list, so
"promote the top two" is one look. Enter puts the board's cursor on the highlighted topic."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from poforum_tui.domain import Session
from poforum_tui.domain.board import ranked_topics
from poforum_tui.screens.host import HostedModal
from poforum_tui.widgets.literal import literal


class TopTopicsScreen(HostedModal[str]):
    """The ranking across the board; dismisses with the chosen topic's id (None: escape)."""

    DEFAULT_CSS = """
    TopTopicsScreen {
        align: center middle;
    }
    TopTopicsScreen > #top-topics {
        width: 100;
        max-width: 100%;
        height: auto;
        max-height: 100%;
        border: thick $primary;
        background: $surface;
        padding: 0 1;
    }
    TopTopicsScreen #top-topics-title {
        text-style: bold;
        margin-bottom: 1;
    }
    TopTopicsScreen OptionList {
        height: auto;
        max-height: 1fr;
    }
    """
    BINDINGS = [Binding("escape", "cancel", "Close", id="top-topics-close")]
    AUTO_FOCUS = "OptionList"

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        titles = {column.id: column.title for column in self.session.board.columns}
        ranked = ranked_topics(self.session.board)
        with Vertical(id="top-topics"):
            yield Static(
                f"Top topics across the board ({len(ranked)} with votes)", id="top-topics-title"
            )
            yield OptionList(
                *(
                    Option(
                        Content.assemble(
                            (f"{rank:>2}. ", "dim"),
                            (f"● {topic.vote_total:<3} ", "bold"),
                            literal(topic.title),
                            ("  ", ""),
                            literal(titles.get(topic.column, topic.column), "dim"),
                        ),
                        id=topic.id,
                    )
                    for rank, topic in enumerate(ranked, 1)
                )
            )

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
