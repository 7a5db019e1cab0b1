"""`poforum --version` and `templates` start without pydantic, Textual or typing (issue 18), and
the store package's lazy names stay the functions they name."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
HEAVY = ("pydantic", "textual", "rich", "typing", "poforum_tui.domain")
PROBE = """
import contextlib, io, sys
from poforum_tui.cli import main
with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):
    main({argv!r})
print(" ".join(sorted(m for m in sys.modules if m.split(".")[0] in {heavy!r} or m in {heavy!r})))
"""


@pytest.mark.parametrize("argv", [["--version"], ["templates"], ["new", "--help"]])
def test_light_commands_import_no_models(argv: list[str]) -> None:
    heavy = set(HEAVY)
    done = subprocess.run(
        [sys.executable, "-c", PROBE.format(argv=argv, heavy=heavy)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.split() == []


def test_store_names_are_functions_whatever_was_imported_first() -> None:
    code = (
        "import poforum_tui.store.load, poforum_tui.store.save\n"
        "from poforum_tui import store\n"
        "from poforum_tui.store import load, save\n"
        "assert callable(load) and callable(save), (load, save)\n"
        "assert store.load is load and store.save is save\n"
        "assert store.load.__module__ == 'poforum_tui.store.load'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


@pytest.mark.parametrize("own_loader", [False, True])
def test_pydantic_plugin_loader_is_skipped_unless_asked_for(own_loader: bool) -> None:
    code = (
        "import sys\n"
        "from poforum_tui.store import load\n"
        "session = load('sessions/2026-11-17-po-forum.toml')\n"
        "assert session.board.topics\n"
        "print(sorted(m for m in ('importlib.metadata', 'email', 'zipfile', 'csv')"
        " if m in sys.modules))\n"
    )
    env = {**os.environ, "POFORUM_PYDANTIC_PLUGINS": "1" if own_loader else ""}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env, cwd=ROOT
    )
    imported = "importlib.metadata" in done.stdout
    assert imported is own_loader, done.stdout


def test_template_descriptions_read_without_a_parser_match_the_toml() -> None:
    import tomllib

    from poforum_tui.store.templates import FOLDER, description, list_templates

    shown = {template.name: template.description for template in list_templates()}
    for path in FOLDER.glob("*.toml"):
        text = path.read_text(encoding="utf-8")
        assert shown[path.stem] == tomllib.loads(text)["description"] != ""
    escaped = 'schema = 1\ndescription = "Say \\"hi\\" \\u00e9"\n'
    assert description(escaped) == 'Say "hi" é'  # not the plain form: parsed as TOML
