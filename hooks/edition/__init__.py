"""The edition's pipeline: plain, typed functions that import no site engine.

``edition.adapters.extension`` runs the page transforms as a Python-Markdown extension, in whichever engine
reads ``mkdocs.yml``; ``edition.adapters.post_build`` does what needs the built site. The functions run as
well from a script or in a unit test on plain strings.
"""
