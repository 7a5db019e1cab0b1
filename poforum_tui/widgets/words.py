"""Small wording helpers for counts shown to people."""


def plural(count: int, noun: str) -> str:
    """`1 topic`, `3 topics`."""
    return f"{count} {noun}{'' if count == 1 else 's'}"
