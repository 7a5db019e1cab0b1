"""`poforum new --from`: the next session file, written beside the previous one."""

from __future__ import annotations

from pathlib import Path

import pytest

from poforum_tui.cli import main
from poforum_tui.domain import decisions as ops
from poforum_tui.store import load
from tests.conftest import KICKOFF


def test_new_from_kickoff_end_to_end(tmp_path: Path, sessions_dir: Path, capsys) -> None:
    folder = tmp_path / "fresh"
    folder.mkdir()
    (folder / KICKOFF).write_bytes((sessions_dir / KICKOFF).read_bytes())
    assert main(["new", "--from", str(folder / KICKOFF), "--date", "2026-11-17"]) == 0
    out, err = capsys.readouterr()
    assert err == ""  # nothing follows the kickoff yet
    path = Path(out.strip())
    assert path == folder / "2026-11-17-po-forum-2.toml"
    session = load(path)
    assert (session.title, session.kind, session.follows) == ("PO Forum #2", "po-forum", KICKOFF)
    assert len(ops.awaiting_outcome(session)) == 6
    assert main(["log", "--dir", str(folder)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 1 + 7  # the kickoff's seven items, carried ones once
    assert sum("2 sessions" in line for line in out) == 6


def test_new_from_with_template_title_and_dir(sessions_dir: Path, tmp_path: Path, capsys) -> None:
    target = tmp_path / "elsewhere"
    argv = ["new", "--from", str(sessions_dir / KICKOFF), "--template", "po-sync"]
    argv += ["--title", "PO sync 1", "--date", "2026-11-10", "--dir", str(target)]
    assert main(argv) == 0
    session = load(Path(capsys.readouterr().out.strip()))
    assert (session.kind, session.title) == ("po-sync", "PO sync 1")
    assert session.agenda[0].title == "Follow-ups"


def test_new_from_refuses_clearly(sessions_dir: Path, capsys) -> None:
    previous = str(sessions_dir / KICKOFF)
    assert main(["new", "--from", str(sessions_dir / "missing.toml")]) == 1
    assert "missing.toml: cannot read" in capsys.readouterr().err
    assert main(["new", "--from", previous, "--template", "nope"]) == 1
    assert "no such template" in capsys.readouterr().err
    assert main(["new", "--from", previous, "--date", "2026-11-17"]) == 0
    err = capsys.readouterr().err  # the example forum already follows the kickoff
    assert f"note: {sessions_dir / '2026-11-17-po-forum.toml'} already follows {KICKOFF}" in err
    assert main(["new", "--from", previous, "--date", "2026-11-17"]) == 1
    assert "already exists" in capsys.readouterr().err


def test_new_without_from_still_needs_a_title(sessions_dir: Path, capsys) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["new", "--dir", str(sessions_dir)])
    assert exit_.value.code == 2
    assert "--title is required" in capsys.readouterr().err
    assert main(["new", "--title", "Sync", "--date", "2026-12-02", "--dir", str(sessions_dir)]) == 0
    assert load(Path(capsys.readouterr().out.strip())).kind == "po-forum"
