"""The command line: parses arguments, calls the API, prints. No logic of its own."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from typer import _click as click
from typer.core import TyperGroup

from .api import DateArgumentError, Histograph
from .entities.authority import AuthorityError
from .ingest import DEFAULT_MAX_BYTES, ReadOptions
from .render import tables
from .render.briefs import STYLES as BRIEF_STYLES
from .render.export import FORMATS, export

out = Console()
err = Console(stderr=True)

#: exit codes: what happened (README, "Exit codes")
EXIT_OK, EXIT_NOTHING, EXIT_USAGE, EXIT_STORE, EXIT_FILE, EXIT_BUG = 0, 1, 2, 3, 4, 70
_opened: dict[str, str] = {}  # the knowledge base the running command opened (for errors)


def _error_line(exc: Exception) -> tuple[str, int]:
    """A condition a user can cause, as one line and an exit code (never a traceback)."""
    import sqlite3

    from .api import describe
    from .store import StoreError

    db = _opened.get("db", "the knowledge base")
    if isinstance(exc, StoreError):
        return str(exc), EXIT_STORE
    if type(exc).__module__.startswith("psycopg"):  # the PostgreSQL server, mid-command
        return f"{db}: database error: {describe(exc)}", EXIT_STORE
    if isinstance(exc, sqlite3.Error):
        text = str(exc)
        if "disk is full" in text or "disk I/O" in text:
            return f"{db}: the disk is full or failing ({text}); nothing was lost: free space and run the command again", EXIT_STORE
        if "readonly" in text or "read-only" in text:
            return f"{db}: cannot write here (read-only file or folder)", EXIT_STORE
        if "locked" in text or "busy" in text:
            return f"{db}: busy (another histograph is writing it); try again", EXIT_STORE
        if "not a database" in text:
            return f"{db}: not a histograph database (file is not a database)", EXIT_STORE
        return f"{db}: database error: {text}", EXIT_STORE
    if isinstance(exc, OSError):
        where = exc.filename if exc.filename is not None else db
        return f"{where}: {exc.strerror or describe(exc)}", EXIT_FILE
    if isinstance(exc, MemoryError):
        return "out of memory", EXIT_STORE
    return (
        f"internal error: {describe(exc)} (please report it; HISTOGRAPH_DEBUG=1 shows the details)",
        EXIT_BUG,
    )


class _Guarded(TyperGroup):
    """Every command's errors as one line and an exit code, never a traceback (unless
    HISTOGRAPH_DEBUG is set)."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (typer.Exit, typer.Abort, click.ClickException, KeyboardInterrupt):
            raise
        except BrokenPipeError:  # `histograph timeline | head`
            raise typer.Exit(EXIT_NOTHING) from None
        except Exception as exc:
            if os.environ.get("HISTOGRAPH_DEBUG"):
                raise
            message, code = _error_line(exc)
            err.print(f"[red]error:[/] {message}", highlight=False, soft_wrap=True)
            raise typer.Exit(code) from None


if TYPE_CHECKING:
    from .web.views import Views

app = typer.Typer(
    name="histograph",
    help="Turn documents about history into a cited, cross-checked knowledge base of events.",
    no_args_is_help=True,
    add_completion=False,
    cls=_Guarded,
)

DbOption = Annotated[
    str,
    typer.Option(
        "--db",
        envvar="HISTOGRAPH_DB",
        help="Knowledge base: an SQLite file, or a PostgreSQL database (postgresql://user@host/dbname).",
        show_default=True,
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of tables.")]
OffsetOption = Annotated[int, typer.Option("--offset", min=0, help="Skip this many results first.")]
LimitOption = Annotated[
    int, typer.Option("--limit", min=0, help="At most this many (default 50; 0: all).")
]


def _is_memory(db: str) -> bool:
    return db in (":memory:", "memory://")


def _is_server(db: str) -> bool:
    """A database on a server (PostgreSQL): it exists unless connecting says otherwise."""
    from .store import is_postgres_url

    return is_postgres_url(db)


def _shown(db: str) -> str:
    """``db`` as printed: a server URL without its password."""
    if _is_server(db):
        from .store import redact_url

        return redact_url(db)
    return db


def _open(db: str, *, create: bool = False) -> Histograph:
    """The knowledge base ``db``; a query command (``create`` False) refuses one that does not
    exist instead of creating an empty file, and says when the last merge did not finish."""
    _opened["db"] = _shown(db)
    if (
        not create
        and not _is_memory(db)
        and not _is_server(db)
        and not Path(db.removeprefix("sqlite:///")).is_file()
    ):
        raise _fail(
            f"no knowledge base at {db} (build one with `histograph ingest --db {db} FILES`)",
            EXIT_STORE,
        )
    hg = Histograph(db)
    if not create and hg.needs_rebuild():
        err.print(
            f"[yellow]note:[/] {db}: the last merge did not finish; run `histograph rebuild --db {db}`",
            highlight=False,
        )
    return hg


def _open_readonly(db: str) -> Histograph:
    """The knowledge base for reading only (falls back to a normal open for older files)."""
    from .store import StoreError, open_store

    _opened["db"] = _shown(db)
    if not Path(db).is_file() and not _is_server(db):
        return _open(db)
    try:
        return Histograph(open_store(db, readonly=True))
    except StoreError:
        return _open(db)


def _print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def _emit(data: Any, as_json: bool, render: Callable[[], Any]) -> None:
    """Print ``data`` as JSON, or the table(s) ``render()`` builds from it: drawn for a
    terminal, plain tab-separated rows when piped (no wrapping at 80 columns)."""
    if as_json:
        _print_json(data)
        return
    shown = render()
    for table in shown if isinstance(shown, list) else [shown]:
        if out.is_terminal:
            out.print(table)
        else:
            sys.stdout.write(tables.tsv(table))


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import PackageNotFoundError, version

        try:
            v = version("histograph")
        except PackageNotFoundError:  # pragma: no cover - running from a source tree
            v = "unknown"
        sys.stdout.write(f"histograph {v}\n")
        raise typer.Exit()


@app.callback()
def _main(
    show_version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit."),
    ] = False,
) -> None:
    """Turn documents about history into a cited, cross-checked knowledge base of events."""


def _fail(message: str, code: int = 2) -> typer.Exit:
    err.print(f"[red]error:[/] {message}", highlight=False)
    return typer.Exit(code)


def _views(hg: Histograph) -> Views:
    """The items the HTTP API returns (``--json`` prints the same shapes)."""
    from .web.views import Views

    return Views(hg)


@app.command()
def ingest(
    inputs: Annotated[list[str], typer.Argument(help="Files, directories, globs, or - for stdin.")],
    db: DbOption = "histograph.db",
    text_field: Annotated[str, typer.Option(help="JSON/JSONL field holding the text.")] = "text",
    title_field: Annotated[str, typer.Option(help="JSON/JSONL field holding the title.")] = "title",
    url_field: Annotated[str, typer.Option(help="JSON/JSONL field holding the URL.")] = "url",
    published_field: Annotated[
        str, typer.Option(help="JSON/JSONL field holding the publication date.")
    ] = "published",
    source_field: Annotated[str, typer.Option(help="JSON/JSONL field naming the source.")] = "source",
    fmt: Annotated[
        str | None, typer.Option("--format", help="Read every input as txt|md|html|pdf|json|jsonl.")
    ] = None,
    jobs: Annotated[
        int, typer.Option("--jobs", "-j", help="Analyse documents in this many processes.")
    ] = 1,
    dask: Annotated[
        str | None,
        typer.Option(
            "--dask",
            metavar="local|tcp://HOST:8786",
            help="Analyse documents as Dask tasks: 'local' starts a LocalCluster (--jobs "
            "workers, default one per core), an address uses a running scheduler.",
        ),
    ] = None,
    authority: Annotated[
        Path | None,
        typer.Option(help="An authority file (CSV/JSON: id, name, aliases, dates) pinning identities."),
    ] = None,
    max_mb: Annotated[
        float, typer.Option("--max-mb", help="Refuse inputs larger than this (0: no limit).")
    ] = DEFAULT_MAX_BYTES / 1_000_000,
    as_json: JsonOption = False,
) -> None:
    """Read documents, extract events, people and dates, and merge them into the knowledge base."""
    options = ReadOptions(
        text_field=text_field,
        title_field=title_field,
        url_field=url_field,
        published_field=published_field,
        source_field=source_field,
        format=fmt,
        max_bytes=int(max_mb * 1_000_000) or None,
    )
    with _open(db, create=True) as hg, Progress(
        TextColumn("[bold]ingest[/]"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.description}"),
        TimeElapsedColumn(),
        console=err,
        transient=True,
        disable=as_json or not err.is_terminal,
    ) as bar:
        task = bar.add_task("", total=None)

        def progress(name: str) -> None:
            bar.update(task, advance=1, description=Path(name).name[:40])

        if authority is not None:
            try:
                hg.load_authority(authority, rebuild=False)
            except (AuthorityError, OSError) as exc:
                raise _fail(str(exc)) from None
        from .dask_engine import DaskUnavailable

        try:
            report = hg.ingest(inputs, options, progress=progress, jobs=jobs, dask=dask)
        except DaskUnavailable as exc:
            raise _fail(str(exc)) from None
    for e in report.errors:
        err.print(f"[red]skipped[/] {e}", highlight=False, soft_wrap=True)
    if report.failure:
        err.print(f"[red]error:[/] {db}: {report.failure}; run `histograph rebuild --db {db}` "
                  "once the cause is fixed", highlight=False, soft_wrap=True)
    if report.unstored:
        err.print(f"[red]error:[/] {_shown(db)}: {len(report.unstored)} document(s) could not be "
                  "stored (see above); once the cause is fixed, run the same ingest again",
                  highlight=False, soft_wrap=True)
    if as_json:
        _print_json(
            {
                "added": [d.uri for d in report.added],
                "replaced": [d.uri for d in report.replaced],
                "duplicates": [d.uri for d in report.duplicates],
                "errors": [{"source": e.source, "message": e.message} for e in report.errors],
                "rebuilt": report.rebuilt,
                "failure": report.failure,
                "unstored": [d.uri for d in report.unstored],
            }
        )
    else:
        replaced = f" ({len(report.replaced)} replacing an earlier version)" if report.replaced else ""
        repaired = (
            "; re-merged the knowledge base (the last merge had not finished)"
            if report.rebuilt and not report.added
            else ""
        )
        out.print(
            f"ingested {len(report.added)} new document(s){replaced}, {len(report.duplicates)} "
            f"already known, {len(report.errors)} error(s) → {_shown(db)}{repaired}"
        )
    if report.failure or report.unstored:
        raise typer.Exit(EXIT_STORE)
    if not report.ok:
        raise typer.Exit(EXIT_NOTHING)


@app.command()
def remove(
    refs: Annotated[
        list[str],
        typer.Argument(help="Document ids (or unique prefixes), paths as ingested, or folders."),
    ],
    db: DbOption = "histograph.db",
    as_json: JsonOption = False,
) -> None:
    """Take documents out of the knowledge base (their evidence is retired) and re-merge."""
    with _open(db) as hg:
        report = hg.remove(refs)
    for ref in report.unknown:
        err.print(f"[red]not found[/] {ref}: no stored document has this id or path "
                  "(see `histograph sources`)", highlight=False, soft_wrap=True)
    if as_json:
        _print_json({"removed": [{"id": d.id, "uri": d.uri} for d in report.removed],
                     "unknown": report.unknown})
    else:
        out.print(f"removed {len(report.removed)} document(s) → {db}")
    if report.unknown:
        raise typer.Exit(EXIT_NOTHING)


@app.command()
def rebuild(db: DbOption = "histograph.db", as_json: JsonOption = False) -> None:
    """Re-merge every stored document into events, people and conflicts (repairs a merge that
    did not finish; ingest and remove do this by themselves)."""
    with _open(db) as hg:
        kb = hg.rebuild()
    if as_json:
        _print_json({"events": len(kb.events), "people": len(kb.people),
                     "conflicts": len(kb.conflicts)})
    else:
        out.print(f"rebuilt {db}: {len(kb.events)} events, {len(kb.people)} people and "
                  f"entities, {len(kb.conflicts)} conflicts")


@app.command()
def timeline(
    db: DbOption = "histograph.db",
    start: Annotated[str | None, typer.Option("--from", help="Earliest date (YYYY[-MM[-DD]]).")] = None,
    end: Annotated[str | None, typer.Option("--to", help="Latest date (YYYY[-MM[-DD]]).")] = None,
    entity: Annotated[str | None, typer.Option(help="Only events with this participant (any alias).")] = None,
    type: Annotated[str | None, typer.Option("--type", help="Only events of this type.")] = None,
    limit: LimitOption = 50,
    offset: OffsetOption = 0,
    as_json: JsonOption = False,
) -> None:
    """Events in date order."""
    with _open(db) as hg:
        try:
            events = hg.timeline(
                start=start, end=end, entity=entity, type=type, limit=limit or None,
                offset=offset,
            )
        except DateArgumentError as exc:
            raise _fail(str(exc)) from None
        v = _views(hg)
        rows = [v.summary(e) for e in events]
    _emit(rows, as_json, lambda: tables.timeline_table(rows))


@app.command("on-this-day")
def on_this_day(
    month_day: Annotated[str | None, typer.Argument(help="MM-DD (default: today).")] = None,
    db: DbOption = "histograph.db",
    limit: LimitOption = 50,
    offset: OffsetOption = 0,
    as_json: JsonOption = False,
) -> None:
    """Events of a month and day across the years; imprecise or disputed days are marked."""
    from .web.views import BadRequest

    with _open(db) as hg:
        try:
            rows = _views(hg).on_this_day(month_day, limit or None, offset)["items"]
        except BadRequest as exc:
            raise _fail(str(exc)) from None
    _emit(rows, as_json, lambda: tables.timeline_table(rows, title=f"On this day ({month_day or 'today'})"))


@app.command()
def people(
    db: DbOption = "histograph.db",
    kind: Annotated[
        str, typer.Option(help="person, state or organisation.")
    ] = "person",
    limit: LimitOption = 50,
    offset: OffsetOption = 0,
    as_json: JsonOption = False,
) -> None:
    """The cast of characters: everyone in the sources with their titles."""
    if kind not in ("person", "state", "organisation"):
        raise _fail(f"unknown kind {kind!r}; choose person, state or organisation")
    with _open(db) as hg:
        v = _views(hg)
        rows = [v.person_row(p) for p in hg.people(kind=kind, limit=limit or None, offset=offset)]
    _emit(rows, as_json, lambda: tables.people_table(rows))


@app.command("authority")
def authority_cmd(
    file: Annotated[Path, typer.Argument(help="CSV, JSON or JSONL records: id, name, aliases, dates.")],
    db: DbOption = "histograph.db",
    as_json: JsonOption = False,
) -> None:
    """Pin identities with an authority file (e.g. exported from Wikidata); its ids appear in exports."""
    with _open(db, create=True) as hg:
        try:
            records = hg.load_authority(file)
        except (AuthorityError, OSError) as exc:
            raise _fail(str(exc)) from None
        pinned = [p for p in hg.people(None, limit=None) if p.authority_id]
    if as_json:
        _print_json({"records": len(records), "pinned": [
            {"id": p.id, "name": p.name, "authority_id": p.authority_id} for p in pinned]})
    else:
        out.print(f"read {len(records)} authority record(s); {len(pinned)} entit(ies) now carry an authority id")


@app.command()
def person(
    name: Annotated[str, typer.Argument(help="A name, alias or person id.")],
    db: DbOption = "histograph.db",
    as_json: JsonOption = False,
) -> None:
    """One person (any alias or surname, any case): aliases, roles over time with sources,
    and events. When several people match, the first is shown and the others are named."""
    with _open(db) as hg:
        matches = hg.find_people(name)
        if not matches:
            raise _fail(f"no person matches {name!r} (see `histograph people`)", 1)
        p = matches[0]
        if len(matches) > 1:
            others = ", ".join(f"{m.name} ({m.id})" for m in matches[1:6])
            more = f" and {len(matches) - 6} more" if len(matches) > 6 else ""
            err.print(f"note: {len(matches)} match {name!r}; showing {p.name} ({p.id}); also "
                      f"{others}{more}", highlight=False)
        row = _views(hg).person(p.id)
    _emit(row, as_json, lambda: tables.person_tables(row))


@app.command()
def event(
    event_id: Annotated[str, typer.Argument(help="An event id (see `histograph timeline`).")],
    db: DbOption = "histograph.db",
    as_json: JsonOption = False,
) -> None:
    """One event with each source's claim and quote, and its conflicts."""
    from .web.views import NotFound

    with _open(db) as hg:
        try:
            row = _views(hg).event(event_id)
        except NotFound:
            raise _fail(f"no event with id {event_id!r} (see `histograph timeline`)", 1) from None
    _emit(row, as_json, lambda: tables.event_tables(row))


@app.command()
def conflicts(
    db: DbOption = "histograph.db",
    limit: LimitOption = 50,
    offset: OffsetOption = 0,
    as_json: JsonOption = False,
) -> None:
    """Where sources disagree, with each value's sources and an explanation."""
    with _open(db) as hg:
        found = hg.conflicts(limit=limit or None, offset=offset)
        v = _views(hg)
        rows = [v.conflict(c) for c in found]
    _emit(rows, as_json, lambda: tables.conflicts_table(rows))


@app.command()
def sources(db: DbOption = "histograph.db", as_json: JsonOption = False) -> None:
    """The documents in the knowledge base."""
    with _open(db) as hg:
        v = _views(hg)
        rows = [v.source_row(d) for d in hg.sources()]
    _emit(rows, as_json, lambda: tables.sources_table(rows))


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="Words to find in the sources' sentences.")],
    db: DbOption = "histograph.db",
    limit: Annotated[int, typer.Option(help="At most this many hits.")] = 20,
    offset: OffsetOption = 0,
    as_json: JsonOption = False,
) -> None:
    """Full-text search over the sources' sentences."""
    from .web.views import BadRequest

    with _open(db) as hg:
        try:
            rows = _views(hg).search(query, limit, offset)["sentences"]
        except BadRequest as exc:
            raise _fail(str(exc)) from None
    _emit(rows, as_json, lambda: tables.search_table(rows))


@app.command("export")
def export_cmd(
    fmt: Annotated[str, typer.Option("--format", "-f", help=f"One of: {', '.join(FORMATS)}.")] = "json",
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="File to write (default: stdout); for site, a folder (default: ./site)."),
    ] = None,
    db: DbOption = "histograph.db",
) -> None:
    """Export the knowledge base (every fact with its source span and quote).

    json, csv, md: the facts with their quotes; timelinejs: a TimelineJS 3 document; vis:
    vis-timeline items; jsonld: schema.org Event and Person nodes with citations; site: a
    static, offline copy of the web UI in a folder (browser assets copied from node_modules).
    """
    if fmt not in FORMATS:
        raise _fail(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt == "site":
        from .web.site import SiteError, export_site

        folder = output or Path("site")
        with _open_readonly(db) as hg:
            try:
                counts = export_site(hg, folder)
            except SiteError as exc:
                raise _fail(str(exc)) from None
        if not counts["vendor"]:
            err.print("[yellow]note:[/] node_modules not found (run `npm ci`): the site's "
                      "timeline is a plain list", highlight=False)
        err.print(f"wrote {counts['events']} events, {counts['people']} people, "
                  f"{counts['sources']} sources to {counts['folder']}/index.html", highlight=False)
        return
    with _open(db) as hg:
        text = export(hg, fmt)
    if output:
        if output.is_dir():
            raise _fail(f"{output} is a folder; give a file name")
        output.write_text(text, encoding="utf-8")
        err.print(f"wrote {output}")
    else:
        sys.stdout.write(text)


@app.command()
def brief(
    event_id: Annotated[
        str | None, typer.Argument(help="An event id (see `histograph timeline`); optional for onthisday.")
    ] = None,
    style: Annotated[str, typer.Option(help=f"One of: {', '.join(BRIEF_STYLES)}.")] = "explainer",
    date: Annotated[
        str | None,
        typer.Option(help="YYYY-MM-DD: the day of an onthisday digest, the 'today' of an anniversary."),
    ] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="md or html.")] = "md",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="File to write (default: stdout).")] = None,
    db: DbOption = "histograph.db",
) -> None:
    """An extractive brief of an event: every sentence quoted from a source, with its citation."""
    from .render.briefs import BriefError, build_brief, render_brief

    if style not in BRIEF_STYLES:
        raise _fail(f"unknown style {style!r}; choose one of {', '.join(BRIEF_STYLES)}")
    if fmt not in ("md", "html"):
        raise _fail(f"unknown format {fmt!r}; choose md or html")
    with _open_readonly(db) as hg:
        try:
            text = render_brief(build_brief(hg, event_id, style, date=date), fmt)
        except BriefError as exc:
            raise _fail(str(exc), 1) from None
    if output:
        output.write_text(text, encoding="utf-8")
        err.print(f"wrote {output}")
    else:
        sys.stdout.write(text)


@app.command()
def serve(
    db: DbOption = "histograph.db",
    host: Annotated[str, typer.Option(help="Interface to listen on (127.0.0.1: this machine only).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
) -> None:
    """The web UI (read-only): timeline, events, people, on this day, sources, search, conflicts.

    The JSON API behind every page is documented at /docs.
    """
    from .store import StoreError
    from .web.app import serve as run

    if not Path(db).is_file() and not _is_server(db):
        raise _fail(f"no knowledge base at {db} (build one with `histograph ingest` or `histograph demo`)")
    if host not in ("127.0.0.1", "localhost", "::1"):
        err.print(f"[yellow]note:[/] listening on {host}: other machines can read this knowledge base",
                  highlight=False)
    err.print(f"histograph: http://{'[' + host + ']' if ':' in host else host}:{port}/  (Ctrl-C to stop)",
              highlight=False)
    try:
        run(db, host=host, port=port)
    except StoreError as exc:
        raise _fail(str(exc)) from None


@app.command("eval")
def eval_cmd(
    docs: Annotated[Path, typer.Option(help="Corpus docs folder (with index.jsonl).")],
    gold: Annotated[Path, typer.Option(help="Gold folder (<cluster>.json).")],
    output: Annotated[Path | None, typer.Option(help="Write each cluster's system output JSON here.")] = None,
    as_json: JsonOption = False,
    errors: Annotated[bool, typer.Option("--errors", help="Also list each missed gold event by cause and each false positive by kind, with its sentence.")] = False,
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            help="Also write each cluster's knowledge base to this store (SQLite file or "
            "postgresql://...) and score what it reads back (checks a backend).",
        ),
    ] = None,
) -> None:
    """Score histograph on an annotated corpus (see the eval FORMAT.md)."""
    from .eval.diagnose import format_diagnosis
    from .eval.runner import run_eval

    for p in (docs, gold):
        if not p.is_dir():
            raise _fail(f"not a folder: {p}")
    if db is None:
        result = run_eval(docs, gold, output, progress=lambda c: err.print(f"cluster {c}…"), diagnose=errors)
    else:
        with _open(db, create=True) as hg:
            result = run_eval(docs, gold, output, progress=lambda c: err.print(f"cluster {c}…"),
                              diagnose=errors, store=hg.store)
    _emit(result, as_json, lambda: tables.eval_table(result))
    if errors and not as_json:
        out.print(format_diagnosis(result["diagnosis"]), highlight=False, markup=False, soft_wrap=True)


@app.command()
def demo(
    db: DbOption = "demo.db",
) -> None:
    """Build a knowledge base from the bundled sample corpus and show what it knows."""
    from .samples import sample_dir

    folder = sample_dir()
    Path(db).unlink(missing_ok=True)
    err.print(f"building {db} from {folder} …")
    with _open(db, create=True) as hg:
        report = hg.ingest([str(folder)])
        for e in report.errors:
            err.print(f"[red]skipped[/] {e}", highlight=False)
        v = _views(hg)
        _emit(None, False, lambda: [
            tables.sources_table([v.source_row(d) for d in hg.sources()]),
            tables.timeline_table([v.summary(e) for e in hg.timeline(limit=None)]),
            tables.people_table([v.person_row(p) for p in hg.people(limit=None)]),
            tables.conflicts_table([v.conflict(c) for c in hg.conflicts(limit=None)]),
        ])
    out.print(f"\nExplore it: histograph timeline --db {db} · histograph conflicts --db {db} · "
              f"histograph event ID --db {db}")


def main() -> None:
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
