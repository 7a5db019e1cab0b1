"""The folder index's SQLite schema and where it lives (store/index.py keeps it up to date)."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from functools import cache
from pathlib import Path

CACHE_DIR = ".poforum"
"""The sessions folder's hidden folder (store.save.HIDDEN_FOLDER), git-ignored by its own file."""
INDEX_NAME = "index.sqlite"
FORMAT = "poforum-index-7"
"""Bumped whenever what the index stores changes: an index of another format is rebuilt."""
SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE files (
    name TEXT PRIMARY KEY,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    hash BLOB NOT NULL,
    indexed_ns INTEGER NOT NULL,
    date TEXT, title TEXT, kind TEXT,
    topics INTEGER, decisions INTEGER, open_actions INTEGER, follow_ups INTEGER,
    error_line INTEGER, error_col INTEGER, error TEXT
);
CREATE INDEX files_by_date ON files(date, name) WHERE error IS NULL;
CREATE TABLE logs (name TEXT PRIMARY KEY, rows TEXT NOT NULL);
CREATE TABLE previews (name TEXT PRIMARY KEY, facts TEXT NOT NULL);
CREATE TABLE log_rows (key TEXT PRIMARY KEY, rows TEXT NOT NULL);
CREATE TABLE items (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    date TEXT NOT NULL,
    ord INTEGER NOT NULL,
    kind TEXT NOT NULL, item_id TEXT, text TEXT NOT NULL, detail TEXT NOT NULL,
    folded TEXT NOT NULL
);
CREATE INDEX items_by_name ON items(name);
CREATE INDEX items_by_date ON items(date, name, ord);
"""
FTS_SCHEMA = """
CREATE VIRTUAL TABLE items_fts USING fts5(
    folded, content='items', content_rowid='id', tokenize='trigram'
);
"""


@cache
def has_fts5() -> bool:
    """Whether this Python's SQLite has FTS5 with the trigram tokenizer (SQLite >= 3.34)."""
    try:
        with contextlib.closing(sqlite3.connect(":memory:")) as probe:
            probe.execute("CREATE VIRTUAL TABLE t USING fts5(x, tokenize='trigram')")
        return True
    except sqlite3.Error:
        return False


def index_path(folder: Path | str) -> Path:
    return Path(folder) / CACHE_DIR / INDEX_NAME


def ensure_cache_dir(folder: Path | str) -> Path:
    """`<folder>/.poforum/`, shared with backups and rescue copies (store.save.hidden_folder:
    its `.gitignore` keeps all of it out of git)."""
    from poforum_tui.store.save import hidden_folder

    return hidden_folder(Path(folder))


def session_stats(folder: Path) -> Iterator[tuple[str, os.stat_result]]:
    """(name, stat) of each `*.toml` file in `folder`, as `session_files` lists them."""
    try:
        listing = os.scandir(folder)
    except OSError:
        return
    with listing:
        for item in listing:
            if not item.name.endswith(".toml") or item.name.startswith("."):
                continue
            try:
                if item.is_file():
                    yield item.name, item.stat()
            except OSError:
                continue  # removed since listed, or a dangling link
