"""Issue 14: the app's own save never writes a file it cannot read (14.2), deep values are
refused at load (14.5), BOM files open and empty hand-added keys are kept (14.14)."""

from __future__ import annotations

from pathlib import Path

import pytest

from poforum_tui.domain.session_info import rename
from poforum_tui.store import SessionFileError, dumps, load, parse, save
from poforum_tui.store.errors import UnsafeWriteError
from poforum_tui.store.file_text import file_bytes
from poforum_tui.store.layout import verify

HEAD = 'schema = 1\ntitle = "x"\ndate = 2026-01-01\n'
DECISION = '\n[[decisions]]\nid = "d1"\ntext = "Do it"\n'


@pytest.mark.parametrize(
    "extra",
    [
        "id = [{a = 1}, 2]\n",  # a mixed array: not a table
        "mixed = [2, {a = 1}]\n",
        "links = [{url = 'https://a'}, {url = 'https://b'}]\n",  # an array of tables
        "meta = { owner = 'Dana', tags = ['a'] }\n",
    ],
)
def test_hand_added_top_level_values_stay_top_level_after_two_saves(tmp_path, extra) -> None:
    path = tmp_path / "s.toml"
    path.write_text(HEAD + extra + DECISION)
    session = load(path)
    for title in ("one", "two"):
        session = rename(session, title)
        save(session, path)
        assert load(path) == session
    assert load(path).decisions[0].model_extra == {}


def test_a_text_that_would_not_read_back_is_refused_before_writing() -> None:
    data = {"title": "x", "decisions": [{"id": "d1"}]}
    with pytest.raises(UnsafeWriteError, match="decisions"):
        verify('title = "x"\n\n[[decisions]]\nid = "d2"\n', data)
    with pytest.raises(UnsafeWriteError, match="does not parse"):
        verify('title = "x\n', data)


def test_a_failed_check_is_an_os_error_the_save_path_reports(tmp_path: Path) -> None:
    assert issubclass(UnsafeWriteError, OSError)


def test_empty_hand_added_values_are_kept() -> None:
    session = parse(
        (
            HEAD + "tags = []\nextra = {}\n\n[[agenda]]\nid = 'a'\ntitle = 'A'\nminutes = 5\n"
            "labels = []\n"
        ).encode(),
        "s",
    )
    text = dumps(session)
    assert "tags = []" in text and "\n[extra]\n" in text and "labels = []" in text
    assert parse(text.encode(), "s") == session


def test_a_value_nested_400_levels_is_refused_at_load_with_its_place(tmp_path: Path) -> None:
    path = tmp_path / "deep.toml"
    path.write_text(HEAD + "deep = " + "[" * 400 + "]" * 400 + "\n")
    with pytest.raises(SessionFileError) as caught:
        load(path)
    assert str(caught.value).startswith(f"{path}:4:8: deep")
    assert "nested more than 32 levels" in str(caught.value)


def test_nesting_within_the_limit_loads_and_saves() -> None:
    text = HEAD + "deep = " + "[" * 30 + "1" + "]" * 30 + "\n"
    session = parse(text.encode(), "s")
    assert parse(dumps(session).encode(), "s") == session


def test_a_byte_order_mark_is_accepted_and_kept(tmp_path: Path) -> None:
    raw = ("\ufeff" + HEAD).encode()
    session = parse(raw, "bom.toml")
    assert session.title == "x"
    assert file_bytes(rename(session, "y"), raw).startswith("\ufeff".encode())


def test_crlf_files_are_saved_with_crlf() -> None:
    raw = (HEAD + DECISION).replace("\n", "\r\n").encode()
    session = parse(raw, "crlf.toml")
    written = file_bytes(rename(session, "y"), raw)
    assert written.count(b"\r\n") == written.count(b"\n") > 5
    assert parse(written, "crlf.toml") == rename(session, "y")


def test_an_unchanged_session_keeps_the_file_as_it_is() -> None:
    raw = ("# mine\n" + HEAD).encode()
    session = parse(raw, "s")
    assert file_bytes(session, raw) == raw
