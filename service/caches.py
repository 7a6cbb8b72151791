"""Caches that keep the AWS quota for the work that needs it.

An execution whose history can no longer change (see `executions.is_final`) has a final
DescribeExecution and a final history; both are kept in LRUs bounded by the exact bytes they hold.

A final history is read from AWS once however many streams want it at the same time: the first
starts a loader, every reader reads the same pages, and the loader stays at most one page ahead of
the slowest reader. It is kept only while it fits the cache budget; past that, the pages every
reader has passed are dropped as the read goes on, so a history of any size costs the memory of a
couple of pages. A state machine's type never changes, so that is kept too (see `StateMachineTypes`).
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import logging
from collections import OrderedDict
from collections.abc import Hashable
from dataclasses import dataclass
from typing import Generic, TypeVar

from google.protobuf.message import Message
from sfngrpc.stepfunctions.v1 import executions_pb2, state_machines_pb2

from service import access_log
from service.aws import Aws, Operation
from service.executions import is_final
from service.history import Frames, HistoryReader, HistorySource

log = logging.getLogger(__name__)

V = TypeVar("V")
HistoryKey = tuple[str, bool]  # (execution ARN, include execution data)
# DescribeExecution's includedData values; absent means the first.
_INCLUDED_DATA = ("ALL_DATA", "METADATA_ONLY")
_ENTRY_OVERHEAD = 128  # the key and the LRU's own bookkeeping, roughly


@dataclass
class CacheStats:
    """What a cache did (for metrics)."""

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
        access_log.note_cache(found is not None)  # the calling call's access log line
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


@dataclass(frozen=True)
class HistoryPage:
    """A page of a final history, oldest events first, and where AWS's paging has it."""

    frames: Frames
    start: int  # index of its first event in the whole history
    aws_token: str | None  # the token that asks AWS for this page (None: the first page)
    aws_limit: int  # with this maxResults


class FinalHistory:
    """A final history, loaded once for all its readers and (while it fits) kept.

    Pages are numbered from 0. Each reader says which page it wants next; the loader reads page
    `k` only once every reader wants page `k` or later, and the request for page `k + 1` is then
    on its way: at most one page ahead of the slowest reader.
    """

    def __init__(self, budget: int) -> None:
        self.budget = budget
        self.pages: list[HistoryPage] = []  # held pages: page numbers `dropped` and on
        self.dropped = 0  # pages let go (the history outgrew the budget and every reader passed them)
        self.count = 0  # events read so far
        self.nbytes = 0  # bytes of every page read so far
        self.done = False
        self.error: BaseException | None = None
        self._wants: dict[int, int] = {}  # reader -> the page number it wants next
        self._ids = itertools.count()
        self._changed = asyncio.Condition()

    @property
    def kept(self) -> bool:
        """True while every page read so far is held (the history fits the budget)."""
        return self.dropped == 0 and self.nbytes <= self.budget

    def join(self) -> int | None:
        """A new reader from the first page (its id), or None when the first pages are gone."""
        if self.dropped:
            return None
        reader = next(self._ids)
        self._wants[reader] = 0
        return reader

    def leave(self, reader: int) -> int:
        """The reader is done; how many readers are left."""
        self._wants.pop(reader, None)
        self._trim()
        return len(self._wants)

    async def page(self, reader: int | None, number: int) -> HistoryPage | None:
        """Page `number` once it is read (None: the history has fewer pages); raises the load's error.

        `reader` (None for a loaded history) has finished every page before `number`.
        """
        async with self._changed:
            if reader is not None:
                self._wants[reader] = number
                self._trim()
                self._changed.notify_all()
            await self._changed.wait_for(lambda: self.dropped + len(self.pages) > number or self.done)
        if number < self.dropped + len(self.pages):
            return self.pages[number - self.dropped]
        if self.error is not None:
            raise self.error
        return None

    def _trim(self) -> None:
        """Once the history outgrew the budget, let go of the pages every reader has passed."""
        if self.nbytes <= self.budget and not self.dropped:
            return
        slowest = min(self._wants.values(), default=self.dropped + len(self.pages))
        while self.pages and self.dropped < slowest:
            self.pages.pop(0)
            self.dropped += 1

    async def _wait_for_readers(self, number: int) -> None:
        """Return when every reader wants page `number` or later (the loader may read it now)."""
        async with self._changed:
            await self._changed.wait_for(lambda: min(self._wants.values(), default=number) >= number)

    async def _add(self, page: HistoryPage) -> None:
        async with self._changed:
            self.pages.append(page)
            self.count += len(page.frames)
            self.nbytes += page.frames.nbytes
            self._trim()
            self._changed.notify_all()

    async def _end(self, error: BaseException | None) -> None:
        async with self._changed:
            self.done = True
            self.error = error
            self._changed.notify_all()


class HistoryCache:
    """Final histories: the kept ones, and one loader per history being read."""

    def __init__(self, source: HistorySource, cache_bytes: int, page_bytes: int) -> None:
        self.source = source
        self.page_bytes = page_bytes
        self.enabled = cache_bytes > 0
        self.kept: ByteLRU[FinalHistory] = ByteLRU(cache_bytes)
        self._loading: dict[HistoryKey, tuple[FinalHistory, asyncio.Task[None]]] = {}

    def cached(self, key: HistoryKey) -> FinalHistory | None:
        """The whole history, if it is kept."""
        return self.kept.get(key) if self.enabled else None

    def share(self, key: HistoryKey, started: HistoryReader | None = None) -> tuple[FinalHistory, int | None] | None:
        """The history of `key` to read from the start: kept, being loaded, or a new load.

        Returns it with the reader's id (None for a kept history; pass it to `leave`), or None when
        the load in progress has already let its first pages go (read AWS yourself then).
        `started`, a read of the first page the caller already began (forward, from the start), is
        continued by a new load; `share` owns it and closes it when no new load needs it.
        """
        kept = self.cached(key)
        if kept is not None:
            if started is not None:
                started.close()
            return kept, None
        loading = self._loading.get(key)
        if loading is None:
            history = FinalHistory(self.kept.max_bytes)
            task = asyncio.create_task(self._load(key, history, started), name=f"load-history {key[0]}")
            loading = self._loading[key] = (history, task)
        elif started is not None:
            started.close()
        reader = loading[0].join()
        return None if reader is None else (loading[0], reader)

    def leave(self, key: HistoryKey, history: FinalHistory, reader: int | None) -> None:
        """A reader is done; the last reader of an unfinished load stops it (no orphan AWS calls)."""
        if reader is None:
            return
        left = history.leave(reader)
        loading = self._loading.get(key)
        if left == 0 and loading is not None and loading[0] is history and not history.done:
            loading[1].cancel()
            self._loading.pop(key, None)

    async def _load(self, key: HistoryKey, history: FinalHistory, started: HistoryReader | None) -> None:
        arn, include = key
        if started is not None:
            started.deadline = None  # the load serves every reader: the first one's deadline is not its own
        pages = started or self._reader(arn, include)
        try:
            number = 0
            while True:
                await history._wait_for_readers(number)
                try:
                    page = await anext(pages)
                except StopAsyncIteration:
                    break
                except Exception:
                    if pages is not started or number:
                        raise
                    # The first page of the read a stream started (under that stream's deadline)
                    # failed: read it again as the load's own before telling every reader.
                    pages = self._reader(arn, include)
                    continue
                if pages is started and page.next_token is None and not page.frames.ends():
                    # The stream's read went out beside the DescribeExecution that found the execution
                    # ended, and was answered before it ended: this last page is from then, without
                    # the closing events. Ask for it again (nothing of it has been handed out yet).
                    pages.close()
                    pages = self._reader(arn, include, page.aws_token, page.aws_limit)
                    continue
                await history._add(HistoryPage(page.frames, history.count, page.aws_token, page.aws_limit))
                number += 1
            if history.kept:
                self.kept.put(key, history, history.nbytes)
            await history._end(None)
        except asyncio.CancelledError:
            with contextlib.suppress(Exception):
                await asyncio.shield(history._end(asyncio.CancelledError()))
            raise
        except Exception as exc:  # the error reaches every reader
            await history._end(exc)
        finally:
            pages.close()
            if self._loading.get(key, (None,))[0] is history:
                self._loading.pop(key, None)

    def _reader(
        self, arn: str, include: bool, aws_token: str | None = None, aws_limit: int | None = None
    ) -> HistoryReader:
        return HistoryReader(
            self.source,
            arn=arn,
            include_data=include,
            reverse=False,
            budget=self.page_bytes,
            deadline=None,
            aws_token=aws_token,
            aws_limit=aws_limit,
        )


class DescribeCache:
    """DescribeExecution answers of final executions, by (ARN, included data).

    The messages are shared by every caller that gets one: nobody may change them.
    """

    def __init__(self, aws: Aws, operation: Operation, cache_bytes: int) -> None:
        self.aws = aws
        self.operation = operation
        self.enabled = cache_bytes > 0
        self.kept: ByteLRU[executions_pb2.DescribeExecutionResponse] = ByteLRU(cache_bytes)

    def known_final(self, arn: str) -> bool:
        """True when a final answer for `arn` is kept (so it is final, without asking AWS)."""
        return self.enabled and any(self.kept.peek((arn, included)) is not None for included in _INCLUDED_DATA)

    async def describe(
        self, params: dict[str, str], deadline: float | None
    ) -> executions_pb2.DescribeExecutionResponse:
        """DescribeExecution with these boto3 parameters (`executionArn`, `includedData`), kept when final."""
        key = (params["executionArn"], params.get("includedData", _INCLUDED_DATA[0]))
        if self.enabled and (kept := self.kept.get(key)) is not None:
            return kept

        def keep(description: Message) -> None:
            # Inside the (maybe shared) call: a stream that arrives as it ends finds either the call
            # in flight or this answer kept.
            assert isinstance(description, executions_pb2.DescribeExecutionResponse)
            if self.enabled and is_final(description):
                self.kept.put(key, description, description.ByteSize() + _ENTRY_OVERHEAD)

        description = await self.aws.send(self.operation, params, deadline, on_result=keep)
        assert isinstance(description, executions_pb2.DescribeExecutionResponse)
        return description


class StateMachineTypes:
    """STANDARD or EXPRESS, by state machine ARN (without version or alias): a type never changes."""

    def __init__(self, aws: Aws, operation: Operation, entries: int = 65536) -> None:
        self.aws = aws
        self.operation = operation
        self._entries = entries
        self._types: OrderedDict[str, int] = OrderedDict()

    def known(self, arn: str) -> int | None:
        """The type's enum number if known."""
        return self._types.get(base_arn(arn))

    def learn(self, arn: str, machine_type: int) -> None:
        """Remember a type seen in an answer."""
        if machine_type:
            self._types[base_arn(arn)] = machine_type
            self._types.move_to_end(base_arn(arn))
            while len(self._types) > self._entries:
                self._types.popitem(last=False)

    async def lookup(self, arn: str, deadline: float | None) -> int | None:
        """The type, asking DescribeStateMachine if needed; None when it cannot be known now."""
        known = self.known(arn)
        if known is not None:
            return known
        try:
            answer = await self.aws.send(self.operation, {"stateMachineArn": base_arn(arn)}, deadline)
        except Exception as exc:  # not knowing is an answer here
            log.info("cannot tell the type of %s: %s", base_arn(arn), exc)
            return None
        assert isinstance(answer, state_machines_pb2.DescribeStateMachineResponse)
        self.learn(arn, answer.type)
        return answer.type or None


def base_arn(arn: str) -> str:
    """The state machine ARN without a version or alias suffix (`...:stateMachine:name`)."""
    return ":".join(arn.split(":")[:7])
