"""Dependencies and risks carry to the next session; escalations reach the next MetaScrum as
the same records, listed first with their age; `poforum log --kind dependency`; who is missing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from poforum_tui.cli import main
from poforum_tui.domain import dependencies as deps
from poforum_tui.domain.carryover import next_session, with_escalations
from poforum_tui.domain.representation import missing_domains, notice
from poforum_tui.store import dumps, from_template, load, parse, save
from poforum_tui.store.carryover import new_from_template, session_after
from poforum_tui.store.create import create_session_file
from poforum_tui.store.decision_log import read_log
from poforum_tui.store.log_rows import format_lines
from tests.conftest import EXAMPLES, METASCRUM, SYNC

NEXT_SYNC = dt.date(2026, 12, 8)


def test_open_dependencies_and_unresolved_risks_carry_with_ids_kept() -> None:
    sync = load(EXAMPLES / SYNC)
    sync = deps.set_status(sync, "dep3", "done")
    nxt = next_session(sync, SYNC, from_template("po-sync"), "PO Sync — week 2", NEXT_SYNC)
    assert [d.id for d in nxt.dependencies] == ["dep1", "dep2", "dep4"]
    assert all(d.carried_from == SYNC and d.carried == 1 for d in nxt.dependencies)
    dep1 = nxt.dependency("dep1")
    assert (dep1.escalate_to, dep1.raised_on, dep1.outcome) == (
        "metascrum",
        dt.date(2026, 11, 24),
        None,
    )
    assert dep1.decision == "d2" and nxt.decision("d2").carried == 1  # the decision came too
    assert [r.id for r in nxt.risks] == ["r1", "r2", "r3"]  # none was resolved
    assert nxt.confidence == ()  # a new vote each time
    assert {d.topic for d in nxt.dependencies if d.topic} <= {t.id for t in nxt.board.topics}
    assert nxt.agenda[0].notes == (
        "2 items and 3 dependencies carried from PO Sync — Sprint 25, week 1: an outcome for each"
    )
    assert [d.id for d in deps.awaiting_outcome(nxt)] == ["dep1", "dep2", "dep4"]
    assert parse(dumps(nxt).encode(), "next.toml") == nxt


def test_a_link_to_a_decision_left_behind_is_dropped() -> None:
    from poforum_tui.domain import decisions

    sync = decisions.set_outcome(load(EXAMPLES / SYNC), "d1", "done")
    sync = decisions.edit_decision(sync, "d2", status="done")
    nxt = next_session(sync, SYNC, None, "Next", NEXT_SYNC)
    assert "d2" not in {d.id for d in nxt.decisions}
    assert nxt.dependency("dep1").decision is None


def test_next_metascrum_lists_the_escalated_dependency_first_with_its_age(
    sessions_dir: Path,
) -> None:
    sync = load(sessions_dir / SYNC)
    sync = deps.add_dependency(sync, "Search ranking signals", "Search", "Data platform")
    sync = deps.escalate(sync, "dep5", "metascrum")
    save(sync, sessions_dir / SYNC)
    meta = session_after(sessions_dir / METASCRUM, date=dt.date(2026, 12, 8))
    assert [d.id for d in meta.dependencies] == ["dep1", "dep5"]
    first = meta.dependency("dep1")
    assert (first.carried_from, first.carried, first.text) == (
        SYNC,
        1,
        sync.dependency("dep1").text,
    )
    assert (first.topic, first.decision) == (None, None)  # the sync's board is not here
    opening = meta.agenda[0]
    assert opening.title == "Escalated to this MetaScrum"
    lines = opening.notes.splitlines()
    assert lines[0] == (
        "dep1 Mobile needs from Payments: Payments API v3 sandbox with versioned endpoints "
        "(escalated by the PO sync on 2026-12-01; open 14 days, 2 sessions)"
    )
    assert lines[1].startswith("dep5 Search needs from Data platform")
    assert meta.agenda[1].title == "Follow-ups"
    # from its template, too: the same records, first
    fresh = new_from_template(sessions_dir, "metascrum", title="MetaScrum 25", date=meta.date)
    assert [d.id for d in fresh.dependencies] == ["dep1", "dep5"]
    assert fresh.agenda[0].notes == opening.notes


def test_carried_from_a_sync_into_a_metascrum_the_escalated_one_comes_first(
    sessions_dir: Path,
) -> None:
    meta = session_after(sessions_dir / SYNC, template="metascrum", date=dt.date(2026, 12, 8))
    assert meta.kind == "metascrum"
    assert [d.id for d in meta.dependencies] == ["dep1", "dep2", "dep3", "dep4"]
    assert meta.agenda[0].id == "escalated-here" and meta.agenda[0].notes.startswith("dep1 ")
    assert len(meta.dependencies) == len({d.id for d in meta.dependencies})  # not brought twice
    # the MetaScrum after it does not list dep1 again: it had its turn
    path = create_session_file(sessions_dir, meta)
    after = session_after(path, date=dt.date(2026, 12, 22))
    assert after.agenda[0].id != "escalated-here"


def test_an_escalated_id_taken_here_keeps_its_origin_in_carried_id(sessions_dir: Path) -> None:
    meta = load(sessions_dir / METASCRUM).model_copy(update={"date": dt.date(2026, 12, 8)})
    meta = deps.add_dependency(meta, "Another thing", "Sales", "Compliance")  # dep1 is taken
    sync = load(sessions_dir / SYNC)
    received = with_escalations(meta, [(SYNC, sync.title, sync.dependency("dep1"))])
    first = received.dependencies[0]
    assert (first.id, first.carried_id, first.carried_from) == ("dep2", "dep1", SYNC)
    save(received, sessions_dir / "2026-12-08-metascrum.toml")
    log = read_log(sessions_dir).dependencies
    entry = next(e for e in log if e.first_path.name == SYNC and e.dependency.carried_id)
    assert (entry.sessions, entry.last_path.name) == (2, "2026-12-08-metascrum.toml")
    assert len([e for e in log if e.first_path.name == SYNC]) == 4  # one entry, not two


def test_log_kind_dependency_shows_overdue_and_sessions_open(sessions_dir: Path, capsys) -> None:
    nxt = session_after(sessions_dir / SYNC, date=NEXT_SYNC)
    create_session_file(sessions_dir, nxt)
    assert main(["log", "--dir", str(sessions_dir), "--kind", "dependency"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[:3] == ["DATE", "SESSION", "KIND"]
    assert len(lines) == 1 + 4  # four dependencies, each once though carried
    assert all(" dependency " in line for line in lines[1:])
    dep1 = next(line for line in lines if "Payments API v3 sandbox" in line)
    assert "at-risk ⇡ metascrum" in dep1 and "2 sessions" in dep1
    assert "OVERDUE" not in dep1 or dt.date.today() > dt.date(2026, 12, 12)
    later = format_lines(
        read_log(sessions_dir).everything(kind="dependency"), dt.date(2026, 12, 13)
    )
    assert "2026-12-12 OVERDUE" in next(line for line in later if "v3 sandbox" in line)
    assert "[po-sync → metascrum; the MetaScrum decides]" in dep1
    sprint = next(line for line in lines if "Merchant risk score" in line)
    assert "Sprint 26" in sprint and "OVERDUE" not in sprint
    assert main(["log", "--dir", str(sessions_dir), "--kind", "action"]) == 0
    actions = capsys.readouterr().out.splitlines()[1:]
    assert actions and all(" action " in line for line in actions)


def test_representation_check_names_the_missing_domains() -> None:
    sync = load(EXAMPLES / SYNC)
    previous = load(EXAMPLES / METASCRUM)
    # Keiko (Risk and fraud) is absent and dep2 is for Risk and fraud; the MetaScrum's
    # stakeholders (Sales, Compliance, Engineering) are not teams a PO sync expects.
    assert missing_domains(sync) == ["Risk and fraud"]
    assert missing_domains(sync, previous) == ["Risk and fraud"]
    without_lars = sync.model_copy(
        update={"participants": tuple(p for p in sync.participants if p.name != "Lars Eriksen")}
    )  # Data platform: named by dep3 and at the MetaScrum
    assert missing_domains(without_lars, previous) == ["Risk and fraud", "Data platform"]
    assert notice(["Payments"]) == "No one from Payments is here"
    assert notice(["A", "B", "C"]) == "No one from A, B or C is here"
    assert notice([]) is None
    everyone = sync.model_copy(
        update={
            "participants": tuple(p.model_copy(update={"present": True}) for p in sync.participants)
        }
    )
    assert missing_domains(everyone) == []


def test_an_escalated_decision_shows_its_ladder_age_and_who_decides(sessions_dir: Path) -> None:
    from poforum_tui.domain import decisions
    from poforum_tui.screens.decisions.decision_detail import describe

    nxt = session_after(sessions_dir / SYNC, date=NEXT_SYNC)  # d2, d3 carried from the sync
    nxt = decisions.set_outcome(nxt, "d3", "escalate", "metascrum")
    text = describe(nxt.decision("d3"), nxt, NEXT_SYNC)
    assert "escalated po-sync → metascrum on 2026-12-08 (0 days, 2 sessions)" in text
    assert "the MetaScrum decides" in text and "Decided by" not in text
    path = create_session_file(sessions_dir, nxt)
    meta = session_after(sessions_dir / METASCRUM, date=dt.date(2026, 12, 15))
    arrived = next(d for d in meta.decisions if d.text == nxt.decision("d3").text)
    assert meta.decisions[0].escalate_to == "metascrum" and arrived.carried_from == path.name
    shown = describe(arrived, meta, meta.date)
    assert "escalated po-sync → metascrum on 2026-12-08 (7 days, 3 sessions)" in shown
