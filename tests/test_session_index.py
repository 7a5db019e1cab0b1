"""The session folder's index: true to the files (changed re-read, deleted dropped, broken
listed), rebuilt when missing, corrupt or of another format, and search and log through it."""

from __future__ import annotations

import os
import sqlite3
import subprocess
from importlib import import_module
from pathlib import Path

import pytest

from poforum_tui.store import BrokenSession, SessionSummary, load, save
from poforum_tui.store import index as index_module
from poforum_tui.store.decision_log import LoggedSession, encode_logged, fold, read_log
from poforum_tui.store.index import SessionIndex, index_path
from poforum_tui.store.search import search, walk
from tests.conftest import FORUM, KICKOFF, METASCRUM, SYNC

load_module = import_module("poforum_tui.store.load")  # the module; `store.load` is the function

LONG_AGO = 10**18  # an index written long after every mtime: stat alone is trusted


@pytest.fixture
def parses(monkeypatch) -> list[str]:
    """The names of the files parsed (not merely hashed) from now on."""
    seen: list[str] = []
    real = load_module.parse

    def counting(raw, path):
        seen.append(Path(path).name)
        return real(raw, path)

    monkeypatch.setattr(load_module, "parse", counting)
    return seen


def names(entries) -> list[str]:
    return [entry.path.name for entry in entries]


def test_index_lives_in_a_git_ignored_cache(sessions_dir: Path) -> None:
    with SessionIndex(sessions_dir) as index:
        entries = index.refresh()
    assert names(entries) == [SYNC, METASCRUM, FORUM, KICKOFF]
    assert index_path(sessions_dir).is_file()
    assert "*" in (sessions_dir / ".poforum" / ".gitignore").read_text().splitlines()
    subprocess.run(["git", "init", "-q", str(sessions_dir)], check=True)
    status = subprocess.run(
        ["git", "-C", str(sessions_dir), "status", "--porcelain", "--untracked-files=all"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert ".poforum" not in status and FORUM in status


def test_summaries_match_the_files(sessions_dir: Path) -> None:
    with SessionIndex(sessions_dir) as index:
        index.refresh()
    with SessionIndex(sessions_dir) as again:  # a second process: read from the index
        forum = next(e for e in again.refresh() if e.path.name == FORUM)
    assert isinstance(forum, SessionSummary)
    fresh = SessionSummary.of(forum.path, load(forum.path))
    assert forum == fresh and forum.follow_ups == 6
    assert forum.session == load(forum.path)  # read from the file when asked


def test_unchanged_files_are_not_parsed_again(sessions_dir: Path, parses) -> None:
    with SessionIndex(sessions_dir, clock=lambda: LONG_AGO) as index:
        index.refresh()
    assert sorted(parses) == sorted([KICKOFF, FORUM, METASCRUM, SYNC])
    parses.clear()
    with SessionIndex(sessions_dir, clock=lambda: LONG_AGO) as index:
        index.refresh()
    assert parses == []


def test_a_changed_file_is_read_again(sessions_dir: Path, parses) -> None:
    with SessionIndex(sessions_dir, clock=lambda: LONG_AGO) as index:
        index.refresh()
        path = sessions_dir / FORUM
        save(load(path).model_copy(update={"title": "PO Forum #2 (renamed)"}), path)
        parses.clear()
        entries = index.refresh()
    assert parses == [FORUM]
    assert next(e for e in entries if e.path.name == FORUM).title == "PO Forum #2 (renamed)"


def test_a_same_size_rewrite_within_the_mtime_tick_is_caught_by_the_hash(
    sessions_dir: Path, parses
) -> None:
    path = sessions_dir / FORUM
    before = path.stat()
    with SessionIndex(sessions_dir, clock=lambda: before.st_mtime_ns) as index:
        index.refresh()  # indexed in the same tick as the file's mtime
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("PO Forum #2", "PO Forum #9"), encoding="utf-8")
        os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))  # same size, same mtime
        parses.clear()
        entries = index.refresh()
    assert parses == [FORUM]
    assert next(e for e in entries if e.path.name == FORUM).title == "PO Forum #9"


def test_a_touched_file_with_the_same_bytes_is_hashed_not_parsed(
    sessions_dir: Path, parses
) -> None:
    with SessionIndex(sessions_dir, clock=lambda: LONG_AGO) as index:
        index.refresh()
        parses.clear()
        os.utime(sessions_dir / KICKOFF, ns=(1, 1))
        index.refresh()
    assert parses == []


def test_deleted_dropped_and_broken_listed_with_its_error(sessions_dir: Path) -> None:
    with SessionIndex(sessions_dir) as index:
        index.refresh()
        (sessions_dir / METASCRUM).unlink()
        bad = sessions_dir / "2026-12-01-bad.toml"
        bad.write_text("schema = 1\ntitle = \n", encoding="utf-8")
        entries = index.refresh()
        assert names(entries) == [SYNC, FORUM, KICKOFF, bad.name]
        broken = entries[-1]
        assert isinstance(broken, BrokenSession) and broken.error.line == 2
        gone = {hit.summary.path.name for hit in index.search("MetaScrum").hits}
        assert gone == {SYNC}  # the deleted file's items went with it; the sync names it
        save(load(sessions_dir / FORUM).model_copy(update={"title": "Fixed"}), bad)
        fixed = index.refresh()
    now = next(e for e in fixed if e.path == bad)
    assert isinstance(now, SessionSummary) and now.title == "Fixed"


def test_a_corrupt_index_is_rebuilt(sessions_dir: Path) -> None:
    with SessionIndex(sessions_dir) as index:
        index.refresh()
    index_path(sessions_dir).write_bytes(b"this is not a database" * 100)
    for suffix in ("-wal", "-shm"):
        Path(f"{index_path(sessions_dir)}{suffix}").unlink(missing_ok=True)
    with SessionIndex(sessions_dir) as index:
        assert names(index.refresh()) == [SYNC, METASCRUM, FORUM, KICKOFF]
    assert sqlite3.connect(index_path(sessions_dir)).execute("SELECT 1").fetchone() == (1,)


def test_an_index_of_another_format_is_rebuilt(sessions_dir: Path, parses) -> None:
    with SessionIndex(sessions_dir, clock=lambda: LONG_AGO) as index:
        index.refresh()
        with index.db:
            index.db.execute("UPDATE meta SET value = 'poforum-index-0' WHERE key = 'format'")
    parses.clear()
    with SessionIndex(sessions_dir, clock=lambda: LONG_AGO) as index:
        assert index.cached() == []  # nothing kept from the old format
        index.refresh()
    assert sorted(parses) == sorted([KICKOFF, FORUM, METASCRUM, SYNC])


def test_a_folder_that_cannot_hold_an_index_gets_one_in_memory(
    sessions_dir: Path, monkeypatch
) -> None:
    def refuse(folder):
        raise PermissionError("read-only folder")

    monkeypatch.setattr(index_module, "ensure_cache_dir", refuse)
    with SessionIndex(sessions_dir) as index:
        assert not index.on_disk
        assert names(index.refresh()) == [SYNC, METASCRUM, FORUM, KICKOFF]
    assert not (sessions_dir / ".poforum").exists()


@pytest.mark.parametrize("fts", [True, False], ids=["fts5", "like"])
def test_search_through_the_index_finds_what_the_walk_finds(
    sessions_dir: Path, monkeypatch, fts: bool
) -> None:
    monkeypatch.setattr(index_module, "has_fts5", lambda: fts)
    summaries = [e for e in SessionIndex(sessions_dir).refresh() if isinstance(e, SessionSummary)]
    with SessionIndex(sessions_dir) as index:
        assert index.fts is fts
        for query in ("dod", "Definition done", "tomas", "d", "no such words", "open maya", "%"):
            walked = walk(summaries, query)
            found = index.search(query)
            assert [(h.summary.path, h.where, h.item_id, h.spans) for h in found.hits] == [
                (h.summary.path, h.where, h.item_id, h.spans) for h in walked
            ], query
            assert found.total == len(walked) and not found.more
            assert found.sessions == len({h.summary.path for h in walked})
            assert search(summaries[:2], query) == [h for h in walked if h.summary in summaries[:2]]


def test_search_counts_up_to_a_limit_and_says_there_are_more(sessions_dir: Path) -> None:
    with SessionIndex(sessions_dir) as index:
        index.refresh()
        everything = index.search("e")
        capped = index.search("e", limit=3, count_up_to=5)
    assert everything.total > 5
    assert len(capped.hits) == 3 and capped.total == 5 and capped.more
    assert [h.item_id for h in capped.hits] == [h.item_id for h in everything.hits[:3]]


def test_log_through_the_index_is_the_log_of_the_files(sessions_dir: Path) -> None:
    expected = fold((path, load(path)) for path in sorted(sessions_dir.glob("*.toml")))
    read_log(sessions_dir)  # builds the index
    log = read_log(sessions_dir)  # reads it
    assert [(e.decision, e.first_path, e.last_path, e.sessions) for e in log.entries] == [
        (e.decision, e.first_path, e.last_path, e.sessions) for e in expected
    ]


DAMAGED = (
    '[["decisions", "os:system", "[]"]]',
    "not json",
    '[["decisions", "poforum_tui.domain.models:Decision", "[{}]"]]',
    '[["secrets", "poforum_tui.domain.models:Decision", "[]"]]',
)


@pytest.mark.parametrize("stored", DAMAGED)
def test_a_damaged_log_row_is_read_again_from_its_file(sessions_dir: Path, stored: str) -> None:
    expected = read_log(sessions_dir)
    with SessionIndex(sessions_dir) as index, index.db:
        index.db.execute("UPDATE logs SET rows = ? WHERE name = ?", (stored, FORUM))
    log = read_log(sessions_dir)
    assert [e.decision for e in log.entries] == [e.decision for e in expected.entries]
    assert encode_logged(LoggedSession("Nothing", expected.entries[0].first_date)) == "[]"
