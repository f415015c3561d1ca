"""Every kind of page a reader or an editor meets, for the audits that visit them all."""

from __future__ import annotations

#: Pages anyone can open, by kind. The demo's statement 1 is by Liz Truss, from the UK.
READER_PAGES = {
    "timeline": "/",
    "filtered timeline": "/?actor=liz-truss&stance=critical",
    "search": "/?q=russia",
    "permalink": "/statements/1",
    "pinned permalink": "/statements/1?v=1",
    "history": "/statements/1/history",
    "actor": "/actors/liz-truss",
    "actor history": "/actors/liz-truss/history",
    "country": "/countries/GB",
    "login": "/login",
    "about": "/about",
    "docs": "/docs",
    "embedded statement": "/embed/statements/1",
    "embedded timeline": "/embed?actor=liz-truss",
    "not found": "/no/such/page",
}
#: Pages only an editor reaches; "{source}" is the article in review.
EDITOR_PAGES = {
    "review queue": "/review",
    "review page": "/review/{source}",
    "new statement": "/statements/new",
    "edit statement": "/statements/1/edit",
    "edit actor": "/actors/liz-truss/edit",
    "followed feeds": "/sources/feeds",
}


def every_page(source_id: int) -> dict[str, str]:
    """Return every page by kind, editor pages included, with the review page filled in."""
    editor = {kind: path.format(source=source_id) for kind, path in EDITOR_PAGES.items()}
    return {**READER_PAGES, **editor}
