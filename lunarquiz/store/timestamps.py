"""Times as the store writes them: ISO 8601 in UTC with milliseconds, so text order is time order."""

from __future__ import annotations

from datetime import UTC, date, datetime

from lunarquiz.core.review import as_utc


def utc_now() -> datetime:
    """The current time in UTC (the store's only clock; every write also takes an explicit time)."""
    return datetime.now(UTC)


def to_text(moment: datetime) -> str:
    """``moment`` as stored, e.g. ``2026-11-25T20:15:00.000+00:00`` (a naive time is taken as UTC)."""
    return as_utc(moment).isoformat(timespec="milliseconds")


def from_text(text: str) -> datetime:
    """A stored time back as an aware UTC datetime."""
    return as_utc(datetime.fromisoformat(text))


def parse_since(text: str) -> datetime:
    """A ``--since`` value: a date (midnight UTC) or an ISO 8601 date and time; ValueError otherwise."""
    text = text.strip()
    try:
        day = date.fromisoformat(text)
    except ValueError:
        return as_utc(datetime.fromisoformat(text))
    return datetime(day.year, day.month, day.day, tzinfo=UTC)
