"""Execution history as a server stream, and WaitExecution.

StreamExecutionHistory yields every event of an execution in order, exactly once: it pages through
GetExecutionHistory, reading the next page while the current one is sent and never more than one
page ahead (so a slow reader holds memory flat), splits pages so that no message exceeds the
configured size, resumes after a given event id, and with `follow` polls for new events with
backoff and jitter until the execution's terminal event (following a redrive through). Final
histories are read once for every concurrent reader and kept while they fit (caches.py).

Messages are made from serialized events (`history.Frames`): a slice of bytes and the stream's
position, never an event copied into a new message. The first page is read while DescribeExecution
is asked, and the first message is small so it reaches the caller at once.
"""

from __future__ import annotations

import asyncio
import itertools
import random
import time
from collections.abc import AsyncGenerator, AsyncIterator, Callable, Iterator
from dataclasses import dataclass

import grpc
from sfngrpc.stepfunctions.v1 import executions_pb2, gateway_pb2

from service.caches import DescribeCache, FinalHistory, HistoryCache
from service.errors import ServiceError
from service.executions import ACTIVE_STATUSES, TERMINAL_STATUSES, Status, is_final
from service.history import AWS_PAGE_LIMIT, Frames, HistoryReader, HistorySource, stream_message

_FIRST_MESSAGE_BYTES = 32 * 1024  # at most this much in a stream's first message
_STAMP_BYTES = 16  # last_event_id and execution_status, with their tags, at most
_RUN = 1000  # events per message at most, so that messages go out steadily
_DEADLINE_MARGIN = 0.25  # WaitExecution answers this long before the caller's deadline


@dataclass(frozen=True)
class StreamSettings:
    """Polling and sizing of streams (see config.py)."""

    max_message_bytes: int = 4 * 1024 * 1024 - 64 * 1024
    poll_min_seconds: float = 0.2
    poll_max_seconds: float = 5.0
    poll_multiplier: float = 1.5
    page_bytes: int = 4 * 1024 * 1024  # the most bytes one upstream history page may hold


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
        self,
        source: HistorySource,
        descriptions: DescribeCache,
        histories: HistoryCache,
        settings: StreamSettings,
        on_events: Callable[[int], None] | None = None,
    ) -> None:
        """`on_events(count)` hears how many events each message of a stream carries (metrics)."""
        self.source = source
        self.descriptions = descriptions
        self.histories = histories
        self.settings = settings
        self.on_events = on_events
        # First pages being read while DescribeExecution is asked (see `_stream`), by what they read.
        self._reading_early: dict[tuple[str, bool, bool, int], HistoryReader] = {}

    # -- StreamExecutionHistory -----------------------------------------------------------------

    async def stream(
        self, request: gateway_pb2.StreamExecutionHistoryRequest, deadline: float | None
    ) -> AsyncIterator[bytes]:
        """The responses of one stream, serialized; at least one, whichever way the stream goes."""
        progress = _Progress(request.after_event_id, request.reverse_order, self.on_events)
        messages = self._stream(request, deadline, progress)
        try:
            async for message in messages:
                yield message
        finally:
            await messages.aclose()  # left early: its clean-up (readers, shared loads) runs now, here
        if not progress.messages:
            yield progress.message()  # nothing after the resume point: say where the stream is

    async def _stream(
        self, request: gateway_pb2.StreamExecutionHistoryRequest, deadline: float | None, progress: _Progress
    ) -> AsyncGenerator[bytes, None]:
        arn = request.execution_arn
        include = request.include_execution_data if request.HasField("include_execution_data") else True
        page_size = int(request.page_size) or AWS_PAGE_LIMIT

        early: HistoryReader | None = None
        early_key = (arn, include, progress.reverse, page_size)
        if not self.descriptions.known_final(arn) and early_key not in self._reading_early:
            # DescribeExecution goes to AWS: read the first page at the same time, a round trip
            # sooner. A stream of an execution that may still change reads on; for a final one the
            # read goes to the history's loader, which starts with the same page. One stream at a
            # time does this per history, and whichever stream starts the loader takes the read
            # (the streams of a crowd resume in no particular order).
            early = self._reading_early[early_key] = self._reader(arn, include, progress.reverse, deadline, page_size)
        try:
            description = await self.descriptions.describe({"executionArn": arn}, deadline)
        except BaseException:
            if early is not None and self._reading_early.get(early_key) is early:
                del self._reading_early[early_key]
                early.close()
            raise
        if early is not None:
            # Still ours, or taken by the stream that started the loader.
            early = self._reading_early.pop(early_key) if self._reading_early.get(early_key) is early else None
        progress.status = description.status

        if self.histories.enabled and is_final(description):
            key = (arn, include)
            shared = None
            if not progress.reverse:
                if early is None and page_size == AWS_PAGE_LIMIT:
                    early = self._reading_early.pop(early_key, None)  # another stream's read of the same page
                handed = early if page_size == AWS_PAGE_LIMIT else None
                if early is not None and handed is None:
                    early.close()
                early = None
                shared = self.histories.share(key, started=handed)
            elif (kept := self.histories.cached(key)) is not None:
                shared = (kept, None)
            if shared is not None:
                async for message in self._from_shared(key, shared[0], shared[1], progress):
                    yield message
                return

        if early is not None and is_final(description):
            # Read beside a DescribeExecution that found the execution ended, the early page may be
            # from before it ended (without its closing events): read the final history afresh.
            early.close()
            early = None
        reader = early or self._reader(arn, include, progress.reverse, deadline, page_size)
        async for message in self._from_aws(progress, reader):
            yield message
        # Ended before this stream began (DescribeExecution said so): once a read that started after
        # that found no terminal event beyond the resume point, the terminal event is at or before it.
        ended = description.status in TERMINAL_STATUSES
        while request.follow:
            if progress.terminal_seen:
                description = await self.descriptions.describe({"executionArn": arn}, deadline)
                if description.status not in ACTIVE_STATUSES:
                    progress.status = description.status
                    yield progress.message()
                    return
                progress.terminal_seen = False  # redriven: keep following
                ended = False
            async for message in self._follow(arn, include, page_size, progress, deadline, ended):
                yield message

    def _reader(
        self, arn: str, include: bool, reverse: bool, deadline: float | None, wanted: int, read_ahead: bool = True
    ) -> HistoryReader:
        return HistoryReader(
            self.source,
            arn=arn,
            include_data=include,
            reverse=reverse,
            budget=self.settings.page_bytes,
            deadline=deadline,
            wanted=wanted,
            read_ahead=read_ahead,
        )

    async def _from_shared(
        self, key: tuple[str, bool], history: FinalHistory, reader: int | None, progress: _Progress
    ) -> AsyncIterator[bytes]:
        try:
            if progress.reverse:  # a kept history, newest first
                for page in reversed(history.pages):
                    backwards = Frames.gather([(page.frames, range(len(page.frames) - 1, -1, -1))])
                    for message in messages(backwards, progress, self.settings.max_message_bytes):
                        yield message
                return
            number = 0
            while (shared_page := await history.page(reader, number)) is not None:
                for message in messages(shared_page.frames, progress, self.settings.max_message_bytes):
                    yield message
                number += 1
        finally:
            self.histories.leave(key, history, reader)

    async def _from_aws(self, progress: _Progress, reader: HistoryReader) -> AsyncIterator[bytes]:
        # The reader is one request ahead: the next page downloads while this one is sent.
        try:
            async for page in reader:
                for message in messages(page.frames, progress, self.settings.max_message_bytes):
                    yield message
        finally:
            reader.close()  # a cancelled stream makes no further AWS calls

    async def _follow(
        self, arn: str, include: bool, page_size: int, progress: _Progress, deadline: float | None, ended: bool
    ) -> AsyncIterator[bytes]:
        """Poll until new events appear, send them, and return once a terminal event was sent.

        `ended`: the execution was terminal before this stream read its history, so the first poll
        reads the whole rest of it: without a terminal event beyond the resume point, the stream
        resumed after it (the caller describes again, and ends the stream or follows a redrive).
        """
        backoff = Backoff(self.settings)
        while not progress.terminal_seen:
            if not ended:
                await asyncio.sleep(backoff.next())
            fresh = await self._newer_than(arn, include, page_size, progress.last_id, deadline)
            if len(fresh):
                backoff.reset()
                for message in messages(fresh, progress, self.settings.max_message_bytes):
                    yield message
            if ended and not progress.terminal_seen:
                progress.terminal_seen = True  # it is at or before the resume point
            ended = False

    async def _newer_than(
        self, arn: str, include: bool, page_size: int, last_id: int, deadline: float | None
    ) -> Frames:
        """Events after `last_id`, oldest first: read newest-first pages until reaching known ones."""
        reader = self._reader(arn, include, True, deadline, page_size, read_ahead=False)
        newest_first: list[Frames] = []
        try:
            async for page in reader:
                fresh = [index for index, ident in enumerate(page.frames.ids) if ident > last_id]
                newest_first.append(Frames.gather([(page.frames, fresh)]))
                if len(fresh) < len(page.frames):
                    break
        finally:
            reader.close()
        return Frames.gather((frames, range(len(frames) - 1, -1, -1)) for frames in reversed(newest_first))

    # -- WaitExecution ---------------------------------------------------------------------------

    async def wait(
        self, request: gateway_pb2.WaitExecutionRequest, deadline: float | None
    ) -> gateway_pb2.WaitExecutionResponse:
        """Poll DescribeExecution until the execution is terminal or the wait ends (`max_wait`, or the deadline nears).

        The wait ends at its end whatever AWS does: each poll after the first is bounded by it, and a
        poll that cannot answer in time is left (a shared DescribeExecution goes on for its other
        callers); the answer is then the last one had, with `done` false. The first poll is bounded
        by the caller's deadline only: without an answer there is nothing to answer with.
        """
        params = {"executionArn": request.execution_arn}
        ends = [] if deadline is None else [deadline - _DEADLINE_MARGIN]
        if request.HasField("max_wait"):
            # Seconds as a float, not a timedelta: a huge max_wait is merely "a long time".
            ends.append(time.monotonic() + request.max_wait.seconds + request.max_wait.nanos / 1e9)
        until = min(ends) if ends else None
        backoff = Backoff(self.settings)
        description = await self.descriptions.describe(params, deadline)
        while description.status not in TERMINAL_STATUSES:
            pause = backoff.next()
            if until is not None:
                pause = min(pause, until - time.monotonic())
                if pause <= 0:
                    break
            await asyncio.sleep(pause)
            if until is not None and time.monotonic() >= until:
                break
            try:
                description = await self.descriptions.describe(params, until)
            except ServiceError as exc:
                if until is None or exc.code != grpc.StatusCode.DEADLINE_EXCEEDED:
                    raise
                break  # no answer before the wait's end: as far as is known, it still runs
        response = gateway_pb2.WaitExecutionResponse(done=description.status in TERMINAL_STATUSES)
        response.execution.CopyFrom(description)
        return response


def messages(frames: Frames, progress: _Progress, max_message_bytes: int) -> Iterator[bytes]:
    """Messages of these events (in the order asked for), after the resume point, each within the size limit."""
    ids = frames.ids
    if not progress.in_order(ids):
        # Not in order (no AWS answer is like this): keep what an event-by-event reading would
        # send, each event only if it is beyond the last one sent, which is in order again.
        frames = Frames.gather([(frames, progress.beyond(ids))])
    start, end = progress.first_wanted(frames.ids), len(frames)
    while start < end:
        limit = max_message_bytes - _STAMP_BYTES
        if not progress.messages:
            # A small first message reaches the caller at once, without waiting for HTTP/2 flow
            # control (64 KiB at first) or for the copy of a whole page.
            limit = min(limit, _FIRST_MESSAGE_BYTES)
        stop = frames.fitting(start, min(end, start + _RUN), limit)
        progress.saw(frames, start, stop)
        yield stream_message(frames, start, stop, progress.last_id, progress.status)
        start = stop


class _Progress:
    """Where a stream is: what to skip (resume), the last event sent, the status once known."""

    def __init__(self, after_event_id: int, reverse: bool, on_events: Callable[[int], None] | None = None) -> None:
        self.on_events = on_events
        self.after = after_event_id
        self.reverse = reverse
        self.last_id = after_event_id
        self.status: Status = executions_pb2.EXECUTION_STATUS_UNSPECIFIED
        self.terminal_seen = False
        self.messages = 0  # sent so far

    def in_order(self, ids: list[int]) -> bool:
        """True when the ids are strictly in the order asked for."""
        if self.reverse:
            return all(a > b for a, b in itertools.pairwise(ids))
        return all(a < b for a, b in itertools.pairwise(ids))

    def first_wanted(self, ids: list[int]) -> int:
        """The index of the first event to send, of events in the order asked for."""
        for index, ident in enumerate(ids):
            if self._wanted(ident):
                return index
        return len(ids)

    def _wanted(self, ident: int) -> bool:
        if self.reverse:
            return self.after == 0 or ident < self.after
        return ident > self.last_id

    def beyond(self, ids: list[int]) -> list[int]:
        """Indexes of the events an event-by-event reading would send: each beyond the one before."""
        kept = []
        bound = self.after if self.reverse else self.last_id
        for index, ident in enumerate(ids):
            if (self.reverse and (bound == 0 or ident < bound)) or (not self.reverse and ident > bound):
                kept.append(index)
                bound = ident
        return kept

    def saw(self, frames: Frames, start: int, stop: int) -> None:
        """Entries `start`..`stop` are about to be sent: update position and status."""
        self.last_id = frames.ids[stop - 1]
        if self.reverse:
            self.after = self.last_id  # later pages must continue below this id
        status = frames.status_after(start, stop)
        if status is not None:
            self.status = status
            self.terminal_seen = status in TERMINAL_STATUSES
        self.messages += 1
        if self.on_events is not None:
            self.on_events(stop - start)

    def message(self) -> bytes:
        """A message without events, saying where the stream is now."""
        self.messages += 1
        return gateway_pb2.StreamExecutionHistoryResponse(
            last_event_id=self.last_id, execution_status=self.status
        ).SerializeToString()
