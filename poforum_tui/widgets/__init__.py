"""Reusable widgets: each with DEFAULT_CSS, HELP and nested messages where it has any."""
