"""Dialogs every feature uses: the form base, confirm, choice, session settings."""
