"""Beyond one machine: the same chunks of articles run on a Dask cluster (`dask.distributed`), each worker loading the model once."""
from __future__ import annotations

import logging
from typing import Iterator, Sequence

from core import messages
from core.messages import UserFacingError
from core.model import Article
from core.parallel.ordered import CHUNK, run_ordered
from core.parallel.work import WorkerInfo, analyse_chunk, warm
from core.pipeline import Progress

log = logging.getLogger(__name__)

LOCAL = "local"


class ClusterRunner:
    """A Dask client: on the scheduler at `scheduler` ("tcp://host:8786"), or on a `LocalCluster` of
    `workers` single-threaded processes when `scheduler` is None or "local".

    Every worker needs Standpoint and its language model installed (the same version as here): a
    chunk is a call of `core.parallel.work.analyse_chunk`, and `core.nlp.load_pipeline` keeps the
    model for the worker process's life. Results come back in the articles' order, so the tables
    are those of a one-process run.
    """

    def __init__(self, scheduler: str | None = None, workers: int = 2, chunk: int = CHUNK):
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise UserFacingError(messages.CLUSTER_NOT_INSTALLED.format()) from None
        self.chunk = chunk
        self._cluster = None
        # the scheduler's and workers' INFO lines (start, stop, each connection) are not the user's business
        logging.getLogger("distributed").setLevel(logging.WARNING)
        try:
            if scheduler in (None, "", LOCAL):
                self._cluster = LocalCluster(n_workers=max(1, workers), threads_per_worker=1, processes=True,
                                             dashboard_address=":0")  # any free port: 8787 may be taken
                self.client = Client(self._cluster)
            else:
                self.client = Client(scheduler, timeout=30)
        except OSError as exc:  # no scheduler at that address, or it refused us
            self.close()
            raise UserFacingError(messages.CLUSTER_UNREACHABLE.format(address=scheduler, reason=exc)) from None

    @property
    def workers(self) -> int:
        return max(1, len(self.client.scheduler_info().get("workers", {})))

    def start(self) -> list[WorkerInfo]:
        """Load the model on every worker now (not inside the first chunk); what each worker loaded."""
        return list(self.client.run(warm).values())

    def analyse(self, articles: Sequence[Article]) -> Iterator[Progress]:
        articles = list(articles)
        total = len(articles)
        yield Progress(0, total, f"Analysing {total} article{'s' * (total != 1)} on {self.workers} Dask workers\u2026")

        def submit(chunk: list[Article]):
            # pure=False: two chunks with equal text must still run (and a re-run must not reuse a result)
            return self.client.submit(analyse_chunk, chunk, pure=False)

        yield from run_ordered(articles, submit, self.workers, chunk=self.chunk)

    def close(self) -> None:
        client = getattr(self, "client", None)
        if client is not None:
            client.close()
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None

    def __enter__(self) -> "ClusterRunner":
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()
