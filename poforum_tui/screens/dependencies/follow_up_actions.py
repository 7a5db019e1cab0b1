"""The follow-up of a dependency: its outcome when carried, escalating it up the ladder, and
the decision taken on it."""

from __future__ import annotations

from poforum_tui.domain import dependencies as deps
from poforum_tui.domain.escalation import TARGET_NAMES, next_rung
from poforum_tui.screens.dependencies.base import DependenciesBase


class FollowUpActions(DependenciesBase):
    """Dependencies screen actions: outcome (o), escalate (u), decision (d)."""

    def action_escalate(self) -> None:
        dependency = self.selected()
        if dependency is None:
            return
        target = next_rung(self.session.kind)
        if target is None:
            self.notify("A MetaScrum is the top of the ladder: make the call here.", timeout=4)
            return
        if self._change(lambda s: deps.escalate(s, dependency.id, target), "Escalate"):
            self.notify(f"Escalated to the next {TARGET_NAMES[target]}.", timeout=3)

    def action_outcome(self) -> None:
        from poforum_tui.screens.decisions.outcome_form import OutcomeChoice, OutcomeScreen

        dependency = self.selected()
        if dependency is None or not deps.is_follow_up(dependency):
            return

        def picked(choice: OutcomeChoice | None) -> None:
            if choice is None:
                return
            changed = self._change(
                lambda s: deps.set_outcome(s, dependency.id, choice.outcome, choice.escalate_to),
                "Outcome",
            )
            if changed:
                self.next_row()  # on to the next one under review

        self.app.push_screen(OutcomeScreen(dependency.text), picked)

    def action_decide(self) -> None:
        from poforum_tui.screens.decisions.decision_form import DecisionDraft, DecisionForm

        dependency = self.selected()
        if dependency is None:
            return

        def recorded(draft: DecisionDraft | None) -> None:
            if draft is not None:
                self._change(
                    lambda s: deps.record_decision(
                        s, dependency.id, draft.kind, draft.text, **draft.fields
                    ),
                    "Decision on a dependency",
                )

        self.app.push_screen(DecisionForm(self.session, topic=dependency.topic), recorded)
