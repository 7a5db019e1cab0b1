"""SIGKILL the real `poforum` at random moments while topics are typed in (issue 14).

Each round opens the session in a private tmux, types topics into the board's add form (each
Enter adds one and autosaves) and kills the process with SIGKILL after a random number of
keys. After every kill the session file and its `.bak` parse, nothing saved in an earlier
round is gone, and once the next instance holds the lock no temp file is left.
"""

from __future__ import annotations

import os
import random
import signal
from pathlib import Path

import pytest

from poforum_tui.store import load
from poforum_tui.store.diskfile import backup_of
from tests.conftest import FORUM
from tests.terminal import POFORUM, Tmux, needs_tmux, wait_for

pytestmark = [pytest.mark.slow, needs_tmux]

ROUNDS = 12


def test_kill_9_at_random_points_during_edits_leaves_whole_files(
    sessions_dir: Path, tmux: Tmux
) -> None:
    path = sessions_dir / FORUM
    chance = random.Random(14)
    saved_before = initial = len(load(path).board.topics)
    for round_number in range(ROUNDS):
        name = f"r{round_number}"
        tmux.start(name, str(POFORUM), str(path))
        tmux.wait(name, "Follow-ups")
        assert list(sessions_dir.glob(".*.tmp")) == []  # the new holder cleared leftovers
        tmux.keys(name, "2", "a")
        tmux.wait(name, "Add topics")
        for topic in range(chance.randint(1, 6)):
            tmux.keys(name, f"text:K{round_number}-{topic}", "Enter")
        if chance.random() < 0.5:
            tmux.keys(name, f"text:K{round_number}-last", "Enter")  # killed right after
        os.kill(tmux.pid(name), signal.SIGKILL)
        wait_for(lambda name=name: tmux.dead(name), 30, lambda name=name: tmux.screen(name))
        session = load(path)  # raises if the kill left a broken file
        if backup_of(path).exists():
            load(backup_of(path))
        topics = [topic.title for topic in session.board.topics]
        assert len(topics) >= saved_before, f"round {round_number} lost saved topics"
        assert all(title.startswith("K") for title in topics[saved_before:])
        saved_before = len(topics)
    assert saved_before > initial  # the rounds saved topics before their kills
