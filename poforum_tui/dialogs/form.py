"""The base of every modal form: labelled fields, errors beside them, enter / escape.

A subclass composes its fields with `field(...)`, then implements `submit()` which reads
`value(name)`, calls `refuse(name, reason)` for bad input (keeping what was typed), or
`self.dismiss(result)`.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from typing import TypeVar

from textual import events
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.await_complete import AwaitComplete
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Static

from poforum_tui.widgets.literal import literal
from poforum_tui.widgets.running_clock import RunningClock

T = TypeVar("T")


class FormScreen(ModalScreen[T]):
    """A centred dialog; the first field is focused when it opens."""

    DEFAULT_CSS = """
    FormScreen {
        align: center middle;
        layers: form clock;
    }
    FormScreen > RunningClock {
        layer: clock;
        dock: right;
        background: $panel;
    }
    FormScreen > #form {
        width: 72;
        max-width: 100%;
        height: auto;
        max-height: 100%;
        border: thick $primary;
        background: $surface;
        padding: 0 1;
    }
    FormScreen #form-title {
        text-style: bold;
        width: 1fr;
        margin-bottom: 1;
    }
    FormScreen #form-fields > Vertical {
        height: auto;  /* groups of fields grow with them, so the form scrolls */
    }
    FormScreen .form-row {
        height: auto;
    }
    FormScreen .form-label {
        width: 12;
        padding-top: 1;
    }
    FormScreen .form-field {
        width: 1fr;
        height: auto;
    }
    FormScreen .form-error {
        color: $error;
        height: auto;
        padding-left: 1;
        display: none;
    }
    FormScreen .form-error.-shown {
        display: block;
    }
    FormScreen #form-buttons {
        height: auto;
        align-horizontal: right;
    }
    FormScreen #form-buttons Button {
        margin-left: 1;
    }
    FormScreen .form-hint {
        color: $text-muted;
        padding-left: 12;
    }
    """
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="form-cancel"),
        Binding("enter", "submit", "Submit", id="form-submit"),
        # Enter in a text field, before the field sees the keys typed after it (see below).
        Binding("enter", "submit_field", show=False, priority=True, id="form-submit"),
        Binding("ctrl+s", "submit", "Submit", id="form-save", show=False),
    ]
    AUTO_FOCUS = "Input, Select, TextArea, OptionList"

    form_title = "Form"
    submit_label = "Save"

    def compose(self) -> ComposeResult:
        yield RunningClock()  # over the header's own, which the dimmed screen behind shows
        with Vertical(id="form"):
            yield Static(literal(self.form_title), id="form-title")
            with VerticalScroll(id="form-fields"):
                yield from self.compose_fields()
            with Horizontal(id="form-buttons"):
                yield Button("Cancel", id="form-cancel-button")
                yield Button(self.submit_label, id="form-submit-button", variant="primary")

    def compose_fields(self) -> ComposeResult:
        """Yield the form's rows, usually with `field()`."""
        raise NotImplementedError

    def field(self, name: str, label: str, widget: Widget, hint: str = "") -> ComposeResult:
        """A labelled row: the widget (its id becomes `field-<name>`), a hint, an error line."""
        widget.id = f"field-{name}"
        widget.add_class("form-field")
        with Horizontal(classes="form-row"):
            yield Label(label, classes="form-label")
            yield widget
        if hint:
            yield Static(Content(hint), classes="form-hint")
        yield Static(id=f"error-{name}", classes="form-error")

    def value(self, name: str) -> str:
        """The text typed in an Input field, as typed."""
        return self.query_one(f"#field-{name}", Input).value

    def refuse(self, name: str, reason: str) -> None:
        """Show why a field is refused, beside it, and focus it; typed text stays. On a small
        screen the form scrolls to the field and its reason."""
        error = self.query_one(f"#error-{name}", Static)
        error.update(literal(f"⚠ {reason}"))
        error.add_class("-shown")
        field = self.query_one(f"#field-{name}")
        field.focus(scroll_visible=False)
        self.call_after_refresh(self._scroll_to_refusal, field, error)

    def _scroll_to_refusal(self, field: Widget, error: Widget, tries: int = 25) -> None:
        """Once the reason is laid out (the screen lays out on its own frame timer, after
        the messages of this key), bring it and its field into view."""
        if not error.virtual_region and tries:
            self.set_timer(1 / 50, lambda: self._scroll_to_refusal(field, error, tries - 1))
            return
        scroll = self.query_one("#form-fields", VerticalScroll)
        row = field.parent if isinstance(field.parent, Horizontal) else field
        scroll.scroll_to_widget(error, animate=False, immediate=True)  # the reason, below
        scroll.scroll_to_widget(row, animate=False, immediate=True)  # and its field

    def clear_errors(self) -> None:
        for error in self.query(".form-error"):
            error.remove_class("-shown")

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_submit(self) -> None:
        self.clear_errors()
        self.submit()

    def submit(self) -> None:
        """Validate; `refuse()` a field or `dismiss()` with the result."""
        raise NotImplementedError

    def on_key(self, event: events.Key) -> None:
        """Letters typed before the first field has focus (right after `a`) still reach it."""
        if self.focused is not None or not (event.is_printable and event.character):
            return
        first = self.query(self.AUTO_FOCUS or "Input").first() if self.is_mounted else None
        if isinstance(first, Input):
            event.stop()
            first.select_on_focus = False  # selecting on focus would let the next key replace it
            first.insert_text_at_cursor(event.character)
            first.focus()

    async def action_submit_field(self) -> None:
        """Enter in a text field: submit what was typed before it, and only that.

        Keys typed ahead arrive together (over SSH, or while the app is busy): the field
        would take "B1" of "B0⏎B1⏎" before the form reads it. So the submit runs in the
        field's own queue, after the keys typed before Enter, and the keys typed after it
        wait until it is done: they go to the next entry, or to whatever the form closed to.
        """
        field = self.focused
        if not isinstance(field, Input):
            raise SkipAction()  # Enter in a list, a select or a button is theirs
        done = asyncio.Event()
        dismissed: list[AwaitComplete] = []

        def submit_here() -> None:
            try:
                self._dismissed = dismissed
                self.action_submit()
            finally:
                self._dismissed = None
                done.set()

        field.call_later(submit_here)
        await done.wait()
        for closing in dismissed:
            await closing  # the next screen is current before the next key is handled

    _dismissed: list[AwaitComplete] | None = None

    def dismiss(self, result: T | None = None) -> AwaitComplete:
        closing = super().dismiss(result)
        if self._dismissed is not None:
            self._dismissed.append(closing)
        return closing

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "form-submit-button":
            self.action_submit()
        else:
            self.action_cancel()


def field_text(model: object | None, key: str) -> str:
    """What an edit form's field starts with: the model's `key` as text (a date as
    YYYY-MM-DD), or empty when there is no model or no value."""
    value = getattr(model, key, None) if model is not None else None
    if value is None:
        return ""
    return value.isoformat() if isinstance(value, dt.date) else str(value)
