"""One whole PO forum through the installed `poforum` in a real terminal (tmux).

Prepare from a template, run the agenda, capture and vote a topic, promote it to the agenda,
record a decision, quit, reopen, export, checking the screen and the saved file at each step.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from poforum_tui.store import load
from tests.terminal import POFORUM, Tmux, needs_tmux, wait_for

pytestmark = [pytest.mark.slow, needs_tmux]


def saved(path: Path, check) -> bool:
    try:
        return bool(check(load(path)))
    except Exception:
        return False


def test_a_whole_forum_from_the_keys_alone(tmp_path: Path, tmux: Tmux) -> None:
    folder = tmp_path / "sessions"
    new = ("new", "--template", "po-forum", "--title", "PO Forum #3", "--date", "2026-12-01")
    made = subprocess.run(
        [str(POFORUM), *new, "--dir", str(folder)],
        capture_output=True,
        text=True,
        check=True,
    )
    path = Path(made.stdout.strip())
    assert path == folder / "2026-12-01-po-forum-3.toml"

    # Run the agenda: start the first item, then move on to the second.
    tmux.start("m", str(POFORUM), str(path))
    tmux.wait("m", "Follow-ups")
    tmux.keys("m", "space")
    tmux.wait("m", "▶ Now: Follow-ups")
    tmux.keys("m", "n")
    wait_for(lambda: saved(path, lambda s: s.agenda[0].status == "done"), 30, lambda: "")
    assert load(path).agenda[1].status == "running"

    # Capture a topic on the board and vote on it as a new participant.
    tmux.keys("m", "2")
    tmux.wait("m", "Collected")
    tmux.keys("m", "a")
    tmux.wait("m", "Cancel")
    tmux.keys("m", "text:Who owns the DoD?")
    tmux.wait("m", "Who owns the DoD?")
    tmux.keys("m", "Enter")
    tmux.wait("m", "1 topic so far")
    # A lone ESC must reach the app before the next key, or the two read as alt+v.
    tmux.keys("m", "Escape")
    tmux.wait_gone("m", "Cancel")
    tmux.keys("m", "v")
    tmux.wait("m", "Type part of a name")
    tmux.keys("m", "text:Dana Levi")
    tmux.wait("m", "Dana Levi")
    tmux.keys("m", "Enter")
    tmux.wait("m", "Dana Levi: 1 of")
    board_saved = wait_for(
        lambda: saved(path, lambda s: s.board.topics and s.board.topics[-1].votes),
        30,
        lambda: tmux.screen("m"),
    )
    assert board_saved

    # The clock stays on screen on the board; promote the topic: it takes the minutes of the
    # template's "Discuss the top topic" block, so the planned total does not move.
    tmux.wait("m", "▶ Refresh the forum")
    planned = sum(item.minutes for item in load(path).agenda)
    tmux.keys("m", "t")
    tmux.wait("m", "Add to agenda")
    tmux.keys("m", "Enter")
    tmux.wait("m", "the planned end stays")
    promoted = wait_for(
        lambda: saved(path, lambda s: any(i.topic for i in s.agenda)),
        30,
        lambda: tmux.screen("m"),
    )
    assert promoted
    agenda = load(path).agenda
    ids = [item.id for item in agenda]
    topic = agenda[next(i for i, item in enumerate(agenda) if item.topic)]
    assert ids.index(topic.id) == ids.index("topic-1") - 1
    assert sum(item.minutes for item in agenda) == planned
    assert topic.title == "Discuss: Who owns the DoD?"

    # Record a decision on the Decisions screen.
    tmux.keys("m", "3")
    tmux.wait("m", "Nothing recorded")
    tmux.keys("m", "a")
    tmux.wait("m", "Record a decision")
    tmux.keys("m", "text:Dana drafts one shared DoD")
    tmux.wait("m", "Dana drafts one shared DoD")
    tmux.keys("m", "Enter")
    wait_for(lambda: saved(path, lambda s: s.decisions), 30, lambda: tmux.screen("m"))

    # Quit, reopen: everything is there and the screen shows it.
    tmux.keys("m", "C-q")
    wait_for(lambda: tmux.dead("m"), 30, lambda: tmux.screen("m"))
    session = load(path)
    assert session.board.topics[-1].title == "Who owns the DoD?"
    assert session.board.topics[-1].votes == {"Dana Levi": 1}
    assert "Dana Levi" in {p.name for p in session.participants}
    assert session.decisions[0].text == "Dana drafts one shared DoD"
    assert session.agenda[0].status == "done" and session.agenda[0].spent_seconds >= 0
    tmux.start("again", str(POFORUM), str(path))
    tmux.wait("again", "Follow-ups")
    tmux.keys("again", "3")
    tmux.wait("again", "Dana drafts one shared DoD")
    tmux.keys("again", "C-q")
    wait_for(lambda: tmux.dead("again"), 30, lambda: tmux.screen("again"))

    # Export the minutes.
    minutes = subprocess.run(
        [str(POFORUM), "export", str(path), "--format", "md"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "PO Forum #3" in minutes
    assert "Who owns the DoD?" in minutes
    assert "Dana drafts one shared DoD" in minutes
