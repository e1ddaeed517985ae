"""The subcommands of ``lunarquiz``; only those that draw a screen import Textual."""
