"""Read a text file the way every page and data file of the edition must be: strict UTF-8, bounded.

A BOM, CRLF line ends or bytes that are not UTF-8 are refused with a message that names the file,
the line and the fix, instead of being guessed at (a guess could silently change a character).
So are a symbolic link or anything but a regular file (a link in a pull request could publish
``/etc/passwd``; a FIFO would hang the build), a file past :data:`MAX_BYTES`, and compatibility
characters (a Kangxi radical ⼈ for 人, as a copy from a PDF gives: it looks the same, but search
and the glossary would miss it). The text is returned in Unicode's composed form (NFC), so a name
typed in decomposed form is the same name.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from edition.errors import Problem, fail

# No page or data file of the edition comes near this; a larger one is a mistake or an attack.
MAX_BYTES = 2_000_000
# Kangxi radicals and CJK radicals supplement, CJK compatibility ideographs (and their supplement):
# each has an ordinary character it stands for (NFKC).
COMPATIBILITY = re.compile("[\u2e80-\u2fdf\uf900-\ufaff\U0002f800-\U0002fa1f]")


def regular_file(path: Path, shown_as: str) -> None:
    """``FILE005`` unless ``path`` is a regular file, not a link; ``FILE006`` past :data:`MAX_BYTES`."""
    if path.is_symlink() or (path.exists() and not path.is_file()):
        raise fail(
            shown_as,
            1,
            "FILE005",
            "not a regular file (a symbolic link, folder or device): replace it with the file itself",
        )
    if path.exists() and path.stat().st_size > MAX_BYTES:
        raise fail(
            shown_as, 1, "FILE006", f"larger than {MAX_BYTES:,} bytes: no page or data file is this large; split it"
        )


def refuse_compatibility(text: str, shown_as: str) -> None:
    """``FILE007`` at the first compatibility character, with the ordinary character to write."""
    found = COMPATIBILITY.search(text)
    if found is not None:
        line = text.count("\n", 0, found.start()) + 1
        ordinary = unicodedata.normalize("NFKC", found.group())
        raise fail(
            shown_as,
            line,
            "FILE007",
            f"compatibility character {found.group()} (U+{ord(found.group()):04X}): write {ordinary} instead",
        )


def read_text(path: Path, shown_as: str) -> str:
    """The file's text; ``shown_as`` is the path printed in error messages."""
    regular_file(path, shown_as)
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
    refuse_compatibility(text, shown_as)
    return unicodedata.normalize("NFC", text)


def links_under(root: Path, folders: tuple[str, ...]) -> list[Problem]:
    """``FILE005`` for every symbolic link or special file under the folders an engine publishes or
    the build reads: an engine would copy a link's target (``/etc/passwd``) into every edition."""
    problems = []
    for folder in folders:
        for path in sorted((root / folder).rglob("*")):
            if path.is_symlink() or not (path.is_file() or path.is_dir()):
                problems.append(
                    Problem(
                        path.relative_to(root).as_posix(),
                        1,
                        "FILE005",
                        "not a regular file (a symbolic link or device): replace it with the file itself, or remove it",
                    )
                )
    return problems
