"""Statements as schema.org Quotations: JSON-LD for exports and for permalinks' previews."""

from __future__ import annotations

from app import urls
from app.reading.statements import StatementView


def quotation_jsonld(view: StatementView, canonical: str, base_url: str) -> dict[str, object]:
    """Describe a statement as a schema.org Quotation, for search engines and link previews."""
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
        "dateCreated": s.said_on.isoformat(), **_language(s.lang, s.translation, s.translated_by),
    }
    if view.source:
        citation: dict[str, object] = {"@type": "CreativeWork", "name": view.source.title}
        if view.source.url:
            citation["url"] = view.source.url
        if view.source.published_on:
            citation["datePublished"] = view.source.published_on.isoformat()
        if view.source.author:
            citation["author"] = {"@type": "Person", "name": view.source.author}
        data["isBasedOn"] = citation
    return data


def _language(lang: str, translation: str | None, by: str | None) -> dict[str, object]:
    """Name the words' language (none when undetermined) and give the translation as a
    translation of this work, with its translator."""
    data: dict[str, object] = {"inLanguage": lang} if lang != "und" else {}
    if translation:
        rendered: dict[str, object] = {"@type": "Quotation", "text": translation,
                                       "inLanguage": "en"}
        if by:
            rendered["translator"] = {"@type": "Thing", "name": by}
        data["workTranslation"] = rendered
    return data
