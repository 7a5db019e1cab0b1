"""The session templates shipped with poforum, and new sessions made from them."""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass
from importlib import resources

from poforum_tui.domain.models import Session
from poforum_tui.store.errors import SessionFileError
from poforum_tui.store.load import parse

_PACKAGE = "poforum_tui.templates"


@dataclass(frozen=True)
class Template:
    name: str
    description: str
    title: str = ""
    """The title a session made from it starts with (the new-session form's default)."""


def _files() -> dict[str, resources.abc.Traversable]:
    folder = resources.files(_PACKAGE)
    return {
        entry.name.removesuffix(".toml"): entry
        for entry in folder.iterdir()
        if entry.name.endswith(".toml")
    }


def list_templates() -> list[Template]:
    """Every shipped template with its one-line description, by name."""
    found = []
    for name, entry in sorted(_files().items()):
        data = tomllib.loads(entry.read_text(encoding="utf-8"))
        found.append(Template(name, data.get("description", ""), data.get("title", "")))
    return found


def template_names() -> list[str]:
    return sorted(_files())


def from_template(name: str, *, title: str | None = None, date: dt.date | None = None) -> Session:
    """A new session from template `name`, with its title and date set."""
    files = _files()
    if name not in files:
        known = ", ".join(sorted(files))
        raise SessionFileError.whole_file(f"template {name}", f"no such template (known: {known})")
    session = parse(files[name].read_bytes(), f"template {name}")
    data = session.model_dump(by_alias=True)
    data.pop("description", None)
    if title is not None:
        data["title"] = title
    data["date"] = date or dt.date.today()
    return Session.model_validate(data)
