"""Decisions, experiments and actions; follow-ups; the decision log across sessions."""
