"""Every statement's facet values, held by a worker as small integer codes.

A search's first reading was its matches' rows read out of the statement table: a B-tree
descent per match, some 2.5 µs each in SQLite (10 ms for a 1 % word at a million
statements), whatever the page cache. A date range's counts read the months' totals of
thousands of speakers and the edge days' statements. With every statement's day and
filter columns held here as codes, the published statements day by day, both are passes
that run at C speed: a search's matches (app/reading/kept_searches.py) are picked by the
search index's ids (itemgetter, about 1.5 ms for that word) and counted by their codes,
and a range of days is a slice of each column, counted from running counts kept every
stride of statements, whatever its length (app/reading/counting/days.py).

The columns are read whole, under the record's version (app/record/versions.py), and used
only while that version stands, so a page counted from them is exactly what the database
would count. After a write they are read again off the requests' path: on a thread, one
reading at a time, and after a pause of TIMES_LAST_READING times what the last one took,
so that a record written to without stop costs a worker a bounded share of its time.
Meanwhile pages read the database, as before. A small record (INLINE_IDS) is read on the
spot, in a few milliseconds.

Memory: one, two or four bytes per column and statement, by how many distinct values the
column holds, and four for its place (a million statements: about 14 MB); the running
counts, four bytes per value and stride of a column, at most RUNNING_BYTES a column (a
million statements and 5,000 speakers: 2.5 MB). Places are found by id, so a record whose
ids run far past its count (MAX_SPREAD) is not held at all."""

from __future__ import annotations

import logging
import threading
import time
from array import array
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import partial
from itertools import compress, repeat
from operator import eq, ge, itemgetter, sub
from typing import Any

from sqlalchemy import Select, func
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from app.reading.counting import least_shown
from app.reading.filters import Row
from app.reading.kept_rows import ROW_FIELDS, row_columns
from app.record import versions
from app.record.models import Statement, StatementStatus

log = logging.getLogger(__name__)

#: A record whose ids span at most this many is read on the request's own thread.
INLINE_IDS = 20_000
#: After a reading, the next waits this many times as long as it took (a million: ~4 s),
#: and at least PAUSE_AFTER_FAILURE seconds after one that failed.
TIMES_LAST_READING, PAUSE_AFTER_FAILURE = 10, 30.0
#: Ids may span at most MAX_SPREAD times the statements, and SPREAD_SLACK more, to be held.
MAX_SPREAD, SPREAD_SLACK = 2, 1_000
#: Rows read from the database at a time while reading the columns.
READ_BATCH = 10_000
#: Most values a one-byte column may have to be counted a value at a time (bytes.count).
FEW_VALUES = 64
#: Running counts are kept at every STRIDE-th published statement, at least (so that a
#: range of days counts at most twice that many statements one by one), and further apart
#: where a column has so many values that they would take more than RUNNING_BYTES.
MIN_STRIDE, RUNNING_BYTES = 8_192, 4 * 2**20
#: Array types from narrowest, and the most codes each can hold.
_WIDTHS = (("B", 2**8), ("H", 2**16), ("I", 2**32))


class _Codes(dict[Any, int]):
    """Values to codes, a new value getting the next code as it is first met."""

    def __init__(self) -> None:
        super().__init__()
        self.by_code: list[Any] = []

    def __missing__(self, value: Any) -> int:
        code = self[value] = len(self.by_code)
        self.by_code.append(value)
        return code


class _Column:
    """One column being read: its codes by position, widened as its values grow."""

    def __init__(self) -> None:
        self.codes = _Codes()
        self.width = 0
        self.array = array(_WIDTHS[0][0])

    def extend(self, values: Iterable[Any]) -> None:
        coded = list(map(self.codes.__getitem__, values))
        while len(self.codes.by_code) > _WIDTHS[self.width][1]:
            self.width += 1
            self.array = array(_WIDTHS[self.width][0], self.array)
        self.array.extend(coded)


@dataclass(frozen=True)
class FacetColumns:
    """The record's statements at one version, as columns of codes: per kept-row column
    (said_on, then each filter's), a code per statement, and the values the codes stand
    for. The published statements come first, day by day (by id within a day), so that
    those of a range of days are one slice of every column; `places` finds an id's place."""

    version: int
    first_id: int
    places: array[int]  # each id's place in the columns, by id - first_id
    published: int  # the places before this one are published statements; drafts follow
    codes: tuple[array[int], ...]
    values: tuple[list[Any], ...]  # as kept rows hold them: text, None for none
    keys: tuple[list[str], ...]  # as facets count them: text, "" for none
    days: list[str]  # the days published statements were said on, YYYY-MM-DD, in order
    day_starts: array[int]  # the place where each day starts; then the published count
    running: tuple[Running, ...]  # per filter's column, its counts before every stride

    def pick(self, ids: Iterable[int]) -> Picked:
        """Pick the published statements among ids, in timeline order, with their codes."""
        first, end = self.first_id, self.first_id + len(self.places)
        inside = [i for i in ids if first <= i < end]
        placed = _picker([i - first for i in inside])(self.places)
        # Places run day by day, by id within a day: in their order, the statements come
        # out in the timeline's, sorted as plain numbers; the drafts' places come last.
        # Sorted as numbers, not as (place, id) pairs, and every step at C speed: a tenth
        # of a new search word's page at a million statements went on it.
        id_at = dict(zip(placed, inside, strict=True))
        kept = sorted(placed)
        del kept[bisect_left(kept, self.published):]
        at = _picker(kept)
        return Picked(list(at(id_at)),
                      tuple(at(codes) if len(values) > 1 else None
                            for codes, values in zip(self.codes, self.values, strict=True)),
                      self.values, self.keys)

    def count_days(self, first: date, last: date) -> dict[str, DayCounts]:
        """Count the published statements said from `first` to `last` per value of each
        filter's column (by the column's name; values as facets spell them): the running
        counts' difference between the strides nearest the days' first and last statement,
        the statements in between those and them counted one by one, added or taken away;
        at most a stride's worth, whatever the days' length."""
        start, end = self._slice(first, last)
        counted = {}
        for name, codes, keys, running in zip(ROW_FIELDS[2:], self.codes[1:], self.keys[1:],
                                              self.running, strict=True):
            low, high = running.nearest(start), running.nearest(end)
            per_code = running.between(low, high)
            for a, b in ((start, low), (high, end)):  # add a..b; if b comes first, take b..a
                sign = 1 if a <= b else -1
                for code, n in _count_codes(codes[min(a, b):max(a, b)], len(keys)).items():
                    per_code[code] += sign * n
            counted[name] = DayCounts(keys, per_code)
        return counted

    def per_day(self, first: date, last: date) -> dict[str, int]:
        """Count the published statements said on each day from `first` to `last`."""
        starts = self.day_starts
        return {self.days[d]: starts[d + 1] - starts[d] for d in range(*self._days(first, last))}

    def _slice(self, first: date, last: date) -> tuple[int, int]:
        """Return where the statements said from `first` to `last` start and end."""
        low, high = self._days(first, last)
        return self.day_starts[low], self.day_starts[high]

    def _days(self, first: date, last: date) -> tuple[int, int]:
        """Return where the days from `first` to `last` start and end in `days`."""
        return bisect_left(self.days, first.isoformat()), bisect_right(self.days, last.isoformat())


@dataclass(frozen=True)
class DayCounts:
    """One column's counts over some days, by code; spelled as facets spell values only
    for the values asked (a range's 5,000 speakers made into a dict took longer than
    counting them)."""

    keys: list[str]
    per_code: list[int]

    def counted(self, limit: int | None = None, only: Sequence[str] = ()) -> dict[str, int]:
        """Return the counts above zero; with `only`, of those values; with `limit`, those
        at least as big as the limit-th biggest (ties kept: the caller ranks them)."""
        keys, per_code = self.keys, self.per_code
        if only:
            wanted = set(only)
            return {k: n for k, n in zip(keys, per_code, strict=True) if n and k in wanted}
        least = least_shown(per_code, limit) if limit is not None else 1
        return {keys[code]: per_code[code]
                for code in compress(range(len(per_code)), map(ge, per_code, repeat(least)))}


@dataclass(frozen=True)
class Picked:
    """Some published statements, in timeline order: their ids and, per column (said_on,
    then each filter's), their codes (None for a column of one value: a record in one
    language); their rows and counts drawn from these when asked."""

    ids: list[int]
    codes: tuple[Sequence[int] | None, ...]
    values: tuple[list[Any], ...]
    keys: tuple[list[str], ...]

    def rows(self, limit: int | None = None) -> list[Row]:
        """Return the kept rows of the statements (of the first `limit` of them)."""
        n = len(self.ids) if limit is None else min(limit, len(self.ids))
        columns = [_picker(codes[:n])(values) if codes is not None else values[:1] * n
                   for codes, values in zip(self.codes, self.values, strict=True)]
        return list(zip(self.ids[:n], *columns, strict=True))

    def count(self, field: str) -> Counter[str]:
        """Count the statements per value of a kept row's field, as facets spell values."""
        at = ROW_FIELDS.index(field) - 1
        keys, codes = self.keys[at], self.codes[at]
        if codes is None:
            return Counter({keys[0]: len(self.ids)} if self.ids else {})
        counted = _count_codes(codes, len(keys))
        return Counter(dict(zip(map(keys.__getitem__, counted), counted.values(), strict=True)))


@dataclass(frozen=True)
class Running:
    """A column's running counts: row j counts each code over the places before j * stride
    (the published statements only), `width` codes to a row."""

    stride: int
    width: int
    counts: array[int]

    def nearest(self, place: int) -> int:
        """Return the stride boundary nearest a place (counts are kept at each)."""
        return min(round(place / self.stride) * self.stride, self.kept_up_to)

    @property
    def kept_up_to(self) -> int:
        """The last stride boundary the counts are kept at (0 in a column of no values:
        an empty record's)."""
        if not self.width:
            return 0
        return (len(self.counts) // self.width - 1) * self.stride

    def between(self, low: int, high: int) -> list[int]:
        """Count each code from one stride boundary to a later one (or the same: zeros)."""
        width, counts = self.width, self.counts
        low, high = low // self.stride * width, high // self.stride * width
        return list(map(sub, counts[high:high + width], counts[low:low + width]))


def _running(codes: array[int], width: int, published: int) -> Running:
    """Count a column's codes before every stride of its published statements."""
    stride = max(MIN_STRIDE, -(-4 * width * published // RUNNING_BYTES))
    row, counts = [0] * width, array("I", bytes(4 * width))
    for start in range(0, published - stride + 1, stride):
        for code, n in _count_codes(codes[start:start + stride], width).items():
            row[code] += n
        counts.extend(row)
    return Running(stride, width, counts)


def _count_codes(codes: Sequence[int], width: int) -> Counter[int]:
    """Count codes (a slice of a column, or those picked from it) per code. A column of a
    few codes (a byte each) is counted by bytes.count, one code at a time (memchr's
    speed); any other by Counter."""
    if width <= FEW_VALUES:
        data = codes.tobytes() if isinstance(codes, array) else bytes(codes)
        return Counter({code: n for code in range(width) if (n := data.count(code))})
    return Counter(codes)


def _picker(at: Sequence[int]) -> Callable[[Sequence[Any] | Mapping[int, Any]], Sequence[Any]]:
    """Return a function of a sequence (or a mapping) giving its items at positions (keys)
    `at`, read in one pass at C speed (operator.itemgetter, built once for all the columns
    it reads)."""
    if len(at) < 2:  # itemgetter gives a tuple for two positions or more
        return lambda items: tuple(items[i] for i in at)
    return itemgetter(*at)


def read_columns(session: Session) -> FacetColumns | None:
    """Read every statement's columns, or None if the ids are too sparse to hold by id."""
    version = versions.current(session)  # first: what follows is at least this new
    first, last = _id_range(session)
    count = session.connection().execute(select(func.count()).select_from(Statement)).scalar_one()
    if last - first + 1 > MAX_SPREAD * count + SPREAD_SLACK:
        return None
    # An empty record has every column too, none long: its searches and days count nothing.
    columns = [_Column() for _ in ROW_FIELDS[1:]]
    published, is_published = array("B"), partial(eq, StatementStatus.published.value)
    in_id_order = select(*row_columns()).order_by(col(Statement.id))
    for batch in _batches(session, in_id_order) if count else ():
        for run in _with_holes(batch, first + len(published)):
            _, *values, statuses = zip(*run, strict=True)
            for column, column_values in zip(columns, values, strict=True):
                column.extend(column_values)
            published.extend(map(is_published, statuses))
    places, order, days, day_starts = _day_by_day(columns[0], published)
    codes = tuple(array(c.array.typecode, map(c.array.__getitem__, order)) for c in columns)
    return FacetColumns(version, first, places, day_starts[-1], codes,
                        tuple(c.codes.by_code for c in columns),
                        tuple(["" if v is None else str(v) for v in c.codes.by_code]
                              for c in columns), days, day_starts,
                        tuple(_running(column_codes, len(c.codes.by_code), day_starts[-1])
                              for column_codes, c in zip(codes[1:], columns[1:], strict=True)))


def _day_by_day(said_on: _Column, published: array[int]
                ) -> tuple[array[int], array[int], list[str], array[int]]:
    """Place the statements (given in id order): the published ones day by day, by id
    within a day, then the others. Return each one's place, the statement at each place,
    the days in order and the place where each starts. A counting sort, in arrays only:
    no list of a million numbers is ever made."""
    codes, days = said_on.array, said_on.codes.by_code
    per_day = Counter(compress(codes, published))
    shown = sorted((code for code in per_day), key=days.__getitem__)
    next_place = array("I", bytes(4 * len(days)))
    starts, seen = array("I", [0]), 0
    for code in shown:
        next_place[code] = seen
        seen += per_day[code]
        starts.append(seen)
    places, order = array("I", bytes(4 * len(codes))), array("I", bytes(4 * len(codes)))
    for at, (code, is_published) in enumerate(zip(codes, published, strict=True)):
        if is_published:
            place = next_place[code]
            next_place[code] = place + 1
        else:
            place, seen = seen, seen + 1
        places[at], order[place] = place, at
    return places, order, [days[code] for code in shown], starts


def _batches(session: Session, stmt: Select[Any]) -> Iterator[Sequence[Any]]:
    """Yield the query's rows READ_BATCH at a time, without holding them all: the driver's
    own tuples on SQLite (whose cursor reads as it goes; SQLAlchemy's rows would cost half
    as much again), a server-side cursor elsewhere."""
    connection = session.connection()
    if connection.dialect.name == "sqlite":
        result = connection.execute(stmt)
        fetch = result.cursor.fetchmany
    else:
        result = connection.execute(stmt.execution_options(stream_results=True))
        fetch = result.fetchmany
    try:
        while batch := fetch(READ_BATCH):
            yield batch
    finally:
        result.close()


def _id_range(session: Session) -> tuple[int, int]:
    """Return the lowest and highest id of the statements (off the primary key: cheap)."""
    low, high = session.connection().execute(
        select(func.min(col(Statement.id)), func.max(col(Statement.id)))).one()
    return int(low or 0), int(high or 0)


def _with_holes(batch: Sequence[Any], next_id: int) -> Iterable[Sequence[Any]]:
    """Yield the batch's rows in runs of consecutive ids from next_id, each hole (an id no
    statement has) filled by a draft-like row that `rows` never returns."""
    if batch[-1][0] - next_id == len(batch) - 1:  # no hole: the usual case
        yield batch
        return
    run: list[Any] = []
    for row in batch:
        while next_id < row[0]:
            run.append((next_id, *(None,) * (len(row) - 1)))
            next_id += 1
        run.append(row)
        next_id += 1
    yield run


class HeldColumns:
    """A worker's facet columns, and their reading again after the record changed."""

    def __init__(self) -> None:
        self.columns: FacetColumns | None = None
        self._reading = False
        self._not_before = 0.0
        self._lock = threading.Lock()

    @classmethod
    def of(cls, session: Session) -> HeldColumns | None:
        """Return the columns the session's app holds; None outside an app (the CLI)."""
        kept = versions.kept_for(session)
        if kept is None:
            return None
        held: HeldColumns = kept.setdefault("facet_columns", cls())
        return held

    def at(self, session: Session, version: int) -> FacetColumns | None:
        """Return the columns if they are of this version; else start reading them again
        (on the spot for a small record) and return None while they are not."""
        held = self.columns
        if held is None or held.version != version:
            self._read_again(session)
            held = self.columns
        return held if held is not None and held.version == version else None

    def _read_again(self, session: Session) -> None:
        with self._lock:
            if self._reading or time.monotonic() < self._not_before:
                return
            self._reading = True
        engine = session.get_bind()
        assert isinstance(engine, Engine)
        first, last = _id_range(session)
        if last - first < INLINE_IDS:
            self._read(engine)
        else:
            threading.Thread(target=self._read, args=(engine,), name="facet-columns",
                             daemon=True).start()

    def _read(self, engine: Engine) -> None:
        started, pause = time.monotonic(), 0.0
        try:
            with Session(engine) as session:
                self.columns = read_columns(session)
        except Exception:  # the searches go on reading the database; say why
            log.exception("could not read the facet columns; trying again in %s s",
                          PAUSE_AFTER_FAILURE)
            pause = PAUSE_AFTER_FAILURE
        finally:
            took = time.monotonic() - started
            with self._lock:
                self._reading = False
                self._not_before = time.monotonic() + max(pause, TIMES_LAST_READING * took)
