"""Schema versions: bring older files up to the current schema, refuse newer ones."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from poforum_tui.domain.models import SCHEMA_VERSION

# version -> function turning a file of that version into the next version's data.
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}


def migrate(data: dict[str, Any], error: Callable[[str], Exception]) -> dict[str, Any]:
    """Data at the current schema; a missing `schema` is taken as 1."""
    version = data.get("schema", 1)
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise error(f"schema: {version!r} is not a schema version (this poforum writes 1)")
    if version > SCHEMA_VERSION:
        raise error(
            f"schema: {version} was written by a newer poforum "
            f"(this one reads up to {SCHEMA_VERSION}); upgrade poforum to open it"
        )
    while version < SCHEMA_VERSION:
        data = MIGRATIONS[version](data)
        version += 1
        data["schema"] = version
    return {**data, "schema": version}
