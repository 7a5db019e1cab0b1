"""Presenter mode: the calm, large view for the shared screen."""
