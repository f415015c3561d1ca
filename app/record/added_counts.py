"""What a bulk write's new statements add to the tallies, counted once each pair of facets.

The triggers add a statement to its tally row and to each of its some fifty rows of
`statement_total`, one statement at a time; an import of many rows (app/files/staging.py)
sets them aside and adds its rows here instead, in one transaction. The new rows are first
counted into a temporary table keyed as `statement_tally` (one GROUP BY over the new ids,
added to the tally in one upsert). Each total counts the statements of one value of a
facet within one value of another (a speaker's countries, a country's speakers), and the
two ways round are one grouping by the same two columns: so each pair of facets (month
among them) is grouped once, into a second temporary table, and added to the totals both
ways round; the totals within a year and over the whole record are summed from the small
grouping of a facet by month. That is 21 passes over the new rows instead of 55, which at a
million rows were a third of the import's writing.

SQLite groups by sorting, so a pass costs what it reads, however few the groups: a pair is
grouped from the smallest count that holds both its facets. The facets of many values
(speaker, target, month) each get a narrow count of their own, beside the facets of few
values (country, stance, kind, language) and without the other two: a million new rows of
the bench's file make some 935,000 tally rows but only 100,000 to 225,000 rows of each
narrow count, and the eighteen pairs that hold at most one facet of many values read those
(at a million rows, 2.5 s of CPU for those pairs' groupings, against 4.8 s read from the
tally's count). When the new rows outnumber a tally's own, its indexes are built again
after the adding rather than grown row by row (app/record/rebuilt_indexes.py).
"""

from __future__ import annotations

from itertools import combinations

from sqlmodel import Session, text

from app.record.rebuilt_indexes import rebuilt_indexes
from app.record.tallies import tallied_in, tally_rows, total_pairs

#: Where the new statements are counted as the tally counts them.
ADDED = "added_tally"
#: Facets with many values each: a narrow count (below) keeps one of them and leaves the
#: others out. Month is not a tallied facet but a key of the tally.
MANY = ("actor", "target", "month")
#: Where the new statements are counted by one facet of many values (the name's end) and
#: the facets of few values: a speaker's countries, stances, kinds and languages are few.
NARROW = "added_by_{}"
#: Where they are counted by one pair of facets at a time.
PAIR = "added_pair"
#: Adds selected rows to the totals (SQLite reads "SELECT ... ON CONFLICT" as a join unless
#: the SELECT has a WHERE, which each has).
_UPSERT = ("INSERT INTO statement_total AS t (given, given_value, facet, value, n) {rows} "
           "ON CONFLICT (given, given_value, facet, value) DO UPDATE SET n = t.n + excluded.n")


def add_counts(session: Session, first: int, last: int) -> None:
    """Add the statements numbered first to last to both tallies, as the triggers would have
    one by one: counted once by the tally's key, then once per pair of facets."""
    connection = session.connection()
    dialect, tallied = connection.dialect.name, tallied_in(connection)
    keys, on = ", ".join(tallied.values()), "" if dialect == "sqlite" else "ON COMMIT DROP"
    session.execute(text(f"CREATE TEMPORARY TABLE {ADDED} {on} AS "
                         f"{tally_rows(dialect, tallied, ' AND id BETWEEN :first AND :last')}"),
                    {"first": first, "last": last})
    adding = int(session.execute(text(f"SELECT count(*) FROM {ADDED}")).scalar_one())
    with rebuilt_indexes(session, "statement_tally", adding):
        session.execute(text(
            f"INSERT INTO statement_tally AS t ({keys}, month, n) "
            f"SELECT {keys}, month, n FROM {ADDED} WHERE true "
            f"ON CONFLICT ({keys}, month) DO UPDATE SET n = t.n + excluded.n"))
    narrow = _narrow_counts(tallied)
    for name, columns in narrow.items():
        session.execute(text(f"CREATE TEMPORARY TABLE {name} {on} AS SELECT {columns}, "
                             f"sum(n) AS n FROM {ADDED} GROUP BY {columns}"))
    with rebuilt_indexes(session, "statement_total", adding):  # it gains more rows than that
        for grouping, totals in pair_sql(dialect, tallied):
            session.execute(text(f"CREATE TEMPORARY TABLE {PAIR} {on} AS {grouping}"))
            for rows in totals:
                session.execute(text(_UPSERT.format(rows=rows)))
            session.execute(text(f"DROP TABLE {PAIR}"))
    for name in [*narrow, ADDED]:
        session.execute(text(f"DROP TABLE {name}"))


def _narrow_counts(tallied: dict[str, str]) -> dict[str, str]:
    """Return each narrow count's table and the columns it keeps: one facet of many values
    and every facet of few."""
    columns = {**tallied, "month": "month"}
    few = [column for name, column in columns.items() if name not in MANY]
    return {NARROW.format(name): ", ".join([columns[name], *few])
            for name in MANY if name in columns}


def _counted_in(x: str, y: str) -> str:
    """Return the smallest count holding both facets: the tally's count when both have many
    values, else the narrow count of the one with many (the speaker's when neither has)."""
    many = [name for name in (x, y) if name in MANY]
    if len(many) > 1:
        return ADDED
    return NARROW.format(many[0] if many else MANY[0])


def pair_sql(dialect: str, tallied: dict[str, str]) -> list[tuple[str, list[str]]]:
    """Return, for each pair of facets, the SELECT that groups the new rows by both (as x
    and y, spelled as the totals spell them; from the smallest count holding both) and the
    SELECTs of the totals read from it."""
    spelled = {name: f"CAST({column} AS VARCHAR)" for name, column in tallied.items()}
    spelled["month"] = "month" if dialect == "sqlite" else "to_char(month, 'YYYY-MM-DD')"
    wanted, plan = set(total_pairs(tallied)), []
    for x, y in combinations([*tallied, "month"], 2):  # month comes last: it is always y
        totals = [f"SELECT '{given}', {a}, '{facet}', {b}, n FROM {PAIR} "
                  f"WHERE {b} <> '' AND {a} <> ''"
                  for given, facet, a, b in ((x, y, "x", "y"), (y, x, "y", "x"))
                  if (given, facet) in wanted]
        if y == "month":  # summed by year and over the whole record, from the months
            totals += [f"SELECT '{given}', {value}, '{x}', x, sum(n) FROM {PAIR} "
                       f"WHERE x <> '' GROUP BY 2, 4"
                       for given, value in (("year", "substr(y, 1, 4)"), ("", "''"))
                       if (given, x) in wanted]
            if ("", "month") in wanted and x == next(iter(tallied)):
                totals.append(f"SELECT '', '', 'month', y, sum(n) FROM {PAIR} "
                              "WHERE y <> '' GROUP BY 2, 4")
        if totals:
            plan.append((f"SELECT {spelled[x]} AS x, {spelled[y]} AS y, sum(n) AS n "
                         f"FROM {_counted_in(x, y)} GROUP BY 1, 2", totals))
    return plan
