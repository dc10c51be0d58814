"""What a note stands on: its sources, judged as a careful reader would.

Each source of a glossary term or an annotation says what ``kind`` it is: ``primary`` (the
organisation's own page or document: the company's announcement, the government's text, the
paper), ``news`` (an established newsroom), ``reference`` (an encyclopaedia, a dictionary, a
scholarly book) or ``other``. Checks (each ``path:line: CODE message``):

- ``SRC010`` a note whose sources are all ``other``: add the primary page or an established report;
- ``SRC011`` a source on a host the edition does not cite (``data/source-hosts.yml``, each with
  its reason: content farms, AI-generated aggregators, SEO blogs, anonymous reposts);
- ``SRC012`` plain ``http:`` where the host serves ``https:`` (every host does, but those listed
  in ``data/source-hosts.yml`` under ``http_only``);
- ``SRC013`` the same URL twice in one note.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field

from edition.datafile import line_for, load_yaml, validate
from edition.errors import Problem

HOSTS = "data/source-hosts.yml"


class Host(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    host: str = Field(min_length=3)
    reason: str = Field(min_length=4)


class SourceHosts(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    refused: list[Host] = []
    http_only: list[Host] = []


def load_hosts(root: Any) -> SourceHosts:
    return validate(SourceHosts, load_yaml(root / HOSTS, HOSTS), HOSTS)


def _host(url: str) -> str:
    return (urlsplit(url).hostname or "").removeprefix("www.")


def _listed(host: str, hosts: list[Host]) -> Host | None:
    """The entry for this host or a domain above it (m.163.com is under 163.com)."""
    return next((entry for entry in hosts if host == entry.host or host.endswith("." + entry.host)), None)


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
        if (refused := _listed(host, hosts.refused)) is not None:
            problems.append(
                Problem(
                    shown_as,
                    line,
                    "SRC011",
                    f"{host} is not cited here ({refused.reason}): cite "
                    "the organisation's own page, an established newsroom or a reference work",
                )
            )
        if url.startswith("http:") and _listed(host, hosts.http_only) is None:
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
