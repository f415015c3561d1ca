"""The write API: statements, actors and sources, for editors' scripts with a Bearer token.

Every change leaves a revision, as in the editing pages.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Header, Response
from pydantic import BaseModel

from app.curation import actor_edits, source_edits, statement_edits
from app.curation.inputs import (
    ActorIn,
    ActorPatch,
    LinkIn,
    SourceIn,
    SourcePatch,
    StatementIn,
    StatementPatch,
    WithdrawIn,
)
from app.errors import NotFound
from app.files.rows import instant
from app.reading.actors import Counted, get_actor
from app.reading.statements import views
from app.record import history
from app.record.db import SessionDep
from app.record.models import Actor, Source, StatementStatus
from app.web.etags import expected_versions, tag_response
from app.web.routes.auth_deps import WriterDep
from app.web.routes.deps import BaseUrlDep, RecordId
from app.web.schemas import ActorPublic, StatementPublic, error_responses

router = APIRouter(prefix="/api", tags=["write"])
#: What a write may answer besides its success: a bad or over-size body, no editor, no
#: CSRF token (a session), no such record, a change that would break the record.
ERRORS = error_responses(400, 401, 403, 404, 409, 413, 422)
#: A change that names the version it was made on (If-Match) may find it changed meanwhile.
VERSIONED_ERRORS = error_responses(400, 401, 403, 404, 409, 412, 413, 422)
#: The ETag a client read (GET or an earlier write); a stale one gets 412, none edits anyway.
IfMatch = Annotated[str | None, Header(description="ETag of the version read; a stale one "
                                       "is refused with 412. Optional.")]


class SourcePublicFull(BaseModel):
    id: int
    title: str
    publisher: str | None
    url: str | None
    published_on: str | None
    #: Who wrote it, as its page says, when known.
    author: str | None = None
    #: When onrecord fetched it from its address; null when it was pasted or given.
    fetched_at: str | None = None

    @classmethod
    def of(cls, source: Source) -> SourcePublicFull:
        return cls(id=source.id or 0, title=source.title, publisher=source.publisher,
                   url=source.url, published_on=source.published_on.isoformat()
                   if source.published_on else None, author=source.author,
                   fetched_at=instant(source.fetched_at))


class RevisionPublic(BaseModel):
    number: RecordId
    action: str
    author: str
    created_at: str
    changes: dict[str, Any]
    snapshot: dict[str, Any]


def _statement(session: SessionDep, statement_id: RecordId, base: str,
               response: Response) -> StatementPublic:
    tag_response(response, session, "statement", statement_id)
    view = views(session, [statement_edits.get_any_statement(session, statement_id)])[0]
    return StatementPublic.of(view, base)


@router.post("/statements", status_code=201, response_model=StatementPublic, responses=ERRORS)
def create_statement(data: StatementIn, session: SessionDep, author: WriterDep,
                     base: BaseUrlDep, response: Response) -> StatementPublic:
    """Add a statement; the speaker is matched by slug, name or alias, else created."""
    statement = statement_edits.create_statement(session, data, author.name)
    return _statement(session, statement.id or 0, base, response)


@router.patch("/statements/{statement_id}", response_model=StatementPublic,
               responses=VERSIONED_ERRORS)
def update_statement(statement_id: RecordId, patch: StatementPatch, session: SessionDep,
                     author: WriterDep, base: BaseUrlDep, response: Response,
                     if_match: IfMatch = None) -> StatementPublic:
    """Correct some fields of a statement; the others stay as they are. With `If-Match`
    (the ETag of `GET /api/statements/{id}`), refused with 412 if it changed meanwhile."""
    statement_edits.update_statement(session, statement_id, patch, author.name,
                                     expected=expected_versions(if_match, "statement",
                                                                statement_id))
    return _statement(session, statement_id, base, response)


@router.post("/statements/{statement_id}/withdraw", response_model=StatementPublic,
             responses=VERSIONED_ERRORS)
def withdraw_statement(statement_id: RecordId, data: WithdrawIn, session: SessionDep,
                       author: WriterDep, base: BaseUrlDep, response: Response,
                       if_match: IfMatch = None) -> StatementPublic:
    """Withdraw a statement with a reason; its permalink then answers 410 with the notice."""
    statement_edits.set_status(session, statement_id, StatementStatus.withdrawn, author.name,
                               reason=data.reason,
                               expected=expected_versions(if_match, "statement", statement_id))
    return _statement(session, statement_id, base, response)


@router.post("/statements/{statement_id}/publish", response_model=StatementPublic,
             responses=VERSIONED_ERRORS)
def publish_statement(statement_id: RecordId, session: SessionDep, author: WriterDep,
                      base: BaseUrlDep, response: Response,
                      if_match: IfMatch = None) -> StatementPublic:
    """Publish a draft, or put a withdrawn statement back on the record."""
    statement_edits.set_status(session, statement_id, StatementStatus.published, author.name,
                               expected=expected_versions(if_match, "statement", statement_id))
    return _statement(session, statement_id, base, response)


@router.post("/statements/{statement_id}/links", status_code=201, responses=ERRORS)
def link_statements(statement_id: RecordId, link: LinkIn, session: SessionDep,
                    author: WriterDep) -> dict[str, Any]:
    """Say that this statement responds to, rebuts, repeats or contradicts another."""
    made = statement_edits.link_statements(session, statement_id, link, author.name)
    return {"statement_id": made.statement_id, "other_id": made.other_id,
            "relation": made.relation.value}


@router.get("/statements/{statement_id}/history", response_model=list[RevisionPublic],
            tags=["read"], responses=error_responses(404, 422))
def statement_history(statement_id: RecordId, session: SessionDep) -> list[RevisionPublic]:
    """List a public statement's revisions, newest first."""
    statement = statement_edits.get_any_statement(session, statement_id)
    if statement.status in (StatementStatus.draft, StatementStatus.rejected):
        raise NotFound("statement", statement_id)
    return [RevisionPublic(number=r.number, action=r.action, author=r.author,
                           created_at=r.created_at.isoformat(), changes=r.changes,
                           snapshot=r.snapshot)
            for r in history.revisions(session, "statement", statement_id)]


def _actor(session: SessionDep, actor: Actor, base: str, response: Response) -> ActorPublic:
    tag_response(response, session, "actor", actor.id or 0)
    return ActorPublic.of(Counted(actor, 0), base)


@router.post("/actors", status_code=201, response_model=ActorPublic, responses=ERRORS)
def create_actor(data: ActorIn, session: SessionDep, author: WriterDep,
                 base: BaseUrlDep, response: Response) -> ActorPublic:
    """Add an actor with aliases, roles and country."""
    return _actor(session, actor_edits.create_actor(session, data, author.name), base, response)


@router.patch("/actors/{slug}", response_model=ActorPublic, responses=VERSIONED_ERRORS)
def update_actor(slug: str, patch: ActorPatch, session: SessionDep, author: WriterDep,
                 base: BaseUrlDep, response: Response, if_match: IfMatch = None) -> ActorPublic:
    """Correct an actor; aliases and roles, when given, replace the old lists. With
    `If-Match` (the ETag of the last write), refused with 412 if it changed meanwhile."""
    actor_id = get_actor(session, slug).id or 0
    actor = actor_edits.update_actor(session, slug, patch, author.name,
                                     expected=expected_versions(if_match, "actor", actor_id))
    return _actor(session, actor, base, response)


@router.post("/actors/{slug}/merge/{duplicate}", response_model=ActorPublic, responses=ERRORS)
def merge_actor(slug: str, duplicate: str, session: SessionDep, author: WriterDep,
                base: BaseUrlDep, response: Response) -> ActorPublic:
    """Fold a duplicate actor into this one; the duplicate's slug then redirects here."""
    merged = actor_edits.merge_actors(session, slug, duplicate, author.name)
    return _actor(session, merged, base, response)


@router.post("/sources", status_code=201, response_model=SourcePublicFull, responses=ERRORS)
def create_source(data: SourceIn, session: SessionDep, author: WriterDep,
                  response: Response) -> SourcePublicFull:
    """Add a source (or return the one with the same URL)."""
    source = source_edits.create_source(session, data, author.name)
    tag_response(response, session, "source", source.id or 0)
    return SourcePublicFull.of(source)


@router.patch("/sources/{source_id}", response_model=SourcePublicFull,
               responses=VERSIONED_ERRORS)
def update_source(source_id: RecordId, patch: SourcePatch, session: SessionDep,
                  author: WriterDep, response: Response,
                  if_match: IfMatch = None) -> SourcePublicFull:
    """Correct a source's citation. With `If-Match` (the ETag of the last write), refused
    with 412 if it changed meanwhile."""
    source = source_edits.update_source(session, source_id, patch, author.name,
                                        expected=expected_versions(if_match, "source",
                                                                   source_id))
    tag_response(response, session, "source", source_id)
    return SourcePublicFull.of(source)
