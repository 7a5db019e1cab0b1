"""Sessions (home): every session file in the folder, a preview, search, and review or export."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual import work
from textual.app import ComposeResult, SystemCommand
from textual.widgets import Input, Static

from poforum_tui.domain import DomainError
from poforum_tui.screens.host import HostedScreen
from poforum_tui.screens.sessions.keys import SESSIONS_KEYS
from poforum_tui.screens.sessions.row_cells import entry_cells, entry_key, hit_cells
from poforum_tui.screens.sessions.row_list import RowList
from poforum_tui.screens.sessions.session_preview import SessionPreview
from poforum_tui.store import BrokenSession, SessionFileError, SessionSummary
from poforum_tui.store.index import SessionIndex
from poforum_tui.store.search import Found, Hit
from poforum_tui.widgets.file_status import FileStatus
from poforum_tui.widgets.footer import KeyFooter
from poforum_tui.widgets.literal import literal
from poforum_tui.widgets.running_clock import SessionHeader
from poforum_tui.widgets.words import plural

TYPE_CHECKING = False  # the new-session form, carry-over and exports load when used
if TYPE_CHECKING:
    from poforum_tui.screens.sessions.new_session_form import NextSessionRequest

Entry = SessionSummary | BrokenSession
MAX_SHOWN_HITS = 200
"""Nobody reads more hits than this: the status says how many there are."""
COUNTED_HITS = 1000
"""Matches counted beyond the shown ones ("over 1,000 matches")."""
FIRST_PAGE = 400
"""Entries listed from the index before the first frame; the rest follow from a thread."""
READ_AT_ONCE = 30
"""Changed files read before the first frame; more are read in a thread, newest first,
and listed as they come (a first start on years of history)."""
LIST_HEADER = ("Date · kind", "Session")
HITS_HEADER = ("Date · found in", "Match · session")
SCREEN_OF_HIT = {
    "topic": "board",
    "decision": "decisions",
    "experiment": "decisions",
    "action": "decisions",
    "dependency": "dependencies",
}
"""The screen a search hit opens on; titles and agenda items open on the Agenda."""


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
    BINDINGS = SESSIONS_KEYS

    def compose(self) -> ComposeResult:
        yield SessionHeader()
        yield FileStatus()
        yield Input(
            placeholder="Search titles, topics, decisions and dependencies", id="sessions-search"
        )
        yield RowList(entry_cells, entry_key, first_width=11, id="sessions-table")
        yield RowList(hit_cells, id, first_width=15, id="search-results")
        yield SessionPreview(id="sessions-preview")
        yield Static(id="sessions-status")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.index = SessionIndex(self.app.folder)
        self.entries: dict[str, Entry] = {}
        self.hits: list[Hit] = []
        self.found = Found([], 0, 0)
        self._previewed: tuple[Entry | None, str, str] | None = None
        self.reload(highlight=self.app.path, first=True)
        self._just_mounted = True

    def on_screen_resume(self) -> None:
        if self.index.folder != self.app.folder:
            self.index.close()
            self.index = SessionIndex(self.app.folder)
        elif self._just_mounted:  # on_mount has just listed the folder
            self._just_mounted = False
            return
        self._previewed = None  # back from a session: its file may have changed
        self.reload(highlight=self.app.path)

    def on_unmount(self) -> None:
        self.index.close()

    @property
    def searching(self) -> bool:
        return self.has_class("-searching")

    # -- the list --------------------------------------------------------------------------

    def reload(self, highlight: Path | None = None, *, first: bool = False) -> None:
        """List the folder through its index: files changed since they were indexed are read
        again (a few at once, many in a thread, newest first, listed as they come), deleted
        ones dropped. The cursor stays on its session, or moves to `highlight`.

        At the screen's first showing the index's rows are listed at once and checked against
        the files in a thread (corrected in place if a file changed): years of history show
        in the first frame."""
        self._just_mounted = False
        known = self.index.cached(FIRST_PAGE) if first else []
        if known:
            self.list_entries(known, highlight)
            self.read_in_background(checked=self.index.count() == len(known))
            return
        pending = self.index.stale()
        if len(pending) > READ_AT_ONCE:
            self.list_entries(self.index.cached(), highlight)
            self.read_in_background()
            return
        self.index.update(pending)
        self.list_entries(self.index.cached(), highlight)

    @work(thread=True, exclusive=True, group="sessions-index")
    def read_in_background(self, checked: bool = False) -> None:
        """Check every file against the index; read the changed ones, newest first, and list
        them as they come. `checked`: every indexed entry is listed already."""
        with SessionIndex(self.app.folder) as index:
            pending = index.stale()
            count = len(pending)
            if not count:
                if index.dropped or not checked:
                    self._from_thread(self.list_entries, index.cached())
                return
            self._from_thread(self._reading, 0, count)
            for start in range(0, count, 50):
                index.update(pending[start : start + 50])
                entries = index.cached()
                if not self._from_thread(self.list_entries, entries):
                    return  # the app is closing: the index keeps what was read
                self._from_thread(self._reading, min(count, start + 50), count)

    def _from_thread(self, callback: Callable[..., object], *args: object) -> bool:
        """Run `callback` on the app's thread; False once the app has stopped."""
        try:
            self.app.call_from_thread(callback, *args)
        except RuntimeError:
            return False
        return True

    def _reading(self, done: int, count: int) -> None:
        if not self.is_attached:
            return
        if done >= count:
            self.show_status()
        elif not self.searching:
            text = f"Reading {done:,} of {count:,} session files (newest first)…"
            self.query_one("#sessions-status", Static).update(literal(text))

    def list_entries(self, entries: list[Entry], highlight: Path | None = None) -> None:
        if not self.is_attached:
            return  # the thread's last batch arrived after the screen went away
        table = self.query_one("#sessions-table", RowList)
        keep = table.highlighted_key
        if highlight is not None:
            keep = str(highlight)
        self.entries = {str(entry.path): entry for entry in entries}
        table.set_rows(entries, LIST_HEADER, 11, keep=keep)
        if self.searching:
            self.run_search(self.query_one("#sessions-search", Input).value)
        else:
            self.show_status()
            self.preview(self.highlighted())

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
        """Preview `entry` (from the index's facts of its file, else reading it), unless it is
        the one already shown: a search keystroke that keeps the same first session costs no
        read and no redraw."""
        message = "Nothing to preview." if self.entries else "No sessions yet: press n."
        version = entry.version if isinstance(entry, SessionSummary) else ""
        shown = (entry, version, message)
        if shown == self._previewed:
            return
        self._previewed = shown
        facts = self.index.preview_facts(entry) if isinstance(entry, SessionSummary) else None
        self.query_one(SessionPreview).show(entry, message, facts)

    def highlighted(self) -> Entry | None:
        """The entry under the cursor: a session row, or the session of a search hit."""
        if self.searching:
            hit = self.highlighted_hit()
            return hit.summary if hit is not None else None
        key = self.query_one("#sessions-table", RowList).highlighted_key
        return self.entries.get(str(key)) if key is not None else None

    def on_row_list_highlighted(self, event: RowList.Highlighted) -> None:
        event.stop()
        self.preview(self.highlighted())

    def on_row_list_selected(self, event: RowList.Selected) -> None:
        event.stop()
        self._open(read_only=False)

    def action_reload(self) -> None:
        self._previewed = None  # the highlighted file may have changed inside
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
        results = self.query_one("#search-results", RowList)
        return self.hits[results.cursor_row] if self.hits else None

    def _show_hit(self, hit: Hit) -> None:
        """Show the screen that holds the hit; a screen with `focus_item(id)` selects it."""
        mode = SCREEN_OF_HIT.get(hit.where, "agenda")
        self.app.switch_mode(mode)
        focus_item = getattr(self.app.screen, "focus_item", None)
        if hit.item_id is not None and focus_item is not None:
            focus_item(hit.item_id)

    def action_open(self) -> None:
        if self.query_one("#sessions-search", Input).has_focus:
            self.query_one("#search-results", RowList).focus()
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
        self.query_one("#sessions-table", RowList).focus()
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
            self.query_one("#search-results", RowList).focus()

    def run_search(self, query: str) -> None:
        """The first hits of `query` from the folder's index, and how many there are."""
        self.found = self.index.search(query, limit=MAX_SHOWN_HITS, count_up_to=COUNTED_HITS)
        self.hits = self.found.hits
        results = self.query_one("#search-results", RowList)
        results.set_rows(self.hits, HITS_HEADER, 15, keep=None)
        results.move_cursor(row=0)
        sessions = sum(isinstance(e, SessionSummary) for e in self.entries.values())
        found = self.found
        if not query.strip():
            status = f"Type to search {plural(sessions, 'session')}."
        elif not self.hits:
            status = f"Nothing matches “{query.strip()}”."
        else:
            matches = plural(found.total, "match").replace("matchs", "matches")
            if found.more:
                matches = f"over {found.total:,} matches"
            where = "" if found.more else f" in {plural(found.sessions, 'session')}"
            status = f"{matches}{where} · enter opens · r read-only"
            if found.more or found.total > len(self.hits):
                status = f"{matches}{where}; showing the first "
                status += f"{len(self.hits)}: type more words to narrow"
        self.query_one("#sessions-status", Static).update(literal(status))
        self.preview(self.highlighted())

    # -- new and export --------------------------------------------------------------------

    def action_new(self) -> None:
        entry = self.highlighted()
        previous = entry if isinstance(entry, SessionSummary) else None
        from poforum_tui.screens.sessions.new_session_form import NextSessionForm

        form = NextSessionForm(self.app.folder, self.app.clock.now().date(), previous)
        self.app.push_screen(form, self._create)

    def _create(self, request: NextSessionRequest | None) -> None:
        if request is None:
            return
        from poforum_tui.store.carryover import new_from_template, session_after
        from poforum_tui.store.create import create_session_file

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
        from poforum_tui.store.export import FORMAT_LABELS

        for fmt, label in FORMAT_LABELS.items():
            yield SystemCommand(
                f"Export highlighted {label}",
                f"Write the {label} of {entry.path.name} beside it",
                lambda fmt=fmt, entry=entry: self._export(entry, fmt),
            )

    def _export(self, entry: SessionSummary, fmt: str) -> None:
        assert entry.session is not None
        from poforum_tui.store.export import write_export

        try:
            target = write_export(entry.session, entry.path, fmt)
        except OSError as error:
            self.notify(str(error.strerror or error), title="Not exported", severity="error")
            return
        self.notify(f"Wrote {target}", title="Exported", timeout=8)
