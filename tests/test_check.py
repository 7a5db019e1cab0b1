"""`poforum check` (issue 17.2): every problem at once, sorted by line, warnings for near-miss
keys, strangers' votes, votes over the budget and a missing `follows`; folders; `ok` lines."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from poforum_tui.cli import main
from poforum_tui.store.check import problems

GOLDEN = Path(__file__).parent / "golden"
GOOD = 'schema = 1\ntitle = "x"\ndate = 2026-12-01\n'


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["check", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_a_file_with_many_mistakes_gets_them_all_in_one_run(capsys, monkeypatch) -> None:
    monkeypatch.chdir(GOLDEN)
    code, out, _ = run(capsys, "check-many-mistakes.toml")
    assert code == 1
    assert out == (GOLDEN / "check-many-mistakes.txt").read_text(encoding="utf-8")
    lines = [int(line.split(":")[1]) for line in out.splitlines()]
    assert lines == sorted(lines)


def test_fixing_every_reported_mistake_leaves_an_ok_file(tmp_path: Path, capsys) -> None:
    text = (GOLDEN / "check-many-mistakes.toml").read_text(encoding="utf-8")
    for wrong, right in [
        ("2026-12-32", "2026-12-08"),
        ("strat =", "start ="),
        ('follows = "2026-12-01-po-forum.toml"\n', ""),
        ('"product-owner"', '"po"'),
        ("minutes = 0 ", "minutes = 10"),
        ('id = "intro"               # used twice', 'id = "dilemmas"'),
        ('"colected"', '"collected"'),
        ('"Dana Levi" = 3, "Zed" = 1', '"Dana Levi" = 2'),
        ("2026-13-01", "2027-01-01"),
        ("ownr =", "owner ="),
    ]:
        assert wrong in text
        text = text.replace(wrong, right)
    path = tmp_path / "fixed.toml"
    path.write_text(text)
    assert run(capsys, str(path)) == (0, f"{path}: ok\n", "")


def test_several_toml_syntax_errors_are_reported_together(tmp_path: Path) -> None:
    text = GOOD + 'start = 25:00:00\nbroken = "unclosed\n\n[board\nvotes_per_person = 2\n'
    found = problems(text.encode(), "s.toml")
    assert [(p.line, p.col, p.message) for p in found] == [
        (4, 9, "start: '25:00:00' is not a time (HH:MM:SS)"),
        (5, 19, "illegal character '\\n'"),
        (7, 7, "expected ']' at the end of a table declaration"),
    ]


def test_keys_that_are_not_near_misses_stay_allowed_silently() -> None:
    found = problems((GOOD + 'room = "Blue"\nfacilitator = ["Dana"]\n').encode(), "s.toml")
    assert [p.message for p in found] == ["facilitator: unknown key; did you mean facilitators?"]
    assert all(p.warning for p in found)


def test_warnings_alone_exit_zero_and_are_counted(tmp_path: Path, capsys) -> None:
    path = tmp_path / "s.toml"
    path.write_text(GOOD + "strat = 09:30:00\n")
    code, out, _ = run(capsys, str(path))
    assert code == 0
    assert out == (
        f"{path}:4:1: warning: strat: unknown key; did you mean start?\n{path}: ok (1 warning)\n"
    )


def test_a_folder_is_checked_file_by_file(tmp_path: Path, capsys) -> None:
    (tmp_path / "a.toml").write_text(GOOD)
    (tmp_path / "b.toml").write_text(GOOD.replace("2026-12-01", "2026-12-41"))
    (tmp_path / "notes.txt").write_text("not a session")
    code, out, err = run(capsys, str(tmp_path))
    assert code == 1 and err == ""
    assert out.splitlines() == [
        f"{tmp_path / 'a.toml'}: ok",
        f"{tmp_path / 'b.toml'}:3:8: date: '2026-12-41' is not a date (YYYY-MM-DD)",
    ]
    assert "not a regular file" not in out


def test_an_empty_folder_says_so(tmp_path: Path, capsys) -> None:
    code, out, err = run(capsys, str(tmp_path))
    assert code == 0 and out == "" and "no session files" in err


def test_whole_file_problems_have_no_made_up_position(tmp_path: Path, capsys) -> None:
    code, out, _ = run(capsys, str(tmp_path / "missing.toml"))
    assert code == 1
    assert out == f"{tmp_path / 'missing.toml'}: cannot read: No such file or directory\n"


def test_control_characters_from_the_file_are_shown_not_obeyed(tmp_path: Path, capsys) -> None:
    path = tmp_path / "\x1b]0;owned\x07.toml"
    path.write_text(GOOD + "strat = 09:30:00\n")
    _, out, _ = run(capsys, str(path))
    assert "\x1b" not in out and "\x07" not in out and "\\x1b]0;owned\\x07.toml:4:1:" in out


def test_check_never_imports_textual(tmp_path: Path) -> None:
    import subprocess
    import sys

    (tmp_path / "a.toml").write_text(GOOD)
    code = (
        "import sys; from poforum_tui.cli import main; main(['check', sys.argv[1]]); "
        "assert not [m for m in sys.modules if m.startswith(('textual', 'rich'))]"
    )
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[1])}
    done = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "a.toml")], capture_output=True, env=env
    )
    assert done.returncode == 0, done.stderr.decode()


@pytest.mark.parametrize("value", ["[1, 2]", '"fine"'])
def test_a_near_miss_is_warned_whatever_its_value(value: str) -> None:
    found = problems((GOOD + f"titel = {value}\n").encode(), "s.toml")
    assert found[0].message == "titel: unknown key; did you mean title?"


def test_an_unknown_template_has_no_made_up_position(capsys) -> None:
    assert main(["new", "--template", "kickoff", "--title", "x"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("template kickoff: no such template (known: ") and ":1:1:" not in err
