from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from pg_server import Server, Unavailable

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SAMPLES = ROOT / "samples"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, skipping the test cleanly when it is absent."""
    p = SHARED.joinpath(*parts)
    if not p.exists():
        pytest.skip(f"{p} is absent (../shared is not part of a fresh clone)")
    return p


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    from histograph.nlp import get_nlp

    return get_nlp()


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[Server | None]:
    """A PostgreSQL server for this session (tests/pg_server.py), or None when it cannot be
    had here; :func:`postgres_url` turns None into a skip saying why."""
    try:
        server = Server.start()
    except Unavailable as exc:
        _POSTGRES_MISSING.append(str(exc))
        yield None
        return
    yield server
    server.stop()


_POSTGRES_MISSING: list[str] = []


@pytest.fixture(scope="session")
def postgres_shared_url(postgres_server: Server | None) -> str | None:
    """One migrated schema for the session (None without a server)."""
    if postgres_server is None:
        return None
    from histograph.store import open_store

    url = postgres_server.new_url()
    open_store(url).close()  # create the tables
    return url


@pytest.fixture
def postgres_url(postgres_server: Server | None, postgres_shared_url: str | None) -> str:
    """The URL of an empty, migrated PostgreSQL schema (skips the test when there is no
    server). Emptied, not created, per test: fast; use ``postgres_server.new_url()`` for a
    schema without tables."""
    if postgres_server is None or postgres_shared_url is None:
        pytest.skip(_POSTGRES_MISSING[0] if _POSTGRES_MISSING else "PostgreSQL is unavailable")
    postgres_server.clear(postgres_shared_url)
    return postgres_shared_url
