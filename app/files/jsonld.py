"""Statements as schema.org Quotations: JSON-LD for exports and for permalinks' previews."""

from __future__ import annotations

from collections.abc import Sequence

from app import urls
from app.reading.appearances import Shown, first_reported
from app.reading.statements import StatementView
from app.record.models import Source


def quotation_jsonld(view: StatementView, canonical: str, base_url: str,
                     appearances: Sequence[Shown] = ()) -> dict[str, object]:
    """Describe a statement as a schema.org Quotation, for search engines and link previews;
    with its appearances, every source that carried it and the first, as ClaimReview's
    `appearance` and `firstAppearance` do."""
    s, a = view.statement, view.actor
    creator: dict[str, object] = {
        "@type": "Person" if a.kind.value == "person" else "Organization",
        "name": a.name, "url": base_url + urls.actor_path(a.slug),
    }
    if view.role:
        creator["jobTitle"] = view.role
    data: dict[str, object] = {
        "@context": "https://schema.org", "@type": "Quotation", "@id": canonical,
        "url": canonical, "text": s.text, "creator": creator,
        "dateCreated": s.said_on.isoformat(),
    }
    if view.source:
        data["isBasedOn"] = _work(view.source)
    if len(appearances) > 1:
        data["appearance"] = [_work(shown.source, shown) for shown in appearances]
        first = first_reported(appearances)
        if first is not None:
            data["firstAppearance"] = _work(first.source, first)
    return data


def _work(source: Source, shown: Shown | None = None) -> dict[str, object]:
    """Describe a source as a CreativeWork; with an appearance, the words it gives and its day."""
    work: dict[str, object] = {"@type": "CreativeWork", "name": source.title}
    if source.url:
        work["url"] = source.url
    if shown is not None and source.publisher:
        work["publisher"] = {"@type": "Organization", "name": source.publisher}
    published = shown.published_on if shown else source.published_on
    if published:
        work["datePublished"] = published.isoformat()
    if shown is not None:
        work["text"] = shown.quote
    return work
