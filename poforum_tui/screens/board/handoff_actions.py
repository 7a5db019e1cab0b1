"""The board's hand-off: a topic becomes an agenda item or a dependency, or gets a decision
recorded."""

from __future__ import annotations

from poforum_tui.domain import Session
from poforum_tui.domain import board as ops
from poforum_tui.screens.board.base import BoardBase
from poforum_tui.screens.board.handoff_forms import TimeboxForm


class HandOffActions(BoardBase):
    """Board screen actions `t`, `d` and `D` (mixed into BoardScreen)."""

    def action_to_agenda(self) -> None:
        topic = self.current_topic()
        if topic is None:
            return
        linked = [item for item in self.session.agenda if item.topic == topic.id]
        if linked:
            self.notify(f"Already on the agenda: {linked[0].title}", timeout=4)
            return
        current = ops.agenda_timebox(self.session)

        def chosen(timebox: str | None) -> None:
            if timebox is None:
                return

            def operation(session: Session) -> Session:
                if timebox is not None and timebox != current:
                    session = ops.set_agenda_timebox(session, timebox)
                return ops.send_to_agenda(session, topic.id, timebox)

            if self._change(operation, "To agenda"):
                item = self.session.agenda[-1]
                timebox = f"{item.minutes} min" + (f", {item.pattern}" if item.pattern else "")
                self.notify(f"On the agenda: {item.title} ({timebox})", timeout=3)

        self.app.push_screen(TimeboxForm(topic.title, current), chosen)

    def action_decision(self) -> None:
        topic = self.current_topic()
        record = getattr(self.app, "record_decision", None)
        if topic is not None and record is not None:
            record(topic.id)

    def action_to_dependency(self) -> None:
        """The focused topic becomes a dependency: its title the text, the topic linked."""
        from poforum_tui.domain import dependencies as deps
        from poforum_tui.screens.dependencies.dependency_form import (
            DependencyDraft,
            DependencyForm,
        )

        topic = self.current_topic()
        if topic is None:
            return
        linked = [d for d in self.session.dependencies if d.topic == topic.id]
        if linked:
            self.notify(f"Already a dependency: {linked[0].id} {linked[0].text}", timeout=4)
            return

        def chosen(draft: DependencyDraft | None) -> None:
            if draft is None:
                return
            fields = {"text": draft.text, **draft.fields}
            if self._change(
                lambda s: deps.from_topic(s, topic.id, draft.from_, draft.to, **fields),
                "To dependency",
            ):
                made = self.session.dependencies[-1]
                self.notify(f"Dependency {made.id}: {made.from_} needs it from {made.to} (4)")

        self.app.push_screen(DependencyForm(self.session, text=topic.title), chosen)
