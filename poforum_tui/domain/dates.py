"""Dates typed by a facilitator: `YYYY-MM-DD`, or `+7d` / `+2w` from the session's date."""

from __future__ import annotations

import datetime as dt
import re

from poforum_tui.domain.errors import DomainError

_RELATIVE = re.compile(r"^\+\s*(\d{1,3})\s*([dw])$", re.IGNORECASE)
FORMATS = "YYYY-MM-DD, or +7d / +2w"


def parse_date(text: str, base: dt.date) -> dt.date | None:
    """The date `text` means (None when blank); DomainError says why it is not a date."""
    text = text.strip()
    if not text:
        return None
    relative = _RELATIVE.match(text)
    if relative:
        count, unit = int(relative.group(1)), relative.group(2).lower()
        try:
            return base + dt.timedelta(days=count * (7 if unit == "w" else 1))
        except OverflowError:
            raise DomainError(f"{text} from {base} is past {dt.date.max}") from None
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            raise DomainError(f"{text} is not a day in the calendar") from None
    raise DomainError(f"{text!r} is not a date: use {FORMATS} from {base.isoformat()}")


def relative_label(day: dt.date, base: dt.date) -> str:
    """How far `day` is from `base` (the session's date), as the form takes it: `+7d`, `-3d`."""
    days = (day - base).days
    return "same day" if days == 0 else f"{days:+d}d"
