"""Session files on disk: load, save, discovery and templates. No Textual here."""

from poforum_tui.store.discovery import (
    BrokenSession,
    SessionCatalog,
    SessionSummary,
    discover,
    session_files,
)
from poforum_tui.store.errors import SessionFileError
from poforum_tui.store.load import load, parse
from poforum_tui.store.save import dumps, save
from poforum_tui.store.templates import from_template, list_templates, template_names

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
