"""Preview cards: a 1200×630 PNG of one statement, for the image a pasted link unfurls with.

A card shows the words, who said them, in what role, for which country and when, and the
site's name, in light text on a dark ground, so it stays readable at thumbnail size. The
stance is written out in words, never told by colour alone. Cards are drawn from a small
frozen record of their inputs: the same inputs give the same bytes, so the inputs' digest
is the card's ETag and the drawn cards are kept per worker by those inputs.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import astuple, dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from app.reading.explorer import Explorer
from app.reading.query import FILTERS
from app.reading.statements import StatementView
from app.record.models import DatePrecision, Stance

if TYPE_CHECKING:
    from PIL import ImageDraw, ImageFont

#: The size every unfurler asks for (og:image, summary_large_image).
WIDTH, HEIGHT = 1200, 630
#: Drawn cards kept per worker, by their inputs (a card is about 30–60 kB).
CARDS_KEPT = 256
#: Bumped when the drawing changes, so caches and ETags of old drawings are dropped.
DRAWING = "1"
FONTS = Path(__file__).resolve().parents[2] / "static" / "fonts" / "dejavu"
_GROUND, _INK, _MUTED, _ACCENT = "#15181d", "#f5f2ea", "#b9b4a8", "#e3b341"
_MARGIN = 80
#: Sizes tried for the words, largest first, and the lines each may fill.
_WORD_SIZES = ((58, 4), (50, 5), (44, 6), (38, 7))


@dataclass(frozen=True)
class CardInputs:
    """Everything a card shows, as text: the one thing its drawing depends on."""

    words: str
    speaker: str
    details: str
    stance: str
    site: str
    label: str

    @property
    def etag(self) -> str:
        """A strong ETag: the digest of the inputs and the drawing's version."""
        digest = hashlib.sha256(repr((DRAWING, *astuple(self))).encode()).hexdigest()
        return f'"{digest[:32]}"'


def card_inputs(view: StatementView, *, version: int | None = None,
                site: str = "onrecord") -> CardInputs:
    """Gather what the card of a statement (or of one of its versions) says."""
    s = view.statement
    country = view.country.name if view.country else None
    details = " · ".join(p for p in (view.role, country, said_on(view)) if p)
    stance = "" if s.stance is Stance.neutral else (
        f"{s.stance.value.capitalize()}" + (f" of {s.target}" if s.target else ""))
    label = f"#{view.id}" + (f" · version {version}" if version else "")
    return CardInputs(" ".join(s.text.split()), view.actor.name, details, stance, site, label)


def said_on(view: StatementView) -> str:
    """Spell the day a statement was said as precisely as it is known."""
    day, precision = view.statement.said_on, view.statement.date_precision
    if precision is DatePrecision.year:
        return str(day.year)
    if precision is DatePrecision.month:
        return day.strftime("%B %Y")
    return f"{day.day} {day.strftime('%B %Y')}"


@lru_cache(maxsize=CARDS_KEPT)
def draw_card(inputs: CardInputs) -> bytes:
    """Draw a card as PNG bytes."""
    from PIL import Image, ImageDraw  # drawn only when a card is asked for: not at start-up

    image = Image.new("RGB", (WIDTH, HEIGHT), _GROUND)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, 14, HEIGHT), fill=_ACCENT)
    draw.text((_MARGIN - 12, 18), "“", font=_font(150, bold=True), fill=_ACCENT)
    size, lines = _fit_words(draw, inputs.words)
    words_font = _font(size)
    y = 120
    for line in lines:
        draw.text((_MARGIN, y), line, font=words_font, fill=_INK)
        y += int(size * 1.22)
    _draw_footer(draw, inputs)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def _draw_footer(draw: ImageDraw.ImageDraw, inputs: CardInputs) -> None:
    width = WIDTH - 2 * _MARGIN
    draw.line((_MARGIN, 455, WIDTH - _MARGIN, 455), fill="#3a3f47", width=2)
    draw.text((_MARGIN, 472), _shorten(draw, inputs.speaker, _font(40, bold=True), width),
              font=_font(40, bold=True), fill=_INK)
    draw.text((_MARGIN, 524), _shorten(draw, inputs.details, _font(28), width),
              font=_font(28), fill=_MUTED)
    bottom = "  ·  ".join(p for p in (inputs.stance, inputs.label) if p)
    draw.text((_MARGIN, 572), _shorten(draw, bottom, _font(24), width - 260), font=_font(24),
              fill=_MUTED)
    site_font = _font(30, bold=True)
    site_width = draw.textlength(inputs.site, font=site_font)
    draw.text((WIDTH - _MARGIN - site_width, 568), inputs.site, font=site_font, fill=_ACCENT)


def _fit_words(draw: ImageDraw.ImageDraw, words: str) -> tuple[int, list[str]]:
    """Pick the largest size at which the words fit; cut them with an ellipsis at the
    smallest when they still do not."""
    width = WIDTH - 2 * _MARGIN
    for size, most in _WORD_SIZES:
        lines = _wrap(draw, words, _font(size), width)
        if len(lines) <= most:
            return size, lines
    size, most = _WORD_SIZES[-1]
    lines = _wrap(draw, words, _font(size), width)[:most]
    lines[-1] = _shorten(draw, lines[-1] + " …", _font(size), width, force=True)
    return size, lines


def _wrap(draw: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont,
          width: int) -> list[str]:
    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if line and draw.textlength(candidate, font=font) > width:
            lines.append(line)
            line = word
        else:
            line = candidate
    return [*lines, line] if line else lines


def _shorten(draw: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont, width: int,
             *, force: bool = False) -> str:
    """Cut text to the width, ending with an ellipsis when anything was cut."""
    if not force and draw.textlength(text, font=font) <= width:
        return text
    text = text.removesuffix(" …")
    while text and draw.textlength(text + "…", font=font) > width:
        text = text[:-1]
    return text.rstrip(" ,.;:") + "…"


@lru_cache(maxsize=16)
def _font(size: int, *, bold: bool = False) -> ImageFont.FreeTypeFont:
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    from PIL import ImageFont

    return ImageFont.truetype(str(FONTS / name), size)


# View cards: the image a pasted view of the timeline (a filtered timeline, a profile,
# lanes) unfurls with — what the view is narrowed to, how many statements, and its chart.

#: Chart bars drawn at most; a longer chart keeps its latest periods.
CARD_BARS = 60
_CHART_TOP, _CHART_BOTTOM = 320, 540


@dataclass(frozen=True)
class ViewCardInputs:
    """Everything a view card shows: its title, counts and chart, as plain values."""

    title: str
    span: str
    total: int
    stances: str
    bars: tuple[tuple[str, int, bool], ...]
    site: str = "onrecord"

    @property
    def etag(self) -> str:
        """A strong ETag: the digest of the inputs and the drawing's version."""
        digest = hashlib.sha256(repr(("view", DRAWING, *astuple(self))).encode()).hexdigest()
        return f'"{digest[:32]}"'

    @property
    def headline(self) -> str:
        """Say how many statements the view holds."""
        return f"{self.total:,} statement{'' if self.total == 1 else 's'}"


def view_card_inputs(title: str, span: str, total: int, stances: dict[str, int],
                     bars: list[tuple[str, int, bool]]) -> ViewCardInputs:
    """Gather what the card of a view says: title, dates, total, counts per stance, bars."""
    said = " · ".join(f"{n:,} {name}" for name, n in stances.items() if n)
    return ViewCardInputs(title or "Every statement on the record", span, total, said,
                          tuple(bars[-CARD_BARS:]))


def view_title(view: Explorer, *, dates: bool = True) -> str:
    """Say what a view is narrowed to, the filter a profile fixes included."""
    q = view.query
    chosen = [f.describe(o.label) for f in FILTERS for o in view.facets.get(f.name, [])
              if o.selected]
    if q.q:
        chosen.append(f"“{q.q}”")
    if dates and (q.date_from or q.date_to):
        chosen.append(view_span(view))
    return " · ".join(chosen)


def view_span(view: Explorer) -> str:
    """Spell the days a view is narrowed to, or nothing when it is not."""
    start, end = view.query.date_from, view.query.date_to
    if not (start or end):
        return ""
    spell = lambda d: f"{d.day} {d.strftime('%b %Y')}" if d else "…"  # noqa: E731
    return f"{spell(start)} – {spell(end)}"


def view_card(view: Explorer) -> ViewCardInputs:
    """Gather what the card of an explorer's view says, from the counts it already holds."""
    stances = {o.value: o.count for o in view.facets.get("stance", [])
               if o.selected or not view.query.stance}
    bars = [(b.label, b.count, b.selected) for b in (view.chart.bars if view.chart else [])]
    return view_card_inputs(view_title(view, dates=False), view_span(view), view.total,
                            stances, bars)


@lru_cache(maxsize=CARDS_KEPT)
def draw_view_card(inputs: ViewCardInputs) -> bytes:
    """Draw a view card as PNG bytes."""
    from PIL import Image, ImageDraw  # drawn only when a card is asked for: not at start-up

    image = Image.new("RGB", (WIDTH, HEIGHT), _GROUND)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, 14, HEIGHT), fill=_ACCENT)
    width = WIDTH - 2 * _MARGIN
    draw.text((_MARGIN, 40), _shorten(draw, inputs.title, _font(46, bold=True), width - 220),
              font=_font(46, bold=True), fill=_INK)
    draw.text((_MARGIN, 104), inputs.span, font=_font(30), fill=_MUTED)
    draw.text((_MARGIN, 150), inputs.headline, font=_font(72, bold=True), fill=_ACCENT)
    draw.text((_MARGIN, 248), _shorten(draw, inputs.stances, _font(30), width),
              font=_font(30), fill=_MUTED)
    _draw_bars(draw, inputs.bars)
    site_font = _font(30, bold=True)
    site_width = draw.textlength(inputs.site, font=site_font)
    draw.text((WIDTH - _MARGIN - site_width, 50), inputs.site, font=site_font, fill=_ACCENT)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def _draw_bars(draw: ImageDraw.ImageDraw, bars: tuple[tuple[str, int, bool], ...]) -> None:
    """Draw the chart as bars along the card's foot, the view's periods in the accent."""
    if not bars:
        return
    peak = max(n for _, n, _ in bars) or 1
    step = (WIDTH - 2 * _MARGIN) / len(bars)
    any_chosen = any(chosen for _, _, chosen in bars)
    for i, (_, n, chosen) in enumerate(bars):
        height = 3 if n == 0 else 6 + (_CHART_BOTTOM - _CHART_TOP - 6) * n / peak
        x = _MARGIN + i * step
        fill = _ACCENT if chosen or not any_chosen else "#5b5f66"
        draw.rectangle((x + step * 0.12, _CHART_BOTTOM - height, x + step * 0.88, _CHART_BOTTOM),
                       fill=fill)
    label_font = _font(22)
    draw.text((_MARGIN, _CHART_BOTTOM + 12), bars[0][0], font=label_font, fill=_MUTED)
    if len(bars) > 1:
        last = bars[-1][0]
        draw.text((WIDTH - _MARGIN - draw.textlength(last, font=label_font),
                   _CHART_BOTTOM + 12), last, font=label_font, fill=_MUTED)
