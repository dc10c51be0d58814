"""Build the whole site into site/, or leave the previous site/ as it was.

MkDocs writes the three HTML editions into a temporary directory first (strict: a warning is an
error), then WeasyPrint renders one PDF per edition into it; only when everything succeeded does
the temporary directory replace site/. A contributor whose change breaks the build keeps a
working preview.

    .venv/bin/python scripts/build_site.py [--no-pdf]
"""

from __future__ import annotations

import argparse
import logging
import shutil
import signal
import subprocess
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from edition.convert import EDITIONS, Converter, Edition
from edition.glossary import load_glossary
from edition.pdf import STYLESHEET, Labels, compose, parts_for
from edition.regional import load_regional
from edition.texts import load_registry

ROOT = Path(__file__).resolve().parent.parent
PDF_NAME = "sora-reader.pdf"
LABELS = Labels(
    site="Sora 注释读本",
    subtitle="关于 Sora 的中文文本注释读本：{texts}，附术语表",
    contents="目录",
    edition="",
    licence="原文版权归原作者所有，为评论与研究转载；编辑内容以 CC BY 4.0 授权。",
    authors="{authors}；编者",
    keywords="Sora, OpenAI, 注释读本, 术语表",
)


def render_pdf(site: Path, edition: Edition) -> Path:
    """One edition's PDF, written beside its pages."""
    from weasyprint import CSS, HTML  # imported here: only the PDF step needs it

    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    convert = Converter(edition, [], load_regional(ROOT, load_glossary(ROOT)[0].root)).prose
    texts = list(load_registry(ROOT).texts.values())
    labels = Labels(
        site=convert(LABELS.site),
        subtitle=convert(LABELS.subtitle.format(texts="、".join(f"《{e.title}》" for e in texts))),
        contents=convert(LABELS.contents),
        edition=edition.name,
        licence=convert(LABELS.licence),
        authors=convert(LABELS.authors.format(authors="；".join(e.authors for e in texts if e.authors))),
        keywords=convert(LABELS.keywords),
    )
    root = site / edition.prefix
    document = compose(root, edition, labels, parts_for([entry.url for entry in texts]))
    target = root / PDF_NAME
    HTML(string=document, base_url=str(root)).write_pdf(target, stylesheets=[CSS(filename=str(STYLESHEET))])
    return target


def _stop_on_sigterm() -> None:
    """A build stopped from outside (SIGTERM, as a CI runner or `kill` sends) unwinds like Ctrl-C:
    the MkDocs child is killed by ``subprocess.run`` and the half-built folder is removed."""

    def stop(signum: int, frame: object) -> None:
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, stop)


def build(target: Path, pdf: bool = True) -> int:
    """Build into ``target`` atomically; return the process exit code."""
    staging = target.with_name(target.name + ".tmp")
    shutil.rmtree(staging, ignore_errors=True)
    try:
        return _build(target, staging, pdf)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)  # an interrupted build leaves no half-built folder
        raise


def _build(target: Path, staging: Path, pdf: bool) -> int:
    mkdocs = Path(sys.executable).with_name("mkdocs")
    result = subprocess.run(
        [str(mkdocs), "build", "--strict", "--quiet", "--site-dir", str(staging)], cwd=ROOT, check=False
    )
    if result.returncode == 0 and pdf:
        try:
            with ProcessPoolExecutor(max_workers=2) as pool:
                for done in [pool.submit(render_pdf, staging, edition) for edition in EDITIONS]:
                    print(f"wrote {done.result().relative_to(staging)}")
        except Exception as error:
            print(f"PDF build failed: {error}", file=sys.stderr)
            result = subprocess.CompletedProcess(result.args, 1)
    if result.returncode != 0:
        shutil.rmtree(staging, ignore_errors=True)
        print(f"build failed; {target.name}/ is unchanged", file=sys.stderr)
        return result.returncode
    retired = target.with_name(target.name + ".old")
    shutil.rmtree(retired, ignore_errors=True)
    if target.exists():
        target.rename(retired)
    staging.rename(target)
    shutil.rmtree(retired, ignore_errors=True)
    print(f"built {target}")
    return 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--no-pdf", action="store_true", help="HTML editions only")
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site", help="where to build (default: site/)")
    arguments = parser.parse_args()
    _stop_on_sigterm()
    sys.exit(build(arguments.site_dir.resolve(), pdf=not arguments.no_pdf))
