"""Read a raw source's bytes as text: its encoding as recorded, line ends and forms normalised.

The raw file stays byte for byte as given (pinned by its hash); what the pipeline reads is its
text: decoded with the encoding ``make add-text`` found and recorded in the registry (never guessed
at build time), a byte-order mark dropped, Windows and old Mac line ends made ``\\n``, and the
characters in Unicode's composed form (NFC), so a name typed two ways is one name.
"""

from __future__ import annotations

import codecs
import unicodedata

from charset_normalizer import from_bytes

from edition.errors import fail

# Encodings a source may be recorded with: UTF-8 (with or without a BOM), UTF-16 with a BOM, and
# the legacy encodings Chinese text is still saved in.
ENCODINGS = ("utf-8", "utf-16", "gb18030", "big5", "big5hkscs")
_LEGACY = {"gb2312": "gb18030", "gbk": "gb18030", "gb18030": "gb18030", "big5": "big5", "big5hkscs": "big5hkscs"}


def detect_encoding(data: bytes) -> str | None:
    """The encoding to record for a new source, or ``None`` when it is not text we can read."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        # Only the encodings a Chinese text is saved in are candidates; a short text may still be
        # ambiguous, so add-text prints what it found and --encoding overrides it.
        best = from_bytes(data, cp_isolation=["gb18030", "big5", "big5hkscs"]).best()
        return _LEGACY.get(best.encoding) if best is not None else None
    return "utf-8"


def decode_source(data: bytes, encoding: str, shown_as: str) -> str:
    """The source's text (``SRC003`` when its bytes are not in the recorded encoding)."""
    codec = "utf-8-sig" if encoding == "utf-8" else encoding  # a UTF-8 BOM is not text
    try:
        text = data.decode(codec)
    except (UnicodeDecodeError, LookupError) as error:
        start = getattr(error, "start", 0)
        line = data.count(b"\n", 0, start) + 1
        raise fail(
            shown_as,
            line,
            "SRC003",
            f"not readable as {encoding} (byte {start}): the registry's `encoding:` must name the file's encoding",
        ) from error
    if "\x00" in text:
        raise fail(shown_as, text.count("\n", 0, text.index("\x00")) + 1, "SRC003", "holds NUL bytes: not a text file")
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
