"""WatchExecutions: a stream of a state machine's executions and their changes, by polling.

The watch starts with a snapshot (every execution as ListExecutions shows it) and then polls, with
backoff and jitter while nothing changes:

- new executions: ListExecutions pages, newest first, until the pages reach executions already
  known — a quiet state machine costs one call per poll;
- status changes of executions that were still running (or waiting for a redrive): one paged
  ListExecutions with `statusFilter=RUNNING`; a known running execution missing from it has
  finished, and DescribeExecution says how; a finished one that shows up in it was redriven.

Each change carries a cursor: a signed timestamp ("every change up to here was delivered") that any
replica accepts. Resuming lists the executions once and replays what changed after the cursor,
judged by the executions' own start, stop and redrive times. A status filter narrows what is sent,
not what is tracked, so an execution that comes to match the filter is reported too.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any, TypeAlias

from sfngrpc.stepfunctions.v1 import executions_pb2, gateway_pb2

from service.aws import Aws, Operation
from service.caches import DescribeCache
from service.convert import to_dict
from service.executions import ACTIVE_STATUSES, RUNNING, Status
from service.history_stream import Backoff, StreamSettings
from service.paging import PageTokens, Pagination, Position

_CURSOR = Pagination(result_key="executions")  # binds cursors like page tokens (state machine, filter)
_PAGE = 1000

Change: TypeAlias = gateway_pb2.ExecutionChange.ValueType
Item: TypeAlias = executions_pb2.ExecutionListItem
# The members of DescribeExecution's answer that an ExecutionListItem also has.
_DESCRIBED = executions_pb2.DescribeExecutionResponse.DESCRIPTOR
_SHARED_FIELDS = tuple(
    _DESCRIBED.fields_by_name[f.name] for f in Item.DESCRIPTOR.fields if f.name in _DESCRIBED.fields_by_name
)


def _millis(item: Item, field: str) -> int:
    """Milliseconds since the epoch of a timestamp member (0 when absent)."""
    message: Any = item  # the field is chosen at run time
    return int(getattr(item, field).ToMilliseconds()) if message.HasField(field) else 0


def _changed_at(item: Item) -> int:
    """When the execution last changed, as far as its list item tells."""
    return max(_millis(item, "start_date"), _millis(item, "stop_date"), _millis(item, "redrive_date"))


def _updated(item: Item, description: executions_pb2.DescribeExecutionResponse) -> Item:
    """The list item with what DescribeExecution says now."""
    updated = Item()
    updated.CopyFrom(item)
    for field in _SHARED_FIELDS:
        described: Any = description  # the field is chosen at run time
        if field.has_presence and not described.HasField(field.name):
            continue
        if field.message_type is not None:
            getattr(updated, field.name).CopyFrom(getattr(description, field.name))
        else:
            setattr(updated, field.name, getattr(description, field.name))
    return updated


class ExecutionWatcher:
    """Serves WatchExecutions."""

    def __init__(
        self,
        aws: Aws,
        list_operation: Operation,
        descriptions: DescribeCache,
        tokens: PageTokens,
        settings: StreamSettings,
    ) -> None:
        self.aws = aws
        self.list_operation = list_operation
        self.descriptions = descriptions
        self.tokens = tokens
        self.settings = settings

    async def watch(
        self, request: gateway_pb2.WatchExecutionsRequest, deadline: float | None
    ) -> AsyncIterator[gateway_pb2.WatchExecutionsResponse]:
        """The responses of one watch: a snapshot (or a replay after the cursor), then changes."""
        arn = request.state_machine_arn
        status_filter: Status | None = request.status_filter if request.HasField("status_filter") else None
        filter_name = (
            None
            if status_filter is None
            else executions_pb2.ExecutionStatus.Name(status_filter).removeprefix("EXECUTION_STATUS_")
        )
        binding = self.tokens.binding("WatchExecutions", {"stateMachineArn": arn, "statusFilter": filter_name}, _CURSOR)
        as_of = 0
        if request.resume_cursor:
            as_of = self.tokens.open(binding, request.resume_cursor, field="resume_cursor").index

        known: dict[str, Item] = {}
        for item in reversed(await self._list(arn, deadline)):  # oldest first
            known[item.execution_arn] = item
            if not request.resume_cursor:
                change = gateway_pb2.EXECUTION_CHANGE_EXISTING
            elif _millis(item, "start_date") >= as_of:  # >=: at least once, never lost
                change = gateway_pb2.EXECUTION_CHANGE_STARTED
            elif _changed_at(item) >= as_of:
                change = gateway_pb2.EXECUTION_CHANGE_STATUS_CHANGED
            else:
                continue
            as_of = max(as_of, _changed_at(item))
            if status_filter is None or item.status == status_filter:
                yield self._response(change, item, None, binding, as_of)

        backoff = Backoff(self.settings)
        while True:
            await asyncio.sleep(backoff.next())
            changes = await self._poll(arn, known, deadline)
            if changes:
                backoff.reset()
            for change, item, previous in changes:
                as_of = max(as_of, _changed_at(item))
                if status_filter is None or status_filter in (item.status, previous):
                    yield self._response(change, item, previous, binding, as_of)

    async def _poll(
        self, arn: str, known: dict[str, Item], deadline: float | None
    ) -> list[tuple[Change, Item, Status | None]]:
        changes: list[tuple[Change, Item, Status | None]] = []
        for item in reversed(await self._list(arn, deadline, stop_at_known=known)):
            known[item.execution_arn] = item
            changes.append((gateway_pb2.EXECUTION_CHANGE_STARTED, item, None))
        running = {item.execution_arn: item for item in await self._list(arn, deadline, status=RUNNING)}
        for execution_arn, entry in list(known.items()):
            now_running = running.get(execution_arn)
            if entry.status in ACTIVE_STATUSES and now_running is None:
                description = await self.descriptions.describe({"executionArn": execution_arn}, deadline)
                item = _updated(entry, description)
            elif entry.status not in ACTIVE_STATUSES and now_running is not None:
                item = now_running  # redriven
            elif now_running is not None and now_running.status != entry.status:
                item = now_running
            else:
                continue
            if item.status != entry.status:
                changes.append((gateway_pb2.EXECUTION_CHANGE_STATUS_CHANGED, item, entry.status))
                known[execution_arn] = item
        return changes

    async def _list(
        self,
        arn: str,
        deadline: float | None,
        status: Status | None = None,
        stop_at_known: dict[str, Item] | None = None,
    ) -> list[Item]:
        """ListExecutions, every page (or, with `stop_at_known`, only the executions not known yet)."""
        request = executions_pb2.ListExecutionsRequest(state_machine_arn=arn, max_results=_PAGE)
        if status is not None:
            request.status_filter = status
        params = to_dict(request)
        items: list[Item] = []
        while True:
            answer = await self.aws.send(self.list_operation, params, deadline)
            assert isinstance(answer, executions_pb2.ListExecutionsResponse)
            page = list(answer.executions)
            if stop_at_known is not None:
                fresh = [item for item in page if item.execution_arn not in stop_at_known]
                items += fresh
                if len(fresh) < len(page):
                    return items  # newest first: the rest is known
            else:
                items += page
            if not answer.next_token:
                return items
            params = {**params, "nextToken": answer.next_token}

    def _response(
        self, change: Change, item: Item, previous: Status | None, binding: str, as_of: int
    ) -> gateway_pb2.WatchExecutionsResponse:
        response = gateway_pb2.WatchExecutionsResponse(
            change=change, execution=item, cursor=self.tokens.issue(binding, Position(index=as_of))
        )
        if previous is not None:
            response.previous_status = previous
        return response
