"""Work done once: each result kept under the content hash of everything it is made from.

A build of an archive redoes the same work for every text that did not change: building its page
from the raw source, finding its notes, converting it into each edition, cutting it into search
records. Each of those steps asks the cache with its inputs, the very values it computes from;
the key is the SHA-256 of those values (``digest``: strings, bytes, numbers, lists, sets, mappings,
dataclasses and pydantic models, written out in one canonical form) and of the pipeline's code
(every file of ``hooks/edition``, the lock file, Python's version). So a result is served only
for exactly the inputs it was made from: an edit to a page, a data file, the code or a pinned
library is a different key, and nothing stale can match it.

The cache lives outside the tree (``$EDITION_CACHE``, else ``$XDG_CACHE_HOME/annotated-edition``,
else ``~/.cache/annotated-edition``; ``EDITION_CACHE=off`` builds without it). An entry is one
file written whole (a rename), so builds side by side never read half an entry; an entry that
cannot be read is a miss. After a build, entries not used for ``KEEP_DAYS`` are removed, then the
least recently used beyond ``MOST_BYTES``.
"""

from __future__ import annotations

import dataclasses
import datetime
import hashlib
import json
import os
import pickle
import re
import stat
import sys
import tempfile
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TypeVar, cast

from pydantic import BaseModel

T = TypeVar("T")

KEEP_DAYS = 14
MOST_BYTES = 2 * 1024**3  # an archive's every result, several times over (×226: about 1 GiB)
_HOOKS = Path(__file__).resolve().parent
_LOCK = _HOOKS.parent.parent / "requirements.lock"


def _canonical(value: object) -> object:
    """``value`` as JSON-ready data, the same for equal values in every process (sets sorted,
    models and dataclasses as their fields, each tagged with its type's name)."""
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, bytes):
        return {"bytes": hashlib.sha256(value).hexdigest()}
    if isinstance(value, (datetime.date, datetime.time)):
        return {type(value).__name__: value.isoformat()}
    if isinstance(value, Path):
        return {"path": str(value)}
    if isinstance(value, re.Pattern):
        return {"pattern": value.pattern, "flags": value.flags}
    if isinstance(value, BaseModel):
        return {type(value).__qualname__: _canonical(value.model_dump(mode="json", by_alias=True))}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = {f.name: _canonical(getattr(value, f.name)) for f in dataclasses.fields(value)}
        return {type(value).__qualname__: fields}
    if isinstance(value, Mapping):
        pairs = [[_canonical(k), _canonical(v)] for k, v in value.items()]
        return {"mapping": sorted(pairs, key=lambda pair: json.dumps(pair[0], ensure_ascii=False))}
    if isinstance(value, (set, frozenset)):
        return {"set": sorted(json.dumps(_canonical(v), ensure_ascii=False) for v in value)}
    if isinstance(value, (list, tuple)):
        return [_canonical(v) for v in value]
    raise TypeError(f"no canonical form for a {type(value).__name__}: give the cache its content")


def digest(*values: object) -> str:
    """The SHA-256 of ``values`` in their canonical form."""
    text = json.dumps(_canonical(list(values)), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def file_content(path: Path, most: int = 20_000_000) -> object:
    """What a key holds of a file: its bytes, if it is a regular file of a sane size; else what it
    is (absent, a link, a FIFO, too large), read no further — the checks refuse those (FILE005,
    FILE006, SRC008), and reading a FIFO would wait for ever."""
    try:
        status = path.lstat()
    except OSError:
        return "absent"
    if not stat.S_ISREG(status.st_mode):
        return {"not a regular file": stat.S_IFMT(status.st_mode), "target": os.path.realpath(path)}
    if status.st_size > most:
        return {"too large": status.st_size, "modified": status.st_mtime_ns}
    return path.read_bytes()


def code_digest() -> str:
    """The pipeline's code as a build runs it: every file of the package, the pinned libraries,
    the interpreter."""
    hashed = hashlib.sha256(sys.version.encode("utf-8"))
    files = sorted(p for p in _HOOKS.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    for path in [*files, _LOCK]:
        hashed.update(path.relative_to(_HOOKS.parent).as_posix().encode("utf-8") if path != _LOCK else b"lock")
        hashed.update(path.read_bytes() if path.exists() else b"")
    return hashed.hexdigest()


def default_folder() -> Path | None:
    """Where the cache is (``None``: no cache), from the environment."""
    chosen = os.environ.get("EDITION_CACHE", "")
    if chosen == "off":
        return None
    if chosen:
        return Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "annotated-edition"


class Cache:
    """Results by kind and inputs, in ``folder`` (``None``: every call computes)."""

    def __init__(self, folder: Path | None, code: str | None = None) -> None:
        self.folder = folder
        self._code = code if code is not None else code_digest()
        self.hits = 0
        self.misses = 0

    def remember(self, kind: str, inputs: tuple[object, ...], make: Callable[[], T]) -> T:
        """``make()``'s result for these inputs: kept from an earlier call, or made and kept."""
        found = self.get(kind, inputs)
        if found is not None:
            return cast(T, found)
        value = make()
        self.keep(kind, inputs, value)
        return value

    def get(self, kind: str, inputs: tuple[object, ...]) -> object | None:
        """What was kept for these inputs, or ``None``."""
        if self.folder is None:
            return None
        path = self.entry_path(kind, inputs)
        try:
            with path.open("rb") as kept:
                value: object = pickle.load(kept)
            os.utime(path)  # used: kept another KEEP_DAYS
        except Exception:  # absent, or unreadable (cut short, another version's pickle): a miss
            self.misses += 1
            return None
        self.hits += 1
        return value

    def keep(self, kind: str, inputs: tuple[object, ...], value: object) -> None:
        """Keep ``value`` as what these inputs make."""
        if self.folder is not None:
            self._write(self.entry_path(kind, inputs), value)

    def entry_path(self, kind: str, inputs: tuple[object, ...]) -> Path:
        """The file that keeps what these inputs make."""
        assert self.folder is not None
        return self.folder / kind / digest(self._code, kind, *inputs)

    def _write(self, path: Path, value: object) -> None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=path.parent, prefix=".new-", delete=False) as new:
                pickle.dump(value, new, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(new.name, path)
        except OSError:
            pass  # a cache that cannot be written (full disk, read-only home) only means no reuse

    def prune(self, days: float = KEEP_DAYS, most_bytes: int = MOST_BYTES) -> int:
        """Remove entries unused for ``days`` (and any half-written one left by a killed build), then
        the least recently used until the cache holds at most ``most_bytes``."""
        if self.folder is None or not self.folder.is_dir():
            return 0
        now = time.time()
        removed = 0
        kept: list[tuple[float, int, Path]] = []
        for path in self.folder.rglob("*"):
            try:
                status = path.lstat()
                if not stat.S_ISREG(status.st_mode):
                    continue
                unused = now - status.st_mtime
                if unused > days * 86400 or (path.name.startswith(".new-") and unused > 3600):
                    path.unlink()
                    removed += 1
                else:
                    kept.append((status.st_mtime, status.st_size, path))
            except OSError:
                continue
        total = sum(size for _, size, _ in kept)
        for _, size, path in sorted(kept):
            if total <= most_bytes:
                break
            path.unlink(missing_ok=True)
            total -= size
            removed += 1
        return removed


_shared: Cache | None = None


def shared_cache() -> Cache:
    """The process's cache, in ``default_folder()``."""
    global _shared
    if _shared is None:
        _shared = Cache(default_folder())
    return _shared
