"""The review queue: import an article, check its candidates beside their source, publish."""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from app import urls
from app.curation import review
from app.curation.address_import import Given, import_address
from app.curation.article_import import import_article
from app.curation.article_text import looks_like_html
from app.curation.inputs import StatementPatch
from app.curation.review_repeats import add_as_appearance, on_page
from app.curation.statement_edits import update_statement
from app.errors import ArticleRefused, InvalidParameter
from app.extract import ExtractError
from app.reading import statements
from app.record.db import SessionDep
from app.record.models import MAX_ID
from app.web.render import is_htmx, render
from app.web.routes.auth_deps import EditorDep, WriterDep
from app.web.routes.deps import RecordId, address_import, article_reader
from app.web.routes.forms import CLEARABLE, choices, form_values, parse

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
    if values.get("address"):
        return await run_in_threadpool(_import_address, request, session, author.name, values)
    errors, text, is_html = await _article_text(form.get("file"), values.get("text", ""))
    # The article is read in a worker process and stored from a thread: the event loop
    # (and every other request) never waits for either.
    return await run_in_threadpool(_import_for_review, request, session, author.name,
                                   values, errors, (text, is_html))


def _import_for_review(request: Request, session: SessionDep, author: str,
                       values: dict[str, str], errors: list[InvalidParameter],
                       text: tuple[str, bool]) -> Response:
    date = _date(values.get("date"), errors)
    if not errors:
        try:
            article, quotes = article_reader(request).read(text[0], is_html=text[1], date=date,
                                                    title=values.get("title"))
        except ExtractError as error:
            errors.append(InvalidParameter("text", str(error)))
    if errors:
        return _refused(request, session, values, errors)
    report = import_article(session, article, quotes=quotes, url=values.get("url"),
                            publisher=values.get("publisher"), author=author,
                            max_candidates=request.app.state.settings.max_candidates)
    return RedirectResponse(urls.review_path(report.source_id), status_code=303)


def _import_address(request: Request, session: SessionDep, author: str,
                    values: dict[str, str]) -> Response:
    """Fetch the article at the address given and import it, or say on the form why not."""
    errors: list[InvalidParameter] = []
    given = Given(_date(values.get("date"), errors), values.get("title"),
                  values.get("publisher"))
    if not errors:
        try:
            report = import_address(session, values["address"], address_import(request),
                                    author=author, given=given)
            return RedirectResponse(urls.review_path(report.source_id), status_code=303)
        except ArticleRefused as refused:
            errors.append(InvalidParameter("address", str(refused)))
    return _refused(request, session, values, errors)


def _refused(request: Request, session: SessionDep, values: dict[str, str],
             errors: list[InvalidParameter]) -> Response:
    return render(request, "review_queue.html", {"queue": review.queue(session),
                  "values": values, "errors": errors}, status_code=422)


async def _article_text(upload: object, pasted: str) -> tuple[list[InvalidParameter], str, bool]:
    """Read the article from an uploaded .txt or .html file, or from the pasted text; say
    whether it is HTML."""
    if isinstance(upload, UploadFile) and upload.filename:
        raw = await upload.read(MAX_UPLOAD + 1)
        if len(raw) > MAX_UPLOAD:
            return [InvalidParameter("file", "larger than 2 MB; is it an article?")], "", False
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            return [InvalidParameter("file", "not UTF-8 text (.txt or .html expected)")], "", False
        is_html = looks_like_html(upload.filename, text)
        return [], text, is_html
    if not pasted.strip():
        return [InvalidParameter("text", "paste the article's text or choose a file")], "", False
    return [], pasted, False


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
                  _author: EditorDep, page: int = 1) -> Response:
    """Show one page of candidates, each beside its sentence in the source; htmx swaps just
    the list when it turns the page."""
    return _review_page(request, session, source_id, page=page)


def _review_page(request: Request, session: SessionDep, source_id: int,
                 errors: list[InvalidParameter] | None = None, status: int = 200,
                 page: int = 1) -> Response:
    shown = review.candidates(session, source_id, page)
    return render(request, "review_source.html", {
        "source": shown.source, "shown": shown, "items": shown.items,
        "excerpts": {v.id: statements.excerpt(v) for v in shown.items},
        **on_page(session, source_id, shown.items),
        "page_errors": errors or [], **choices(session)}, block="candidates",
        status_code=status)


@router.post("/review/{source_id}/statements/{statement_id}")
async def decide(source_id: RecordId, statement_id: RecordId, request: Request, session: SessionDep,
                 author: WriterDep) -> Response:
    """Accept, reject or correct one candidate; htmx swaps just that candidate."""
    form = await request.form()
    action = form.get("action")
    decision = (action if isinstance(action, str) else "",
                form_values(form, keep_blank=CLEARABLE))
    return await run_in_threadpool(_decide, request, session, author.name, decision,
                                   (source_id, statement_id))


def _decide(request: Request, session: SessionDep, author: str,
            decision: tuple[str, dict[str, str]], ids: tuple[int, int]) -> Response:
    source_id, statement_id = ids
    (action, values), errors = decision, list[InvalidParameter]()
    review.candidate(session, source_id, statement_id)
    if action == "accept":
        review.accept(session, statement_id, author)
    elif action == "reject":
        review.reject(session, statement_id, author)
    elif action == "appearance":  # already on the record: this source is one more appearance
        errors = _add_appearance(session, statement_id, values.get("of", ""), author)
    elif action == "save":
        parsed, errors = parse(StatementPatch, {k: (v or None) for k, v in values.items()})
        if parsed is not None:
            update_statement(session, statement_id, parsed, author)
    else:
        errors = [InvalidParameter("action", "choose accept, appearance, reject or save")]
    if not is_htmx(request):
        page = review.page_of(session, source_id, statement_id)
        if errors:
            return _review_page(request, session, source_id, errors, status=422, page=page)
        return RedirectResponse(f"{urls.review_path(source_id)}?page={page}"
                                f"#candidate-{statement_id}", status_code=303)
    view = review.candidate(session, source_id, statement_id)
    return render(request, "review_source.html", {
        "source": view.source, "c": view, "excerpt": statements.excerpt(view), "errors": errors,
        "editing": bool(errors) and action == "save",
        **on_page(session, source_id, [view]), **choices(session)},
        block="candidate", status_code=422 if errors else 200)


def _add_appearance(session: SessionDep, candidate_id: int, of: str,
                    author: str) -> list[InvalidParameter]:
    """Add the candidate's source to the statement it repeats; name `of` when it is wrong."""
    if not of.isdigit() or not 0 < int(of) <= MAX_ID:
        return [InvalidParameter("of", f"{of!r} is not a statement number")]
    add_as_appearance(session, candidate_id, int(of), author)
    return []


@router.post("/review/{source_id}/publish")
def publish(source_id: RecordId, request: Request, session: SessionDep,
            author: WriterDep) -> Response:
    """Publish every accepted candidate of the source; the rest stay out of public view."""
    review.candidates(session, source_id)
    count = review.publish(session, source_id, author.name)
    return RedirectResponse(f"{urls.review_path(source_id)}?published={count}", status_code=303)


