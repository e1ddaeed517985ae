"""Draft question banks from a plain-text or Markdown article, offline, by rules anyone can read."""
