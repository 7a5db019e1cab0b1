"""The session folder's index: what the Sessions screen, search and `poforum log` need of every
session file, kept in SQLite (`<folder>/.poforum/index.sqlite`) so they need not parse them all.

The files stay the truth. A file is re-read when its size or mtime differs from the index, and
hashed (blake2b) when its mtime is too recent to tell a same-size rewrite apart; a file with the
same hash is not parsed again. A deleted file is dropped, a broken one is listed with its
located error. A missing, corrupt or older-format index is rebuilt; a folder that cannot hold
one gets an index in memory. Search uses FTS5's trigram tokenizer (substring matches, as the
in-memory search had) where this SQLite has FTS5, else LIKE over the same folded text.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from poforum_tui.store.discovery import (
    BrokenSession,
    Entry,
    SessionSummary,
    read_entry,
)
from poforum_tui.store.errors import SessionFileError
from poforum_tui.store.index_schema import (
    FORMAT,
    FTS_SCHEMA,
    SCHEMA,
    ensure_cache_dir,
    has_fts5,
    index_path,
    session_stats,
)
from poforum_tui.store.limits import read_limited
from poforum_tui.store.search import Found, fold, items_of

if TYPE_CHECKING:
    from poforum_tui.store.decision_log import LoggedSession

RACY_NS = 3_000_000_000
"""A file modified this close to its indexing may have changed again within the same mtime
tick (coarse filesystem clocks): such a file is hashed before the index is believed."""


class SessionIndex:
    """The index of one sessions folder. One per thread (SQLite connections are not shared)."""

    def __init__(self, folder: Path | str, *, clock: Callable[[], int] = time.time_ns) -> None:
        self.folder = Path(folder)
        self.clock = clock
        self.fts = has_fts5()
        self.on_disk = True
        self.dropped = 0
        """Rows of deleted files the last `stale()` dropped."""
        self.db = self._connect()

    # -- opening ---------------------------------------------------------------------------

    def _connect(self) -> sqlite3.Connection:
        try:
            ensure_cache_dir(self.folder)
            db = self._open(index_path(self.folder))
        except (OSError, sqlite3.Error):  # a read-only folder, or a corrupt index twice
            self.on_disk = False
            return self._open(None)
        return db

    def _open(self, path: Path | None) -> sqlite3.Connection:
        for attempt in range(2):
            db = sqlite3.connect(str(path) if path else ":memory:", timeout=5.0)
            try:
                if path is not None:
                    db.execute("PRAGMA journal_mode = WAL")
                    db.execute("PRAGMA synchronous = NORMAL")
                if self._format(db) != self._wanted_format():
                    self._create(db)
                return db
            except sqlite3.DatabaseError:  # not a database, or damaged: start again
                db.close()
                if path is None or attempt:
                    raise
                for suffix in ("", "-wal", "-shm", "-journal"):
                    with contextlib.suppress(FileNotFoundError):
                        os.unlink(f"{path}{suffix}")
        raise AssertionError("unreachable")

    def _wanted_format(self) -> str:
        return f"{FORMAT}{'+fts5' if self.fts else '+like'}"

    @staticmethod
    def _format(db: sqlite3.Connection) -> str | None:
        try:
            row = db.execute("SELECT value FROM meta WHERE key = 'format'").fetchone()
        except sqlite3.OperationalError as error:
            if "no such table" in str(error):
                return None
            raise
        return row[0] if row else None

    def _create(self, db: sqlite3.Connection) -> None:
        with db:
            names = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")]
            for name in ("items_fts", "items", "log_rows", "previews", "logs", "files", "meta"):
                if name in names:
                    db.execute(f"DROP TABLE {name}")
            db.executescript(SCHEMA + (FTS_SCHEMA if self.fts else ""))
            db.execute("INSERT INTO meta VALUES ('format', ?)", (self._wanted_format(),))

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> SessionIndex:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # -- keeping it true to the files ------------------------------------------------------

    def cached(self, limit: int = -1) -> list[Entry]:
        """What the index holds (the first `limit` entries, or all), unchecked against the
        files: for a first paint, before `stale()` has looked at them."""
        return self._entries(limit)

    def count(self) -> int:
        return self.db.execute("SELECT count(*) FROM files").fetchone()[0]

    def stale(self) -> list[Path]:
        """Drop the index rows of files that are gone; the files that need reading (changed
        since indexed, new, or too recently modified to trust their mtime), newest name first."""
        known = {
            name: (size, mtime, indexed)
            for name, size, mtime, indexed in self.db.execute(
                "SELECT name, size, mtime_ns, indexed_ns FROM files"
            )
        }
        pending: list[Path] = []
        present: set[str] = set()
        for name, info in session_stats(self.folder):
            present.add(name)
            row = known.get(name)
            if (
                row is None
                or row[0] != info.st_size
                or row[1] != info.st_mtime_ns
                or info.st_mtime_ns >= row[2] - RACY_NS
            ):
                pending.append(self.folder / name)
        gone = [name for name in known if name not in present]
        self.dropped = len(gone)
        if gone:
            with self.db:
                for name in gone:
                    self._forget(name)
        pending.sort(key=lambda p: p.name, reverse=True)
        return pending

    def update(self, paths: Iterable[Path]) -> list[Entry]:
        """Read `paths` (parsing only those whose bytes changed) and store them; their entries."""
        entries = []
        with self.db:
            for path in paths:
                entry = self._update(path)
                if entry is not None:
                    entries.append(entry)
        return entries

    def refresh(
        self, *, batch: int = 50, on_batch: Callable[[list[Entry]], None] | None = None
    ) -> list[Entry]:
        """Bring the index up to date with the folder; every entry, as `discover()` orders them.
        `on_batch` sees the entries read in each batch of `batch` files (newest first)."""
        self.bring_up_to_date(batch=batch, on_batch=on_batch)
        return self._entries()

    def bring_up_to_date(
        self, *, batch: int = 50, on_batch: Callable[[list[Entry]], None] | None = None
    ) -> None:
        """`refresh()` without listing the entries (for readers of the log or of search)."""
        pending = self.stale()
        for start in range(0, len(pending), batch):
            done = self.update(pending[start : start + batch])
            if on_batch is not None:
                on_batch(done)

    def _update(self, path: Path) -> Entry | None:
        try:
            info = path.stat()
            raw = read_limited(path)
        except FileNotFoundError:
            self._forget(path.name)
            return None
        except (OSError, SessionFileError):
            raw = None  # read_entry reports why, with the file's location
            info = None
        digest = hashlib.blake2b(raw, digest_size=16).digest() if raw is not None else b""
        now = self.clock()
        if info is not None:
            row = self.db.execute(
                "SELECT hash FROM files WHERE name = ? AND size = ?", (path.name, info.st_size)
            ).fetchone()
            if row is not None and row[0] == digest and digest:
                self.db.execute(
                    "UPDATE files SET mtime_ns = ?, indexed_ns = ? WHERE name = ?",
                    (info.st_mtime_ns, now, path.name),
                )
                return self._entry(path.name)
        entry = read_entry(path, raw)
        size = info.st_size if info is not None else -1
        mtime = info.st_mtime_ns if info is not None else -1
        self._forget(path.name)
        if isinstance(entry, SessionSummary):
            from poforum_tui.store.decision_log import encode_logged, logged
            from poforum_tui.store.preview_facts import preview_facts

            session = entry.session
            assert session is not None  # just parsed
            day = entry.date.isoformat()
            self.db.execute(
                "INSERT INTO files VALUES (?,?,?,?,?,?,?,?,?,?,?,?,NULL,NULL,NULL)",
                (
                    path.name, size, mtime, digest, now, entry.date.isoformat(), entry.title,
                    entry.kind, entry.topics, entry.decisions, entry.open_actions,
                    entry.follow_ups,
                ),
            )  # fmt: skip
            self.db.execute(
                "INSERT INTO logs VALUES (?, ?)", (path.name, encode_logged(logged(session)))
            )
            facts = json.dumps(preview_facts(session, path, raw), ensure_ascii=False)
            self.db.execute("INSERT INTO previews VALUES (?, ?)", (path.name, facts))
            self.db.executemany(
                "INSERT INTO items (name, date, ord, kind, item_id, text, detail, folded) "
                "VALUES (?,?,?,?,?,?,?,?)",
                (
                    (path.name, day, order, kind, item_id, text, detail, fold(f"{text} {detail}"))
                    for order, (kind, text, item_id, detail) in enumerate(items_of(session))
                ),
            )
            if self.fts:  # by hand: a trigger per row costs six times as much
                self.db.execute(
                    "INSERT INTO items_fts(rowid, folded) SELECT id, folded FROM items "
                    "WHERE name = ?",
                    (path.name,),
                )
        else:
            error = entry.error
            self.db.execute(
                "INSERT INTO files (name, size, mtime_ns, hash, indexed_ns, error_line, "
                "error_col, error) VALUES (?,?,?,?,?,?,?,?)",
                (path.name, size, mtime, digest, now, error.line, error.col, error.message),
            )
        return entry

    def _forget(self, name: str) -> None:
        if self.fts:
            self.db.execute(
                "INSERT INTO items_fts(items_fts, rowid, folded) "
                "SELECT 'delete', id, folded FROM items WHERE name = ?",
                (name,),
            )
        self.db.execute("DELETE FROM items WHERE name = ?", (name,))
        self.db.execute("DELETE FROM logs WHERE name = ?", (name,))
        self.db.execute("DELETE FROM previews WHERE name = ?", (name,))
        self.db.execute("DELETE FROM files WHERE name = ?", (name,))

    # -- reading ---------------------------------------------------------------------------

    _COLUMNS = (
        "name, date, title, kind, topics, decisions, open_actions, follow_ups, "
        "error_line, error_col, error, hash"
    )

    WIDTH = len(_COLUMNS.split(","))
    QUALIFIED = ", ".join(f"files.{name.strip()}" for name in _COLUMNS.split(","))

    def _entries(self, limit: int = -1) -> list[Entry]:
        """Loaded files newest first (then by name, backwards), then broken ones by name."""
        rows = self.db.execute(
            f"SELECT {self._COLUMNS} FROM files WHERE error IS NULL "
            "ORDER BY date DESC, name DESC LIMIT ?",
            (limit,),
        ).fetchall()
        if limit < 0 or len(rows) < limit:
            rows += self.db.execute(
                f"SELECT {self._COLUMNS} FROM files WHERE error IS NOT NULL ORDER BY name LIMIT ?",
                (limit - len(rows) if limit >= 0 else -1,),
            ).fetchall()
        return [self.make_entry(row) for row in rows]

    def _entry(self, name: str) -> Entry | None:
        row = self.db.execute(f"SELECT {self._COLUMNS} FROM files WHERE name = ?", (name,))
        found = row.fetchone()
        return self.make_entry(found) if found else None

    def make_entry(self, row: tuple) -> Entry:
        (
            name,
            date,
            title,
            kind,
            topics,
            decisions,
            actions,
            follow_ups,
            line,
            col,
            error,
            digest,
        ) = row
        path = self.folder / name
        if error is not None:
            return BrokenSession(path, SessionFileError(path, line, col, error))
        return SessionSummary(
            path,
            title,
            kind,
            dt.date.fromisoformat(date),
            topics,
            decisions,
            actions,
            follow_ups,
            version=digest.hex(),
        )

    def preview_facts(self, summary: SessionSummary) -> dict[str, Any] | None:
        """What the Sessions screen previews of `summary`'s file as it was indexed, or None
        when the index holds another version of it (or none)."""
        row = self.db.execute(
            "SELECT facts, hash FROM previews JOIN files USING (name) WHERE name = ?",
            (summary.path.name,),
        ).fetchone()
        if row is None or not summary.version or row[1].hex() != summary.version:
            return None
        try:
            facts = json.loads(row[0])
        except ValueError:
            return None
        return facts if isinstance(facts, dict) else None

    def logged_sessions(self) -> list[tuple[Path, LoggedSession]]:
        """Each loaded file's logged records (as decision_log.logged took them), by date and
        name. A stored record that does not validate (a damaged index) sends its file to be
        read again."""
        from poforum_tui.store.decision_log import decode_logged

        query = (
            "SELECT files.name, title, date, rows FROM files JOIN logs ON logs.name = files.name "
            "WHERE error IS NULL"
        )
        found_logs: list[tuple[Path, LoggedSession]] = []
        ordered = f"{query} ORDER BY date, files.name"
        for name, title, date, log in self.db.execute(ordered).fetchall():
            try:
                session = decode_logged(log, title, dt.date.fromisoformat(date))
            except ValueError:
                with self.db:
                    self._forget(name)
                entry = self.update([self.folder / name])
                found = self.db.execute(f"{query} AND files.name = ?", (name,)).fetchone()
                if not entry or found is None:
                    continue  # gone, or broken now
                _, title, date, log = found
                session = decode_logged(log, title, dt.date.fromisoformat(date))
            found_logs.append((self.folder / name, session))
        return found_logs

    def broken(self) -> list[SessionFileError]:
        """The located errors of the files that do not load, by name."""
        rows = self.db.execute(
            "SELECT name, error_line, error_col, error FROM files WHERE error IS NOT NULL "
            "ORDER BY name"
        )
        return [
            SessionFileError(self.folder / name, line, col, error)
            for name, line, col, error in rows
        ]

    def search(self, query: str, limit: int = 200, count_up_to: int = 1000) -> Found:
        """Items in which every word of `query` occurs (case and accents ignored): the first
        `limit`, newest session first and in file order within one, and how many match
        (counted up to `count_up_to`; `Found.more` says there are more)."""
        from poforum_tui.store.index_search import search_index

        return search_index(self, query, limit, count_up_to)


def entries(folder: Path | str) -> list[Entry]:
    """Every session file in `folder` through its index (brought up to date first)."""
    with SessionIndex(folder) as index:
        return index.refresh()


def iter_batches(index: SessionIndex, batch: int = 50) -> Iterator[list[Entry]]:
    """The entries of the files that need reading, a batch at a time, newest first."""
    pending = index.stale()
    for start in range(0, len(pending), batch):
        yield index.update(pending[start : start + batch])
