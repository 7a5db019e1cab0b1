"""Per-user settings: the theme and key remapping, in a small TOML file in the config folder.

The file is `$POFORUM_CONFIG` if set, else `$XDG_CONFIG_HOME/poforum/settings.toml`, else
`~/.config/poforum/settings.toml`. A broken settings file never stops the app: it is reported
and the defaults are used (and it is not overwritten until the user changes a setting).

    theme = "poforum-contrast"
    room_host = "0.0.0.0"       # where the room (j) listens; 127.0.0.1 keeps it on this machine
    room_port = 8765            # 0 picks a free port

    [keys]                      # binding id = key(s); ids are listed in the help panel
    go-board = "2,b"
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

import tomli_w

from poforum_tui.store.load import tomllib  # the parser the session files use, loaded already
from poforum_tui.store.save import write_atomic


@dataclass(frozen=True)
class Settings:
    theme: str | None = None
    keys: dict[str, str] = field(default_factory=dict)
    room_host: str | None = None
    room_port: int | None = None
    problem: str | None = None
    """Why the file could not be used, if it could not."""

    def with_theme(self, theme: str) -> Settings:
        return replace(self, theme=theme, problem=None)


def settings_path() -> Path:
    explicit = os.environ.get("POFORUM_CONFIG")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config"
    return Path(base) / "poforum" / "settings.toml"


def load_settings(path: Path | None = None) -> Settings:
    """The user's settings; defaults (with `problem` set) when the file is unusable."""
    path = path or settings_path()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Settings()
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        return Settings(problem=f"{path}: {error}; using the defaults")
    theme = data.get("theme")
    keys = data.get("keys", {})
    if theme is not None and not isinstance(theme, str):
        return Settings(problem=f"{path}: theme must be a name in quotes; using the defaults")
    if not isinstance(keys, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in keys.items()
    ):
        return Settings(
            theme=theme, problem=f'{path}: [keys] maps binding ids to keys, like go-board = "b"'
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
    path = path or settings_path()
    data: dict[str, object] = {}
    if settings.theme:
        data["theme"] = settings.theme
    if settings.room_host is not None:
        data["room_host"] = settings.room_host
    if settings.room_port is not None:
        data["room_port"] = settings.room_port
    if settings.keys:
        data["keys"] = dict(settings.keys)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, tomli_w.dumps(data).encode("utf-8"))
