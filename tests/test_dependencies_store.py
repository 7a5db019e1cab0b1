"""Dependencies, risks and confidence votes in the file: hypothesis round-trips, DESIGN.md's
layout, and every existing file unchanged by the new optional keys."""

from __future__ import annotations

import datetime as dt
import string
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from poforum_tui.domain.models import (
    DEPENDENCY_STATUSES,
    OUTCOMES,
    ROAM_STATES,
    ConfidenceVote,
    Dependency,
    Risk,
    Session,
)
from poforum_tui.store import dumps, load, parse
from tests.conftest import EXAMPLES
from tests.test_store_save import dates, ids, optional_text, sessions, text

# A sprint label; one that looks like a date is read as that date, so none does here.
labels = text.filter(lambda s: not (len(s.strip()) == 10 and s.strip()[4:5] == "-"))
files = st.text(string.ascii_lowercase + string.digits + "-", min_size=1, max_size=12).map(
    lambda stem: f"{stem}.toml"
)


@st.composite
def sessions_with_records(draw) -> Session:
    session = draw(sessions())
    topic_ids = [t.id for t in session.board.topics]
    decision_ids = [d.id for d in session.decisions]

    def link(choices: list[str]) -> str | None:
        return draw(st.none() | st.sampled_from(choices)) if choices else None

    dependencies = [
        Dependency(
            id=i,
            text=draw(text),
            **{"from": f"From {draw(text)}"},
            to=f"To {draw(text)}",
            needed_by=draw(st.none() | dates | labels),
            status=draw(st.sampled_from(DEPENDENCY_STATUSES)),
            owner=draw(optional_text),
            topic=link(topic_ids),
            decision=link(decision_ids),
            ref=draw(optional_text),
            raised_on=draw(st.none() | dates),
            carried_from=draw(st.none() | files),
            carried=draw(st.integers(0, 5)),
            escalate_to=draw(st.none() | st.sampled_from(["po-sync", "metascrum"])),
            escalated_on=draw(st.none() | dates),
            outcome=draw(st.none() | st.sampled_from(OUTCOMES)),
        )
        for i in draw(st.lists(ids, max_size=4, unique=True))
    ]
    risks = [
        Risk(
            id=i,
            text=draw(text),
            owner=draw(optional_text),
            follow_up=draw(st.none() | dates),
            roam=draw(st.none() | st.sampled_from(ROAM_STATES)),
            topic=link(topic_ids),
            carried=draw(st.integers(0, 3)),
        )
        for i in draw(st.lists(ids, max_size=3, unique=True))
    ]
    votes = [
        ConfidenceVote(
            id=i,
            question=draw(text),
            votes=draw(st.dictionaries(text, st.integers(1, 5), max_size=4)),
        )
        for i in draw(st.lists(ids, max_size=2, unique=True))
    ]
    return Session.model_validate(
        {
            **session.model_dump(by_alias=True),
            "dependencies": [d.model_dump(by_alias=True) for d in dependencies],
            "risks": [r.model_dump() for r in risks],
            "confidence": [v.model_dump() for v in votes],
        }
    )


@pytest.mark.slow  # 150 generated sessions: the slow tier (make test-all, CI)
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sessions_with_records())
def test_any_session_with_dependencies_and_risks_round_trips(session: Session) -> None:
    first = dumps(session)
    loaded = parse(first.encode(), "roundtrip.toml")
    assert loaded == session
    assert dumps(loaded) == first


def test_records_follow_decisions_in_the_file_like_designs_example() -> None:
    session = Session.model_validate(
        {
            "title": "PO Sync",
            "kind": "po-sync",
            "date": dt.date(2026, 12, 1),
            "decisions": [{"id": "d1", "text": "Ship the sandbox first"}],
            "dependencies": [
                {
                    "id": "dep1",
                    "text": "Payments API v3 sandbox for the Mobile team",
                    "from": "Mobile",
                    "to": "Payments",
                    "needed_by": dt.date(2026, 12, 12),
                    "status": "at-risk",
                    "owner": "Eli Cohen",
                }
            ],
            "risks": [{"id": "r1", "text": "Card scheme change", "roam": "owned", "owner": "K"}],
            "confidence": [{"id": "c1", "question": "Sprint order?", "votes": {"Eli Cohen": 4}}],
        }
    )
    text = dumps(session)
    tail = text[text.index("[[decisions]]") :]
    assert tail.index("[[dependencies]]") < tail.index("[[risks]]") < tail.index("[[confidence]]")
    assert (
        '[[dependencies]]\nid = "dep1"\ntext = "Payments API v3 sandbox for the Mobile team"\n'
        'from = "Mobile"\nto = "Payments"\nneeded_by = 2026-12-12\nstatus = "at-risk"\n'
        'owner = "Eli Cohen"\n'
    ) in text
    assert (
        '[[confidence]]\nid = "c1"\nquestion = "Sprint order?"\nvotes = { "Eli Cohen" = 4 }\n'
        in (text)
    )
    assert "carried" not in text and "outcome" not in text  # empty keys are omitted


def test_every_example_and_template_still_loads_and_saves_byte_identically() -> None:
    for path in sorted(EXAMPLES.glob("*.toml")):
        assert dumps(load(path)) == path.read_text(encoding="utf-8"), path
    templates = Path(__file__).parent.parent / "poforum_tui" / "templates"
    for path in sorted(templates.glob("*.toml")):
        session = parse(path.read_bytes(), path)
        assert parse(dumps(session).encode(), path) == session, path


def test_roam_template_is_a_board_of_the_roam_states(tmp_path: Path) -> None:
    import datetime as dt

    from poforum_tui.cli import main
    from poforum_tui.domain import board
    from poforum_tui.domain import risks as roam
    from poforum_tui.store import from_template
    from poforum_tui.store.export import export

    session = from_template("roam", title="PI 7 risks", date=dt.date(2026, 12, 3))
    assert session.kind == "po-sync"
    assert [c.id for c in session.board.columns] == ["raised", *ROAM_STATES]
    session = board.add_topic(session, "raised", "Card scheme change in Q2", author="Keiko")
    session = board.move_topic(session, "t1", 3)  # Raised → Resolved → Owned → Accepted
    session = roam.risk_from_topic(session, "t1", follow_up=dt.date(2026, 12, 17))
    assert session.risk("r1").roam == "accepted"
    assert "| Card scheme change in Q2 | Accepted | Keiko | 2026-12-17 |" in export(session, "md")
    assert main(["new", "--template", "roam", "--title", "PI 7", "--dir", str(tmp_path)]) == 0
    (made,) = tmp_path.glob("*.toml")
    assert load(made).board.column_ids() == ["raised", *ROAM_STATES]
