"""Side by side: the timeline of two to six actors or countries, a lane each."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response

from app.errors import InvalidParameter
from app.reading.explorer import explore
from app.reading.lanes import lanes_of
from app.record.db import SessionDep
from app.web.render import is_htmx, render
from app.web.routes.deps import SettingsDep

router = APIRouter(include_in_schema=False)


@router.get("/lanes")
def lanes(request: Request, session: SessionDep, settings: SettingsDep) -> Response:
    """Show a view of the timeline side by side, its filters in the query string."""
    view = explore(session, request.query_params, page_size=settings.page_size, base="/lanes")
    try:
        cut, errors = lanes_of(view), view.errors
    except InvalidParameter as error:
        cut, errors = None, [*view.errors, error]
    further = is_htmx(request) and view.query.cursor is not None
    block = "rows" if further else "explorer"
    return render(request, "lanes.html", {"view": view, "lanes": cut, "errors": errors},
                  block=block, status_code=400 if errors else 200)
