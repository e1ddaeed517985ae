"""Where lunarquiz keeps its files: the data folder (store, user banks) and the cache folder."""

from __future__ import annotations

import os
from pathlib import Path

DATA_DIR_VARIABLE = "LUNARQUIZ_DATA_DIR"
"""The environment variable that moves the data folder."""
CACHE_DIR_VARIABLE = "LUNARQUIZ_CACHE_DIR"
"""The environment variable that moves the cache folder."""


def data_dir(override: str | None = None) -> Path:
    """``override`` when given, else ``$LUNARQUIZ_DATA_DIR``, else the platform's user data folder.

    Nothing is created here.
    """
    chosen = override or os.environ.get(DATA_DIR_VARIABLE, "").strip()
    if chosen:
        return Path(chosen).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("lunarquiz"))


def user_banks_dir(override: str | None = None) -> Path:
    """The folder where a user's own banks are found: ``banks/`` in the data folder."""
    return data_dir(override) / "banks"


def cache_dir() -> Path:
    """``$LUNARQUIZ_CACHE_DIR``, else the platform's user cache folder."""
    chosen = os.environ.get(CACHE_DIR_VARIABLE, "").strip()
    if chosen:
        return Path(chosen).expanduser()
    import platformdirs

    return Path(platformdirs.user_cache_dir("lunarquiz"))
