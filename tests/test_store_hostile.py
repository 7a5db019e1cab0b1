"""Hostile session files: too big, too many items, nested too deep, not a file, paths out."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from poforum_tui.store import SessionFileError, discover, load, save
from poforum_tui.store.limits import MAX_BYTES, MAX_ITEMS
from poforum_tui.store.paths import sibling
from tests.test_store_load import GOOD, error_of


def test_file_over_5_mb_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    with path.open("wb") as handle:
        handle.truncate(MAX_BYTES + 1)  # sparse: cheap to make, would be slow to parse
    with pytest.raises(SessionFileError) as caught:
        load(path)
    assert str(caught.value) == (
        f"{path}: file is 5.0 MB; poforum opens session files up to 5 MB "
        "(split it, or remove pasted content)"
    )


def test_too_many_tables_refused_before_parsing(tmp_path: Path) -> None:
    tables = "[[x]]\n" * (2 * MAX_ITEMS + 1)  # counted before parsing: any table header
    message = error_of(tmp_path, GOOD + tables)
    assert message.startswith(f" over {MAX_ITEMS:,} items")
    assert f"up to {MAX_ITEMS:,}" in message


def test_too_many_list_entries_refused(tmp_path: Path) -> None:
    agreement = "working_agreement = [" + ", ".join('"x"' for _ in range(MAX_ITEMS + 1)) + "]\n"
    message = error_of(tmp_path, agreement + GOOD)
    assert message.startswith(f" {MAX_ITEMS + 7:,} items (agenda, topics, decisions")


def test_too_many_votes_refused(tmp_path: Path) -> None:
    votes = ", ".join(f'"v{i}" = 1' for i in range(MAX_ITEMS + 1))
    text = GOOD.replace('votes = { "Dana Levi" = 2 }', f"votes = {{ {votes} }}")
    expected = f" {MAX_ITEMS + 3:,} items"  # + agenda and decision
    assert error_of(tmp_path, text).startswith(expected)


def test_a_big_but_legal_file_loads(tmp_path: Path) -> None:
    topics = "".join(
        f'[[board.topics]]\nid = "t{i}"\ntitle = "Topic {i}"\ncolumn = "collected"\n'
        for i in range(2, 2000)
    )
    path = tmp_path / "s.toml"
    path.write_text(GOOD + topics)
    assert len(load(path).board.topics) == 1999


def test_deep_nesting_is_refused_not_a_crash(tmp_path: Path) -> None:
    text = GOOD + "deep = " + "[" * 50_000 + "]" * 50_000 + "\n"
    message = error_of(tmp_path, text)
    assert message.startswith(" arrays or tables nested too deeply") or "nested more" in message


def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    os.mkfifo(path)
    with pytest.raises(SessionFileError, match="not a regular file"):
        load(path)


@pytest.mark.parametrize("key", ["follows", "carried_from"])
@pytest.mark.parametrize(
    "value", ["../other.toml", "/etc/passwd", "sub/x.toml", "..\\\\x.toml", "..", "~/x.toml"]
)
def test_follows_and_carried_from_are_file_names_in_the_folder(
    tmp_path: Path, key: str, value: str
) -> None:
    if key == "follows":
        text = GOOD.replace("date = 2026-12-01\n", f'date = 2026-12-01\nfollows = "{value}"\n')
        where = "5:11: follows"
    else:
        text = GOOD + f'carried_from = "{value}"\n'
        where = f"{GOOD.count(chr(10)) + 1}:16: decisions[1].carried_from"
    message = error_of(tmp_path, text)
    assert message.startswith(f"{where}: ")
    assert "must be a file name in the same folder" in message


def test_a_plain_sibling_name_is_accepted(tmp_path: Path) -> None:
    text = GOOD.replace("date = 2026-12-01\n", 'date = 2026-12-01\nfollows = "a b.toml"\n')
    path = tmp_path / "s.toml"
    path.write_text(text)
    assert load(path).follows == "a b.toml"


def test_sibling_refuses_symlinks_out_of_the_folder(tmp_path: Path) -> None:
    folder, outside = tmp_path / "sessions", tmp_path / "secret.toml"
    folder.mkdir()
    outside.write_text(GOOD)
    (folder / "prev.toml").symlink_to(outside)
    (folder / "real.toml").write_text(GOOD)
    (folder / "alias.toml").symlink_to(folder / "real.toml")
    with pytest.raises(SessionFileError, match="symlink to a file outside the session folder"):
        sibling(folder, "prev.toml")
    with pytest.raises(SessionFileError, match="not a file name in the session folder"):
        sibling(folder, "../secret.toml")
    assert sibling(folder, "alias.toml") == folder / "alias.toml"
    assert sibling(folder, "real.toml") == folder / "real.toml"


def test_discovery_lists_a_symlink_out_of_the_folder_as_broken(tmp_path: Path) -> None:
    folder = tmp_path / "sessions"
    folder.mkdir()
    (tmp_path / "secret.toml").write_text(GOOD)
    (folder / "prev.toml").symlink_to(tmp_path / "secret.toml")
    (folder / "loop.toml").symlink_to(folder / "loop.toml")
    (folder / "good.toml").write_text(GOOD)
    entries = {entry.path.name: entry for entry in discover(folder)}
    assert entries["good.toml"].title == "PO Forum"
    assert "outside the session folder" in str(entries["prev.toml"].error)
    assert "loop.toml" not in entries or hasattr(entries["loop.toml"], "error")


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("99999999999999999999999999999999", "must be 1..480"),
        ("-9223372036854775809", "must be 1..480"),
        ("0", "must be 1..480"),
        ("481", "must be 1..480"),
        ("inf", "valid integer"),
        ("nan", "valid integer"),
        ("1e400", "valid integer"),
        ('"10"', "valid integer"),
        ("true", "valid integer"),
    ],
)
def test_huge_and_odd_timeboxes_are_located_errors(
    tmp_path: Path, value: str, message: str
) -> None:
    text = GOOD.replace("minutes = 10", f"minutes = {value}", 1)
    error = error_of(tmp_path, text)
    assert error.startswith("9:11: agenda[1].minutes: ")
    assert message in error


@pytest.mark.parametrize("text", ["a\r\nb", "\r", "x\ry", "multi\nline", 'quote """ inside'])
def test_line_endings_and_quotes_survive_a_save(tmp_path: Path, text: str) -> None:
    path = tmp_path / "s.toml"
    path.write_text(GOOD)
    session = load(path)
    session = session.model_copy(update={"working_agreement": (text,)})
    save(session, path)
    assert load(path).working_agreement == (text,)
