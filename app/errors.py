"""Every error the app can explain to a user: one base type that carries its HTTP status
and title, so the web layer has one handler that answers it as a page or as JSON, and the
command line prints the same message.

Services raise these; they never raise HTTP errors. A new kind of refusal is a subclass
here with its status and title, and nothing else changes.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar


class OnrecordError(Exception):
    """An error a user can act on: its message is safe to show."""

    status: ClassVar[int] = 400
    title: ClassVar[str] = "Bad request"

    @property
    def parameters(self) -> Sequence[InvalidParameter]:
        """The parameters or fields the error is about, each named (none by default)."""
        return ()

    @property
    def headers(self) -> dict[str, str]:
        """Extra response headers the answer needs (none by default)."""
        return {}


class NotFound(OnrecordError):
    """A record that was asked for by id, slug or code does not exist."""

    status, title = 404, "Not found"

    def __init__(self, what: str, key: object) -> None:
        super().__init__(f"No {what} {key!s}.")
        self.what = what
        self.key = key


class NoSuchPage(OnrecordError):
    """An address the app has no page for."""

    status, title = 404, "Not found"

    def __init__(self) -> None:
        super().__init__("There is no page at this address.")


class InvalidParameter(OnrecordError):
    """A query parameter or field that cannot be understood; names it."""

    def __init__(self, param: str, message: str) -> None:
        super().__init__(f"{param}: {message}")
        self.param = param
        self.message = message

    @property
    def parameters(self) -> Sequence[InvalidParameter]:
        return (self,)


class InvalidParameters(OnrecordError):
    """Several bad parameters at once, so a user can fix them all in one go."""

    def __init__(self, errors: Sequence[InvalidParameter]) -> None:
        super().__init__("; ".join(str(e) for e in errors))
        self.errors = list(errors)

    @property
    def parameters(self) -> Sequence[InvalidParameter]:
        return self.errors


class InvalidFields(InvalidParameters):
    """A body or form whose fields are wrong (422, as FastAPI answers), each named."""

    status = 422


class NotAuthenticated(OnrecordError):
    """A write without an editor's session or a valid API token."""

    status, title = 401, "Log in to make changes"

    def __init__(self) -> None:
        super().__init__("log in as an editor, or send an API token as 'Authorization: Bearer'")

    @property
    def headers(self) -> dict[str, str]:
        return {"WWW-Authenticate": "Bearer"}


class AuthError(OnrecordError):
    """A login, token or CSRF check that failed; the message is safe to show."""

    status, title = 403, "Not allowed"


class EditRefused(OnrecordError):
    """A change that would break the record; the message says why."""

    status, title = 409, "Change refused"


class ArticleRefused(OnrecordError):
    """An article that cannot be imported as given; the message says why."""

    status, title = 400, "Import refused"


class BackupRefused(OnrecordError):
    """A backup or restore that cannot be done as asked; the message says why."""

    title = "Backup or restore refused"


class TargetNotEmpty(OnrecordError):
    """The target database already holds statements; copying would mix two records."""

    status, title = 409, "Target not empty"


class StaleEdit(OnrecordError):
    """An edit made on a version of a record that has changed since it was read."""

    status, title = 412, "Changed meanwhile"


class TooLarge(OnrecordError):
    """A body, upload or article larger than the app accepts; the message gives the limit."""

    status, title = 413, "Too large"


class TryLater(OnrecordError):
    """A refusal that passes: the answer says after how many seconds to try again."""

    def __init__(self, message: str, *, retry_after: int = 2) -> None:
        super().__init__(message)
        self.retry_after = retry_after

    @property
    def headers(self) -> dict[str, str]:
        return {"Retry-After": str(self.retry_after)}


class TooManyRequests(TryLater):
    """Too many attempts or too much work asked at once; try again after the given delay."""

    status, title = 429, "Too many requests"


class Busy(TryLater):
    """The record is busy with another writer (or the work ran out of time); try again."""

    status, title = 503, "Busy, try again"


class Gone(OnrecordError):
    """A record that was there and was withdrawn; the message says why."""

    status, title = 410, "Withdrawn"


class FeedUnreadable(OnrecordError):
    """A followed feed that cannot be read as RSS or Atom; the message says why."""

    status, title = 502, "Feed unreadable"


class DetectorStopped(OnrecordError):
    """The process detecting an import's languages ended before it answered; nothing of the
    import was written."""

    status, title = 500, "Language detection failed"
