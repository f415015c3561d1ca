"""Run the extractor over a text: sentences -> claims -> resolved, dated quotes."""

import re
from dataclasses import dataclass
from datetime import date

from app.extract import dates, rules, salience, segment, stance
from app.extract.attribution import claims_in
from app.extract.claim import Claim
from app.extract.discourse import Discourse, Entity
from app.extract.embeds import embeds_in
from app.extract.framing import pick_cue, subject_of
from app.extract.headline import drop_repeated, headline_end
from app.extract.mentions import names_in
from app.extract.phrases import Mention
from app.extract.records import ExtractError, Quote

# Most words between "X said" and the colon that opens a quote ("X said on Friday:").
MAX_COLON_FRAME = 6
# Largest text accepted, in characters: beyond this it is not one article.
MAX_CHARS = 2_000_000
# A name, a closing bracket or a party and seat, then "and" just before a name: the name
# ends a coordinated subject.
COORDINATED_NAME = re.compile(r"[A-Z][\w.’'\-]*\)?,?\s+and\s+$")


@dataclass
class _Last:
    """The last statement made: who, in which paragraph, and when."""

    entity: Entity
    paragraph: int
    said: dates.SaidOn
    coordinated: bool = False  # "Mr. Pike and Ms. Vole say": a later "they" is this pair


def check_text(text: object) -> str:
    """Reject input that is not article text, with a message saying why."""
    if not isinstance(text, str):
        raise ExtractError(f"expected text, got {type(text).__name__}")
    if not text.strip():
        raise ExtractError("empty text: nothing to extract")
    if len(text) > MAX_CHARS:
        raise ExtractError(f"text too long: {len(text)} characters (limit {MAX_CHARS})")
    if "\x00" in text:
        raise ExtractError("binary data: the text contains NUL bytes")
    return text


def extract(
    text: str, *, published_on: date | None = None, title: str | None = None
) -> list[Quote]:
    """Return the statements in text, offsets into text, dated from published_on."""
    text = check_text(text)
    paras = segment.paragraphs(text)
    head = headline_end(text, paras, title)
    spans = {i: segment.quotes_in(text, a, b) for i, (a, b) in enumerate(paras)}
    masked = segment.mask(text, [s for group in spans.values() for s in group])
    run = _Run(text, masked, published_on)
    order = [i for i in range(len(paras)) if paras[i][0] >= head] + [
        i for i in range(len(paras)) if paras[i][0] < head]
    posts = embeds_in(text, paras, spans)
    signed = {k for post in posts.values() for k in post.paragraphs}
    for i in order:
        if i in posts:
            run.post(posts[i].claim)
        if i in signed:
            continue
        a, b = paras[i]
        if not spans[i] and run.block(a, b, i):
            continue
        for sent in segment.sentences(text, a, b, i, spans[i]):
            run.sentence(sent)
    body = [q for q in run.quotes if q.start >= head]
    return sorted(body + drop_repeated(run.quotes, head), key=lambda q: q.start)


class _Run:
    """The state of one pass: discourse, last statement, quotes so far."""

    def __init__(self, text: str, masked: str, published_on: date | None) -> None:
        self.text, self.masked, self.published_on = text, masked, published_on
        self.discourse = Discourse()
        self.last: _Last | None = None
        self.quotes: list[Quote] = []
        self.colon: int | None = None  # the paragraph that ends "X said:", if the last did

    def sentence(self, sent: segment.Sentence) -> None:
        """Note the names of a sentence, then turn its claims into quotes."""
        for mention, subject in names_in(self.masked, sent.start, sent.end):
            self.discourse.notice(mention, subject)
        role = salience.described_subject(self.masked, sent.start, sent.end)
        if role is not None:
            self.discourse.notice_described(Mention(0, 0, role, "description", role))
        claims = claims_in(self.text, self.masked, sent)
        for claim in claims:
            entity = self._speaker(claim)
            if entity is not None:
                self._emit(claim, entity)
        if not claims:
            self._announce(sent)

    def post(self, claim: Claim) -> None:
        """Emit a signed post (see embeds): its signature names the speaker."""
        entity = self._speaker(claim)
        if entity is not None:
            self._emit(claim, entity)

    def block(self, a: int, b: int, paragraph: int) -> bool:
        """Emit a paragraph without quote marks after "X said:" as X's words (a block quote),
        and tell whether it was one."""
        if self.colon != paragraph - 1 or self.last is None or self.last.paragraph != self.colon:
            return False
        sent = segment.Sentence(a, b, paragraph, ())
        self._emit(Claim(a, b, "direct", None, None, sent), self.last.entity)
        return True

    def _announce(self, sent: segment.Sentence) -> None:
        """Carry "X made the following comment:" or "X said:" to the quote the colon opens."""
        frame = self.masked[sent.start : sent.end].rstrip()
        who = None
        if frame.endswith(":"):
            who = self._colon_speaker(sent, frame)
        elif frame.endswith(".") and not sent.quotes:  # "X said in a statement." + quote
            picked = pick_cue(self.masked, sent)
            who = picked[1] if picked and picked[0].kind == "speech" else None
        if who is None or who.kind not in ("name", "pronoun"):
            return
        entity = self.discourse.resolve(who)
        if entity is not None:
            said = dates.said_on(frame, self.published_on) or dates.article_day(
                self.published_on, frame)
            self.last = _Last(entity, sent.paragraph, said)
            ends_paragraph = not self.text[sent.end : self.text.find("\n", sent.end)].strip()
            self.colon = sent.paragraph if frame.endswith(":") and ends_paragraph else None

    def _colon_speaker(self, sent: segment.Sentence, frame: str) -> Mention | None:
        """Return X of "X made the following comment:" or of "X said:" (a speech verb
        with nothing but a short frame before the colon)."""
        words = {w.lower().strip(",:") for w in frame.split()}
        if words & rules.SPEECH_NOUNS:
            return subject_of(self.masked, sent, sent.end)
        picked = pick_cue(self.masked, sent)
        if picked is None or picked[0].kind != "speech" or picked[1].end > picked[0].start:
            return None
        rest = self.masked[picked[0].end : sent.end].split()
        return picked[1] if len(rest) <= MAX_COLON_FRAME else None

    def _speaker(self, claim: Claim) -> Entity | None:
        """Resolve the claim's speaker, or carry the last one for a bare quote."""
        last = self.last
        if claim.mention is not None and claim.mention.name.lower() == "they" and last and (
                last.coordinated and claim.sentence.paragraph - last.paragraph <= 1):
            return last.entity  # the nearest of the pair, as "A and B said" gives
        if claim.mention is not None:
            return self.discourse.resolve(claim.mention)
        if last and claim.sentence.paragraph - last.paragraph <= 1:
            return last.entity
        return None

    def _said(self, claim: Claim, entity: Entity) -> dates.SaidOn:
        """Date a claim from its own frame, else its continued remarks, else the article."""
        sent = claim.sentence
        frame = self.masked[sent.start : claim.start] + " " + self.masked[claim.end : sent.end]
        own = dates.said_on(frame, self.published_on)
        if own:
            return own
        continues = claim.mention is None or claim.mention.kind == "pronoun"
        if continues and self.last and self.last.entity is entity:
            return self.last.said
        return dates.article_day(self.published_on, frame)

    def _emit(self, claim: Claim, entity: Entity) -> None:
        """Build the quote record and remember it as the last statement."""
        said = self._said(claim, entity)
        words = self.text[claim.start : claim.end]
        guess = stance.guess(words, claim.lemma, entity.country)
        self.quotes.append(Quote(
            speaker=entity.name, quote=words, start=claim.start, end=claim.end,
            kind=claim.kind, said_on=said.on, date_precision=said.precision,
            date_words=said.words, role=entity.role, country=entity.country,
            stance=guess.stance, target=guess.target, confidence=guess.confidence,
            stance_words=guess.words, act=guess.act, speaker_type=entity.type,
        ))
        self.last = _Last(entity, claim.sentence.paragraph, said, self._coordinated(claim))

    def _coordinated(self, claim: Claim) -> bool:
        """Tell whether the claim's named speaker ends a pair of names ("Tom Quill and Ann
        Vole said"), so that a "they" soon after is the same speakers."""
        m = claim.mention
        if m is None or m.kind != "name":
            return False
        return COORDINATED_NAME.search(self.text, max(0, m.start - 80), m.start) is not None

