"""History reads are bounded by what the reader asks for, not by the history: through a real channel
against the fake endpoint, counting what the gateway asks of it. Page tokens continue on any replica
whatever its cache settings."""

from __future__ import annotations

import asyncio
import time
from typing import Any

from sfngrpc.stepfunctions.v1 import executions_pb2, gateway_pb2, history_pb2

from tests.fake_sfn import FakeStepFunctions, history
from tests.grpc_helpers import next_message, running_server, server_config

Request = history_pb2.GetExecutionHistoryRequest


def execution(fake: FakeStepFunctions, count: int, status: str, payload_bytes: int = 512) -> str:
    machine = fake.add_state_machine(f"machine-{time.monotonic_ns()}")
    events = history(count, status=status, payload_bytes=payload_bytes)
    return fake.add_execution(machine, "run", status=status, events=events)


async def page_through(stub: Any, request: Request) -> tuple[list[int], int]:
    """Every event id, page by page, and how many pages that took."""
    ids: list[int] = []
    pages = 0
    while True:
        page = await stub.GetExecutionHistory(request, timeout=30)
        ids += [e.id for e in page.events]
        pages += 1
        if not page.next_token:
            return ids, pages
        request.next_token = page.next_token


async def test_one_event_of_a_final_history_costs_one_small_upstream_page(fake: FakeStepFunctions) -> None:
    arn = execution(fake, 3_000, "SUCCEEDED")
    async with running_server(server_config(), fake.endpoint_url) as (_, stub, _):
        await stub.DescribeExecution(executions_pb2.DescribeExecutionRequest(execution_arn=arn), timeout=5)  # final
        page = await stub.GetExecutionHistory(Request(execution_arn=arn, max_results=1), timeout=5)
        assert [e.id for e in page.events] == [1]
        assert [call.params["maxResults"] for call in fake.calls_of("GetExecutionHistory")] == [1]


async def test_unary_pages_use_a_history_a_stream_kept_and_never_load_one(fake: FakeStepFunctions) -> None:
    """What README's "Caches" says: GetExecutionHistory alone reads AWS for every page, every time
    (it never loads a whole history for one page); once a stream has read the final history, forward
    pages cost no AWS call, and reverse ones still read AWS."""
    arn = execution(fake, 50, "SUCCEEDED")
    async with running_server(server_config(), fake.endpoint_url) as (_, stub, _):
        await stub.DescribeExecution(executions_pb2.DescribeExecutionRequest(execution_arn=arn), timeout=5)  # final
        for _ in range(2):
            before = len(fake.calls_of("GetExecutionHistory"))
            ids, pages = await page_through(stub, Request(execution_arn=arn, max_results=20))
            assert (ids, pages) == (list(range(1, 51)), 3)
            assert len(fake.calls_of("GetExecutionHistory")) - before >= pages
        async for _ in stub.StreamExecutionHistory(gateway_pb2.StreamExecutionHistoryRequest(execution_arn=arn)):
            pass
        before = len(fake.calls_of("GetExecutionHistory"))
        ids, pages = await page_through(stub, Request(execution_arn=arn, max_results=20))
        assert (ids, pages) == (list(range(1, 51)), 3)
        assert len(fake.calls_of("GetExecutionHistory")) == before  # from the kept history
        ids, _ = await page_through(stub, Request(execution_arn=arn, max_results=20, reverse_order=True))
        assert ids == list(range(50, 0, -1))
        assert len(fake.calls_of("GetExecutionHistory")) > before


async def test_paging_a_final_history_over_the_cache_budget_costs_a_call_per_page(fake: FakeStepFunctions) -> None:
    arn = execution(fake, 3_000, "SUCCEEDED")
    async with running_server(server_config(history_cache_bytes=64 * 1024), fake.endpoint_url) as (_, stub, _):
        await stub.DescribeExecution(executions_pb2.DescribeExecutionRequest(execution_arn=arn), timeout=5)
        # A stream first: the history is read once, but it does not fit the cache, so it is not kept.
        async for _ in stub.StreamExecutionHistory(gateway_pb2.StreamExecutionHistoryRequest(execution_arn=arn)):
            pass
        before = len(fake.calls_of("GetExecutionHistory"))
        ids, pages = await page_through(stub, Request(execution_arn=arn, max_results=100))
        assert ids == list(range(1, 3_001))
        assert pages == 30
        # One upstream call per page (the execution's event size is known from the stream).
        assert len(fake.calls_of("GetExecutionHistory")) - before == pages


async def test_pages_of_big_events_ask_for_what_the_page_can_hold(fake: FakeStepFunctions) -> None:
    arn = execution(fake, 60, "RUNNING", payload_bytes=200 * 1024)  # 12 MB, 4 MiB per gRPC page
    async with running_server(server_config(), fake.endpoint_url) as (_, stub, _):
        ids, pages = await page_through(stub, Request(execution_arn=arn, max_results=1000))
        assert ids == list(range(1, 61))
        calls = fake.calls_of("GetExecutionHistory")
        # No upstream page holds more than a gRPC page: 1,000 events of 200 KiB would be 200 MB each.
        assert max(call.params["maxResults"] for call in calls) * 200 * 1024 <= 4 * 1024 * 1024
        assert len(calls) <= 2 * pages + 1  # no page is read again and again


async def test_a_token_continues_on_a_replica_with_other_cache_settings(fake: FakeStepFunctions) -> None:
    arn = execution(fake, 962, "SUCCEEDED")
    async with (
        running_server(server_config(), fake.endpoint_url) as (_, keeping, _),
        running_server(server_config(history_cache_bytes=0), fake.endpoint_url) as (_, plain, _),
    ):
        async for _ in keeping.StreamExecutionHistory(gateway_pb2.StreamExecutionHistoryRequest(execution_arn=arn)):
            pass  # the keeping replica now serves this history from memory
        for first, second in ((keeping, plain), (plain, keeping)):
            page = await first.GetExecutionHistory(Request(execution_arn=arn, max_results=481), timeout=5)
            ids = [e.id for e in page.events]
            rest, _ = await page_through(second, Request(execution_arn=arn, next_token=page.next_token))
            assert ids + rest == list(range(1, 963))


async def test_a_stalled_reader_of_a_final_history_stops_the_load(fake: FakeStepFunctions) -> None:
    arn = execution(fake, 6_000, "SUCCEEDED", payload_bytes=8 * 1024)  # 50 MB
    config = server_config(history_page_bytes=256 * 1024)  # pages of about 30 events
    async with running_server(config, fake.endpoint_url) as (_, stub, _):
        stream = stub.StreamExecutionHistory(gateway_pb2.StreamExecutionHistoryRequest(execution_arn=arn), timeout=60)
        first = await next_message(stream)
        assert first.events[0].id == 1
        # The reader stalls: HTTP/2 flow control stops the server's writes, and the load stops
        # one page after them. Wait until the calls stop, then check how far the load read.
        seen = -1
        while seen != len(fake.calls_of("GetExecutionHistory")):
            seen = len(fake.calls_of("GetExecutionHistory"))
            await asyncio.sleep(0.5)
        read = sum(call.params["maxResults"] for call in fake.calls_of("GetExecutionHistory"))
        # Bounded by flow-control windows (about 8 MB were buffered when this was written), not by
        # the history.
        assert read < 2_000
        stream.cancel()
