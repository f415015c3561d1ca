"""Score the extractor on two fixed halves of the PolNeAR dev split, and count errors by class.

Tune on half A, check on half B: a rule that helps only one half was fitted to its texts.
The corpus is read at run time from the shared eval folder and never copied.

Run: .venv/bin/python bench/extract_split.py [--eval ../shared/eval] [--show CLASS]
"""

import argparse
import hashlib
import importlib.util
import json
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

from app.extract.cli import result_line
from app.extract.records import Article

EVAL = Path(__file__).resolve().parents[1] / ".." / "shared" / "eval"
# The scorer's filter for what a statement tracker keeps.
FILTER = ["--speech-only", "--speaker-types", "person"]


def half(article_id: str) -> str:
    """Put an article in half A or B by a hash of its id: fixed, and blind to content."""
    return "AB"[hashlib.sha256(article_id.encode()).digest()[0] % 2]


def _scorer(folder: Path) -> ModuleType:
    """Load the shared scorer as a module."""
    spec = importlib.util.spec_from_file_location("score", folder / "score.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _predict(rows: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Run the extractor over every article."""
    out = {}
    for row in rows:
        on = row.get("date")
        article = Article(row["text"], _date(on) if on else None, row.get("title"))
        out[row["id"]] = result_line(row["id"], article)
    return out


def _date(iso: str) -> Any:
    """Parse an ISO date."""
    from datetime import date

    return date.fromisoformat(iso)


def _line(sc: ModuleType, gold: dict[str, Any], pred: dict[str, Any], args: Any) -> str:
    """Return span F1, speaker accuracy and end-to-end F1 for one set of articles."""
    c, _ = sc.score(gold, pred, args)
    span = sc.prf(c["tp"], c["pred"], c["gold"])[2]
    e2e = sc.prf(c["e2e"], c["pred"], c["gold"])[2]
    acc = c["spk_ok"] / c["tp_resolved"] if c["tp_resolved"] else 0.0
    return (f"span F1 {span:.4f}  speaker {acc:.4f} ({c['spk_ok']}/{c['tp_resolved']})  "
            f"e2e F1 {e2e:.4f}  (gold {c['gold']})")


def classify(sc: ModuleType, gold: dict[str, Any], pred: dict[str, Any], args: Any
             ) -> list[tuple[str, str, dict[str, Any]]]:
    """Return (class, article id, record) for each error under the filter."""
    errors = []
    for aid, g in gold.items():
        golds, preds = g["quotes"], pred.get(aid, {}).get("quotes", [])
        pairs = dict(sc.match(golds, preds))
        used = set(pairs.values())
        for gi, q in enumerate(golds):
            if not sc.keep(q, args):
                continue
            if gi in pairs:
                if q.get("speaker_type") != "unresolved" and not sc.speaker_match(
                        preds[pairs[gi]]["speaker"], q):
                    errors.append(("wrong speaker", aid, {**q, "pred": preds[pairs[gi]]}))
                continue
            near = [p for p in preds if _overlap(p, q)]
            cls = "boundary" if near else f"missed {q['kind']}"
            errors.append((cls, aid, {**q, "pred": near[0] if near else None}))
        for pi, p in enumerate(preds):
            if pi not in used and not any(_overlap(p, q) for q in golds):
                errors.append(("false positive", aid, p))
    return errors


def _overlap(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Tell whether two spans share any character."""
    return min(a["end"], b["end"]) > max(a["start"], b["start"])


def main() -> None:
    """Print the scores of both halves and the whole, then error counts per class."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--eval", type=Path, default=EVAL)
    ap.add_argument("--show", help="print the errors of one class, e.g. 'missed indirect'")
    ap.add_argument("--half", choices=["A", "B"], help="with --show: only this half")
    opts = ap.parse_args()
    sc = _scorer(opts.eval)
    rows = [json.loads(x) for x in (opts.eval / "polnear-dev.jsonl").open(encoding="utf-8")]
    gold = {r["id"]: r for r in rows}
    pred = _predict(rows)
    args = sc.argparse.Namespace(kinds=set(), speaker_types={"person"}, speech_only=True)
    for name in ("A", "B"):
        part = {k: v for k, v in gold.items() if half(k) == name}
        print(f"half {name} ({len(part)} articles): {_line(sc, part, pred, args)}")
    print(f"all ({len(gold)} articles):    {_line(sc, gold, pred, args)}")
    for name in ("A", "B"):
        part = {k: v for k, v in gold.items() if half(k) == name}
        counts = Counter(cls for cls, _, _ in classify(sc, part, pred, args))
        print(f"errors, half {name}: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    if opts.show:
        part = {k: v for k, v in gold.items() if opts.half in (None, half(k))}
        for cls, aid, rec in classify(sc, part, pred, args):
            if cls == opts.show:
                print(json.dumps({"id": aid, **rec}, ensure_ascii=False)[:700])


if __name__ == "__main__":
    main()
