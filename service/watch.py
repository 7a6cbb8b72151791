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
import datetime as dt
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any, TypeAlias

from stepfunctions.v1 import executions_pb2, gateway_pb2

from service.backend import Backend
from service.convert import to_message
from service.history_stream import Backoff, StreamSettings
from service.paging import PageTokens, Pagination, Position
from service.validation import Validator

_ACTIVE = frozenset({"RUNNING", "PENDING_REDRIVE"})
_CURSOR = Pagination(result_key="executions")  # binds cursors like page tokens (state machine, filter)
_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
_PAGE = 1000

Change: TypeAlias = gateway_pb2.ExecutionChange.ValueType


@dataclass
class _Known:
    """What the watch knows of one execution."""

    item: dict[str, Any]

    @property
    def status(self) -> str:
        return str(self.item.get("status", ""))


def _millis(value: Any) -> int:
    """Milliseconds since the epoch of a boto3 timestamp (0 when absent)."""
    if not isinstance(value, dt.datetime):
        return 0
    return (value - _EPOCH) // dt.timedelta(milliseconds=1)


def _changed_at(item: dict[str, Any]) -> int:
    """When the execution last changed, as far as its list item tells."""
    return max(_millis(item.get("startDate")), _millis(item.get("stopDate")), _millis(item.get("redriveDate")))


class ExecutionWatcher:
    """Serves WatchExecutions."""

    def __init__(self, backend: Backend, validator: Validator, tokens: PageTokens, settings: StreamSettings) -> None:
        self.backend = backend
        self.validator = validator
        self.tokens = tokens
        self.settings = settings

    async def watch(
        self, request: gateway_pb2.WatchExecutionsRequest, deadline: float | None
    ) -> AsyncIterator[gateway_pb2.WatchExecutionsResponse]:
        """The responses of one watch: a snapshot (or a replay after the cursor), then changes."""
        arn = request.state_machine_arn
        status_filter = (
            executions_pb2.ExecutionStatus.Name(request.status_filter).removeprefix("EXECUTION_STATUS_")
            if request.HasField("status_filter")
            else None
        )
        binding = self.tokens.binding(
            "WatchExecutions", {"stateMachineArn": arn, "statusFilter": status_filter}, _CURSOR
        )
        as_of = 0
        if request.resume_cursor:
            as_of = self.tokens.open(binding, request.resume_cursor, field="resume_cursor").index

        known: dict[str, _Known] = {}
        for item in reversed(await self._list(arn, deadline)):  # oldest first
            known[item["executionArn"]] = _Known(item)
            if not request.resume_cursor:
                change = gateway_pb2.EXECUTION_CHANGE_EXISTING
            elif _millis(item.get("startDate")) >= as_of:  # >=: at least once, never lost
                change = gateway_pb2.EXECUTION_CHANGE_STARTED
            elif _changed_at(item) >= as_of:
                change = gateway_pb2.EXECUTION_CHANGE_STATUS_CHANGED
            else:
                continue
            as_of = max(as_of, _changed_at(item))
            if _matches(item, status_filter):
                yield self._response(change, item, None, binding, as_of)

        backoff = Backoff(self.settings)
        while True:
            await asyncio.sleep(backoff.next())
            changes = await self._poll(arn, known, deadline)
            if changes:
                backoff.reset()
            for change, item, previous in changes:
                as_of = max(as_of, _changed_at(item))
                if _matches(item, status_filter) or (previous is not None and previous == status_filter):
                    yield self._response(change, item, previous, binding, as_of)

    async def _poll(
        self, arn: str, known: dict[str, _Known], deadline: float | None
    ) -> list[tuple[Change, dict[str, Any], str | None]]:
        changes: list[tuple[Change, dict[str, Any], str | None]] = []
        for item in reversed(await self._list(arn, deadline, stop_at_known=known)):
            known[item["executionArn"]] = _Known(item)
            changes.append((gateway_pb2.EXECUTION_CHANGE_STARTED, item, None))
        running = {item["executionArn"]: item for item in await self._list(arn, deadline, status="RUNNING")}
        for execution_arn, entry in known.items():
            now_running = running.get(execution_arn)
            if entry.status in _ACTIVE and now_running is None:
                description = await self.backend.call(
                    "DescribeExecution", {"executionArn": execution_arn}, deadline=deadline, idempotent=True
                )
                item = {**entry.item, **_list_item_fields(description)}
            elif entry.status not in _ACTIVE and now_running is not None:
                item = now_running  # redriven
            elif now_running is not None and now_running.get("status") != entry.status:
                item = now_running
            else:
                continue
            if item.get("status") != entry.status:
                changes.append((gateway_pb2.EXECUTION_CHANGE_STATUS_CHANGED, item, entry.status))
                entry.item = item
        return changes

    async def _list(
        self,
        arn: str,
        deadline: float | None,
        status: str | None = None,
        stop_at_known: dict[str, _Known] | None = None,
    ) -> list[dict[str, Any]]:
        """ListExecutions, every page (or, with `stop_at_known`, only the executions not known yet)."""
        params: dict[str, Any] = {"stateMachineArn": arn, "maxResults": _PAGE}
        if status:
            params["statusFilter"] = status
        items: list[dict[str, Any]] = []
        while True:
            result = await self.backend.call("ListExecutions", params, deadline=deadline, idempotent=True)
            page = result.get("executions", [])
            if stop_at_known is not None:
                fresh = [item for item in page if item["executionArn"] not in stop_at_known]
                items += fresh
                if len(fresh) < len(page):
                    return items  # newest first: the rest is known
            else:
                items += page
            if not result.get("nextToken"):
                return items
            params = {**params, "nextToken": result["nextToken"]}

    def _response(
        self, change: Change, item: dict[str, Any], previous: str | None, binding: str, as_of: int
    ) -> gateway_pb2.WatchExecutionsResponse:
        response = gateway_pb2.WatchExecutionsResponse(
            change=change,
            execution=to_message(item, executions_pb2.ExecutionListItem),
            cursor=self.tokens.issue(binding, Position(index=as_of)),
        )
        if previous is not None:
            response.previous_status = to_message({"status": previous}, executions_pb2.DescribeExecutionResponse).status
        return response


def _matches(item: dict[str, Any], status_filter: str | None) -> bool:
    return status_filter is None or item.get("status") == status_filter


def _list_item_fields(description: dict[str, Any]) -> dict[str, Any]:
    """The members of DescribeExecution that an ExecutionListItem also has."""
    names = executions_pb2.ExecutionListItem.DESCRIPTOR.fields
    return {f.json_name: description[f.json_name] for f in names if f.json_name in description}
