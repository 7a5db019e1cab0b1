"""Add or edit a board topic: title first, author and category optional, both suggested;
an edited topic also has notes (what was said)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from textual.app import ComposeResult
from textual.suggester import SuggestFromList
from textual.widgets import Input, Static, TextArea

from poforum_tui.dialogs.form import FormScreen
from poforum_tui.domain import Topic
from poforum_tui.widgets.literal import literal

CAPTURE_HINT = "enter adds and clears for the next topic · escape closes"


@dataclass(frozen=True)
class TopicRequest:
    """What the form asks for; empty optional fields are None."""

    title: str
    author: str | None
    category: str | None
    notes: str | None = None
    """What was said about it (edited topics only; exported under it in the minutes)."""

    def fields(self) -> dict[str, str | None]:
        fields = {"title": self.title, "author": self.author, "category": self.category}
        return fields if self.notes is None else {**fields, "notes": self.notes}


class TopicForm(FormScreen[TopicRequest]):
    """Edits one topic, or captures topics one after another when given `on_add`.

    With `on_add`, enter adds the topic and clears the form for the next one (escape closes);
    `on_add` returns False when the session refused the topic, and the typed text stays.
    """

    def __init__(
        self,
        title: str,
        *,
        authors: list[str],
        categories: list[str],
        topic: Topic | None = None,
        on_add: Callable[[TopicRequest], bool] | None = None,
    ) -> None:
        super().__init__()
        self.form_title = title
        self.topic = topic
        self.on_add = on_add
        self.authors = authors
        self.categories = categories
        self.added = 0
        if on_add is not None:
            self.submit_label = "Add"

    def compose_fields(self) -> ComposeResult:
        topic = self.topic
        yield from self.field(
            "title", "Title", Input(topic.title if topic else "", placeholder="The dilemma")
        )
        yield from self.field(
            "author",
            "Author",
            Input(
                (topic.author or "") if topic else "",
                placeholder="optional",
                suggester=SuggestFromList(self.authors, case_sensitive=False),
            ),
        )
        yield from self.field(
            "category",
            "Category",
            Input(
                (topic.category or "") if topic else "",
                placeholder="optional",
                suggester=SuggestFromList(self.categories, case_sensitive=False),
            ),
            hint="→ accepts a suggestion",
        )
        if topic is not None:
            notes = TextArea(topic.notes or "", soft_wrap=True, tab_behavior="focus")
            notes.styles.height = 5
            yield from self.field(
                "notes", "Notes", notes, hint="what was said · enter: new line · ctrl+s saves"
            )
        if self.on_add is not None:
            yield Static(
                CAPTURE_HINT,
                id="topic-form-status",
                classes="form-hint",
            )

    def start_capture(
        self,
        title: str,
        *,
        authors: list[str],
        categories: list[str],
        on_add: Callable[[TopicRequest], bool],
    ) -> None:
        """Make a capture form already built ready to be shown again: empty fields, this
        column's title and callback, the session's names as suggestions (issue 18: opening the
        add form on a 1,000-topic board rebuilt the whole dialog each time)."""
        self.form_title, self.on_add = title, on_add
        self.authors, self.categories, self.added = authors, categories, 0
        if not self.is_mounted:
            return  # composed with these on its first push
        self.query_one("#form-title", Static).update(literal(title))
        self.clear_errors()
        for name in ("title", "author", "category"):
            self.query_one(f"#field-{name}", Input).value = ""
        self.query_one("#field-author", Input).suggester = SuggestFromList(
            authors, case_sensitive=False
        )
        self.query_one("#field-category", Input).suggester = SuggestFromList(
            categories, case_sensitive=False
        )
        self.query_one("#topic-form-status", Static).update(CAPTURE_HINT)
        self.query_one("#field-title", Input).focus()

    def request(self) -> TopicRequest | None:
        title = " ".join(self.value("title").split())
        if not title:
            self.refuse("title", "A topic needs a title: type the dilemma in a few words.")
            return None
        author = " ".join(self.value("author").split()) or None
        category = " ".join(self.value("category").split()) or None
        if self.topic is None:
            return TopicRequest(title, author, category)
        notes = self.query_one("#field-notes", TextArea).text.strip()
        return TopicRequest(title, author, category, notes)

    def submit(self) -> None:
        request = self.request()
        if request is None:
            return
        if self.on_add is None:
            self.dismiss(request)
            return
        if not self.on_add(request):
            return
        self.added += 1
        for name in ("title", "author", "category"):
            self.query_one(f"#field-{name}", Input).value = ""
        self.query_one("#field-title", Input).focus()
        noun = "topic" if self.added == 1 else "topics"
        self.query_one("#topic-form-status", Static).update(
            literal(f"Added “{request.title}” ({self.added} {noun} so far): type the next")
        )
