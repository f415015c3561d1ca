"""The row shape of bulk files: one statement per CSV row or JSON line, for import and export.

A JSON Lines row is a StatementRowIn (with `source` as an object); a CSV row flattens the
source into source_title, source_url, source_publisher, source_published_on, source_author
and source_fetched_at. An export
adds a few columns for readers (id, url, speaker_slug, role) that an import ignores.

`appearances` lists the further sources that carried the statement (its own `source` is
the first, its primary appearance), earliest first, each as {"source": {...}, "quote",
"published_on", "source_start", "source_end"}: an array in JSON Lines, and in CSV the same
array written as JSON text in one cell (empty when there are none), so that a row stays a
row in a spreadsheet and any JSON reader takes the cell apart.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from datetime import datetime
from typing import Any, Literal, get_args

from app import urls
from app.reading.appearances import Shown
from app.reading.listed import SourceRow
from app.reading.statements import StatementView
from app.record.models import Source, aware

Format = Literal["csv", "jsonl", "jsonld"]
#: Every format an export can be written in; an import reads the first two.
FORMATS: tuple[Format, ...] = get_args(Format)
#: The fields of a statement's source, nested in JSON Lines and flattened as source_* in CSV.
SOURCE_FIELDS = ("title", "url", "publisher", "published_on", "author", "fetched_at")
#: What an export adds for readers; an import skips these, since it always adds statements.
EXPORT_ONLY = ("id", "url", "speaker_slug", "role")
#: The columns an import reads, in the order an export writes them (publish is import-only).
STATEMENT_COLUMNS = ("speaker", "text", "said_on", "date_precision", "kind", "stance",
                     "target", "country", "lang", "translation", "translated_by",
                     *(f"source_{f}" for f in SOURCE_FIELDS),
                     "source_start", "source_end", "appearances")
IMPORT_COLUMNS = (*STATEMENT_COLUMNS, "publish")
#: A CSV export's header.
EXPORT_COLUMNS = ("id", "url", "speaker", "speaker_slug", "role", *STATEMENT_COLUMNS[1:])
#: File extensions and the format each stands for.
EXTENSIONS: dict[str, Format] = {"csv": "csv", "jsonl": "jsonl", "ndjson": "jsonl",
                                 "jsonld": "jsonld"}
#: Columns a CSV file must have.
REQUIRED_COLUMNS = ("speaker", "text", "said_on")
#: A CSV cell a spreadsheet would run as a formula (OWASP: =, +, -, @, tab, CR first), or
#: one that already looks neutralised (quotes before those): an export prefixes both with
#: one quote, and an import takes one quote off both, so every cell comes back as it was.
FORMULA_LIKE = re.compile("'*[=+\\-@\t\r]")
ESCAPED = re.compile("'+[=+\\-@\t\r]")


def format_of(name: str) -> Format | None:
    """Guess a file's format from its extension (.csv, .jsonl or .ndjson, .jsonld)."""
    suffix = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    return EXTENSIONS.get(suffix)


def record_of(view: StatementView, base_url: str,
              shown: Sequence[Shown] = ()) -> dict[str, Any]:
    """Return a statement as one JSON Lines row: the import shape plus the export-only keys;
    `shown`: its appearances (appearances_by_statement), of which the further ones go in."""
    s = view.statement
    return {
        "id": view.id, "url": base_url + view.path, "speaker": view.actor.name,
        "speaker_slug": view.actor.slug, "role": view.role, "text": s.text,
        "said_on": s.said_on.isoformat(), "date_precision": s.date_precision.value,
        "kind": s.kind.value, "stance": s.stance.value, "target": s.target,
        "country": s.country_code, "lang": s.lang, "translation": s.translation,
        "translated_by": s.translated_by, "source": source_record(view.source),
        "source_start": s.source_start, "source_end": s.source_end,
        "appearances": [appearance_record(a) for a in shown if not a.primary],
    }


def source_record(source: Source | SourceRow | None) -> dict[str, Any] | None:
    """Describe a source as a row gives it (SourceIn's fields)."""
    return None if source is None else {
        "title": source.title, "url": source.url, "publisher": source.publisher,
        "published_on": source.published_on.isoformat() if source.published_on else None,
        "author": source.author, "fetched_at": instant(source.fetched_at)}


def appearance_record(shown: Shown) -> dict[str, Any]:
    """Describe one further appearance as a row gives it (AppearanceIn's fields)."""
    return {"source": source_record(shown.source), "quote": shown.quote,
            "published_on": shown.published_on.isoformat() if shown.published_on else None,
            "source_start": shown.source_start, "source_end": shown.source_end}


def instant(moment: datetime | None) -> str | None:
    """Write a stored time as ISO 8601 in UTC, with its offset (so an import reads it back)."""
    moment = aware(moment)
    return moment.isoformat() if moment else None


def flat(record: dict[str, Any]) -> dict[str, Any]:
    """Flatten a JSON Lines row into CSV cells (source.title becomes source_title)."""
    cells = {k: v for k, v in record.items() if k != "source"}
    source = record.get("source") or {}
    cells.update({f"source_{f}": source.get(f) for f in SOURCE_FIELDS})
    further = record.get("appearances")
    cells["appearances"] = json.dumps(further, ensure_ascii=False) if further else None
    return cells


def neutralised(cells: dict[str, Any]) -> dict[str, Any]:
    """Prefix with a quote each text cell a spreadsheet would take for a formula."""
    return {k: "'" + v if isinstance(v, str) and FORMULA_LIKE.match(v) else v
            for k, v in cells.items()}


def unneutralised(cell: str) -> str:
    """Take back the quote an export put before a cell that looked like a formula."""
    return cell[1:] if ESCAPED.match(cell) else cell


def nested(cells: dict[str, str]) -> dict[str, Any]:
    """Turn CSV cells into the JSON Lines shape; empty cells are left out so defaults apply.
    A cell of appearances that is not JSON raises ValueError saying where it stops."""
    source_keys = {f"source_{f}" for f in SOURCE_FIELDS}
    data: dict[str, Any] = {k: v for k, v in cells.items()
                            if v.strip() and k not in source_keys}
    source = {f: cells[f"source_{f}"] for f in SOURCE_FIELDS
              if cells.get(f"source_{f}", "").strip()}
    if source:
        data["source"] = source
    if "appearances" in data:
        try:
            data["appearances"] = json.loads(data["appearances"])
        except json.JSONDecodeError as err:
            raise ValueError(f"appearances: not a JSON array: {err.msg} at character "
                             f"{err.pos + 1}") from None
    return data


def export_filename(params: list[tuple[str, str]], fmt: Format) -> str:
    """Name a download after the filters of its view, e.g. onrecord-actor-anna-marsh.csv."""
    from slugify import slugify

    words = "-".join(f"{k}-{v}" for k, v in params if k not in ("sort", "cursor"))
    label = slugify(words, max_length=urls.STATEMENT_SLUG_LENGTH, word_boundary=True)
    return f"onrecord-{label}.{fmt}" if label else f"onrecord-statements.{fmt}"
