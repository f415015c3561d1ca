"""Naming the language of statements that have none yet ('und', as migration 0010 left
every earlier statement), with the detector: `onrecord detect-languages`.

Each batch is detected before the write lock is taken, then written under it, with a
revision per statement, only where the words are still those detected and no one has
named the language meanwhile; a text the detector cannot tell stays 'und'.
"""

from __future__ import annotations

from sqlmodel import Session, col, select

from app.curation.language_detection import detect_language
from app.curation.write_lock import begin_write
from app.record.history import record_change, snapshot
from app.record.languages import UNDETERMINED
from app.record.models import Statement

#: Statements detected per transaction, so a long run holds the write lock only briefly.
BATCH = 500
#: The author the revisions name.
DETECTOR = "language detector"


def detect_undetermined(session: Session, *, batch: int = BATCH) -> int:
    """Detect the language of every statement whose language is 'und'; return how many
    were named."""
    named, after = 0, 0
    while rows := session.exec(
            select(Statement.id, Statement.text).where(
                Statement.lang == UNDETERMINED, col(Statement.id) > after)
            .order_by(col(Statement.id)).limit(batch)).all():
        after = rows[-1][0] or after
        found = {i: (text, lang) for i, text in rows
                 if (lang := detect_language(text)) != UNDETERMINED}
        named += _write(session, found)
    return named


def _write(session: Session, found: dict[int | None, tuple[str, str]]) -> int:
    """Set the languages found under the write lock, where the words are unchanged."""
    begin_write(session)
    session.expire_all()
    named = 0
    for statement in session.exec(select(Statement).where(
            col(Statement.id).in_(list(found)), Statement.lang == UNDETERMINED)
            .with_for_update()).all():
        text, lang = found[statement.id]
        if statement.text != text:
            continue
        before = snapshot(statement)
        statement.lang = lang
        session.add(statement)
        session.flush()
        record_change(session, statement, action="detect language", author=DETECTOR,
                      before=before)
        named += 1
    session.commit()
    return named
