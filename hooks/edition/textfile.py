"""Read a text file the way every source and data file of the edition must be: strict UTF-8.

A BOM, CRLF line ends or bytes that are not UTF-8 are refused with a message that names the file,
the line and the fix, instead of being guessed at (a guess could silently change a character).
"""

from __future__ import annotations

from pathlib import Path

from edition.errors import fail


def read_text(path: Path, shown_as: str) -> str:
    """The file's text; ``shown_as`` is the path printed in error messages."""
    try:
        data = path.read_bytes()
    except FileNotFoundError as error:
        raise fail(shown_as, 1, "FILE001", "file not found") from error
    if data.startswith(b"\xef\xbb\xbf"):
        raise fail(shown_as, 1, "FILE002", "starts with a byte-order mark (BOM): save as UTF-8 without BOM")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise fail(shown_as, line, "FILE003", f"not valid UTF-8 (byte {error.start}): save as UTF-8") from error
    if "\r" in text:
        line = text.count("\n", 0, text.index("\r")) + 1
        raise fail(shown_as, line, "FILE004", "has CR (Windows) line ends: save with LF line ends")
    return text
