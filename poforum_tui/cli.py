"""Command line: `poforum [PATH | --dir DIR]` opens the app; subcommands work without it.

Each command imports what it needs when it runs: Textual only when the app opens, exports only
for `export`, so every command starts without paying for the others.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from poforum_tui import __version__
from poforum_tui.store.errors import SessionFileError
from poforum_tui.store.terminal_text import say, write_data

TYPE_CHECKING = False  # `--version` and `templates` import no more than they need (issue 18)
if TYPE_CHECKING:
    import datetime as dt

    from poforum_tui.app import PoforumApp

PROG = "poforum"


def default_dir() -> Path:
    """`$POFORUM_SESSIONS`, else `./sessions`."""
    return Path(os.environ.get("POFORUM_SESSIONS") or "sessions")


def iso_date(text: str) -> dt.date:
    import datetime as dt

    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2026-12-01") from None


def _open_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Prepare, run live and review PO forums, PO syncs and MetaScrum events.",
        epilog="Subcommands: "
        + ", ".join(SUBCOMMANDS)
        + f". Run '{PROG} SUBCOMMAND --help' for each.",
    )
    parser.add_argument("path", nargs="?", type=Path, help="a session file to open on its Agenda")
    parser.add_argument(
        "--dir", type=Path, help="session folder (default: $POFORUM_SESSIONS or ./sessions)"
    )
    parser.add_argument(
        "--theme", help="colour theme, e.g. poforum-contrast for screen sharing (remembered)"
    )
    parser.add_argument(
        "--room-host",
        help="where the room (j) listens (default: room_host in settings, else 0.0.0.0, "
        "reachable from the network; 127.0.0.1 keeps it on this machine)",
    )
    parser.add_argument(
        "--room-port",
        type=_port,
        help="the room's port (default: room_port in settings, else 8765; 0 picks a free one)",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    return parser


def _port(text: str) -> int:
    if not text.isdigit() or int(text) > 65535:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port (0..65535; 0 picks a free one)")
    return int(text)


def _sub(name: str, help_text: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=f"{PROG} {name}", description=help_text)
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    return parser


def cmd_new(argv: Sequence[str]) -> int:
    parser = _sub(
        "new",
        "Create a session file from a template, or (--from) the session that follows a previous "
        "one: its people, agreement, open items and backlog carried over.",
    )
    parser.add_argument(
        "--from", dest="previous", type=Path, metavar="PREVIOUS.toml", help="carry over from"
    )
    parser.add_argument(
        "--template",
        default=None,
        help="template name (see 'poforum templates'; default: po-forum, or with --from the "
        "previous session's kind)",
    )
    parser.add_argument("--title", help="the session's title (with --from: the next number)")
    parser.add_argument(
        "--date",
        type=iso_date,
        default=None,
        help="YYYY-MM-DD (default: today; with --from, the previous date plus the usual cadence)",
    )
    parser.add_argument(
        "--dir", type=Path, default=None, help="where to write it (with --from: beside it)"
    )
    args = parser.parse_args(argv)
    if args.title is not None and not args.title.strip():
        parser.error("--title must not be empty")
    from poforum_tui.domain.errors import DomainError
    from poforum_tui.store.carryover import followers, new_from_template, session_after
    from poforum_tui.store.create import create_session_file

    if args.previous is not None:
        try:
            session = session_after(
                args.previous, template=args.template, title=args.title, date=args.date
            )
        except DomainError as error:
            say(f"{PROG}: cannot carry over {args.previous}: {error}", file=sys.stderr)
            return 1
        folder = args.dir or args.previous.parent
        for follower in followers(args.previous):
            say(f"{PROG}: note: {follower} already follows {args.previous.name}", file=sys.stderr)
    else:
        if args.title is None:
            parser.error("--title is required (or --from PREVIOUS.toml)")
        folder = args.dir or default_dir()
        session = new_from_template(
            folder, args.template or "po-forum", title=args.title.strip(), date=args.date
        )
    try:
        path = create_session_file(folder, session)
    except OSError as error:
        say(f"{PROG}: {error}", file=sys.stderr)
        return 1
    say(path)
    return 0


def cmd_check(argv: Sequence[str]) -> int:
    parser = _sub(
        "check",
        "Check session files (or the session files in a folder): every problem at once, as "
        "path:line:col: message, sorted by line; 'ok' for a file without errors. Exits 1 if "
        "any file has an error (warnings alone do not fail).",
    )
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    args = parser.parse_args(argv)
    from poforum_tui.store.check import problems
    from poforum_tui.store.discovery import session_files
    from poforum_tui.store.limits import read_limited
    from poforum_tui.store.terminal_text import terminal_safe

    files: list[Path] = []
    for path in args.paths:
        if path.is_dir():
            found = session_files(path)
            if not found:
                print(terminal_safe(f"{path}: no session files (*.toml) here"), file=sys.stderr)
            files += found
        else:
            files.append(path)
    failed = 0
    for path in files:
        try:
            found_problems = problems(read_limited(path), path, folder=path.parent)
        except SessionFileError as error:
            print(terminal_safe(str(error)))
            failed += 1
            continue
        except OSError as error:
            print(terminal_safe(f"{path}: cannot read: {error.strerror or error}"))
            failed += 1
            continue
        for problem in found_problems:
            print(terminal_safe(problem.format(path)))
        warnings = sum(problem.warning for problem in found_problems)
        if warnings == len(found_problems):
            suffix = f" ({warnings} warning{'s' if warnings != 1 else ''})" if warnings else ""
            print(terminal_safe(f"{path}: ok{suffix}"))
        else:
            failed += 1
    return 1 if failed else 0


def cmd_templates(argv: Sequence[str]) -> int:
    _sub("templates", "List the session templates.").parse_args(argv)
    from poforum_tui.store import list_templates

    templates = list_templates()
    width = max(len(t.name) for t in templates)
    for template in templates:
        say(f"{template.name:<{width}}  {template.description}")
    return 0


def cmd_log(argv: Sequence[str]) -> int:
    parser = _sub(
        "log",
        "Print every decision, experiment, action and dependency across the sessions, newest "
        "first; a carried item once, with its latest status, OVERDUE when its date has passed "
        "and how many sessions it has been open.",
    )
    parser.add_argument(
        "--dir", type=Path, default=None, help="session folder (default: ./sessions)"
    )
    parser.add_argument("--open", action="store_true", help="only items still open")
    parser.add_argument("--owner", metavar="NAME", help="only items whose owner contains NAME")
    parser.add_argument(
        "--kind",
        choices=("decision", "experiment", "action", "dependency"),
        help="only items of this kind",
    )
    args = parser.parse_args(argv)
    folder = args.dir or default_dir()
    if not folder.is_dir():
        say(f"{PROG}: {folder} is not a folder of sessions", file=sys.stderr)
        return 1
    from poforum_tui.store.log_rows import folder_rows, format_lines, select

    rows, broken = folder_rows(folder)
    for error in broken:
        say(f"{PROG}: skipped {error}", file=sys.stderr)
    entries = select(rows, kind=args.kind, open_only=args.open, owner=args.owner)
    if not entries:
        say("No decisions, experiments, actions or dependencies match.", file=sys.stderr)
        return 0
    from poforum_tui.domain.clock import SystemClock

    say("\n".join(format_lines(entries, SystemClock().now().date())))  # overdue: before today
    return 0


def cmd_export(argv: Sequence[str]) -> int:
    from poforum_tui.store import load
    from poforum_tui.store.export import FORMATS, WHAT, export
    from poforum_tui.store.export.target import ExportRefused, write_export_file

    parser = _sub(
        "export",
        "Export a session: Markdown minutes, CSV of decisions, experiments and actions (or of "
        "dependencies, --what dependencies), or JSON.",
    )
    parser.add_argument("path", type=Path, metavar="PATH", help="the session file")
    parser.add_argument("--format", "-f", choices=list(FORMATS), default="md", dest="fmt")
    parser.add_argument(
        "--what",
        choices=list(WHAT),
        default="decisions",
        help="with -f csv: a row per decision, experiment and action (default) or per dependency",
    )
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        default=None,
        help="file to write, with the session file's permissions (default: standard output); "
        "an existing file only if it is an export of this session",
    )
    parser.add_argument(
        "--force",
        action="store_true",
        help="overwrite an existing file that is not an export of this session (never the "
        "session itself, nor a file another poforum has open)",
    )
    parser.add_argument(
        "--no-votes",
        action="store_true",
        help="minutes without who voted for what (the tallies stay), if the agreement asks it",
    )
    args = parser.parse_args(argv)
    if args.what != "decisions" and args.fmt != "csv":
        parser.error(f"--what {args.what} needs -f csv")
    session = load(args.path)
    text = export(session, args.fmt, args.what, votes=not args.no_votes, folder=args.path.parent)
    if args.output is None or str(args.output) == "-":
        write_data(text)
        return 0
    try:
        write_export_file(args.output, text, session, args.path, force=args.force)
    except ExportRefused as error:
        hint = "; add --force to overwrite it" if error.forcible else ""
        say(f"{PROG}: not written: {error.reason}{hint}", file=sys.stderr)
        return 1
    except OSError as error:
        say(f"{PROG}: cannot write {args.output}: {error.strerror or error}", file=sys.stderr)
        return 1
    say(args.output, file=sys.stderr)
    return 0


def cmd_review(argv: Sequence[str]) -> int:
    parser = _sub("review", "Open a session read-only: nothing can change and nothing is written.")
    parser.add_argument("path", type=Path, metavar="PATH", help="the session file")
    args = parser.parse_args(argv)
    pause_collector()
    from poforum_tui.store import load

    session = load(args.path)
    from poforum_tui.app import PoforumApp

    return run_app(
        PoforumApp(folder=args.path.parent, path=args.path, session=session, read_only=True)
    )


def cmd_serve(argv: Sequence[str]) -> int:
    parser = _sub(
        "serve",
        "Run the room without the TUI: participants join from their browser, add topics and "
        "vote; this process is the session file's one writer until Ctrl+C or SIGTERM.",
    )
    parser.add_argument("path", type=Path, metavar="PATH", help="the session file")
    parser.add_argument(
        "--host",
        default=None,
        help="address to listen on (default 0.0.0.0: reachable from the network; "
        "127.0.0.1 keeps it on this machine)",
    )
    parser.add_argument(
        "--port", type=_port, default=None, help="port (default 8765; 0 picks a free one)"
    )
    args = parser.parse_args(argv)
    import asyncio

    from poforum_tui.domain.clock import SystemClock
    from poforum_tui.room.headless import serve
    from poforum_tui.room.server import DEFAULT_HOST, DEFAULT_PORT

    host = DEFAULT_HOST if args.host is None else args.host
    port = DEFAULT_PORT if args.port is None else args.port
    return asyncio.run(serve(args.path, host, port, SystemClock()))


SUBCOMMANDS: dict[str, Callable[[Sequence[str]], int]] = {
    "new": cmd_new,
    "check": cmd_check,
    "templates": cmd_templates,
    "log": cmd_log,
    "export": cmd_export,
    "review": cmd_review,
    "serve": cmd_serve,
}


def pause_collector() -> None:
    """No cyclic garbage collection until the app's first frame: opening builds ~70,000
    long-lived objects (Textual, pydantic, the session), and the collector would walk them
    several times (~50 ms) before anything is on screen. The app collects once, freezes what
    it built and resumes the collector once the first screen is shown
    (`PoforumApp.resume_collector`)."""
    gc.disable()


def run_app(app: PoforumApp) -> int:
    """Run the app; its exit status (1 when it stopped on an error, which it has printed)."""
    app.run()
    return app.return_code or 0


def cmd_open(argv: Sequence[str]) -> int:
    args = _open_parser().parse_args(argv)
    pause_collector()
    if args.path is not None:
        from poforum_tui.store import load

        try:
            session = load(args.path)
        except SessionFileError as error:
            say(error, file=sys.stderr)
            return 1
        from poforum_tui.app import PoforumApp

        return run_app(
            PoforumApp(args.path.parent, path=args.path, session=session, **_app_options(args))
        )
    from poforum_tui.app import PoforumApp

    return run_app(PoforumApp(args.dir or default_dir(), **_app_options(args)))


def _app_options(args: argparse.Namespace) -> dict:
    return {"theme": args.theme, "room_host": args.room_host, "room_port": args.room_port}


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv and argv[0] in SUBCOMMANDS:
            return SUBCOMMANDS[argv[0]](argv[1:])
        return cmd_open(argv)
    except SessionFileError as error:
        say(error, file=sys.stderr)
        return 1
