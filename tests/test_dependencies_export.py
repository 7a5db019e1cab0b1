"""Exports of dependencies, risks and confidence votes: golden files of the example PO sync and
of hostile text, the dependencies CSV, and minutes of older sessions unchanged.

Update the golden files after an intended change with `POFORUM_UPDATE_GOLDEN=1 pytest`.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest

from poforum_tui.cli import main
from poforum_tui.domain.models import Session
from poforum_tui.store import load
from poforum_tui.store.export import export
from poforum_tui.store.export.dependencies_table import COLUMNS
from tests.conftest import EXAMPLES, FORUM
from tests.test_export import HOSTILE, check_golden

SYNC = "2026-12-01-po-sync-sprint-25-week-1.toml"


def hostile_sync() -> Session:
    """A PO sync with hostile text in every field of the new records."""
    return Session.model_validate(
        {
            "title": "Sync " + HOSTILE,
            "kind": "po-sync",
            "date": dt.date(2026, 12, 1),
            "decisions": [{"id": "d1", "text": "Decided"}],
            "dependencies": [
                {
                    "id": "dep1",
                    "text": HOSTILE,
                    "from": "=cmd|' /C calc'!A0",
                    "to": "<script>alert(1)</script>",
                    "needed_by": "[b]Sprint[/b] |26|",
                    "status": "blocked",
                    "owner": "@owner",
                    "ref": "[PAY-1](javascript:x)",
                    "decision": "d1",
                    "carried_from": "prev.toml",
                    "carried": 2,
                    "outcome": "escalate",
                    "escalate_to": "metascrum",
                    "escalated_from": "po-sync",
                    "decided_by": "+the MetaScrum",
                    "raised_on": dt.date(2026, 11, 17),
                },
                {
                    "id": "dep2",
                    "text": "Overdue\x1b[31m red\x07",
                    "from": "A",
                    "to": "B",
                    "needed_by": dt.date(2026, 11, 30),
                },
            ],
            "risks": [{"id": "r1", "text": HOSTILE, "owner": "-1", "roam": "owned"}],
            "confidence": [
                {"id": "c1", "question": "# " + HOSTILE, "votes": {"<b>x</b>": 1, "=y": 5}}
            ],
        }
    )


@pytest.mark.parametrize(
    ("fmt", "what", "suffix"),
    [
        ("md", "decisions", "md"),
        ("csv", "decisions", "csv"),
        ("json", "decisions", "json"),
        ("csv", "dependencies", "dependencies.csv"),
    ],
)
def test_example_sync_and_hostile_text_match_golden_files(fmt: str, what: str, suffix: str) -> None:
    check_golden(f"{Path(SYNC).stem}.{suffix}", export(load(EXAMPLES / SYNC), fmt, what))
    check_golden(f"hostile-sync.{suffix}", export(hostile_sync(), fmt, what))


def test_minutes_have_dependency_risk_and_confidence_sections() -> None:
    text = export(load(EXAMPLES / SYNC), "md")
    assert text.index("## Actions") < text.index("## Dependencies (4 open of 4)")
    assert text.index("### Payments delivers") < text.index("### Data platform delivers")
    assert "po-sync → metascrum (open 7 days, 1 session; the MetaScrum decides)" in text
    assert "| Owned | Tomás Reyes | 2026-12-15 |" in text
    assert "| 4 | Confident | 3 | ██████████ |" in text
    assert "_Hear out before closing: Tomás Reyes._" in text
    forum = export(load(EXAMPLES / FORUM), "md")
    assert "## Dependencies" not in forum and "## Risks" not in forum


def test_hostile_minutes_keep_text_as_text_and_mark_overdue() -> None:
    text = export(hostile_sync(), "md")
    assert "<script>" not in text and "\\<script\\>" in text
    assert "](" not in text.replace("\\](", "")
    assert "\x1b" not in text and "\x07" not in text
    assert "2026-11-30 **OVERDUE**" in text  # against the session's date
    lines = text.splitlines()
    for start, line in enumerate(lines):
        if line.startswith("| ") and lines[start + 1].startswith("| ---"):
            width = line.count(" | ")
            for row in lines[start + 2 :]:
                if not row.startswith("| "):
                    break
                assert row.replace("\\|", "").count(" | ") == width, row


def test_dependencies_csv_neutralises_formulas_and_counts_sessions() -> None:
    rows = list(
        csv.DictReader(io.StringIO(export(hostile_sync(), "csv", "dependencies"), newline=""))
    )
    assert tuple(rows[0]) == COLUMNS
    assert [row["id"] for row in rows] == ["dep1", "dep2"]
    for row in rows:
        for value in row.values():
            assert not value.lstrip(" ").startswith(("=", "+", "-", "@", "\t", "\r")), value
    assert rows[0]["from"] == "'=cmd|' /C calc'!A0"
    assert (rows[0]["sessions"], rows[0]["outcome"], rows[0]["decided_by"]) == (
        "3",
        "escalate",
        "'+the MetaScrum",
    )
    assert (rows[1]["needed_by"], rows[1]["overdue"]) == ("2026-11-30", "yes")


def test_json_carries_the_records_and_loads_back() -> None:
    session = load(EXAMPLES / SYNC)
    data = json.loads(export(session, "json"))
    assert data["dependencies"][0]["from"] == "Mobile"
    assert Session.model_validate(data) == session
    assert Session.model_validate(json.loads(export(hostile_sync(), "json"))) == hostile_sync()


def test_cli_exports_the_dependencies_table(capsys) -> None:
    assert main(["export", "-f", "csv", "--what", "dependencies", str(EXAMPLES / SYNC)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].startswith("session,date,id,from,to,text,needed_by")
    assert len(out.splitlines()) == 5
    with pytest.raises(SystemExit):
        main(["export", "-f", "md", "--what", "dependencies", str(EXAMPLES / SYNC)])
    assert "--what dependencies needs -f csv" in capsys.readouterr().err
    with pytest.raises(ValueError, match="is a CSV table"):
        export(load(EXAMPLES / SYNC), "json", "dependencies")
