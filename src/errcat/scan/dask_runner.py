"""Running scan tasks on a Dask cluster: connect (or start a LocalCluster), ship the index once,
submit every task, hand back results in task order; Ctrl-C cancels what the cluster still runs.
distributed is imported only here."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from typing import Any

from ..errors import ErrcatError, UsageError
from .prepared import ScanOptions

WAIT_FOR_WORKERS = 30  # seconds a scheduler may take to get its first worker


def _client(dask: Any, stack: contextlib.ExitStack) -> Any:
    """A distributed Client for ``dask``: a Client as given, ``local`` (a LocalCluster of one
    single-threaded worker process per core, closed after the scan), or a scheduler address."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise UsageError("--dask needs dask and distributed: pip install 'errcat[dask]'") from None
    if not isinstance(dask, str):
        return dask
    if dask == "local":
        cluster = stack.enter_context(
            LocalCluster(  # type: ignore[no-untyped-call]  # distributed's constructors are untyped
                n_workers=os.cpu_count() or 1, threads_per_worker=1, dashboard_address=":0", silence_logs=40
            )
        )
        return stack.enter_context(Client(cluster))  # type: ignore[no-untyped-call]
    try:
        client = stack.enter_context(Client(dask, timeout="10s"))  # type: ignore[no-untyped-call]
    except (OSError, TimeoutError, ValueError) as exc:
        raise UsageError(f"--dask {dask}: cannot reach the scheduler ({type(exc).__name__})") from None
    try:
        client.wait_for_workers(1, timeout=WAIT_FOR_WORKERS)
    except TimeoutError:
        raise UsageError(f"--dask {dask}: the scheduler has no workers (waited {WAIT_FOR_WORKERS} s)") from None
    return client


def _result(future: Any, task: tuple[str, Any]) -> tuple[Any, ...]:
    """A task's result; one that failed on every try (its workers died) ends the scan with a
    one-line error naming the input, not a traceback."""
    try:
        result: tuple[Any, ...] = future.result()
    except Exception as exc:  # KilledWorker, a worker's own error: what it was, never its text (may hold a URL's secrets)
        kind, what = task
        name = what[0][0] if kind == "files" else what[0]
        raise ErrcatError(f"--dask: a task reading {name} failed on the cluster ({type(exc).__name__})") from None
    return result


def run_on_cluster(
    dask: Any,
    run: Callable[..., tuple[Any, ...]],
    shipped: tuple[bytes, str, ScanOptions],
    tasks: list[tuple[str, Any]],
    where: dict[str, Any],
    retries: int,  # cluster.RETRIES
) -> Iterator[tuple[Any, ...]]:
    """Each task's result from ``run(blob, digest, options, task)`` on the cluster, in task order
    (a missing file's is empty: nothing to run)."""
    blob, digest, options = shipped
    with contextlib.ExitStack() as stack:
        client = _client(dask, stack)
        sent = client.scatter(blob, broadcast=True, hash=False)
        futures = [
            None if t[0] == "missing" else client.submit(run, sent, digest, options, t, pure=False, retries=retries)
            for t in tasks
        ]
        where.update(
            kind="dask",
            scheduler=client.scheduler.address,
            workers=len(client.nthreads()),
            tasks=sum(f is not None for f in futures),
        )
        try:
            for i, future in enumerate(futures):
                yield () if future is None else _result(future, tasks[i])
                futures[i] = None  # its result is merged: not held here
        finally:  # Ctrl-C, a failed task, or a broken file whose later blocks are not needed
            client.cancel([f for f in futures if f is not None])
