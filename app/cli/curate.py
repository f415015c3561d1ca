"""Accounts: the first editor, and API tokens for scripts; naming statements' languages."""

from __future__ import annotations

import getpass
import sys
from typing import TYPE_CHECKING, Annotated

import typer

from app.cli.app import cli, settings_from

if TYPE_CHECKING:
    from sqlmodel import Session

user = typer.Typer(help="Editor accounts.", no_args_is_help=True)
token = typer.Typer(help="API tokens for scripts (sent as 'Authorization: Bearer').",
                    no_args_is_help=True)
cli.add_typer(user, name="user")
cli.add_typer(token, name="token")

DbOption = Annotated[str | None, typer.Option(help="SQLite file or database URL.")]


def _session(db: str | None) -> Session:
    from app.record.setup import open_engine, prepare_database

    settings = settings_from(db)
    prepare_database(settings)
    from sqlmodel import Session

    return Session(open_engine(settings))


@user.command("add")
def user_add(
    name: Annotated[str, typer.Argument(help="The editor's login name.")],
    password_stdin: Annotated[bool, typer.Option(
        "--password-stdin", help="Read the password from standard input.")] = False,
    db: DbOption = None,
) -> None:
    """Add an editor; the password is asked for (or read from stdin), never an argument."""
    from app.curation.auth import add_editor
    from app.errors import AuthError

    if password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = getpass.getpass("Password: ")
        if getpass.getpass("Again: ") != password:
            typer.echo("onrecord user add: the passwords differ", err=True)
            raise typer.Exit(1)
    with _session(db) as session:
        try:
            add_editor(session, name, password)
        except AuthError as error:
            typer.echo(f"onrecord user add: {error}", err=True)
            raise typer.Exit(1) from None
    typer.echo(f"Added editor {name.strip()}.")


@token.command("create")
def token_create(
    name: Annotated[str, typer.Option("--name", help="What the token is for.")],
    db: DbOption = None,
) -> None:
    """Create a token and print it once; only its hash is stored."""
    from app.curation.auth import create_token

    with _session(db) as session:
        typer.echo(create_token(session, name))


@token.command("revoke")
def token_revoke(
    name: Annotated[str, typer.Option("--name", help="The name the token was created with.")],
    db: DbOption = None,
) -> None:
    """Revoke every live token of a name."""
    from app.curation.auth import revoke_token

    with _session(db) as session:
        count = revoke_token(session, name)
    typer.echo(f"Revoked {count} token{'s' if count != 1 else ''} named {name}.")
    if not count:
        raise typer.Exit(1)


@cli.command("detect-languages")
def detect_languages(db: DbOption = None) -> None:
    """Name the language of statements recorded without one ('und'), by detection."""
    from app.curation.language_fill import detect_undetermined

    with _session(db) as session:
        named = detect_undetermined(session)
    typer.echo(f"Named the language of {named} statements.")
