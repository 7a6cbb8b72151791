"""Execution history as the gateway holds it: serialized events, read from AWS in pages sized by bytes.

`Frames` are history events kept as the bytes of a `repeated HistoryEvent events = 1` field (the
same field in GetExecutionHistoryResponse and StreamExecutionHistoryResponse): a message of any run
of them is a slice of those bytes plus a few bytes of its own fields, built without touching an
event. What they take in memory is exactly what they would take on the wire.

`EventSizes` remembers how big an execution's events are, so that an upstream page asks for as many
events as fit a byte budget: a thousand small events, or a dozen of 256 KiB.

`HistoryReader` reads the pages of one history, one request ahead of its reader and no more.
"""

from __future__ import annotations

import asyncio
import bisect
import itertools
import threading
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sfngrpc.stepfunctions.v1 import gateway_pb2, history_pb2

from service.aws import Aws, Operation, discard, peek_next_token
from service.executions import REDRIVEN_EVENT, RUNNING, TERMINAL_EVENTS, TERMINAL_STATUSES, Status

AWS_PAGE_LIMIT = 1000  # the most events GetExecutionHistory returns per page
# The most bytes one event can take: a 256 KiB payload and its event's other members.
WORST_EVENT_BYTES = 256 * 1024 + 2048
_EVENTS_TAG = 0x0A  # field 1, length-delimited: `events` in both history responses
_TOKEN_TAG = 0x12  # GetExecutionHistoryResponse.next_token: field 2, length-delimited


def _varint(value: int) -> bytes:
    out = bytearray()
    while True:
        low = value & 0x7F
        value >>= 7
        if value:
            out.append(low | 0x80)
        else:
            out.append(low)
            return bytes(out)


def _entry_size(size: int) -> int:
    """Bytes of one `events` entry holding an event of `size` bytes: tag, length, event."""
    return 1 + len(_varint(size)) + size


class Frames:
    """Events as serialized `events` entries, with their ids, offsets and status changes.

    Immutable once made: streams and the cache share them.
    """

    __slots__ = ("changes", "data", "ids", "offsets")

    def __init__(self, data: bytes, offsets: list[int], ids: list[int], changes: list[tuple[int, Status]]) -> None:
        self.data = data
        self.offsets = offsets  # offsets[i]: where entry i starts; offsets[-1] == len(data)
        self.ids = ids
        self.changes = changes  # (index, status the execution has after event `index`), in order

    @classmethod
    def of(cls, page: history_pb2.GetExecutionHistoryResponse) -> Frames:
        """Frames of a page's events, in its order (the page loses its next_token)."""
        page.ClearField("next_token")
        data = page.SerializeToString()  # now only the `events` entries
        events = page.events
        offsets = [0, *itertools.accumulate(_entry_size(event.ByteSize()) for event in events)]
        ids = [event.id for event in events]
        changes = []
        for index, event in enumerate(events):
            status = TERMINAL_EVENTS.get(event.type)
            if status is None and event.type == REDRIVEN_EVENT:
                status = RUNNING
            if status is not None:
                changes.append((index, status))
        return cls(data, offsets, ids, changes)

    @classmethod
    def gather(cls, parts: Iterable[tuple[Frames, Sequence[int]]]) -> Frames:
        """New frames of the chosen entries of other frames, in the order given."""
        chunks: list[memoryview] = []
        offsets = [0]
        ids: list[int] = []
        changes: list[tuple[int, Status]] = []
        for frames, indexes in parts:
            view = memoryview(frames.data)
            changed = dict(frames.changes)
            for index in indexes:
                chunk = view[frames.offsets[index] : frames.offsets[index + 1]]
                if index in changed:
                    changes.append((len(ids), changed[index]))
                chunks.append(chunk)
                offsets.append(offsets[-1] + len(chunk))
                ids.append(frames.ids[index])
        return cls(b"".join(chunks), offsets, ids, changes)

    def __len__(self) -> int:
        return len(self.ids)

    @property
    def nbytes(self) -> int:
        """Serialized size of every entry."""
        return len(self.data)

    def slice(self, start: int, stop: int) -> memoryview:
        """The bytes of entries `start` to `stop` (a view, no copy)."""
        return memoryview(self.data)[self.offsets[start] : self.offsets[stop]]

    def fitting(self, start: int, stop: int, limit: int) -> int:
        """The end of the longest run from `start` (one entry at least, up to `stop`) within `limit` bytes."""
        end = bisect.bisect_right(self.offsets, self.offsets[start] + limit, start + 1, stop + 1) - 1
        return max(end, start + 1)

    def ends(self) -> bool:
        """True when the last status-changing event here ends the execution (a final history's last page)."""
        return bool(self.changes) and self.changes[-1][1] in TERMINAL_STATUSES

    def status_after(self, start: int, stop: int) -> Status | None:
        """The status the last status-changing event among entries `start`..`stop` leaves (None: none)."""
        found = None
        for index, status in self.changes:
            if start <= index < stop:
                found = status
        return found


def stream_message(frames: Frames, start: int, stop: int, last_event_id: int, status: Status) -> bytes:
    """A serialized StreamExecutionHistoryResponse of entries `start`..`stop` and the stream's position."""
    stamp = gateway_pb2.StreamExecutionHistoryResponse(last_event_id=last_event_id, execution_status=status)
    return b"".join((frames.slice(start, stop), stamp.SerializeToString()))


def page_bytes(chunks: Sequence[memoryview | bytes], next_token: str) -> bytes:
    """A serialized GetExecutionHistoryResponse of these `events` entries and `next_token`."""
    token = next_token.encode()
    tail = b"".join((bytes([_TOKEN_TAG]), _varint(len(token)), token)) if token else b""
    return b"".join((*chunks, tail))


class EventSizes:
    """Bytes per event of recently read histories (the largest page average seen), by execution."""

    def __init__(self, entries: int = 4096) -> None:
        self._entries = entries
        self._sizes: OrderedDict[str, float] = OrderedDict()

    def observe(self, arn: str, nbytes: int, events: int) -> None:
        """A page of `events` events took `nbytes` bytes."""
        if events <= 0:
            return
        per_event = max(nbytes / events, self._sizes.get(arn, 0.0))
        self._sizes[arn] = per_event
        self._sizes.move_to_end(arn)
        while len(self._sizes) > self._entries:
            self._sizes.popitem(last=False)

    def limit(self, arn: str, budget: int, wanted: int = AWS_PAGE_LIMIT) -> int:
        """How many events to ask for so that a page stays within `budget` bytes.

        An execution not seen yet is assumed to have events of the largest size AWS allows.
        """
        per_event = self._sizes.get(arn, WORST_EVENT_BYTES)
        return max(1, min(wanted, AWS_PAGE_LIMIT, int(budget // max(per_event, 1.0))))


@dataclass(frozen=True)
class Page:
    """One upstream page: its events in the order asked for, and where it is in AWS's paging."""

    frames: Frames
    aws_token: str | None  # the token that asked for it (None: the first page)
    aws_limit: int  # the maxResults it was asked with
    next_token: str | None


def ordered(events: Any, reverse: bool) -> None:
    """Put a page's events (a repeated field) in the order asked for, in place.

    Emulators that ignore `reverseOrder` (moto) send the whole history oldest first in one page;
    turning such a page around gives what AWS would have sent.
    """
    if len(events) > 1 and (events[0].id > events[-1].id) != reverse:
        events.reverse()


@dataclass(frozen=True)
class HistorySource:
    """Where history pages come from: GetExecutionHistory through `aws`, sized by `sizes`."""

    aws: Aws
    operation: Operation
    sizes: EventSizes


class HistoryReader:
    """The pages of one GetExecutionHistory read, in order, each request sent as early as it may go.

    Paging is a chain: each request needs the previous page's nextToken. The next request goes out
    as soon as the current page's body is in, before that page is converted (which then overlaps
    the next round trip), but not before the reader asks for the current page: the read is at most
    one page ahead of its reader. Each request asks for as many events as fit `budget` bytes, by
    what `sizes` knows of this execution's events.

    An async iterator of `Page`; `close()` when done early (it cancels the request in flight).
    `deadline` applies to requests not sent yet, and may be changed.
    """

    def __init__(
        self,
        source: HistorySource,
        *,
        arn: str,
        include_data: bool,
        reverse: bool,
        budget: int,
        deadline: float | None,
        aws_token: str | None = None,
        aws_limit: int | None = None,
        wanted: int = AWS_PAGE_LIMIT,
        read_ahead: bool = True,
    ) -> None:
        self.deadline = deadline
        self.arn = arn
        self.reverse = reverse
        self.budget = budget
        self._aws = source.aws
        self._operation = source.operation
        self._sizes = source.sizes
        self._params = {"executionArn": arn, "reverseOrder": reverse, "includeExecutionData": include_data}
        self._wanted = wanted
        self._read_ahead = read_ahead
        self._pending: tuple[asyncio.Future[bytes], str | None, int] | None = self._request(aws_token, aws_limit)
        self._later: str | None = None  # without read ahead: the token of the next page, not asked yet

    def _request(
        self, token: str | None, limit: int | None = None, sent: threading.Event | None = None
    ) -> tuple[asyncio.Future[bytes], str | None, int]:
        limit = limit or self._sizes.limit(self.arn, self.budget, self._wanted)
        params: dict[str, Any] = {**self._params, "maxResults": limit}
        if token:
            params["nextToken"] = token
        task = asyncio.ensure_future(self._aws.send_raw(self._operation, params, self.deadline, sent=sent))
        return task, token, limit

    def want(self, wanted: int, budget: int | None = None) -> None:
        """Ask later pages for at most `wanted` events and `budget` bytes (a page that needs a few more)."""
        self._wanted = max(1, wanted)
        if budget is not None:
            self.budget = max(1, budget)

    def __aiter__(self) -> HistoryReader:
        return self

    async def __anext__(self) -> Page:
        if self._later is not None:
            self._pending, self._later = self._request(self._later), None
        if self._pending is None:
            raise StopAsyncIteration
        try:
            task, token, limit = self._pending
            body = await task
            hint = peek_next_token(body)
            sent = None
            self._pending = None
            if hint:
                # Full page (more follow): its size per event sizes the next request.
                self._sizes.observe(self.arn, len(body), limit)
                if self._read_ahead:
                    sent = threading.Event()
                    self._pending = self._request(hint, sent=sent)
            page = await self._aws.decode(self._operation, body, history_pb2.GetExecutionHistoryResponse, after=sent)
            self._sizes.observe(self.arn, len(body), len(page.events))
            if page.next_token != (hint or ""):
                # The look ahead missed (the body is not what AWS writes): ask for the right page.
                if self._pending is not None:
                    discard(self._pending[0])
                self._pending = None
                if self._read_ahead and page.next_token:
                    self._pending = self._request(page.next_token)
            if not self._read_ahead:
                self._later = page.next_token or None
            ordered(page.events, self.reverse)
            next_token = page.next_token or None
            return Page(Frames.of(page), token, limit, next_token)
        except BaseException:
            self.close()
            raise

    def close(self) -> None:
        """Stop reading: no further request is sent, the one in flight is cancelled."""
        if self._pending is not None:
            discard(self._pending[0])
        self._pending = None
        self._later = None
