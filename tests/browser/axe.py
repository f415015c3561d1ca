"""Run axe-core (vendored, used by the tests only) in a page and name what it finds."""

from __future__ import annotations

from pathlib import Path
from typing import Any

#: axe-core, from npm, with its licence beside it; never served by the app.
AXE = Path(__file__).resolve().parent / "vendor" / "axe-core-4.14.1" / "axe.min.js"
#: Impacts that fail a page; "moderate" and "minor" findings are left to judgement.
FAILING = ("serious", "critical")
#: Findings waived, each on one element only: (rule, CSS selector the element is inside).
#: The chart's bars are links inside an svg image; another change rebuilds the chart as a
#: list of links, and this waiver goes with it.
#: Swagger UI on /docs puts each operation's deep link inside its toggle button
#: (`deepLinking: true` in static/api_docs.js); the link is how an operation is shared.
WAIVED = [("nested-interactive", "#chart"), ("nested-interactive", "#swagger-ui")]
#: Rules checked: WCAG 2.0-2.2 A and AA, and axe's best practices.
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


def audit(page: Any, limit: int = 4) -> list[str]:
    """Return the serious and critical violations on the page, one line each (limit nodes)."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        # Evaluated through the browser's protocol, so the page's CSP does not refuse it.
        page.evaluate(AXE.read_text(encoding="utf-8") + "\n;true")
    found = page.evaluate("""async ([tags, waived]) => {
        const result = await axe.run(document, {runOnly: {type: "tag", values: tags},
                                                resultTypes: ["violations"], elementRef: true});
        const kept = (v, n) => !waived.some(([rule, inside]) =>
            rule === v.id && n.element && n.element.closest(inside));
        return result.violations.map(v => ({...v, nodes: v.nodes.filter(n => kept(v, n))}))
          .filter(v => v.nodes.length).map(v => ({id: v.id, impact: v.impact,
            targets: v.nodes.map(n => n.target.join(" ") + (n.failureSummary
                ? " (" + n.failureSummary.split("\\n").slice(1, 2).join("").trim() + ")" : ""))}));
    }""", [TAGS, WAIVED])
    return [f"{v['id']} [{v['impact']}]: " + "; ".join(v["targets"][:limit])
            for v in found if v["impact"] in FAILING]
