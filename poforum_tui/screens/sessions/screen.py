"""Sessions (home): every session file in the folder, a preview, search, and review or export."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.widgets import DataTable, Input, Static

from poforum_tui.domain import DomainError
from poforum_tui.screens.host import HostedScreen
from poforum_tui.screens.sessions.new_session_form import NextSessionForm, NextSessionRequest
from poforum_tui.screens.sessions.session_preview import KIND_NAMES, SessionPreview
from poforum_tui.store import BrokenSession, SessionCatalog, SessionFileError, SessionSummary
from poforum_tui.store.carryover import new_from_template, session_after
from poforum_tui.store.create import create_session_file
from poforum_tui.store.export import FORMAT_LABELS, write_export
from poforum_tui.store.search import Hit, search
from poforum_tui.widgets.file_status import FileStatus
from poforum_tui.widgets.footer import KeyFooter
from poforum_tui.widgets.literal import clean, literal
from poforum_tui.widgets.row_table import RowTable
from poforum_tui.widgets.running_clock import SessionHeader
from poforum_tui.widgets.words import plural

Entry = SessionSummary | BrokenSession
MAX_SHOWN_HITS = 200
"""More rows than this make typing sluggish and nobody reads them: the status says so."""
SCREEN_OF_HIT = {
    "topic": "board",
    "decision": "decisions",
    "experiment": "decisions",
    "action": "decisions",
}
"""The screen a search hit opens on; titles and agenda items open on the Agenda."""


def counts(summary: SessionSummary) -> str:
    """`15 topics · 6 decisions · 2 open actions · 6 to follow up`."""
    parts = [
        plural(summary.topics, "topic"),
        plural(summary.decisions, "decision"),
        plural(summary.open_actions, "open action"),
    ]
    if summary.follow_ups:
        parts.append(f"{summary.follow_ups} to follow up")
    return " · ".join(parts)


def two_lines(first: Text | str, second: str, second_style: str = "dim") -> Text:
    """A DataTable cell of two lines, each cut with an ellipsis."""
    text = first.copy() if isinstance(first, Text) else Text(clean(first))
    text.append("\n").append(clean(second), style=second_style)
    text.no_wrap, text.overflow = True, "ellipsis"
    return text


def highlighted_text(hit: Hit, lead: int = 24) -> Text:
    """The hit's text with its matches highlighted; a long text starts near the first match."""
    cut = hit.spans[0][0] - lead if hit.spans and hit.spans[0][0] > lead + 8 else 0
    text = Text("…" + clean(hit.text[cut:]) if cut else clean(hit.text))
    shift = 1 - cut if cut else 0
    for start, end in hit.spans:
        text.stylize("bold reverse", start + shift, end + shift)
    return text


class SessionsScreen(HostedScreen):
    """The session files in the folder, newest first, with a preview of the highlighted one."""

    CSS_PATH = "sessions.tcss"
    AUTO_FOCUS = "#sessions-table"
    HELP = """
## Sessions
Every session file in the folder, newest first: its date and kind, title, and counts of
topics, decisions, open actions and follow-ups still waiting for an outcome. Below, a
preview of the highlighted session. Files that do not load are listed with the line and
column of the problem.

Opening a session **read-only** writes nothing. A new session starts from a template; made
from a highlighted session it carries over that session's open items, people and backlog
(or not, as you choose).

Search looks through titles, agenda items, topics and decisions across all sessions; a
result opens its session on the screen that holds the match. The command palette exports
the highlighted session (Markdown, CSV, JSON).
"""
    BINDINGS = [
        Binding("enter", "open", "Open", id="sessions-open", priority=True),
        Binding(
            "r", "review", "Read-only", id="sessions-review", tooltip="Open it without writing"
        ),
        Binding(
            "n",
            "new",
            "New",
            id="sessions-new",
            tooltip="A new session from a template, or carried over from the highlighted one",
        ),
        Binding(
            "slash",
            "search",
            "Search",
            id="sessions-search",
            key_display="/",
            tooltip="Titles, agenda items, topics and decisions of every session",
        ),
        Binding("escape", "close_search", "Back", id="sessions-close-search"),
        Binding("f5", "reload", "Reload", id="sessions-reload", tooltip="Read the folder again"),
    ]

    def compose(self) -> ComposeResult:
        yield SessionHeader()
        yield FileStatus()
        yield Input(placeholder="Search titles, topics and decisions", id="sessions-search")
        yield RowTable(id="sessions-table", cursor_type="row", zebra_stripes=True)
        yield DataTable(id="search-results", cursor_type="row", zebra_stripes=True)
        yield SessionPreview(id="sessions-preview")
        yield Static(id="sessions-status")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.catalog = SessionCatalog(self.app.folder)
        self.entries: dict[str, Entry] = {}
        self.hits: list[Hit] = []
        self._listed_width = 0
        self.reload(highlight=self.app.path)
        self._just_mounted = True

    def on_screen_resume(self) -> None:
        if self.catalog.folder != self.app.folder:
            self.catalog = SessionCatalog(self.app.folder)
        elif self._just_mounted:  # on_mount has just listed the folder
            self._just_mounted = False
            return
        self.reload(highlight=self.app.path)

    @property
    def searching(self) -> bool:
        return self.has_class("-searching")

    # -- the list --------------------------------------------------------------------------

    def reload(self, highlight: Path | None = None) -> None:
        """Read the folder again (changed files only) and redraw; the cursor stays on its
        session, or moves to `highlight` (the open session, on return to this screen)."""
        self._just_mounted = False
        table = self.query_one("#sessions-table", DataTable)
        keep = self._key(table)
        self._listed_width = self.size.width or self.app.size.width
        self.entries = {str(entry.path): entry for entry in self.catalog.entries()}
        if highlight is not None and str(highlight) in self.entries:
            keep = str(highlight)
        self._columns(table, ("Date · kind", 11), "Session")
        for key, entry in self.entries.items():
            if isinstance(entry, SessionSummary):
                kind = KIND_NAMES.get(entry.kind, entry.kind)
                date = two_lines(entry.date.isoformat(), kind)
                table.add_row(date, two_lines(entry.title, counts(entry)), key=key, height=2)
            else:
                error = f"{entry.error.location}: {entry.error.message}"
                date = two_lines(Text("⚠ broken", style="bold red"), "")
                table.add_row(date, two_lines(entry.path.name, error, "red"), key=key, height=2)
        if keep in self.entries:
            table.move_cursor(row=table.get_row_index(keep), animate=False)
        if self.searching:
            self.run_search(self.query_one("#sessions-search", Input).value)
        else:
            self.show_status()
            self.preview(self.highlighted())

    def _columns(self, table: DataTable, first: tuple[str, int], second: str) -> None:
        """Empty `table` and size its text column to the screen, so nothing scrolls sideways."""
        label, width = first
        available = (self.size.width or self.app.size.width) - width - 2 * 2 - 2
        table.clear(columns=True)
        table.add_column(label, key="first", width=width)
        table.add_column(second, key="second", width=max(20, available))

    def on_resize(self) -> None:
        # The columns depend on the width only: the first resizes (same width) would rebuild
        # the 200-row table several times at startup.
        if (self.size.width or self.app.size.width) != self._listed_width:
            self.reload()

    def show_status(self) -> None:
        folder = self.app.folder
        good = sum(isinstance(e, SessionSummary) for e in self.entries.values())
        broken = len(self.entries) - good
        text = f"{plural(good, 'session')} in {folder}"
        if broken:
            text += f" · {plural(broken, 'file')} could not be read"
        if not self.entries:
            text = f"No session files in {folder} yet: press n to create one."
        self.query_one("#sessions-status", Static).update(literal(text))

    def preview(self, entry: Entry | None) -> None:
        message = "Nothing to preview." if self.entries else "No sessions yet: press n."
        self.query_one(SessionPreview).show(entry, message)

    @staticmethod
    def _key(table: DataTable) -> str | None:
        if not table.row_count:
            return None
        return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value

    def highlighted(self) -> Entry | None:
        """The entry under the cursor: a session row, or the session of a search hit."""
        if self.searching:
            hit = self.highlighted_hit()
            return hit.summary if hit is not None else None
        return self.entries.get(self._key(self.query_one("#sessions-table", DataTable)) or "")

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        self.preview(self.highlighted())

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self._open(read_only=False)

    def action_reload(self) -> None:
        self.reload()

    # -- opening ---------------------------------------------------------------------------

    def _open(self, read_only: bool) -> None:
        entry = self.highlighted()
        if entry is None:
            self.notify("No session highlighted.", timeout=3)
        elif isinstance(entry, BrokenSession):
            self.notify(str(entry.error), title="Cannot open", severity="error", timeout=10)
        elif self.app.open_session(Path(entry.path), read_only=read_only):
            hit = self.highlighted_hit()
            if hit is not None:
                self._show_hit(hit)

    def highlighted_hit(self) -> Hit | None:
        if not self.searching:
            return None
        key = self._key(self.query_one("#search-results", DataTable))
        return self.hits[int(key)] if key is not None else None

    def _show_hit(self, hit: Hit) -> None:
        """Show the screen that holds the hit; a screen with `focus_item(id)` selects it."""
        mode = SCREEN_OF_HIT.get(hit.where, "agenda")
        self.app.switch_mode(mode)
        focus_item = getattr(self.app.screen, "focus_item", None)
        if hit.item_id is not None and focus_item is not None:
            focus_item(hit.item_id)

    def action_open(self) -> None:
        if self.query_one("#sessions-search", Input).has_focus:
            self.query_one("#search-results", DataTable).focus()
            return
        self._open(read_only=False)

    def action_review(self) -> None:
        self._open(read_only=True)

    # -- search ----------------------------------------------------------------------------

    def action_search(self) -> None:
        self.add_class("-searching")
        search_box = self.query_one("#sessions-search", Input)
        search_box.focus()
        self.run_search(search_box.value)

    def action_close_search(self) -> None:
        self.remove_class("-searching")
        self.query_one("#sessions-table", DataTable).focus()
        self.show_status()
        self.preview(self.highlighted())

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "close_search":
            return self.searching
        if action == "search":
            return not self.searching or not self.query_one("#sessions-search").has_focus
        return True

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.run_search(event.value)

    def on_key(self, event) -> None:
        if event.key == "down" and self.query_one("#sessions-search", Input).has_focus:
            event.stop()
            self.query_one("#search-results", DataTable).focus()

    def run_search(self, query: str) -> None:
        summaries = [e for e in self.entries.values() if isinstance(e, SessionSummary)]
        self.hits = search(summaries, query)
        results = self.query_one("#search-results", DataTable)
        self._columns(results, ("Date · found in", 15), "Match · session")
        for index, hit in enumerate(self.hits[:MAX_SHOWN_HITS]):
            date = two_lines(hit.summary.date.isoformat(), hit.where)
            context = " · ".join(p for p in (hit.summary.title, hit.detail) if p)
            results.add_row(
                date, two_lines(highlighted_text(hit), context), key=str(index), height=2
            )
        sessions = len({hit.summary.path for hit in self.hits})
        if not query.strip():
            status = f"Type to search {plural(len(summaries), 'session')}."
        elif not self.hits:
            status = f"Nothing matches “{query.strip()}”."
        else:
            found = plural(len(self.hits), "match").replace("matchs", "matches")
            status = f"{found} in {plural(sessions, 'session')} · enter opens · r read-only"
            if len(self.hits) > MAX_SHOWN_HITS:
                status = f"{found} in {plural(sessions, 'session')}; showing the first "
                status += f"{MAX_SHOWN_HITS}: type more words to narrow"
        self.query_one("#sessions-status", Static).update(literal(status))
        self.preview(self.highlighted())

    # -- new and export --------------------------------------------------------------------

    def action_new(self) -> None:
        entry = self.highlighted()
        previous = entry if isinstance(entry, SessionSummary) else None
        form = NextSessionForm(self.app.folder, self.app.clock.now().date(), previous)
        self.app.push_screen(form, self._create)

    def _create(self, request: NextSessionRequest | None) -> None:
        if request is None:
            return
        try:
            if request.carry_from is not None:
                session = session_after(
                    request.carry_from,
                    template=request.template,
                    title=request.title,
                    date=request.date,
                )
            else:
                session = new_from_template(
                    self.app.folder, request.template, title=request.title, date=request.date
                )
            path = create_session_file(self.app.folder, session)
        except (DomainError, SessionFileError, OSError) as error:
            self.notify(str(error), title="Not created", severity="error", timeout=10)
            return
        self.notify(f"Created {path}")
        self.app.open_session(path)

    def palette_commands(self):
        entry = self.highlighted()
        if not isinstance(entry, SessionSummary) or entry.session is None:
            return
        for fmt, label in FORMAT_LABELS.items():
            yield SystemCommand(
                f"Export highlighted {label}",
                f"Write the {label} of {entry.path.name} beside it",
                lambda fmt=fmt, entry=entry: self._export(entry, fmt),
            )

    def _export(self, entry: SessionSummary, fmt: str) -> None:
        assert entry.session is not None
        try:
            target = write_export(entry.session, entry.path, fmt)
        except OSError as error:
            self.notify(str(error.strerror or error), title="Not exported", severity="error")
            return
        self.notify(f"Wrote {target}", title="Exported", timeout=8)
