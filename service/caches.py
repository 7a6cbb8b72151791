"""Caches that keep the AWS quota for the work that needs it.

An execution whose history can no longer change (it SUCCEEDED, or it ended and AWS says it cannot be
redriven) has a final DescribeExecution and a final history. Both are kept in byte-bounded LRUs and
served without calling AWS. A history is loaded once however many callers want it at the same time:
the first caller starts a loader, every caller reads the same growing list while it fills, and the
loader stops when nobody is left to read it.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections import OrderedDict
from collections.abc import Hashable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from stepfunctions.v1 import history_pb2

from service.backend import Backend
from service.convert import to_message

log = logging.getLogger(__name__)

V = TypeVar("V")

TERMINAL_STATUSES = frozenset({"SUCCEEDED", "FAILED", "TIMED_OUT", "ABORTED"})
HISTORY_PAGE = 1000  # events per upstream call when loading a whole history


def is_final(description: dict[str, Any]) -> bool:
    """True when nothing about the execution can change any more (so its history is final too)."""
    status = description.get("status")
    if status == "SUCCEEDED":
        return True
    return status in TERMINAL_STATUSES and description.get("redriveStatus") == "NOT_REDRIVABLE"


@dataclass
class CacheStats:
    """What a cache did, for tests now and for metrics later."""

    hits: int = 0
    misses: int = 0
    evictions: int = 0


class ByteLRU(Generic[V]):
    """A least-recently-used map bounded by the total size of its values in bytes."""

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self.bytes = 0
        self.stats = CacheStats()
        self._items: OrderedDict[Hashable, tuple[V, int]] = OrderedDict()

    def get(self, key: Hashable) -> V | None:
        """The value, marked as recently used; None (a miss) when absent."""
        found = self._items.get(key)
        if found is None:
            self.stats.misses += 1
            return None
        self._items.move_to_end(key)
        self.stats.hits += 1
        return found[0]

    def put(self, key: Hashable, value: V, size: int) -> None:
        """Keep a value of `size` bytes, evicting the least recently used to make room."""
        if size > self.max_bytes:
            return  # would evict everything and still not fit
        old = self._items.pop(key, None)
        if old is not None:
            self.bytes -= old[1]
        while self._items and self.bytes + size > self.max_bytes:
            _, (_, evicted) = self._items.popitem(last=False)
            self.bytes -= evicted
            self.stats.evictions += 1
        self._items[key] = (value, size)
        self.bytes += size

    def __len__(self) -> int:
        return len(self._items)


class SharedHistory:
    """A history being loaded (or loaded): events in forward order, readable while it grows."""

    def __init__(self) -> None:
        self.events: list[history_pb2.HistoryEvent] = []
        self.size = 0
        self.done = False
        self.error: BaseException | None = None
        self.readers = 0
        self._changed = asyncio.Condition()

    async def wait_beyond(self, count: int) -> None:
        """Return when more than `count` events are there, or loading ended; raise its error."""
        async with self._changed:
            await self._changed.wait_for(lambda: len(self.events) > count or self.done)
        if self.error is not None and len(self.events) <= count:
            raise self.error

    async def _publish(self, events: list[history_pb2.HistoryEvent] | None, error: BaseException | None = None) -> None:
        async with self._changed:
            if events:
                self.events.extend(events)
                self.size += sum(e.ByteSize() for e in events)
            if events is None:
                self.done = True
                self.error = error
            self._changed.notify_all()


class ExecutionCaches:
    """Final DescribeExecution results and final histories, with one loader per history."""

    def __init__(self, backend: Backend, history_bytes: int, describe_bytes: int) -> None:
        self.backend = backend
        self.enabled = history_bytes > 0
        self.histories: ByteLRU[list[history_pb2.HistoryEvent]] = ByteLRU(history_bytes)
        self.descriptions: ByteLRU[dict[str, Any]] = ByteLRU(describe_bytes)
        self._loading: dict[tuple[str, bool], tuple[SharedHistory, asyncio.Task[None]]] = {}

    async def describe(self, arn: str, deadline: float | None) -> dict[str, Any]:
        """DescribeExecution, from the cache when the execution is final."""
        if self.enabled and (cached := self.descriptions.get(arn)) is not None:
            return dict(cached)
        result = await self.backend.call("DescribeExecution", {"executionArn": arn}, deadline=deadline, idempotent=True)
        if self.enabled and is_final(result):
            size = sum(len(str(v)) for v in result.values()) + 256
            self.descriptions.put(arn, dict(result), size)
        return result

    def cached_history(self, arn: str, include_data: bool) -> list[history_pb2.HistoryEvent] | None:
        """The whole final history if it is cached."""
        return self.histories.get((arn, include_data)) if self.enabled else None

    def share(self, arn: str, include_data: bool) -> SharedHistory:
        """The final history of `arn`: cached, being loaded, or a new load. Call `release` when done."""
        key = (arn, include_data)
        cached = self.histories.get(key)
        if cached is not None:
            shared = SharedHistory()
            shared.events, shared.done = cached, True
            return shared
        loading = self._loading.get(key)
        if loading is None:
            shared = SharedHistory()
            task = asyncio.create_task(self._load(key, shared), name=f"load-history {arn}")
            loading = self._loading[key] = (shared, task)
        loading[0].readers += 1
        return loading[0]

    def release(self, arn: str, include_data: bool, shared: SharedHistory) -> None:
        """A reader is done; the last reader of an unfinished load stops it (no orphan AWS calls)."""
        key = (arn, include_data)
        loading = self._loading.get(key)
        if loading is None or loading[0] is not shared:
            return
        shared.readers -= 1
        if shared.readers <= 0 and not shared.done:
            loading[1].cancel()
            self._loading.pop(key, None)

    async def _load(self, key: tuple[str, bool], shared: SharedHistory) -> None:
        arn, include_data = key
        params: dict[str, Any] = {"executionArn": arn, "maxResults": HISTORY_PAGE, "includeExecutionData": include_data}
        try:
            while True:
                result = await self.backend.call("GetExecutionHistory", params, deadline=None, idempotent=True)
                page = to_message(result, history_pb2.GetExecutionHistoryResponse)
                await shared._publish(ordered(list(page.events), reverse=False))
                if not page.next_token:
                    break
                params = {**params, "nextToken": page.next_token}
            self.histories.put(key, shared.events, shared.size)
            await shared._publish(None)
        except asyncio.CancelledError:
            with contextlib.suppress(Exception):
                await asyncio.shield(shared._publish(None, asyncio.CancelledError()))
            raise
        except Exception as exc:  # the error reaches every reader
            await shared._publish(None, exc)
        finally:
            if self._loading.get(key, (None,))[0] is shared:
                self._loading.pop(key, None)


def ordered(events: list[history_pb2.HistoryEvent], reverse: bool) -> list[history_pb2.HistoryEvent]:
    """Events in the order asked for.

    Emulators that ignore `reverseOrder` (moto) send the whole history oldest first in one page;
    turning such a page around gives what AWS would have sent.
    """
    if len(events) > 1 and (events[0].id > events[-1].id) != reverse:
        return events[::-1]
    return events
