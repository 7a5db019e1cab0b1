"""The command line: new, check, templates, --help/--version, and a broken PATH."""

from __future__ import annotations

from pathlib import Path

import pytest

from poforum_tui import __version__
from poforum_tui.cli import main
from poforum_tui.store import load, template_names
from tests.conftest import KICKOFF


def test_templates_lists_every_template_with_description(capsys) -> None:
    assert main(["templates"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in lines] == template_names()
    assert {
        "po-forum-kickoff",
        "po-forum",
        "po-sync",
        "metascrum",
        "multi-team-refinement",
        "lean-coffee",
    } <= set(template_names())
    assert all(len(line.split(None, 1)) == 2 for line in lines)


def test_new_writes_dated_slugged_file_and_refuses_to_overwrite(tmp_path: Path, capsys) -> None:
    args = ["new", "--template", "po-sync", "--title", "PO Sync: week 49!", "--date", "2026-12-02"]
    assert main([*args, "--dir", str(tmp_path)]) == 0
    path = tmp_path / "2026-12-02-po-sync-week-49.toml"
    assert capsys.readouterr().out.strip() == str(path)
    session = load(path)
    assert session.title == "PO Sync: week 49!" and session.kind == "po-sync"
    assert "description" not in path.read_text()
    before = path.read_bytes()
    assert main([*args, "--dir", str(tmp_path)]) == 1
    assert "already exists" in capsys.readouterr().err
    assert path.read_bytes() == before


def test_new_uses_env_folder(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("POFORUM_SESSIONS", str(tmp_path / "s"))
    assert main(["new", "--title", "Forum", "--date", "2026-12-02"]) == 0
    assert (tmp_path / "s" / "2026-12-02-forum.toml").exists()


def test_new_rejects_bad_date_and_unknown_template(tmp_path: Path, capsys) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["new", "--title", "x", "--date", "2026-13-01", "--dir", str(tmp_path)])
    assert caught.value.code == 2
    assert "not a date like" in capsys.readouterr().err
    assert main(["new", "--title", "x", "--template", "nope", "--dir", str(tmp_path)]) == 1
    assert "no such template" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_check_reports_each_broken_file(sessions_dir: Path, capsys) -> None:
    broken = sessions_dir / "broken.toml"
    broken.write_text('schema = 1\ntitle = "x"\ndate = 2026-01-01\nkind = "retro"\n')
    assert main(["check", str(sessions_dir / KICKOFF)]) == 0
    assert main(["check", str(sessions_dir / KICKOFF), str(broken)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out == [
        f"{sessions_dir / KICKOFF}: ok",
        f"{sessions_dir / KICKOFF}: ok",
        f"{broken}:4:8: kind: 'retro' is not one of: " + _kinds(),
    ]


def _kinds() -> str:
    return "po-forum, po-sync, metascrum, multi-team-refinement, lean-coffee or custom"


def test_opening_a_broken_file_prints_error_and_touches_nothing(tmp_path: Path, capsys) -> None:
    broken = tmp_path / "b.toml"
    broken.write_text('title = "x"\ndate = 2026-01-01\n[[agenda]]\nid = "a"\ntitle = "A"\n')
    before = broken.read_bytes()
    assert main([str(broken)]) == 1
    assert capsys.readouterr().err.strip() == (
        f"{broken}:3:1: agenda[1].minutes: missing (this key is required)"
    )
    assert broken.read_bytes() == before


@pytest.mark.parametrize("argv", [["--version"], ["check", "--version"], ["new", "--version"]])
def test_version_everywhere(argv: list[str], capsys) -> None:
    with pytest.raises(SystemExit) as caught:
        main(argv)
    assert caught.value.code == 0
    assert capsys.readouterr().out.strip() == f"poforum {__version__}"


@pytest.mark.parametrize("argv", [["--help"], ["new", "--help"], ["check", "--help"]])
def test_help_everywhere(argv: list[str], capsys) -> None:
    with pytest.raises(SystemExit) as caught:
        main(argv)
    assert caught.value.code == 0
    assert "usage: poforum" in capsys.readouterr().out
