"""The TOML parser every file of poforum is read with: tomli where installed, else tomllib."""

try:  # tomli's compiled wheels parse a 1,000-topic file in half tomllib's time (issue 8)
    import tomli as tomllib
except ImportError:  # pragma: no cover - tomli is a dependency; tomllib reads the same TOML
    import tomllib  # type: ignore[no-redef]

__all__ = ["tomllib"]
