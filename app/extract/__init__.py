"""Article -> statements: who said what, and when, with exact offsets.

Pure Python over a string; imports neither the web layer nor the database. The engine and
its word lists load on first use of `extract` or `parse_article` (PEP 562): a web worker
that never reads an article never pays for them (a tenth of a second at start-up).
"""

from typing import TYPE_CHECKING, Any

from app.extract.records import Article, ExtractError, Quote

if TYPE_CHECKING:
    from app.extract.article import parse_article
    from app.extract.engine import extract

__all__ = ["Article", "ExtractError", "Quote", "extract", "parse_article"]


def __getattr__(name: str) -> Any:
    if name == "extract":
        from app.extract.engine import extract
        return extract
    if name == "parse_article":
        from app.extract.article import parse_article
        return parse_article
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
