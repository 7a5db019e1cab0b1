"""Session files on disk: load, save, discovery and templates. No Textual here.

Every name is imported on first use (PEP 562), so `poforum --version` or `templates` do not
import pydantic, and opening one session does not pay for discovery. `load` and `save` share
their names with their modules: the package ignores the import system's setting of the module
in the function's place (`_Package`), so `store.load` is always the function.
"""

from __future__ import annotations

import sys
from importlib import import_module

from poforum_tui.store.errors import SessionFileError

TYPE_CHECKING = False  # not `typing`'s: importing typing costs `poforum --version` ~5 ms
if TYPE_CHECKING:
    from types import ModuleType
else:
    ModuleType = type(sys)  # types.ModuleType, without importing `types`

_HOMES = {
    "load": "load",
    "parse": "load",
    "dumps": "save",
    "save": "save",
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


class _Package(ModuleType):
    def __setattr__(self, name: str, value: Any) -> None:
        if name in ("load", "save") and isinstance(value, ModuleType):
            return  # the submodule, set by the import system: `store.load` is the function
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value


if TYPE_CHECKING:
    from typing import Any

    from poforum_tui.store.discovery import (
        BrokenSession,
        SessionCatalog,
        SessionSummary,
        discover,
        session_files,
    )
    from poforum_tui.store.load import load, parse
    from poforum_tui.store.save import dumps, save
    from poforum_tui.store.templates import from_template, list_templates, template_names
