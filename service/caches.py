"""Caches that keep the AWS quota for the work that needs it.

An execution whose history can no longer change (it SUCCEEDED, or it ended and AWS says it cannot be
redriven) has a final DescribeExecution and a final history. Both are kept in byte-bounded LRUs and
served without calling AWS. A history is loaded once however many callers want it at the same time:
the first caller starts a loader, every caller reads the same growing list while it fills, and the
loader stops when nobody is left to read it. A loaded history also keeps the responses of the first
stream that sent all of it, for the streams after it to send again (see `StreamRecording`).
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
from collections import OrderedDict
from collections.abc import Hashable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from stepfunctions.v1 import gateway_pb2, history_pb2

from service.backend import Backend, HistoryPages

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

    def peek(self, key: Hashable) -> V | None:
        """The value if present, without counting a hit or a miss or marking it used."""
        found = self._items.get(key)
        return None if found is None else found[0]

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
    """A history being loaded (or loaded): events in forward order, readable while it grows.

    Once loaded it is what the cache keeps, together with the responses a whole forward stream
    of it sent (`sent_as`, see `StreamRecording`): later streams send those again as they are,
    where building them anew would copy every event.
    """

    def __init__(self) -> None:
        self.events: list[history_pb2.HistoryEvent] = []
        self.size = 0
        self.done = False
        self.error: BaseException | None = None
        self.readers = 0
        # (the status the stream started with, its responses): a stream that starts the same way
        # sends exactly these. Shared by every stream that sends them: never to be changed.
        self.sent_as: tuple[int, list[gateway_pb2.StreamExecutionHistoryResponse]] | None = None
        self.recording = False  # a stream records its responses (only one does)
        self._changed = asyncio.Condition()

    def record(self, status: int) -> StreamRecording | None:
        """For a stream that is about to send this whole history in forward order, from `status` on.

        None when another stream records already, or did.
        """
        if self.recording or self.sent_as is not None:
            return None
        self.recording = True
        return StreamRecording(self, status)

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


class StreamRecording:
    """The responses a stream sends of a shared history, kept for the streams after it.

    Each response's events replace the same events in `events` as it goes out (views into the
    response), so the pages the history was read in are freed as the stream advances: the
    history, once kept with its responses, takes no more memory than before. Kept only if the
    stream sent the whole history, every event once and in order.
    """

    def __init__(self, shared: SharedHistory, status: int) -> None:
        self.shared = shared
        self.status = status
        self.messages: list[gateway_pb2.StreamExecutionHistoryResponse] = []
        self.count = 0  # events recorded
        self.intact = True

    def add(self, message: gateway_pb2.StreamExecutionHistoryResponse) -> None:
        """A response was sent (it must not change from now on)."""
        if not self.intact:
            return
        events = list(message.events)
        start, end = self.count, self.count + len(events)
        if [e.id for e in events] != [e.id for e in self.shared.events[start:end]]:
            self.intact = False  # not what a stream from the start sends: keep nothing
            return
        self.shared.events[start:end] = events
        self.messages.append(message)
        self.count = end

    def finish(self) -> None:
        """The stream ended: keep the responses if they sent the whole loaded history."""
        shared = self.shared
        if self.intact and shared.done and shared.error is None and self.count == len(shared.events):
            shared.sent_as = (self.status, self.messages)
        shared.recording = False


class ExecutionCaches:
    """Final DescribeExecution results and final histories, with one loader per history."""

    def __init__(self, backend: Backend, history_bytes: int, describe_bytes: int) -> None:
        self.backend = backend
        self.enabled = history_bytes > 0
        self.histories: ByteLRU[SharedHistory] = ByteLRU(history_bytes)  # loaded ones
        self.descriptions: ByteLRU[dict[str, Any]] = ByteLRU(describe_bytes)
        self._loading: dict[tuple[str, bool], tuple[SharedHistory, asyncio.Task[None]]] = {}

    async def describe(self, arn: str, deadline: float | None) -> dict[str, Any]:
        """DescribeExecution, from the cache when the execution is final."""
        if self.enabled and (cached := self.descriptions.get(arn)) is not None:
            return dict(cached)
        return await self.backend.call(
            "DescribeExecution",
            {"executionArn": arn},
            deadline=deadline,
            idempotent=True,
            on_result=functools.partial(self._keep_final, arn),
        )

    def _keep_final(self, arn: str, description: dict[str, Any]) -> None:
        # Called inside the (possibly coalesced) AWS call: a stream that arrives just as it ends
        # finds either the call in flight or this cached result, never neither.
        if self.enabled and is_final(description):
            size = sum(len(str(v)) for v in description.values()) + 256
            self.descriptions.put(arn, dict(description), size)

    def known_final(self, arn: str) -> bool:
        """True when a final DescribeExecution of `arn` is cached (so `describe` will not call AWS)."""
        return self.enabled and self.descriptions.peek(arn) is not None

    def cached_history(self, arn: str, include_data: bool) -> list[history_pb2.HistoryEvent] | None:
        """The whole final history if it is cached."""
        cached = self.histories.get((arn, include_data)) if self.enabled else None
        return None if cached is None else cached.events

    def share(self, arn: str, include_data: bool, started: HistoryPages | None = None) -> SharedHistory:
        """The final history of `arn`: cached, being loaded, or a new load. Call `release` when done.

        `started`, when given, is a read of this history that the caller already began with the
        loader's parameters (`history_params`): a new load continues it instead of asking AWS for
        the first page again. `share` owns it from then on, and closes it when no new load needs it.
        """
        key = (arn, include_data)
        cached = self.histories.get(key)
        if cached is not None:
            if started is not None:
                started.close()
            return cached
        loading = self._loading.get(key)
        if loading is None:
            shared = SharedHistory()
            task = asyncio.create_task(self._load(key, shared, started), name=f"load-history {arn}")
            loading = self._loading[key] = (shared, task)
        elif started is not None:
            started.close()  # another reader's load read (or reads) the same pages
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

    async def _load(self, key: tuple[str, bool], shared: SharedHistory, started: HistoryPages | None) -> None:
        params = history_params(*key)
        if started is not None:
            started.deadline = None  # the load serves every reader: the first one's deadline is not its own
        pages = started or self.backend.history_pages(params, deadline=None)
        try:
            while True:
                try:
                    page = await anext(pages)
                except StopAsyncIteration:
                    break
                except Exception:
                    if pages is not started or shared.events:
                        raise
                    # The first page of the read a stream started (under that stream's deadline)
                    # failed: read it again as the load's own before telling every reader.
                    pages = self.backend.history_pages(params, deadline=None)
                    continue
                await shared._publish(ordered(list(page.events), reverse=False))
            self.histories.put(key, shared, shared.size)
            await shared._publish(None)
        except asyncio.CancelledError:
            with contextlib.suppress(Exception):
                await asyncio.shield(shared._publish(None, asyncio.CancelledError()))
            raise
        except Exception as exc:  # the error reaches every reader
            await shared._publish(None, exc)
        finally:
            pages.close()
            if self._loading.get(key, (None,))[0] is shared:
                self._loading.pop(key, None)


def history_params(arn: str, include_data: bool) -> dict[str, Any]:
    """boto3 parameters of the first GetExecutionHistory page of a load."""
    return {
        "executionArn": arn,
        "maxResults": HISTORY_PAGE,
        "reverseOrder": False,
        "includeExecutionData": include_data,
    }


def ordered(events: list[history_pb2.HistoryEvent], reverse: bool) -> list[history_pb2.HistoryEvent]:
    """Events in the order asked for.

    Emulators that ignore `reverseOrder` (moto) send the whole history oldest first in one page;
    turning such a page around gives what AWS would have sent.
    """
    if len(events) > 1 and (events[0].id > events[-1].id) != reverse:
        return events[::-1]
    return events
