"""Execution history as a server stream, and WaitExecution.

StreamExecutionHistory yields every event of an execution in order, exactly once: it pages through
GetExecutionHistory fetching the next page while the current one is being sent (never more than one
page ahead, so a slow consumer holds memory flat), splits pages so that no message exceeds the
configured size, resumes after a given event id, and with `follow` polls for new events with backoff
and jitter until the execution's terminal event (following a redrive through). Final histories come
from the cache, loaded once for every concurrent reader.
"""

from __future__ import annotations

import asyncio
import contextlib
import random
import time
from collections.abc import AsyncIterator, Iterable
from dataclasses import dataclass
from typing import Any

from stepfunctions.v1 import executions_pb2, gateway_pb2, history_pb2

from service.backend import Backend
from service.caches import TERMINAL_STATUSES, ExecutionCaches, is_final, ordered
from service.convert import to_message
from service.errors import invalid_argument
from service.validation import Validator

HistoryEvent = history_pb2.HistoryEvent

_TERMINAL_EVENTS = {
    history_pb2.HISTORY_EVENT_TYPE_EXECUTION_SUCCEEDED: executions_pb2.EXECUTION_STATUS_SUCCEEDED,
    history_pb2.HISTORY_EVENT_TYPE_EXECUTION_FAILED: executions_pb2.EXECUTION_STATUS_FAILED,
    history_pb2.HISTORY_EVENT_TYPE_EXECUTION_ABORTED: executions_pb2.EXECUTION_STATUS_ABORTED,
    history_pb2.HISTORY_EVENT_TYPE_EXECUTION_TIMED_OUT: executions_pb2.EXECUTION_STATUS_TIMED_OUT,
}
_ITEM_OVERHEAD = 6  # tag and length prefix of an event inside a message
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

    # -- StreamExecutionHistory -----------------------------------------------------------------

    async def stream(
        self, request: gateway_pb2.StreamExecutionHistoryRequest, deadline: float | None
    ) -> AsyncIterator[gateway_pb2.StreamExecutionHistoryResponse]:
        """The responses of one stream."""
        arn = request.execution_arn
        self.validator.check("GetExecutionHistory", {"executionArn": arn})
        if request.follow and request.reverse_order:
            raise invalid_argument([("follow", "cannot be combined with reverse_order: new events come last")])
        if not 0 <= request.page_size <= 1000:
            raise invalid_argument([("page_size", "must be between 0 and 1000")])
        if request.after_event_id < 0:
            raise invalid_argument([("after_event_id", "must not be negative")])
        include = request.include_execution_data if request.HasField("include_execution_data") else True
        progress = _Progress(request.after_event_id, request.reverse_order)

        description = await self.caches.describe(arn, deadline)
        progress.status = _status_number(description)
        if self.caches.enabled and is_final(description):
            async for message in self._from_shared(arn, include, progress):
                yield message
            return

        async for message in self._from_aws(arn, include, request.page_size or 1000, progress, deadline):
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
        self, arn: str, include: bool, progress: _Progress
    ) -> AsyncIterator[gateway_pb2.StreamExecutionHistoryResponse]:
        shared = self.caches.share(arn, include)
        try:
            if progress.reverse:
                await shared.wait_beyond(2**62)  # the end is needed first
                for message in self._messages(shared.events[::-1], progress):
                    yield message
                return
            sent = 0
            while True:
                await shared.wait_beyond(sent)
                batch = shared.events[sent:]
                sent += len(batch)
                for message in self._messages(batch, progress):
                    yield message
                if shared.done and sent >= len(shared.events):
                    return
        finally:
            self.caches.release(arn, include, shared)

    async def _from_aws(
        self, arn: str, include: bool, page_size: int, progress: _Progress, deadline: float | None
    ) -> AsyncIterator[gateway_pb2.StreamExecutionHistoryResponse]:
        params: dict[str, Any] = {
            "executionArn": arn,
            "maxResults": page_size,
            "reverseOrder": progress.reverse,
            "includeExecutionData": include,
        }
        pending: asyncio.Task[history_pb2.GetExecutionHistoryResponse] | None = asyncio.create_task(
            self._page(params, deadline)
        )
        try:
            while pending is not None:
                page = await pending
                # Prefetch exactly one page: it downloads while this one is converted and sent.
                pending = (
                    asyncio.create_task(self._page({**params, "nextToken": page.next_token}, deadline))
                    if page.next_token
                    else None
                )
                for message in self._messages(ordered(list(page.events), progress.reverse), progress):
                    yield message
        finally:
            if pending is not None:
                pending.cancel()  # a cancelled stream makes no further AWS calls
                with contextlib.suppress(BaseException):
                    await pending

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
        params: dict[str, Any] = {
            "executionArn": arn,
            "maxResults": page_size,
            "reverseOrder": True,
            "includeExecutionData": include,
        }
        newest_first: list[HistoryEvent] = []
        while True:
            page = await self._page(params, deadline)
            events = ordered(list(page.events), reverse=True)
            fresh = [e for e in events if e.id > last_id]
            newest_first += fresh
            if len(fresh) < len(events) or not page.next_token:
                return newest_first[::-1]
            params = {**params, "nextToken": page.next_token}

    async def _page(self, params: dict[str, Any], deadline: float | None) -> history_pb2.GetExecutionHistoryResponse:
        result = await self.backend.call("GetExecutionHistory", params, deadline=deadline, idempotent=True)
        return to_message(result, history_pb2.GetExecutionHistoryResponse)

    def _messages(
        self, events: Iterable[HistoryEvent], progress: _Progress
    ) -> Iterable[gateway_pb2.StreamExecutionHistoryResponse]:
        """Responses for these events (skipping those before the resume point), each within the size limit."""
        batch: list[HistoryEvent] = []
        size = 0
        for event in events:
            if not progress.wanted(event):
                continue
            event_size = event.ByteSize() + _ITEM_OVERHEAD
            if batch and size + event_size > self.settings.max_message_bytes:
                yield progress.message(batch)
                batch, size = [], 0
            batch.append(event)
            size += event_size
            progress.saw(event)
        if batch:
            yield progress.message(batch)

    # -- WaitExecution ---------------------------------------------------------------------------

    async def wait(
        self, request: gateway_pb2.WaitExecutionRequest, deadline: float | None
    ) -> gateway_pb2.WaitExecutionResponse:
        """Poll DescribeExecution until the execution is terminal, the wait ends or the deadline nears."""
        arn = request.execution_arn
        self.validator.check("DescribeExecution", {"executionArn": arn})
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

    def wanted(self, event: HistoryEvent) -> bool:
        if self.reverse:
            return self.after == 0 or event.id < self.after
        return event.id > self.last_id

    def saw(self, event: HistoryEvent) -> None:
        if self.reverse:
            self.after = event.id  # later pages must continue below this id
        self.last_id = event.id
        status = _TERMINAL_EVENTS.get(event.type)
        if status is not None:
            self.terminal_seen = True
            self.status = status
        elif event.type == history_pb2.HISTORY_EVENT_TYPE_EXECUTION_REDRIVEN:
            self.terminal_seen = False
            self.status = executions_pb2.EXECUTION_STATUS_RUNNING

    def message(self, events: list[HistoryEvent]) -> gateway_pb2.StreamExecutionHistoryResponse:
        return gateway_pb2.StreamExecutionHistoryResponse(
            events=events, last_event_id=self.last_id, execution_status=self.status
        )


def _status_number(description: dict[str, Any]) -> executions_pb2.ExecutionStatus.ValueType:
    return to_message({"status": description.get("status")}, executions_pb2.DescribeExecutionResponse).status
