"""Per-user settings: the theme and key remapping, in a small TOML file in the config folder.

The file is `$POFORUM_CONFIG` if set, else `$XDG_CONFIG_HOME/poforum/settings.toml`, else
`~/.config/poforum/settings.toml`. A broken settings file never stops the app: it is reported
and the defaults are used, and it is never rewritten (the user's `[keys]` stay theirs).
Reading refuses anything but a regular file up to MAX_BYTES, without waiting (a FIFO,
`/dev/zero`). Remembering a theme changes only the `theme` line: comments and other keys stay.

    theme = "poforum-contrast"
    room_host = "0.0.0.0"       # where the room (j) listens; 127.0.0.1 keeps it on this machine
    room_port = 8765            # 0 picks a free port

    [keys]                      # binding id = key(s); ids are listed in the help panel
    go-board = "2,b"
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import tomli_w

from poforum_tui.store.atomic import write_atomic
from poforum_tui.store.toml_parser import tomllib  # the parser the session files use

MAX_BYTES = 64 * 1024
"""A settings file is a few lines; anything bigger is not one."""

_THEME_LINE = re.compile(r'^[ \t]*(theme|"theme"|\'theme\')[ \t]*=.*(\n|$)', re.M)
_FIRST_TABLE = re.compile(r"^[ \t]*\[", re.M)


class SettingsNotSaved(OSError):
    """The settings file was left as it is (it could not be read); says why."""


@dataclass(frozen=True)
class Settings:
    theme: str | None = None
    keys: dict[str, str] = field(default_factory=dict)
    room_host: str | None = None
    room_port: int | None = None
    problem: str | None = None
    """Why the file could not be used, if it could not."""

    def with_theme(self, theme: str) -> Settings:
        return replace(self, theme=theme)


def settings_path() -> Path:
    explicit = os.environ.get("POFORUM_CONFIG")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config"
    return Path(base) / "poforum" / "settings.toml"


class _Unreadable(Exception):
    """Why a settings file cannot be used (the message names the file)."""


def load_settings(path: Path | None = None) -> Settings:
    """The user's settings; defaults (with `problem` set) when the file is unusable."""
    path = path or settings_path()
    try:
        text = _read(path)
        data = _parse(text, path) if text is not None else {}
    except _Unreadable as error:
        return Settings(problem=f"{error}; using the defaults")
    theme = data.get("theme")
    keys = data.get("keys", {})
    if theme is not None and not isinstance(theme, str):
        return Settings(problem=f"{path}: theme must be a name in quotes; using the defaults")
    if not isinstance(keys, dict):
        return Settings(
            theme=theme, problem=f'{path}: [keys] maps binding ids to keys, like go-board = "b"'
        )
    bad = [name for name, value in keys.items() if not isinstance(value, str)]
    if bad:
        return Settings(
            theme=theme,
            keys={k: v for k, v in keys.items() if isinstance(v, str)},
            problem=f'{path}: [keys] {bad[0]}: the keys go in quotes, like {bad[0]} = "b"',
        )
    room_host, room_port = data.get("room_host"), data.get("room_port")
    if room_host is not None and not (isinstance(room_host, str) and room_host.strip()):
        return Settings(
            theme=theme,
            keys=dict(keys),
            problem=f"{path}: room_host must be an "
            'address in quotes, like room_host = "127.0.0.1"; using the defaults',
        )
    if room_port is not None and not (
        isinstance(room_port, int) and not isinstance(room_port, bool) and 0 <= room_port < 65536
    ):
        return Settings(
            theme=theme,
            keys=dict(keys),
            problem=f"{path}: room_port must be a "
            "port number 0..65535 (0 picks a free one); using the defaults",
        )
    return Settings(theme=theme, keys=dict(keys), room_host=room_host, room_port=room_port)


def save_settings(settings: Settings, path: Path | None = None) -> None:
    """Write the theme, the room's address and the keys, keeping everything else in the file.

    Raises SettingsNotSaved when the file there cannot be read (it is never replaced then),
    OSError when writing fails.
    """
    path = path or settings_path()
    try:
        text = _read(path)
        data = _parse(text, path) if text is not None else {}
    except _Unreadable as error:
        raise SettingsNotSaved(f"{error}; left as it is (fix it, then choose again)") from None
    text = text or ""
    found = data.get("keys")
    on_file: dict[str, Any] = found if isinstance(found, dict) else {}
    room = {"room_host": settings.room_host, "room_port": settings.room_port}
    scalars = {key: value for key, value in room.items() if value is not None}
    if {k: v for k, v in on_file.items() if isinstance(v, str)} != dict(settings.keys) or any(
        data.get(key) != value for key, value in scalars.items()
    ):  # written whole: what it does not set stays as it was
        kept = {k: v for k, v in data.items() if k not in ("theme", *scalars, "keys")}
        data = {**({"theme": settings.theme} if settings.theme else {}), **scalars, **kept}
        if settings.keys:
            data["keys"] = dict(settings.keys)
        new_text = tomli_w.dumps(data)
    else:  # the theme only: one line changes, comments and everything else stay
        new_text = _with_theme_line(text, settings.theme)
    if new_text == text and path.exists():
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, new_text.encode("utf-8"))


def keymap_problems(
    keys: dict[str, str], known_ids: Iterable[str], is_key: Callable[[str], bool]
) -> list[str]:
    """What is wrong in `[keys]`: binding ids no screen has, key names no keyboard sends.

    `is_key` tells a valid key name (the UI knows them); each problem names its entry.
    """
    known = set(known_ids)
    problems = []
    for binding_id, value in keys.items():
        if binding_id not in known:
            problems.append(f"[keys] {binding_id}: no such binding id (see the help panel)")
            continue
        names = [name.strip() for name in value.split(",")]
        bad = [name for name in names if not name or not is_key(name)]
        if bad:
            problems.append(f"[keys] {binding_id}: {bad[0]!r} is not a key name")
    return problems


def _with_theme_line(text: str, theme: str | None) -> str:
    """`text` with its top-level `theme = ...` line set to `theme` (or removed)."""
    first_table = _FIRST_TABLE.search(text)
    split = first_table.start() if first_table else len(text)
    top, rest = text[:split], text[split:]
    line = tomli_w.dumps({"theme": theme}) if theme else ""
    found = _THEME_LINE.search(top)
    top = _THEME_LINE.sub(lambda _: line, top, count=1) if found else line + top
    return top + rest


def _read(path: Path) -> str | None:
    """The file's text (None when there is none), refusing what is not a small regular file."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except FileNotFoundError:
        return None
    except OSError as error:
        raise _Unreadable(f"{path}: {error.strerror or error}") from None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise _Unreadable(f"{path}: not a regular file")
        raw = handle.read(MAX_BYTES + 1)
    if len(raw) > MAX_BYTES:
        raise _Unreadable(f"{path}: larger than {MAX_BYTES // 1024} KB, so not a settings file")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        raise _Unreadable(f"{path}: not UTF-8 text") from None


def _parse(text: str, path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise _Unreadable(f"{path}: {error}") from None
