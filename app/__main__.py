"""`python -m app`: the same as the `onrecord` command."""

from app.cli import main

main()
