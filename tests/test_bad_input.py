"""Bad input and misleading errors, through a real channel to a real server and the fake endpoint.

Every refused request must come back INVALID_ARGUMENT with a bounded BadRequest naming the field,
and the fake must see no request at all: validation happens before anything goes to AWS. Backend
failures must reach the caller as short, actionable statuses that carry neither the backend's URL
nor its raw answer nor the offending value.
"""

from __future__ import annotations

import contextlib
import http.server
import math
import socket
import threading
from collections.abc import AsyncIterator, Iterator
from typing import TypeAlias

import grpc
import pytest
from google.protobuf import duration_pb2
from grpc_health.v1 import health_pb2
from sfngrpc.stepfunctions.v1 import (
    activities_pb2,
    executions_pb2,
    gateway_pb2,
    history_pb2,
    map_runs_pb2,
    service_pb2_grpc,
    state_machines_pb2,
    tags_pb2,
)

from service.server import Server
from tests.fake_sfn import FakeStepFunctions, history
from tests.grpc_helpers import health_stub, rich_details, running_server, server_config

pytestmark = pytest.mark.asyncio
Stub: TypeAlias = "service_pb2_grpc.StepFunctionsServiceAsyncStub"  # declared in the .pyi only
Gateway: TypeAlias = "tuple[Server, Stub]"

ACCOUNT = "arn:aws:states:us-east-1:123456789012"
MACHINE = f"{ACCOUNT}:stateMachine:machine"
EXECUTION = f"{ACCOUNT}:execution:machine:run-1"
MAP_RUN = f"{ACCOUNT}:mapRun:machine/map:0f6a2b1c-1111-2222-3333-444455556666"
ROLE = "arn:aws:iam::123456789012:role/r"
DEFINITION = '{"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}'
# The largest trailer a gRPC client accepts by default (grpc.max_metadata_size).
TRAILER_LIMIT = 16 * 1024


@pytest.fixture
async def gateway(fake: FakeStepFunctions) -> AsyncIterator[Gateway]:
    config = server_config(poll_min_seconds=0.05, poll_max_seconds=0.1)
    async with running_server(config, fake.endpoint_url) as (server, stub, channel):
        # The health probe's call comes first; after it, the fake must see only what callers cause.
        health = health_stub(channel)
        async for answer in health.Watch(health_pb2.HealthCheckRequest(), timeout=10):
            if answer.status == health_pb2.HealthCheckResponse.SERVING:
                break
        fake.calls.clear()
        yield server, stub


async def refused(call: object, fake: FakeStepFunctions) -> tuple[grpc.aio.AioRpcError, dict[str, str]]:
    """Await a unary call or read a stream; it must fail INVALID_ARGUMENT without reaching the fake."""
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await (call.read() if isinstance(call, grpc.aio.UnaryStreamCall) else call)  # type: ignore[misc]
    error = caught.value
    assert error.code() == grpc.StatusCode.INVALID_ARGUMENT, error.details()
    violations = rich_details(error)["BadRequest"].field_violations
    assert fake.calls == [], [c.operation for c in fake.calls]
    return error, {v.field: v.description for v in violations}


# -- enums ----------------------------------------------------------------------------------------


async def test_an_unknown_status_filter_is_refused_not_dropped(fake: FakeStepFunctions, gateway: Gateway) -> None:
    _, stub = gateway
    request = executions_pb2.ListExecutionsRequest(state_machine_arn=MACHINE, status_filter=99)  # type: ignore[arg-type]
    _, found = await refused(stub.ListExecutions(request, timeout=10), fake)
    assert found == {"status_filter": "is not a known ExecutionStatus value"}


async def test_an_unknown_state_machine_type_does_not_create_a_standard_one(
    fake: FakeStepFunctions, gateway: Gateway
) -> None:
    _, stub = gateway
    request = state_machines_pb2.CreateStateMachineRequest(
        name="sm",
        definition=DEFINITION,
        role_arn=ROLE,
        type=99,  # type: ignore[arg-type]
    )
    _, found = await refused(stub.CreateStateMachine(request, timeout=10), fake)
    assert set(found) == {"type"}


async def test_an_optional_enum_set_to_unspecified_is_refused(fake: FakeStepFunctions, gateway: Gateway) -> None:
    _, stub = gateway
    request = executions_pb2.ListExecutionsRequest(
        state_machine_arn=MACHINE, status_filter=executions_pb2.EXECUTION_STATUS_UNSPECIFIED
    )
    _, found = await refused(stub.ListExecutions(request, timeout=10), fake)
    assert "EXECUTION_STATUS_UNSPECIFIED" in found["status_filter"]


@pytest.mark.parametrize("status", [7, 0])
async def test_a_watch_with_a_bad_status_filter_is_refused(
    fake: FakeStepFunctions, gateway: Gateway, status: int
) -> None:
    # 7 was INTERNAL (no name for it); 0 was a watch that never sent anything.
    _, stub = gateway
    request = gateway_pb2.WatchExecutionsRequest(state_machine_arn=MACHINE, status_filter=status)  # type: ignore[arg-type]
    _, found = await refused(stub.WatchExecutions(request, timeout=10), fake)
    assert set(found) == {"status_filter"}


# -- durations, numbers ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "max_wait",
    [
        duration_pb2.Duration(seconds=2**62),  # overflowed into INTERNAL
        duration_pb2.Duration(seconds=-1),
        duration_pb2.Duration(seconds=1, nanos=-5),
        duration_pb2.Duration(nanos=2_000_000_000),
    ],
)
async def test_a_wait_out_of_range_is_refused(
    fake: FakeStepFunctions, gateway: Gateway, max_wait: duration_pb2.Duration
) -> None:
    _, stub = gateway
    request = gateway_pb2.WaitExecutionRequest(execution_arn=EXECUTION, max_wait=max_wait)
    _, found = await refused(stub.WaitExecution(request, timeout=10), fake)
    assert set(found) == {"max_wait"}


@pytest.mark.parametrize("percentage", [-1.0, 100.5, math.nan, math.inf, -math.inf])
async def test_floats_out_of_range_or_not_finite_are_refused(
    fake: FakeStepFunctions, gateway: Gateway, percentage: float
) -> None:
    # -1 reached the backend and came back as UNAVAILABLE / BACKEND_ERROR.
    _, stub = gateway
    request = map_runs_pb2.UpdateMapRunRequest(map_run_arn=MAP_RUN, tolerated_failure_percentage=percentage)
    _, found = await refused(stub.UpdateMapRun(request, timeout=10), fake)
    assert set(found) == {"tolerated_failure_percentage"}


async def test_an_integer_beyond_32_bits_is_refused(fake: FakeStepFunctions, gateway: Gateway) -> None:
    _, stub = gateway
    request = map_runs_pb2.UpdateMapRunRequest(map_run_arn=MAP_RUN, max_concurrency=2**40)
    _, found = await refused(stub.UpdateMapRun(request, timeout=10), fake)
    assert set(found) == {"max_concurrency"}


async def test_the_stream_rules_hold(fake: FakeStepFunctions, gateway: Gateway) -> None:
    _, stub = gateway
    for request, field in [
        (gateway_pb2.StreamExecutionHistoryRequest(execution_arn=EXECUTION, page_size=1001), "page_size"),
        (gateway_pb2.StreamExecutionHistoryRequest(execution_arn=EXECUTION, after_event_id=-1), "after_event_id"),
        (gateway_pb2.StreamExecutionHistoryRequest(execution_arn=EXECUTION, follow=True, reverse_order=True), "follow"),
        (gateway_pb2.StreamExecutionHistoryRequest(), "execution_arn"),
    ]:
        _, found = await refused(stub.StreamExecutionHistory(request, timeout=10), fake)
        assert set(found) == {field}


# -- ARNs ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "arn",
    [
        EXECUTION + "\n",  # `$` matches before a final newline; the check must not
        EXECUTION + "\x00",
        EXECUTION[:-1] + "*",
        EXECUTION.replace("run-1", "run 1"),
        # Unicode white space, line separators and format characters (\s of ASCII patterns misses them).
        EXECUTION.replace("run-1", "run\u20281"),
        EXECUTION.replace("run-1", "run\u00a01"),
        EXECUTION.replace("run-1", "run\u200b1"),
        EXECUTION.replace("run-1", "run\u202e1"),
        EXECUTION.replace("run-1", "run-1\ufeff"),
        MACHINE,  # the wrong resource type for the field
        f"{ACCOUNT}:activity:worker",
        "arn:aws:iam::123456789012:role/r",
        "not-an-arn",
    ],
)
async def test_execution_arns_are_whole_arns_of_executions(fake: FakeStepFunctions, gateway: Gateway, arn: str) -> None:
    _, stub = gateway
    request = executions_pb2.DescribeExecutionRequest(execution_arn=arn)
    error, found = await refused(stub.DescribeExecution(request, timeout=10), fake)
    assert list(found) == ["execution_arn"]
    assert found["execution_arn"].startswith("must be the ARN of an execution or Express execution")
    assert arn not in (error.details() or "")


@pytest.mark.parametrize(
    ("request_message", "rpc", "field"),
    [
        (executions_pb2.StartExecutionRequest(state_machine_arn=EXECUTION), "StartExecution", "state_machine_arn"),
        (tags_pb2.TagResourceRequest(resource_arn=EXECUTION), "TagResource", "resource_arn"),
        (
            tags_pb2.ListTagsForResourceRequest(resource_arn=f"{MACHINE}:1"),  # versions carry no tags
            "ListTagsForResource",
            "resource_arn",
        ),
        (
            state_machines_pb2.DeleteStateMachineVersionRequest(state_machine_version_arn=f"{MACHINE}:prod"),
            "DeleteStateMachineVersion",
            "state_machine_version_arn",
        ),
        (map_runs_pb2.DescribeMapRunRequest(map_run_arn=EXECUTION), "DescribeMapRun", "map_run_arn"),
    ],
)
async def test_each_arn_field_takes_its_resource_type(
    fake: FakeStepFunctions, gateway: Gateway, request_message: object, rpc: str, field: str
) -> None:
    _, stub = gateway
    _, found = await refused(getattr(stub, rpc)(request_message, timeout=10), fake)
    assert field in found


async def test_versions_and_aliases_stand_for_their_state_machine(fake: FakeStepFunctions, gateway: Gateway) -> None:
    _, stub = gateway
    machine = fake.add_state_machine("machine")
    for arn in (f"{machine}:1", f"{machine}:prod"):
        request = executions_pb2.ListExecutionsRequest(state_machine_arn=arn)
        with contextlib.suppress(grpc.aio.AioRpcError):  # the fake knows no versions or aliases
            await stub.ListExecutions(request, timeout=10)
    assert len(fake.calls_of("ListExecutions")) == 2  # both passed validation and went to the backend


# -- combinations, JSON ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "request_message",
    [
        executions_pb2.ListExecutionsRequest(),
        executions_pb2.ListExecutionsRequest(state_machine_arn=MACHINE, map_run_arn=MAP_RUN),
    ],
)
async def test_list_executions_needs_exactly_one_arn(
    fake: FakeStepFunctions, gateway: Gateway, request_message: executions_pb2.ListExecutionsRequest
) -> None:
    _, stub = gateway
    _, found = await refused(stub.ListExecutions(request_message, timeout=10), fake)
    assert set(found) == {"state_machine_arn"}
    assert "exactly one of state_machine_arn or map_run_arn" in found["state_machine_arn"]


@pytest.mark.parametrize("payload", ["not json", "{", "NaN", '{"a": Infinity}', "", "[" * 100_000])
async def test_execution_input_must_be_json(fake: FakeStepFunctions, gateway: Gateway, payload: str) -> None:
    _, stub = gateway
    request = executions_pb2.StartExecutionRequest(state_machine_arn=MACHINE, input=payload)
    error, found = await refused(stub.StartExecution(request, timeout=10), fake)
    assert set(found) == {"input"}
    assert "not json" not in (error.details() or "")


async def test_definitions_and_task_output_must_be_json(fake: FakeStepFunctions, gateway: Gateway) -> None:
    _, stub = gateway
    create = state_machines_pb2.CreateStateMachineRequest(name="sm", definition="StartAt: P", role_arn=ROLE)
    _, found = await refused(stub.CreateStateMachine(create, timeout=10), fake)
    assert found == {"definition": "must be JSON text"}
    success = activities_pb2.SendTaskSuccessRequest(task_token="token", output="<xml/>")
    _, found = await refused(stub.SendTaskSuccess(success, timeout=10), fake)
    assert found == {"output": "must be JSON text"}


async def test_validate_definition_leaves_judging_the_definition_to_aws(
    fake: FakeStepFunctions, gateway: Gateway
) -> None:
    # The operation exists to say what is wrong with a definition: its answer, not ours, says so.
    _, stub = gateway
    request = state_machines_pb2.ValidateStateMachineDefinitionRequest(definition="StartAt: P")
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await stub.ValidateStateMachineDefinition(request, timeout=10)
    assert caught.value.code() == grpc.StatusCode.UNIMPLEMENTED  # the fake does not have the operation
    assert len(fake.calls_of("ValidateStateMachineDefinition")) == 1


async def test_valid_json_payloads_go_through(fake: FakeStepFunctions, gateway: Gateway) -> None:
    _, stub = gateway
    machine = fake.add_state_machine("machine")
    for payload in ('{"a": [1, 2.5, "é", null]}', "[]", '"text"', "3"):
        request = executions_pb2.StartExecutionRequest(state_machine_arn=machine, input=payload)
        await stub.StartExecution(request, timeout=10)
    assert len(fake.calls_of("StartExecution")) == 4


# -- bounded BadRequest ------------------------------------------------------------------------------------


async def test_a_thousand_violations_fit_the_trailer_and_say_how_many(
    fake: FakeStepFunctions, gateway: Gateway
) -> None:
    # Was RESOURCE_EXHAUSTED: the BadRequest of 1,000 violations overflowed the 16 KiB trailer limit.
    _, stub = gateway
    request = state_machines_pb2.UntagResourceRequest(resource_arn=MACHINE, tag_keys=["k" * 300] * 1000)
    error, found = await refused(stub.UntagResource(request, timeout=10), fake)
    assert 1 <= len(found) <= 20
    assert all(len(text) <= 200 for text in found.values())
    assert "k" * 100 not in (error.details() or "")
    info = rich_details(error)["ErrorInfo"]
    assert info.metadata["violations"] == "1000"
    assert "(and 995 more)" in (error.details() or "")
    trailer = dict(error.trailing_metadata() or ())["grpc-status-details-bin"]
    assert len(trailer) + len((error.details() or "").encode()) < TRAILER_LIMIT // 2


async def test_a_huge_invalid_value_is_not_echoed(fake: FakeStepFunctions, gateway: Gateway) -> None:
    _, stub = gateway
    secret = "s3cr3t-" * 50_000
    request = executions_pb2.StartExecutionRequest(state_machine_arn=MACHINE, name=secret, input=secret)
    error, found = await refused(stub.StartExecution(request, timeout=10), fake)
    assert set(found) == {"name", "input"}
    assert "s3cr3t" not in (error.details() or "")
    assert b"s3cr3t" not in dict(error.trailing_metadata() or ())["grpc-status-details-bin"]


# -- errors that mislead ---------------------------------------------------------------------------------------


class _HtmlErrors(http.server.BaseHTTPRequestHandler):
    """An HTTP endpoint that answers every request as a misconfigured proxy would: an HTML 502/500 page."""

    protocol_version = "HTTP/1.1"
    status = 500
    page = b"<!DOCTYPE html><html><body><h1>500 Internal Server Error</h1><p>nginx/1.25 at 10.0.0.7</p></body></html>"

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.send_response(self.status)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(self.page)))
        self.end_headers()
        self.wfile.write(self.page)

    def log_message(self, format: str, *args: object) -> None:
        """No access log in the test output."""


@pytest.fixture
def html_endpoint() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _HtmlErrors)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


async def test_an_html_error_page_becomes_a_short_unavailable(html_endpoint: str) -> None:
    async with running_server(server_config(retry_max_attempts=1), html_endpoint) as (_, stub, _channel):
        with pytest.raises(grpc.aio.AioRpcError) as caught:
            await stub.DescribeExecution(executions_pb2.DescribeExecutionRequest(execution_arn=EXECUTION), timeout=10)
    error = caught.value
    assert error.code() == grpc.StatusCode.UNAVAILABLE
    info = rich_details(error)["ErrorInfo"]
    assert info.reason == "BACKEND_ERROR"
    assert info.metadata["http_status"] == "500"
    assert "HTTP 500" in (error.details() or "")
    assert "html" not in (error.details() or "").lower()
    assert "nginx" not in (error.details() or "")


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def test_an_unreachable_backend_is_not_named_to_the_caller() -> None:
    url = f"http://127.0.0.1:{_closed_port()}"
    async with running_server(server_config(retry_max_attempts=1), url) as (_, stub, _channel):
        with pytest.raises(grpc.aio.AioRpcError) as caught:
            await stub.DescribeExecution(executions_pb2.DescribeExecutionRequest(execution_arn=EXECUTION), timeout=10)
    error = caught.value
    assert error.code() == grpc.StatusCode.UNAVAILABLE
    assert rich_details(error)["ErrorInfo"].reason == "BACKEND_UNREACHABLE"
    assert "127.0.0.1" not in (error.details() or "")
    assert url not in str(dict(error.trailing_metadata() or ()))


def _malformed(fake: FakeStepFunctions, member: str, value: object, status: str = "SUCCEEDED") -> str:
    machine = fake.add_state_machine("machine")
    events = history(5 if status == "SUCCEEDED" else 4, status=status)
    events[2][member] = value
    return fake.add_execution(machine, "odd", status=status, events=events)


async def test_an_id_out_of_range_from_the_backend_is_unavailable(fake: FakeStepFunctions, gateway: Gateway) -> None:
    # Was INTERNAL, echoing the value.
    _, stub = gateway
    arn = _malformed(fake, "id", 2**70)
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await stub.GetExecutionHistory(history_pb2.GetExecutionHistoryRequest(execution_arn=arn), timeout=10)
    error = caught.value
    assert error.code() == grpc.StatusCode.UNAVAILABLE
    assert rich_details(error)["ErrorInfo"].reason == "BACKEND_ERROR"
    assert str(2**70) not in (error.details() or "")


async def test_a_bad_timestamp_in_a_stream_is_unavailable(fake: FakeStepFunctions, gateway: Gateway) -> None:
    _, stub = gateway
    arn = _malformed(fake, "timestamp", "the day after tomorrow", status="RUNNING")
    stream = stub.StreamExecutionHistory(gateway_pb2.StreamExecutionHistoryRequest(execution_arn=arn), timeout=10)
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        async for _ in stream:
            pass
    error = caught.value
    assert error.code() == grpc.StatusCode.UNAVAILABLE
    assert rich_details(error)["ErrorInfo"].reason == "BACKEND_ERROR"
    assert "the day after tomorrow" not in (error.details() or "")
