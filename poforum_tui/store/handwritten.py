"""Save over a file a person wrote: change only what changed, keep comments and layout.

`patch(base, old, new)` edits the text `base` (which holds the data `old`) until it holds
`new`: a changed value is rewritten in place (its trailing comment kept), a removed key or
table is cut out, a new key goes after the table's last key, a new table after the last one
of its array, and tables that moved (a column moved left) move with their comments. Blank
lines, comments and the order of keys a person wrote stay as they were. It raises
CannotPatch for layouts it does not edit (the caller then writes the file afresh).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from poforum_tui.store.toml_scan import Block, Entry, scan
from poforum_tui.store.toml_text import key_text, value_text

_MISSING = object()


class CannotPatch(Exception):
    """This layout is not one `patch` edits in place."""


def patch(base: str, old: Mapping[str, Any], new: Mapping[str, Any]) -> str:
    """`base` (LF line endings, no BOM) edited to hold `new` instead of `old`."""
    try:
        blocks = scan(base)
    except (ValueError, IndexError) as error:
        raise CannotPatch(str(error)) from None
    return _Patch(base, blocks).run(old, new)


class _Patch:
    def __init__(self, text: str, blocks: list[Block]) -> None:
        self.text = text
        self.blocks = blocks
        self.paths: list[tuple] = []
        self.by_path: dict[tuple, int] = {}
        self.under: dict[tuple, list[int]] = {}
        self.edits: dict[int, list[tuple[int, int, str]]] = {}
        self.deleted: set[int] = set()
        self.before: dict[int, list[str]] = {}
        self.after: dict[int, list[str]] = {}
        self.slots: dict[int, list[int | str]] = {}
        self.consumed: set[int] = set()
        self.headerless: dict[tuple, dict[str, Any]] = {}
        """New keys of tables written only through their sub-tables (`[[board.topics]]` with
        no `[board]`): one new header each, before the first of those sub-tables."""
        self._resolve()

    # -- where each table is ---------------------------------------------------------------

    def _resolve(self) -> None:
        last_index: dict[tuple, int] = {}
        for number, block in enumerate(self.blocks):
            if block.header is None:
                path: tuple = ()
            else:
                path = ()
                for i, part in enumerate(block.header):
                    path += (part,)
                    if i < len(block.header) - 1 and path in last_index:
                        path += (last_index[path],)
                if block.array:
                    index = last_index.get(path, -1) + 1
                    last_index[path] = index
                    path += (index,)
            if path in self.by_path:
                raise CannotPatch(f"table {path} written twice")
            self.paths.append(path)
            self.by_path[path] = number
            for depth in range(1, len(path) + 1):
                self.under.setdefault(path[:depth], []).append(number)

    # -- the walk over old and new data ----------------------------------------------------

    def run(self, old: Mapping[str, Any], new: Mapping[str, Any]) -> str:
        self._table((), old, new)
        for path, keys in self.headerless.items():
            self._append(path, [_new_table(path, keys)], first=True)
        return self._emit()

    def _table(self, path: tuple, old: Mapping[str, Any], new: Mapping[str, Any]) -> None:
        own = self.by_path.get(path)
        for key in dict.fromkeys([*old, *new]):
            before, after = old.get(key, _MISSING), new.get(key, _MISSING)
            if before is not _MISSING and after is not _MISSING and _equal(before, after):
                continue
            entries = self._entries(own, key)
            tables = [b for b in self.under.get((*path, key), ()) if b not in self.deleted]
            if tables and entries:
                raise CannotPatch(f"{key} is written both as keys and as tables")
            if tables:
                self._tables(path, key, before, after, tables)
            elif entries and own is not None:
                self._replace(own, entries, key, after)
            elif after is not _MISSING:
                self._add(path, own, key, after)

    def _tables(self, path: tuple, key: str, before: Any, after: Any, tables: list[int]) -> None:
        where = (*path, key)
        if after is _MISSING:
            self.deleted.update(tables)
        elif _is_table_list(before) and _is_table_list(after):
            self._array(where, before, after)
        elif isinstance(before, Mapping) and isinstance(after, Mapping):
            self._table(where, before, after)
        else:
            raise CannotPatch(f"{key} changes its kind of value")

    def _entries(self, own: int | None, key: str) -> list[Entry]:
        if own is None:
            return []
        return [entry for entry in self.blocks[own].entries if entry.key[0] == key]

    def _replace(self, own: int, entries: list[Entry], key: str, after: Any) -> None:
        edits = self.edits.setdefault(own, [])
        first, *rest = entries
        for entry in rest:
            edits.append((entry.start, entry.line_end, ""))
        if after is _MISSING:
            edits.append((first.start, first.line_end, ""))
            return
        if len(first.key) == 1:
            head = self.text[first.start : first.value_start]
        else:
            head = _indent(self.text, first.start) + f"{key_text(key)} = "
        edits.append((first.start, first.value_end, head + value_text(after)))

    def _add(self, path: tuple, own: int | None, key: str, after: Any) -> None:
        if _is_table_list(after):
            self._append(path, [_array_table((*path, key), item) for item in after])
        elif isinstance(after, Mapping) and (path == () or own is None):
            self._append(path, [_new_table((*path, key), after)])
        elif own is not None:
            self._add_key(own, f"{key_text(key)} = {value_text(after)}\n")
        else:
            self.headerless.setdefault(path, {})[key] = after

    def _add_key(self, own: int, line: str) -> None:
        block = self.blocks[own]
        if block.entries:
            last = block.entries[-1]
            at = last.line_end
            line = _indent(self.text, last.start) + line
            if not self.text[:at].endswith("\n"):
                line = "\n" + line
        else:
            at = block.body_start
        self.edits.setdefault(own, []).append((at, at, line))

    def _append(self, path: tuple, texts: list[str], *, first: bool = False) -> None:
        """New tables after the last table under `path` (before the first one: `first`)."""
        inside = [b for b in self.under.get(path, ()) if b not in self.deleted] if path else []
        if first and inside:
            self.before.setdefault(inside[0], []).extend(texts)
        elif inside:
            self.after.setdefault(inside[-1], []).extend(texts)
        else:
            self.after.setdefault(len(self.blocks) - 1, []).extend(texts)

    def _array(self, where: tuple, before: list, after: list) -> None:
        groups = [self._group((*where, index)) for index in range(len(before))]
        identity = _identity(before, after)
        positions = {identity(item, i): i for i, item in enumerate(before)}
        order: list[int | Mapping[str, Any]] = []  # old index (kept) or a new item, new order
        for number, item in enumerate(after):
            old_index = positions.pop(identity(item, number), None)
            if old_index is None:
                order.append(item)
            else:
                self._table((*where, old_index), before[old_index], item)
                order.append(old_index)
        for old_index in positions.values():
            self.deleted.update(groups[old_index])
        kept = sorted(i for i in order if isinstance(i, int))
        if not kept:
            texts = [_array_table(where, item) for item in order if not isinstance(item, int)]
            if groups:
                self.before.setdefault(groups[0][0], []).extend(texts)
            else:
                self._append(where[:-1], texts)
            return
        runs: list[list[int | str]] = [[] for _ in kept]
        slot = -1  # the k-th kept item (in the new order) takes the k-th kept item's place
        for entry in order:
            if isinstance(entry, int):
                slot += 1
                runs[slot].extend(groups[entry])
            else:
                runs[max(slot, 0)].append(_array_table(where, entry))
        for old_index, run in zip(kept, runs, strict=True):
            self.consumed.update(groups[old_index])
            self.slots[groups[old_index][0]] = run

    def _group(self, path: tuple) -> list[int]:
        """The blocks of one item: its table and the tables inside it, if they are together."""
        own = self.by_path.get(path)
        if own is None:
            raise CannotPatch(f"{'.'.join(map(str, path))}: an item that is not a table")
        members = sorted(self.under[path])
        if members != list(range(members[0], members[0] + len(members))) or members[0] != own:
            raise CannotPatch(f"the tables of {path} are not together")
        return members

    # -- writing the result ----------------------------------------------------------------

    def _emit(self) -> str:
        out: list[str] = []
        self._after_table = False
        for number in range(len(self.blocks)):
            if number in self.slots:
                for entry in self.slots[number]:
                    if isinstance(entry, int):
                        self._emit_block(entry, out)
                    else:
                        self._emit_table(entry, out)
            elif number not in self.consumed:
                self._emit_block(number, out)
        return "".join(out)

    def _emit_block(self, number: int, out: list[str]) -> None:
        for text in self.before.get(number, ()):
            self._emit_table(text, out)
        if number not in self.deleted:
            block = self.blocks[number]
            text = self.text
            position, pieces = block.start, []
            for start, end, replacement in sorted(
                self.edits.get(number, ()), key=lambda edit: (edit[0], edit[1])
            ):
                pieces.append(text[position:start])
                pieces.append(replacement)
                position = max(position, end)
            pieces.append(text[position : block.end])
            chunk = "".join(pieces)
            if chunk:
                if self._after_table and not chunk.startswith("\n"):
                    out.append("\n")
                out.append(chunk)
                self._after_table = False
        for text in self.after.get(number, ()):
            self._emit_table(text, out)

    def _emit_table(self, text: str, out: list[str]) -> None:
        """A new table, with one blank line before it (and before what follows it)."""
        tail = "".join(out[-2:])
        if tail and not tail.endswith("\n"):
            out.append("\n")
            tail += "\n"
        if tail and not tail.endswith("\n\n"):
            out.append("\n")
        out.append(text)
        self._after_table = True


def _array_table(where: tuple, item: Mapping[str, Any]) -> str:
    header = ".".join(key_text(part) for part in where)
    lines = [f"{key_text(k)} = {value_text(v)}\n" for k, v in item.items()]
    return f"[[{header}]]\n" + "".join(lines)


def _new_table(where: tuple, table: Mapping[str, Any]) -> str:
    header = ".".join(key_text(part) for part in where)
    plain = {k: v for k, v in table.items() if not _is_table_list(v)}
    lines = [f"{key_text(k)} = {value_text(v)}\n" for k, v in plain.items()]
    text = f"[{header}]\n" + "".join(lines) if where else "".join(lines)
    for key, value in table.items():
        if _is_table_list(value):
            text += "".join("\n" + _array_table((*where, key), item) for item in value)
    return text


def _identity(before: list, after: list):
    """How items are matched across a change: by `id`, else `name`, else position."""
    for key in ("id", "name"):
        values = [item.get(key) for item in [*before, *after]]
        if all(isinstance(v, str) for v in values) and len(set(values[: len(before)])) == len(
            before
        ):
            return lambda item, _number, key=key: item[key]
    return lambda _item, number: number


def _indent(text: str, start: int) -> str:
    line = text[start : text.find("\n", start) if "\n" in text[start:] else len(text)]
    return line[: len(line) - len(line.lstrip(" \t"))]


def _equal(a: Any, b: Any) -> bool:
    return a == b and (type(a) is type(b) or not isinstance(a, (bool, int, float)))


def _is_table_list(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, Mapping) for v in value)
