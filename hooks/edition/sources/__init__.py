"""Stage 1: the raw sources, pinned by hash, and the texts built from them, proved faithful."""
