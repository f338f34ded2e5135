"""The decision's time limit as one budget: a moment every phase of the decision stops by."""

from __future__ import annotations

import time
from dataclasses import dataclass


@dataclass(frozen=True)
class Budget:
    """Seconds on ``time.perf_counter``'s clock (wall time, as the solver's own limit counts)."""

    started: float
    ends: float

    @classmethod
    def of(cls, seconds: float) -> Budget:
        now = time.perf_counter()
        return cls(now, now + seconds)

    def less(self, seconds: float) -> Budget:
        """The same budget ending ``seconds`` earlier: time kept for what follows its steps."""
        return Budget(self.started, self.ends - seconds)

    def later(self, seconds: float) -> Budget:
        """The same budget started ``seconds`` later: time spent on what it does not count."""
        return Budget(self.started + seconds, self.ends + seconds)

    def left(self) -> float:
        return max(0.0, self.ends - time.perf_counter())

    def share(self, fraction: float) -> float:
        """That fraction of the time left, in seconds."""
        return self.left() * fraction

    def spent(self) -> float:
        return time.perf_counter() - self.started

    @property
    def over(self) -> bool:
        return time.perf_counter() >= self.ends
