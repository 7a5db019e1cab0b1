"""Drive the installed `poforum` in a private tmux server, as a person at a terminal would."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

needs_tmux = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")

POFORUM = Path(sys.executable).with_name("poforum")


class Tmux:
    """A private tmux server (own socket, no user config) running poforum in named sessions."""

    def __init__(self, folder: Path) -> None:
        self.socket = folder / "tmux.sock"

    def run(self, *args: str) -> str:
        result = subprocess.run(
            ["tmux", "-S", str(self.socket), "-f", os.devnull, *args],
            capture_output=True,
            text=True,
            timeout=10,
            check=True,
        )
        return result.stdout

    def start(self, name: str, *command: str) -> None:
        line = " ".join(f"'{part}'" for part in command)
        self.run(
            *("new-session", "-d", "-s", name, "-x", "100", "-y", "30"),
            *("-e", "TERM=xterm-256color", "-e", "COLORTERM=truecolor"),
            f"exec {line}",
        )
        self.run("set-option", "-t", name, "remain-on-exit", "on")

    def screen(self, name: str) -> str:
        return self.run("capture-pane", "-p", "-t", name)

    def pid(self, name: str) -> int:
        return int(self.run("display-message", "-p", "-t", name, "#{pane_pid}").strip())

    def dead(self, name: str) -> bool:
        return self.run("display-message", "-p", "-t", name, "#{pane_dead}").strip() == "1"

    def keys(self, name: str, *keys: str) -> None:
        for key in keys:
            if key.startswith("text:"):
                self.run("send-keys", "-t", name, "-l", key.removeprefix("text:"))
            else:
                self.run("send-keys", "-t", name, key)
            time.sleep(0.15)

    def wait(self, name: str, text: str, seconds: float = 30) -> str:
        return wait_for(lambda: text in self.screen(name), seconds, lambda: self.screen(name))

    def wait_gone(self, name: str, text: str, seconds: float = 30) -> str:
        return wait_for(lambda: text not in self.screen(name), seconds, lambda: self.screen(name))

    def kill(self) -> None:
        subprocess.run(["tmux", "-S", str(self.socket), "kill-server"], capture_output=True)


def wait_for(condition: Callable[[], bool], seconds: float, show: Callable[[], str]) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return show()
        time.sleep(0.1)
    raise AssertionError(f"timed out after {seconds} s; screen:\n{show()}")


def palette(tmux: Tmux, name: str, command: str) -> None:
    """Run a command-palette command, waiting for each step to show before the next key."""
    tmux.keys(name, "C-p")
    tmux.wait(name, "Search for commands")
    tmux.keys(name, f"text:{command}")
    tmux.wait(name, command)
    tmux.keys(name, "Enter")
