"""Bytes -> text: BOMs, UTF-8, UTF-16/32 and legacy encodings, never translating newlines.

Decisions (see also ``histograph.ingest``):

* A byte-order mark selects the encoding and is dropped (it is an encoding marker, not
  text), so a UTF-8 file with a BOM has offsets shifted by one against a plain
  ``open(..., encoding="utf-8")`` reading; without a BOM the stored text is exactly the
  file's text.
* Valid UTF-8 is always read as UTF-8.
* Bytes that are *almost* UTF-8 (valid multi-byte sequences mixed with invalid bytes) are
  refused as "invalid UTF-8" with the byte offset: guessing a legacy encoding there would
  turn the valid part into mojibake.
* Anything else is handed to charset-normalizer (cp1252, latin-1, KOI8-R, UTF-16 without
  BOM …). Content with NUL bytes or many control characters is refused as binary.
"""

from __future__ import annotations

import codecs
import re
from collections import Counter

from .errors import IngestFailure

_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def _check_text(text: str, encoding: str) -> None:
    sample = text[:100_000]
    if not sample:
        return
    controls = len(_CONTROL.findall(sample))
    if "\x00" in sample or controls > max(8, len(sample) // 100):
        raise IngestFailure(
            f"binary content (control bytes; read as {encoding}), not a text document"
        )


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without a BOM. In UTF-16 text of one alphabet the high byte of each
    code unit takes one or two values (0 for spaces, digits and punctuation; 0x04 for
    Cyrillic, 0x03 for Greek, 0 again for Latin-1 letters), while the low byte is rarely
    0; 8-bit text has varied bytes at both positions."""
    sample = data[:4000]
    if len(sample) < 4:
        return None
    sample = sample[: len(sample) // 2 * 2]
    half = len(sample) // 2
    for enc, high, low in (
        ("utf-16-le", sample[1::2], sample[0::2]),
        ("utf-16-be", sample[0::2], sample[1::2]),
    ):
        top = sum(n for _, n in Counter(high).most_common(2))
        if top >= 0.9 * half and high.count(0) >= 0.05 * half and low.count(0) < 0.05 * half:
            return enc
    return None


def _try_utf16(data: bytes) -> tuple[str, str] | None:
    enc16 = _utf16_without_bom(data)
    if enc16 is None:
        return None
    try:
        text = data.decode(enc16)
    except UnicodeDecodeError:
        return None
    _check_text(text, enc16)
    return text, enc16


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode a file's bytes; return ``(text, encoding)`` or raise :class:`IngestFailure`."""
    if not data:
        raise IngestFailure("empty file")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(enc)
            except UnicodeDecodeError as exc:
                raise IngestFailure(
                    f"invalid {enc} after its byte-order mark at byte {exc.start + len(bom)}"
                ) from None
            _check_text(text, enc)
            return text, enc + ("-sig" if enc == "utf-8" else "")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        bad = exc.start
    else:
        try:
            _check_text(text, "utf-8")
        except IngestFailure:
            # UTF-16 of a non-Latin alphabet can be valid (control-laden) ASCII
            found = _try_utf16(data)
            if found is None:
                raise
            return found
        return text, "utf-8"
    found = _try_utf16(data)
    if found is not None:
        return found
    if b"\x00" in data[:100_000]:
        raise IngestFailure("binary content (NUL bytes), not a text document")
    if len(_UTF8_MULTIBYTE.findall(data[:200_000])) >= 1 and _mostly_utf8(data):
        raise IngestFailure(
            f"invalid UTF-8 at byte {bad} (valid UTF-8 mixed with other bytes; "
            "re-save the file as UTF-8)"
        )
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise IngestFailure("unknown text encoding or binary content")
    enc = str(best.encoding)
    try:
        text = data.decode(enc)
    except (UnicodeDecodeError, LookupError):
        text = str(best)
    _check_text(text, enc)
    return text, enc


def _mostly_utf8(data: bytes) -> bool:
    """At least a fifth of the non-ASCII bytes belong to valid UTF-8 sequences (legacy
    8-bit text almost never forms one: a lead byte followed by continuation bytes)."""
    sample = data[:200_000]
    high = sum(1 for b in sample if b >= 0x80)
    in_seqs = sum(len(m) for m in _UTF8_MULTIBYTE.findall(sample))
    return high > 0 and in_seqs * 5 >= high
