"""Writing statements: every change goes through here and leaves a revision."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

from sqlmodel import Session

from app.curation.inputs import (
    LinkIn,
    StatementIn,
    StatementPatch,
    target_slug,
    translator_problem,
)
from app.curation.language_detection import language_of
from app.curation.source_edits import find_or_add_source
from app.curation.speakers import resolve_speaker
from app.curation.write_lock import begin_write, locked
from app.errors import EditRefused, NotFound
from app.record.history import (
    check_version,
    commit_change,
    get_revision,
    record_change,
    snapshot,
)
from app.record.models import (
    Actor,
    DatePrecision,
    Stance,
    Statement,
    StatementKind,
    StatementLink,
    StatementStatus,
    utcnow,
)


def get_any_statement(session: Session, statement_id: int) -> Statement:
    """Return a statement in any state (drafts and withdrawn ones too), or raise NotFound."""
    found = session.get(Statement, statement_id)
    if found is None:
        raise NotFound("statement", statement_id)
    return found


def locked_statement(session: Session, statement_id: int,
                     expected: Collection[int] | None = None) -> Statement:
    """Return a statement read under the write lock, refusing it when it is no longer one
    of the expected versions (None: any version); raise NotFound when there is none."""
    found = locked(session, Statement, statement_id)
    if found is None:
        raise NotFound("statement", statement_id)
    check_version(session, found, expected)
    return found


def create_statement(session: Session, data: StatementIn, author: str) -> Statement:
    """Add a statement and commit it."""
    begin_write(session)  # so two new statements never add the same new speaker twice
    statement = add_statement(session, data, author)
    session.commit()
    session.refresh(statement)
    return statement


def add_statement(session: Session, data: StatementIn, author: str) -> Statement:
    """Add a statement without committing, matching its speaker to a known actor or adding
    one; a bulk import commits once for the whole file."""
    speaker = resolve_speaker(session, data.speaker, country=data.country, author=author)
    source = find_or_add_source(session, data.source, author) if data.source else None
    statement = Statement(  # type: ignore[call-arg]
        actor=speaker, source=source, said_on=data.said_on, date_precision=data.date_precision,
        text=data.text, lang=language_of(data.lang, data.text), translation=data.translation,
        translated_by=data.translated_by, kind=data.kind, stance=data.stance, target=data.target,
        target_slug=target_slug(data.target), country_code=data.country or speaker.country_code,
        source_start=data.source_start, source_end=data.source_end,
        status=StatementStatus.published if data.publish else StatementStatus.draft,
    )
    _check_offsets(statement)
    _check_translation(statement)
    session.add(statement)
    session.flush()
    record_change(session, statement, action="create", author=author, before=None)
    return statement


def update_statement(session: Session, statement_id: int, patch: StatementPatch,
                     author: str, *, action: str = "edit",
                     expected: Collection[int] | None = None) -> Statement:
    """Change some fields of a statement and record what changed; with expected versions,
    refuse (ChangedMeanwhile) when another edit came first."""
    statement = locked_statement(session, statement_id, expected)
    before = snapshot(statement)
    fields = patch.model_dump(exclude_unset=True)
    if "speaker" in fields:
        statement.actor = resolve_speaker(session, fields.pop("speaker"), author=author)
    if "country" in fields:
        statement.country_code = fields.pop("country")
    if "target" in fields:
        statement.target_slug = target_slug(fields["target"])
    for name, value in fields.items():
        setattr(statement, name, value)
    return _save(session, statement, before, action, author)


def set_status(session: Session, statement_id: int, status: StatementStatus, author: str, *,
               reason: str | None = None,
               expected: Collection[int] | None = None) -> Statement:
    """Publish, withdraw (with a reason) or reject a statement; nothing is ever deleted."""
    statement = locked_statement(session, statement_id, expected)
    allowed = {StatementStatus.published: {StatementStatus.draft, StatementStatus.withdrawn},
               StatementStatus.withdrawn: {StatementStatus.published},
               StatementStatus.rejected: {StatementStatus.draft},
               StatementStatus.draft: {StatementStatus.rejected}}
    if statement.status not in allowed[status]:
        raise EditRefused(f"a {statement.status.value} statement cannot become {status.value}")
    if status is StatementStatus.withdrawn and not (reason and reason.strip()):
        raise EditRefused("say why the statement is withdrawn")
    before = snapshot(statement)
    statement.status = status
    statement.withdrawn_reason = reason if status is StatementStatus.withdrawn else None
    action = {"published": "publish", "withdrawn": "withdraw", "rejected": "reject",
              "draft": "reopen"}[status.value]
    return _save(session, statement, before, action, author)


def restore_statement(session: Session, statement_id: int, number: int,
                      author: str) -> Statement:
    """Bring back the words and facts of an earlier version, as a new revision."""
    statement = locked_statement(session, statement_id)
    old = get_revision(session, "statement", statement_id, number).snapshot
    before = snapshot(statement)
    if session.get(Actor, old["actor_id"]) is not None:  # merged-away speakers live on in
        statement.actor_id = old["actor_id"]              # the actor they were merged into
    statement.text = old["text"]
    statement.said_on = date.fromisoformat(old["said_on"])
    statement.date_precision = DatePrecision(old["date_precision"])
    statement.kind, statement.stance = StatementKind(old["kind"]), Stance(old["stance"])
    statement.country_code, statement.target = old["country_code"], old["target"]
    statement.target_slug = old["target_slug"]
    statement.source_start, statement.source_end = old["source_start"], old["source_end"]
    for name in ("lang", "translation", "translated_by"):  # revisions before 0010 lack them
        setattr(statement, name, old.get(name, getattr(statement, name)))
    return _save(session, statement, before, f"restore v{number}", author)


def link_statements(session: Session, statement_id: int, link: LinkIn,
                    author: str) -> StatementLink:
    """Say that a statement responds to, rebuts, repeats or contradicts another."""
    statement = locked_statement(session, statement_id)
    get_any_statement(session, link.other_id)
    if link.other_id == statement_id:
        raise EditRefused("a statement cannot be linked to itself")
    if any(x.other_id == link.other_id and x.relation == link.relation for x in statement.links):
        raise EditRefused("these statements are already linked so")
    before = snapshot(statement)
    made = StatementLink(statement_id=statement_id, other_id=link.other_id,
                         relation=link.relation)
    statement.links.append(made)
    _save(session, statement, before, "link", author)
    return made


def _save(session: Session, statement: Statement, before: dict[str, object], action: str,
          author: str) -> Statement:
    _check_offsets(statement)
    _check_translation(statement)
    statement.updated_at = utcnow()
    return commit_change(session, statement, action=action, author=author, before=before)


def _check_translation(statement: Statement) -> None:
    problem = translator_problem(statement.translation, statement.translated_by)
    if problem:
        raise EditRefused(problem)


def _check_offsets(statement: Statement) -> None:
    start, end = statement.source_start, statement.source_end
    if (start is None) != (end is None) or (start is not None and end is not None
                                            and start >= end):
        raise EditRefused("source_start and source_end go together, start before end")
