"""The confidence vote on the Dependencies screen: the histogram beside the detail, and the
form that asks the question."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Input

from poforum_tui.dialogs.form import FormScreen
from poforum_tui.domain import confidence as votes
from poforum_tui.domain.models import ConfidenceVote

BAR_WIDTH = 12


def confidence_lines(vote: ConfidenceVote) -> list[str]:
    """The question, one bar per score (5 down to 1) and the count and average."""
    lines = [f"Confidence: {vote.question}"]
    for score, count, bar in votes.histogram_bars(vote, width=BAR_WIDTH):
        lines.append(f"{score} {bar:<{BAR_WIDTH}} {count}")
    average = vote.average()
    total = f"{len(vote.votes)} vote{'s' if len(vote.votes) != 1 else ''}"
    lines.append(total + (f" · average {average:.1f}" if average is not None else " · v votes"))
    low = votes.low_voters(vote)
    if low:
        lines.append("hear out: " + ", ".join(low))
    return lines


class QuestionForm(FormScreen[str | None]):
    """The question a fist-of-five vote answers."""

    form_title = "Confidence vote (fist of five): on what question?"
    submit_label = "Start"
    AUTO_FOCUS = "#field-question"

    def compose_fields(self) -> ComposeResult:
        yield from self.field(
            "question",
            "Question",
            Input(compact=True, value=votes.DEFAULT_QUESTION),
            hint="Then v: each person shows 1 (can't commit) to 5 (fully confident) fingers",
        )

    def submit(self) -> None:
        question = self.value("question").strip()
        if not question:
            self.refuse("question", "Ask a question the room can answer with 1 to 5 fingers")
            return
        self.dismiss(question)
