"""The voting round: the facilitator casts each present person's dots in turn, from the board.

For rooms where participants do not vote from a browser. The round walks the participants
marked present, one at a time; the line above the board names the voter and their votes left.
Each dot is the normal vote (`ops.vote` through `app.change`: same budget, same refusals, one
undo step each); a voter whose budget is used up gives way to the next by themselves.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from rich.cells import cell_len
from textual.content import Content
from textual.widgets import Static

from poforum_tui.domain import Session
from poforum_tui.domain import board as ops
from poforum_tui.screens.board.base import BoardBase
from poforum_tui.widgets.literal import clean, quoted
from poforum_tui.widgets.words import plural

ROUND_KEYS = frozenset({"round_vote", "round_pass", "round_end"})
"""Keys that apply only during a round (hidden from the footer otherwise)."""


@dataclass
class VotingRound:
    """Who votes in this round, whose turn it is, and who has given a dot."""

    voters: tuple[str, ...]
    path: Path | None = None
    """The session file the round is for: opening another one ends it."""
    position: int = 0
    voted: set[str] = field(default_factory=set)
    said: str = ""
    """What the last key did, shown under the voter's line."""

    @property
    def current(self) -> str | None:
        """The voter whose turn it is (None once everybody has had theirs)."""
        return self.voters[self.position] if self.position < len(self.voters) else None

    def advance(self, session: Session) -> list[str]:
        """Move on to the next voter with votes left; returns those passed over for having
        none left."""
        self.position += 1
        return self.skip_spent(session)

    def tally(self) -> str:
        """`4 of 12 people voted`."""
        return f"{len(self.voted)} of {people(len(self.voters))} voted"

    def skip_spent(self, session: Session) -> list[str]:
        """Pass over voters from the current one on who have no votes left."""
        board = session.board
        budget = board.vote_budget()
        used = board.votes_by_voter()
        skipped = []
        while self.current is not None and used.get(self.current, 0) >= budget:
            skipped.append(self.current)
            self.position += 1
        return skipped


def people(count: int) -> str:
    """`1 person`, `12 people`."""
    return f"{count} {'person' if count == 1 else 'people'}"


def votes_left(session: Session, voter: str) -> str:
    """`2 of 3 votes left`."""
    budget = session.board.vote_budget()
    return f"{budget - session.board.votes_used(voter)} of {plural(budget, 'vote')} left"


class RoundActions(BoardBase):
    """Board screen actions for the voting round (mixed into BoardScreen)."""

    voting_round: VotingRound | None = None

    def round_line(self) -> Static:
        return self.query_one("#voting-round", Static)

    def show_round(self, session: Session) -> None:
        """Redraw the round's two lines: the voter, their votes left and how far the round
        is; then what just happened (or, at the start, which keys do what)."""
        line = self.round_line()
        voting = self.voting_round
        if voting is not None and voting.path != self.app.path:
            self._finish(f"Voting round ended with the session it was for: {voting.tally()}.")
            return
        voter = voting.current if voting is not None else None
        if voting is None or voter is None:
            line.display = False
            return
        said = voting.said or " · ".join(
            f"{key} {what}"
            for key, what in (
                (self.key_of("round_vote"), f"gives {clean(voter)}'s dot to the topic here"),
                (self.key_of("round_pass"), "passes"),
                (self.key_of("round_end"), "ends the round"),
            )
            if key
        )
        text = Content.assemble(
            "Voting round — ",
            (clean(voter), "bold"),
            f", {votes_left(session, voter)} · {voting.position + 1}/{len(voting.voters)} people",
            "\n",
            said,
        )
        line.update(text, layout=False)
        line.display = True

    def action_voting_round(self) -> None:
        if self.voting_round is not None:
            self.action_round_end()
            return
        session = self.session
        if not session.board.topics:
            self.notify("No topics to vote on yet: add some first.", timeout=3)
            return
        present = tuple(p.name for p in session.participants if p.present)
        if not present:
            self.notify(
                "Nobody is marked present: mark the people in the room present first.",
                severity="warning",
            )
            return
        voting = VotingRound(present, self.app.path)
        skipped = voting.skip_spent(session)
        if voting.current is None:
            budget = session.board.vote_budget()
            self.notify(f"Everybody present has used their {plural(budget, 'vote')}.", timeout=3)
            return
        self.voting_round = voting
        self.refresh_bindings()  # the footer shows the round's keys
        self.show_round(session)
        if skipped:  # the bar says the rest: who votes, their votes left, the keys
            self.notify(f"{self._names(skipped)} already used every vote.", timeout=3)

    def action_round_vote(self) -> None:
        voting, topic = self.voting_round, self.current_topic()
        voter = voting.current if voting is not None else None
        if voting is None or voter is None:
            return
        if topic is None:
            self.notify("No topic here: move the cursor onto a topic.", timeout=3)
            return
        what = f"{clean(voter)}'s vote for {quoted(topic.title)}"
        voted = self._change(lambda s: ops.vote(s, topic.id, voter), what)
        session = self.session
        board = session.board
        spent = board.votes_used(voter) >= board.vote_budget()
        if not voted:  # refused, and said why: the turn moves on only if nothing is left
            if spent:
                self._next(f"{clean(voter)} has no votes left.")
            return
        voting.voted.add(voter)
        room = max(self.size.width - cell_len(voter) - 24, 16)  # the tally stays in view
        said = f"✓ {clean(voter)}'s dot on {quoted(topic.title, room)}"
        if not board.votes_hidden:  # hidden tallies stay hidden, here too
            total = next(t.vote_total for t in board.topics if t.id == topic.id)
            said += f" (● {total})"
        if not spent:
            self._say(f"{said}.")
            return
        self._next(f"{said}: their last vote.")

    def action_round_pass(self) -> None:
        voting = self.voting_round
        voter = voting.current if voting is not None else None
        if voter is not None:
            self._next(f"{clean(voter)} passed ({votes_left(self.session, voter)}).")

    def action_round_end(self) -> None:
        voting = self.voting_round
        if voting is None:
            return
        self._finish(f"Voting round ended: {voting.tally()}.")

    def _finish(self, said: str) -> None:
        self.voting_round = None
        self.refresh_bindings()
        self.show_round(self.session)
        self.notify(said, timeout=4)

    def _say(self, said: str) -> None:
        """Show what a key did under the voter's line (no toast over the board each vote)."""
        if self.voting_round is not None:
            self.voting_round.said = said
            self.show_round(self.session)

    def _next(self, said: str) -> None:
        """Hand the turn to the next voter with votes left, or end the round after the last."""
        voting = self.voting_round
        if voting is None:
            return
        session = self.session
        skipped = voting.advance(session)
        if skipped:
            said += f" {self._names(skipped)} had no votes left."
        voter = voting.current
        if voter is None:
            self._finish(f"{said} Voting round over: {voting.tally()}.")
        else:
            self._say(said)  # the line above names the next voter

    @staticmethod
    def _names(names: list[str]) -> str:
        shown = [clean(name) for name in names]
        return ", ".join(shown[:-1]) + " and " + shown[-1] if len(shown) > 1 else shown[0]
