"""What taking a token of the account's quota costs a call (service/quota.py), in process.

`Quota.take` runs before every AWS attempt. Timed on one event loop, per call, against the same loop
awaiting a coroutine that does nothing (so the figure is the quota's own cost, not the await's):
- `token here`: the bucket has tokens (the common case; no wait);
- `no bucket`: an operation without a quota (StartSyncExecution);
- `reserve and wait`: the bucket is empty, the call reserves its token and sleeps (an injected
  sleep that returns at once: the cost of the bookkeeping, not of the wait).
Median of several rounds; the issue's target is under 20 us per call.
"""

from __future__ import annotations

import asyncio
import statistics
import time
from typing import Any

from service.quota import Quota, Rate

CALLS = 200_000
ROUNDS = 7
TARGET_US = 20.0


async def _nothing(operation: str, deadline: float | None) -> None:
    return None


async def _no_sleep(seconds: float) -> None:
    return None


async def _time(take: Any, operation: str, deadline: float | None) -> float:
    started = time.perf_counter()
    for _ in range(CALLS):
        await take(operation, deadline)
    return (time.perf_counter() - started) / CALLS


async def _run() -> dict[str, Any]:
    plenty = Quota({"DescribeExecution": Rate(1e12, 1e12)})
    # A clock that stands still: the bucket never refills, every call reserves and "sleeps".
    empty = Quota({"DescribeExecution": Rate(1, 1.0)}, clock=lambda: 0.0, sleep=_no_sleep)
    deadline = time.monotonic() + 3600
    paths = {
        "token here": (plenty.take, "DescribeExecution", deadline),
        "no bucket": (plenty.take, "StartSyncExecution", deadline),
        "reserve and wait": (empty.take, "DescribeExecution", None),
    }
    samples: dict[str, list[float]] = {name: [] for name in paths}
    baseline: list[float] = []
    for _ in range(ROUNDS):
        baseline.append(await _time(_nothing, "DescribeExecution", deadline))
        for name, (take, operation, until) in paths.items():
            samples[name].append(await _time(take, operation, until))
    base = statistics.median(baseline)
    return {
        "calls_per_round": CALLS,
        "rounds": ROUNDS,
        "await_of_nothing_us": base * 1e6,
        "us_per_call": {name: max(0.0, statistics.median(s) - base) * 1e6 for name, s in samples.items()},
        "target_us": TARGET_US,
    }


def run() -> dict[str, Any]:
    """Time the paths; the result as JSON-ready data."""
    return asyncio.run(_run())


def report(result: dict[str, Any]) -> list[str]:
    """The result as lines of text."""
    lines = [
        f"quota token per call (median of {result['rounds']} x {result['calls_per_round']:,} calls, "
        f"over an await of nothing: {result['await_of_nothing_us']:.2f} us):"
    ]
    for name, us in result["us_per_call"].items():
        lines.append(f"  {name:18s} {us:6.2f} us  (target < {result['target_us']:.0f} us)")
    return lines
