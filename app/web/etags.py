"""Entity tags of records: the version a client read, sent back in If-Match to edit it.

A record's version is the number of its latest revision (app.record.history), so the tag
changes exactly when the record does. An edit without If-Match still goes through, as it
always did; one whose If-Match names another version is refused with 412.
"""

from __future__ import annotations

import re

from fastapi import Response
from sqlmodel import Session

from app.record.history import version_of


def etag(entity: str, entity_id: int, version: int) -> str:
    """Spell the strong entity tag of one version of a record."""
    return f'"{entity}-{entity_id}-v{version}"'


def tag_response(response: Response, session: Session, entity: str, entity_id: int) -> None:
    """Give a response the entity tag of the record's current version."""
    response.headers["ETag"] = etag(entity, entity_id, version_of(session, entity, entity_id))


def expected_versions(if_match: str | None, entity: str, entity_id: int) -> set[int] | None:
    """Read If-Match into the versions an edit may apply to: None when it is absent or "*"
    (any version), else those its tags name (weak tags never match, as RFC 9110 says)."""
    if if_match is None or if_match.strip() == "*":
        return None
    pattern = re.compile(rf'"{entity}-{entity_id}-v(\d+)"')
    return {int(found[1]) for tag in if_match.split(",")
            if (found := pattern.fullmatch(tag.strip()))}
