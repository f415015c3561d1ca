"""The parts of the app and what each may import, checked on the source (docs/architecture.md)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

APP = Path(__file__).resolve().parents[1] / "app"

#: Each part of the app and the parts it may import (besides itself). Keep in step with
#: docs/architecture.md; a new edge here is a design decision, not a fix for a failing test.
ALLOWED: dict[str, set[str]] = {
    "app.config": set(),
    "app.errors": set(),
    "app.extract": set(),
    "app.record": {"app.errors", "app.config"},
    "app.reading": {"app.record", "app.errors", "app.config", "app.urls"},
    "app.urls": {"app.reading"},
    "app.curation": {"app.record", "app.reading", "app.errors", "app.config"},
    "app.files": {"app.record", "app.reading", "app.curation", "app.errors", "app.config",
                  "app.urls"},
    "app.web": {"app.record", "app.reading", "app.curation", "app.files", "app.errors",
                "app.config", "app.urls"},
    "app.main": {"app.record", "app.web", "app.config"},
    "app.cli": {"app.record", "app.reading", "app.curation", "app.files", "app.extract",
                "app.errors", "app.config"},
    "app.__main__": {"app.cli"},
}
#: The only modules outside the extractor that may import it: the way in for articles.
EXTRACTOR_USERS = {"app.curation.article_import", "app.web.routes.review"}


def _module_name(path: Path) -> str:
    parts = path.relative_to(APP.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _part(module: str) -> str:
    return next(p for p in sorted(ALLOWED, key=len, reverse=True)
                if module == p or module.startswith(p + "."))


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [f"{node.module}.{a.name}" for a in node.names]
            found.update(n for n in [node.module, *names] if n.startswith("app"))
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("app"))
    return {n for n in found if n != "app"}


SOURCES = sorted(p for p in APP.rglob("*.py") if p != APP / "__init__.py")


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(APP.parent)))
def test_each_module_imports_only_the_parts_its_part_may_use(path: Path) -> None:
    module = _module_name(path)
    part = _part(module)
    wrong = set()
    for imported in _imports(path):
        target = _part(imported) if any(imported == p or imported.startswith(p + ".")
                                        for p in ALLOWED) else imported
        if target == part:
            continue
        if target == "app.extract" and module in EXTRACTOR_USERS:
            continue
        if target not in ALLOWED[part]:
            wrong.add(imported)
    assert not wrong, f"{module} ({part}) may not import {sorted(wrong)}"


def test_every_module_belongs_to_a_declared_part() -> None:
    for path in SOURCES:
        assert _part(_module_name(path)) in ALLOWED
