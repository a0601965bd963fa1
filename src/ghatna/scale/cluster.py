"""Connecting to Dask: an existing scheduler, or a local cluster of worker processes."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

INSTALL_HINT = "pip install 'ghatna[scale]'"


class ScaleUnavailable(RuntimeError):
    """An optional dependency of the scale-out (Dask, DuckDB, pyarrow) is not installed."""


class ClusterUnreachable(RuntimeError):
    """No Dask scheduler answered at the given address."""


def require_distributed() -> Any:
    try:
        import distributed
    except ImportError as exc:
        raise ScaleUnavailable(f"the Dask engine needs dask[distributed], which is not installed: {INSTALL_HINT}") \
            from exc
    return distributed


@contextmanager
def connect(scheduler: str | None = None, workers: int | None = None, client: Any = None) -> Iterator[Any]:
    """A ``distributed.Client``: the one given, one connected to ``scheduler`` (tcp://HOST:PORT),
    or one over a new local cluster of ``workers`` single-threaded processes (default: one per
    core). What is created here is closed on exit."""
    if client is not None:
        yield client
        return
    distributed = require_distributed()
    if scheduler is not None and workers is not None:
        raise ValueError("give either a scheduler address or a number of local workers, not both")
    if scheduler is not None:
        try:
            c = distributed.Client(scheduler)
        except OSError as exc:  # timeouts too
            raise ClusterUnreachable(f"no Dask scheduler answered at {scheduler}: {exc}") from exc
        with c:
            yield c
        return
    n = workers or os.cpu_count() or 1
    with distributed.LocalCluster(n_workers=n, threads_per_worker=1, processes=True, dashboard_address=":0") \
            as cluster, distributed.Client(cluster) as c:
        yield c


def register(client: Any, plugin: Any) -> None:
    """Register a worker plugin (on the workers there now and on those that join later)."""
    if hasattr(client, "register_plugin"):
        client.register_plugin(plugin, name=plugin.name)
    else:  # distributed < 2023.9
        client.register_worker_plugin(plugin, name=plugin.name)
