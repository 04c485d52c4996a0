"""A throw-away PostgreSQL server for the tests: Debian's ``postgresql`` binaries, a cluster
made by ``initdb`` in a temporary folder, listening only on a unix socket there, stopped and
deleted at the end of the session. ``HISTOGRAPH_TEST_POSTGRES=postgresql://...`` uses an
existing server instead (each test still gets its own schema); ``=off`` skips them.

Every test gets a fresh schema (``CREATE SCHEMA``, selected with ``search_path`` in the URL),
which is much faster than a database per test.
"""

from __future__ import annotations

import glob
import itertools
import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from urllib.parse import quote

_counter = itertools.count(1)


class Unavailable(RuntimeError):
    """PostgreSQL cannot be had here (one line saying why)."""


def _bindir() -> Path:
    for candidate in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if (Path(candidate) / "initdb").exists():
            return Path(candidate)
    found = shutil.which("initdb")
    if found:
        return Path(found).parent
    raise Unavailable(
        "PostgreSQL is not installed (Debian: apt-get install postgresql; `make postgres-deps`)"
    )


class Server:
    def __init__(self, base_url: str, stop: list[str] | None = None, folder: str | None = None):
        self.base_url = base_url
        self._stop = stop
        self._folder = folder

    @classmethod
    def start(cls) -> Server:
        existing = os.environ.get("HISTOGRAPH_TEST_POSTGRES")
        if existing == "off":
            raise Unavailable("PostgreSQL tests are off (HISTOGRAPH_TEST_POSTGRES=off)")
        if existing:
            return cls(existing)
        try:
            import psycopg  # noqa: F401
        except ImportError:
            raise Unavailable("psycopg is not installed (pip install -e '.[postgres]')") from None
        bindir = _bindir()
        as_user: list[str] = []
        folder = tempfile.mkdtemp(prefix="histograph-pg-")
        if os.geteuid() == 0:  # initdb refuses to run as root: run the server as postgres
            if shutil.which("runuser") is None:
                raise Unavailable("running as root without runuser: cannot start PostgreSQL")
            try:
                shutil.chown(folder, user="postgres")
            except (LookupError, OSError) as exc:
                raise Unavailable(f"running as root and no usable postgres user ({exc})") from None
            as_user = ["runuser", "-u", "postgres", "--"]
        data = os.path.join(folder, "data")
        run = lambda *args: subprocess.run(  # noqa: E731
            [*as_user, *args], check=True, capture_output=True, text=True, timeout=120
        )
        try:
            run(
                str(bindir / "initdb"),
                "-D",
                data,
                "-U",
                "histograph",
                "--auth=trust",
                "-E",
                "UTF8",
                "--locale=C",
                "--no-sync",
            )
            run(
                str(bindir / "pg_ctl"),
                "-D",
                data,
                "-l",
                os.path.join(folder, "log"),
                "-w",
                "-o",
                f"-k {folder} -c listen_addresses='' -c fsync=off "
                "-c synchronous_commit=off -c full_page_writes=off",
                "start",
            )
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError) as exc:
            shutil.rmtree(folder, ignore_errors=True)
            detail = getattr(exc, "stderr", "") or str(exc)
            raise Unavailable(
                f"could not start PostgreSQL: {' '.join(detail.split())[:200]}"
            ) from None
        stop = [*as_user, str(bindir / "pg_ctl"), "-D", data, "-m", "immediate", "-w", "stop"]
        return cls(f"postgresql://histograph@/postgres?host={quote(folder)}", stop, folder)

    def new_url(self) -> str:
        """The URL of a new, empty schema (its own tables, migrations and search index)."""
        import psycopg

        name = f"t{os.getpid()}_{next(_counter)}"
        with psycopg.connect(self.base_url, autocommit=True) as conn:
            conn.execute(f"CREATE SCHEMA {name}")
        sep = "&" if "?" in self.base_url else "?"
        return f"{self.base_url}{sep}options={quote(f'-csearch_path={name}')}"

    def clear(self, url: str) -> None:
        """Empty every table of the schema of ``url`` (as just migrated): faster than a new
        schema, for property tests that need a clean store per example."""
        import psycopg

        from histograph.store.postgres import KNOWLEDGE_TABLES

        # DELETE, not TRUNCATE (much faster on tiny tables), children before parents; the
        # per-document tables go with their documents (ON DELETE CASCADE)
        tables = [*KNOWLEDGE_TABLES, "authority_aliases", "authority", "document_versions"]
        with psycopg.connect(url) as conn:
            for table in [*tables, "store_state", "documents"]:
                conn.execute(f"DELETE FROM {table}")
            conn.execute(
                "INSERT INTO store_state (key, value)"
                " VALUES ('generation', 1), ('knowledge_generation', 1)"
            )

    def stop(self) -> None:
        if self._stop:
            subprocess.run(self._stop, capture_output=True, timeout=60, check=False)
        if self._folder:
            shutil.rmtree(self._folder, ignore_errors=True)
