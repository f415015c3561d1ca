"""What another site pastes to show a statement or a view of the timeline: the iframe, a
fallback with no frame and no script, and the oEmbed answer platforms unfurl with.

Embeds are the only responses another site may frame (their policy is in
`app/web/headers.py`); every other page refuses to be framed. Links inside an embed open
onrecord in a new tab.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from markupsafe import Markup

#: Default sizes of an iframe, in CSS pixels; an oEmbed consumer's maxima shrink them.
STATEMENT_SIZE = (550, 360)
TIMELINE_SIZE = (600, 640)


@dataclass(frozen=True)
class Embed:
    """An embeddable view: where it is, what it is called, and its size."""

    src: str
    title: str
    width: int
    height: int

    def fitted(self, max_width: int | None, max_height: int | None) -> Embed:
        """Shrink to a consumer's maxima, as oEmbed asks."""
        return Embed(self.src, self.title, min(self.width, max_width or self.width),
                     min(self.height, max_height or self.height))

    def iframe(self) -> Markup:
        """The iframe to paste; as wide as its container at most."""
        return Markup(
            '<iframe src="{}" title="{}" width="{}" height="{}" loading="lazy" '
            'style="border:0;max-width:100%"></iframe>').format(
                self.src, self.title, self.width, self.height)


def fallback(href: str, image: str, alt: str) -> Markup:
    """A link with the card image: what to paste where frames and scripts are not allowed."""
    return Markup('<a href="{}"><img src="{}" alt="{}" width="600" height="315"></a>').format(
        href, image, alt)


def same_site(url: str, base: str) -> str | None:
    """Return the path and query of a URL on this site, or None for another site's."""
    try:
        parts, ours = urlsplit(url), urlsplit(base)
    except ValueError:  # not a URL at all (say, an unclosed IPv6 bracket)
        return None
    if parts.scheme not in ("http", "https") or parts.netloc != ours.netloc:
        return None
    return (parts.path or "/") + (f"?{parts.query}" if parts.query else "")


def oembed(embed: Embed, *, title: str, base: str, author: tuple[str, str] | None = None,
           thumbnail: str | None = None) -> dict[str, object]:
    """Answer an oEmbed request (version 1.0, type rich) for an embed."""
    answer: dict[str, object] = {
        "version": "1.0", "type": "rich", "title": title,
        "provider_name": "onrecord", "provider_url": base + "/",
        "html": str(embed.iframe()), "width": embed.width, "height": embed.height,
        "cache_age": 3600,
    }
    if author:
        answer.update(author_name=author[0], author_url=author[1])
    if thumbnail:
        answer.update(thumbnail_url=thumbnail, thumbnail_width=1200, thumbnail_height=630)
    return answer

