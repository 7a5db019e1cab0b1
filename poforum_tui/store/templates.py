"""The session templates shipped with poforum, and new sessions made from them."""

from __future__ import annotations

import re
from collections import namedtuple
from pathlib import Path

from poforum_tui.store.errors import SessionFileError

TYPE_CHECKING = False  # `poforum templates` imports neither pydantic nor the session models
if TYPE_CHECKING:
    import datetime as dt

    from poforum_tui.domain.models import Session

FOLDER = Path(__file__).parent.parent / "templates"
"""The package's `templates/` folder (poforum installs as files, never from a zip)."""


Template = namedtuple("Template", "name description")
"""A shipped template: its name and one-line description (a namedtuple: no typing import)."""


def _files() -> dict[str, Path]:
    return {
        entry.name.removesuffix(".toml"): entry
        for entry in FOLDER.iterdir()
        if entry.name.endswith(".toml")
    }


_PLAIN_DESCRIPTION = re.compile(r'^description = "([^"\\]*)"$', re.M)
"""The shipped templates' first line: a plain basic string, no escapes."""


def description(text: str) -> str:
    """A template's `description`: read from its plain first line (`poforum templates` then
    starts without a TOML parser, issue 18), else parsed from the whole file."""
    first = _PLAIN_DESCRIPTION.match(text)
    if first is not None:
        return first[1]
    try:  # tomli imports faster than tomllib, which imports typing
        import tomli as tomllib
    except ImportError:  # pragma: no cover - tomli is a dependency
        import tomllib  # type: ignore[no-redef]
    value = tomllib.loads(text).get("description", "")
    return value if isinstance(value, str) else ""


def list_templates() -> list[Template]:
    """Every shipped template with its one-line description, by name."""
    return [
        Template(name, description(entry.read_text(encoding="utf-8")))
        for name, entry in sorted(_files().items())
    ]


def template_names() -> list[str]:
    return sorted(_files())


def from_template(name: str, *, title: str | None = None, date: dt.date | None = None) -> Session:
    """A new session from template `name`, with its title and date set."""
    import datetime as dt

    from poforum_tui.domain.models import Session
    from poforum_tui.store.load import parse

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


_PLAIN_TITLE = re.compile(r'^title = "([^"\\]*)"$', re.M)


def template_title(name: str) -> str:
    """The title a session made from template `name` starts with ("PO Forum"); "" if none."""
    entry = _files().get(name)
    if entry is None:
        return ""
    found = _PLAIN_TITLE.search(entry.read_text(encoding="utf-8"))
    return found[1] if found is not None else ""
