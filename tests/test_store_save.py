"""save(): deterministic bytes, DESIGN.md's layout, atomic replace, and hypothesis round-trips."""

from __future__ import annotations

import datetime as dt
import string
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from poforum_tui.domain import AgendaItem, Board, Column, Decision, Participant, Session, Topic
from poforum_tui.domain.models import DECISION_KINDS, DECISION_STATUSES, ROLES, SESSION_KINDS
from poforum_tui.store import dumps, load, parse, save

text = st.text(min_size=1, max_size=40).filter(lambda s: s.strip())
optional_text = st.none() | st.text(min_size=1, max_size=40)
ids = st.text(string.ascii_lowercase + string.digits + "-", min_size=1, max_size=8)
dates = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2099, 12, 31))


@st.composite
def sessions(draw) -> Session:
    columns = [
        Column(id=i, title=draw(text))
        for i in draw(st.lists(ids, min_size=1, max_size=4, unique=True))
    ]
    topic_ids = draw(st.lists(ids, max_size=6, unique=True))
    topics = [
        Topic(
            id=i,
            title=draw(text),
            column=draw(st.sampled_from(columns)).id,
            author=draw(optional_text),
            category=draw(optional_text),
            votes=draw(st.dictionaries(text, st.integers(1, 9), max_size=3)),
        )
        for i in topic_ids
    ]
    agenda = [
        AgendaItem(
            id=i,
            title=draw(text),
            minutes=draw(st.integers(1, 480)),
            owner=draw(optional_text),
            status=draw(st.sampled_from(["pending", "paused", "done", "skipped"])),
            spent_seconds=draw(st.integers(0, 99_999)),
            notes=draw(st.none() | st.text(max_size=80)),
        )
        for i in draw(st.lists(ids, max_size=5, unique=True))
    ]
    decisions = [
        Decision(
            id=i,
            kind=draw(st.sampled_from(DECISION_KINDS)),
            text=draw(text),
            owner=draw(optional_text),
            due=draw(st.none() | dates),
            status=draw(st.sampled_from(DECISION_STATUSES)),
            topic=draw(st.none() | st.sampled_from(topic_ids)) if topic_ids else None,
            carried=draw(st.integers(0, 5)),
            rationale=draw(optional_text),
        )
        for i in draw(st.lists(ids, max_size=4, unique=True))
    ]
    return Session(
        title=draw(text),
        kind=draw(st.sampled_from(SESSION_KINDS)),
        date=draw(dates),
        start=draw(st.none() | st.times().map(lambda t: t.replace(microsecond=0))),
        facilitators=tuple(draw(st.lists(text, max_size=3))),
        working_agreement=tuple(draw(st.lists(text, max_size=3))),
        participants=tuple(
            Participant(name=n, role=draw(st.sampled_from(ROLES)), present=draw(st.booleans()))
            for n in draw(st.lists(text, max_size=4, unique=True))
        ),
        agenda=tuple(agenda),
        board=Board(
            votes_per_person=draw(st.none() | st.integers(1, 20)),
            votes_hidden=draw(st.booleans()),
            columns=tuple(columns),
            topics=tuple(topics),
        ),
        decisions=tuple(decisions),
    )


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sessions())
def test_any_session_round_trips_and_saves_identically(session: Session) -> None:
    first = dumps(session)
    loaded = parse(first.encode(), "roundtrip.toml")
    assert loaded == session
    assert dumps(loaded) == first


def test_layout_matches_design_example() -> None:
    session = Session(
        title="PO Forum #1",
        kind="po-forum",
        date=dt.date(2026, 12, 1),
        start=dt.time(10, 0),
        agenda=(
            AgendaItem(
                id="intro",
                title="Introductions",
                minutes=10,
                status="running",
                started_at=dt.datetime(2026, 12, 1, 10, 2, 11),
            ),
        ),
        board=Board(
            columns=(Column(id="collected", title="Collected"),),
            topics=(Topic(id="t1", title="Split?", column="collected", votes={"Dana Levi": 2}),),
        ),
        decisions=(Decision(id="d1", text="Try it", kind="experiment"),),
    )
    assert dumps(session) == (
        'schema = 1\ntitle = "PO Forum #1"\nkind = "po-forum"\ndate = 2026-12-01\n'
        "start = 10:00:00\n\n"
        '[[agenda]]\nid = "intro"\ntitle = "Introductions"\nminutes = 10\nstatus = "running"\n'
        "started_at = 2026-12-01T10:02:11\n\n"
        "[board]\nvotes_hidden = false\n\n"
        '[[board.columns]]\nid = "collected"\ntitle = "Collected"\n\n'
        '[[board.topics]]\nid = "t1"\ntitle = "Split?"\ncolumn = "collected"\n'
        'votes = { "Dana Levi" = 2 }\n\n'
        '[[decisions]]\nid = "d1"\nkind = "experiment"\ntext = "Try it"\nstatus = "open"\n'
    )


def test_multiline_text_is_written_as_multiline_string() -> None:
    session = Session(
        title="x",
        date=dt.date(2026, 1, 1),
        agenda=(AgendaItem(id="a", title="A", minutes=5, notes="line one\nline two"),),
    )
    assert 'notes = """\nline one\nline two"""' in dumps(session)


def test_unknown_keys_written_by_hand_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    path.write_text(
        'schema = 1\ntitle = "x"\ndate = 2026-01-01\nroom = "Blue"\n\n'
        '[[agenda]]\nid = "a"\ntitle = "A"\nminutes = 5\ncolour = "red"\n'
    )
    session = load(path)
    save(session, path)
    text = path.read_text()
    assert 'room = "Blue"' in text and 'colour = "red"' in text
    assert load(path) == session


def test_save_is_atomic_and_leaves_no_temp_files(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "s.toml"
    session = Session(title="x", date=dt.date(2026, 1, 1))
    save(session, path)
    original = path.read_bytes()

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("os.replace", broken_replace)
    changed = session.model_copy(update={"title": "changed"})
    with pytest.raises(OSError, match="No space left"):
        save(changed, path)
    assert path.read_bytes() == original
    assert [p.name for p in tmp_path.iterdir()] == ["s.toml"]


def _tomli_w_only_dumps(session: Session, monkeypatch) -> str:
    """dumps() with the fast emitter switched off: every key and value goes through tomli_w."""
    with monkeypatch.context() as patch:
        module = sys.modules["poforum_tui.store.toml_text"]
        patch.setattr(module, "_fast_scalar", lambda value: None)
        patch.setattr(module, "_fast_key", lambda key: None)
        return dumps(session)


def test_fast_emitter_writes_the_same_bytes_as_tomli_w_on_a_big_session(monkeypatch) -> None:
    from benchmarks.generate import big_session

    session = big_session(seed=7)
    assert dumps(session) == _tomli_w_only_dumps(session, monkeypatch)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sessions())
def test_fast_emitter_writes_the_same_bytes_as_tomli_w(session: Session) -> None:
    with pytest.MonkeyPatch.context() as monkeypatch:
        assert dumps(session) == _tomli_w_only_dumps(session, monkeypatch)


@pytest.mark.parametrize(
    "value",
    ["plain", "", "tab\there", 'quote " and \\ slash', "new\nline", "cr\r\nlf", "bell\x07", "é ✓"],
)
def test_fast_emitter_matches_tomli_w_on_awkward_strings(value: str, monkeypatch) -> None:
    session = Session(
        title="x",
        date=dt.date(2026, 1, 1),
        board=Board(
            columns=(Column(id="c", title=value or "c"),),
            topics=(Topic(id="t", title="T", column="c", votes={value or "Dana": 1}),),
        ),
        agenda=(AgendaItem(id="a", title="A", minutes=5, notes=value or None),),
    )
    assert dumps(session) == _tomli_w_only_dumps(session, monkeypatch)
