"""Where the store's file lives: ``lunarquiz.db`` in the data folder."""

from __future__ import annotations

from pathlib import Path

from lunarquiz.paths import DATA_DIR_VARIABLE, data_dir

__all__ = ["DATABASE_NAME", "DATA_DIR_VARIABLE", "data_dir", "database_path"]

DATABASE_NAME = "lunarquiz.db"


def database_path(override: str | None = None) -> Path:
    """The store's file in the data folder (``override``, ``$LUNARQUIZ_DATA_DIR`` or the platform's)."""
    return data_dir(override) / DATABASE_NAME
