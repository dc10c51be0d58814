"""The site engines the edition builds with, and the little that differs between them.

Every engine reads ``mkdocs.yml`` and runs the pipeline as a Markdown extension
(``edition.adapters.extension``); what differs is the command, where the engine writes its search index and
in what shape, and where its theme keeps the interface strings the editions convert. Nothing else
in the pipeline names an engine.

- ``mkdocs``: MkDocs 1.6.1 with Material for MkDocs 9.x (maintenance ends 2027-05-05).
- ``properdocs``: ProperDocs, the maintained fork of MkDocs 1.6, with the same Material.
- ``zensical``: Zensical, Material's successor; it writes only inside the project folder, and its
  cache does not know the pipeline's data files, so every build is a clean one.
"""

from __future__ import annotations

import contextlib
import importlib
import importlib.util
import logging
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from edition.adapters.extension import use_build
from edition.edition_build import EditionBuild

ENGINE_NAMES = ("mkdocs", "properdocs", "zensical")


@dataclass(frozen=True)
class Engine:
    name: str
    theme_package: str  # the package whose templates hold partials/languages/
    search_index: str  # the index's path in the built site
    search_entries: str  # the index's list of entries: "docs" (Material) or "items" (Zensical)

    @property
    def command(self) -> Path:
        return Path(sys.executable).with_name(self.name)

    @property
    def languages(self) -> Path:
        """The theme's interface strings, one file per language (``zh.html``, ``zh-Hant.html``)."""
        spec = importlib.util.find_spec(self.theme_package)
        assert spec is not None and spec.origin is not None, f"{self.theme_package} is not installed"
        return Path(spec.origin).parent / "templates" / "partials" / "languages"

    def build_command(self, site: Path) -> list[str]:
        if self.name == "zensical":
            return [str(self.command), "build", "--clean", "--strict"]
        # Not --quiet: it raises MkDocs' log level above warnings, which --strict then never counts.
        # The configuration named: ProperDocs asks for properdocs.yml otherwise.
        return [str(self.command), "build", "--strict", "-f", "mkdocs.yml", "--site-dir", str(site)]

    def build(self, root: Path, site: Path, edition_build: EditionBuild | None = None) -> int:
        """Build the site into ``site``; the engine's exit code. MkDocs runs in this process, with
        the build already made (``edition_build``); ProperDocs (which makes Material's plugins its
        own only when started as its command) and Zensical run as commands."""
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
        if self.name == "mkdocs" and edition_build is not None:
            return self._build_here(root, site, edition_build)
        if self.name != "zensical":
            done = subprocess.run(
                self.build_command(site), cwd=root, env=env, capture_output=True, text=True, check=False
            )
            sys.stdout.write(done.stdout)
            # What the engine says at INFO level is progress; warnings and errors are the problems.
            sys.stderr.write(
                "".join(line for line in done.stderr.splitlines(keepends=True) if not line.startswith("INFO"))
            )
            return done.returncode
        inside = root / "build" / f"zensical-site-{os.getpid()}"  # Zensical writes only inside the project
        shutil.rmtree(inside, ignore_errors=True)
        env["SITE_DIR"] = str(inside)
        try:
            code = subprocess.run(self.build_command(site), cwd=root, env=env, check=False).returncode
            if code == 0:
                shutil.rmtree(site, ignore_errors=True)
                site.parent.mkdir(parents=True, exist_ok=True)
                shutil.move(str(inside), str(site))
            return code
        finally:
            shutil.rmtree(inside, ignore_errors=True)  # a failed build leaves nothing behind

    def _build_here(self, root: Path, site: Path, edition_build: EditionBuild) -> int:
        """``<engine> build --strict --site-dir site`` in this process (MkDocs' own API)."""
        os.environ["NO_MKDOCS_2_WARNING"] = "1"
        config_module = importlib.import_module(f"{self.name}.config")
        build_module = importlib.import_module(f"{self.name}.commands.build")
        use_build(root, edition_build)
        # MkDocs' command sets up its log output; here its warnings (a broken link, a page missing
        # from the navigation) would only be counted, and the strict abort would not say which.
        shown = logging.StreamHandler(sys.stderr)
        shown.setLevel(logging.WARNING)
        shown.setFormatter(logging.Formatter("%(levelname)s - %(message)s"))
        logging.getLogger(self.name).addHandler(shown)
        with contextlib.chdir(root):  # the extension's root and the config's relative paths
            try:
                config = config_module.load_config(
                    config_file=str(root / "mkdocs.yml"), site_dir=str(site), strict=True
                )
                build_module.build(config)
            except Exception as error:  # the engine's own errors (strict warnings, a bad config)
                print(f"{self.name}: {error}", file=sys.stderr)
                return 1
        return 0


ENGINES = {
    "mkdocs": Engine("mkdocs", "material", "search/search_index.json", "docs"),
    "properdocs": Engine("properdocs", "material", "search/search_index.json", "docs"),
    "zensical": Engine("zensical", "zensical", "search.json", "items"),
}


def engine(name: str | None = None) -> Engine:
    """The engine named (or in ``$ENGINE``; MkDocs by default)."""
    name = name or os.environ.get("ENGINE") or "mkdocs"
    if name not in ENGINES:
        raise SystemExit(f"ENGINE={name}: not an engine the edition builds with ({', '.join(ENGINE_NAMES)})")
    return ENGINES[name]
