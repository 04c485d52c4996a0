"""Bounded readers: regular files only, byte limits while reading, bounded front matter and
JSON, one error per bad record, encodings, folder manifests and ignore files; plus
hypothesis fuzzing of the readers and the date engine."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest
from hostile import FULL
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from histograph.ingest import IngestError, ReadOptions, read_bytes, read_paths
from histograph.ingest.errors import IngestFailure
from histograph.ingest.sources import Source
from histograph.ingest.text import parse_front_matter, read_front_matter
from histograph.model import Document

EXAMPLES = 400 if FULL else 40
SENTENCE = "The envoy reached the capital on 4 May 1902.\n"


def _read(*inputs: Path | str, **kw: object) -> tuple[list[Document], list[IngestError]]:
    items = list(read_paths([str(i) for i in inputs], ReadOptions(**kw) if kw else None))  # type: ignore[arg-type]
    return (
        [d for d in items if isinstance(d, Document)],
        [e for e in items if isinstance(e, IngestError)],
    )


# ---------------------------------------------------------------- not regular files
def test_a_fifo_and_a_device_link_are_refused_without_blocking(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    (tmp_path / "good.txt").write_text(SENTENCE)
    t = time.monotonic()
    docs, errors = _read(tmp_path)
    assert time.monotonic() - t < 10
    assert [d.uri for d in docs] == [str(tmp_path / "good.txt")]
    assert {e.source: e.message for e in errors} == {
        str(tmp_path / "pipe.txt"): "is a named pipe (FIFO), not a regular file: not read",
        str(tmp_path / "zero.txt"): "is a character device, not a regular file: not read",
    }


def test_the_byte_limit_holds_while_reading() -> None:
    import io

    stream = io.BytesIO(SENTENCE.encode() * 1000)
    with pytest.raises(IngestFailure, match="size limit"):
        Source("-", None).read_bytes(1000, stream)
    assert stream.tell() == 1001  # read no further than the limit


def test_a_file_larger_than_the_limit_is_refused(tmp_path: Path) -> None:
    (tmp_path / "big.txt").write_text(SENTENCE * 100)
    docs, errors = _read(tmp_path / "big.txt", max_bytes=1000)
    assert not docs and "size limit" in errors[0].message


# ---------------------------------------------------------------- front matter
def _bomb(levels: int) -> str:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, levels)]
    return "---\n" + "\n".join(lines) + "\ntitle: T\n---\n" + SENTENCE


def test_a_yaml_alias_bomb_is_refused_quickly_and_the_body_kept() -> None:
    t = time.monotonic()
    meta, problem = read_front_matter(_bomb(10))
    assert time.monotonic() - t < 2
    assert meta == {} and problem and "aliases" in problem
    docs = list(read_bytes(_bomb(10).encode(), "bomb.md"))
    assert isinstance(docs[0], Document) and "front_matter_ignored" in docs[0].meta


def test_a_few_aliases_are_still_fine() -> None:
    fm = "---\nbase: &b {place: Paris}\nfirst: *b\nsecond: *b\ntitle: T\n---\nBody"
    assert parse_front_matter(fm)["second"] == {"place": "Paris"}


@pytest.mark.parametrize(
    "front",
    [
        "---\nt: " + "[" * 5000 + "]" * 5000 + "\n---\n",
        "---\n" + "".join("  " * i + f"k{i}:\n" for i in range(300)) + "---\n",
        "---\n" + "".join(f"k{i}: {i}\n" for i in range(8000)) + "---\n",
        '---\n{"t": ' + "[" * 3000 + "]" * 3000 + "}\n---\n",
        "+++\nt = " + "[" * 3000 + "]" * 3000 + "\n+++\n",
    ],
    ids=["deep-flow", "deep-block", "too-long", "deep-json", "deep-toml"],
)
def test_front_matter_beyond_the_bounds_keeps_the_body(front: str) -> None:
    (doc,) = list(read_bytes((front + SENTENCE).encode(), "x.md"))
    assert isinstance(doc, Document) and doc.text.endswith(SENTENCE)
    assert "title" not in doc.meta or doc.meta.get("front_matter_ignored")


# ---------------------------------------------------------------- JSON
def test_one_bad_json_line_never_costs_another() -> None:
    good = [json.dumps({"text": f"Record {i} about 1900."}) for i in range(6)]
    bad = ["[" * 100_000 + "]" * 100_000, '{"text": "x", "n": ' + "9" * 5000 + "}", "{oops"]
    items = list(read_bytes("\n".join(good[:3] + bad + good[3:]).encode(), "f.jsonl"))
    docs = [d for d in items if isinstance(d, Document)]
    errors = {e.source: e.message for e in items if isinstance(e, IngestError)}
    assert len(docs) == 6
    assert errors == {
        "f.jsonl#4": "invalid JSON: nested too deeply to read",
        "f.jsonl#5": "invalid JSON: a number too long to read",
        "f.jsonl#6": "invalid JSON: Expecting property name enclosed in double quotes (column 2)",
    }


def test_a_deep_json_file_is_one_clear_error() -> None:
    with pytest.raises(IngestFailure, match="nested too deeply"):
        list(read_bytes(b"[" * 100_000 + b"]" * 100_000, "deep.json"))


def test_a_lone_surrogate_becomes_a_replacement_character_of_the_same_length() -> None:
    (doc,) = list(read_bytes(b'{"text": "A \\ud800 envoy in 1900.", "title": "\\udfff"}', "s.json"))
    assert isinstance(doc, Document)
    assert doc.text == "A \ufffd envoy in 1900." and doc.title == "\ufffd"
    doc.text.encode("utf-8")  # storable


# ---------------------------------------------------------------- encodings
@pytest.mark.parametrize(
    "text",
    [
        "Договор был подписан в Москве 5 мая 1902 года. " * 5,
        "Η συνθήκη υπογράφηκε στην Αθήνα το 1902. " * 5,
        "Le traité fut signé à Genève le 5 mai 1902. " * 5,
    ],
    ids=["cyrillic", "greek", "latin"],
)
@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_read(text: str, encoding: str) -> None:
    (doc,) = list(read_bytes(text.encode(encoding), "u.txt"))
    assert isinstance(doc, Document) and doc.text == text and doc.meta["encoding"] == encoding


# ---------------------------------------------------------------- manifests and ignore files
def test_a_folder_manifest_gives_metadata_and_is_not_a_document(tmp_path: Path) -> None:
    (tmp_path / "cluster").mkdir()
    (tmp_path / "cluster" / "a.txt").write_text(SENTENCE)
    (tmp_path / "cluster" / "b.txt").write_text("A fleet sailed in 1801.\n")
    (tmp_path / "index.jsonl").write_text(
        "\n".join(
            [
                json.dumps({"file": "cluster/a.txt", "title": "The envoy", "url": "https://example.org/a",
                            "format": "onthisday", "extra": 1}),
                json.dumps({"file": "cluster/b.txt", "format": "md"}),
                json.dumps({"file": "cluster/missing.txt"}),
                json.dumps({"file": "../outside.txt"}),
                "not json",
            ]
        )
        + "\n"
    )
    docs, errors = _read(tmp_path)
    by = {Path(d.uri).name: d for d in docs}
    assert set(by) == {"a.txt", "b.txt"}
    assert by["a.txt"].title == "The envoy" and by["a.txt"].meta["url"] == "https://example.org/a"
    assert by["a.txt"].meta["genre"] == "onthisday" and "extra" not in by["a.txt"].meta
    assert by["b.txt"].format == "md"
    manifest = str(tmp_path / "index.jsonl")
    assert [e.source for e in errors] == [f"{manifest}#3", f"{manifest}#4", f"{manifest}#5"]


def test_an_ignore_file_keeps_paths_out(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("| planted | answer |\n")
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "x.txt").write_text(SENTENCE)
    (tmp_path / "doc.txt").write_text(SENTENCE + "More.\n")
    (tmp_path / ".histographignore").write_text("# the answer key\nREADME.md\ndrafts/\n")
    docs, errors = _read(tmp_path)
    assert [Path(d.uri).name for d in docs] == ["doc.txt"] and not errors


def test_the_sample_corpus_keeps_its_answer_key_out_of_ingest() -> None:
    root = Path(__file__).resolve().parents[2] / "samples"
    docs, _ = _read(root)
    assert docs and not any(d.uri.endswith("README.md") for d in docs)


# ---------------------------------------------------------------- fuzzing
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    data=st.binary(max_size=3000),
    name=st.sampled_from(["x.txt", "x.md", "x.json", "x.jsonl", "x.html", "x.pdf", "x", "x.bin"]),
)
def test_fuzz_readers_never_raise_anything_but_one_clear_failure(data: bytes, name: str) -> None:
    try:
        for item in read_bytes(data, name):
            if isinstance(item, IngestError):
                assert "\n" not in item.message and item.source.startswith(name)
            else:
                assert item.text and item.text.encode("utf-8")
    except IngestFailure as exc:
        assert "\n" not in str(exc) and str(exc)


_YAMLISH = st.text(alphabet=st.sampled_from(list("ab:&*[]{}-, \n'\"!#|>0123456789")), max_size=400)


@settings(max_examples=EXAMPLES, deadline=None)
@given(body=_YAMLISH)
def test_fuzz_front_matter_is_a_dict_or_nothing(body: str) -> None:
    t = time.monotonic()
    meta, _problem = read_front_matter("---\n" + body + "\n---\nBody text.\n")
    assert isinstance(meta, dict) and time.monotonic() - t < 5
    json.dumps(meta)


@settings(max_examples=EXAMPLES, deadline=None)
@given(text=st.text(max_size=300))
def test_fuzz_date_engine_spans_are_exact(text: str) -> None:
    from histograph import tag_dates

    for m in tag_dates(text, dct="2000-01-01"):
        assert 0 <= m.start <= m.end <= len(text) and text[m.start : m.end] == m.text
