"""Run lunarquiz with ``python -m lunarquiz``."""

from lunarquiz.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
