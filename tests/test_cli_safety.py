"""The command line loses nothing and obeys no session text (issue 14, items 6, 8 and 10).

- `export -o` writes only over an earlier export of the same session (or with --force), never
  over the session itself nor a file another poforum holds, with the session's permissions.
- `check`, `log` and `export` to a terminal print control characters as escapes; `-o` files
  and pipes keep the exact data.
- A `started_at` with a time zone offset is refused at its location; a date near 9999-12-31
  refuses carry-over with a message; the app stopping on an error exits non-zero.
"""

from __future__ import annotations

import os
import pty
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from poforum_tui.cli import main
from poforum_tui.domain import DomainError
from poforum_tui.domain.dates import parse_date
from poforum_tui.store import SessionFileError, load
from poforum_tui.store.export import export
from poforum_tui.store.lock import SessionLock
from poforum_tui.store.terminal_text import terminal_safe as visible
from tests.conftest import EXAMPLES, FORUM, KICKOFF

ESC_TITLE = "\x1b]0;pwned\x07Forum \x1b[2J\u202eevil"
"""Retitles the terminal, clears it, and reverses the rest of the line."""


@pytest.fixture
def forum(tmp_path: Path) -> Path:
    path = tmp_path / FORUM
    shutil.copy(EXAMPLES / FORUM, path)
    return path


def hostile_copy(folder: Path) -> Path:
    """The forum example with terminal escapes in its title and first decision's text."""
    text = (EXAMPLES / FORUM).read_text(encoding="utf-8")
    text = text.replace('title = "PO Forum #2"', 'title = "\\u001b]0;pwned\\u0007Forum"', 1)
    path = folder / "hostile\x1b[31m.toml"
    path.write_text(text.replace("One shared Definition", "\\u001b[2JOne shared", 1), "utf-8")
    return path


# -- item 6: export -o ----------------------------------------------------------------------


def test_export_refuses_to_overwrite_the_session_or_another_session(forum: Path, capsys) -> None:
    other = forum.with_name(KICKOFF)
    shutil.copy(EXAMPLES / KICKOFF, other)
    before = forum.read_bytes(), other.read_bytes()
    assert main(["export", str(forum), "-o", str(forum)]) == 1
    assert "the session file itself" in capsys.readouterr().err
    assert main(["export", str(forum), "-o", str(forum), "--force"]) == 1
    assert main(["export", str(forum), "-o", str(other)]) == 1
    assert "is a session file; add --force" in capsys.readouterr().err
    assert (forum.read_bytes(), other.read_bytes()) == before


def test_export_overwrites_only_an_export_of_the_same_session(forum: Path, capsys) -> None:
    notes = forum.with_name("notes.md")
    notes.write_text("my own notes\n")
    assert main(["export", str(forum), "-o", str(notes)]) == 1
    assert "not an export of" in capsys.readouterr().err
    assert notes.read_text() == "my own notes\n"
    minutes = forum.with_name("minutes.md")
    for fmt in ("md", "csv", "json", "md"):  # an earlier export, in any format, may go
        assert main(["export", str(forum), "-f", fmt, "-o", str(minutes)]) == 0
        assert minutes.read_bytes().decode("utf-8") == export(load(forum), fmt, folder=forum.parent)
    kickoff = forum.with_name(KICKOFF)
    shutil.copy(EXAMPLES / KICKOFF, kickoff)
    assert main(["export", str(kickoff), "-o", str(minutes)]) == 1  # another session's
    assert main(["export", str(forum), "-o", str(notes), "--force"]) == 0
    assert notes.read_text(encoding="utf-8") == export(load(forum), "md", folder=forum.parent)


def test_export_never_writes_over_a_file_another_poforum_holds(forum: Path, capsys) -> None:
    held = forum.with_name("held.md")
    held.write_text("held\n")
    lock = SessionLock(held)
    assert lock.acquire() is None
    try:
        assert main(["export", str(forum), "-o", str(held), "--force"]) == 1
        assert "is open in poforum" in capsys.readouterr().err
    finally:
        lock.release()
    assert held.read_text() == "held\n"


def test_export_file_keeps_the_session_files_mode(forum: Path) -> None:
    old_umask = os.umask(0o022)
    try:
        forum.chmod(0o600)
        out = forum.with_name("out.csv")
        assert main(["export", str(forum), "-f", "csv", "-o", str(out)]) == 0
    finally:
        os.umask(old_umask)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_export_writes_through_a_symlink(forum: Path) -> None:
    real = forum.with_name("real.md")
    link = forum.with_name("link.md")
    link.symlink_to(real.name)
    assert main(["export", str(forum), "-o", str(link)]) == 0
    assert link.is_symlink() and real.read_text(encoding="utf-8") == export(
        load(forum), "md", folder=forum.parent
    )


# -- item 8: control characters on the terminal ---------------------------------------------


def test_visible_escapes_controls_and_keeps_lines() -> None:
    assert visible(ESC_TITLE) == "\\x1b]0;pwned\\x07Forum \\x1b[2J\\u202eevil"
    assert visible("a\tb\nc\r\nd\re\x9b") == "a\tb\nc\r\nd\\x0de\\x9b"


def test_check_prints_a_hostile_file_name_and_content_as_text(tmp_path: Path, capsys) -> None:
    path = hostile_copy(tmp_path)
    path.write_text(path.read_text(encoding="utf-8") + 'kind = "\\u0007bad"\n', "utf-8")
    assert main(["check", str(path)]) == 1
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out
    assert "hostile\\x1b[31m.toml" in out


def test_log_prints_session_text_as_text(tmp_path: Path, capsys) -> None:
    hostile_copy(tmp_path)
    assert main(["log", "--dir", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "\\x1b[2JOne shared" in out and "\x1b" not in out


def run_on_a_terminal(args: list[str]) -> bytes:
    """What `poforum ARGS` writes to a terminal (a pseudo-terminal as its stdout)."""
    leader, follower = pty.openpty()
    try:
        process = subprocess.Popen(
            [sys.executable, "-m", "poforum_tui", *args], stdout=follower, stderr=follower
        )
        os.close(follower)
        chunks = []
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # EIO: the program closed the terminal
                break
            if not chunk:
                break
            chunks.append(chunk)
        assert process.wait(timeout=60) == 0
        return b"".join(chunks)
    finally:
        os.close(leader)


def test_export_to_a_terminal_shows_escapes_and_to_a_file_keeps_the_data(
    tmp_path: Path,
) -> None:
    path = hostile_copy(tmp_path)
    on_terminal = run_on_a_terminal(["export", "-f", "csv", str(path)])
    assert b"\x1b" not in on_terminal and b"\\x1b]0;pwned\\x07Forum" in on_terminal
    out = tmp_path / "out.csv"
    assert main(["export", "-f", "csv", str(path), "-o", str(out)]) == 0
    assert "\x1b]0;pwned\x07Forum" in out.read_bytes().decode("utf-8")
    piped = subprocess.run(
        [sys.executable, "-m", "poforum_tui", "export", "-f", "csv", str(path)],
        capture_output=True,
        check=True,
    )
    assert piped.stdout == out.read_bytes()


# -- item 10: odd dates and crashes -----------------------------------------------------------


def test_started_at_with_a_time_zone_offset_is_refused_at_its_line(tmp_path: Path) -> None:
    text = (EXAMPLES / FORUM).read_text(encoding="utf-8")
    text = text.replace(
        'status = "pending"', 'status = "running"\nstarted_at = 2026-11-17T09:30:00+02:00', 1
    )
    path = tmp_path / "offset.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SessionFileError) as raised:
        load(path)
    line = next(n for n, row in enumerate(text.splitlines(), 1) if row.startswith("started_at"))
    assert raised.value.line == line
    assert "time zone offset" in raised.value.message and "2026-11-17T09:30:00" in str(raised.value)


def test_carry_over_from_a_date_near_the_end_of_time_says_why(tmp_path: Path, capsys) -> None:
    text = (EXAMPLES / FORUM).read_text(encoding="utf-8").replace("2026-11-17", "9999-12-30", 1)
    path = tmp_path / "far.toml"
    path.write_text(text, encoding="utf-8")
    assert main(["new", "--from", str(path)]) == 1
    err = capsys.readouterr().err
    line = next(n for n, row in enumerate(text.splitlines(), 1) if row.startswith("date ="))
    assert f"far.toml:{line}:" in err and "past 9999-12-31" in err and "Traceback" not in err
    assert main(["new", "--from", str(path), "--date", "9999-12-31"]) == 0
    with pytest.raises(DomainError, match="past 9999-12-31"):
        parse_date("+7d", load(path).date)


def test_app_that_stops_on_an_error_exits_non_zero(forum: Path, monkeypatch) -> None:
    from poforum_tui.app import PoforumApp

    real_run = PoforumApp.run
    monkeypatch.setattr(PoforumApp, "run", lambda self, **kw: real_run(self, headless=True))

    def crash(self) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(PoforumApp, "on_mount", crash)
    assert main([str(forum)]) == 1
    assert main(["review", str(forum)]) == 1


def test_the_apps_export_beside_the_session_keeps_hand_written_minutes(forum: Path) -> None:
    from poforum_tui.store.export import export_path, write_export
    from poforum_tui.store.export.target import ExportRefused

    minutes = export_path(forum, "md")
    minutes.write_text("# Our own minutes, edited by hand\n")
    with pytest.raises(ExportRefused, match="rename or remove it first"):
        write_export(load(forum), forum, "md")
    assert minutes.read_text() == "# Our own minutes, edited by hand\n"


def test_the_apps_export_beside_the_session_is_renewed_after_a_rename(forum: Path) -> None:
    from poforum_tui.domain import session_info
    from poforum_tui.store.export import export_path, write_export

    session = load(forum)
    for fmt in ("md", "csv", "json"):
        write_export(session, forum, fmt)
        renamed = session_info.rename(session, "Renamed since")
        write_export(renamed, forum, fmt)  # the file named after the session: still its export
        expected = export(renamed, fmt, folder=forum.parent)
        assert export_path(forum, fmt).read_bytes().decode("utf-8") == expected


def test_a_dependencies_csv_of_the_session_may_be_overwritten(forum: Path) -> None:
    out = forum.with_name("deps.csv")
    args = ["export", str(forum), "-f", "csv", "--what", "dependencies", "-o", str(out)]
    assert main(args) == 0 and main(args) == 0
    assert main(["export", str(forum), "-f", "csv", "-o", str(out)]) == 0
