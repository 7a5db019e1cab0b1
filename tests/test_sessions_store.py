"""Session discovery with a cache, follow-ups awaiting an outcome, and search across sessions."""

from __future__ import annotations

import os
from importlib import import_module
from pathlib import Path

from poforum_tui.store import BrokenSession, SessionCatalog, SessionSummary, discover, load, save
from poforum_tui.store.discovery import awaits_outcome
from poforum_tui.store.search import fold, match, search
from tests.conftest import FORUM, KICKOFF, METASCRUM, SYNC

load_module = import_module("poforum_tui.store.load")  # the module; `store.load` is the function


def summaries(folder: Path) -> list[SessionSummary]:
    return [e for e in discover(folder) if isinstance(e, SessionSummary)]


def test_summary_counts_follow_ups_without_outcome(sessions_dir: Path) -> None:
    by_name = {s.path.name: s for s in summaries(sessions_dir)}
    forum = by_name[FORUM]
    assert forum.follow_ups == 6  # all six carried from the kickoff, none has an outcome yet
    assert by_name[KICKOFF].follow_ups == 0
    assert forum.session == load(sessions_dir / FORUM)


def test_a_recorded_outcome_means_no_longer_waiting(sessions_dir: Path) -> None:
    decision = load(sessions_dir / FORUM).decisions[0]
    assert awaits_outcome(decision)
    done = decision.model_copy(update={"outcome": "done"})
    assert not awaits_outcome(done)
    assert not awaits_outcome(decision.model_copy(update={"carried_from": None}))


def test_catalog_reads_a_file_again_only_when_it_changed(sessions_dir: Path, monkeypatch) -> None:
    reads: list[str] = []
    real = load_module.parse

    def counting_parse(raw, path):
        reads.append(Path(path).name)
        return real(raw, path)

    monkeypatch.setattr(load_module, "parse", counting_parse)
    catalog = SessionCatalog(sessions_dir)
    first = catalog.entries()
    assert sorted(reads) == sorted([KICKOFF, FORUM, METASCRUM, SYNC])
    reads.clear()
    assert catalog.entries() == first and reads == []

    path = sessions_dir / FORUM
    save(load(path).model_copy(update={"title": "PO Forum #2 (renamed)"}), path)
    reads.clear()
    os.utime(path, ns=(1, 1))  # a different mtime even on coarse clocks
    (sessions_dir / "2026-12-01-bad.toml").write_text("schema = 1\ntitle = \n", encoding="utf-8")
    (sessions_dir / METASCRUM).unlink()
    entries = catalog.entries()
    assert sorted(reads) == sorted([FORUM, "2026-12-01-bad.toml"])
    assert [e.path.name for e in entries] == [SYNC, FORUM, KICKOFF, "2026-12-01-bad.toml"]
    assert entries[1].title == "PO Forum #2 (renamed)"
    assert isinstance(entries[-1], BrokenSession) and entries[-1].error.line == 2


def test_fold_ignores_case_and_accents() -> None:
    assert fold("Tomás ÉCOLE") == "tomas ecole"
    assert match("Tomás Reyes", ["tomas"]) == ((0, 5),)
    assert match("Who owns the DoD? dod!", ["dod"]) == ((13, 16), (18, 21))
    assert match("Definition of Done", ["dod"]) is None


def test_search_needs_every_word_in_one_item(sessions_dir: Path) -> None:
    found = search(summaries(sessions_dir), "split  TEAMS")
    assert found and all("split" in h.text.lower() and "teams" in h.text.lower() for h in found)
    assert {h.where for h in found} >= {"topic", "experiment"}
    dates = [h.summary.date for h in found]
    assert dates == sorted(dates, reverse=True)  # newest session first
    assert search(summaries(sessions_dir), "   ") == []
    assert search(summaries(sessions_dir), "split zzzz") == []


def test_search_finds_titles_agenda_topics_and_decisions_with_spans(sessions_dir: Path) -> None:
    found = search(summaries(sessions_dir), "metascrum")
    assert [h.where for h in found if h.summary.path.name == METASCRUM][:1] == ["title"]
    hit = search(summaries(sessions_dir), "escalation path")[0]
    assert hit.where == "action" and hit.item_id == "d4"
    start, end = hit.spans[0]
    assert hit.text[start:end].lower() in ("escalation", "path")
    owner_hit = search(summaries(sessions_dir), "viktor")
    assert owner_hit, "owners are searched too"
    assert all(end <= len(h.text) for h in owner_hit for _s, end in h.spans)
