"""Article -> statements: who said what, and when, with exact offsets.

Pure Python over a string; imports neither the web layer nor the database.
"""

from app.extract.article import parse_article
from app.extract.engine import extract
from app.extract.records import Article, ExtractError, Quote

__all__ = ["Article", "ExtractError", "Quote", "extract", "parse_article"]
