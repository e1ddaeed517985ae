"""lunarquiz: a timed multiple-choice quiz game for the terminal."""

__version__ = "0.1.0"
