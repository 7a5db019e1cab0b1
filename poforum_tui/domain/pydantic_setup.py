"""Pydantic without its plugin loader: poforum's process loads no pydantic plugins.

Building the first model class makes pydantic import its plugin loader, which imports
`importlib.metadata` (with `email`, `zipfile`, `csv`: ~17 ms at every start) to look up
`pydantic` entry points. poforum uses no plugins, so before any model is built the loader is
replaced by one that finds none, as `PYDANTIC_DISABLE_PLUGINS=__all__` would answer, without
the import. `POFORUM_PYDANTIC_PLUGINS=1` keeps pydantic's own loader (to use a plugin while
developing). Should pydantic move its loader, this does nothing and pydantic loads as usual.
"""

from __future__ import annotations

import os
import sys
from types import ModuleType

LOADER = "pydantic.plugin._loader"


def skip_plugin_loader() -> bool:
    """Install the loader that finds no plugins, unless pydantic's own is loaded or wanted."""
    if os.environ.get("POFORUM_PYDANTIC_PLUGINS") or LOADER in sys.modules:
        return False
    loader = ModuleType(LOADER, "pydantic plugins are not loaded by poforum")
    loader.get_plugins = lambda: ()  # type: ignore[attr-defined]
    sys.modules[LOADER] = loader
    return True


skip_plugin_loader()
