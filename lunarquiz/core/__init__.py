"""The rules of the game: banks, questions, scoring and rounds (no UI, no files, no clock)."""
