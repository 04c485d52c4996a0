"""Normalise the hand-written docs: strip the trailing newline, and cap the pages marked as
cut (CUT below) at exactly 2,000 UTF-8 bytes, mid-word, as the collector did for eval-wide."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "docs"
CUT: set[str] = set()


def main() -> None:
    for path in sorted(ROOT.glob("*/*.txt")):
        rel = f"{path.parent.name}/{path.name}"
        data = path.read_bytes().rstrip(b"\n")
        if rel in CUT or len(data) > 2000:
            data = data[:2000]
            while True:
                try:
                    data.decode("utf-8")
                    break
                except UnicodeDecodeError:
                    data = data[:-1]
        path.write_bytes(data)


if __name__ == "__main__":
    main()
