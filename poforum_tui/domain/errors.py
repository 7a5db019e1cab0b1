"""The one error type domain operations raise for a request the session refuses."""


class DomainError(ValueError):
    """A user's request that cannot be applied; the message is shown as is."""
