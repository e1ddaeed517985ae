"""An app whose unexpected error ends it with a crash log and a failing exit status, not a traceback on screen.

Textual (8.2) ends an app when a handler raises: it sets the return code to 1 and, as the app
closes, prints a traceback with the handler's locals where the game was, and ``App.run``
returns as if all went well. :class:`ErrorKeepingApp` keeps the first such error instead of
printing it, and :meth:`ErrorKeepingApp.run_for_status` turns it into the one line and the log
of :mod:`lunarquiz.crash`. It reaches into ``App._handle_exception`` and the renderables an app
prints when it closes, which is why it lives here alone; tests/test_crash_exit.py checks it.
"""

from __future__ import annotations

from typing import TypeVar

from textual.app import App

ReturnType = TypeVar("ReturnType")


class ErrorKeepingApp(App[ReturnType]):
    """An app that keeps its unexpected error (:attr:`crashed`) for the crash log."""

    crashed: BaseException | None = None
    """The first error that ended the app, if one did."""

    def _handle_exception(self, error: Exception) -> None:
        """End the app as Textual does, but keep the error rather than print its traceback on closing."""
        if self.crashed is None:
            self.crashed = error
        printed = len(self._exit_renderables)
        super()._handle_exception(error)
        del self._exit_renderables[printed:]

    def answers_saved(self) -> bool:
        """Whether the player's answers so far are saved (said after a crash)."""
        return False

    def run_for_status(self) -> int:
        """Run the app; its exit status: 0, or after an unexpected error :data:`lunarquiz.crash.EXIT_STATUS`.

        The error's traceback goes to a crash log, and one line on standard error says where.
        """
        self.run()
        if self.crashed is not None:
            from lunarquiz.crash import report_crash

            return report_crash(self.crashed, what="the game", saved=self.answers_saved())
        return self.return_code or 0
