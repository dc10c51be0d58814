"""Stage 2: a transcript's edited reading text: speakers, corrections, clean verbatim, anchors."""
