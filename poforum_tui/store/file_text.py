"""The bytes to write for a session over the file as it is on disk.

A file poforum wrote (no comments, its own layout) is written afresh by `save.dumps`: same
session, same bytes. A file a person wrote or edited (comments, blank lines, their own key
order) is edited in place by `handwritten.patch`, so what they wrote stays where it was.
Either way the line endings (LF or CRLF) and a byte-order mark are kept, and the result is
checked to read back as the session before it is returned.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict

from poforum_tui.domain.models import Session
from poforum_tui.store.errors import SessionFileError
from poforum_tui.store.handwritten import CannotPatch, patch
from poforum_tui.store.load import parse
from poforum_tui.store.save import UnsafeWriteError, layout

BOM = "\ufeff"

_WRITTEN: OrderedDict[bytes, Session] = OrderedDict()
"""The session each text lately returned holds, by a digest of the text (so the next save
over it knows the old session without parsing the file again)."""
_WRITTEN_SIZE = 16


def file_bytes(session: Session, base: bytes | None) -> bytes:
    """What to write for `session` over a file holding `base` (None or b"": a new file)."""
    fresh = layout(session)
    if not base:
        return _remember(fresh.text.encode("utf-8"), session)
    try:
        text = base.decode("utf-8")
    except UnicodeDecodeError:
        return _remember(fresh.text.encode("utf-8"), session)
    bom = text.startswith(BOM)
    crlf = "\r\n" in text
    plain = text.removeprefix(BOM).replace("\r\n", "\n")
    old = _session_of(base)
    result = fresh.text
    if old is not None and old is not session:
        old_layout = layout(old)
        if old_layout.text != plain:  # written or edited by a person: keep their layout
            result = _patched(plain, old_layout.data, fresh.data, session) or fresh.text
    elif old is session and plain != fresh.text:
        result = plain  # nothing changed: keep the file as it is
    if crlf:
        result = result.replace("\n", "\r\n")
    return _remember(((BOM if bom else "") + result).encode("utf-8"), session)


def _patched(base: str, old: dict, new: dict, session: Session) -> str | None:
    """`base` edited to hold `new`, if that edit reads back as `session`."""
    try:
        text = patch(base, old, new)
    except CannotPatch:
        return None
    try:
        written = parse(text.encode("utf-8"), "the edited file")
    except SessionFileError:
        return None
    return text if written == session else None


def _session_of(raw: bytes) -> Session | None:
    known = _WRITTEN.get(_digest(raw))
    if known is not None:
        return known
    try:
        return parse(raw, "the file on disk")  # the app's own read of it, when it read it
    except SessionFileError:
        return None  # broken on disk: the session is written afresh


def _remember(payload: bytes, session: Session) -> bytes:
    _WRITTEN[_digest(payload)] = session
    _WRITTEN.move_to_end(_digest(payload))
    while len(_WRITTEN) > _WRITTEN_SIZE:
        _WRITTEN.popitem(last=False)
    return payload


def _digest(raw: bytes) -> bytes:
    return hashlib.blake2b(raw, digest_size=16).digest()


__all__ = ["BOM", "UnsafeWriteError", "file_bytes"]
