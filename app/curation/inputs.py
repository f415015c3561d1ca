"""What writers send: statements, actors and sources, validated field by field.

The write API, the editing forms and the bulk import all read these, so a JSON Lines row
and a POST body have one shape and the same errors.
"""

from __future__ import annotations

import functools
import re
from datetime import date
from typing import Annotated, Any

import pycountry
from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    GetCoreSchemaHandler,
    GetJsonSchemaHandler,
    HttpUrl,
    ValidationInfo,
    field_validator,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema, core_schema
from slugify import slugify

from app.record.languages import language_tag
from app.record.models import (
    MAX_ID,
    ActorKind,
    DatePrecision,
    LinkRelation,
    Stance,
    StatementKind,
)
from app.record.text import unsafe_character, unsafe_pattern

#: Longest statement accepted; longer is a pasted article, not a statement.
MAX_WORDS_LENGTH = 10_000


def country_code(value: str | None) -> str | None:
    """Check an ISO 3166-1 alpha-2 code (any case) and return it in capitals."""
    if value is None or not value.strip():
        return None
    if len(value.strip()) != 2 or pycountry.countries.get(alpha_2=value.strip().upper()) is None:
        raise ValueError(f"{value!r} is not an ISO 3166-1 alpha-2 country code (like 'UA')")
    return value.strip().upper()


@functools.lru_cache(maxsize=4096)  # an import asks for the same few targets again and again
def target_slug(target: str | None) -> str | None:
    """Return the URL value of a stance's target ("United States" -> united-states)."""
    return slugify(target) or None if target else None


def _refuse_unsafe(multiline: bool) -> Any:
    suspect = unsafe_pattern(multiline).search  # every field of every imported row: one search

    def check(value: Any) -> Any:
        if isinstance(value, str) and suspect(value) is not None:
            raise ValueError(unsafe_character(value, multiline=multiline))
        return value
    return BeforeValidator(check)


#: A day as every date field takes it, and nothing else (no timestamps, no 20210206).
ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


class IsoDay:
    """Take a day only as YYYY-MM-DD text (or a date from code), never a number nor a
    datetime, then check it as the date it names (its range included).

    Said by a core schema, not a Python validator: pydantic checks the spelling itself, with
    no call into Python for each day, which cost a fifth of the checking of an import's
    row (1.1 of 5 µs).
    """

    #: The spelling, surrounding spaces set aside.
    SPELLING = f"^{ISO_DAY.pattern}$"
    #: What a day that is not spelled so is told.
    ERROR_TYPE, ERROR_MESSAGE = "date_format", "Input should be a date in the form YYYY-MM-DD"

    def __get_pydantic_core_schema__(self, source: Any,
                                     handler: GetCoreSchemaHandler) -> CoreSchema:
        spelled = core_schema.str_schema(pattern=self.SPELLING, strip_whitespace=True)
        python = core_schema.union_schema(  # a date from code (a datetime is not one)
            [core_schema.date_schema(strict=True), spelled],
            custom_error_type=self.ERROR_TYPE, custom_error_message=self.ERROR_MESSAGE)
        text = core_schema.custom_error_schema(spelled, custom_error_type=self.ERROR_TYPE,
                                               custom_error_message=self.ERROR_MESSAGE)
        return core_schema.chain_schema([
            core_schema.json_or_python_schema(json_schema=text, python_schema=python),
            handler(source)])

    def __get_pydantic_json_schema__(self, schema: CoreSchema,
                                     handler: GetJsonSchemaHandler) -> JsonSchemaValue:
        """Describe the field as pydantic describes a date (its format says the spelling)."""
        assert schema["type"] == "chain"
        return handler(schema["steps"][-1])


#: One line of text (a name, title, publisher): no control character but tab or newline.
Line = Annotated[str, _refuse_unsafe(multiline=False)]
#: Free text (the words, a reason): tab, newline and carriage return, no other control.
Lines = Annotated[str, _refuse_unsafe(multiline=True)]
#: A link, checked for control characters before the URL parser quietly drops them.
Url = Annotated[HttpUrl, _refuse_unsafe(multiline=False)]
#: A day, spelled YYYY-MM-DD.
Day = Annotated[date, IsoDay()]
CountryCode = Annotated[str | None, AfterValidator(country_code)]
#: A BCP 47 language tag ('ru', 'pt-BR'), kept in canonical case (app/record/languages.py).
LangTag = Annotated[str, AfterValidator(language_tag)]
#: Longest note of who translated the words (an outlet, a person, "onrecord editors").
MAX_TRANSLATOR_LENGTH = 200
#: The largest id or offset a field may name (app/record/models.py).
MAX_INT = MAX_ID
#: Days a statement may be said on: a record of speech, not of the far past or future.
SaidOn = Annotated[date, Field(ge=date(1000, 1, 1), le=date(2999, 12, 31)), IsoDay()]
Offset = Annotated[int, Field(ge=0, le=MAX_INT)]


def translator_problem(translation: str | None, translated_by: str | None) -> str | None:
    """Say what is wrong with a translator named without a translation: the record would
    credit words it does not hold."""
    if translated_by and not translation:
        return ("translated_by names who translated the words: give the translation too, "
                "or leave translated_by empty")
    return None


def _translated(value: str | None, info: ValidationInfo) -> str | None:
    problem = translator_problem(info.data.get("translation"), value)
    if problem:
        raise ValueError(problem)
    return value


def _required(value: object, info: ValidationInfo) -> object:
    """Refuse an explicit null for a field the record cannot be without."""
    if value is None:
        raise ValueError(f"{info.field_name} cannot be emptied; leave it out to keep it")
    return value


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class SourceIn(Strict):
    title: Line = Field(min_length=1, max_length=500)
    publisher: Line | None = Field(default=None, max_length=200)
    url: Url | None = None
    published_on: Day | None = None
    author: Line | None = Field(default=None, max_length=300,
                                description="Who wrote it (the byline).")
    fetched_at: AwareDatetime | None = Field(
        default=None, description="When the page was fetched from its address, with offset.")


class SourcePatch(Strict):
    title: Line | None = Field(default=None, min_length=1, max_length=500)
    publisher: Line | None = Field(default=None, max_length=200)
    author: Line | None = Field(default=None, max_length=300)
    url: Url | None = None
    published_on: Day | None = None

    refuse_null = field_validator("title", mode="before")(_required)


class StatementIn(Strict):
    """A new statement; also the shape of one JSON Lines import row."""

    speaker: Line = Field(min_length=1, max_length=200,
                         description="The speaker's slug, name or alias; a new name adds an actor.")
    text: Lines = Field(min_length=1, max_length=MAX_WORDS_LENGTH)
    said_on: SaidOn
    date_precision: DatePrecision = DatePrecision.day
    kind: StatementKind = StatementKind.direct
    stance: Stance = Stance.neutral
    target: Line | None = Field(default=None, max_length=200)
    country: CountryCode = Field(default=None, description="ISO code; default: the speaker's.")
    lang: LangTag | None = Field(default=None, description=(
        "BCP 47 tag of the words' language (like 'ru'); default: detected from the words."))
    translation: Lines | None = Field(default=None, max_length=MAX_WORDS_LENGTH,
                                      description="The words in English, when said in another.")
    translated_by: Line | None = Field(default=None, max_length=MAX_TRANSLATOR_LENGTH,
                                       description="Who translated them.")
    source: SourceIn | None = None
    source_start: Offset | None = None
    source_end: Offset | None = None
    publish: bool = Field(default=True, description="False keeps it as a draft.")

    check_translator = field_validator("translated_by")(_translated)



class StatementPatch(Strict):
    """Fields to change on a statement; the ones left out stay as they are."""

    speaker: Line | None = Field(default=None, min_length=1, max_length=200)
    text: Lines | None = Field(default=None, min_length=1, max_length=MAX_WORDS_LENGTH)
    said_on: SaidOn | None = None
    date_precision: DatePrecision | None = None
    kind: StatementKind | None = None
    stance: Stance | None = None
    target: Line | None = Field(default=None, max_length=200)
    country: CountryCode = None
    lang: LangTag | None = None
    translation: Lines | None = Field(default=None, max_length=MAX_WORDS_LENGTH)
    translated_by: Line | None = Field(default=None, max_length=MAX_TRANSLATOR_LENGTH)

    refuse_null = field_validator("speaker", "text", "said_on", "date_precision", "kind",
                                  "stance", "lang", mode="before")(_required)



class RoleIn(Strict):
    title: Line = Field(min_length=1, max_length=200)
    starts_on: Day | None = None
    ends_on: Day | None = None


class ActorIn(Strict):
    name: Line = Field(min_length=1, max_length=200)
    kind: ActorKind = ActorKind.person
    country: CountryCode = None
    aliases: list[Line] = []
    roles: list[RoleIn] = []



class ActorPatch(Strict):
    name: Line | None = Field(default=None, min_length=1, max_length=200)
    kind: ActorKind | None = None
    country: CountryCode = None
    aliases: list[Line] | None = None
    roles: list[RoleIn] | None = None

    refuse_null = field_validator("name", "kind", mode="before")(_required)



class WithdrawIn(Strict):
    reason: Lines = Field(min_length=3, max_length=1000)


class LinkIn(Strict):
    other_id: int = Field(ge=1, le=MAX_INT)
    relation: LinkRelation


class AppearanceIn(Strict):
    """A further source carrying a statement, with the words as it gives them."""

    source: SourceIn
    quote: Lines = Field(min_length=1, max_length=MAX_WORDS_LENGTH)
    source_start: Offset | None = None
    source_end: Offset | None = None
    published_on: Day | None = Field(default=None,
                                     description="The day it carried them; default: the source's.")


#: Most further appearances one row of an import file may give a statement.
MAX_ROW_APPEARANCES = 1_000


class StatementRowIn(StatementIn):
    """One row of an import file: a statement, and the further sources that carried it."""

    appearances: list[AppearanceIn] = Field(default_factory=list,
                                            max_length=MAX_ROW_APPEARANCES)


class MergeIn(Strict):
    """The statement a duplicate is merged into (app/curation/appearances.py)."""

    into: int = Field(ge=1, le=MAX_INT)


#: Longest description of an event: a paragraph or two, not an article.
MAX_EVENT_DESCRIPTION = 5_000


class EventIn(Strict):
    """A new event: what happened, on which day, where it was reported."""

    title: str = Field(min_length=1, max_length=300)
    happened_on: SaidOn
    date_precision: DatePrecision = DatePrecision.day
    description: str | None = Field(default=None, max_length=MAX_EVENT_DESCRIPTION)
    country: CountryCode = Field(default=None, description="ISO code; none: every timeline.")
    source: SourceIn


class EventPatch(Strict):
    """Fields to change on an event; the ones left out stay as they are."""

    title: str | None = Field(default=None, min_length=1, max_length=300)
    happened_on: SaidOn | None = None
    date_precision: DatePrecision | None = None
    description: str | None = Field(default=None, max_length=MAX_EVENT_DESCRIPTION)
    country: CountryCode = None
    source: SourceIn | None = None

    refuse_null = field_validator("title", "happened_on", "date_precision", "source",
                                  mode="before")(_required)



class AddressIn(Strict):
    """An article to fetch by its address and import for review, with what the editor says
    of it (which wins over what its page says)."""

    url: Url = Field(description="The article's http(s) address; onrecord fetches it.")
    date: Day | None = Field(default=None, description="Publication date, if the page's is "
                             "wrong or missing.")
    title: Line | None = Field(default=None, min_length=1, max_length=500)
    publisher: Line | None = Field(default=None, max_length=200)
