"""The `onrecord` command: thin commands over the app's services, one module per concern."""

from app.cli import articles, bulk, curate, scale, serving  # noqa: F401  (each registers its commands)
from app.cli.app import cli


def main() -> None:
    """Run the command line."""
    cli()


__all__ = ["cli", "main"]
