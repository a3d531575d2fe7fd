"""How a function's time grows with its input, as a ratio measured in the same run: no wall-clock threshold that a
slow or loaded machine would fail, only whether sixteen times the input takes about sixteen times as long, far from
the 256 times of work that grows with the square of its input.

Usage::

    assert grows_linearly(lambda n: holds(MONEY, "1" * n), 500)
"""

from __future__ import annotations

import time
from collections.abc import Callable

# Linear work grows 16x with 16x the input, quadratic work 256x; between them, room for a noisy machine.
FACTOR = 16
LINEAR_BOUND = 64.0


def _best(work: Callable[[int], object], size: int, repeat: int = 5) -> float:
    """The fastest of a few runs: the one least disturbed by other processes."""
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        work(size)
        best = min(best, time.perf_counter() - started)
    return best


def growth(work: Callable[[int], object], size: int) -> float:
    """The time of work(FACTOR * size) over the time of work(size)."""
    return _best(work, FACTOR * size) / max(_best(work, size), 1e-6)


def grows_linearly(work: Callable[[int], object], size: int) -> bool:
    """Whether work's time grows about linearly from size to FACTOR * size."""
    return growth(work, size) < LINEAR_BOUND
