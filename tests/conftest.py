"""Shared fixtures: example sessions copied to a temp folder, a fake clock, a quiet app."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

import pytest

from poforum_tui.domain import FakeClock

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "sessions"
KICKOFF = "2026-11-03-po-forum-kickoff.toml"
FORUM = "2026-11-17-po-forum.toml"
METASCRUM = "2026-11-24-metascrum.toml"
SYNC = "2026-12-01-po-sync-sprint-25-week-1.toml"  # follows the MetaScrum; has dependencies

os.environ.pop("NO_COLOR", None)  # it changes snapshots
os.environ.pop("POFORUM_SESSIONS", None)


@pytest.fixture(autouse=True)
def user_settings(tmp_path_factory: pytest.TempPathFactory, monkeypatch) -> Path:
    """Each test gets its own settings file: never the developer's own."""
    path = tmp_path_factory.mktemp("config") / "settings.toml"
    monkeypatch.setenv("POFORUM_CONFIG", str(path))
    return path


@pytest.fixture
def sessions_dir(tmp_path: Path) -> Path:
    """A writable copy of the example sessions."""
    folder = tmp_path / "sessions"
    shutil.copytree(EXAMPLES, folder, ignore=shutil.ignore_patterns("*.bak", "*.lock", ".poforum"))
    return folder


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(dt.datetime(2026, 11, 17, 10, 0, 0))


def notices(app) -> list:
    """The notifications the app is showing now (Textual keeps them privately: this is the
    one place the tests read them)."""
    return list(app._notifications)


def make_app(folder: Path, name: str | None = None, clock: FakeClock | None = None, **kwargs):
    """A PoforumApp on `folder` (optionally with session `name` open), no animations."""
    from poforum_tui.app import PoforumApp

    path = folder / name if name else None
    app = PoforumApp(folder, path=path, clock=clock or FakeClock(), **kwargs)
    app.animation_level = "none"
    return app


@pytest.fixture
def tmux(tmp_path: Path):
    """A private tmux server for driving the real `poforum`; killed afterwards."""
    from tests.terminal import Tmux

    server = Tmux(tmp_path)
    try:
        yield server
    finally:
        server.kill()


def notice_texts(app) -> list[str]:
    """The texts of the toasts the app is showing (title and message), newest last."""
    return [f"{n.title}: {n.message}" if n.title else n.message for n in notices(app)]
