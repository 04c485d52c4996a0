"""Normalise the hand-written docs of corpora/fresh2: strip the trailing newline and cap the pages of the
multi-source clusters at 2,000 UTF-8 bytes (mid-word, as the collector did for eval-wide). Single pages
(clusters named single_*) may run to 4,000 bytes."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "docs"


def main() -> None:
    for path in sorted(ROOT.glob("*/*.txt")):
        cap = 4000 if path.parent.name.startswith("single_") else 2000
        data = path.read_bytes().rstrip(b"\n")
        if len(data) > cap:
            data = data[:cap]
            while True:
                try:
                    data.decode("utf-8")
                    break
                except UnicodeDecodeError:
                    data = data[:-1]
        path.write_bytes(data)


if __name__ == "__main__":
    main()
