"""The board's column actions: add, rename, reorder and delete columns."""

from __future__ import annotations

from poforum_tui.dialogs.confirm import ConfirmScreen
from poforum_tui.domain import board as ops
from poforum_tui.screens.board.base import BoardBase
from poforum_tui.screens.board.column_forms import ColumnForm, MoveTopicsPicker
from poforum_tui.widgets.literal import quoted
from poforum_tui.widgets.words import plural


class ColumnActions(BoardBase):
    """Board screen actions on whole columns (mixed into BoardScreen)."""

    def action_add_column(self) -> None:
        def named(title: str | None) -> None:
            if title is not None and self._change(
                lambda s: ops.add_column(s, title), f"add column {quoted(title)}"
            ):
                self._focus(self.session.board.columns[-1].id)

        self.app.push_screen(ColumnForm("Add a column"), named)

    def action_rename_column(self) -> None:
        column = self.focused_column()
        if column is None:
            return
        column_id = column.id

        def named(title: str | None) -> None:
            if title is not None:
                self._change(
                    lambda s: ops.rename_column(s, column_id, title),
                    f"rename column {quoted(column.title)} to {quoted(title)}",
                )

        self.app.push_screen(ColumnForm("Rename column", column.title), named)

    def action_move_column(self, delta: int) -> None:
        column = self.focused_column()
        if column is not None:
            direction = "left" if delta < 0 else "right"
            if self._change(
                lambda s: ops.move_column(s, column.id, delta),
                f"move column {quoted(column.title)} {direction}",
            ):
                self._focus(column.id)  # the cursor moves with its column

    def action_delete_column(self) -> None:
        column = self.focused_column()
        if column is None:
            return
        column_id, title = column.id, column.title
        count = len(self.session.board.topics_in(column_id))

        def delete(move_to: str | None) -> None:
            self._change(
                lambda s: ops.delete_column(s, column_id, move_to),
                f"delete column {quoted(title)}",
            )

        if count == 0:
            question = f"Delete the empty column “{title}”?"
            self.app.push_screen(ConfirmScreen(question), lambda yes: delete(None) if yes else None)
            return
        others = [c for c in self.session.board.columns if c.id != column_id]
        if not others:
            self.notify("The last column keeps its topics: add another column first.")
            return
        question = (
            f"“{title}” has {plural(count, 'topic')}. Move them to which column, then delete it?"
        )
        self.app.push_screen(
            MoveTopicsPicker(question, others), lambda to: delete(to) if to else None
        )
