"""Stage 5: one printable document per edition."""
