"""Readers: formats, encodings, identity, inputs (dirs, globs, stdin) and bad input."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from conftest import SAMPLES
from histograph.ingest import (
    DEFAULT_MAX_BYTES,
    IngestError,
    ReadOptions,
    content_id,
    detect_format,
    read_paths,
    read_text,
)
from histograph.model import Document

FIX = Path(__file__).parent / "fixtures" / "ingest"


def _docs(items: list[Document | IngestError]) -> list[Document]:
    return [d for d in items if isinstance(d, Document)]


def _errors(items: list[Document | IngestError]) -> list[IngestError]:
    return [e for e in items if isinstance(e, IngestError)]


def _read(*inputs: str | Path, **kw: object) -> list[Document | IngestError]:
    opts = ReadOptions(**kw) if kw else None  # type: ignore[arg-type]
    return list(read_paths([str(i) for i in inputs], opts))


def make_pdf(pages: list[list[str]]) -> bytes:
    """A minimal, valid PDF with Helvetica text lines (written by hand, no PDF library)."""

    def esc(s: str) -> str:
        return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    n = len(pages)
    kids = " ".join(f"{4 + 2 * i} 0 R" for i in range(n))
    objs: list[bytes] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {n} >>".encode(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    for i, lines in enumerate(pages):
        body = " ".join(f"({esc(line)}) Tj T*" for line in lines)
        content = f"BT /F1 12 Tf 14 TL 72 720 Td {body} ET".encode("latin-1")
        objs.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            f"/Resources << /Font << /F1 3 0 R >> >> /Contents {5 + 2 * i} 0 R >>".encode()
        )
        objs.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
    out = b"%PDF-1.4\n"
    offsets = []
    for i, o in enumerate(objs, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + o + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


# ----------------------------------------------------------------------------- formats


def test_txt_is_the_exact_file_text() -> None:
    path = FIX / "moon_news.txt"
    (doc,) = _docs(_read(path))
    assert doc.text == path.read_text(encoding="utf-8")
    assert doc.format == "txt"
    assert doc.title == "Fifty Years On: How Apollo 11 Reached the Moon"
    assert doc.meta["published_raw"] == "July 20, 2019 10:00 AM"  # from the dateline stamp
    assert doc.id == content_id(doc.text)


def test_markdown_front_matter_kept_in_text_and_parsed_into_meta() -> None:
    path = FIX / "crlf_front_matter.md"
    (doc,) = _docs(_read(path))
    raw = path.read_bytes().decode("utf-8")
    assert doc.text == raw  # whole file, front matter included, \r\n kept
    assert "\r\n" in doc.text
    assert doc.format == "md"
    assert doc.meta["title"] == "Crossing the Rubicon"
    assert doc.meta["date"] == "2020-01-10"  # YAML date -> ISO string
    assert doc.title == "Crossing the Rubicon"
    assert doc.meta["published_raw"] == "2020-01-10"


def test_json_front_matter_in_a_txt_file(tmp_path: Path) -> None:
    p = tmp_path / "page.txt"
    p.write_text('---\n{"permalink": "/a/b", "title": "A page"}\n---\n\nSome prose here.\n')
    (doc,) = _docs(_read(p))
    assert doc.meta["permalink"] == "/a/b"
    assert doc.title == "A page"


def test_html_main_text_title_and_date() -> None:
    (doc,) = _docs(_read(FIX / "article.html"))
    assert doc.format == "html"
    assert doc.title == "The Storming of the Bastille"
    assert doc.meta["published_raw"] == "2019-07-14"
    assert "On 14 July 1789 a crowd of Parisians stormed the Bastille" in doc.text
    assert doc.text.startswith("The Storming of the Bastille")
    for debris in ("Privacy Policy", "All rights reserved", "Home | News"):
        assert debris not in doc.text


def test_truncated_html_is_read_when_text_survives() -> None:
    (doc,) = _docs(_read(FIX / "truncated.html"))
    assert "Congress of Vienna" in doc.text


def test_pdf_text_of_all_pages(tmp_path: Path) -> None:
    p = tmp_path / "treaty.pdf"
    p.write_bytes(
        make_pdf([["The Treaty of Versailles was signed", "on 28 June 1919."], ["Page two text."]])
    )
    (doc,) = _docs(_read(p))
    assert doc.format == "pdf"
    assert "Treaty of Versailles" in doc.text and "28 June 1919" in doc.text
    assert "Page two text." in doc.text
    assert doc.meta["pages"] == 2


def test_pdf_recognised_by_content_whatever_its_name(tmp_path: Path) -> None:
    p = tmp_path / "scan.bin"
    p.write_bytes(make_pdf([["Hello from a PDF."]]))
    (doc,) = _docs(_read(p))
    assert doc.format == "pdf"


def test_json_object_with_records_and_social_format() -> None:
    items = _read(FIX / "social_posts.json")
    docs = _docs(items)
    assert [d.uri for d in docs] == [
        f"{FIX / 'social_posts.json'}#1",
        f"{FIX / 'social_posts.json'}#2",
    ]
    assert all(d.format == "social" for d in docs)
    assert docs[0].meta["url"] == "https://social.example/1"
    assert docs[0].meta["published_raw"] == "2020-06-18T08:00:00Z"
    (err,) = _errors(items)
    assert err.source.endswith("social_posts.json#3") and "'text'" in err.message


def test_jsonl_one_bad_line_does_not_stop_the_file() -> None:
    items = _read(FIX / "records.jsonl")
    docs = _docs(items)
    assert [d.title for d in docs] == ["The Battle of Hastings", "Magna Carta"]
    assert docs[0].format == "jsonl"
    assert docs[1].meta["source"] == "Example Encyclopedia"
    errs = _errors(items)
    assert [e.source.rsplit("#", 1)[1] for e in errs] == ["2", "5"]
    assert all("\n" not in str(e) for e in errs)


def test_json_array_and_configurable_fields(tmp_path: Path) -> None:
    p = tmp_path / "arr.json"
    p.write_text(
        json.dumps([{"body": "The Berlin Wall fell.", "headline": "Wall", "when": "1989-11-10"}])
    )
    (doc,) = _docs(_read(p, text_field="body", title_field="headline", published_field="when"))
    assert doc.text == "The Berlin Wall fell."
    assert doc.title == "Wall"
    assert doc.meta["published_raw"] == "1989-11-10"


def test_single_json_object(tmp_path: Path) -> None:
    p = tmp_path / "post.json"
    p.write_text(json.dumps({"text": "35 years ago today… #History", "author": "@x"}))
    (doc,) = _docs(_read(p))
    assert doc.uri == str(p) and doc.format == "social"


# ----------------------------------------------------------------------------- encodings


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("utf-16", b""), ("utf-16-be", b"\xfe\xff")],
)
def test_unicode_encodings(tmp_path: Path, encoding: str, bom: bytes) -> None:
    text = "Günter Schabowski — „Das tritt nach meiner Kenntnis … sofort“.\r\nZweite Zeile.\r\n"
    p = tmp_path / "u.txt"
    p.write_bytes(bom + text.encode(encoding))
    (doc,) = _docs(_read(p))
    assert doc.text == text


def test_legacy_encoding_cp1252(tmp_path: Path) -> None:
    text = (
        "Les Parisiens ont pris la Bastille le 14 juillet 1789. Le gouverneur s’est rendu "
        "l’après-midi; la forteresse a été démolie. « Liberté » était le mot d’ordre.\n"
    ) * 3
    p = tmp_path / "fr.txt"
    p.write_bytes(text.encode("cp1252"))
    (doc,) = _docs(_read(p))
    assert "démolie" in doc.text and "Liberté" in doc.text
    assert doc.meta["encoding"] != "utf-8"


def test_no_newline_translation(tmp_path: Path) -> None:
    p = tmp_path / "mixed.txt"
    p.write_bytes(b"line one\r\nline two\rline three\n")
    (doc,) = _docs(_read(p))
    assert doc.text == "line one\r\nline two\rline three\n"


# ----------------------------------------------------------------------------- identity


def test_identity_is_the_content_hash(tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("The same text.\n")
    b.write_text("The same text.\n")
    da, db = _docs(_read(a, b))
    assert da.id == db.id == content_id("The same text.\n")
    assert da.uri != db.uri
    again = _docs(_read(a))[0]
    assert again == da  # idempotent
    assert read_text("The same text.\n", "x").id == da.id


def test_same_file_twice_is_read_once(tmp_path: Path) -> None:
    a = tmp_path / "a.txt"
    a.write_text("Once.\n")
    assert len(_read(a, tmp_path, tmp_path / "*.txt")) == 1


# ----------------------------------------------------------------------------- inputs


def test_directory_recursive_sorted_skipping_hidden(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "b.txt").write_text("B.\n")
    (tmp_path / "a.txt").write_text("A.\n")
    (tmp_path / "sub" / "c.md").write_text("# C\n\nC text.\n")
    (tmp_path / ".hidden.txt").write_text("hidden\n")
    (tmp_path / ".git" / "x.txt").write_text("git\n")
    docs = _docs(_read(tmp_path))
    assert [Path(d.uri).name for d in docs] == ["a.txt", "b.txt", "c.md"]


def test_globs(tmp_path: Path) -> None:
    for name in ("one.txt", "two.txt", "three.md"):
        (tmp_path / name).write_text(f"{name}\n")
    docs = _docs(_read(tmp_path / "*.txt"))
    assert sorted(Path(d.uri).name for d in docs) == ["one.txt", "two.txt"]
    (err,) = _errors(_read(tmp_path / "*.nothing"))
    assert "no file matches" in err.message


def test_stdin_is_sniffed() -> None:
    html = (
        b"<html><head><title>Stdin page</title></head><body><p>"
        + b"Some text. " * 40
        + b"</p></body></html>"
    )
    (doc,) = _docs(list(read_paths(["-"], stdin=io.BytesIO(html))))
    assert doc.format == "html" and doc.uri == "-"
    (doc,) = _docs(list(read_paths(["-"], stdin=io.BytesIO(b"Plain words.\n"))))
    assert doc.format == "txt" and doc.text == "Plain words.\n"
    (doc,) = _docs(list(read_paths(["-"], stdin=io.BytesIO(b'{"text": "A post."}'))))
    assert doc.text == "A post."


def test_detect_format() -> None:
    assert detect_format("x.markdown", "") == "md"
    assert detect_format("x", "---\ntitle: a\n---\nbody") == "md"
    assert detect_format("x", "# Heading\n\ntext") == "md"
    assert detect_format("x", "<!DOCTYPE html><html></html>") == "html"
    assert detect_format("x", '{"a": 1}\n{"a": 2}\n') == "jsonl"
    assert detect_format("x", "[1, 2]") == "json"
    assert detect_format("notes.log", "just text") == "txt"


# ----------------------------------------------------------------------------- bad input


def test_bad_inputs_one_line_errors_and_the_batch_goes_on(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("The Berlin Wall opened on 9 November 1989.\n")
    bad: dict[str, bytes] = {
        "empty.txt": b"",
        "blank.txt": b"  \n\n\t\n",
        "binary.txt": bytes(range(256)) * 8,
        "image.png": b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4,
        "mixed.txt": "Günter Schabowski said".encode() + b" \xff\xfe broken \x80 bytes.\n",
        "broken.html": b"<html><<<>>></",
        "notes.xyz": b"\x00\x01\x02\x03" * 100,
        "fake.pdf": b"this is not a pdf",
        "bad.json": b'{"text": "unterminated',
    }
    for name, data in bad.items():
        (tmp_path / name).write_bytes(data)
    items = _read(*(tmp_path / n for n in sorted(bad)), good, tmp_path / "missing.txt")
    docs, errs = _docs(items), _errors(items)
    assert [Path(d.uri).name for d in docs] == ["good.txt"]
    by_name = {Path(e.source).name: e.message for e in errs}
    assert set(by_name) == {*bad, "missing.txt"}
    for e in errs:
        line = str(e)
        assert "\n" not in line and line.startswith(e.source)
    assert "empty" in by_name["empty.txt"] and "empty" in by_name["blank.txt"]
    assert "binary" in by_name["binary.txt"]
    assert "binary" in by_name["image.png"] and "unknown file type .png" in by_name["image.png"]
    assert "invalid UTF-8" in by_name["mixed.txt"]
    assert "no readable text" in by_name["broken.html"]
    assert "unknown file type .xyz" in by_name["notes.xyz"]
    assert "not a PDF" in by_name["fake.pdf"]
    assert "invalid JSON" in by_name["bad.json"]
    assert "no such file" in by_name["missing.txt"]


def test_unknown_extension_with_text_is_read_as_text(tmp_path: Path) -> None:
    p = tmp_path / "notes.log"
    p.write_text("A plain note about 1989.\n")
    (doc,) = _docs(_read(p))
    assert doc.format == "txt"


def test_size_limit_refuses_big_files_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as f:  # 50 MB, sparse: cheap to create
        f.truncate(50 * 1024 * 1024)
    small = tmp_path / "small.txt"
    small.write_text("Still read.\n")
    items = _read(big, small)
    (err,) = _errors(items)
    assert err.source == str(big)
    assert "size limit" in err.message and "52.4 MB" in err.message
    assert [d.text for d in _docs(items)] == ["Still read.\n"]
    assert DEFAULT_MAX_BYTES == 20_000_000


def test_size_limit_is_configurable(tmp_path: Path) -> None:
    p = tmp_path / "mid.txt"
    p.write_text("word " * 400 + "\n")
    assert _errors(_read(p, max_bytes=1000))
    assert _docs(_read(p, max_bytes=None))
    (err,) = _errors(
        list(read_paths(["-"], ReadOptions(max_bytes=10), stdin=io.BytesIO(b"x" * 50)))
    )
    assert "size limit" in err.message


# ----------------------------------------------------------------------------- samples


def test_sample_corpus_reads_cleanly() -> None:
    items = _read(SAMPLES / "berlin_wall")
    assert not _errors(items)
    docs = _docs(items)
    assert len(docs) >= 6
    assert {d.format for d in docs} >= {"html", "md", "txt", "social", "jsonl"}
    assert len({d.id for d in docs}) == len(docs)
    titles = {d.title for d in docs}
    assert "The Night the Berlin Wall Opened" in titles
    assert "On This Day: The Berlin Wall Falls" in titles
    for d in docs:
        assert 40 <= len(d.text.split()) <= 600, d.uri


# ----------------------------------------------------------------------------- publication dates


def _engine_ready() -> None:
    from histograph.time import normalise_date_string

    if normalise_date_string("2019-11-09") is None:
        pytest.skip("histograph.time.normalise_date_string is still a stub")


def test_publication_dates_of_the_samples() -> None:
    _engine_ready()
    docs = {
        Path(d.uri).name: d
        for d in read_paths([str(SAMPLES / "berlin_wall")])
        if isinstance(d, Document)
    }
    expected = {
        "01_news.html": "2019-11-09",  # HTML metadata
        "02_timeline.md": "2021-08-13",  # front matter
        "04_onthisday.txt": "2014-11-10",  # dateline stamp next to the byline
        "05_social.json": "2024-11-09",  # JSON field
        "06_blog.jsonl#1": "2019-04-27",
    }
    for name, day in expected.items():
        pub = docs[name].published
        assert pub is not None and pub.value.startswith(day), (name, pub)
    assert docs["03_encyclopedia.txt"].published is None


def test_a_date_line_that_is_not_a_stamp_is_not_the_publication_date() -> None:
    _engine_ready()
    doc = read_text(
        "The Treaty Is Signed - June 28, 1919\nJune 28, 1919\nThe treaty was signed.\n", "card.txt"
    )
    assert doc.published is None
