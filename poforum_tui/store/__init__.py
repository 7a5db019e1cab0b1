"""Session files on disk: load, save, discovery and templates. No Textual here.

Discovery and templates are imported on first use (PEP 562), so opening one session does not
pay for them at startup. `load` and `save` are imported here: they share their names with their
modules, and importing such a module later would otherwise put the module in the function's
place.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from poforum_tui.store.errors import SessionFileError
from poforum_tui.store.load import load, parse
from poforum_tui.store.save import dumps, save

_HOMES = {
    "BrokenSession": "discovery",
    "SessionCatalog": "discovery",
    "SessionSummary": "discovery",
    "discover": "discovery",
    "session_files": "discovery",
    "from_template": "templates",
    "list_templates": "templates",
    "template_names": "templates",
}

__all__ = [
    "BrokenSession",
    "SessionCatalog",
    "SessionFileError",
    "SessionSummary",
    "discover",
    "dumps",
    "from_template",
    "list_templates",
    "load",
    "parse",
    "save",
    "session_files",
    "template_names",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value


if TYPE_CHECKING:
    from poforum_tui.store.discovery import (
        BrokenSession,
        SessionCatalog,
        SessionSummary,
        discover,
        session_files,
    )
    from poforum_tui.store.templates import from_template, list_templates, template_names
