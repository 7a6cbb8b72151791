"""The GetExecutionHistory fast path (service/backend.py): the raw body read with json.loads and
converted by to_message gives exactly the messages botocore's own parsing gives, errors are still
botocore's (so the error table and retries work), and the stream and cache built on it behave.

Everything runs against the fake Step Functions endpoint, through boto3's real HTTP stack."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Iterator
from typing import Any

import grpc
import pytest
from botocore.awsrequest import AWSResponse
from botocore.exceptions import ClientError
from stepfunctions.v1 import executions_pb2, gateway_pb2, history_pb2

from service.backend import (
    Backend,
    ClientSettings,
    HistoryPages,
    MalformedResponseError,
    RawHistoryPage,
    create_client,
    peek_next_token,
)
from service.caches import SharedHistory
from service.convert import to_message
from service.errors import from_exception
from service.retry import RetryPolicy, RetrySettings
from service.server import Server
from tests.fake_sfn import FakeStepFunctions, history
from tests.grpc_helpers import rich_details, running_server, server_config

Page = history_pb2.GetExecutionHistoryResponse


@pytest.fixture
def backend(fake: FakeStepFunctions) -> Iterator[Backend]:
    client = create_client(
        ClientSettings(
            region="us-east-1",
            endpoint_url=fake.endpoint_url,
            workers=4,
            aws_access_key_id="testing",
            aws_secret_access_key="testing",
        )
    )
    running = Backend(client, RetryPolicy(RetrySettings(initial_backoff=0.001, max_backoff=0.002)), workers=4)
    yield running
    running.close()


def execution(fake: FakeStepFunctions, events: list[dict[str, Any]], status: str, **kwargs: Any) -> str:
    machine = fake.add_state_machine(f"machine-{time.monotonic_ns()}")
    return fake.add_execution(machine, "run", status=status, events=events, **kwargs)


def botocore_pages(backend: Backend, params: dict[str, Any]) -> list[Page]:
    """Every page as botocore parses it, converted: the reference."""
    pages = []
    while True:
        result = backend.client.get_execution_history(**params)
        pages.append(to_message(result, Page))
        if not result.get("nextToken"):
            return pages
        params = {**params, "nextToken": result["nextToken"]}


# -- the same messages ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "count", "payload_bytes"),
    [("SUCCEEDED", 2_500, 64), ("RUNNING", 300, 2_000), ("PENDING_REDRIVE", 40, 8), ("FAILED", 7, 300)],
)
@pytest.mark.parametrize(
    "params",
    [
        {},
        {"maxResults": 1000},
        {"maxResults": 7, "reverseOrder": True},
        {"maxResults": 100, "includeExecutionData": False},
    ],
    ids=["default", "1000", "reverse-7", "no-data-100"],
)
async def test_the_fast_path_gives_exactly_botocores_messages(
    fake: FakeStepFunctions, backend: Backend, status: str, count: int, payload_bytes: int, params: dict[str, Any]
) -> None:
    arn = execution(fake, history(count, status=status, payload_bytes=payload_bytes), status)
    params = {"executionArn": arn, **params}
    expected = await asyncio.to_thread(botocore_pages, backend, params)
    assert sum(len(page.events) for page in expected) == count

    # Page by page (what follow mode uses) ...
    fast: list[Page] = []
    page_params = dict(params)
    while True:
        page = await backend.history_page(page_params, deadline=None)
        fast.append(page)
        if not page.next_token:
            break
        page_params = {**params, "nextToken": page.next_token}
    assert fast == expected
    # ... and read ahead (what streams and the cache's loader use).
    assert [page async for page in backend.history_pages(params, deadline=None)] == expected


async def test_timestamps_and_unicode_survive_byte_for_byte(fake: FakeStepFunctions, backend: Backend) -> None:
    events = history(3, status="SUCCEEDED", payload_bytes=40)
    events[1]["timestamp"] = 1_700_000_000.999  # the last millisecond of a second
    events[1]["stateEnteredEventDetails"]["input"] = '{"v":"é中😀\\u0000\\"quoted\\""}'
    arn = execution(fake, events, "SUCCEEDED")
    page = await backend.history_page({"executionArn": arn}, deadline=None)
    assert page == (await asyncio.to_thread(botocore_pages, backend, {"executionArn": arn}))[0]
    assert page.events[1].state_entered_event_details.input == '{"v":"é中😀\\u0000\\"quoted\\""}'
    assert (page.events[1].timestamp.seconds, page.events[1].timestamp.nanos) == (1_700_000_000, 999_000_000)


async def test_other_calls_of_the_same_client_still_get_botocores_dicts(
    fake: FakeStepFunctions, backend: Backend
) -> None:
    arn = execution(fake, history(5), "SUCCEEDED")
    await backend.history_page({"executionArn": arn}, deadline=None)
    direct = await asyncio.to_thread(backend.client.get_execution_history, executionArn=arn)
    assert set(direct) == {"events", "ResponseMetadata"}
    assert direct["events"][0]["timestamp"].tzinfo is not None  # a datetime: botocore parsed it
    unary = await backend.call("GetExecutionHistory", {"executionArn": arn}, deadline=None, idempotent=True)
    assert set(unary) == {"events"}


async def test_calls_are_counted_and_coalesced_like_any_other(fake: FakeStepFunctions, backend: Backend) -> None:
    arn = execution(fake, history(50), "SUCCEEDED")
    fake.latency = 0.1
    params = {"executionArn": arn, "maxResults": 10}
    first, second = await asyncio.gather(*(backend.history_page(params, deadline=None) for _ in range(2)))
    assert first == second
    assert len(fake.calls_of("GetExecutionHistory")) == 1
    assert backend.calls_by_operation["GetExecutionHistory"] == 1
    assert backend.coalesced == 1


# -- errors are botocore's ----------------------------------------------------------------------------


async def test_an_error_answer_is_parsed_by_botocore_and_mapped(fake: FakeStepFunctions, backend: Backend) -> None:
    machine = fake.add_state_machine("errors")
    missing = machine.replace(":stateMachine:", ":execution:") + ":nope"
    with pytest.raises(ClientError) as caught:
        await backend.history_page({"executionArn": missing}, deadline=None)
    assert caught.value.response["Error"]["Code"] == "ExecutionDoesNotExist"
    error = from_exception(caught.value)
    assert (error.code, error.reason) == (grpc.StatusCode.NOT_FOUND, "EXECUTION_DOES_NOT_EXIST")
    assert error.metadata["http_status"] == "400"
    with pytest.raises(ClientError):
        await anext(backend.history_pages({"executionArn": missing}, deadline=None))


async def test_throttling_is_retried(fake: FakeStepFunctions, backend: Backend) -> None:
    arn = execution(fake, history(30), "SUCCEEDED")
    fake.inject("throttle", operation="GetExecutionHistory", times=2)
    page = await backend.history_page({"executionArn": arn}, deadline=None)
    assert [e.id for e in page.events] == list(range(1, 31))
    assert [c.fault for c in fake.calls_of("GetExecutionHistory")] == ["throttle", "throttle", None]
    assert backend.calls_by_operation["GetExecutionHistory"] == 3
    # In the middle of a read ahead too: the second page's request is throttled once.
    fake.inject("throttle", operation="GetExecutionHistory", times=1)
    ids = [e.id async for page in backend.history_pages({"executionArn": arn, "maxResults": 10}, deadline=None)
           for e in page.events]  # fmt: skip
    assert ids == list(range(1, 31))


async def test_a_success_that_is_not_json_is_a_backend_error(fake: FakeStepFunctions, backend: Backend) -> None:
    arn = execution(fake, history(3), "SUCCEEDED")

    class Raw:
        def stream(self) -> Iterator[bytes]:
            yield b"<html>gateway timeout</html>"

    def answer(request: Any, **_: Any) -> AWSResponse:
        return AWSResponse(request.url, 200, {}, Raw())

    backend.client.meta.events.register("before-send.sfn.GetExecutionHistory", answer)
    with pytest.raises(MalformedResponseError) as caught:
        await backend.history_page({"executionArn": arn}, deadline=None)
    error = from_exception(caught.value)
    assert (error.code, error.reason) == (grpc.StatusCode.UNAVAILABLE, "BACKEND_ERROR")
    assert backend.calls_by_operation["GetExecutionHistory"] == 1  # not retried: the answer would be the same


async def test_a_stream_whose_pages_keep_failing_ends_with_the_mapped_error(fake: FakeStepFunctions) -> None:
    arn = execution(fake, history(3_000, status="RUNNING"), "RUNNING")
    async with running_server(server_config(retry_max_attempts=2), fake.endpoint_url) as (_, stub, _):
        fake.inject("503", operation="GetExecutionHistory", times=100)
        with pytest.raises(grpc.aio.AioRpcError) as caught:
            async for _ in stub.StreamExecutionHistory(
                gateway_pb2.StreamExecutionHistoryRequest(execution_arn=arn), timeout=30
            ):
                pass
        assert caught.value.code() == grpc.StatusCode.UNAVAILABLE
        assert rich_details(caught.value)["ErrorInfo"].reason == "SERVICE_UNAVAILABLE"  # type: ignore[attr-defined]


async def test_a_stream_of_a_missing_execution_is_not_found(fake: FakeStepFunctions) -> None:
    missing = fake.add_state_machine("gone").replace(":stateMachine:", ":execution:") + ":nope"
    async with running_server(server_config(), fake.endpoint_url) as (_, stub, _):
        with pytest.raises(grpc.aio.AioRpcError) as caught:
            async for _ in stub.StreamExecutionHistory(
                gateway_pb2.StreamExecutionHistoryRequest(execution_arn=missing), timeout=10
            ):
                pass
        assert caught.value.code() == grpc.StatusCode.NOT_FOUND
        assert rich_details(caught.value)["ErrorInfo"].reason == "EXECUTION_DOES_NOT_EXIST"  # type: ignore[attr-defined]


# -- the look ahead -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "token"),
    [
        (b'{"events":[],"nextToken":"AAA+/=="}', "AAA+/=="),
        (b'{"nextToken" : "x\\/y", "events":[]}', "x/y"),  # first, spaced, escaped
        (b'{"events":[{"input":"{\\"nextToken\\":\\"no\\"}"}]}', None),  # only inside a payload
        (b'{"events":[{"name":"nextToken"}]}', None),  # a value, not a key
        (b'{"events":[],"nextToken":null}', None),
        (b'{"events":[]}', None),
        (b"", None),
    ],
)
def test_next_token_is_found_without_parsing(body: bytes, token: str | None) -> None:
    assert peek_next_token(body) == token


class ScriptedBackend:
    """Answers raw pages from a script, to drive HistoryPages through a look ahead that misses."""

    def __init__(self, pages: dict[str | None, tuple[list[int], str | None, str | None]]) -> None:
        self.pages = pages  # token -> (event ids, real next token, hinted next token)
        self.requested: list[str | None] = []

    async def raw_history_page(self, params: dict[str, Any], *, deadline: float | None, sent: Any = None) -> Any:
        token = params.get("nextToken")
        self.requested.append(token)
        if sent is not None:
            sent.set()
        ids, real, hint = self.pages[token]
        body = {"events": [{"id": i, "type": "PassStateEntered", "timestamp": 1.0} for i in ids]}
        if real:
            body["nextToken"] = real
        return RawHistoryPage(None, body, hint)

    async def parse_history_page(self, raw: RawHistoryPage, *, after: Any = None) -> Page:
        return raw.message()


async def test_a_look_ahead_that_missed_is_corrected() -> None:
    scripted = ScriptedBackend(
        {
            None: ([1, 2], "t2", "wrong"),  # the hint is not the token the parsed page holds
            "wrong": ([99], None, None),
            "t2": ([3, 4], "t3", "t3"),
            "t3": ([5], None, None),
        }
    )
    pages = HistoryPages(scripted, {"executionArn": "arn"}, deadline=None)  # type: ignore[arg-type]
    ids = [e.id async for page in pages for e in page.events]
    assert ids == [1, 2, 3, 4, 5]
    assert scripted.requested[0] is None
    assert scripted.requested[-2:] == ["t2", "t3"]


async def test_the_read_ahead_is_one_page_and_stops_when_closed(fake: FakeStepFunctions, backend: Backend) -> None:
    arn = execution(fake, history(100, status="RUNNING"), "RUNNING")
    pages = backend.history_pages({"executionArn": arn, "maxResults": 10}, deadline=None)
    await anext(pages)
    await asyncio.sleep(0.3)  # the reader dawdles: only the next page may be read meanwhile
    assert len(fake.calls_of("GetExecutionHistory")) == 2
    pages.close()
    await asyncio.sleep(0.2)
    assert len(fake.calls_of("GetExecutionHistory")) == 2


# -- streams and the cache ------------------------------------------------------------------------------


@pytest.fixture
async def gateway(fake: FakeStepFunctions) -> AsyncIterator[tuple[Server, Any]]:
    async with running_server(server_config(), fake.endpoint_url) as (server, stub, _):
        yield server, stub


async def read(stub: Any, **request: Any) -> list[gateway_pb2.StreamExecutionHistoryResponse]:
    stream = stub.StreamExecutionHistory(gateway_pb2.StreamExecutionHistoryRequest(**request), timeout=60)
    return [message async for message in stream]


def ids_of(messages: list[gateway_pb2.StreamExecutionHistoryResponse]) -> list[int]:
    return [e.id for m in messages for e in m.events]


async def test_a_cold_final_stream_reads_each_page_once_and_describes_once(
    fake: FakeStepFunctions, gateway: tuple[Server, Any]
) -> None:
    _, stub = gateway
    arn = execution(fake, history(5_000, status="SUCCEEDED"), "SUCCEEDED")
    messages = await read(stub, execution_arn=arn)
    assert ids_of(messages) == list(range(1, 5_001))
    # The first page was read while DescribeExecution was asked, and handed to the cache's loader.
    assert len(fake.calls_of("GetExecutionHistory")) == 5
    assert len(fake.calls_of("DescribeExecution")) == 1
    assert messages[0].ByteSize() <= 32 * 1024 < messages[1].ByteSize()  # a small first message


async def test_warm_streams_send_the_first_streams_responses_again(
    fake: FakeStepFunctions, gateway: tuple[Server, Any]
) -> None:
    server, stub = gateway
    assert server.backend is not None
    assert server.caches is not None
    events = history(12, status="FAILED") + history(3_000, status="SUCCEEDED")[1:]  # failed, then redriven
    for index, event in enumerate(events, start=1):
        event["id"], event["previousEventId"] = index, index - 1
    events[12]["type"] = "ExecutionRedriven"
    events[12].pop("stateEnteredEventDetails")
    events[12]["executionRedrivenEventDetails"] = {"redriveCount": 1}
    arn = execution(fake, events, "SUCCEEDED")
    cold = await read(stub, execution_arn=arn)
    shared = server.caches.histories.peek((arn, True))
    assert shared is not None
    assert shared.sent_as is not None
    last = len(events)

    def status_after(event_id: int) -> int:  # the execution's status as the stream knows it
        if event_id < 12 or event_id == last:
            return executions_pb2.EXECUTION_STATUS_SUCCEEDED  # what DescribeExecution said; the end
        return executions_pb2.EXECUTION_STATUS_FAILED if event_id == 12 else executions_pb2.EXECUTION_STATUS_RUNNING

    assert [m.execution_status for m in cold] == [status_after(m.last_event_id) for m in cold]
    assert [m.last_event_id for m in cold] == [m.events[-1].id for m in cold]

    calls = server.backend.calls
    warm = await read(stub, execution_arn=arn)
    assert server.backend.calls == calls  # no AWS call at all
    assert warm == cold  # the same responses, stamps included
    assert ids_of(warm) == list(range(1, len(events) + 1))
    # The cached events are the responses' own now: the pages they were read in are gone.
    assert [e.id for e in shared.events] == list(range(1, len(events) + 1))
    assert shared.events[0] == cold[0].events[0]

    # Other ways of reading it are served from the same events, correctly.
    resumed = await read(stub, execution_arn=arn, after_event_id=1_500)
    assert ids_of(resumed) == list(range(1_501, len(events) + 1))
    backward = await read(stub, execution_arn=arn, reverse_order=True, after_event_id=20)
    assert ids_of(backward) == list(range(19, 0, -1))
    page = await stub.GetExecutionHistory(
        history_pb2.GetExecutionHistoryRequest(execution_arn=arn, max_results=3), timeout=5
    )
    assert [e.id for e in page.events] == [1, 2, 3]
    assert server.backend.calls == calls


def test_only_a_whole_forward_stream_is_kept_and_only_one_records() -> None:
    shared = SharedHistory()
    shared.events = [history_pb2.HistoryEvent(id=i) for i in range(1, 11)]
    shared.done = True
    status = executions_pb2.EXECUTION_STATUS_SUCCEEDED

    def response(*ids: int) -> gateway_pb2.StreamExecutionHistoryResponse:
        return gateway_pb2.StreamExecutionHistoryResponse(events=[history_pb2.HistoryEvent(id=i) for i in ids])

    stopped = shared.record(status)
    assert stopped is not None
    assert shared.record(status) is None  # one recording at a time
    stopped.add(response(1, 2, 3))
    stopped.finish()  # the stream stopped early
    assert shared.sent_as is None

    skipped = shared.record(status)
    assert skipped is not None
    skipped.add(response(1, 2, 4))  # not every event once, in order
    skipped.add(response(5, 6, 7, 8, 9, 10))
    skipped.finish()
    assert shared.sent_as is None

    whole = shared.record(status)
    assert whole is not None
    first, rest = response(1, 2, 3), response(4, 5, 6, 7, 8, 9, 10)
    whole.add(first)
    whole.add(rest)
    whole.finish()
    assert shared.sent_as == (status, [first, rest])
    assert [e.id for e in shared.events] == list(range(1, 11))
    assert shared.record(status) is None  # kept: nothing more to record


async def test_a_stream_cancelled_early_leaves_the_cached_history_whole(
    fake: FakeStepFunctions, gateway: tuple[Server, Any]
) -> None:
    server, stub = gateway
    assert server.caches is not None
    arn = execution(fake, history(4_000, status="SUCCEEDED"), "SUCCEEDED")
    stream = stub.StreamExecutionHistory(gateway_pb2.StreamExecutionHistoryRequest(execution_arn=arn), timeout=60)
    await stream.read()
    stream.cancel()
    await asyncio.sleep(0.2)
    for _ in range(2):  # whether or not the cancelled stream had sent it all and was kept
        assert ids_of(await read(stub, execution_arn=arn)) == list(range(1, 4_001))
        shared = server.caches.histories.peek((arn, True))
        assert shared is not None
        assert shared.sent_as is not None
        assert not shared.recording


async def test_a_short_deadline_on_the_first_stream_does_not_fail_the_load_for_others(
    fake: FakeStepFunctions, gateway: tuple[Server, Any]
) -> None:
    _, stub = gateway
    arn = execution(fake, history(2_500, status="SUCCEEDED"), "SUCCEEDED")
    # The first page answers late: later than the first stream's deadline.
    fake.inject("latency", operation="GetExecutionHistory", times=1, delay=1.0)
    hasty = asyncio.create_task(
        read_with_timeout(stub, arn, timeout=0.5)  # its first page is the load's first page
    )
    await asyncio.sleep(0.2)
    patient = await read(stub, execution_arn=arn)
    assert ids_of(patient) == list(range(1, 2_501))
    assert len(fake.calls_of("GetExecutionHistory")) == 1 + 3  # the late first page, then its own three
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await hasty
    assert caught.value.code() == grpc.StatusCode.DEADLINE_EXCEEDED


async def read_with_timeout(stub: Any, arn: str, timeout: float) -> None:
    request = gateway_pb2.StreamExecutionHistoryRequest(execution_arn=arn)
    async for _ in stub.StreamExecutionHistory(request, timeout=timeout):
        pass
