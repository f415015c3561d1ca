"""`onrecord serve`."""

from __future__ import annotations

import ctypes
import os
import socket
from typing import TYPE_CHECKING, Annotated

import typer

from app.cli.app import cli, settings_from
from app.config import Settings

if TYPE_CHECKING:
    from uvicorn import Config


@cli.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    db: Annotated[str | None, typer.Option(
        help="SQLite file or database URL [default: ONRECORD_DATABASE_URL or ./onrecord.db]",
    )] = None,
    workers: Annotated[int, typer.Option(help="Worker processes.")] = 1,
    poll_feeds: Annotated[float | None, typer.Option(
        help="Poll the followed feeds every MINUTES beside the server.", metavar="MINUTES",
        min=1)] = None,
) -> None:
    """Create or migrate the database, load the demo into an empty one, and serve."""
    import uvicorn
    from uvicorn.supervisors import Multiprocess

    from app.record.setup import prepare_database

    settings = settings_from(db)
    prepare_database(settings)
    _few_malloc_arenas()
    os.environ["ONRECORD_DATABASE_URL"] = settings.database_url
    os.environ["ONRECORD_LOAD_DEMO"] = "false"  # prepared above, once, not per worker
    typer.echo(f"onrecord on http://{host}:{port}/ with {settings.database_url}")
    config = uvicorn_config(settings, host=host, port=port, workers=workers)
    if poll_feeds:
        _start_poller(settings, poll_feeds)
    if workers > 1:
        Multiprocess(config, sockets=[_listening_socket(host, port)]).run()
    else:
        uvicorn.Server(config).run()


#: Memory pools glibc's malloc keeps per process. By default it gives request threads up to
#: eight per core, each holding its freed pages; on a million statements a worker grew to
#: 331 MiB over the benchmark's searches with them, 262 MiB with two, no slower.
MALLOC_ARENAS = 2
_M_ARENA_MAX = -8  # mallopt's parameter number for it (malloc.h)


def _few_malloc_arenas() -> None:
    """Cap glibc's malloc arenas in this process and in the workers it starts (the variable
    is read when a process starts); elsewhere than glibc, nothing to do."""
    os.environ.setdefault("MALLOC_ARENA_MAX", str(MALLOC_ARENAS))
    try:
        libc = ctypes.CDLL("libc.so.6")
    except OSError:
        return
    libc.mallopt(_M_ARENA_MAX, int(os.environ["MALLOC_ARENA_MAX"]))


def _start_poller(settings: Settings, minutes: float) -> None:
    """Poll the followed feeds in a thread beside the server (leases keep it from polling a
    feed another server polls)."""
    from app.cli.feeds import address_import
    from app.curation.feed_polling import Poller
    from app.record.setup import open_engine

    Poller(open_engine(settings), address_import(settings), minutes).start()
    typer.echo(f"Polling the followed feeds every {minutes:g} minutes.")


def uvicorn_config(settings: Settings, *, host: str, port: int, workers: int) -> Config:
    """Configure uvicorn to believe forwarded headers only from ONRECORD_TRUSTED_PROXIES.

    uvicorn's own default trusts 127.0.0.1, so any local client could name its address.
    """
    from uvicorn import Config

    trusted = settings.trusted_proxy_list
    return Config("app.main:served_app", factory=True, host=host, port=port, workers=workers,
                  proxy_headers=bool(trusted), forwarded_allow_ips=trusted)


def _listening_socket(host: str, port: int) -> socket.socket:
    """Bind the socket the workers share, as a TCP socket.

    uvicorn 0.54 binds it without IPPROTO_TCP, so its workers never set TCP_NODELAY and
    every answer on a kept-alive connection waits about 40 ms for a delayed ACK.
    """
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.set_inheritable(True)
    return sock
