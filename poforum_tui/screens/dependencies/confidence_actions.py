"""The confidence vote (fist of five): ask the question, then each person's 1 to 5, picked
with the same voter picker the board's dot voting uses."""

from __future__ import annotations

from poforum_tui.domain import confidence as votes
from poforum_tui.screens.dependencies.base import DependenciesBase


class ConfidenceActions(DependenciesBase):
    """Dependencies screen actions: start a confidence vote (c), cast a vote (v)."""

    def action_ask(self) -> None:
        from poforum_tui.screens.dependencies.confidence_panel import QuestionForm

        def asked(question: str | None) -> None:
            if question:
                self._change(lambda s: votes.start_vote(s, question), "Confidence vote")

        self.app.push_screen(QuestionForm(), asked)

    def action_vote(self) -> None:
        from poforum_tui.widgets.voter_panel import VoterChoice

        vote = votes.latest(self.session)
        if vote is None:
            return
        people = [p.name for p in self.session.participants if p.present]
        names = [(n, f"gave {vote.votes[n]}" if n in vote.votes else "") for n in people]

        def scored(name: str, choice: VoterChoice | None) -> None:
            if choice is None:
                return
            score = int(choice.name)
            if self._change(lambda s: votes.cast(s, vote.id, name, score), "Confidence vote"):
                self.last_voter = name

        def picked(choice: VoterChoice | None) -> None:
            if choice is None:
                return
            scores = [
                (str(n), votes.SCORE_MEANINGS[n])
                for n in sorted(votes.SCORE_MEANINGS, reverse=True)
            ]
            self.call_after_refresh(
                self.picker.open,
                f"{choice.name}: how many fingers?",
                scores,
                lambda score: scored(choice.name, score),
                default=str(vote.votes.get(choice.name, 3)),
                allow_new=False,
            )

        self.picker.open(f"Who votes on “{vote.question}”?", names, picked, default=self.last_voter)
