"""What a note stands on: its sources, judged as a careful reader would.

Each source of a glossary term or an annotation says what ``kind`` it is: ``primary`` (the
organisation's own page or document: the company's announcement, the government's text, the
paper itself, on arXiv or in a journal), ``news`` (a newsroom with editorial standards, or a wire
service's story as a newsroom publishes it), ``reference`` (an encyclopaedia, a dictionary, a
scholarly book) or ``other`` (everything else: vendor blogs and explainers, commentary, data
vendors, reposts). ``data/source-hosts.yml`` lists the common hosts under the kind they always are,
so that a vendor's blog cannot be cited as ``news``. Checks (each ``path:line: CODE message``):

- ``SRC010`` a note whose sources are all ``other``: add the primary page or an established report;
- ``SRC011`` a source on a host the edition does not cite (``data/source-hosts.yml``, each with
  its reason: content farms, AI-generated aggregators, SEO blogs, anonymous reposts);
- ``SRC012`` plain ``http:`` where the host serves ``https:`` (every host does, but those listed
  in ``data/source-hosts.yml`` under ``http_only``);
- ``SRC013`` the same URL twice in one note;
- ``SRC014`` a source whose ``kind`` is not the kind ``data/source-hosts.yml`` lists its host under
  (a vendor's blog as ``news``, a paper as ``reference``);
- ``SRC015`` a host listed twice in ``data/source-hosts.yml`` (under two kinds, or both refused and
  under a kind): the lists would contradict each other.

Hosts are compared as a reader's browser would: case-insensitive, without ``www.`` and without the
trailing dot of a fully qualified name (``eyerys.com.`` is ``eyerys.com``); an entry covers the
domains under it (``m.163.com`` is under ``163.com``) and may name a path (``163.com/dy``: NetEase's
self-media accounts, not its newsroom).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field

from edition.datafile import line_for, load_yaml, validate
from edition.errors import EditionError, Problem

HOSTS = "data/source-hosts.yml"
KINDS = ("primary", "news", "reference", "other")
KIND_NAMES = {
    "primary": "the organisation's own page or the paper itself",
    "news": "a newsroom",
    "reference": "a reference work",
    "other": "not a newsroom, a reference work or the organisation itself",
}


class Host(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    host: str = Field(min_length=3)
    reason: str = Field(min_length=4)


class KindHost(BaseModel):
    """A host (optionally ``host/path``) whose sources are always of one kind; ``reason`` says why
    when the kind is not obvious from the name (required for ``other``: what the site is)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    host: str = Field(min_length=3)
    reason: str = ""


class KindLists(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    primary: list[KindHost] = []
    news: list[KindHost] = []
    reference: list[KindHost] = []
    other: list[KindHost] = []


class SourceHosts(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    refused: list[Host] = []
    http_only: list[Host] = []
    kinds: KindLists = KindLists()

    def kind_of(self, url: str) -> tuple[str, KindHost] | None:
        """The kind the most specific listed entry gives this URL's host, if any."""
        found = [(kind, entry) for kind in KINDS for entry in getattr(self.kinds, kind) if _covers(entry.host, url)]
        return max(found, key=lambda item: len(item[1].host), default=None)


def load_hosts(root: Any) -> SourceHosts:
    data = load_yaml(root / HOSTS, HOSTS)
    hosts = validate(SourceHosts, data, HOSTS)
    if problems := _duplicates(hosts, data):
        raise EditionError(problems)
    return hosts


def _duplicates(hosts: SourceHosts, data: Any) -> list[Problem]:
    """``SRC015`` for every host listed a second time (refused, or under any kind)."""
    seen: dict[str, str] = {}
    problems = []
    places = [("refused", index, entry.host) for index, entry in enumerate(hosts.refused)]
    for kind in KINDS:
        places += [(kind, index, entry.host) for index, entry in enumerate(getattr(hosts.kinds, kind))]
    for where, index, host in places:
        key = _normalise(host)
        if key in seen:
            at = (where, index, "host") if where == "refused" else ("kinds", where, index, "host")
            problems.append(
                Problem(
                    HOSTS,
                    line_for(data, at),
                    "SRC015",
                    f"{host} is listed twice ({seen[key]} and {where}): keep the one entry that says what it is",
                )
            )
        seen.setdefault(key, where)
    return problems


def _normalise(host: str) -> str:
    """A host as a browser compares it: lower case, no ``www.``, no trailing dot (``a.com.`` is ``a.com``)."""
    name, _, path = host.strip().lower().partition("/")
    name = name.rstrip(".").removeprefix("www.")
    return f"{name}/{path.strip('/')}" if path.strip("/") else name


def _host(url: str) -> str:
    return _normalise(urlsplit(url).hostname or "")


def _covers(entry: str, url: str) -> bool:
    """Whether a listed host (or ``host/path``) covers this URL: the host or a domain above it,
    and the path when the entry names one."""
    name, _, path = _normalise(entry).partition("/")
    host = _host(url)
    if not (host == name or host.endswith("." + name)):
        return False
    return not path or urlsplit(url).path.lstrip("/").lower().startswith(path)


def _listed(url: str, hosts: list[Host]) -> Host | None:
    """The entry for this URL's host or a domain above it (m.163.com is under 163.com)."""
    return next((entry for entry in hosts if _covers(entry.host, url)), None)


def source_problems(items: list[Any], data: Any, shown_as: str, hosts: SourceHosts) -> list[Problem]:
    """Every problem with the sources of these terms or annotations (``items`` validated, ``data`` parsed),
    and with those of their ``later`` parts (each part is judged on its own sources)."""
    problems = []
    for index, item in enumerate(items):
        problems += _sources_problems(item.sources, data, (index,), shown_as, hosts)
        if item.later is not None:
            problems += _sources_problems(item.later.sources, data, (index, "later"), shown_as, hosts)
    return problems


def _sources_problems(
    sources: list[Any], data: Any, at: tuple[Any, ...], shown_as: str, hosts: SourceHosts
) -> list[Problem]:
    problems = []
    seen: set[str] = set()
    for number, source in enumerate(sources):
        url = str(source.url)
        line = line_for(data, (*at, "sources", number, "url"))
        host = _host(url)
        if (refused := _listed(url, hosts.refused)) is not None:
            problems.append(
                Problem(
                    shown_as,
                    line,
                    "SRC011",
                    f"{host} is not cited here ({refused.reason}): cite "
                    "the organisation's own page, an established newsroom or a reference work",
                )
            )
        elif (listed := hosts.kind_of(url)) is not None and listed[0] != source.kind:
            kind, entry = listed
            why = entry.reason or KIND_NAMES[kind]
            problems.append(
                Problem(
                    shown_as,
                    line_for(data, (*at, "sources", number, "kind")),
                    "SRC014",
                    f"{entry.host} is listed as {kind} in {HOSTS} ({why}), not {source.kind}: "
                    f"write kind: {kind}"
                    + (", and add the organisation's own page or a newsroom's report" if kind == "other" else ""),
                )
            )
        if url.startswith("http:") and _listed(url, hosts.http_only) is None:
            problems.append(Problem(shown_as, line, "SRC012", f"{url}: write https:// (the site serves it)"))
        if url in seen:
            problems.append(Problem(shown_as, line, "SRC013", f"{url} is cited twice in this note: keep one"))
        seen.add(url)
    if sources and all(source.kind == "other" for source in sources):
        problems.append(
            Problem(
                shown_as,
                line_for(data, (*at, "sources")),
                "SRC010",
                "every source of this note is of kind 'other': add the organisation's own page (primary), "
                "an established newsroom (news) or a reference work (reference)",
            )
        )
    return problems
