"""load(): every kind of failure says `path:line:col: message`, exactly."""

from __future__ import annotations

from pathlib import Path

import pytest

from poforum_tui.store import SessionFileError, dumps, load, parse
from tests.conftest import EXAMPLES

GOOD = """\
schema = 1
title = "PO Forum"
kind = "po-forum"
date = 2026-12-01

[[agenda]]
id = "intro"
title = "Introductions"
minutes = 10

[[agenda]]
id = "dilemmas"
title = "Dilemmas"
minutes = 20

[board]

[[board.columns]]
id = "collected"
title = "Collected"

[[board.topics]]
id = "t1"
title = "Who owns the DoD?"
column = "collected"
votes = { "Dana Levi" = 2 }

[[decisions]]
id = "d1"
kind = "action"
text = "Write it down"
topic = "t1"
"""


def error_of(tmp_path: Path, text: str | bytes) -> str:
    path = tmp_path / "s.toml"
    path.write_bytes(text.encode() if isinstance(text, str) else text)
    with pytest.raises(SessionFileError) as caught:
        load(path)
    return str(caught.value).removeprefix(f"{path}:")


def test_good_file_loads(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    path.write_text(GOOD)
    session = load(path)
    assert session.title == "PO Forum"
    assert session.board.topics[0].vote_total == 2


def test_toml_syntax_error_is_located(tmp_path: Path) -> None:
    text = GOOD.replace('title = "Introductions"', 'title = "Introductions')
    assert error_of(tmp_path, text).startswith("8:23: illegal character")


def test_timebox_out_of_range_names_key_and_line(tmp_path: Path) -> None:
    text = GOOD.replace("minutes = 20", "minutes = 481")
    assert error_of(tmp_path, text) == "14:11: agenda[2].minutes: must be 1..480"


def test_timebox_must_be_whole_number(tmp_path: Path) -> None:
    text = GOOD.replace("minutes = 20", 'minutes = "20"')
    assert error_of(tmp_path, text).startswith("14:11: agenda[2].minutes: ")


def test_empty_title(tmp_path: Path) -> None:
    text = GOOD.replace('title = "Dilemmas"', 'title = "   "')
    assert error_of(tmp_path, text) == "13:9: agenda[2].title: must not be empty"


def test_unknown_column(tmp_path: Path) -> None:
    text = GOOD.replace('column = "collected"', 'column = "nowhere"')
    assert error_of(tmp_path, text) == (
        "25:10: board.topics[1].column: 'nowhere' is not a column (columns: collected)"
    )


def test_unknown_topic(tmp_path: Path) -> None:
    text = GOOD.replace('topic = "t1"', 'topic = "t7"')
    assert error_of(tmp_path, text) == "32:9: decisions[1].topic: 't7' is not a topic on the board"


def test_duplicate_id(tmp_path: Path) -> None:
    text = GOOD.replace('id = "dilemmas"', 'id = "intro"')
    assert error_of(tmp_path, text) == "12:6: agenda[2].id: 'intro' is used twice"


def test_vote_count_below_one(tmp_path: Path) -> None:
    text = GOOD.replace('"Dana Levi" = 2', '"Dana Levi" = 0')
    assert error_of(tmp_path, text).startswith("26:9: board.topics[1].votes: ")


def test_bad_enum_lists_choices(tmp_path: Path) -> None:
    text = GOOD.replace('kind = "action"', 'kind = "todo"')
    assert error_of(tmp_path, text) == (
        "30:8: decisions[1].kind: 'todo' is not one of: decision, experiment or action"
    )


def test_missing_required_key(tmp_path: Path) -> None:
    text = GOOD.replace('text = "Write it down"\n', "")
    assert error_of(tmp_path, text) == "28:1: decisions[1].text: missing (this key is required)"


def test_not_utf8(tmp_path: Path) -> None:
    text = GOOD.replace("Who owns", "Who \udcff owns").encode("utf-8", "surrogateescape")
    assert error_of(tmp_path, text).startswith("24:14: not UTF-8 text")


def test_newer_schema(tmp_path: Path) -> None:
    text = GOOD.replace("schema = 1", "schema = 2")
    assert error_of(tmp_path, text) == (
        "1:10: schema: 2 was written by a newer poforum (this one reads up to 1); "
        "upgrade poforum to open it"
    )


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(SessionFileError) as caught:
        load(tmp_path / "nope.toml")
    assert str(caught.value).startswith(f"{tmp_path / 'nope.toml'}: cannot read")


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.toml")), ids=lambda p: p.name)
def test_examples_load_and_save_byte_identical(path: Path) -> None:
    raw = path.read_bytes()
    assert dumps(parse(raw, path)).encode() == raw


def test_the_same_bytes_parse_once_and_changed_bytes_parse_again(tmp_path: Path) -> None:
    first = parse(GOOD.encode(), "a.toml")
    assert parse(GOOD.encode(), "b.toml") is first  # reused: sessions are immutable
    changed = parse(GOOD.replace("PO Forum", "PO Sync").encode(), "a.toml")
    assert changed is not first and changed.title == "PO Sync"
    with pytest.raises(SessionFileError):  # a broken file is never cached as good
        parse(GOOD.replace("minutes = 20", "minutes = 0").encode(), "a.toml")
