"""HintPolicy: what a user's history on a problem allows them to see. A pure function."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from .progress import History


@dataclass(frozen=True)
class Gate:
    hints_visible: int  # how many hints may be shown (those already revealed)
    next_hint_available: bool
    next_hint_reason: Optional[str]  # why the next hint is locked, when it is
    solution_available: bool
    solution_reason: Optional[str]  # why the solution is locked, when it is


@dataclass(frozen=True)
class HintPolicy:
    """Hints unlock after the first attempt, one per request; the solution once solved or
    after `solution_after_failed` counted failed attempts (History.failed)."""

    solution_after_failed: int = 3

    def gate(self, history: History, total_hints: int) -> Gate:
        revealed = min(history.hints_revealed, total_hints)
        if revealed >= total_hints:
            next_ok, next_reason = (
                False,
                ("All hints are shown." if total_hints else "This problem has no hints."),
            )
        elif history.attempts == 0:
            next_ok, next_reason = False, "Hints unlock after your first Check."
        else:
            next_ok, next_reason = True, None
        if history.solved:
            sol_ok, sol_reason = True, None
        elif history.failed >= self.solution_after_failed:
            sol_ok, sol_reason = True, None
        else:
            left = self.solution_after_failed - history.failed
            sol_ok = False
            sol_reason = (
                f"The solution unlocks when you solve the problem or after {left} more "
                f"failed Check{'s' if left != 1 else ''} of your own code (the untouched "
                "starter or code that does not run does not count)."
            )
        return Gate(revealed, next_ok, next_reason, sol_ok, sol_reason)
