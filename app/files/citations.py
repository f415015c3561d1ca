"""Citations of a statement: plain text, BibTeX and CSL-JSON, each with the permanent link,
the version cited and the day it was read, so a reader can find again what was cited.

The cited work is the statement as onrecord records it (type `speech` in CSL, `@misc` in
BibTeX), by its speaker, dated the day it was said, to the precision that is known; the
source that reported it is named in a note.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlmodel import Session

from app.reading import permalinks
from app.reading.statements import StatementView
from app.record import history
from app.record.models import DatePrecision

#: How many characters of the words a citation's title keeps.
TITLE_LENGTH = 120
SITE = "onrecord"


@dataclass(frozen=True)
class Cited:
    """One statement as cited: where, which version, and when it was read."""

    view: StatementView
    url: str
    version: int | None
    accessed: date

    @property
    def key(self) -> str:
        """A citation key that names the statement and its version."""
        return f"onrecord-{self.view.id}" + (f"-v{self.version}" if self.version else "")


def cite(session: Session, view: StatementView, base: str, *, version: int | None,
         editor: bool = False) -> Cited:
    """Describe a statement as cited today: a pinned version, or the latest one."""
    path = view.path
    if version is not None:
        view, _ = permalinks.as_of_version(session, view, version, editor=editor)
    else:
        version = history.version_of(session, "statement", view.id) or None
    url = base + path + (f"?v={version}" if version else "")
    return Cited(view, url, version, datetime.now(UTC).date())


def as_text(cited: Cited) -> str:
    """Cite in plain text, in the order a style guide's reader expects."""
    s, view = cited.view.statement, cited.view
    who = ", ".join(p for p in (view.actor.name, view.role) if p)
    if view.country:
        who += f" ({view.country.name})"
    parts = [f"{who}, “{_title(s.text)}”, said {_day(cited)}."]
    if view.source:
        parts.append(f"Reported in {_source(view)}.")
    version = f", version {cited.version}" if cited.version else ""
    parts.append(f"{SITE}, statement #{view.id}{version}. {cited.url} "
                 f"(accessed {cited.accessed.day} {cited.accessed.strftime('%B %Y')}).")
    return " ".join(parts)


def as_bibtex(cited: Cited) -> str:
    """Cite as a BibTeX @misc entry; names kept whole in braces, special characters escaped."""
    s, view = cited.view.statement, cited.view
    fields = {
        "author": "{{" + _tex(view.actor.name) + "}}",
        "title": "{" + _tex(_title(s.text)) + "}",
        "year": str(s.said_on.year),
        "month": s.said_on.strftime("%b").lower() if s.date_precision is not DatePrecision.year
        else None,
        "day": str(s.said_on.day) if s.date_precision is DatePrecision.day else None,
        "howpublished": "{" + SITE + "}",
        "url": "{" + cited.url + "}",
        "urldate": "{" + cited.accessed.isoformat() + "}",
        "version": "{" + str(cited.version) + "}" if cited.version else None,
        "note": "{" + _tex(_note(cited)) + "}",
    }
    body = ",\n".join(f"  {name} = {value}" for name, value in fields.items() if value)
    return f"@misc{{{cited.key},\n{body}\n}}\n"


def as_csl_json(cited: Cited) -> str:
    """Cite as CSL-JSON (an array of one item), as reference managers import it."""
    s, view = cited.view.statement, cited.view
    item: dict[str, object] = {
        "id": cited.key, "type": "speech", "title": _title(s.text),
        "author": [{"literal": view.actor.name}],
        "issued": {"date-parts": [_date_parts(s.said_on, s.date_precision)]},
        "URL": cited.url, "publisher": SITE,
        "accessed": {"date-parts": [[cited.accessed.year, cited.accessed.month,
                                     cited.accessed.day]]},
        "note": _note(cited),
    }
    if cited.version:
        item["version"] = str(cited.version)
    return json.dumps([item], ensure_ascii=False, indent=2)


def _title(text: str) -> str:
    words = " ".join(text.split())
    if len(words) <= TITLE_LENGTH:
        return words
    return words[:TITLE_LENGTH].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def _day(cited: Cited) -> str:
    day, precision = cited.view.statement.said_on, cited.view.statement.date_precision
    if precision is DatePrecision.year:
        return str(day.year)
    if precision is DatePrecision.month:
        return day.strftime("%B %Y")
    return f"{day.day} {day.strftime('%B %Y')}"


def _date_parts(day: date, precision: DatePrecision) -> list[int]:
    full = [day.year, day.month, day.day]
    return full[:{DatePrecision.year: 1, DatePrecision.month: 2}.get(precision, 3)]


def _source(view: StatementView) -> str:
    source = view.source
    assert source is not None
    extra = ", ".join(p for p in (source.publisher, source.published_on.isoformat()
                                  if source.published_on else None) if p)
    return source.title + (f" ({extra})" if extra else "")


def _note(cited: Cited) -> str:
    role = f"{cited.view.role}. " if cited.view.role else ""
    reported = f"Reported in {_source(cited.view)}." if cited.view.source else ""
    return (role + reported).strip()


_TEX_SPECIAL = re.compile(r"([\\{}%&#$_^~])")


def _tex(text: str) -> str:
    """Escape what BibTeX would read as markup."""
    def escape(match: re.Match[str]) -> str:
        char = match.group(1)
        return {"\\": r"\textbackslash{}", "^": r"\^{}", "~": r"\~{}"}.get(char, "\\" + char)
    return _TEX_SPECIAL.sub(escape, text)


#: Each citation format by its file extension: how it is written and its media type.
FORMATS = {"txt": (as_text, "text/plain; charset=utf-8"),
           "bib": (as_bibtex, "application/x-bibtex"),
           "json": (as_csl_json, "application/vnd.citationstyles.csl+json")}


def in_every_format(cited: Cited) -> dict[str, str]:
    """Write a citation in every format, by extension."""
    return {ext: write(cited) for ext, (write, _) in FORMATS.items()}
