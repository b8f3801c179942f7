"""Chunks handed to an executor come back in the articles' order; a failed chunk is reported, the rest run."""
from concurrent.futures import Future

import pytest

from core.parallel.ordered import chunk_bounds, run_ordered
from core.parallel.work import Outcome
from tests.core.conftest import make_result


@pytest.mark.parametrize("total, workers, chunk, expected", [
    (0, 2, 4, []),
    (1, 2, 4, [(0, 1)]),
    (3, 2, 4, [(0, 1), (1, 2), (2, 3)]),
    (11, 2, 4, [(0, 1), (1, 2), (2, 6), (6, 10), (10, 11)]),
    (5, 1, 2, [(0, 1), (1, 3), (3, 5)]),
])
def test_chunk_bounds(total, workers, chunk, expected):
    assert chunk_bounds(total, workers, chunk) == expected


class Executor:
    """Runs chunks when asked, in any order; can fail the n-th submission."""

    def __init__(self, fail_at=None):
        self.submitted, self.fail_at, self.cancelled = [], fail_at, 0

    def submit(self, chunk):
        future = Future()
        future.cancel = lambda: setattr(self, "cancelled", self.cancelled + 1) or True
        if len(self.submitted) == self.fail_at:
            future.set_exception(RuntimeError("worker died"))
        else:
            future.set_result([Outcome(make_result(a.id, title=a.title)) for a in chunk])
        self.submitted.append([a.id for a in chunk])
        return future


def articles(n):
    return [make_result(f"a{i}", title=f"T{i}").article for i in range(n)]


def test_results_in_order_with_counts():
    steps = list(run_ordered(articles(7), Executor().submit, workers=2, chunk=3))
    assert [s.result.article.id for s in steps] == [f"a{i}" for i in range(7)]
    assert [(s.done, s.total) for s in steps] == [(i, 7) for i in range(1, 8)]


def test_a_failed_chunk_becomes_errors_and_the_chunks_in_flight_run_again():
    executor, failures = Executor(fail_at=0), []
    steps = list(run_ordered(articles(5), executor.submit, workers=1, chunk=2, on_failure=failures.append))
    assert [s.error is not None for s in steps] == [True, False, False, False, False]
    assert "E301" in steps[0].error and "T0" in steps[0].error
    assert len(failures) == 1 and executor.submitted[:3] == [["a0"], ["a1", "a2"], ["a1", "a2"]]
    assert [s.result.article.id for s in steps[1:]] == ["a1", "a2", "a3", "a4"]


def test_closing_cancels_what_is_in_flight():
    executor = Executor()
    gen = run_ordered(articles(20), executor.submit, workers=2, chunk=2)
    next(gen)
    gen.close()
    assert executor.cancelled == len(executor.submitted) - 1
