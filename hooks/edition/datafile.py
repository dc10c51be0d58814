"""Read a YAML data file and validate it, reporting problems with file and line.

YAML is parsed with PyYAML's safe loader; each mapping remembers the line of each of its keys, so
a validation error from pydantic (a path of keys and indexes) can be pointed at a line a
contributor can open.
"""

from __future__ import annotations

import re
from functools import partial
from pathlib import Path
from typing import Annotated, Any, TypeVar

import yaml
from pydantic import AfterValidator, BaseModel, Field, ValidationError

from edition.cache import shared_cache
from edition.errors import EditionError, Problem, fail
from edition.textfile import read_text

Model = TypeVar("Model", bound=BaseModel)
_MARKUP_CHARACTERS = re.compile(r"[<>&]")


def _words_only(value: str) -> str:
    found = _MARKUP_CHARACTERS.search(value)
    if found:
        raise ValueError(f"{found.group()!r} is not allowed: the field is words on the page, never markup; remove it")
    return value


# A field that the editions write into a page's text as it stands (a regional form or word, an
# edition's label): the converters work on HTML that is already escaped, so a character that begins
# markup is refused here rather than published as markup in every page of an edition.
Words = Annotated[str, Field(min_length=1), AfterValidator(_words_only)]


class LineMap(dict[Any, Any]):
    """A mapping that knows the line of the mapping itself and of each key."""

    line: int = 1
    key_lines: dict[Any, int]


class SeqWithLines(list[Any]):
    """A sequence that knows the line of each item."""

    line: int = 1
    item_lines: list[int]


# libyaml's parser when PyYAML has it (ten times faster); the constructors below are ours either way.
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LineLoader(_BaseLoader):  # type: ignore[valid-type,misc]
    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> LineMap:
        mapping = LineMap()
        mapping.line = node.start_mark.line + 1
        mapping.key_lines = {}
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=True)
            if key in mapping:
                raise yaml.constructor.ConstructorError(None, None, f"duplicate key {key!r}", key_node.start_mark)
            mapping[key] = self.construct_object(value_node, deep=True)
            mapping.key_lines[key] = key_node.start_mark.line + 1
        return mapping

    def construct_sequence(self, node: yaml.SequenceNode, deep: bool = False) -> SeqWithLines:
        items = SeqWithLines(self.construct_object(child, deep=True) for child in node.value)
        items.line = node.start_mark.line + 1
        items.item_lines = [child.start_mark.line + 1 for child in node.value]
        return items


_LineLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG,
    _LineLoader.construct_mapping,
)
_LineLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG,
    _LineLoader.construct_sequence,
)


# No data file of the edition nests deeper than a handful of levels; the parser recurses once a
# level, and thousands of levels crash it (a segmentation fault in libyaml, a RecursionError in Python).
MAX_DEPTH = 32


def _depth(text: str) -> tuple[int, int]:
    """The deepest nesting the text could reach (block indentation or flow brackets) and its line."""
    deepest, at, flow = 0, 1, 0
    for number, line in enumerate(text.split("\n"), 1):
        stripped = line.lstrip(" -")
        if not stripped or stripped.startswith("#"):
            continue
        level = (len(line) - len(stripped)) // 2 + flow
        for char in stripped:
            if char in "[{":
                flow += 1
                level = max(level, flow + (len(line) - len(stripped)) // 2)
            elif char in "]}":
                flow = max(0, flow - 1)
        if level > deepest:
            deepest, at = level, number
    return deepest, at


def load_yaml(path: Path, shown_as: str) -> Any:
    """Parse a YAML file; syntax errors become ``DATA001`` with the line the parser names."""
    text = read_text(path, shown_as)
    if not text.strip():
        raise fail(shown_as, 1, "DATA005", "the file is empty: write [] for an empty list, or restore it from git")
    depth, line = _depth(text)
    if depth > MAX_DEPTH:
        raise fail(shown_as, line, "DATA007", f"nested {depth} levels deep (at most {MAX_DEPTH}): flatten it")
    try:
        # A SafeLoader subclass: no arbitrary objects. PyYAML reads a data file in pure Python
        # (about 6 ms a text's annotations); what a content was read as is kept (edition.cache).
        return shared_cache().remember("yaml", (text,), partial(yaml.load, text, Loader=_LineLoader))
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        raise fail(shown_as, line, "DATA001", f"invalid YAML: {error.problem or error}") from error


def line_for(data: Any, location: tuple[int | str, ...]) -> int:
    """The line of the deepest key or item on ``location`` that the data still has."""
    line = getattr(data, "line", 1)
    node = data
    for step in location:
        if isinstance(node, LineMap) and step in node:
            line = node.key_lines.get(step, line)
            node = node[step]
        elif isinstance(node, SeqWithLines) and isinstance(step, int) and step < len(node):
            line = node.item_lines[step]
            node = node[step]
        else:
            break
    return line


_CODES = {"extra_forbidden": "DATA002", "missing": "DATA003"}
_URL_ERRORS = {"url_parsing", "url_scheme", "url_type", "url_syntax_violation", "url_too_long"}


def validate(model: type[Model], data: Any, shown_as: str) -> Model:
    """Validate parsed YAML against a pydantic model; every error names its line and field."""
    try:
        return model.model_validate(data)
    except ValidationError as error:
        problems = []
        for item in error.errors():
            where = ".".join(str(step) for step in item["loc"])
            code = _CODES.get(item["type"], "DATA004")
            if item["type"] == "extra_forbidden":
                message = f"unknown key {where!r}: remove it or check its spelling"
            elif item["type"] == "missing":
                message = f"missing field {where!r}: add it"
            elif item["type"] == "string_too_long":
                # Bounded work: an oversized field is refused before it reaches the search index.
                limit = (item.get("ctx") or {}).get("max_length")
                code, message = "DATA006", f"{where} is too long (at most {limit} characters): shorten it"
            elif item["type"] in _URL_ERRORS:
                code, message = "URL001", f"{where}: not a URL: write it as https://…"
            elif item["type"] == "value_error":  # our validators' own words, without pydantic's prefix
                message = f"{where}: {(item.get('ctx') or {}).get('error', item['msg'])}"
            else:
                message = f"{where}: {item['msg']}"
            problems.append(Problem(shown_as, line_for(data, item["loc"]), code, message))
        raise EditionError(problems) from error
