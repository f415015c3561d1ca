"""The review queue: import an article, check its candidates beside their source, publish."""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response
from starlette.datastructures import UploadFile

from app.curation import review
from app.curation.article_import import import_article
from app.curation.inputs import StatementPatch
from app.curation.statement_edits import update_statement
from app.errors import InvalidParameter
from app.extract import ExtractError, parse_article
from app.reading import statements
from app.record.db import SessionDep
from app.web.render import is_htmx, render
from app.web.routes.auth_deps import EditorDep, WriterDep
from app.web.routes.deps import RecordId
from app.web.routes.forms import choices, form_values, parse

router = APIRouter(include_in_schema=False)
#: Largest article accepted for review, in bytes.
MAX_UPLOAD = 2_000_000


@router.get("/review")
def review_queue(request: Request, session: SessionDep, _author: EditorDep) -> Response:
    """List the imports waiting for review and offer to import another article."""
    return render(request, "review_queue.html", {"queue": review.queue(session), "values": {},
                                                 "errors": []})


@router.post("/review")
async def import_for_review(request: Request, session: SessionDep,
                            author: WriterDep) -> Response:
    """Import a pasted or uploaded article as drafts, then open its review."""
    form = await request.form()
    values = form_values(form)
    errors, text = await _article_text(form.get("file"), values.get("text", ""))
    date = _date(values.get("date"), errors)
    article = None
    if not errors:
        try:
            article = parse_article(text, date=date, title=values.get("title"))
        except ExtractError as error:
            errors.append(InvalidParameter("text", str(error)))
    if article is None or errors:
        return render(request, "review_queue.html", {"queue": review.queue(session),
                      "values": values, "errors": errors}, status_code=422)
    report = import_article(session, article, url=values.get("url"),
                            publisher=values.get("publisher"), author=author.name)
    return RedirectResponse(f"/review/{report.source_id}", status_code=303)


async def _article_text(upload: object, pasted: str) -> tuple[list[InvalidParameter], str]:
    """Read the article from an uploaded .txt or .html file, or from the pasted text."""
    if isinstance(upload, UploadFile) and upload.filename:
        raw = await upload.read(MAX_UPLOAD + 1)
        if len(raw) > MAX_UPLOAD:
            return [InvalidParameter("file", "larger than 2 MB; is it an article?")], ""
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            return [InvalidParameter("file", "not UTF-8 text (.txt or .html expected)")], ""
        is_html = upload.filename.lower().endswith((".html", ".htm")) or "<p" in text.lower()
        return [], review.html_to_text(text) if is_html else text
    if not pasted.strip():
        return [InvalidParameter("text", "paste the article's text or choose a file")], ""
    return [], pasted


def _date(raw: str | None, errors: list[InvalidParameter]) -> date | None:
    if not raw:
        return None
    try:
        return date.fromisoformat(raw)
    except ValueError:
        errors.append(InvalidParameter("date", f"{raw!r} is not a date in the form YYYY-MM-DD"))
        return None


@router.get("/review/{source_id}")
def review_source(source_id: RecordId, request: Request, session: SessionDep,
                  _author: EditorDep) -> Response:
    """Show each candidate beside its sentence in the source, with what to do about it."""
    return _review_page(request, session, source_id)


def _review_page(request: Request, session: SessionDep, source_id: int,
                 errors: list[InvalidParameter] | None = None, status: int = 200) -> Response:
    source, items = review.candidates(session, source_id)
    return render(request, "review_source.html", {
        "source": source, "items": items, "excerpts": {v.id: statements.excerpt(v) for v in items},
        "page_errors": errors or [], **choices(session)}, status_code=status)


@router.post("/review/{source_id}/statements/{statement_id}")
async def decide(source_id: RecordId, statement_id: RecordId, request: Request, session: SessionDep,
                 author: WriterDep) -> Response:
    """Accept, reject or correct one candidate; htmx swaps just that candidate."""
    review.candidate(session, source_id, statement_id)
    form = await request.form()
    action, errors = form.get("action"), list[InvalidParameter]()
    if action == "accept":
        review.accept(session, statement_id, author.name)
    elif action == "reject":
        review.reject(session, statement_id, author.name)
    elif action == "save":
        values = form_values(form, keep_blank={"target", "country"})
        parsed, errors = parse(StatementPatch, {k: (v or None) for k, v in values.items()})
        if parsed is not None:
            update_statement(session, statement_id, parsed, author.name)
    else:
        errors = [InvalidParameter("action", "choose accept, reject or save")]
    if not is_htmx(request):
        if errors:
            return _review_page(request, session, source_id, errors, status=422)
        return RedirectResponse(f"/review/{source_id}#candidate-{statement_id}", status_code=303)
    view = review.candidate(session, source_id, statement_id)
    return render(request, "review_source.html", {
        "source": view.source, "c": view, "excerpt": statements.excerpt(view), "errors": errors,
        "editing": bool(errors), **choices(session)},
        block="candidate", status_code=422 if errors else 200)


@router.post("/review/{source_id}/publish")
def publish(source_id: RecordId, request: Request, session: SessionDep,
            author: WriterDep) -> Response:
    """Publish every accepted candidate of the source; the rest stay out of public view."""
    review.candidates(session, source_id)
    count = review.publish(session, source_id, author.name)
    return RedirectResponse(f"/review/{source_id}?published={count}", status_code=303)


