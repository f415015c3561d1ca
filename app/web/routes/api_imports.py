"""Import an article by its address through the API: what /review does with an address,
for editors' scripts with a Bearer token."""

from __future__ import annotations

from fastapi import APIRouter, Request
from pydantic import BaseModel

from app import urls
from app.curation.address_import import Given, import_address
from app.curation.inputs import AddressIn
from app.errors import ArticleRefused, InvalidParameter
from app.record.db import SessionDep
from app.record.models import Source
from app.web.routes.api_write import SourcePublicFull
from app.web.routes.auth_deps import WriterDep
from app.web.routes.deps import BaseUrlDep, address_import
from app.web.schemas import error_responses

router = APIRouter(prefix="/api", tags=["write"])
#: Besides its success: a page refused (named `url`), no editor, no CSRF token, a body too
#: large or wrong, the reader busy with another article.
ERRORS = error_responses(400, 401, 403, 413, 422, 503)


class ImportedPublic(BaseModel):
    source: SourcePublicFull
    #: The candidates found, drafts waiting for review.
    statement_ids: list[int]
    review_url: str


@router.post("/sources/fetch", status_code=201, response_model=ImportedPublic,
             responses=ERRORS)
def import_by_address(data: AddressIn, request: Request, session: SessionDep,
                      author: WriterDep, base: BaseUrlDep) -> ImportedPublic:
    """Fetch the article at `url` and store its source (with its address, author and the
    time fetched) and its statements as drafts for review. A page refused — too large,
    too slow, neither HTML nor text, at or redirected to a private address, already
    imported — answers 400 naming `url`, and nothing is written."""
    given = Given(data.date, data.title, data.publisher)
    try:
        report = import_address(session, str(data.url), address_import(request),
                                author=author.name, given=given)
    except ArticleRefused as refused:
        raise InvalidParameter("url", str(refused)) from None
    source = session.get(Source, report.source_id)
    assert source is not None  # stored and committed just now
    return ImportedPublic(source=SourcePublicFull.of(source),
                          statement_ids=report.statement_ids,
                          review_url=base + urls.review_path(report.source_id))
