"""Hostile inputs and good documents for the reliability suite (all written for this suite).

:func:`write_hostile` writes one file (or FIFO, link, folder) per kind into a folder and
returns what ingest must do with each: refuse it with one clear line naming it, ingest it
(perhaps keeping only its body), or ingest some of its records. :func:`write_good` writes
ordinary history documents whose analysis must not change when they are ingested in a
batch with the hostile ones. ``scale`` multiplies the sizes of the large inputs (the short
form of the suite uses small ones; the full run, ``HISTOGRAPH_RELIABILITY=full``, big ones).
"""

from __future__ import annotations

import json
import os
import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

#: full run: bigger inputs, more kill trials, more fuzzing examples
FULL = os.environ.get("HISTOGRAPH_RELIABILITY", "") == "full"


@dataclass(frozen=True)
class Hostile:
    """One hostile input: its path, its kind and what ingest must do with it."""

    path: Path
    kind: str
    #: "error" (refused, one line naming it), "document" (ingested), "records:N" (N records
    #: ingested, the bad ones refused one by one), "skip" (never read: not a document)
    expect: str


GOOD_TEXTS: dict[str, str] = {
    "good_treaty.txt": (
        "The Treaty of Riverton\n\n"
        "On 12 March 1821, the kingdoms of Aldmark and Veyland signed the Treaty of Riverton "
        "in the city of Riverton. King Osric of Aldmark and Queen Maren of Veyland met at the "
        "old customs house. The treaty ended a border war that had begun in 1818.\n\n"
        "Two years later, in 1823, Aldmark opened its first consulate in Veyland.\n"
    ),
    "good_flood.md": (
        "---\ntitle: The Great Flood of Carlow\ndate: 2001-05-04\n---\n"
        "# The Great Flood of Carlow\n\n"
        "The river burst its banks on 3 April 1907 and flooded the lower town of Carlow. "
        "Mayor Edwin Hale ordered the evacuation of the market quarter the same night.\n\n"
        "- **April 5, 1907:** the water began to fall.\n"
        "- **June 1907:** rebuilding of the stone bridge started.\n"
    ),
    "good_election.txt": (
        "Election of 1874 in Norhaven\n\n"
        "Norhaven held its first general election on 9 September 1874. The Reform League won "
        "a majority, and Thomas Reed became Prime Minister of Norhaven on 15 September 1874. "
        "He resigned in 1879 after a dispute over the railway budget.\n"
    ),
    "good_records.jsonl": "\n".join(
        json.dumps(r)
        for r in (
            {
                "title": "The harbour fire",
                "text": "A fire destroyed the harbour warehouses of Port Elling on 2 August "
                "1866. Governor Ruth Amsel opened a relief fund the next day.",
                "published": "1990-01-01",
            },
            {
                "title": "The bridge",
                "text": "The Elling suspension bridge opened on 30 October 1884, linking "
                "the two halves of the city for the first time.",
            },
        )
    )
    + "\n",
}


def write_good(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for name, text in GOOD_TEXTS.items():
        p = folder / name
        p.write_text(text, encoding="utf-8", newline="")
        out.append(p)
    return out


_SENTENCE = "The envoy reached the capital on 4 May 1902 and the council met him at noon. "


_P_PEOPLE = ["Osric Vane", "Maren Holt", "Edwin Hale", "Ruth Amsel", "Tomas Reed", "Ida Brook",
             "Karel Dunmore", "Alis Fenwright", "Piet Solberg", "Greta Lindqvist"]
_P_PLACES = ["Aldmark", "Veyland", "Norhaven", "Port Elling", "Carlow", "Riverton", "Ostreth",
             "Kelmoor", "Dunhaven", "Savrin"]
_P_ACTS = ["signed a treaty with", "declared war on", "opened an embassy in", "sent an envoy to",
           "recognized the government of", "broke off relations with", "made peace with",
           "agreed a trade pact with"]
_P_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December"]
_P_AFTER = ["The talks lasted three weeks.", "The press reported the news the next morning.",
            "Critics in the assembly called the decision hasty.",
            "Historians still disagree about its causes.",
            "The agreement was ratified the following spring.", "Few expected it to last."]


def prose(rng: random.Random, chars: int) -> str:
    """Ordinary prose of about ``chars`` characters: paragraphs of varied sentences about
    invented events (the speed baseline the odd shapes of text are measured against)."""
    paragraphs: list[str] = []
    size = 0
    while size < chars:
        sentences = []
        for _ in range(rng.randrange(3, 7)):
            a, b = rng.sample(_P_PLACES, 2)
            sentences.append(
                f"On {rng.randrange(1, 29)} {rng.choice(_P_MONTHS)} {rng.randrange(1700, 1990)}, "
                f"{a} {rng.choice(_P_ACTS)} {b}, and {rng.choice(_P_PEOPLE)} led the delegation. "
                + rng.choice(_P_AFTER)
            )
        paragraphs.append(" ".join(sentences))
        size += len(paragraphs[-1]) + 2
    return "\n\n".join(paragraphs) + "\n"


def _alias_bomb() -> str:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 10):
        prev = f"*a{i - 1}"
        lines.append(f"a{i}: &a{i} [{', '.join([prev] * 9)}]")
    return "---\n" + "\n".join(lines) + "\ntitle: bomb\n---\n" + _SENTENCE * 3


def write_hostile(folder: Path, rng: random.Random, scale: int = 1) -> list[Hostile]:
    """Write one input of each hostile kind into ``folder``; return their expectations."""
    folder.mkdir(parents=True, exist_ok=True)
    made: list[Hostile] = []

    def put(name: str, kind: str, expect: str, data: bytes | str | None = None,
            how: Callable[[Path], None] | None = None) -> None:
        p = folder / name
        if how is not None:
            how(p)
        elif isinstance(data, str):
            p.write_text(data, encoding="utf-8", newline="")
        elif data is not None:
            p.write_bytes(data)
        made.append(Hostile(p, kind, expect))

    big = 20_000 * scale
    # -- the speed baseline: ordinary prose as long as the big odd shapes below
    put("prose.txt", "ordinary prose (the speed baseline)", "document", prose(rng, big))
    # -- not text at all
    put("empty.txt", "empty file", "error", b"")
    put("blank.md", "only whitespace", "error", " \n\t\r\n" * 50)
    put("random.bin", "random bytes", "error", rng.randbytes(5000))
    put("nul.txt", "NUL bytes in text", "error", b"The war \x00\x00 ended\x00" * 200)
    put("image.png", "a PNG image", "error", b"\x89PNG\r\n\x1a\n" + rng.randbytes(2000))
    put("fake.pdf", "PDF without header", "error", b"this is not a pdf at all")
    put("truncated.pdf", "truncated PDF", "error", b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog")
    put("controls.txt", "control characters", "error", "".join(chr(rng.randrange(1, 9)) for _ in range(3000)))
    put("mixed.txt", "invalid UTF-8 mixed with UTF-8", "error",
        ("Café on 1 May 1900. ".encode() + b"\xff\xfe\xfa broken ") * 50)
    # -- encodings that must be read
    for enc in ("utf-16-le", "utf-16-be"):
        put(f"cyrillic_{enc}.txt", f"Cyrillic {enc} without BOM", "document",
            ("Договор был подписан в Москве 5 мая 1902 года. " * 20).encode(enc))
        put(f"greek_{enc}.txt", f"Greek {enc} without BOM", "document",
            ("Η συνθήκη υπογράφηκε στην Αθήνα το 1902. " * 20).encode(enc))
        put(f"latin_{enc}.txt", f"Latin {enc} without BOM", "document",
            ("Le traité fut signé à Genève le 5 mai 1902. " * 20).encode(enc))
    put("utf32.txt", "UTF-32 with BOM", "document", ("\ufeff" + _SENTENCE * 5).encode("utf-32"))
    put("crlf.txt", "CR and CRLF newlines", "document", (_SENTENCE + "\r\n" + _SENTENCE + "\r") * 5)
    put("combining.txt", "combining marks and right-to-left text", "document",
        ("Ame\u0301lie met \u05e9\u05dc\u05d5\u05dd in Cairo on 2 June 1920. ") * 20)
    # -- front matter
    put("alias_bomb.md", "YAML alias bomb in front matter", "document", _alias_bomb())
    put("deep_yaml.md", "deeply nested YAML front matter", "document",
        "---\nt: " + "[" * 5000 + "]" * 5000 + "\n---\n" + _SENTENCE * 3)
    put("deep_yaml_map.md", "deeply nested YAML mapping", "document",
        "---\n" + "".join("  " * i + f"k{i}:\n" for i in range(400)) + "---\n" + _SENTENCE * 3)
    put("huge_front.md", "front matter beyond the size bound", "document",
        "---\n" + "".join(f"k{i}: {i}\n" for i in range(7_000 * scale)) + "---\n" + _SENTENCE * 3)
    put("toml_front.md", "broken TOML front matter", "document",
        "+++\ntitle = [[[\n+++\n" + _SENTENCE * 3)
    # -- JSON and JSON Lines
    put("deep.json", "100,000-deep JSON array", "error", "[" * 100_000 + "]" * 100_000)
    put("bigint.json", "5,000-digit integer", "error", '{"text": "x", "n": ' + "9" * 5000 + "}")
    put("notext.json", "JSON without a text field", "error", json.dumps({"body": "x"}))
    put("emptylist.json", "JSON empty list", "error", "[]")
    good = [json.dumps({"text": f"Record {i}: the fleet sailed on {i % 28 + 1} May 1801."}) for i in range(68)]
    bad = ["[" * 100_000 + "]" * 100_000, '{"text": "x", "n": ' + "9" * 5000 + "}",
           "{not json", '"a string"', '{"text": ""}', '{"text": 5}']
    lines = good[:30] + bad + good[30:]
    put("mixed.jsonl", "JSON Lines with bad lines among 68 good", "records:68", "\n".join(lines) + "\n")
    put("surrogate.jsonl", "lone surrogate in JSON", "records:1",
        '{"text": "The \\ud800 envoy arrived in Paris on 1 May 1900."}\n')
    # -- HTML
    put("script.html", "HTML with scripts and handlers", "document",
        "<html><head><title>T</title><script>alert(1)</script></head><body><article>"
        "<p onclick=alert(1)>" + _SENTENCE * 5 + "<script>alert(2)</script></p>"
        "<a href='javascript:alert(3)'>x</a></article></body></html>")
    put("deep.html", "10,000 nested divs", "any", "<html><body>" + "<div>" * 10_000 + _SENTENCE + "</div>" * 10_000)
    put("empty.html", "HTML without text", "error", "<html><head></head><body></body></html>")
    # -- odd shapes of text (time-bounded)
    put("repeated.txt", "one word repeated", "document", ("history " * (big // 8)))
    put("oneline.txt", "one line without punctuation", "document",
        " ".join(rng.choice(["the", "treaty", "was", "signed", "in", "Paris", "by", "envoys"])
                 for _ in range(big // 6)))
    put("longword.txt", "one word without spaces", "document", "a" * (big // 4))
    put("punct.txt", "only punctuation", "any", ".,;:!?-" * (big // 70))
    put("digits.txt", "only digits and dates", "document", " ".join(
        f"{rng.randrange(1, 32)}/{rng.randrange(1, 13)}/{rng.randrange(1000, 2100)}" for _ in range(big // 60)))
    put("table.md", "Markdown table of 2,000 rows", "document",
        "| a | b |\n|---|---|\n" + "".join(f"| {i} May 1900 | x |\n" for i in range(2000 * scale)))
    put("newlines.txt", "100,000 blank lines around a sentence", "document", "\n" * 50_000 + _SENTENCE + "\n" * 50_000)
    # -- not regular files
    put("pipe.txt", "a FIFO", "error", how=lambda p: os.mkfifo(p))
    put("zero.txt", "a link to /dev/zero", "error", how=lambda p: p.symlink_to("/dev/zero"))
    put("dangling.txt", "a dangling link", "error", how=lambda p: p.symlink_to(folder / "nowhere"))
    put("folder.txt", "a folder named like a file", "skip", how=lambda p: p.mkdir())
    put(".hidden.txt", "a hidden file", "skip", _SENTENCE)
    return made
