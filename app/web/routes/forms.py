"""Reading an editor's HTML form into the same validated inputs the JSON API takes."""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from sqlmodel import Session, select
from starlette.datastructures import FormData

from app.errors import InvalidParameter
from app.reading.permalinks import RELATION_WORDS
from app.record.models import Actor, Country, DatePrecision, Stance, StatementKind

M = TypeVar("M", bound=BaseModel)
#: Form fields that are not part of the record.
_CONTROL_FIELDS = {"csrf_token", "action", "next", "version"}
#: Fields of a statement an editor may empty (a blank sends null, not "leave as it is").
CLEARABLE = {"target", "country", "translation", "translated_by"}
#: The hidden field of an edit form that holds the version of the record it was opened on.
VERSION_FIELD = "version"


def form_values(form: FormData, *, keep_blank: set[str] | None = None) -> dict[str, Any]:
    """Return the form's fields, with blank optional ones left out (a plain form sends '')."""
    keep = keep_blank or set()
    return {k: v for k, v in form.items()
            if k not in _CONTROL_FIELDS and isinstance(v, str) and (v.strip() or k in keep)}


def form_version(form: FormData) -> set[int] | None:
    """Return the version an edit form was opened on, or None for a form without one (any
    version will do, as before forms carried it)."""
    value = form.get(VERSION_FIELD)
    return {int(value)} if isinstance(value, str) and value.isdigit() else None


def parse(model: type[M], values: dict[str, Any]) -> tuple[M | None, list[InvalidParameter]]:
    """Validate values into a model, or return the errors, each naming its field."""
    try:
        return model.model_validate(values), []
    except ValidationError as error:
        return None, [InvalidParameter(".".join(str(p) for p in e["loc"]) or "form",
                                       e["msg"].removeprefix("Value error, "))
                      for e in error.errors()]


def choices(session: Session) -> dict[str, Any]:
    """Options for the statement form's selects and suggestions."""
    return {
        "actors": session.exec(select(Actor.name).order_by(Actor.name)).all(),
        "countries": session.exec(select(Country.code, Country.name).order_by(Country.name)).all(),
        "kinds": [(k.value, k.value) for k in StatementKind],
        "stances": [(s.value, s.value) for s in Stance],
        "precisions": [(p.value, p.value) for p in DatePrecision],
        "relations": [(r.value, words[0]) for r, words in RELATION_WORDS.items()],
    }
