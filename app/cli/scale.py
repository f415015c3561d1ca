"""Commands for large databases: synthetic data and moving between engines."""

from __future__ import annotations
