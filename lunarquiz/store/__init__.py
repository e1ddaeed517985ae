"""The SQLite store: every answer as it is given, history, statistics, leaderboards and review schedules."""
