"""The `onrecord` command: thin commands over the app's services, one module per concern."""

import sys

from app.cli import articles, bulk, curate, feeds, scale, serving  # noqa: F401  (each registers its commands)
from app.cli.app import cli


def main() -> None:
    """Run the command line; an error the app can explain is one line, never a traceback."""
    from app.errors import OnrecordError

    try:
        cli(standalone_mode=True)
    except OnrecordError as err:
        print(f"onrecord: {err}", file=sys.stderr)
        raise SystemExit(1) from None


__all__ = ["cli", "main"]
