"""Resolve the time expressions of an attribution against the article date."""

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from app.extract import rules
from app.extract.records import Precision

_DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
          r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_TIME = re.compile(
    r"\b(?:(?P<prev>last night|last evening|yesterday(?: morning| afternoon| evening)?)"
    r"|(?P<same>today|tonight|this morning|this afternoon|this evening)"
    r"|(?P<span>(?P<last>last|earlier this|this) (?P<unit>month|year))"
    r"|(?:(?i:on|last) )?(?P<day>(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)"
    r"(?: (?:morning|afternoon|evening|night))?"
    rf"|(?:(?i:on) )?(?P<date>\d{{1,2}}(?:st|nd|rd|th)? (?:of )?{_MONTH}(?:,? \d{{4}})?"
    rf"|{_MONTH} \d{{1,2}}(?:st|nd|rd|th)?(?:,? \d{{4}})?)"
    rf"|(?i:in) (?P<month>{_MONTH}(?: \d{{4}})?)|(?i:in) (?P<year>(?:19|20)\d\d)"
    r"|(?i:an?|his|her|their|its|the) (?P<yearly>(?:19|20)\d\d)(?= [a-z]))\b"
)


# A document the words were quoted from ("in an email", "a 2015 speech", "wrote in his book").
_DOCUMENT = re.compile(r"\b(?:" + "|".join(rules.DOCUMENT_FRAMES) + r")\b", re.I)


@dataclass(frozen=True)
class SaidOn:
    """When something was said, how precisely, and the words that told us."""

    on: date | None
    precision: Precision
    words: str | None


def article_day(published_on: date | None, frame: str = "") -> SaidOn:
    """Return the default: the article date, to the day, from no words.

    Words quoted from a document (an email, a post, a book, a speech) may be older than
    the article: without a date in the frame they get the article's month, never a day.
    """
    if _DOCUMENT.search(frame):
        return SaidOn(published_on, "month", None)
    return SaidOn(published_on, "day", None)


def said_on(frame: str, published_on: date | None) -> SaidOn | None:
    """Return the first resolvable time expression in an attribution frame."""
    for m in _TIME.finditer(frame):
        found = _resolve(m, published_on)
        if found is not None:
            return SaidOn(found[0], found[1], m.group().strip())
    return None


def _resolve(m: re.Match[str], pub: date | None) -> tuple[date, Precision] | None:
    """Turn one matched expression into a date and precision."""
    if m.group("date") or m.group("month") or m.group("year") or m.group("yearly"):
        return _absolute(m, pub)
    if pub is None:
        return None
    if m.group("prev"):
        return pub - timedelta(days=1), "day"
    if m.group("same"):
        return pub, "day"
    if m.group("span"):
        return _period(pub, m.group("last") == "last", m.group("unit"))
    day = _weekday_before(pub, _DAYS.index(m.group("day").lower()))
    if day == pub and m.group().lower().startswith("last"):
        day -= timedelta(days=7)  # "last Monday" in a Monday article: a week before
    return day, "day"


def _period(pub: date, last: bool, unit: str) -> tuple[date, Precision]:
    """Return the month or year of "last month", "this year", "earlier this month"."""
    if unit == "year":
        return date(pub.year - 1 if last else pub.year, 1, 1), "year"
    if not last:
        return pub.replace(day=1), "month"
    return (pub.replace(day=1) - timedelta(days=1)).replace(day=1), "month"


def _weekday_before(pub: date, weekday: int) -> date:
    """Return the latest given weekday on or before the article date.

    News says "on Monday" in a Monday article for that very day; a week earlier
    it would say "last Monday" or give the date.
    """
    return pub - timedelta(days=(pub.weekday() - weekday) % 7)


def _absolute(m: re.Match[str], pub: date | None) -> tuple[date, Precision] | None:
    """Parse a calendar date with dateutil, filling a missing year from the article."""
    from dateutil import parser as dateparser  # lazily: start-up stays quick
    from dateutil.relativedelta import relativedelta

    words = m.group("date") or m.group("month") or m.group("year") or m.group("yearly")
    anchor = pub or date.today()
    yearly = m.group("year") or m.group("yearly")
    default = datetime(anchor.year, 1 if yearly else anchor.month, 1)
    try:
        parsed = dateparser.parse(words.replace(".", ""), default=default).date()
    except (ValueError, OverflowError):
        return None
    precision: Precision = "day" if m.group("date") else "month" if m.group("month") else "year"
    has_year = bool(re.search(r"\d{4}", words))
    if pub is not None and parsed > pub and not has_year:
        parsed -= relativedelta(years=1)
    return parsed, precision
