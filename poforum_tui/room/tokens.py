"""The room's secret: an unguessable token in every URL (128 random bits)."""

from __future__ import annotations

import hmac
import secrets

TOKEN_BYTES = 16


def new_token() -> str:
    """A URL-safe token of TOKEN_BYTES random bytes (22 characters)."""
    return secrets.token_urlsafe(TOKEN_BYTES)


def matches(given: str, token: str) -> bool:
    """Whether `given` is the room's token, in time that does not depend on where they differ."""
    return hmac.compare_digest(given.encode("utf-8", "replace"), token.encode("utf-8"))
