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
from poforum_tui.store.errors import SessionFileError, UnsafeWriteError
from poforum_tui.store.handwritten import CannotPatch, patch
from poforum_tui.store.layout import layout
from poforum_tui.store.load import parse

BOM = "\ufeff"

_WRITTEN: OrderedDict[bytes, tuple[Session, bool]] = OrderedDict()
"""The session each text lately returned holds and whether that text is poforum's own layout,
by a digest of the text (so the next save over it need not parse or compare it again)."""
_WRITTEN_SIZE = 16


def file_bytes(session: Session, base: bytes | None) -> bytes:
    """What to write for `session` over a file holding `base` (None or b"": a new file)."""
    fresh = layout(session)
    if not base:
        return _remember(fresh.text.encode("utf-8"), session, own=True)
    known = _WRITTEN.get(_digest(base))
    if known is not None and known[1]:  # poforum's own layout, LF, no BOM
        return _remember(fresh.text.encode("utf-8"), session, own=True)
    try:
        text = base.decode("utf-8")
    except UnicodeDecodeError:
        return _remember(fresh.text.encode("utf-8"), session, own=True)
    bom = text.startswith(BOM)
    crlf = "\r\n" in text
    plain = text.removeprefix(BOM).replace("\r\n", "\n")
    old = known[0] if known is not None else _session_of(base)
    result, own = fresh.text, True
    if old is not None and old is session:
        result, own = plain, plain == fresh.text  # nothing changed: keep the file as it is
    elif old is not None:
        old_layout = layout(old)
        if old_layout.text != plain:  # written or edited by a person: keep their layout
            patched = _patched(plain, old_layout.data, fresh.data, session)
            if patched is not None:
                result, own = patched, False
    if crlf:
        result = result.replace("\n", "\r\n")
    payload = ((BOM if bom else "") + result).encode("utf-8")
    return _remember(payload, session, own=own and not (bom or crlf))


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
    try:
        return parse(raw, "the file on disk")  # the app's own read of it, when it read it
    except SessionFileError:
        return None  # broken on disk: the session is written afresh


def _remember(payload: bytes, session: Session, *, own: bool) -> bytes:
    digest = _digest(payload)
    _WRITTEN[digest] = (session, own)
    _WRITTEN.move_to_end(digest)
    while len(_WRITTEN) > _WRITTEN_SIZE:
        _WRITTEN.popitem(last=False)
    return payload


def _digest(raw: bytes) -> bytes:
    return hashlib.blake2b(raw, digest_size=16).digest()


__all__ = ["BOM", "UnsafeWriteError", "file_bytes"]
