"""Data and source files: every malformed input stops with ``path:line: CODE message``."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import BaseModel, ConfigDict

from edition.datafile import load_yaml, validate
from edition.errors import EditionError
from edition.sources.pages import MARKER, insert_text
from edition.textfile import read_text


class _Entry(BaseModel):
    model_config = ConfigDict(extra="forbid")
    title: str
    page: str


class _Entries(BaseModel):
    model_config = ConfigDict(extra="forbid")
    a: _Entry


def _error(path: Path, content: bytes) -> str:
    path.write_bytes(content)
    with pytest.raises(EditionError) as error:
        validate(_Entries, load_yaml(path, "data/x.yml"), "data/x.yml")
    return str(error.value)


def test_invalid_yaml_names_the_line(tmp_path: Path) -> None:
    assert _error(tmp_path / "x.yml", b"a:\n  title: x\n  page: [unclosed\n").startswith("data/x.yml:4: DATA001 ")


def test_duplicate_key_is_invalid_yaml(tmp_path: Path) -> None:
    assert "duplicate key 'title'" in _error(tmp_path / "x.yml", b"a:\n  title: x\n  title: y\n  page: p\n")


def test_unknown_key_names_its_line_and_the_fix(tmp_path: Path) -> None:
    message = _error(tmp_path / "x.yml", b"a:\n  title: x\n  page: p\n  pgae: q\n")
    assert message == "data/x.yml:4: DATA002 unknown key 'a.pgae': remove it or check its spelling"


def test_missing_field_names_the_mapping(tmp_path: Path) -> None:
    assert _error(tmp_path / "x.yml", b"a:\n  title: x\n") == "data/x.yml:1: DATA003 missing field 'a.page': add it"


def test_wrong_type(tmp_path: Path) -> None:
    assert _error(tmp_path / "x.yml", b"a:\n  title: [1]\n  page: p\n").startswith("data/x.yml:2: DATA004 a.title")


@pytest.mark.parametrize(
    ("content", "code", "line"),
    [
        (b"\xef\xbb\xbfa: 1\n", "FILE002", 1),
        (b"a: 1\nb: \xff\n", "FILE003", 2),
        (b"a: 1\r\nb: 2\r\n", "FILE004", 1),
    ],
)
def test_bom_invalid_utf8_and_crlf_are_refused(tmp_path: Path, content: bytes, code: str, line: int) -> None:
    path = tmp_path / "x.yml"
    path.write_bytes(content)
    with pytest.raises(EditionError, match=rf"^data/x\.yml:{line}: {code} "):
        read_text(path, "data/x.yml")


def test_a_missing_file_is_file001(tmp_path: Path) -> None:
    with pytest.raises(EditionError, match=r"^data/x\.yml:1: FILE001 "):
        read_text(tmp_path / "nope.yml", "data/x.yml")


def test_a_text_page_needs_its_marker_once() -> None:
    assert insert_text(f"# T\n\n{MARKER}\n\nend\n", "TEXT", "docs/p.md") == (
        '# T\n\n<div class="source-text" markdown="1">\n\nTEXT\n\n</div>\n\nend\n'
    )
    with pytest.raises(EditionError, match=r"^docs/p\.md:1: PAGE001 "):
        insert_text("# T\n", "TEXT", "docs/p.md")
    with pytest.raises(EditionError, match=r"^docs/p\.md:3: PAGE001 "):
        insert_text(f"{MARKER}\n\n{MARKER}\n", "TEXT", "docs/p.md")
