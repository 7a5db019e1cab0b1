"""The store package's names: imported on first use, and never shadowed by their modules."""

from __future__ import annotations

import importlib
import types

import pytest

import poforum_tui.store as store


def test_every_exported_name_is_the_function_or_class_even_after_its_module_is_imported() -> None:
    for module in ("discovery", "errors", "load", "save", "templates"):
        importlib.import_module(f"poforum_tui.store.{module}")
    for name in store.__all__:
        value = getattr(store, name)
        assert not isinstance(value, types.ModuleType), name
        assert value.__name__ == name


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no_such_thing"):
        store.no_such_thing  # noqa: B018
