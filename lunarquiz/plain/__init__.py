"""The plain line-by-line interface, for screen readers, braille displays and pipes."""
