"""`onrecord extract`: articles in, one JSON line of statements per article out."""

import json
import sys
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from app.extract.article import parse_article
from app.extract.engine import extract
from app.extract.records import Article, ExtractError, Quote

# Fields of each quote in the CLI's output, in order.
FIELDS = ("speaker", "quote", "start", "end", "kind", "said_on", "date_precision", "role",
          "country", "stance", "target", "confidence")


def result_line(article_id: str, article: Article) -> dict[str, Any]:
    """Return the output record for one article."""
    quotes = extract(article.text, published_on=article.published_on, title=article.title)
    return {"id": article_id, "quotes": [_fields(q) for q in quotes],
            "warnings": list(article.warnings)}


def _fields(q: Quote) -> dict[str, Any]:
    """Keep the CLI's fields of a quote's JSON."""
    data = q.to_json()
    return {k: data[k] for k in FIELDS}


def _from_file(path: Path, on: date | None) -> dict[str, Any]:
    """Read and extract one article file, naming the file in any error."""
    try:
        raw = path.read_bytes()
    except OSError as err:
        raise ExtractError(f"{path}: cannot read ({err.strerror})") from err
    try:
        return result_line(path.name, parse_article(raw, date=on))
    except ExtractError as err:
        raise ExtractError(f"{path}: {err}") from err


def _jsonl_article(line: str) -> tuple[str, Article]:
    """Parse one JSONL line into (id, article); offsets stay into its text."""
    try:
        row = json.loads(line)
        text, on = row["text"], row.get("date")
        published = date.fromisoformat(on) if on else None
        return str(row["id"]), Article(text, published, row.get("title"))
    except (ValueError, KeyError, TypeError) as err:
        raise ExtractError(f"bad record ({err.__class__.__name__}: {err})") from err


#: Told (phase, articles done, share done) after each article, to show how far a run is.
Progress = Callable[[str, int, float | None], None]


def run(files: list[Path], *, jsonl: Path | None, date: date | None, out: TextIO,
        progress: Progress | None = None) -> int:
    """Extract each file (or JSONL line) to one JSON line on out; return the exit code."""
    failed = 0
    jobs = list(_jobs(files, jsonl, date))
    for done, (label, produce) in enumerate(jobs, start=1):
        if progress is not None:
            progress("extracting", done - 1, (done - 1) / len(jobs))
        try:
            out.write(json.dumps(produce(), ensure_ascii=False) + "\n")
        except ExtractError as err:
            print(f"onrecord extract: {label}{err}", file=sys.stderr)
            failed += 1
        except Exception as err:  # a bug must still not print a traceback to users
            print(f"onrecord extract: {label}internal error: {err!r}", file=sys.stderr)
            failed += 1
    if progress is not None:
        progress("extracting", len(jobs), 1.0)
    return 1 if failed else 0


def _jobs(files: list[Path], jsonl: Path | None, on: date | None) -> Iterator[tuple[str, Any]]:
    """Yield (error label, thunk) pairs so one bad input does not stop the rest."""
    for path in files:
        yield "", lambda path=path: _from_file(path, on)
    if jsonl is None:
        return
    try:
        rows = list(_jsonl_lines(jsonl))
    except ExtractError as err:
        yield "", lambda err=err: _raise(err)
        return
    for n, line in rows:
        yield f"{jsonl}:{n}: ", lambda line=line: result_line(*_jsonl_article(line))


def _jsonl_lines(path: Path) -> Iterator[tuple[int, str]]:
    """Yield (line number, line) for the non-blank lines of a JSONL file."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as err:
        raise ExtractError(f"{path}: cannot read ({err})") from err
    yield from ((n, line) for n, line in enumerate(lines, 1) if line.strip())


def _raise(err: ExtractError) -> dict[str, Any]:
    """Re-raise an error inside a job so run() reports it like the others."""
    raise err


def main(argv: list[str] | None = None) -> int:
    """Run from the command line: FILE... or --jsonl IN.jsonl, optional --date."""
    import argparse

    ap = argparse.ArgumentParser(prog="onrecord extract")
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--jsonl", type=Path)
    ap.add_argument("--date", type=date.fromisoformat)
    args = ap.parse_args(argv)
    return run(args.files, jsonl=args.jsonl, date=args.date, out=sys.stdout)


if __name__ == "__main__":
    sys.exit(main())
