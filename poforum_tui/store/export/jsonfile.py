"""JSON of the whole session: the model's own JSON, for other tools."""

from __future__ import annotations

import json

from poforum_tui.domain.models import Session


def to_json(session: Session) -> str:
    """The session as pretty JSON (keys as in the file, e.g. `schema`), UTF-8, one final newline."""
    data = session.model_dump(mode="json", by_alias=True)
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
