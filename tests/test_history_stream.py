"""StreamExecutionHistory, WaitExecution and the caches, through a real channel to a real server,
against the fake Step Functions endpoint (boto3's real HTTP stack) and the embedded backend."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from typing import Any, TypeAlias

import grpc
import pytest
from google.protobuf import duration_pb2
from sfngrpc.stepfunctions.v1 import executions_pb2, gateway_pb2, history_pb2, service_pb2_grpc

from service.server import Server
from tests.fake_sfn import FakeStepFunctions, history
from tests.grpc_helpers import next_message, rich_details, running_server, server_config, start_demo

pytestmark = pytest.mark.asyncio
FAST_POLLS = {"poll_min_seconds": 0.05, "poll_max_seconds": 0.2}
Stub: TypeAlias = "service_pb2_grpc.StepFunctionsServiceAsyncStub"  # declared in the .pyi only
Gateway: TypeAlias = "tuple[Server, Stub]"


@pytest.fixture
async def gateway(fake: FakeStepFunctions) -> AsyncIterator[Gateway]:
    async with running_server(server_config(**FAST_POLLS), fake.endpoint_url) as (server, stub, _):
        yield server, stub


def execution(fake: FakeStepFunctions, events: list[dict[str, Any]], status: str, **kwargs: Any) -> str:
    machine = fake.add_state_machine(f"machine-{time.monotonic_ns()}")
    return fake.add_execution(machine, "run", status=status, events=events, **kwargs)


async def read_ids(
    stub: Stub, request: gateway_pb2.StreamExecutionHistoryRequest, limit: int | None = None, timeout: float = 60
) -> tuple[list[int], list[gateway_pb2.StreamExecutionHistoryResponse]]:
    ids: list[int] = []
    messages = []
    async for message in stub.StreamExecutionHistory(request, timeout=timeout):
        messages.append(message)
        ids += [e.id for e in message.events]
        assert message.ByteSize() < 4 * 1024 * 1024
        if limit is not None and len(messages) >= limit:
            break
    return ids, messages


@pytest.mark.parametrize("status", ["RUNNING", "SUCCEEDED"])  # read from AWS, and through the cache
async def test_a_25000_event_history_streams_whole_and_in_order(
    fake: FakeStepFunctions, gateway: Gateway, status: str
) -> None:
    _, stub = gateway
    arn = execution(fake, history(25_000, status=status, payload_bytes=32), status)
    forward, messages = await read_ids(stub, gateway_pb2.StreamExecutionHistoryRequest(execution_arn=arn))
    assert forward == list(range(1, 25_001))
    assert messages[-1].last_event_id == 25_000
    backward, _ = await read_ids(stub, gateway_pb2.StreamExecutionHistoryRequest(execution_arn=arn, reverse_order=True))
    assert backward == list(range(25_000, 0, -1))
    if status == "SUCCEEDED":
        assert messages[-1].execution_status == executions_pb2.EXECUTION_STATUS_SUCCEEDED


@pytest.mark.parametrize("reverse", [False, True])
async def test_resume_after_a_cancelled_stream_loses_and_repeats_nothing(
    fake: FakeStepFunctions, gateway: Gateway, reverse: bool
) -> None:
    _, stub = gateway
    arn = execution(fake, history(3_000, status="RUNNING"), "RUNNING")
    request = gateway_pb2.StreamExecutionHistoryRequest(execution_arn=arn, reverse_order=reverse, page_size=500)
    first, messages = await read_ids(stub, request, limit=3)  # then the client goes away
    request.after_event_id = messages[-1].last_event_id
    rest, _ = await read_ids(stub, request)
    expected = list(range(3_000, 0, -1)) if reverse else list(range(1, 3_001))
    assert first + rest == expected


async def test_follow_delivers_every_event_and_ends_with_the_terminal_one(
    fake: FakeStepFunctions, gateway: Gateway
) -> None:
    _, stub = gateway
    events = history(40, status="SUCCEEDED")
    arn = execution(fake, events[:10], "RUNNING")

    async def run_the_execution() -> None:
        for start in range(10, 40, 10):
            await asyncio.sleep(0.3)
            fake.append_events(arn, events[start : start + 10])

    runner = asyncio.create_task(run_the_execution())
    ids, messages = await read_ids(stub, gateway_pb2.StreamExecutionHistoryRequest(execution_arn=arn, follow=True))
    await runner
    assert ids == list(range(1, 41))
    assert messages[-1].execution_status == executions_pb2.EXECUTION_STATUS_SUCCEEDED
    last_event = next(e for m in reversed(messages) for e in reversed(m.events))
    assert last_event.type == history_pb2.HISTORY_EVENT_TYPE_EXECUTION_SUCCEEDED


async def test_follow_goes_through_a_redrive(fake: FakeStepFunctions, gateway: Gateway) -> None:
    _, stub = gateway
    failed = history(6, status="FAILED")
    arn = execution(fake, failed, "PENDING_REDRIVE", redrive_status="REDRIVABLE")
    succeeded = history(9, status="SUCCEEDED")
    redriven = {**succeeded[0], "id": 7, "previousEventId": 6, "type": "ExecutionRedriven"}
    redriven.pop("executionStartedEventDetails", None)
    redriven["executionRedrivenEventDetails"] = {"redriveCount": 1}
    tail = [{**e, "id": 7 + i, "previousEventId": 6 + i} for i, e in enumerate([redriven, *succeeded[-2:]], start=0)]

    async def redrive() -> None:
        await asyncio.sleep(0.4)
        fake.append_events(arn, tail)

    task = asyncio.create_task(redrive())
    ids, messages = await read_ids(stub, gateway_pb2.StreamExecutionHistoryRequest(execution_arn=arn, follow=True))
    await task
    assert ids == list(range(1, 10))
    assert messages[-1].execution_status == executions_pb2.EXECUTION_STATUS_SUCCEEDED


async def test_a_slow_consumer_holds_the_server_to_one_page_ahead(fake: FakeStepFunctions, gateway: Gateway) -> None:
    _, stub = gateway
    arn = execution(fake, history(4_000, status="RUNNING", payload_bytes=8 * 1024), "RUNNING")
    stream = stub.StreamExecutionHistory(
        gateway_pb2.StreamExecutionHistoryRequest(execution_arn=arn, page_size=100), timeout=60
    )
    first = await next_message(stream)
    assert first.events[0].id == 1
    await asyncio.sleep(1.5)  # the consumer stalls; HTTP/2 flow control stops the server's writes
    pages_fetched = len(fake.calls_of("GetExecutionHistory"))
    assert pages_fetched <= 20  # of 40 upstream pages: bounded by flow-control windows, not the history
    await asyncio.sleep(0.5)
    assert len(fake.calls_of("GetExecutionHistory")) == pages_fetched  # nothing more while stalled
    stream.cancel()


async def test_ten_concurrent_streams_of_a_final_history_cost_one_upstream_pass(
    fake: FakeStepFunctions, gateway: Gateway
) -> None:
    _, stub = gateway
    arn = execution(fake, history(5_000, status="SUCCEEDED"), "SUCCEEDED")
    request = gateway_pb2.StreamExecutionHistoryRequest(execution_arn=arn)
    results = await asyncio.gather(*(read_ids(stub, request) for _ in range(10)))
    assert all(ids == list(range(1, 5_001)) for ids, _ in results)
    # One pass: no upstream page is asked for twice (the first page, read while DescribeExecution
    # was asked, is handed to the loader), and the pages are as large as the events allow.
    pages = fake.calls_of("GetExecutionHistory")
    tokens = [call.params.get("nextToken") for call in pages]
    assert len(tokens) == len(set(tokens)), [(c.params.get("nextToken"), c.params.get("maxResults")) for c in pages]
    assert [call.params["maxResults"] for call in pages][1:] == [1000] * (len(pages) - 1), [
        (c.params.get("nextToken"), c.params.get("maxResults")) for c in pages
    ]
    assert len(fake.calls_of("DescribeExecution")) == 1
    # Warm: the stream, the unary history and DescribeExecution are served without AWS.
    before = len(fake.calls)
    ids, _ = await read_ids(stub, gateway_pb2.StreamExecutionHistoryRequest(execution_arn=arn, reverse_order=True))
    assert ids == list(range(5_000, 0, -1))
    page = await stub.GetExecutionHistory(
        history_pb2.GetExecutionHistoryRequest(execution_arn=arn, max_results=3), timeout=5
    )
    assert [e.id for e in page.events] == [1, 2, 3]
    page = await stub.GetExecutionHistory(
        history_pb2.GetExecutionHistoryRequest(execution_arn=arn, next_token=page.next_token), timeout=5
    )
    assert [e.id for e in page.events] == list(range(4, 104))
    await stub.DescribeExecution(executions_pb2.DescribeExecutionRequest(execution_arn=arn), timeout=5)
    assert len(fake.calls) == before


async def test_histories_that_may_still_change_are_not_cached(fake: FakeStepFunctions, gateway: Gateway) -> None:
    _, stub = gateway
    arn = execution(fake, history(20, status="FAILED"), "FAILED", redrive_status="REDRIVABLE")
    for _ in range(2):
        before = len(fake.calls_of("GetExecutionHistory"))
        await read_ids(stub, gateway_pb2.StreamExecutionHistoryRequest(execution_arn=arn))
        await stub.DescribeExecution(executions_pb2.DescribeExecutionRequest(execution_arn=arn), timeout=5)
        assert len(fake.calls_of("GetExecutionHistory")) > before  # read from AWS each time
    assert len(fake.calls_of("DescribeExecution")) == 4


async def test_client_cancellation_stops_upstream_calls(fake: FakeStepFunctions, gateway: Gateway) -> None:
    _, stub = gateway
    arn = execution(fake, history(5, status="RUNNING"), "RUNNING")
    before = asyncio.all_tasks()
    stream = stub.StreamExecutionHistory(
        gateway_pb2.StreamExecutionHistoryRequest(execution_arn=arn, follow=True), timeout=60
    )
    await stream.read()
    # Following: the server polls. Its next poll is held at the fake, so the server (on this test's event loop) is
    # certainly waiting for AWS when the client goes away.
    gate = fake.hold("GetExecutionHistory")
    assert await asyncio.to_thread(gate.wait_held, 1, 30), "the server did not poll"
    polls = len(fake.calls_of("GetExecutionHistory"))
    assert polls >= 2
    of_the_stream = asyncio.all_tasks() - before - {asyncio.current_task()}
    stream.cancel()
    # One more call, refused before any AWS call: gRPC's server moves on to accepting the next call as well.
    with pytest.raises(grpc.aio.AioRpcError):
        await stub.DescribeExecution(executions_pb2.DescribeExecutionRequest(execution_arn="nope"), timeout=10)
    # Every task the stream started ends (the handler, the AWS call it waited for): no poll of the stream is still
    # on its way. Then the held poll is answered, to nobody, and no request follows it: any request now would come
    # from polling that outlived its caller (waiting up to 5 polling intervals for it can only err towards passing).
    _, running = await asyncio.wait(of_the_stream, timeout=30)
    assert not running, f"still running after the cancellation: {running}"
    gate.release()
    assert await asyncio.to_thread(gate.wait_answered, 1, 30)
    assert not await asyncio.to_thread(gate.wait_held, 2, 5 * FAST_POLLS["poll_max_seconds"])
    assert len(fake.calls_of("GetExecutionHistory")) == polls


async def test_invalid_stream_requests(fake: FakeStepFunctions, gateway: Gateway) -> None:
    _, stub = gateway
    arn = execution(fake, history(5), "SUCCEEDED")
    for request in (
        gateway_pb2.StreamExecutionHistoryRequest(execution_arn=arn, follow=True, reverse_order=True),
        gateway_pb2.StreamExecutionHistoryRequest(execution_arn="nope"),
        gateway_pb2.StreamExecutionHistoryRequest(execution_arn=arn, page_size=1001),
    ):
        with pytest.raises(grpc.aio.AioRpcError) as caught:
            await read_ids(stub, request)
        assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT
        assert rich_details(caught.value)["BadRequest"].field_violations
    missing = "arn:aws:states:us-east-1:123456789012:execution:machine:missing"
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await read_ids(stub, gateway_pb2.StreamExecutionHistoryRequest(execution_arn=missing))
    assert caught.value.code() == grpc.StatusCode.NOT_FOUND


async def test_wait_execution(fake: FakeStepFunctions, gateway: Gateway) -> None:
    _, stub = gateway
    arn = execution(fake, history(3, status="RUNNING"), "RUNNING")

    async def finish() -> None:
        await asyncio.sleep(0.4)
        fake.set_status(arn, "SUCCEEDED")

    task = asyncio.create_task(finish())
    answer = await stub.WaitExecution(gateway_pb2.WaitExecutionRequest(execution_arn=arn), timeout=10)
    await task
    assert answer.done
    assert answer.execution.status == executions_pb2.EXECUTION_STATUS_SUCCEEDED

    running = execution(fake, history(3, status="RUNNING"), "RUNNING")
    start = time.monotonic()
    answer = await stub.WaitExecution(
        gateway_pb2.WaitExecutionRequest(execution_arn=running, max_wait=duration_pb2.Duration(nanos=300_000_000)),
        timeout=10,
    )
    assert not answer.done
    assert answer.execution.status == executions_pb2.EXECUTION_STATUS_RUNNING
    assert time.monotonic() - start < 2
    answer = await stub.WaitExecution(
        gateway_pb2.WaitExecutionRequest(execution_arn=running), timeout=1.0
    )  # answers before the deadline
    assert not answer.done


async def test_follow_a_demo_execution_on_the_embedded_backend() -> None:
    async with running_server(server_config(backend="embedded", **FAST_POLLS)) as (_, stub, _):
        execution_arn = await start_demo(stub, wait=True)
        ids, messages = await read_ids(
            stub, gateway_pb2.StreamExecutionHistoryRequest(execution_arn=execution_arn, follow=True)
        )
        assert ids == list(range(1, len(ids) + 1))
        types = [e.type for m in messages for e in m.events]
        assert history_pb2.HISTORY_EVENT_TYPE_WAIT_STATE_ENTERED in types
        assert types[-1] == history_pb2.HISTORY_EVENT_TYPE_EXECUTION_SUCCEEDED
        assert messages[-1].execution_status == executions_pb2.EXECUTION_STATUS_SUCCEEDED
        waited = await stub.WaitExecution(gateway_pb2.WaitExecutionRequest(execution_arn=execution_arn), timeout=10)
        assert waited.done


@pytest.mark.parametrize("cache_bytes", [64 * 1024 * 1024, 0], ids=["kept", "not-kept"])
async def test_an_early_read_from_before_the_end_is_not_taken_for_the_final_history(
    fake: FakeStepFunctions, cache_bytes: int
) -> None:
    """The stream's first page is read beside its DescribeExecution; when the execution ends in between,
    that page lacks the closing events, and the final history must not be that page (seen in CI: a
    stream and a later GetExecutionHistory both ended without ExecutionSucceeded)."""
    full = history(12, status="SUCCEEDED")
    arn = execution(fake, full[:9], "RUNNING")
    describes, reads = fake.hold("DescribeExecution"), fake.hold("GetExecutionHistory")
    async with running_server(server_config(history_cache_bytes=cache_bytes), fake.endpoint_url) as (_, stub, _):
        request = gateway_pb2.StreamExecutionHistoryRequest(execution_arn=arn)
        streamed = asyncio.ensure_future(read_ids(stub, request))
        assert await asyncio.to_thread(reads.wait_held)
        assert await asyncio.to_thread(describes.wait_held)
        reads.release()  # the early read is answered while the execution runs: 9 events
        assert await asyncio.to_thread(reads.wait_answered)
        fake.append_events(arn, full[9:])  # then it ends, and DescribeExecution says so
        describes.release()
        ids, messages = await streamed
        assert ids == list(range(1, 13))
        assert messages[-1].execution_status == executions_pb2.EXECUTION_STATUS_SUCCEEDED
        page = await stub.GetExecutionHistory(history_pb2.GetExecutionHistoryRequest(execution_arn=arn), timeout=10)
        assert [e.id for e in page.events] == ids


@pytest.mark.parametrize("cache_bytes", [64 * 1024 * 1024, 0], ids=["kept", "not-kept"])
@pytest.mark.parametrize("follow", [False, True], ids=["once", "follow"])
async def test_a_stream_with_nothing_after_the_resume_point_still_says_where_the_execution_is(
    fake: FakeStepFunctions, cache_bytes: int, follow: bool
) -> None:
    """Every stream sends at least one message: with no event left, one without events carrying
    `last_event_id` and `execution_status` (the probe's stream ended with none, and the CLI printed
    "0 events; execution RUNNING" for a SUCCEEDED execution)."""
    config = server_config(history_cache_bytes=cache_bytes, **FAST_POLLS)
    async with running_server(config, fake.endpoint_url) as (_, stub, _):
        succeeded = execution(fake, history(20, status="SUCCEEDED"), "SUCCEEDED")
        failed = execution(fake, history(8, status="FAILED"), "FAILED", redrive_status="REDRIVABLE")
        cases = [
            (succeeded, False, 20, 20, executions_pb2.EXECUTION_STATUS_SUCCEEDED),
            (failed, False, 8, 8, executions_pb2.EXECUTION_STATUS_FAILED),  # may still change: read from AWS
        ]
        if not follow:
            cases.append((succeeded, True, 1, 1, executions_pb2.EXECUTION_STATUS_SUCCEEDED))  # nothing before 1
        for rounds in range(2):  # the second time from the kept history, where kept
            for arn, reverse, after, last, status in cases:
                request = gateway_pb2.StreamExecutionHistoryRequest(
                    execution_arn=arn, after_event_id=after, reverse_order=reverse, follow=follow
                )
                ids, messages = await read_ids(stub, request, timeout=10)
                assert (ids, len(messages)) == ([], 1), (rounds, arn, reverse)
                assert (messages[0].last_event_id, messages[0].execution_status) == (last, status)


async def test_a_running_stream_with_nothing_after_the_resume_point_says_running(
    fake: FakeStepFunctions, gateway: Gateway
) -> None:
    _, stub = gateway
    arn = execution(fake, history(5, status="RUNNING"), "RUNNING")
    ids, messages = await read_ids(stub, gateway_pb2.StreamExecutionHistoryRequest(execution_arn=arn, after_event_id=5))
    assert (ids, len(messages)) == ([], 1)
    assert (messages[0].last_event_id, messages[0].execution_status) == (5, executions_pb2.EXECUTION_STATUS_RUNNING)


@pytest.mark.parametrize(
    ("max_wait", "timeout"),
    [(None, 1.2), (1.0, 5.0)],
    ids=["caller-deadline", "max-wait"],
)
async def test_wait_execution_answers_at_its_end_while_a_poll_is_still_out(
    fake: FakeStepFunctions, gateway: Gateway, max_wait: float | None, timeout: float
) -> None:
    """A DescribeExecution that cannot answer before the wait's end is left: the answer is done=false
    with the last description, at the end (the probe, with 0.3 s of backend latency: DEADLINE_EXCEEDED
    for deadlines of 1.2 s and more; 1.36 s for max_wait=1 s)."""
    _, stub = gateway
    arn = execution(fake, history(3, status="RUNNING"), "RUNNING")
    first = fake.hold("DescribeExecution")
    request = gateway_pb2.WaitExecutionRequest(execution_arn=arn)
    if max_wait is not None:
        request.max_wait.FromNanoseconds(int(max_wait * 1e9))
    start = time.monotonic()
    waiting = asyncio.ensure_future(stub.WaitExecution(request, timeout=timeout))
    assert await asyncio.to_thread(first.wait_held)
    later = fake.hold("DescribeExecution")  # every poll after the first: never answered in time
    first.release()
    assert await asyncio.to_thread(later.wait_held)  # the second poll is out
    answer = await waiting
    took = time.monotonic() - start
    assert not answer.done
    assert answer.execution.status == executions_pb2.EXECUTION_STATUS_RUNNING
    if max_wait is not None:
        assert max_wait - 0.05 <= took < max_wait + 0.5  # after at most max_wait (and a little transport)
    else:
        assert took < timeout


async def test_wait_execution_on_a_slow_backend_answers_done_false_before_the_deadline(
    fake: FakeStepFunctions,
) -> None:
    """The probe's case, with the default polling: 0.3 s per DescribeExecution."""
    arn = execution(fake, history(3, status="RUNNING"), "RUNNING")
    fake.inject("latency", operation="DescribeExecution", delay=0.3, times=100)
    async with running_server(server_config(), fake.endpoint_url) as (_, stub, _):
        for timeout in (1.2, 2.0):
            answer = await stub.WaitExecution(gateway_pb2.WaitExecutionRequest(execution_arn=arn), timeout=timeout)
            assert not answer.done
            assert answer.execution.status == executions_pb2.EXECUTION_STATUS_RUNNING
