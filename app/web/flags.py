"""Flags as small vendored SVG images (npm flag-icons), beside the country's name as text.

Emoji flags depend on the reader's fonts and show as empty boxes where no colour emoji
font is installed; an image of our own shows the same everywhere. The image is decorative
(empty alt): every flag stands beside the country's name or code.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from markupsafe import Markup

FLAGS_DIR = Path(__file__).resolve().parents[2] / "static" / "vendor" / "flag-icons-7.5.0" / "4x3"
#: The codes a flag exists for, read once at start-up.
_KNOWN = frozenset(p.stem for p in FLAGS_DIR.glob("*.svg"))


@cache
def flag(code: str | None) -> Markup:
    """Return the flag image of an ISO 3166-1 alpha-2 code, or nothing for an unknown one
    (kept per code: a page shows one per statement and per facet option)."""
    key = (code or "").lower()
    if key not in _KNOWN:
        return Markup("")
    return Markup('<img class="flag" src="/static/vendor/flag-icons-7.5.0/4x3/{}.svg" alt="" '
                  'width="20" height="15" loading="lazy">').format(key)
