"""CPU time for tests that guard a growth (linear, not quadratic), not a speed: speed targets live in
scripts/bench*.py. A bound in seconds fails on a loaded machine and passes a regression on a fast one; the
ratio of two sizes measured in the same test holds on both. CPU seconds of this process, not wall time, so
that other processes on a shared machine count little."""

from __future__ import annotations

import time
from collections.abc import Callable

SMALL_RUNS = 2  # the least of a few runs of the small size: its time is short, and a pause inflates it most
LARGE_TRIES = 3  # the large size again only while over the bound: a busy moment passes, a quadratic path does not


def cpu_seconds(work: Callable[[], object]) -> float:
    started = time.process_time()
    work()
    return time.process_time() - started


def assert_grows_at_most(work: Callable[[int], object], size: int, factor: int, most: float) -> None:
    """``work(factor * size)`` costs less than ``most`` times ``work(size)`` in CPU. On ``factor`` times the
    input a linear path costs ``factor`` times (less with fixed costs), a quadratic one ``factor**2`` times:
    ``most`` between the two, with room both ways."""
    small = min(cpu_seconds(lambda: work(size)) for _ in range(SMALL_RUNS))
    large = float("inf")
    for _ in range(LARGE_TRIES):
        large = min(large, cpu_seconds(lambda: work(factor * size)))
        if large < most * small:
            return
    raise AssertionError(
        f"{large:.3f} s CPU on {factor} x the input against {small:.3f} s: {large / max(small, 1e-9):.1f} x, over {most} x"
    )
