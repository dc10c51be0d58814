"""Add a text to the edition with one command, from whatever source the contributor has.

    .venv/bin/python scripts/add_text.py RAW_FILE --id ID [--title TITLE] [--format KIND]
        [--kind transcript|article] [--label LABEL] [--description TEXT] [--credit TEXT]
        [--authors TEXT] [--audio URL]
    make add-text RAW=… ID=… [TITLE="…"] [FORMAT=srt] [AUDIO=https://…]

The kind of source is recognised from the file (``edition.sources.kinds``: subtitles SRT or
WebVTT, a one-line speech-recognition transcript, a web page saved from a browser, a Markdown or
plain-text article, the 水晶球 scrape); ``--format`` names it instead. Its encoding (UTF-8, UTF-16,
GB18030, Big5) is found and recorded, and its line ends are normalised when it is read — the file
itself is copied into docs/sources/ byte for byte and pinned by its SHA-256 in data/texts.yml.
The title, author, date and address come from the source where it says them (a web page, a
Markdown front matter); ``--title`` and the other options override. Then it writes the text's
page (docs/ID.md: a transcript shows its first draft by rule, with each paragraph's time, until it
is edited; an article its cleaned text), a transcript's own cast (data/speakers/ID.yml), and the
page's line in the navigation (mkdocs.yml).

Nothing is written until the source has been read by its kind and the new page has been built
and proved faithful in memory; if writing fails half-way, what was written is undone. Refused
with `path:line: CODE message`: ADD001 an id that is not lowercase letters, digits and hyphens;
ADD002 an id (or its page or raw file) that exists; ADD003 a raw file that cannot be read as text;
ADD004 an unknown kind or format, or a format that makes another kind of text; ADD005 a
navigation without the glossary to insert before; ADD006 no title given or found, or a field with
a line break; and the source kind's own codes (SRC004, SRC005, ART001–ART003, FID001), which name
the given file.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from edition.cli import run
from edition.editions.declared import load_editions
from edition.errors import EditionError, Problem, fail
from edition.reading.transcript_page import split_front_matter
from edition.sources.escape import markdown_text
from edition.sources.kinds import KINDS as SOURCE_KINDS
from edition.sources.kinds import SourceKind, SourceText, detect
from edition.sources.pages import render_page
from edition.sources.rawfile import decode_source, detect_encoding
from edition.sources.texts import KINDS, REGISTRY, RESERVED_IDS, TextEntry, load_registry

ROOT = Path(__file__).resolve().parent.parent
NAV_ANCHOR = re.compile(r"^(\s*)- [^:\n]+: glossary\.md\s*$", re.M)
_ID = re.compile(r"\A[a-z0-9][a-z0-9-]*\Z")
KIND_NAMES = {"transcript": "语音识别文字稿", "article": "文章"}
LABEL_PREFIXES = {"transcript": "文字稿", "article": "文章"}
# The raw copy is always served as text: a saved web page must never be published as a page.
RAW_SUFFIX = "-raw.txt"
# The edition's afterword (what happened after the texts): a new text's credits link to it when the project has one.
AFTERWORD = "afterword.md"


@dataclass(frozen=True)
class NewText:
    """Everything the add writes, decided before anything is written."""

    kind: SourceKind
    encoding: str
    source: SourceText
    files: dict[str, str]  # path under the project → its new content (raw copies aside)


def _read_given(raw: Path, source_format: str) -> tuple[bytes, str, SourceKind, SourceText]:
    shown = str(raw)
    if not raw.is_file():
        raise fail(shown, 1, "ADD003", "no such file (or not a regular file): give the path of the raw source")
    data = raw.read_bytes()
    encoding = detect_encoding(data)
    if encoding is None:
        raise fail(shown, 1, "ADD003", "not text in UTF-8, UTF-16, GB18030 or Big5: convert it (iconv -t UTF-8) first")
    text = decode_source(data, encoding, shown)
    if not text.strip():
        raise fail(shown, 1, "ADD003", "the file is empty")
    if source_format and source_format not in SOURCE_KINDS:
        raise fail(shown, 1, "ADD004", f"unknown --format {source_format!r}: use one of {', '.join(SOURCE_KINDS)}")
    kind = SOURCE_KINDS[source_format] if source_format else detect(text, raw.suffix)
    return data, encoding, kind, kind.read(text, shown)


def _yaml_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _problems(root: Path, text_id: str, kind: str, fields: dict[str, str]) -> list[Problem]:
    problems = []
    reserved = RESERVED_IDS | {edition.prefix.rstrip("/") for edition in load_editions(root).others}
    if not _ID.match(text_id) or text_id in reserved:
        problems.append(
            Problem(
                REGISTRY,
                1,
                "ADD001",
                f"id {text_id!r}: use lowercase letters, digits and hyphens, and none of {', '.join(sorted(reserved))}",
            )
        )
    registry = load_registry(root)
    taken = [path for path in (f"docs/{text_id}.md", f"docs/sources/{text_id}{RAW_SUFFIX}") if (root / path).exists()]
    if text_id in registry.texts or taken:
        where = ", ".join(taken) or REGISTRY
        problems.append(Problem(REGISTRY, 1, "ADD002", f"id {text_id!r} exists ({where}): choose another id"))
    if kind and kind not in KINDS:
        problems.append(Problem(REGISTRY, 1, "ADD004", f"unknown kind {kind!r}: use {' or '.join(KINDS)}"))
    for name, value in fields.items():
        if any(char in value for char in "\n\r\t\x0b\x0c\x85\u2028\u2029"):
            problems.append(Problem(REGISTRY, 1, "ADD006", f"--{name} has a line break: give it on one line"))
    mkdocs = (root / "mkdocs.yml").read_text(encoding="utf-8")
    if not NAV_ANCHOR.search(mkdocs):
        problems.append(Problem("mkdocs.yml", 1, "ADD005", "no `- …: glossary.md` entry in nav to add the text before"))
    return problems


def _dropped_note(source: SourceText) -> str:
    if not source.dropped:
        return ""
    return f"原页面中正文以外的 {len(source.dropped)} 行（导航、侧栏、评论、分享按钮等）未收入。"


def _page(
    text_id: str,
    kind: SourceKind,
    source: SourceText,
    title: str,
    description: str,
    credit: str,
    digest: str,
    audio: str = "",
    afterword: bool = False,
) -> str:
    if kind.text_kind == "transcript":
        note = "下面是据语音识别稿按规则生成的初稿（标点与分段为临时），编者尚未整理说话人和识别错误。"
        if source.timed:
            note += "每段前的时间是这段话在录音中的位置。"
    else:
        note = "下面是据原件整理的正文：统一了标点与中西文间距。" + _dropped_note(source)
    heading = "" if any(block.role == "title" for block in source.blocks) else f"# {markdown_text(title)}\n\n"
    meta = source.metadata
    origin = "，".join(markdown_text(part) for part in (meta.site, meta.author, meta.date) if part)
    lines = [
        f"- **原始文件**：[下载原件（文本）](sources/{text_id}{RAW_SUFFIX}){{ download }}，"
        f"SHA-256 `{digest[:12]}…{digest[-7:]}`。"
        # Any host shows this page as UTF-8, whatever it serves the raw file as (edition.sources.raw_view).
        f"[在浏览器中阅读原件全文](sources/{text_id}{RAW_SUFFIX}){{ .raw-view .screen-only }}"
    ]
    if origin or meta.url:
        address = f"原址 `{meta.url.replace('`', '')}`" if meta.url else ""
        lines.append(f"- **来源**：{'，'.join(part for part in (origin, address) if part)}。")
    if audio:
        lines.append(f"- **录音**：[节目音频]({audio})（每段前的时间从该处起播放）。")
    if afterword:
        lines.append(f"- **后来**：录音或成文之后发生的事，见[编后记]({AFTERWORD})。")
    lines.append(f"- **版权**：{markdown_text(credit)}编辑说明以 CC BY 4.0 授权，见[版权与授权](licence.md)。")
    return (
        f"---\ntitle: {_yaml_string(title)}\ndescription: {_yaml_string(description)}\n---\n\n"
        f"{heading}{note}\n\n<!-- edition:text -->\n\n## 来源与版权 {{ #credits }}\n\n" + "\n".join(lines) + "\n"
    )


def plan(root: Path, raw: Path, text_id: str, kind: str = "", title: str = "", **extra: str) -> NewText:
    """Read the source and compose every file the add writes; raises EditionError, writing nothing."""
    source_format = extra.get("source_format", "")
    fields = {"title": title, **{name: value for name, value in extra.items() if name != "source_format"}}
    problems = _problems(root, text_id, kind, fields)
    try:
        data, encoding, source_kind, source = _read_given(raw, source_format)
    except EditionError as error:
        raise EditionError(problems + error.problems) from error
    if kind and kind in KINDS and source_kind.text_kind != kind:
        problems.append(
            Problem(
                str(raw),
                1,
                "ADD004",
                f"a {source_kind.name} source makes a {source_kind.text_kind}, not a {kind}: "
                "give the right --kind, or --format to read the file as another kind",
            )
        )
    title = title or source.metadata.title
    if not title:
        problems.append(Problem(str(raw), 1, "ADD006", "no title in the source: give one with --title"))
    if extra.get("audio") and source_kind.text_kind != "transcript":
        problems.append(Problem(str(raw), 1, "ADD004", "--audio is for a transcript's recording"))
    if problems:
        raise EditionError(problems)
    text_kind = source_kind.text_kind
    label = extra.get("label") or f"{LABEL_PREFIXES[text_kind]}：{title}"
    description = extra.get("description") or f"{KIND_NAMES[text_kind]}《{title}》。"
    credit = extra.get("credit") or f"《{title}》的版权归其作者所有；本站为评论与研究转载。"
    authors = extra.get("authors") or source.metadata.author
    digest = hashlib.sha256(data).hexdigest()
    raw_path = f"docs/sources/{text_id}{RAW_SUFFIX}"

    entry: dict[str, str | bool] = {
        "title": title,
        "label": label,
        "description": description,
        "kind": text_kind,
        "source": source_kind.name,
        **({"encoding": encoding} if encoding != "utf-8" else {}),
        **({"draft": True} if text_kind == "transcript" else {}),
        "raw": raw_path,
        "sha256": digest,
        "page": f"{text_id}.md",
        **({"audio": extra["audio"]} if extra.get("audio") else {}),
        **({"speakers": f"data/speakers/{text_id}.yml"} if text_kind == "transcript" else {}),
        "credit": credit,
        **({"authors": authors} if authors else {}),
    }
    try:
        checked = TextEntry.model_validate(entry)
    except ValidationError as error:
        reasons = "; ".join(f"{'.'.join(map(str, item['loc'])) or 'entry'}: {item['msg']}" for item in error.errors())
        raise fail(str(raw), 1, "ADD006", f"the new entry is not valid ({reasons}): give other values") from error
    lines = [f"{text_id}:"]
    for name, value in entry.items():
        shown = (
            "true"
            if value is True
            else value
            if name in ("kind", "source", "encoding", "sha256")
            else _yaml_string(str(value))
        )
        lines.append(f"  {name}: {shown}")
    registry = (root / REGISTRY).read_text(encoding="utf-8").rstrip("\n")
    files = {REGISTRY: registry + "\n" + "\n".join(lines) + "\n"}

    page = _page(
        text_id,
        source_kind,
        source,
        title,
        description,
        credit,
        digest,
        extra.get("audio", ""),
        afterword=(root / "docs" / AFTERWORD).is_file(),
    )
    # Build the new page in memory first: a source that does not go through its pipeline is
    # refused now, naming the given file, not at the next build naming the copy.
    markdown, offset = split_front_matter(page, f"docs/{text_id}.md")
    render_page(root, checked, source, markdown, str(raw), offset, text_id)
    files[f"docs/{text_id}.md"] = page
    if text_kind == "transcript":
        files[f"data/speakers/{text_id}.yml"] = (
            f"# The voices of 《{title}》: rename, add and describe them as the reading text is edited\n"
            "# (name as the speakers call one another; asr_forms: how the recognizer heard the name).\n"
            "speaker-1:\n  name: 说话人甲\n  role: 待编者辨认\n  mark: ◆\n  asr_forms: []\n"
        )
    mkdocs = (root / "mkdocs.yml").read_text(encoding="utf-8")
    anchor = NAV_ANCHOR.search(mkdocs)
    assert anchor is not None  # checked above (ADD005)
    # After the last text of the navigation (the texts stand together, before the edition's own
    # pages such as an afterword and the glossary), else before the glossary.
    pages = "|".join(re.escape(entry.page) for entry in load_registry(root).texts.values())
    last_text = list(re.finditer(rf"^(\s*)- [^\n]*:\s*(?:{pages})\s*\n", mkdocs, re.M)) if pages else []
    at = last_text[-1].end() if last_text else anchor.start()
    nav_line = f"{anchor.group(1)}- {_yaml_string(label)}: {text_id}.md\n"
    files["mkdocs.yml"] = mkdocs[:at] + nav_line + mkdocs[at:]
    return NewText(source_kind, encoding, source, {raw_path: "", **files})


def write(root: Path, raw: Path, new: NewText) -> list[str]:
    """Write the planned files; if any write fails, put back what was there before."""
    before: dict[str, bytes | None] = {}
    try:
        for path, content in new.files.items():
            target = root / path
            before[path] = target.read_bytes() if target.exists() else None
            if path.startswith("docs/sources/"):
                target.write_bytes(raw.read_bytes())  # byte for byte
            else:
                target.write_text(content, encoding="utf-8")
    except BaseException:
        for path, old in before.items():
            if old is None:
                (root / path).unlink(missing_ok=True)
            else:
                (root / path).write_bytes(old)
        raise
    return list(new.files)


def add_text(root: Path, raw: Path, text_id: str, kind: str = "", title: str = "", **extra: str) -> list[str]:
    """Add the text; returns the files written or changed. Raises EditionError, writing nothing."""
    return write(root, raw, plan(root, raw, text_id, kind, title, **extra))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("raw", type=Path, help="the raw source file")
    parser.add_argument("--id", required=True, dest="text_id", help="lowercase letters, digits and hyphens")
    parser.add_argument("--title", default="", help="the text's title (default: the source's own)")
    parser.add_argument("--format", default="", dest="source_format", help="read as: " + ", ".join(SOURCE_KINDS))
    parser.add_argument("--kind", default="", help="transcript or article (default: what the format makes)")
    for name in ("label", "description", "credit", "authors", "audio"):
        parser.add_argument(f"--{name}", default="")
    arguments = parser.parse_args(argv)
    extra = {
        name: getattr(arguments, name)
        for name in ("label", "description", "credit", "authors", "audio", "source_format")
    }
    try:
        new = plan(ROOT, arguments.raw, arguments.text_id, arguments.kind, arguments.title, **extra)
        written = write(ROOT, arguments.raw, new)
    except EditionError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("add-text: interrupted; nothing was added", file=sys.stderr)
        return 130
    print(f"added {arguments.text_id} ({new.kind.name}, {new.encoding}): " + ", ".join(written))
    if new.source.dropped:
        shown = "；".join(new.source.dropped[:8]) + ("……" if len(new.source.dropped) > 8 else "")
        print(f"dropped {len(new.source.dropped)} lines of page chrome: {shown}")
    print("next: make serve (preview), then edit docs/" + arguments.text_id + ".md; see CONTRIBUTING.md")
    return 0


if __name__ == "__main__":
    run(lambda: main(sys.argv[1:]))
