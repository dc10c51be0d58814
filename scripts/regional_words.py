"""List the Mainland words left in each edition's own prose of a built site.

    .venv/bin/python scripts/regional_words.py build/site [--strict]

For every edition but the base: each word of the reviewed list (``data/mainland-words.yml``) still
in the edition's prose, and each word zhconv-rs's word-level conversion (``word_check`` in
``data/editions.yml``) would change there and the edition does not; counted over every page,
outside the speakers' and the author's words, quotations and titles of works
(``edition.editions.mainland``). ``--strict`` exits 1 when a word is left without a reason under
``left:`` or an edition has more than five.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from edition.cli import run
from edition.editions.convert import Converter, load_overrides
from edition.editions.declared import load_editions
from edition.editions.mainland import MOST_LEFT, load_mainland_words, measure, report
from edition.editions.regional import load_regional
from edition.notes.glossary import load_glossary

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("site", type=Path, help="a built site (make site, or build_site.py --site-dir DIR)")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a word is left without a reason")
    arguments = parser.parse_args()
    site = arguments.site
    if not (site / "index.html").is_file():
        # A folder that is not a built site would be measured as a site with no words left.
        print(f"{site}: not a built site (no index.html): build one first", file=sys.stderr)
        return 2
    editions = load_editions(ROOT)
    regional = load_regional(ROOT, load_glossary(ROOT)[0].root)
    overrides = load_overrides(ROOT)[0].root
    data = load_mainland_words(ROOT)
    failed = False
    for edition in editions.others:
        found = measure(
            site, edition, editions, Converter(edition, overrides, regional), data, list(regional.protected_words)
        )
        left = found.words()
        recorded = {entry.word for entry in data.left.get(edition.id, [])}
        for line in report(found, edition, data):
            print(line)
        places = sum(found.by_list.values()) + sum(found.by_zhconv.values())
        print(f"{edition.id}: {len(left)} word(s) left, {places} place(s)")
        failed |= len(left) > MOST_LEFT or not left <= recorded
    return 1 if failed and arguments.strict else 0


if __name__ == "__main__":
    run(main)
