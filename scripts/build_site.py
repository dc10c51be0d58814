"""Build the whole site into site/, or leave the previous site/ as it was.

MkDocs writes into a temporary directory first; only a build that succeeds (strict: a warning is
an error) replaces site/. A contributor whose change breaks the build keeps a working preview.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def build(target: Path) -> int:
    """Build into ``target`` atomically; return the process exit code."""
    staging = target.with_name(target.name + ".tmp")
    shutil.rmtree(staging, ignore_errors=True)
    mkdocs = Path(sys.executable).with_name("mkdocs")
    result = subprocess.run(
        [str(mkdocs), "build", "--strict", "--quiet", "--site-dir", str(staging)],
        cwd=ROOT,
        check=False,
    )
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
    print(f"built {target.relative_to(ROOT) if target.is_relative_to(ROOT) else target}/")
    return 0


if __name__ == "__main__":
    sys.exit(build(ROOT / "site"))
