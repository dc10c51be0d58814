"""Stage 4: the Traditional editions, their regional words, and search in either script."""
