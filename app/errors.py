"""Domain errors: raised by services, turned into HTML or JSON answers by the web layer."""

from __future__ import annotations


class OnrecordError(Exception):
    """Base of every error the app knows how to explain to a user."""


class NotFound(OnrecordError):
    """A record that was asked for by id, slug or code does not exist."""

    def __init__(self, what: str, key: object) -> None:
        super().__init__(f"No {what} {key!s}.")
        self.what = what
        self.key = key


class InvalidParameter(OnrecordError):
    """A query parameter that cannot be understood; names the parameter."""

    def __init__(self, param: str, message: str) -> None:
        super().__init__(f"{param}: {message}")
        self.param = param
        self.message = message


class InvalidParameters(OnrecordError):
    """Several bad parameters at once, so a user can fix them all in one go."""

    def __init__(self, errors: list[InvalidParameter]) -> None:
        super().__init__("; ".join(str(e) for e in errors))
        self.errors = errors
