"""Participants, their roles and domains, and the working agreement."""
