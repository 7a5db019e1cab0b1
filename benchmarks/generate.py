"""Deterministic big sessions and long histories for the benchmarks (and their tests).

`big_session(seed)` is a forum that has run for years: 1,000 topics in 8 columns, 40 agenda items,
300 decisions. `write_history(folder, seed)` writes 200 weekly PO syncs, two years of them.
The same seed gives the same sessions, byte for byte once saved.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from poforum_tui.domain import AgendaItem, Board, Column, Decision, Participant, Session, Topic
from poforum_tui.domain.models import DECISION_KINDS, ROLES
from poforum_tui.store import dumps
from poforum_tui.store.create import session_file_name

PEOPLE = (
    "Maya Goldberg",
    "Noa Barak",
    "Tomás Reyes",
    "Priya Natarajan",
    "Jonas Weber",
    "Aisha Bello",
    "Lars Eriksen",
    "Keiko Tanaka",
    "Olu Adeyemi",
    "Sofia Rossi",
    "Chen Wei",
    "Fatima Zahra",
)
DOMAINS = ("Payments", "Onboarding", "Mobile", "Search", "Data platform", "Merchant platform")
COLUMNS = (
    ("collected", "Collected"),
    ("do-more", "Do more"),
    ("missing", "Missing"),
    ("unclear", "Don't understand"),
    ("not-adopting", "Don't want to adopt"),
    ("discussing", "Discussing"),
    ("decided", "Decided"),
    ("parked", "Parked"),
)
CATEGORIES = (
    "roles and responsibilities",
    "PO in the ceremonies",
    "planning and pre-planning",
    "Definition of Done",
    "product and team backlogs",
    "user stories and splitting",
    "org structure",
    "stakeholders",
    "short- vs long-term decisions",
    "MVP and story mapping",
    "tools",
    "routines",
)
VERBS = ("split", "estimate", "prioritise", "refine", "review", "escalate", "align", "measure")
THINGS = (
    "stories that span two teams",
    "the roadmap with stakeholders",
    "dependencies between domains",
    "our Definition of Done",
    "tech debt against features",
    "experiments in the sprint review",
    "the MVP for the merchant app",
    "pre-planning across six teams",
    "requests that bypass the backlog",
    "the quarterly objectives",
)
BIG_DATE = dt.date(2026, 12, 1)
VOTES_PER_PERSON = 200


def _sentence(rng: random.Random, number: int) -> str:
    return f"How do we {rng.choice(VERBS)} {rng.choice(THINGS)}? (#{number})"


def big_session(
    seed: int = 1,
    *,
    topics: int = 1_000,
    columns: int = 8,
    agenda: int = 40,
    decisions: int = 300,
) -> Session:
    """A session of the given size, the same for the same seed; it validates like a file."""
    rng = random.Random(seed)
    participants = tuple(
        Participant(
            name=name,
            role="chief-po" if i == 0 else rng.choice(ROLES),
            domain=rng.choice(DOMAINS) if rng.random() < 0.7 else None,
            present=rng.random() < 0.9,
        )
        for i, name in enumerate(PEOPLE)
    )
    cols = tuple(
        Column(id=cid, title=title) for cid, title in (COLUMNS * (columns // 8 + 1))[:columns]
    )
    if len({c.id for c in cols}) < len(cols):
        cols = tuple(Column(id=f"c{i + 1}", title=c.title) for i, c in enumerate(cols))
    topic_list = []
    for number in range(1, topics + 1):
        voters = rng.sample(PEOPLE, rng.choice((0, 0, 1, 2, 3)))
        topic_list.append(
            Topic(
                id=f"t{number}",
                title=_sentence(rng, number),
                column=rng.choice(cols).id,
                author=rng.choice(PEOPLE) if rng.random() < 0.8 else None,
                category=rng.choice(CATEGORIES) if rng.random() < 0.6 else None,
                votes={voter: rng.randint(1, 2) for voter in voters},
            )
        )
    items = []
    for number in range(1, agenda + 1):
        status = "done" if number <= agenda // 2 else rng.choice(("pending", "skipped"))
        minutes = rng.choice((5, 10, 15, 20, 30))
        items.append(
            AgendaItem(
                id=f"a{number}",
                title=f"Item {number}: {rng.choice(VERBS)} {rng.choice(THINGS)}",
                minutes=minutes,
                owner=rng.choice(PEOPLE) if rng.random() < 0.7 else None,
                status=status,
                spent_seconds=rng.randint(60, minutes * 90) if status == "done" else 0,
                topic=f"t{rng.randint(1, topics)}" if topics and rng.random() < 0.3 else None,
            )
        )
    decision_list = []
    for number in range(1, decisions + 1):
        decision_list.append(
            Decision(
                id=f"d{number}",
                kind=rng.choice(DECISION_KINDS),
                text=f"We will {rng.choice(VERBS)} {rng.choice(THINGS)} (decision {number})",
                owner=rng.choice(PEOPLE) if rng.random() < 0.8 else None,
                due=BIG_DATE + dt.timedelta(days=rng.randint(1, 90))
                if rng.random() < 0.6
                else None,
                status=rng.choice(("open", "open", "done", "dropped")),
                topic=f"t{rng.randint(1, topics)}" if topics and rng.random() < 0.5 else None,
                carried_from="2026-11-24-po-forum.toml" if rng.random() < 0.2 else None,
            )
        )
    return Session(
        title="PO Forum — the big board",
        kind="po-forum",
        date=BIG_DATE,
        start=dt.time(10, 0),
        facilitators=PEOPLE[:2],
        working_agreement=("Anyone may stop the line", "Timebox everything"),
        participants=participants,
        agenda=tuple(items),
        board=Board(
            votes_per_person=VOTES_PER_PERSON,
            categories=CATEGORIES,
            columns=cols,
            topics=tuple(topic_list),
        ),
        decisions=tuple(decision_list),
    )


HISTORY_START = dt.date(2024, 12, 2)


def weekly_sync(seed: int, week: int, previous: str | None) -> Session:
    """One weekly PO sync: a handful of topics and decisions, following the previous week."""
    rng = random.Random(seed * 100_003 + week)
    base = big_session(
        seed * 100_003 + week,
        topics=rng.randint(4, 20),
        columns=4,
        agenda=rng.randint(4, 8),
        decisions=rng.randint(2, 10),
    )
    return base.model_copy(
        update={
            "title": f"PO sync, week {week + 1}",
            "kind": "po-sync",
            "date": HISTORY_START + dt.timedelta(weeks=week),
            "follows": previous,
        }
    )


def write_history(folder: Path | str, seed: int = 1, weeks: int = 200) -> list[Path]:
    """Write `weeks` weekly PO syncs into `folder` (two years at 200); returns their paths."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    previous: str | None = None
    for week in range(weeks):
        session = weekly_sync(seed, week, previous)
        path = folder / session_file_name(session)
        path.write_text(dumps(session), encoding="utf-8")  # no fsync: it is scratch data
        paths.append(path)
        previous = path.name
    return paths


def with_comments(text: str, every: int = 3) -> str:
    """`text` as a person might keep it: a comment line above every `every`-th table, a
    blank line less here and there, trailing comments on the first keys of the file."""
    out, tables = [], 0
    for number, line in enumerate(text.split("\n")):
        if line.startswith("["):
            tables += 1
            if tables % every == 0:
                out.append(f"# table {tables}: reviewed with the team")
        if number < 8 and line and not line.startswith("["):
            line += "  # set by hand"
        out.append(line)
    return "\n".join(out)
