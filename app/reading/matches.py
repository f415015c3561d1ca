"""Former home of the kept searches (now app/reading/kept_searches.py): `Kept` is imported
from here by tests/test_versions.py until it imports app.record.versions.Kept."""

from app.record.versions import Kept

__all__ = ["Kept"]
