"""Dependencies, the escalation ladder, ROAM risks and confidence votes: the pure operations."""

from __future__ import annotations

import datetime as dt

import pytest

from poforum_tui.domain import DomainError, risks
from poforum_tui.domain import confidence as votes
from poforum_tui.domain import dependencies as deps
from poforum_tui.domain.escalation import ladder_label, next_rung, who_decides
from poforum_tui.domain.models import Participant, Session
from poforum_tui.store import dumps, parse
from poforum_tui.store.errors import SessionFileError

DAY = dt.date(2026, 12, 1)


def sync(**fields) -> Session:
    people = (
        Participant(name="Maya Goldberg", role="chief-po", domain="Merchant platform"),
        Participant(name="Tomás Reyes", domain="Payments"),
        Participant(name="Jonas Weber", domain="Mobile"),
    )
    return Session(title="PO Sync", kind="po-sync", date=DAY, participants=people, **fields)


def two_dependencies() -> Session:
    session = deps.add_dependency(
        sync(), "Payments API v3 sandbox", "Mobile", "Payments", needed_by="2026-12-12"
    )
    return deps.add_dependency(session, "Risk score in the checkout", "Payments", "Risk and fraud")


def test_add_gives_ids_raised_on_and_parses_dates_and_labels() -> None:
    session = deps.add_dependency(
        two_dependencies(), "Store map", "Search", "Data", needed_by="S26"
    )
    first, _, third = session.dependencies
    assert [d.id for d in session.dependencies] == ["dep1", "dep2", "dep3"]
    assert (first.from_, first.to, first.status, first.raised_on) == (
        "Mobile",
        "Payments",
        "requested",
        DAY,
    )
    assert first.needed_by == dt.date(2026, 12, 12) and third.needed_by == "S26"
    assert parse(dumps(session).encode(), "x.toml") == session
    assert 'from = "Mobile"\nto = "Payments"\nneeded_by = 2026-12-12\n' in dumps(session)


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"text": " "}, "text: must not be empty"),
        ({"to": "mobile"}, "between two teams"),
        ({"needed_by": "2026-02-30"}, "not a day in the calendar"),
        ({"topic": "t9"}, "'t9' is not a topic"),
        ({"decision": "d9"}, "'d9' is not a decision"),
        ({"status": "late"}, "status"),
    ],
)
def test_bad_dependencies_are_refused_with_the_reason(fields: dict, message: str) -> None:
    args = {"text": "Sandbox", "from_": "Mobile", "to": "Payments", **fields}
    with pytest.raises(DomainError, match=message):
        deps.add_dependency(sync(), args.pop("text"), args.pop("from_"), args.pop("to"), **args)


def test_edit_delete_and_status() -> None:
    session = deps.edit_dependency(two_dependencies(), "dep1", from_="Onboarding", owner="Jonas")
    assert (session.dependency("dep1").from_, session.dependency("dep1").owner) == (
        "Onboarding",
        "Jonas",
    )
    with pytest.raises(DomainError, match="between two teams"):
        deps.edit_dependency(session, "dep1", to="onboarding")
    cycled = [session := deps.cycle_status(session, "dep2") for _ in range(6)]
    assert [s.dependency("dep2").status for s in cycled] == [
        "agreed",
        "at-risk",
        "blocked",
        "done",
        "dropped",
        "requested",
    ]
    assert [d.id for d in deps.delete_dependency(session, "dep1").dependencies] == ["dep2"]
    with pytest.raises(DomainError, match="no dependency 'dep7'"):
        deps.delete_dependency(session, "dep7")


def test_overdue_and_urgent_ones_come_first_in_their_group() -> None:
    session = two_dependencies()
    session = deps.add_dependency(session, "Refund webhooks", "Onboarding", "Payments")
    session = deps.add_dependency(session, "Old thing", "Search", "Payments", status="done")
    session = deps.set_status(session, "dep3", "blocked")
    today = dt.date(2026, 12, 13)  # dep1 needed by the 12th: overdue
    assert deps.is_overdue(session.dependency("dep1"), today)
    assert not deps.is_overdue(session.dependency("dep1"), DAY)
    groups = deps.grouped(session.dependencies, today)
    assert [(name, [d.id for d in items]) for name, items in groups] == [
        ("Payments", ["dep1", "dep3", "dep4"]),
        ("Risk and fraud", ["dep2"]),
    ]
    by_from = deps.grouped(session.dependencies, DAY, by="from")
    assert [name for name, _ in by_from] == ["Onboarding", "Mobile", "Payments", "Search"]
    with pytest.raises(DomainError, match="group by to or from"):
        deps.grouped(session.dependencies, DAY, by="owner")


def test_escalation_climbs_the_ladder_and_names_who_decides() -> None:
    session = deps.escalate(two_dependencies(), "dep1", "metascrum")
    dep1 = session.dependency("dep1")
    assert (dep1.escalate_to, dep1.escalated_from, dep1.escalated_on, dep1.decided_by) == (
        "metascrum",
        "po-sync",
        DAY,
        "the MetaScrum",
    )
    assert ladder_label(dep1.escalated_from, dep1.escalate_to) == "po-sync → metascrum"
    assert dep1.outcome is None  # recorded here, not a follow-up
    with pytest.raises(DomainError, match="PO sync already"):
        deps.escalate(session, "dep2", "po-sync")
    with pytest.raises(DomainError, match="Escalate to where"):
        deps.escalate(session, "dep2", " ")
    done = deps.set_status(session, "dep2", "done")
    with pytest.raises(DomainError, match="only open ones escalate"):
        deps.escalate(done, "dep2", "metascrum")
    assert who_decides(session, "po-sync") == "Maya Goldberg (Chief PO)"
    assert who_decides(Session(title="x", date=DAY), "po-sync") == "the Chief PO"
    assert (next_rung("po-forum"), next_rung("po-sync"), next_rung("metascrum")) == (
        "po-sync",
        "metascrum",
        None,
    )


def carried() -> Session:
    session = two_dependencies()
    data = session.model_dump(by_alias=True)
    for dependency in data["dependencies"]:
        dependency.update(carried_from="2026-11-24-po-sync.toml", carried=1)
    return Session.model_validate(data)


def test_follow_up_outcomes_done_keep_drop_escalate() -> None:
    session = carried()
    assert [d.id for d in deps.awaiting_outcome(session)] == ["dep1", "dep2"]
    agreed = deps.set_status(session, "dep1", "agreed")
    kept = deps.set_outcome(agreed, "dep1", "keep")
    assert (kept.dependency("dep1").status, kept.dependency("dep1").outcome) == ("agreed", "keep")
    done = deps.set_outcome(session, "dep1", "done")
    assert (done.dependency("dep1").status, done.dependency("dep1").outcome) == ("done", "done")
    dropped = deps.set_outcome(done, "dep1", "drop")
    assert dropped.dependency("dep1").status == "dropped"
    escalated = deps.set_outcome(dropped, "dep1", "escalate", "metascrum")
    dep1 = escalated.dependency("dep1")
    assert (dep1.status, dep1.outcome, dep1.escalate_to) == ("requested", "escalate", "metascrum")
    cleared = deps.set_outcome(escalated, "dep1", None)
    assert (cleared.dependency("dep1").outcome, cleared.dependency("dep1").escalate_to) == (
        None,
        None,
    )
    assert cleared.dependency("dep1").decided_by is None
    assert deps.set_status(done, "dep1", "at-risk").dependency("dep1").outcome is None
    with pytest.raises(DomainError, match="Only dependencies carried"):
        deps.set_outcome(two_dependencies(), "dep1", "keep")
    with pytest.raises(DomainError, match="'later' is not an outcome"):
        deps.set_outcome(session, "dep1", "later")


def test_decision_on_a_dependency_and_a_topic_made_dependency() -> None:
    from poforum_tui.domain import board

    session = sync(board={"columns": [{"id": "raised", "title": "Raised"}]})
    session = board.add_topic(session, "raised", "Mobile waits for the v3 sandbox", author="Jonas")
    session = deps.from_topic(session, "t1", "Mobile", "Payments", needed_by="Sprint 26")
    dep1 = session.dependency("dep1")
    assert (dep1.text, dep1.topic, dep1.owner, dep1.needed_by) == (
        "Mobile waits for the v3 sandbox",
        "t1",
        "Jonas",
        "Sprint 26",
    )
    session = deps.record_decision(session, "dep1", "decision", "Payments ships it in Sprint 26")
    assert session.dependency("dep1").decision == "d1"
    assert session.decision("d1").topic == "t1"
    with pytest.raises(DomainError, match="no topic 't5'"):
        deps.from_topic(session, "t5", "Mobile", "Payments")


def test_age_counts_days_since_raised_and_sessions() -> None:
    dep1 = carried().dependency("dep1")
    assert deps.age(dep1, DAY + dt.timedelta(days=7)).label() == "7 days, 2 sessions"
    assert deps.age(dep1.model_copy(update={"raised_on": None}), DAY).label() == "2 sessions"


def test_file_errors_name_the_record_counting_from_one() -> None:
    text = (
        'schema = 1\ntitle = "x"\ndate = 2026-12-01\n\n[[dependencies]]\nid = "dep1"\n'
        'text = "a"\nfrom = "A"\nto = "B"\n\n[[dependencies]]\nid = "dep2"\ntext = "b"\n'
        'from = "A"\nto = "B"\ntopic = "t4"\n'
    )
    with pytest.raises(SessionFileError, match=r"dependencies\[2\]\.topic: 't4' is not a topic"):
        parse(text.encode(), "x.toml")
    twice = text.replace('id = "dep2"', 'id = "dep1"').replace('topic = "t4"\n', "")
    with pytest.raises(SessionFileError, match=r"dependencies\[2\]\.id: 'dep1' is used twice"):
        parse(twice.encode(), "x.toml")
    risky = 'schema = 1\ntitle = "x"\ndate = 2026-12-01\n\n[[risks]]\nid = "r1"\ntext = "a"\n'
    with pytest.raises(SessionFileError, match=r"risks\[1\]\.roam: 'maybe' is not one of"):
        parse((risky + 'roam = "maybe"\n').encode(), "x.toml")
    vote = 'schema = 1\ntitle = "x"\ndate = 2026-12-01\n\n[[confidence]]\nid = "c1"\n'
    with pytest.raises(SessionFileError, match=r"a fist of five is 1\.\.5"):
        parse((vote + 'question = "q"\nvotes = { Maya = 6 }\n').encode(), "x.toml")


def test_roam_risks() -> None:
    from poforum_tui.domain import board

    session = sync(board={"columns": [{"id": "owned", "title": "Owned"}]})
    session = board.add_topic(session, "owned", "Card scheme change in Q2", author="Keiko")
    session = risks.risk_from_topic(session, "t1", follow_up=dt.date(2026, 12, 15))
    assert (session.risk("r1").roam, session.risk("r1").owner) == ("owned", "Keiko")
    session = risks.add_risk(session, "Sandbox may slip")
    assert [r.id for r in risks.unresolved(session)] == ["r1", "r2"]
    session = risks.set_roam(session, "r2", "resolved")
    assert [r.id for r in risks.unresolved(session)] == ["r1"]
    assert {k: [r.id for r in v] for k, v in risks.by_state(session).items() if v} == {
        "resolved": ["r2"],
        "owned": ["r1"],
    }
    with pytest.raises(DomainError, match="An owned risk needs an owner"):
        risks.set_roam(session, "r2", "owned")
    with pytest.raises(DomainError, match="'maybe' is not a ROAM state"):
        risks.set_roam(session, "r2", "maybe")
    assert [r.id for r in risks.delete_risk(session, "r1").risks] == ["r2"]
    edited = risks.edit_risk(session, "r2", owner="Keiko", roam="owned")
    assert edited.risk("r2").owner == "Keiko"
    assert parse(dumps(edited).encode(), "x.toml") == edited


def test_confidence_vote_fist_of_five() -> None:
    session = votes.start_vote(sync())
    vote_id = session.confidence[0].id
    assert session.confidence[0].question == votes.DEFAULT_QUESTION
    for name, score in (("Maya", 4), ("Tomás", 2), ("Jonas", 4), ("Tomás", 3)):
        session = votes.cast(session, vote_id, name, score)
    vote = session.confidence[0]
    assert vote.votes == {"Maya": 4, "Tomás": 3, "Jonas": 4}  # voting again replaces
    assert vote.histogram() == {1: 0, 2: 0, 3: 1, 4: 2, 5: 0}
    assert vote.average() == pytest.approx(11 / 3)
    bars = votes.histogram_bars(vote, width=4)
    assert bars[1] == (4, 2, "████") and bars[2] == (3, 1, "██") and bars[0] == (5, 0, "")
    assert votes.low_voters(votes.cast(session, vote_id, "Eli", 1).confidence[0]) == ["Eli"]
    for bad in (0, 6, True):
        with pytest.raises(DomainError, match="1 to 5 fingers"):
            votes.cast(session, vote_id, "Maya", bad)
    with pytest.raises(DomainError, match="needs a name"):
        votes.cast(session, vote_id, " ", 3)
    session = votes.withdraw(session, vote_id, "Jonas")
    assert "Jonas" not in session.confidence[0].votes
    with pytest.raises(DomainError, match="has not voted"):
        votes.withdraw(session, vote_id, "Jonas")
    assert parse(dumps(session).encode(), "x.toml") == session
    assert votes.delete_vote(session, vote_id).confidence == ()


def test_a_renamed_participant_is_followed_in_dependencies_risks_and_votes() -> None:
    from poforum_tui.domain.participants import edit_participant

    session = deps.add_dependency(sync(), "Sandbox", "Mobile", "Payments", owner="Tomás Reyes")
    session = risks.add_risk(session, "Slip", owner="Tomás Reyes", roam="owned")
    session = votes.cast(votes.start_vote(session), "c1", "Tomás Reyes", 4)
    renamed = edit_participant(session, "Tomás Reyes", name="Tomás R.")
    assert renamed.dependency("dep1").owner == "Tomás R."
    assert renamed.risk("r1").owner == "Tomás R."
    assert renamed.confidence[0].votes == {"Tomás R.": 4}
