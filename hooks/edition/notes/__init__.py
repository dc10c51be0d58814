"""Stage 3: glossary footnotes, passage annotations, the glossary page and its back-links."""
