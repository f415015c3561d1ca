"""What a shared statement or view offers beside its page: a preview card, the tags that
point at it, and citations."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request, Response
from markupsafe import Markup

from app import urls
from app.curation.inputs import MAX_INT
from app.errors import Gone, InvalidParameters
from app.files import citations
from app.reading import permalinks
from app.reading.explorer import Explorer, explore
from app.reading.lanes import MAX_LANES, MIN_LANES
from app.record.db import SessionDep
from app.record.models import StatementStatus
from app.web.cards import card_inputs, draw_card, draw_view_card, view_card, view_title
from app.web.embeds import TIMELINE_SIZE, Embed, fallback
from app.web.render import render, templates
from app.web.routes.deps import BaseUrlDep, RecordId, public_origin
from app.web.schemas import page_error_responses

router = APIRouter(tags=["share"])
VersionParam = Annotated[int | None, Query(ge=1, le=MAX_INT, description="A version number.")]

#: A card whose address names its inputs (a version, or their digest) never changes.
FOREVER = "public, max-age=31536000, immutable"
#: The card at the bare address follows edits: caches check back within the hour.
AN_HOUR = "public, max-age=3600"


@router.get("/statements/{statement_id}/card.png", response_class=Response,
            responses={200: {"content": {"image/png": {}}, "description": "A 1200×630 PNG."},
                       304: {"description": "The card the If-None-Match names is current."},
                       **page_error_responses(404, 410)})
def statement_card(statement_id: RecordId, request: Request, session: SessionDep,
                   v: VersionParam = None,
                   d: Annotated[str | None, Query(max_length=64)] = None) -> Response:
    """Draw the preview card of a statement, or of one of its versions with `?v=N`."""
    view = permalinks.statement_for_permalink(session, statement_id, editor=False)
    if view.statement.status is StatementStatus.withdrawn:
        raise Gone(f"Statement {statement_id} was withdrawn: {view.statement.withdrawn_reason}")
    shown, version = (view, None)
    if v is not None:
        shown, revision = permalinks.as_of_version(session, view, v)
        version = revision.number
    inputs = card_inputs(shown, version=version)
    lasting = version is not None or d == inputs.etag.strip('"')
    headers = {"ETag": inputs.etag, "Cache-Control": FOREVER if lasting else AN_HOUR}
    if inputs.etag in request.headers.get("if-none-match", ""):
        return Response(status_code=304, headers=headers)
    return Response(draw_card(inputs), media_type="image/png", headers=headers)


@router.get("/statements/{statement_id}/cite.{fmt}", response_class=Response,
            responses={200: {"content": {t: {} for _, t in citations.FORMATS.values()},
                             "description": "The citation."}, **page_error_responses(404)})
def statement_citation(statement_id: RecordId, fmt: Literal["txt", "bib", "json"],
                       session: SessionDep, base: BaseUrlDep,
                       v: VersionParam = None) -> Response:
    """Cite a statement (or one of its versions) as plain text, BibTeX or CSL-JSON."""
    view = permalinks.statement_for_permalink(session, statement_id, editor=False)
    cited = citations.cite(session, view, base, version=v)
    write, media_type = citations.FORMATS[fmt]
    return Response(write(cited), media_type=media_type,
                    headers={"Content-Disposition": f'inline; filename="{cited.key}.{fmt}"'})



@router.get("/card.png", response_class=Response,
            responses={200: {"content": {"image/png": {}}, "description": "A 1200×630 PNG."},
                       304: {"description": "The card the If-None-Match names is current."},
                       **page_error_responses(400, 404)})
def view_card_png(request: Request, session: SessionDep,
                  d: Annotated[str | None, Query(max_length=64)] = None) -> Response:
    """Draw the preview card of a view of the timeline: what it is narrowed to, its counts
    and its chart; the timeline's filters in the query string."""
    view = explore(session, request.query_params, page_size=1)
    if view.errors:
        raise InvalidParameters(view.errors)
    inputs = view_card(view)
    lasting = d == inputs.etag.strip('"')
    headers = {"ETag": inputs.etag, "Cache-Control": FOREVER if lasting else AN_HOUR}
    if inputs.etag in request.headers.get("if-none-match", ""):
        return Response(status_code=304, headers=headers)
    return Response(draw_view_card(inputs), media_type="image/png", headers=headers)


@router.get("/share-box", include_in_schema=False)
def share_box(request: Request, session: SessionDep) -> Response:
    """Answer the share box of a view alone: what htmx swaps in beside a changed timeline."""
    view = explore(session, request.query_params, page_size=1)
    return render(request, "share_box.html", {"view": view})


@dataclass(frozen=True)
class ViewPreview:
    """What a view of the timeline unfurls as: the tags of its page's head."""

    title: str
    description: str
    url: str
    image: str
    alt: str
    oembed: str
    embed: Embed
    fallback: Markup
    lanes: str | None


def view_preview(request: Request, view: Explorer, path: str | None = None) -> ViewPreview:
    """Describe a view for unfurlers; `path` is the page when it is not the explorer's own."""
    base = public_origin(request, request.app.state.settings)
    card = view_card(view)
    url = base + (path or view.url())
    title = view_title(view) or card.title
    described = f"{card.headline} on the record" + (
        f": {title}" if view.query.is_filtered else "")
    alt = f"{title}: {card.headline}" + (f" ({card.stances})" if card.stances else "")
    image = base + urls.view_card_path(view.query, digest=card.etag.strip('"'))
    embed = Embed(base + urls.embed_timeline_path(view.query.but()),
                  f"{title} · onrecord", *TIMELINE_SIZE)
    return ViewPreview(f"{title} · onrecord", described, url, image, alt,
                       base + urls.oembed_path(url), embed, fallback(url, image, alt),
                       _lanes_offered(view))


def _lanes_offered(view: Explorer) -> str | None:
    """Link to the view side by side when it names two to six actors or countries."""
    q = view.query
    fits = any(MIN_LANES <= len(chosen) <= MAX_LANES for chosen in (q.actors, q.countries))
    return urls.lanes_path(q.but()) if fits else None


# The head of every view's page calls this; it is the one helper the pages need from here.
templates.env.globals["view_preview"] = view_preview
