"""Measure extractor throughput on synthetic ~800-word articles (fictional names, seeded).

Run: .venv/bin/python bench/extract_speed.py [--articles 2000] [--seed 7]
     .venv/bin/python bench/extract_speed.py --real ../shared/eval/polnear-dev.jsonl
     (real news, read at run time and never copied: CPU time over three passes)
"""

import argparse
import json
import random
import resource
import time
import tracemalloc
from datetime import date

from app.extract import extract

FIRST = ["Anna", "Tom", "Petra", "Ivan", "Claire", "Rob", "Mara", "Jonas", "Lena", "Omar"]
LAST = ["Marsh", "Quill", "Danko", "Sorokin", "Moreau", "Tanner", "Vell", "Hardy", "Brook"]
ROLES = ["Foreign Minister", "Mayor", "Senator", "Defence Secretary", "spokeswoman"]
DEMONYMS = ["Ukrainian", "French", "Canadian", "Polish", "Irish"]
FILLER = [
    "the", "council", "met", "again", "on", "the", "harbour", "plan", "while", "residents",
    "waited", "for", "news", "of", "the", "budget", "and", "the", "river", "kept", "rising",
    "along", "the", "old", "town", "walls",
]
# Target article length, in words.
WORDS = 800


def _sentence(rng: random.Random) -> str:
    """Return a filler sentence of 12-20 words."""
    words = rng.sample(FILLER, rng.randint(12, 20))
    return " ".join(words).capitalize() + "."


def _statement(rng: random.Random, name: str) -> str:
    """Return a paragraph holding one statement in a random news style."""
    said = " ".join(rng.sample(FILLER, 10))
    return rng.choice([
        f"“{said.capitalize()},” {name} said on Monday.",
        f"{name} said that {said}.",
        f"{said.capitalize()}, according to {name}.",
        f"“{said.capitalize()},” she said. “{_sentence(rng)}”",
    ])


def article(rng: random.Random) -> str:
    """Return one synthetic article of about WORDS words."""
    name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    paras = [f"{rng.choice(DEMONYMS)} {rng.choice(ROLES)} {name} arrived in the capital."]
    while sum(len(p.split()) for p in paras) < WORDS:
        paras.append(_statement(rng, name) if rng.random() < 0.4 else
                     " ".join(_sentence(rng) for _ in range(3)))
    return "\n\n".join(paras)


def _timed(texts: list[str]) -> tuple[float, float, int]:
    """Return (wall seconds, CPU seconds, statements found) for one untraced pass."""
    started, cpu, found = time.perf_counter(), time.process_time(), 0
    for text in texts:
        found += len(extract(text, published_on=date(2022, 2, 6)))
    return time.perf_counter() - started, time.process_time() - cpu, found


def _peaks(texts: list[str]) -> tuple[int, int]:
    """Return traced peak bytes after the first quarter and after all texts."""
    tracemalloc.start()
    quarter = 0
    for i, text in enumerate(texts):
        extract(text, published_on=date(2022, 2, 6))
        if i == len(texts) // 4:
            quarter = tracemalloc.get_traced_memory()[1]
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return quarter, peak


def real(path: str, passes: int = 3) -> None:
    """Time extraction over real articles (JSONL with text and date), CPU time per core."""
    with open(path, encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()]
    arts = [(r["text"], date.fromisoformat(r["date"]) if r.get("date") else None) for r in rows]
    extract(arts[0][0], published_on=arts[0][1])  # warm caches (pycountry tables)
    cpu = time.process_time()
    for _ in range(passes):
        for text, on in arts:
            extract(text, published_on=on)
    spent = time.process_time() - cpu
    words = sum(len(t.split()) for t, _ in arts) / len(arts)
    print(f"{len(arts)} real articles, {words:.0f} words each, {passes} passes: "
          f"{passes * len(arts) / spent:.0f} articles/s of CPU time")


def main() -> None:
    """Time extraction over the generated articles, then check memory stays flat."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--real", help="JSONL of real articles to time instead")
    args = ap.parse_args()
    if args.real:
        real(args.real)
        return
    rng = random.Random(args.seed)
    texts = [article(rng) for _ in range(args.articles)]
    extract(texts[0], published_on=date(2022, 2, 6))  # warm caches (pycountry tables)
    elapsed, cpu, found = _timed(texts)
    quarter, peak = _peaks(texts[: max(4, len(texts) // 4)])
    words = sum(len(t.split()) for t in texts) / len(texts)
    print(f"{len(texts)} articles, {words:.0f} words each, {found} statements")
    print(f"{len(texts) / elapsed:.0f} articles/s on one core ({elapsed:.1f} s wall); "
          f"{len(texts) / cpu:.0f} articles/s of CPU time (what a shared core hides)")
    print(f"traced peak {quarter / 1e6:.2f} MB after a quarter, {peak / 1e6:.2f} MB at the end; "
          f"max RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
