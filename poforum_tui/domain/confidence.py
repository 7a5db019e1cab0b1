"""The confidence vote ("fist of five") that ends a sync or MetaScrum.

Everyone shows 1 to 5 fingers on one question ("How confident are we in this sprint's
order?"): 5 is full confidence, 1 means "I can't commit to this". Low scores are the start of
a conversation, not a veto: ask the 1s and 2s what would raise them, then vote again.
"""

from __future__ import annotations

from poforum_tui.domain._build import build
from poforum_tui.domain.errors import DomainError
from poforum_tui.domain.ids import next_id
from poforum_tui.domain.models import CONFIDENCE_SCALE, ConfidenceVote, Session

DEFAULT_QUESTION = "How confident are we in this sprint's order?"
SCORE_MEANINGS = {
    5: "Fully confident",
    4: "Confident",
    3: "Some concerns",
    2: "Serious concerns",
    1: "Can't commit to this",
}
LOW = 2
"""Scores at or below this are worth hearing out before the session ends."""


def _index(session: Session, vote_id: str) -> int:
    for index, vote in enumerate(session.confidence):
        if vote.id == vote_id:
            return index
    raise DomainError(f"no confidence vote {vote_id!r}")


def _replaced(session: Session, index: int, vote: ConfidenceVote) -> Session:
    votes = list(session.confidence)
    votes[index] = vote
    return session.model_copy(update={"confidence": tuple(votes)})


def start_vote(session: Session, question: str = DEFAULT_QUESTION) -> Session:
    """A new vote on `question`, nobody's score in yet."""
    vote = build(
        ConfidenceVote,
        id=next_id("c", (v.id for v in session.confidence)),
        question=question.strip(),
    )
    return session.model_copy(update={"confidence": (*session.confidence, vote)})


def cast(session: Session, vote_id: str, voter: str, score: int) -> Session:
    """`voter` shows `score` fingers (1..5); voting again replaces their score."""
    if isinstance(score, bool) or score not in CONFIDENCE_SCALE:
        raise DomainError(f"A fist of five is 1 to 5 fingers, not {score!r}")
    voter = voter.strip()
    if not voter:
        raise DomainError("Who votes? A score needs a name")
    index = _index(session, vote_id)
    vote = session.confidence[index]
    votes = {**vote.votes, voter: score}
    return _replaced(session, index, vote.model_copy(update={"votes": votes}))


def withdraw(session: Session, vote_id: str, voter: str) -> Session:
    index = _index(session, vote_id)
    vote = session.confidence[index]
    if voter not in vote.votes:
        raise DomainError(f"{voter} has not voted on this question")
    votes = {name: score for name, score in vote.votes.items() if name != voter}
    return _replaced(session, index, vote.model_copy(update={"votes": votes}))


def delete_vote(session: Session, vote_id: str) -> Session:
    index = _index(session, vote_id)
    votes = session.confidence[:index] + session.confidence[index + 1 :]
    return session.model_copy(update={"confidence": votes})


def latest(session: Session) -> ConfidenceVote | None:
    return session.confidence[-1] if session.confidence else None


def low_voters(vote: ConfidenceVote) -> list[str]:
    """Who gave 1 or 2: hear them out before the session ends."""
    return [name for name, score in vote.votes.items() if score <= LOW]


def histogram_bars(vote: ConfidenceVote, width: int = 20) -> list[tuple[int, int, str]]:
    """(score, count, bar) for 5 down to 1; the longest bar is `width` blocks."""
    counts = vote.histogram()
    most = max(counts.values()) or 1
    return [
        (score, counts[score], "█" * round(counts[score] * width / most))
        for score in sorted(CONFIDENCE_SCALE, reverse=True)
    ]
