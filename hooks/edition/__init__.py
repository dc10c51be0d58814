"""The edition's pipeline: plain, typed functions that import nothing from MkDocs.

Build hooks (``hooks/mkdocs_edition.py``) only adapt these functions to MkDocs events, so the
pipeline can run under another engine, from a script, or in a unit test on plain strings.
"""
