"""A statement's appearances in JSON-LD: every source that carried it and the first, as
ClaimReview's `appearance` and `firstAppearance` give them."""

from __future__ import annotations

from collections.abc import Sequence

from app.reading.appearances import Shown, first_reported


def with_appearances(data: dict[str, object],
                     appearances: Sequence[Shown]) -> dict[str, object]:
    """Add to a Quotation's JSON-LD the sources that carried it, when there are several."""
    if len(appearances) > 1:
        data["appearance"] = [_work(shown) for shown in appearances]
        first = first_reported(appearances)
        if first is not None:
            data["firstAppearance"] = _work(first)
    return data


def _work(shown: Shown) -> dict[str, object]:
    """Describe one appearance as a CreativeWork: the source, its day and the words it gives."""
    source = shown.source
    work: dict[str, object] = {"@type": "CreativeWork", "name": source.title,
                               "text": shown.quote}
    if source.url:
        work["url"] = source.url
    if source.publisher:
        work["publisher"] = {"@type": "Organization", "name": source.publisher}
    if shown.published_on:
        work["datePublished"] = shown.published_on.isoformat()
    return work
