"""Exports: golden files of the examples and of hostile text, escaping and CSV-injection rules.

Update the golden files after an intended change with `POFORUM_UPDATE_GOLDEN=1 pytest`.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
from pathlib import Path

import pytest

from poforum_tui.domain.models import Session
from poforum_tui.store import load
from poforum_tui.store.export import export, export_path, write_export
from poforum_tui.store.export.escape import md
from poforum_tui.store.export.table import COLUMNS, neutralise
from tests.conftest import EXAMPLES, FORUM, KICKOFF, METASCRUM

GOLDEN = Path(__file__).parent / "golden"
SUFFIX = {"md": "md", "csv": "csv", "json": "json"}
HOSTILE = '=HYPERLINK("http://x")|[a](http://evil) <b>x</b> `c` *e* _u_ # h\n- item\r\n|| 😀'
LONG = "Å" * 2000


def hostile_session() -> Session:
    """A session with hostile text in every text field."""
    text = HOSTILE
    return Session.model_validate(
        {
            "schema": 1,
            "title": "# " + LONG + " " + text,
            "kind": "po-forum",
            "date": dt.date(2026, 12, 1),
            "facilitators": [text, "+1 caller"],
            "follows": "[prev](javascript:alert(1)).toml",
            "working_agreement": [text, "1. not a list", "> not a quote", "&amp; stays"],
            "participants": [
                {"name": text, "role": "po", "domain": "@SUM(A1)", "present": True},
                {"name": "-absent", "role": "stakeholder", "present": False},
            ],
            "agenda": [
                {"id": "i1", "title": text, "minutes": 5, "owner": text, "spent_seconds": 420},
            ],
            "board": {
                "columns": [{"id": "c1", "title": text}, {"id": "c2", "title": "Empty"}],
                "topics": [
                    {
                        "id": "t1",
                        "title": text,
                        "column": "c1",
                        "author": text,
                        "category": "\tTab",
                        "votes": {text: 2, "Dana": 1},
                    },
                ],
            },
            "decisions": [
                {
                    "id": "d1",
                    "kind": "decision",
                    "text": text,
                    "owner": text,
                    "topic": "t1",
                    "rationale": text,
                    "decided_by": "=1+1",
                },
                {
                    "id": "d2",
                    "kind": "experiment",
                    "text": LONG,
                    "hypothesis": text,
                    "measure": "-5",
                    "review": dt.date(2026, 12, 15),
                },
                {
                    "id": "d3",
                    "kind": "action",
                    "text": "\rCR start",
                    "owner": "@owner",
                    "due": dt.date(2026, 12, 8),
                    "carried_from": "[prev](javascript:alert(1)) | =1+1.toml",
                    "outcome": "escalate",
                    "escalate_to": "<Chief PO> | =cmd",
                },
            ],
        }
    )


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("POFORUM_UPDATE_GOLDEN"):
        path.write_bytes(text.encode("utf-8"))
    assert path.exists(), f"no golden file {path}: run with POFORUM_UPDATE_GOLDEN=1"
    assert text == path.read_bytes().decode("utf-8")


@pytest.mark.parametrize("fmt", ["md", "csv", "json"])
@pytest.mark.parametrize("name", [KICKOFF, FORUM, METASCRUM])
def test_examples_match_golden_files(name: str, fmt: str) -> None:
    text = export(load(EXAMPLES / name), fmt, folder=EXAMPLES)
    check_golden(f"{Path(name).stem}.{SUFFIX[fmt]}", text)


@pytest.mark.parametrize("fmt", ["md", "csv", "json"])
def test_hostile_text_matches_golden_files(fmt: str) -> None:
    check_golden(f"hostile.{SUFFIX[fmt]}", export(hostile_session(), fmt))


def test_markdown_escapes_what_would_change_the_rendering() -> None:
    assert md("a|b") == r"a\|b"
    assert md("[x](http://evil)") == r"\[x\](http\://evil)"
    assert md("<script>") == r"\<script\>"
    assert md("# title") == r"\# title"
    assert md("- item") == r"\- item"
    assert md("3. third") == r"3\. third"
    assert md("`code` *em* _u_ ~~s~~ $x$") == r"\`code\` \*em\* \_u\_ \~\~s\~\~ \$x\$"
    assert md("&amp; R&D") == r"\&amp; R&D"
    assert md("one\r\ntwo\n\nthree") == "one<br>two<br>three"
    assert md("back\\slash") == "back\\\\slash"
    assert md("see https://x.io, www.x.io, a@b.io") == r"see https\://x.io, www\.x.io, a\@b.io"
    assert md("emoji 😀 Tomás") == "emoji 😀 Tomás"


def test_hostile_markdown_keeps_every_table_row_whole() -> None:
    text = export(hostile_session(), "md")
    lines = text.splitlines()
    for table_start, line in enumerate(lines):
        if line.startswith("| ") and lines[table_start + 1].startswith("| ---"):
            width = line.count(" | ")
            for row in lines[table_start + 2 :]:
                if not row.startswith("| "):
                    break
                assert row.replace("\\|", "").count(" | ") == width, row
    headings = [line for line in lines if line.startswith("#")]
    assert all(line.startswith(("# \\#", "## ", "### ")) for line in headings), headings
    assert "](" not in text.replace("\\](", "")
    assert "<b>" not in text and "<br>" in text
    assert LONG in text


def test_csv_has_one_row_per_item_and_neutralises_formulas() -> None:
    session = hostile_session()
    rows = list(csv.DictReader(io.StringIO(export(session, "csv"), newline="")))
    assert [row["id"] for row in rows] == ["d1", "d2", "d3"]
    assert tuple(rows[0]) == COLUMNS
    for row in rows:
        for value in row.values():
            assert not value.lstrip(" ").startswith(("=", "+", "-", "@", "\t", "\r")), value
    assert rows[0]["text"] == "'" + HOSTILE
    assert rows[0]["decided_by"] == "'=1+1"
    assert rows[1]["measure"] == "'-5"
    assert rows[2]["owner"] == "'@owner"
    assert rows[2]["text"] == "'\rCR start"
    assert rows[1]["text"] == LONG
    assert rows[0]["topic"] == "'" + HOSTILE  # the topic's title, not its id


@pytest.mark.parametrize("value", ["=1", "+1", "-1", "@a", "\tx", "\rx", " =1", "＝1"])
def test_neutralise_formula_starts(value: str) -> None:
    assert neutralise(value) == "'" + value


@pytest.mark.parametrize("value", ["", "plain", "2026-12-01", "a=b", "'quoted"])
def test_neutralise_leaves_plain_text(value: str) -> None:
    assert neutralise(value) == value


def test_json_is_the_models_own_json_and_loads_back() -> None:
    session = hostile_session()
    data = json.loads(export(session, "json"))
    assert data["schema"] == 1
    assert Session.model_validate(data) == session


def test_write_export_goes_beside_the_session_file(sessions_dir: Path) -> None:
    path = sessions_dir / FORUM
    session = load(path)
    for fmt, suffix in (("md", ".minutes.md"), ("csv", ".decisions.csv"), ("json", ".json")):
        target = write_export(session, path, fmt)
        assert target == export_path(path, fmt) == path.with_name(path.stem + suffix)
        assert target.read_bytes().decode("utf-8") == export(session, fmt, folder=sessions_dir)


def test_unknown_format_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown export format"):
        export(hostile_session(), "pdf")


def test_hostile_minutes_render_as_typed_in_a_gfm_renderer() -> None:
    """Rendered by markdown-it (GFM tables, strikethrough, linkify), user text stays text."""
    import html
    import re

    from markdown_it import MarkdownIt

    rendered = MarkdownIt("gfm-like").render(export(hostile_session(), "md"))
    assert "<a " not in rendered and "<img" not in rendered
    assert "<code>" not in rendered and "<s>" not in rendered and "<b>" not in rendered
    assert rendered.count("<h1>") == 1
    assert "<li>- item" not in rendered and "<h1>h" not in rendered
    for table in re.findall(r"<table>.*?</table>", rendered, flags=re.S):
        header = len(re.findall(r"<th[ >]", table))
        for row in re.findall(r"<tr>(.*?)</tr>", table, flags=re.S)[1:]:
            assert len(re.findall(r"<td[ >]", row)) == header, row
    lines = [line.strip() for line in HOSTILE.replace("\r\n", "\n").split("\n")]
    as_typed = "<br>".join(html.escape(line, quote=False) for line in lines)
    assert f"<td>{as_typed}</td>" in rendered.replace("&quot;", '"')


def minutes_session() -> Session:
    """A session with outcomes, notes on topics, voters and an overrun, for the minutes."""
    session = load(EXAMPLES / FORUM)
    topics = list(session.board.topics)
    topics[0] = topics[0].model_copy(
        update={
            "notes": "Agreed to try it for two sprints.\n@maya to write it up",
            "votes": {"Maya Goldberg": 2, "Noa Barak": 1},
        }
    )
    agenda = list(session.agenda)
    agenda[0] = agenda[0].model_copy(update={"status": "done", "spent_seconds": 17 * 60 + 40})
    agenda[1] = agenda[1].model_copy(update={"status": "done", "spent_seconds": 9 * 60 + 10})
    decisions = list(session.decisions)
    decisions[0] = decisions[0].model_copy(update={"outcome": "done", "status": "done"})
    return session.model_copy(
        update={
            "agenda": tuple(agenda),
            "decisions": tuple(decisions),
            "board": session.board.model_copy(update={"topics": tuple(topics)}),
        }
    )


@pytest.mark.parametrize("votes", [True, False], ids=["with-votes", "no-votes"])
def test_minutes_match_golden_files(votes: bool) -> None:
    text = export(minutes_session(), "md", votes=votes, folder=EXAMPLES)
    check_golden(f"minutes-{'votes' if votes else 'no-votes'}.md", text)


def test_minutes_put_decisions_first_and_the_board_after_the_agenda() -> None:
    text = export(minutes_session(), "md", folder=EXAMPLES)
    order = [
        "## Present",
        "## Decisions",
        "## Experiments",
        "## Actions",
        "## Follow-ups",
        "## Agenda, planned and actual",
        "## Board",
    ]
    assert [text.index(heading) for heading in order] == sorted(
        text.index(heading) for heading in order
    )


def test_minutes_say_minutes_not_clock_times() -> None:
    text = export(minutes_session(), "md")
    assert "| 1 | Follow-ups | Maya Goldberg | done | 15 min | 18 min (+3 min) |" in text
    assert "| 2 | Refresh the forum backlog | Noa Barak | done | 10 min | 9 min |" in text
    assert "**1 h 30 min**" in text and "15:00" not in text


def test_no_votes_leaves_out_who_voted_but_keeps_tallies() -> None:
    with_votes = export(minutes_session(), "md")
    without = export(minutes_session(), "md", votes=False)
    assert "Maya Goldberg ×2" in with_votes and "×2" not in without
    assert "| Voters |" not in without and "| 3 | " in without
    assert "who voted for what is left out" in without


def test_nothing_becomes_a_mention() -> None:
    text = export(minutes_session(), "md")
    assert "\\@maya to write it up" in text
    assert md("@maya and a@b.c") == "\\@maya and a\\@b.c"


def test_previous_sessions_are_named_by_title_when_the_folder_is_known() -> None:
    text = export(minutes_session(), "md", folder=EXAMPLES)
    assert "- **Follows:** PO Forum #1 — kickoff" in text
    assert "| PO Forum #1 — kickoff |" in text and "kickoff.toml" not in text
    assert "2026-11-03-po-forum-kickoff.toml" in export(minutes_session(), "md")


def test_topic_notes_are_exported_under_their_column() -> None:
    text = export(minutes_session(), "md")
    title = minutes_session().board.topics[0].title
    assert f"- **{md(title)}:** Agreed to try it for two sprints.<br>\\@maya to write it up" in text


def test_cli_export_no_votes(capsys) -> None:
    from poforum_tui.cli import main

    assert main(["export", str(EXAMPLES / FORUM), "--no-votes"]) == 0
    out = capsys.readouterr().out
    assert "| Voters |" not in out and "PO Forum #1 — kickoff" in out
