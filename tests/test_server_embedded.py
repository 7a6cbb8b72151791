"""The `make run` experience: the server on the embedded moto backend, used through generated stubs.

A client starts the demo state machine, reads DescribeExecution until it succeeds, and pages through
GetExecutionHistory with max_results=5 seeing every event once (moto itself ignores maxResults: the
gateway's own pages keep the limit)."""

from __future__ import annotations

import asyncio

import pytest
from sfngrpc.stepfunctions.v1 import executions_pb2, history_pb2

from tests.grpc_helpers import running_server, server_config, start_demo

pytestmark = pytest.mark.asyncio


async def test_demo_execution_end_to_end() -> None:
    async with running_server(server_config(backend="embedded")) as (_, stub, _):
        execution_arn = await start_demo(stub, wait=False)
        assert not execution_arn.endswith(":None")  # the gateway names unnamed executions
        status = None
        for _ in range(150):
            described = await stub.DescribeExecution(
                executions_pb2.DescribeExecutionRequest(execution_arn=execution_arn), timeout=10
            )
            status = described.status
            if status != executions_pb2.EXECUTION_STATUS_RUNNING:
                break
            await asyncio.sleep(0.2)
        assert status == executions_pb2.EXECUTION_STATUS_SUCCEEDED

        request = history_pb2.GetExecutionHistoryRequest(execution_arn=execution_arn, max_results=5)
        ids: list[int] = []
        types: list[int] = []
        while True:
            page = await stub.GetExecutionHistory(request, timeout=10)
            assert 0 < len(page.events) <= 5
            ids += [e.id for e in page.events]
            types += [e.type for e in page.events]
            if not page.next_token:
                break
            request.next_token = page.next_token
        assert ids == list(range(1, len(ids) + 1))
        assert types[0] == history_pb2.HISTORY_EVENT_TYPE_EXECUTION_STARTED
        assert types[-1] == history_pb2.HISTORY_EVENT_TYPE_EXECUTION_SUCCEEDED
        assert history_pb2.HISTORY_EVENT_TYPE_MAP_STATE_ENTERED in types
        assert history_pb2.HISTORY_EVENT_TYPE_PARALLEL_STATE_ENTERED in types

        # moto also ignores reverseOrder: the gateway's pages are newest first all the same.
        request = history_pb2.GetExecutionHistoryRequest(execution_arn=execution_arn, max_results=7, reverse_order=True)
        backwards: list[int] = []
        while True:
            page = await stub.GetExecutionHistory(request, timeout=10)
            backwards += [e.id for e in page.events]
            if not page.next_token:
                break
            request.next_token = page.next_token
        assert backwards == ids[::-1]
