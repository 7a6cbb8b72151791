"""Execution history as a server stream, and WaitExecution.

StreamExecutionHistory yields every event of an execution in order, exactly once: it pages through
GetExecutionHistory fetching the next page while the current one is being sent (never more than one
page ahead, so a slow consumer holds memory flat), splits pages so that no message exceeds the
configured size, resumes after a given event id, and with `follow` polls for new events with backoff
and jitter until the execution's terminal event (following a redrive through). Final histories come
from the cache, loaded once for every concurrent reader.

Where the time goes, and so how it is spent (see bench/stream_bench.py): the first page is read
while DescribeExecution is asked, the first message is small so it reaches the caller at once,
pages are read through the backend's GetExecutionHistory fast path, events go into messages in
runs rather than one by one, and a final history keeps the responses its first whole stream sent,
which later streams send again as they are.
"""

from __future__ import annotations

import asyncio
import bisect
import operator
import random
import time
from collections.abc import AsyncIterator, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from stepfunctions.v1 import executions_pb2, gateway_pb2, history_pb2

from service.backend import Backend, HistoryPage, HistoryPages
from service.caches import TERMINAL_STATUSES, ExecutionCaches, history_params, is_final, ordered
from service.convert import to_message
from service.paging import ITEM_OVERHEAD
from service.validation import Validator

HistoryEvent = history_pb2.HistoryEvent

_TERMINAL_EVENTS = {
    history_pb2.HISTORY_EVENT_TYPE_EXECUTION_SUCCEEDED: executions_pb2.EXECUTION_STATUS_SUCCEEDED,
    history_pb2.HISTORY_EVENT_TYPE_EXECUTION_FAILED: executions_pb2.EXECUTION_STATUS_FAILED,
    history_pb2.HISTORY_EVENT_TYPE_EXECUTION_ABORTED: executions_pb2.EXECUTION_STATUS_ABORTED,
    history_pb2.HISTORY_EVENT_TYPE_EXECUTION_TIMED_OUT: executions_pb2.EXECUTION_STATUS_TIMED_OUT,
}
_TERMINAL_STATUS_NUMBERS = frozenset(_TERMINAL_EVENTS.values())
_FIRST_MESSAGE_BYTES = 32 * 1024  # at most this much in a stream's first message
_STAMP_BYTES = 16  # last_event_id and execution_status, with their tags, at most
_RUN = 1000  # events per message at most (a page), so that messages go out steadily
_DEADLINE_MARGIN = 0.25  # WaitExecution answers this long before the caller's deadline


@dataclass(frozen=True)
class StreamSettings:
    """Polling and sizing of streams (see config.py)."""

    max_message_bytes: int = 4 * 1024 * 1024 - 64 * 1024
    poll_min_seconds: float = 0.2
    poll_max_seconds: float = 5.0
    poll_multiplier: float = 1.5


class Backoff:
    """Fast at first, slower while nothing changes, bounded; jittered so pollers do not align."""

    def __init__(self, settings: StreamSettings) -> None:
        self.settings = settings
        self.delay = settings.poll_min_seconds

    def reset(self) -> None:
        """Something changed: poll fast again."""
        self.delay = self.settings.poll_min_seconds

    def next(self) -> float:
        """The next wait: half fixed, half random ("equal jitter"), then grow."""
        wait = self.delay / 2 + random.uniform(0, self.delay / 2)
        self.delay = min(self.settings.poll_max_seconds, self.delay * self.settings.poll_multiplier)
        return wait


class HistoryStreams:
    """Serves StreamExecutionHistory and WaitExecution."""

    def __init__(
        self, backend: Backend, caches: ExecutionCaches, validator: Validator, settings: StreamSettings
    ) -> None:
        self.backend = backend
        self.caches = caches
        self.validator = validator
        self.settings = settings
        # First pages being read while DescribeExecution is asked (see `stream`), by parameters.
        self._reading_early: set[tuple[tuple[str, Any], ...]] = set()

    # -- StreamExecutionHistory -----------------------------------------------------------------

    async def stream(
        self, request: gateway_pb2.StreamExecutionHistoryRequest, deadline: float | None
    ) -> AsyncIterator[gateway_pb2.StreamExecutionHistoryResponse]:
        """The responses of one stream."""
        arn = request.execution_arn
        include = request.include_execution_data if request.HasField("include_execution_data") else True
        page_size = request.page_size or 1000
        progress = _Progress(request.after_event_id, request.reverse_order)

        params = _page_params(arn, include, page_size, progress.reverse)
        early = tuple(sorted(params.items()))
        pages: HistoryPages | None = None
        if not self.caches.known_final(arn) and early not in self._reading_early:
            # DescribeExecution goes to AWS: start reading the history at the same time, one round
            # trip sooner than after it. A stream of an execution that may still change reads on;
            # one of a final execution hands the read to the cache's loader, which starts with the
            # same page. Only one stream at a time does this for the same reading: streams that
            # arrive together would otherwise each read the first page of a final history, where
            # the loader needs it once.
            pages = self.backend.history_pages(params, deadline=deadline)
            self._reading_early.add(early)
        try:
            description = await self.caches.describe(arn, deadline)
            progress.status = _status_number(description)
        except BaseException:
            if pages is not None:
                pages.close()
            raise
        finally:
            if pages is not None:
                self._reading_early.discard(early)
        if self.caches.enabled and is_final(description):
            if pages is not None and params != history_params(arn, include):
                pages.close()  # not the read the loader would make (reverse, or another page size)
                pages = None
            async for message in self._from_shared(arn, include, progress, pages):
                yield message
            return

        async for message in self._from_aws(progress, pages or self.backend.history_pages(params, deadline=deadline)):
            yield message
        while request.follow:
            if progress.terminal_seen:
                description = await self.backend.call(
                    "DescribeExecution", {"executionArn": arn}, deadline=deadline, idempotent=True
                )
                if description["status"] not in ("RUNNING", "PENDING_REDRIVE"):
                    progress.status = _status_number(description)
                    yield progress.message([])
                    return
                progress.terminal_seen = False  # redriven: keep following
            async for message in self._follow(arn, include, request.page_size or 1000, progress, deadline):
                yield message

    async def _from_shared(
        self, arn: str, include: bool, progress: _Progress, started: HistoryPages | None
    ) -> AsyncIterator[gateway_pb2.StreamExecutionHistoryResponse]:
        shared = self.caches.share(arn, include, started)
        try:
            if progress.reverse:
                await shared.wait_beyond(2**62)  # the end is needed first
                for message in self._messages(shared.events[::-1], progress):
                    yield message
                return
            from_start = progress.last_id == 0 and not progress.messages
            if from_start and shared.sent_as is not None and shared.sent_as[0] == progress.status:
                # Sent like this before: the same responses again, with no event copied.
                for message in shared.sent_as[1]:
                    progress.went_out(message)
                    yield message
                return
            recording = shared.record(progress.status) if from_start else None
            try:
                sent = 0
                while True:
                    await shared.wait_beyond(sent)
                    batch = shared.events[sent:]
                    sent += len(batch)
                    for message in self._messages(batch, progress):
                        yield message
                        if recording is not None:
                            recording.add(message)
                    if shared.done and sent >= len(shared.events):
                        return
            finally:
                if recording is not None:
                    recording.finish()
        finally:
            self.caches.release(arn, include, shared)

    async def _from_aws(
        self, progress: _Progress, pages: HistoryPages
    ) -> AsyncIterator[gateway_pb2.StreamExecutionHistoryResponse]:
        # `pages` reads one request ahead: the next page downloads while this one is sent.
        try:
            async for page in pages:
                for message in self._messages(ordered(list(page.events), progress.reverse), progress):
                    yield message
        finally:
            pages.close()  # a cancelled stream makes no further AWS calls

    async def _follow(
        self, arn: str, include: bool, page_size: int, progress: _Progress, deadline: float | None
    ) -> AsyncIterator[gateway_pb2.StreamExecutionHistoryResponse]:
        """Poll until new events appear, send them, and return once a terminal event was sent."""
        backoff = Backoff(self.settings)
        while not progress.terminal_seen:
            await asyncio.sleep(backoff.next())
            fresh = await self._newer_than(arn, include, page_size, progress.last_id, deadline)
            if fresh:
                backoff.reset()
                for message in self._messages(fresh, progress):
                    yield message

    async def _newer_than(
        self, arn: str, include: bool, page_size: int, last_id: int, deadline: float | None
    ) -> list[HistoryEvent]:
        """Events after `last_id`, oldest first: read newest-first pages until reaching known ones."""
        params = _page_params(arn, include, page_size, reverse=True)
        newest_first: list[HistoryEvent] = []
        while True:
            page = await self._page(params, deadline)
            events = ordered(list(page.events), reverse=True)
            fresh = [e for e in events if e.id > last_id]
            newest_first += fresh
            if len(fresh) < len(events) or not page.next_token:
                return newest_first[::-1]
            params = {**params, "nextToken": page.next_token}

    async def _page(self, params: dict[str, Any], deadline: float | None) -> HistoryPage:
        return await self.backend.history_page(params, deadline=deadline)

    def _messages(
        self, events: Sequence[HistoryEvent], progress: _Progress
    ) -> Iterator[gateway_pb2.StreamExecutionHistoryResponse]:
        """Responses for these events (skipping those before the resume point), each within the size limit.

        `events` come in the order asked for. They are handled in runs, not one by one: a history
        is tens of thousands of events, and Python work per event is most of what serving a cached
        history costs. A run is at most a page (`_RUN` events) and is measured once it is a message
        (one C call); only a run that turns out too big is measured event by event.
        """
        ids = [event.id for event in events]
        if ids != sorted(ids, reverse=progress.reverse) or len(set(ids)) != len(ids):
            # Not in order (no AWS answer is like this): keep what an event-by-event reading would
            # send, each event only if it is beyond the last one sent, which is in order again.
            kept = progress.in_order(ids)
            events, ids = [events[k] for k in kept], [ids[k] for k in kept]
        start, end = progress.first_wanted(ids), len(ids)
        while start < end:
            stop = min(end, start + _RUN)
            limit = self.settings.max_message_bytes
            if not progress.messages:
                # A small first message reaches the caller at once, without waiting for HTTP/2
                # flow control (64 KiB at first) or for the copy of a whole page.
                stop = _fitting(events, start, stop, min(limit, _FIRST_MESSAGE_BYTES))
            message = gateway_pb2.StreamExecutionHistoryResponse(events=events[start:stop])
            if message.ByteSize() + _STAMP_BYTES > limit:  # large events: fewer of them
                stop = _fitting(events, start, stop, limit)
                message = gateway_pb2.StreamExecutionHistoryResponse(events=events[start:stop])
            progress.saw(events[start:stop], ids[stop - 1])
            yield progress.stamp(message)
            start = stop

    # -- WaitExecution ---------------------------------------------------------------------------

    async def wait(
        self, request: gateway_pb2.WaitExecutionRequest, deadline: float | None
    ) -> gateway_pb2.WaitExecutionResponse:
        """Poll DescribeExecution until the execution is terminal, the wait ends or the deadline nears."""
        arn = request.execution_arn
        ends = [] if deadline is None else [deadline - _DEADLINE_MARGIN]
        if request.HasField("max_wait"):
            ends.append(time.monotonic() + request.max_wait.ToTimedelta().total_seconds())
        until = min(ends) if ends else None
        backoff = Backoff(self.settings)
        while True:
            description = await self.caches.describe(arn, deadline)
            done = description.get("status") in TERMINAL_STATUSES
            if done or (until is not None and time.monotonic() + self.settings.poll_min_seconds / 2 >= until):
                execution = to_message(description, executions_pb2.DescribeExecutionResponse)
                return gateway_pb2.WaitExecutionResponse(execution=execution, done=done)
            pause = backoff.next()
            if until is not None:
                pause = max(0.0, min(pause, until - time.monotonic()))
            await asyncio.sleep(pause)


class _Progress:
    """Where a stream is: what to skip (resume), the last event sent, the status once known."""

    def __init__(self, after_event_id: int, reverse: bool) -> None:
        self.after = after_event_id
        self.reverse = reverse
        self.last_id = after_event_id
        self.status: executions_pb2.ExecutionStatus.ValueType = executions_pb2.EXECUTION_STATUS_UNSPECIFIED
        self.terminal_seen = False
        self.messages = 0  # made so far

    def first_wanted(self, ids: Sequence[int]) -> int:
        """The index of the first event to send, of events in the order asked for (sorted ids)."""
        if self.reverse:
            # Descending ids: wanted are those below `after` (all of them before anything was sent).
            return 0 if self.after == 0 else bisect.bisect_right(ids, -self.after, key=operator.neg)
        return bisect.bisect_right(ids, self.last_id)

    def in_order(self, ids: Sequence[int]) -> list[int]:
        """Indexes of the events an event-by-event reading would send: each beyond the one before."""
        kept = []
        bound = self.after if self.reverse else self.last_id
        for index, ident in enumerate(ids):
            if (self.reverse and (bound == 0 or ident < bound)) or (not self.reverse and ident > bound):
                kept.append(index)
                bound = ident
        return kept

    def saw(self, events: Sequence[HistoryEvent], last_id: int) -> None:
        """These events (the last with id `last_id`) are about to be sent: update position and status."""
        if self.reverse:
            self.after = last_id  # later pages must continue below this id
        self.last_id = last_id
        # What the status is after these events depends on the last of them that changes it.
        for event in reversed(events):
            status = _TERMINAL_EVENTS.get(event.type)
            if status is not None:
                self.terminal_seen = True
                self.status = status
                return
            if event.type == history_pb2.HISTORY_EVENT_TYPE_EXECUTION_REDRIVEN:
                self.terminal_seen = False
                self.status = executions_pb2.EXECUTION_STATUS_RUNNING
                return

    def went_out(self, message: gateway_pb2.StreamExecutionHistoryResponse) -> None:
        """A response made by another stream that started the same way is sent: be where it was.

        (`terminal_seen` is only approximated, from the status: it matters to `follow`, which
        never reads a final history.)
        """
        self.messages += 1
        self.last_id = message.last_event_id
        self.status = message.execution_status
        self.terminal_seen = message.execution_status in _TERMINAL_STATUS_NUMBERS

    def message(self, events: Sequence[HistoryEvent]) -> gateway_pb2.StreamExecutionHistoryResponse:
        """A response with these events and where the stream is now."""
        return self.stamp(gateway_pb2.StreamExecutionHistoryResponse(events=events))

    def stamp(self, message: gateway_pb2.StreamExecutionHistoryResponse) -> gateway_pb2.StreamExecutionHistoryResponse:
        """The response, told where the stream is now (and counted)."""
        self.messages += 1
        message.last_event_id = self.last_id
        message.execution_status = self.status
        return message


def _fitting(events: Sequence[HistoryEvent], start: int, stop: int, limit: int) -> int:
    """The end of the longest run from `start` (one event at least, up to `stop`) whose message fits `limit`."""
    size = _STAMP_BYTES
    for index in range(start, stop):
        size += events[index].ByteSize() + ITEM_OVERHEAD
        if size > limit and index > start:
            return index
    return stop


def _page_params(arn: str, include: bool, page_size: int, reverse: bool) -> dict[str, Any]:
    """boto3 parameters of a stream's first GetExecutionHistory page."""
    return {"executionArn": arn, "maxResults": page_size, "reverseOrder": reverse, "includeExecutionData": include}


def _status_number(description: dict[str, Any]) -> executions_pb2.ExecutionStatus.ValueType:
    return to_message({"status": description.get("status")}, executions_pb2.DescribeExecutionResponse).status
