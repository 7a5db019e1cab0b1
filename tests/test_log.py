"""The decision log: one entry per item across sessions, carried copies merged."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from poforum_tui.cli import main
from poforum_tui.domain import decisions as ops
from poforum_tui.store import load, save
from poforum_tui.store.decision_log import fold, read_log
from poforum_tui.store.log_rows import format_lines
from tests.conftest import FORUM, KICKOFF, METASCRUM, SYNC

TODAY = dt.date(2026, 11, 21)


def test_carried_items_appear_once_with_latest_status(sessions_dir: Path) -> None:
    forum = ops.set_outcome(load(sessions_dir / FORUM), "d2", "done")
    save(forum, sessions_dir / FORUM)
    log = read_log(sessions_dir)
    assert log.broken == []
    kickoff_items = [e for e in log.entries if e.first_path.name == KICKOFF]
    assert [e.decision.id for e in kickoff_items] == ["d1", "d2", "d3", "d4", "d5", "d6", "d7"]
    d2 = kickoff_items[1]
    assert (d2.decision.status, d2.sessions, d2.last_path.name) == ("done", 2, FORUM)
    d6 = kickoff_items[5]
    assert (d6.decision.status, d6.sessions, d6.last_path.name) == ("done", 1, KICKOFF)
    # same id in an unrelated session is its own entry, and the newest comes first
    assert log.entries[0].first_path.name == SYNC
    metascrum_d1 = next(e for e in log.entries if e.first_path.name == METASCRUM)
    assert (metascrum_d1.sessions, metascrum_d1.last_path.name) == (2, SYNC)
    assert len(log.entries) == 10


def test_items_carried_twice_count_three_sessions(sessions_dir: Path) -> None:
    assert main(["new", "--from", str(sessions_dir / FORUM), "--date", "2026-12-01"]) == 0
    log = read_log(sessions_dir)
    d1 = next(e for e in log.entries if e.decision.id == "d1" and e.first_path.name == KICKOFF)
    assert d1.sessions == 3
    assert d1.last_path.name == "2026-12-01-po-forum-3.toml"
    assert len(log.entries) == 10


def test_missing_source_file_still_counts_from_carried(sessions_dir: Path) -> None:
    (sessions_dir / KICKOFF).unlink()
    log = read_log(sessions_dir)
    d3 = next(e for e in log.entries if e.decision.id == "d3" and e.last_path.name == FORUM)
    assert (d3.first_path.name, d3.sessions) == (FORUM, 2)


def test_filters_open_and_owner(sessions_dir: Path) -> None:
    log = read_log(sessions_dir)
    assert all(e.decision.status == "open" for e in log.filtered(open_only=True))
    assert len(log.filtered(open_only=True)) == 8
    maya = log.filtered(owner="  maya ")
    assert [e.decision.id for e in maya] == ["d1", "d4"]
    assert log.filtered(owner="nobody") == []


def test_broken_files_are_listed_apart(sessions_dir: Path) -> None:
    (sessions_dir / "2026-12-01-broken.toml").write_text('title = "x"\ndate = 2026-13-01\n')
    log = read_log(sessions_dir)
    assert len(log.broken) == 1 and "2026-12-01-broken.toml:2" in str(log.broken[0])
    assert len(log.entries) == 10


def test_lines_are_aligned_and_mark_overdue(sessions_dir: Path) -> None:
    lines = format_lines(read_log(sessions_dir).entries, TODAY)
    assert lines[0].split() == ["DATE", "SESSION", "KIND", "STATUS", "OWNER", "DUE", "SEEN", "TEXT"]
    text_at = lines[0].index("TEXT")
    assert all(len(line) > text_at for line in lines[1:])
    sam = next(line for line in lines if "Sam O'Neill" in line)
    assert "2026-11-12 OVERDUE" in sam and "2 sessions" in sam
    noa = next(line for line in lines if "Publish the forum backlog" in line)
    assert "OVERDUE" not in noa and " done " in noa


def test_fold_without_files_orders_newest_first() -> None:
    assert fold([]) == []


def test_cli_log(sessions_dir: Path, capsys) -> None:
    assert main(["log", "--dir", str(sessions_dir)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 1 + 10 + 4  # decisions, experiments and actions, and dependencies
    assert out[1].startswith("2026-12-01  PO Sync — Sprint 25, week 1")
    assert main(["log", "--dir", str(sessions_dir), "--open", "--owner", "sam"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 2 and "Collect every team's current DoD" in out[1]


def test_cli_log_nothing_matches_and_broken(sessions_dir: Path, capsys) -> None:
    (sessions_dir / "zz.toml").write_text("schema = [\n")
    assert main(["log", "--dir", str(sessions_dir), "--owner", "nobody"]) == 0
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "zz.toml:" in captured.err and "No decisions" in captured.err


def test_cli_log_escalation_shows_in_status(sessions_dir: Path, capsys) -> None:
    forum = ops.set_outcome(load(sessions_dir / FORUM), "d4", "escalate", "metascrum")
    save(forum, sessions_dir / FORUM)
    assert main(["log", "--dir", str(sessions_dir), "--owner", "maya"]) == 0
    out = capsys.readouterr().out
    assert "open ⇡ metascrum" in out


def test_cli_log_missing_folder(tmp_path: Path, capsys) -> None:
    assert main(["log", "--dir", str(tmp_path / "nowhere")]) == 1
    assert "nowhere is not a folder of sessions" in capsys.readouterr().err


def test_a_second_log_of_an_unchanged_folder_reads_the_kept_rows(
    sessions_dir: Path, monkeypatch
) -> None:
    """`poforum log` over years of history: the index keeps the printed rows, so a second run
    folds nothing; a changed file makes it fold again; OVERDUE is decided at printing."""
    from poforum_tui.store.index import SessionIndex
    from poforum_tui.store.log_rows import folder_rows, row_of, select

    first, broken = folder_rows(sessions_dir)
    assert broken == []
    sam = select(first, owner="sam")
    assert any("OVERDUE" in line for line in format_lines(sam, TODAY))
    assert not any("OVERDUE" in line for line in format_lines(sam, dt.date(2026, 11, 1)))
    assert first == [row_of(entry) for entry in read_log(sessions_dir).everything()]
    folded: list[int] = []
    real = SessionIndex.logged_sessions

    def counting(self):
        folded.append(1)
        return real(self)

    monkeypatch.setattr(SessionIndex, "logged_sessions", counting)
    assert folder_rows(sessions_dir)[0] == first and folded == []
    forum = load(sessions_dir / FORUM)
    save(ops.set_outcome(forum, "d2", "done"), sessions_dir / FORUM)
    again, _ = folder_rows(sessions_dir)
    assert folded == [1] and again != first


def test_the_printout_is_the_same_from_kept_rows_and_from_a_fold(sessions_dir: Path) -> None:
    from poforum_tui.store.log_rows import folder_rows

    folder_rows(sessions_dir)  # keeps them
    kept, _ = folder_rows(sessions_dir)
    assert format_lines(kept, TODAY) == format_lines(read_log(sessions_dir).everything(), TODAY)
