"""The board's topic actions: add (the capture form, built once), edit, delete (asks first,
naming the votes, decisions and agenda item that lose their link)."""

from __future__ import annotations

import contextlib

from textual.app import ScreenStackError

from poforum_tui.dialogs.confirm import ConfirmScreen
from poforum_tui.domain import Session
from poforum_tui.domain import board as ops
from poforum_tui.screens.board.base import BoardBase
from poforum_tui.screens.board.topic_form import TopicForm, TopicRequest
from poforum_tui.widgets.literal import quoted
from poforum_tui.widgets.words import plural


class TopicActions(BoardBase):
    """Board screen actions on topics (mixed into BoardScreen)."""

    _add_form: TopicForm | None = None
    """The add-topic form, built on the first `a` and shown again after."""

    def action_add(self) -> None:
        column = self.focused_column()
        if column is None:
            self.notify("Add a column first: press c.", severity="warning")
            return
        column_id = column.id

        def add(request: TopicRequest) -> bool:
            def operation(session: Session) -> Session:
                return ops.add_topic(
                    session,
                    column_id,
                    request.title,
                    author=request.author,
                    category=request.category,
                )

            if not self._change(operation, f"add topic {quoted(request.title)}"):
                return False
            self.view.select(column_id, self.session.board.topics[-1].id)
            return True

        session = self.session
        title = f"Add topics to {column.title}"
        authors = [p.name for p in session.participants]
        categories = ops.categories(session.board)
        form = self._add_form
        if form is None:  # built once, then shown again: a dialog costs a frame to open
            form = self._add_form = TopicForm(
                title, authors=authors, categories=categories, on_add=add
            )
            self.app.install_screen(form, name=f"board-add-topic-{id(self)}")
        else:
            form.start_capture(title, authors=authors, categories=categories, on_add=add)
        self.app.push_screen(form, lambda _: self._focus(column_id))

    def on_unmount(self) -> None:
        if self._add_form is not None:
            # Still open when the app quits (a form over the board): nothing to uninstall then.
            with contextlib.suppress(ScreenStackError):
                self.app.uninstall_screen(self._add_form)

    def action_edit(self) -> None:
        topic = self.current_topic()
        if topic is None:
            return
        session = self.session

        def edited(request: TopicRequest | None) -> None:
            unchanged = {
                "title": topic.title,
                "author": topic.author,
                "category": topic.category,
                "notes": topic.notes or "",
            }
            if request is not None and request.fields() != unchanged:
                self._change(
                    lambda s: ops.edit_topic(s, topic.id, **request.fields()),
                    f"edit topic {quoted(topic.title)}",
                )

        form = TopicForm(
            "Edit topic",
            authors=[p.name for p in session.participants],
            categories=ops.categories(session.board),
            topic=topic,
        )
        self.app.push_screen(form, edited)

    def action_delete(self) -> None:
        topic = self.current_topic()
        if topic is None:
            return
        question = f"Delete the topic “{topic.title}”?"
        goes = []
        if topic.votes:
            go = "goes" if topic.vote_total == 1 else "go"
            goes.append(f"its {plural(topic.vote_total, 'vote')} {go} with it")
        session = self.session
        unlinked = (
            ("decision", [d.text for d in session.decisions if d.topic == topic.id]),
            ("agenda item", [item.title for item in session.agenda if item.topic == topic.id]),
        )
        for what, names in unlinked:  # each named, so nobody is surprised later
            if len(names) == 1:
                goes.append(f"{what} {quoted(names[0])} no longer links to it")
            elif names:
                first = quoted(names[0])
                goes.append(f"{plural(len(names), what)} ({first}, …) no longer link to it")
        if goes:
            text = "; ".join(goes)
            question += f"\n{text[0].upper()}{text[1:]}."

        def answered(yes: bool | None) -> None:
            if yes:
                self._change(
                    lambda s: ops.delete_topic(s, topic.id), f"delete topic {quoted(topic.title)}"
                )

        self.app.push_screen(ConfirmScreen(question), answered)
