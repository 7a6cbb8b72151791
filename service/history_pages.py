"""GetExecutionHistory for unary callers: pages from a kept final history, or read from AWS as asked.

A page holds at most `max_results` events and at most the response byte limit. It comes from the
kept history when there is one (no AWS call); otherwise from AWS, asking only for about what the page
can hold (`EventSizes`), so a page costs about one upstream call whatever the events' size, and never
loads more of the history than the page itself. So a unary page never fills the history cache (a
page of one event must not read 25,000): a StreamExecutionHistory of the final history does.

The page token (see paging.py) carries AWS's token of the upstream page, the offset into it and the
index of the next event in the whole history: a replica that keeps the history continues by index,
any other replica by AWS's token, so a token continues on any replica whatever its cache settings.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from service.caches import FinalHistory, HistoryCache
from service.history import Frames, HistoryReader, HistorySource, page_bytes
from service.paging import PageTokens, Pagination, Position, start_position
from service.rpc import Call, Handler

_OPERATION = "GetExecutionHistory"
_PAGINATION = Pagination(result_key="events")


class HistoryPages:
    """The stage that serves GetExecutionHistory (it replaces the generic paging and the plain send)."""

    def __init__(
        self,
        source: HistorySource,
        histories: HistoryCache,
        tokens: PageTokens,
        max_response_bytes: int,
        page_bytes: int,
    ) -> None:
        self.source = source
        self.histories = histories
        self.tokens = tokens
        self.max_bytes = max_response_bytes
        self.budget = min(page_bytes, max_response_bytes)

    def stage(self, _inner: Handler) -> Handler:
        """The stage (it does not call the plain send: pages are read here)."""
        return self.page

    async def page(self, call: Call) -> bytes:
        """One page, serialized (GetExecutionHistoryResponse)."""
        params = call.params
        arn = str(params["executionArn"])
        include = bool(params.get("includeExecutionData", True))
        reverse = bool(params.get("reverseOrder", False))
        wanted = int(params.get("maxResults") or 100)  # AWS's default page size
        binding = self.tokens.binding(_OPERATION, params, _PAGINATION)
        position = start_position(_OPERATION, params, _PAGINATION, self.tokens)
        kept = None if reverse else self.histories.cached((arn, include))
        chunks: Sequence[memoryview]
        if kept is not None:
            chunks, following = self._from_kept(kept, position.index, wanted)
        else:
            chunks, following = await self._from_aws(call, arn, include, reverse, position, wanted)
        token = "" if following is None else self.tokens.issue(binding, following)
        return page_bytes(chunks, token)

    def _from_kept(self, kept: FinalHistory, index: int, wanted: int) -> tuple[list[memoryview], Position | None]:
        """Events `index`.. of a kept history (forward), and where the next page starts."""
        starts = [page.start for page in kept.pages]
        chunks: list[memoryview] = []
        size = 0
        while index < kept.count and wanted > 0:
            page = kept.pages[bisect.bisect_right(starts, index) - 1]
            first = index - page.start
            stop = _take(page.frames, first, wanted, self.max_bytes - size, at_least_one=not chunks)
            if stop == first:
                break
            chunks.append(page.frames.slice(first, stop))
            size += page.frames.offsets[stop] - page.frames.offsets[first]
            wanted -= stop - first
            index += stop - first
        if index >= kept.count:
            return chunks, None
        page = kept.pages[bisect.bisect_right(starts, index) - 1]
        return chunks, Position(page.aws_token, page.aws_limit, index - page.start, index)

    async def _from_aws(
        self, call: Call, arn: str, include: bool, reverse: bool, position: Position, wanted: int
    ) -> tuple[Sequence[memoryview], Position | None]:
        """Events from `position` on, read from AWS page by page until the page is full."""
        reader = HistoryReader(
            self.source,
            arn=arn,
            include_data=include,
            reverse=reverse,
            budget=self.budget,
            deadline=call.deadline,
            aws_token=position.aws_token,
            aws_limit=position.aws_limit if position.offset else None,
            wanted=wanted,
            read_ahead=False,
        )
        chunks: list[memoryview] = []
        size = 0
        index = position.index
        skip = position.offset
        try:
            async for page in reader:
                frames = page.frames
                first = min(skip, len(frames))
                skip = 0
                stop = _take(frames, first, wanted, self.max_bytes - size, at_least_one=not chunks)
                if stop > first:
                    chunks.append(frames.slice(first, stop))
                    size += frames.offsets[stop] - frames.offsets[first]
                    wanted -= stop - first
                    index += stop - first
                if stop < len(frames):  # cut here: the next page continues inside this upstream page
                    return chunks, Position(page.aws_token, page.aws_limit, stop, index)
                if page.next_token is None:
                    return chunks, None
                if wanted <= 0 or size >= self.max_bytes:
                    return chunks, Position(page.next_token, page.aws_limit, 0, index)
                reader.want(wanted, min(self.budget, self.max_bytes - size))
            return chunks, None
        finally:
            reader.close()


def _take(frames: Frames, first: int, wanted: int, room: int, *, at_least_one: bool) -> int:
    """The end of the run of entries from `first`: at most `wanted` of them within `room` bytes.

    With `at_least_one`, one entry even if it alone is larger (else a huge event could never go).
    """
    stop = min(len(frames), first + wanted)
    if stop <= first:
        return first
    end = bisect.bisect_right(frames.offsets, frames.offsets[first] + room, first, stop + 1) - 1
    return first + 1 if end == first and at_least_one else end
