"""The board's dot voting: who votes, the budget, taking a vote back, starting over."""

from __future__ import annotations

from poforum_tui.dialogs.confirm import ConfirmScreen
from poforum_tui.domain import Session
from poforum_tui.domain import board as ops
from poforum_tui.domain.participants import add_participant
from poforum_tui.screens.board.base import BoardBase
from poforum_tui.screens.board.handoff_forms import Budget, BudgetForm
from poforum_tui.widgets.literal import clean, quoted
from poforum_tui.widgets.voter_panel import VoterChoice


class VotingActions(BoardBase):
    """Board screen actions for dot voting (mixed into BoardScreen)."""

    def _voters(self, session: Session) -> list[str]:
        names = [p.name for p in session.participants]
        known = set(names)
        for topic in session.board.topics:
            names += [name for name in topic.votes if name not in known]
            known.update(topic.votes)
        return names

    def action_vote(self) -> None:
        topic = self.current_topic()
        if topic is None:
            return
        board = self.session.board
        budget = board.vote_budget()
        used = board.votes_by_voter()
        names = [(n, f"{used.get(n, 0)} of {budget} used") for n in self._voters(self.session)]

        def picked(choice: VoterChoice | None) -> None:
            if choice is None:
                return
            name = choice.name

            def operation(session: Session) -> Session:
                if choice.new:
                    session = add_participant(session, name)
                return ops.vote(session, topic.id, name)

            if self._change(operation, f"{clean(name)}'s vote for {quoted(topic.title)}"):
                self.last_voter = name
                self._show_summary(self.session)  # says how many votes they have used

        self.picker.open(
            f"Who votes for “{clean(topic.title)}”?",
            names,
            picked,
            default=self.last_voter,
            numbered=True,
        )

    def action_unvote(self) -> None:
        topic = self.current_topic()
        if topic is None:
            return
        if not topic.votes:
            self.notify("Nobody has voted for this topic.", timeout=3)
            return
        hidden = self.session.board.votes_hidden
        names = [(name, "" if hidden else f"{count} here") for name, count in topic.votes.items()]

        def picked(choice: VoterChoice | None) -> None:
            if choice is not None:
                self._change(
                    lambda s: ops.unvote(s, topic.id, choice.name),
                    f"take back {clean(choice.name)}'s vote for {quoted(topic.title)}",
                )

        self.picker.open(
            f"Whose vote on “{clean(topic.title)}” goes back?",
            names,
            picked,
            default=self.last_voter,
            allow_new=False,
            numbered=True,
        )

    def action_budget(self) -> None:
        board = self.session.board
        automatic = ops.set_vote_budget(self.session, None).board.vote_budget()

        def chosen(budget: Budget | None) -> None:
            if budget is not None:
                self._change(lambda s: ops.set_vote_budget(s, budget.votes), "set the vote budget")

        self.app.push_screen(BudgetForm(board.votes_per_person, automatic), chosen)

    def action_clear_votes(self) -> None:
        def answered(yes: bool | None) -> None:
            if yes:
                self._change(ops.clear_votes, "clear every vote")

        self.app.push_screen(ConfirmScreen("Remove every vote from the board?"), answered)
