"""The board's hand-off: the ranking across columns, a topic becoming an agenda item or a
dependency, or getting a decision recorded."""

from __future__ import annotations

from poforum_tui.domain import AgendaItem, Session
from poforum_tui.domain import board as ops
from poforum_tui.screens.board.base import BoardBase
from poforum_tui.screens.board.handoff_forms import TimeboxForm
from poforum_tui.widgets.literal import quoted


class HandOffActions(BoardBase):
    """Board screen actions `T`, `t`, `d` and `D` (mixed into BoardScreen)."""

    def action_to_agenda(self) -> None:
        topic = self.current_topic()
        if topic is None:
            return
        linked = [item for item in self.session.agenda if item.topic == topic.id]
        if linked:
            self.notify(f"Already on the agenda: {linked[0].title}", timeout=4)
            return
        current = ops.agenda_timebox(self.session)
        block = ops.discussion_block(self.session)

        def chosen(timebox: str | None) -> None:
            if timebox is None:
                return
            now = self.app.clock.now()

            def operation(session: Session) -> Session:
                if timebox is not None and timebox != current:
                    session = ops.set_agenda_timebox(session, timebox)
                return ops.send_to_agenda(session, topic.id, timebox, now)

            if self._change(operation, f"put {quoted(topic.title)} on the agenda"):
                self.notify(self._placed(topic.id, block), timeout=5)

        self.app.push_screen(TimeboxForm(topic.title, current), chosen)

    def _placed(self, topic_id: str, block: AgendaItem | None) -> str:
        """Where the promoted topic went, and whose minutes it took."""
        agenda = self.session.agenda
        index, item = next((i, item) for i, item in enumerate(agenda) if item.topic == topic_id)
        timebox = f"{item.minutes} min" + (f", {item.pattern}" if item.pattern else "")
        where = f"after {quoted(agenda[index - 1].title)}" if index else "first"
        text = f"On the agenda {where}: {quoted(item.title)} ({timebox})"
        if block is not None and not any(
            i.id == block.id and i.minutes == block.minutes for i in agenda
        ):
            text += f", from {quoted(block.title)}: the planned end stays"
        return text

    def action_top_topics(self) -> None:
        """Every column's topics ranked by votes; enter puts the cursor on one."""
        board = self.session.board
        if board.votes_hidden:
            key = self.key_of("toggle_hidden")
            self.notify(f"Reveal the tallies first ({key}): the ranking shows them.")
            return
        if not ops.ranked_topics(board):
            self.notify("No votes yet: nothing to rank.", timeout=3)
            return
        from poforum_tui.screens.board.top_topics import TopTopicsScreen

        def chosen(topic_id: str | None) -> None:
            topic = next((t for t in self.session.board.topics if t.id == topic_id), None)
            if topic is not None:
                self.focus_item(topic.id)  # clears a filter that hides it

        self.app.push_screen(TopTopicsScreen(self.session), chosen)

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
