"""Snapshots of the Sessions screen at 100x30 and 80x24, with a broken file in the folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import make_app


@pytest.fixture
def folder(sessions_dir: Path, monkeypatch) -> Path:
    """The example sessions plus a broken file, as the relative path `sessions` (stable text)."""
    (sessions_dir / "2026-12-01-broken.toml").write_text(
        'schema = 1\ntitle "no equals sign"\n', encoding="utf-8"
    )
    monkeypatch.chdir(sessions_dir.parent)
    return Path("sessions")


@pytest.mark.parametrize("size", [(100, 30), (80, 24)])
def test_home(snap_compare, folder: Path, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(folder), terminal_size=size)


@pytest.mark.parametrize("size", [(100, 30), (80, 24)])
def test_broken_file_highlighted(snap_compare, folder: Path, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(folder), press=["down"] * 4, terminal_size=size)


@pytest.mark.parametrize("size", [(100, 30), (80, 24)])
def test_search_results(snap_compare, folder: Path, size: tuple[int, int]) -> None:
    keys = ["slash", *"split teams", "enter"]
    assert snap_compare(make_app(folder), press=keys, terminal_size=size)
