"""Stopping the work of a call the client cancelled.

A call's work runs on a worker thread (the event loop stays free for pings and cancellations), and a
Python thread cannot be killed: a cancelled explain of a 2 MiB paste ran on for seconds, a core's worth
of CPU spent on an answer nobody reads. CPython can raise an exception in another thread, delivered at
its next bytecode (``PyThreadState_SetAsyncExc``): a use the client abandons gets ``WorkStopped`` raised
in its thread while its work runs, and never outside it (a guard lock orders the two threads), so the
locks and files the work opens are released by its own ``with`` and ``finally`` blocks. Elsewhere (no
``ctypes.pythonapi``: PyPy) the work runs to its end, as it did.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")


def _raise_in(thread: int, exc: type[BaseException] | None) -> None:
    """``exc`` raised in ``thread`` at its next bytecode (None: a pending one withdrawn); ctypes is imported
    here, by the first cancellation: 4 ms off the server's start, before ``initialize`` is answered."""
    import ctypes

    set_async_exc: Any = getattr(getattr(ctypes, "pythonapi", None), "PyThreadState_SetAsyncExc", None)
    if set_async_exc is not None:
        set_async_exc(ctypes.c_ulong(thread), ctypes.py_object(exc) if exc is not None else None)


class WorkStopped(BaseException):
    """Raised in the thread of a use the client abandoned. A BaseException: the ``except Exception``
    of the code it interrupts (a lenient parser's) must not take it for that code's own failure."""


class Use:
    """One call's use of the catalog: abandoned once the client cancels the call, which stops its work."""

    def __init__(self) -> None:
        self.abandoned = False
        self.started = False  # its work began: what a stop leaves half-built is not to be kept
        self._guard = threading.Lock()
        self._thread: int | None = None  # the thread running the work, while it runs

    def abandon(self) -> None:
        """The client no longer waits: stop the work where it is, or before it starts."""
        with self._guard:
            self.abandoned = True
            if self._thread is not None:
                _raise_in(self._thread, WorkStopped)

    def run(self, work: Callable[[], T]) -> T:
        """``work()``, unless or until the use is abandoned (then WorkStopped)."""
        with self._guard:
            if self.abandoned:
                raise WorkStopped
            self._thread = threading.get_ident()
            self.started = True
        try:
            return work()
        finally:
            with self._guard:
                self._thread = None
                if self.abandoned:  # sent, not yet delivered: never outside the work
                    _raise_in(threading.get_ident(), None)
