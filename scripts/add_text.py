"""Add a text to the edition with one command.

    .venv/bin/python scripts/add_text.py RAW_FILE --id ID --kind transcript|article --title TITLE
        [--label LABEL] [--description TEXT] [--credit TEXT] [--authors TEXT]
    make add-text RAW=… ID=… KIND=… TITLE="…"

It copies the raw file into docs/sources/ byte for byte, pins its SHA-256 in data/texts.yml, writes
the text's page (docs/ID.md: a transcript shows its first draft by rule until it is edited, an
article its cleaned text), creates a transcript's own cast (data/speakers/ID.yml) and adds the page
to the navigation (mkdocs.yml). Right after it, `make check`, `make site` and `make test` pass, and
the text is in every edition, in search, in the glossary's back-links and in the PDFs.

Refused with `path:line: CODE message`, nothing written: ADD001 an id that is not lowercase letters,
digits and hyphens; ADD002 an id (or its page or raw file) that exists; ADD003 a raw file that is
not UTF-8 text; ADD004 an unknown kind; ADD005 a navigation without the glossary to insert before.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import shutil
import sys
from pathlib import Path

from edition.errors import EditionError, Problem
from edition.sources.texts import KINDS, REGISTRY, load_registry

ROOT = Path(__file__).resolve().parent.parent
NAV_ANCHOR = re.compile(r"^(\s*)- [^:\n]+: glossary\.md\s*$", re.M)
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
KIND_NAMES = {"transcript": "语音识别文字稿", "article": "文章"}
LABEL_PREFIXES = {"transcript": "文字稿", "article": "文章"}


def _problems(root: Path, raw: Path, text_id: str, kind: str) -> list[Problem]:
    problems = []
    if not _ID.match(text_id):
        problems.append(Problem(REGISTRY, 1, "ADD001", f"id {text_id!r}: use lowercase letters, digits and hyphens"))
    registry = load_registry(root)
    taken = [path for path in (f"docs/{text_id}.md", f"docs/sources/{text_id}-raw.txt") if (root / path).exists()]
    if text_id in registry.texts or taken:
        where = ", ".join(taken) or "data/texts.yml"
        problems.append(Problem(REGISTRY, 1, "ADD002", f"id {text_id!r} exists ({where}): choose another id"))
    if kind not in KINDS:
        problems.append(Problem(REGISTRY, 1, "ADD004", f"unknown kind {kind!r}: use {' or '.join(KINDS)}"))
    try:
        data = raw.read_bytes()
        text = data.decode("utf-8")
        if "\x00" in text or not text.strip():
            raise UnicodeDecodeError("utf-8", data, 0, 1, "not text")
    except FileNotFoundError:
        problems.append(Problem(str(raw), 1, "ADD003", "no such file"))
    except UnicodeDecodeError:
        problems.append(Problem(str(raw), 1, "ADD003", "not UTF-8 text: convert it (iconv -t UTF-8) first"))
    mkdocs = (root / "mkdocs.yml").read_text(encoding="utf-8")
    if not NAV_ANCHOR.search(mkdocs):
        problems.append(Problem("mkdocs.yml", 1, "ADD005", "no `- …: glossary.md` entry in nav to add the text before"))
    return problems


def _yaml_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def add_text(root: Path, raw: Path, text_id: str, kind: str, title: str, **extra: str) -> list[str]:
    """Add the text; returns the files written or changed. Raises EditionError, writing nothing."""
    problems = _problems(root, raw, text_id, kind)
    if problems:
        raise EditionError(problems)
    label = extra.get("label") or f"{LABEL_PREFIXES[kind]}：{title}"
    description = extra.get("description") or f"{KIND_NAMES[kind]}《{title}》。"
    credit = extra.get("credit") or f"《{title}》的版权归其作者所有；本站为评论与研究转载。"
    written: list[str] = []

    source = f"docs/sources/{text_id}-raw.txt"
    shutil.copyfile(raw, root / source)  # byte for byte
    written.append(source)
    digest = hashlib.sha256((root / source).read_bytes()).hexdigest()

    entry = [
        f"{text_id}:",
        f"  title: {_yaml_string(title)}",
        f"  label: {_yaml_string(label)}",
        f"  description: {_yaml_string(description)}",
        f"  kind: {kind}",
    ]
    if kind == "transcript":
        entry.append("  draft: true")
    entry += [f"  raw: {source}", f"  sha256: {digest}", f"  page: {text_id}.md"]
    if kind == "transcript":
        speakers = f"data/speakers/{text_id}.yml"
        entry.append(f"  speakers: {speakers}")
        (root / speakers).write_text(
            f"# The voices of 《{title}》: rename, add and describe them as the reading text is edited\n"
            "# (name as the speakers call one another; asr_forms: how the recognizer heard the name).\n"
            "speaker-1:\n  name: 说话人甲\n  role: 待编者辨认\n  mark: ◆\n  asr_forms: []\n",
            encoding="utf-8",
        )
        written.append(speakers)
    entry.append(f"  credit: {_yaml_string(credit)}")
    if extra.get("authors"):
        entry.append(f"  authors: {_yaml_string(extra['authors'])}")
    registry = (root / REGISTRY).read_text(encoding="utf-8").rstrip("\n")
    (root / REGISTRY).write_text(registry + "\n" + "\n".join(entry) + "\n", encoding="utf-8")
    written.append(REGISTRY)

    draft_note = (
        "下面是据语音识别稿按规则生成的初稿（标点与分段为临时），编者尚未整理说话人和识别错误。"
        if kind == "transcript"
        else "下面是据抓取原件整理的正文：去掉了页面杂项，统一了标点与中西文间距。"
    )
    page = (
        f"---\ntitle: {_yaml_string(title)}\ndescription: {_yaml_string(description)}\n---\n\n"
        f"# {title}\n\n{draft_note}\n\n<!-- edition:text -->\n\n## 来源与版权 {{ #credits }}\n\n"
        f"- **原始文件**：[下载原件（UTF-8 文本）](sources/{text_id}-raw.txt){{ download }}，"
        f"SHA-256 `{digest[:12]}…{digest[-7:]}`。\n- **版权**：{credit}编辑说明以 CC BY 4.0 授权，"
        "见[版权与授权](licence.md)。\n"
    )
    (root / f"docs/{text_id}.md").write_text(page, encoding="utf-8")
    written.append(f"docs/{text_id}.md")

    mkdocs = (root / "mkdocs.yml").read_text(encoding="utf-8")
    anchor = NAV_ANCHOR.search(mkdocs)
    assert anchor is not None  # checked above (ADD005)
    line = f"{anchor.group(1)}- {_yaml_string(label)}: {text_id}.md\n"
    (root / "mkdocs.yml").write_text(mkdocs[: anchor.start()] + line + mkdocs[anchor.start() :], encoding="utf-8")
    written.append("mkdocs.yml")
    return written


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("raw", type=Path, help="the raw file (UTF-8 text)")
    parser.add_argument("--id", required=True, dest="text_id", help="lowercase letters, digits and hyphens")
    parser.add_argument("--kind", required=True, help="transcript or article")
    parser.add_argument("--title", required=True)
    for name in ("label", "description", "credit", "authors"):
        parser.add_argument(f"--{name}", default="")
    arguments = parser.parse_args(argv)
    extra = {name: getattr(arguments, name) for name in ("label", "description", "credit", "authors")}
    try:
        written = add_text(ROOT, arguments.raw, arguments.text_id, arguments.kind, arguments.title, **extra)
    except EditionError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        return 1
    print("added " + arguments.text_id + ": " + ", ".join(written))
    print("next: make serve (preview), then edit docs/" + arguments.text_id + ".md; see CONTRIBUTING.md")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
