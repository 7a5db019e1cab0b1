"""poforum: prepare, run live and review Product Owner forums in the terminal."""

__version__ = "0.1.0"
