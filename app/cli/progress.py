"""How far a long command is: one progress implementation for every command.

On a terminal a bar per phase (rows done, rows a second, time left) is drawn on stderr with
rich, which Typer brings; anywhere else (a pipe, a file, a test) nothing is drawn and one
summary line is printed at the end. A command's work reports (phase, rows done, share of
the phase done) a batch at a time, so the bar costs a few calls per thousand rows.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from rich.console import Console
from rich.progress import (
    BarColumn,
    Progress,
    ProgressColumn,
    Task,
    TaskID,
    TextColumn,
    TimeRemainingColumn,
)
from rich.text import Text

#: Redraws a second: enough to see it move, too few to cost anything.
REFRESH_PER_SECOND = 4


class _Rows(ProgressColumn):
    """Rows done and rows a second, whatever the bar measures."""

    def render(self, task: Task) -> Text:
        rows = int(task.fields.get("rows", 0))
        rate = rows / task.elapsed if task.elapsed else 0
        return Text(f"{rows:,} {task.fields.get('unit', 'rows')} · {rate:,.0f}/s")


@dataclass
class Meter:
    """Takes a command's progress reports; draws them on a terminal, or keeps the last."""

    command: str
    bar: Progress | None
    unit: str = "rows"
    started: float = field(default_factory=time.monotonic)
    rows: int = 0
    _tasks: dict[str, TaskID] = field(default_factory=dict)

    def __call__(self, phase: str, rows: int, share: float | None) -> None:
        """Note that `rows` are done in a phase, `share` (0 to 1, None: unknown) of it."""
        self.rows = rows
        if self.bar is None:
            return
        if phase not in self._tasks:
            self._tasks[phase] = self.bar.add_task(f"{self.command}: {phase}", total=None,
                                                   rows=0, unit=self.unit)
        self.bar.update(self._tasks[phase], rows=rows, total=None if share is None else 1000,
                        completed=0 if share is None else min(share, 1.0) * 1000)

    def summary(self) -> str:
        """Say in one line what was done and how fast."""
        seconds = time.monotonic() - self.started
        rate = self.rows / seconds if seconds else 0
        return (f"{self.command}: {self.rows:,} {self.unit} in {seconds:.1f} s "
                f"({rate:,.0f} {self.unit}/s)")


@contextmanager
def progress(command: str, *, unit: str = "rows", stream: Any = None) -> Iterator[Meter]:
    """Yield a Meter for a long command's work: a bar on a terminal, one line elsewhere."""
    out = stream or sys.stderr
    if not out.isatty():
        meter = Meter(command, None, unit)
        yield meter
        print(meter.summary(), file=out, flush=True)
        return
    bar = Progress(TextColumn("{task.description}"), BarColumn(), _Rows(),
                   TimeRemainingColumn(), console=Console(file=out),
                   refresh_per_second=REFRESH_PER_SECOND)
    with bar:
        yield Meter(command, bar, unit)
