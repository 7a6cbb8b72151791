"""The server end to end: a real gRPC channel to a real server, boto3's real HTTP stack, and a fake
Step Functions endpoint on 127.0.0.1 that speaks the AWS JSON protocol (tests/fake_sfn.py)."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from typing import TypeAlias

import grpc
import pytest
from grpc_health.v1 import health_pb2
from grpc_reflection.v1alpha import reflection_pb2
from sfngrpc.stepfunctions.v1 import executions_pb2, history_pb2, service_pb2_grpc, state_machines_pb2

from service.paging import PageTokens, Pagination, Position
from service.rpc import SERVICE
from service.server import Server
from tests.fake_sfn import FakeStepFunctions, history
from tests.grpc_helpers import health_stub, reflection_stub, rich_details, running_server, server_config

pytestmark = pytest.mark.asyncio


Gateway: TypeAlias = (
    "tuple[Server, service_pb2_grpc.StepFunctionsServiceAsyncStub]"  # the stub type is in the .pyi only
)


@pytest.fixture
async def gateway(fake: FakeStepFunctions) -> AsyncIterator[Gateway]:
    async with running_server(server_config(), fake.endpoint_url) as (server, stub, _):
        yield server, stub


def seeded(fake: FakeStepFunctions, events: int = 5, payload: int = 64) -> tuple[str, str]:
    machine = fake.add_state_machine("machine")
    execution = fake.add_execution(machine, "run-1", events=history(events, payload_bytes=payload))
    return machine, execution


async def test_describe_execution(fake: FakeStepFunctions, gateway: Gateway) -> None:
    _, stub = gateway
    _, arn = seeded(fake)
    answer = await stub.DescribeExecution(executions_pb2.DescribeExecutionRequest(execution_arn=arn), timeout=5)
    assert answer.execution_arn == arn
    assert answer.status == executions_pb2.EXECUTION_STATUS_SUCCEEDED
    assert answer.start_date.seconds > 0


async def test_throttled_twice_then_ok_within_the_deadline(fake: FakeStepFunctions, gateway: Gateway) -> None:
    _, stub = gateway
    _, arn = seeded(fake)
    fake.inject("throttle", operation="DescribeExecution", times=2)
    answer = await stub.DescribeExecution(executions_pb2.DescribeExecutionRequest(execution_arn=arn), timeout=5)
    assert answer.execution_arn == arn
    assert len(fake.calls_of("DescribeExecution")) == 3


async def test_throttled_past_the_deadline_is_resource_exhausted_before_it(
    fake: FakeStepFunctions, gateway: Gateway
) -> None:
    _, stub = gateway
    _, arn = seeded(fake)
    fake.inject("throttle", operation="DescribeExecution", times=1000)
    start = time.monotonic()
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await stub.DescribeExecution(executions_pb2.DescribeExecutionRequest(execution_arn=arn), timeout=1.0)
    elapsed = time.monotonic() - start
    assert caught.value.code() == grpc.StatusCode.RESOURCE_EXHAUSTED
    assert elapsed < 1.0
    found = rich_details(caught.value)
    assert found["ErrorInfo"].reason == "THROTTLING_EXCEPTION"
    assert found["ErrorInfo"].metadata["aws_error_code"] == "ThrottlingException"
    assert found["RetryInfo"].retry_delay.ToNanoseconds() > 0
    assert 2 <= len(fake.calls_of("DescribeExecution")) < 100


async def test_start_execution_retried_after_a_dropped_connection_starts_one(
    fake: FakeStepFunctions, gateway: Gateway
) -> None:
    _, stub = gateway
    machine = fake.add_state_machine("machine")
    fake.inject("drop", operation="StartExecution")
    answer = await stub.StartExecution(
        executions_pb2.StartExecutionRequest(state_machine_arn=machine, input="{}"), timeout=10
    )
    calls = fake.calls_of("StartExecution")
    assert len(calls) == 2
    assert calls[0].params["name"] == calls[1].params["name"]  # the gateway named it before the first attempt
    assert not answer.execution_arn.endswith(":None")
    listed = await stub.ListExecutions(executions_pb2.ListExecutionsRequest(state_machine_arn=machine), timeout=5)
    assert [e.execution_arn for e in listed.executions] == [answer.execution_arn]


async def test_non_idempotent_calls_are_not_repeated_after_aws_may_have_acted(
    fake: FakeStepFunctions, gateway: Gateway
) -> None:
    _, stub = gateway
    machine = fake.add_state_machine("express", type="EXPRESS")
    fake.inject("drop", operation="StartSyncExecution")
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await stub.StartSyncExecution(
            executions_pb2.StartSyncExecutionRequest(state_machine_arn=machine, input="{}"), timeout=5
        )
    assert caught.value.code() == grpc.StatusCode.UNAVAILABLE
    assert len(fake.calls_of("StartSyncExecution")) == 1
    # A throttled request was refused before AWS acted: repeating it is safe even here. (A dropped
    # connection is ambiguous to any client: it cannot tell whether AWS acted, so it is not retried.)
    fake.inject("throttle", operation="StartSyncExecution")
    answer = await stub.StartSyncExecution(
        executions_pb2.StartSyncExecutionRequest(state_machine_arn=machine, input="{}"), timeout=5
    )
    assert answer.status == executions_pb2.SYNC_EXECUTION_STATUS_SUCCEEDED
    assert len(fake.calls_of("StartSyncExecution")) == 3


async def test_sync_operations_skip_the_host_prefix_on_a_custom_endpoint(
    fake: FakeStepFunctions, gateway: Gateway
) -> None:
    _, stub = gateway
    machine = fake.add_state_machine("express", type="EXPRESS")
    await stub.StartSyncExecution(
        executions_pb2.StartSyncExecutionRequest(state_machine_arn=machine, input='{"a":1}'), timeout=5
    )
    await stub.TestState(
        state_machines_pb2.TestStateRequest(definition='{"Type": "Pass", "End": true}', input="{}"), timeout=5
    )
    port = fake.endpoint_url.rsplit(":", 1)[1]
    for operation in ("StartSyncExecution", "TestState"):
        assert fake.calls_of(operation)[0].headers["Host"] == f"127.0.0.1:{port}"


async def test_a_large_history_arrives_whole_across_pages_with_default_limits(
    fake: FakeStepFunctions, gateway: Gateway
) -> None:
    _, stub = gateway
    _, arn = seeded(fake, events=100, payload=256 * 1024)
    request = history_pb2.GetExecutionHistoryRequest(execution_arn=arn, max_results=1000)
    ids: list[int] = []
    pages = 0
    while True:
        page = await stub.GetExecutionHistory(request, timeout=30)
        pages += 1
        ids += [e.id for e in page.events]
        assert page.ByteSize() < 4 * 1024 * 1024
        if not page.next_token:
            break
        request.next_token = page.next_token
    assert ids == list(range(1, 101))
    assert pages > 1


async def test_pages_respect_max_results(fake: FakeStepFunctions, gateway: Gateway) -> None:
    _, stub = gateway
    _, arn = seeded(fake, events=23)
    request = history_pb2.GetExecutionHistoryRequest(execution_arn=arn, max_results=5, reverse_order=True)
    ids: list[int] = []
    while True:
        page = await stub.GetExecutionHistory(request, timeout=5)
        assert len(page.events) <= 5
        ids += [e.id for e in page.events]
        if not page.HasField("next_token"):
            break
        request.next_token = page.next_token
    assert ids == list(range(23, 0, -1))


async def _first_token(stub: service_pb2_grpc.StepFunctionsServiceAsyncStub, arn: str) -> str:
    page = await stub.GetExecutionHistory(
        history_pb2.GetExecutionHistoryRequest(execution_arn=arn, max_results=2), timeout=5
    )
    return page.next_token


async def _refusal(
    stub: service_pb2_grpc.StepFunctionsServiceAsyncStub, request: history_pb2.GetExecutionHistoryRequest
) -> str:
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await stub.GetExecutionHistory(request, timeout=5)
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    found = rich_details(caught.value)
    assert found["BadRequest"].field_violations[0].field == "next_token"
    return found["ErrorInfo"].reason


async def test_tokens_replayed_with_other_arguments_tampered_or_expired_are_refused(
    fake: FakeStepFunctions, gateway: Gateway
) -> None:
    _, stub = gateway
    _, arn = seeded(fake, events=10)
    token = await _first_token(stub, arn)
    calls_before = len(fake.calls_of("GetExecutionHistory"))
    other_args = history_pb2.GetExecutionHistoryRequest(execution_arn=arn, next_token=token, reverse_order=True)
    assert await _refusal(stub, other_args) == "PAGE_TOKEN_MISMATCH"
    no_data = history_pb2.GetExecutionHistoryRequest(execution_arn=arn, next_token=token, include_execution_data=False)
    assert await _refusal(stub, no_data) == "PAGE_TOKEN_MISMATCH"
    tampered = history_pb2.GetExecutionHistoryRequest(
        execution_arn=arn, next_token=token[:10] + ("A" if token[10] != "A" else "B") + token[11:]
    )
    assert await _refusal(stub, tampered) == "INVALID_PAGE_TOKEN"
    key = server_config().token_key()
    assert key is not None
    old = PageTokens(key, clock=lambda: time.time() - 25 * 3600)
    binding = old.binding("GetExecutionHistory", {"executionArn": arn}, Pagination(result_key="events"))
    expired = history_pb2.GetExecutionHistoryRequest(
        execution_arn=arn, next_token=old.issue(binding, Position(None, 2, 2))
    )
    assert await _refusal(stub, expired) == "PAGE_TOKEN_EXPIRED"
    assert len(fake.calls_of("GetExecutionHistory")) == calls_before  # refused before any AWS call
    # The same token with only max_results changed, and with include_execution_data spelled out, works.
    same = history_pb2.GetExecutionHistoryRequest(
        execution_arn=arn, next_token=token, max_results=7, include_execution_data=True
    )
    page = await stub.GetExecutionHistory(same, timeout=5)
    assert [e.id for e in page.events] == [3, 4, 5, 6, 7, 8, 9]


async def test_any_replica_continues_any_token(fake: FakeStepFunctions, gateway: Gateway) -> None:
    _, stub = gateway
    _, arn = seeded(fake, events=6)
    token = await _first_token(stub, arn)
    async with running_server(server_config(), fake.endpoint_url) as (_, other_stub, _):
        page = await other_stub.GetExecutionHistory(
            history_pb2.GetExecutionHistoryRequest(execution_arn=arn, next_token=token), timeout=5
        )
    assert [e.id for e in page.events] == [3, 4, 5, 6]


async def test_invalid_requests_are_refused_before_any_aws_call(fake: FakeStepFunctions, gateway: Gateway) -> None:
    _, stub = gateway
    machine = fake.add_state_machine("machine")
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await stub.StartExecution(
            executions_pb2.StartExecutionRequest(
                state_machine_arn=machine, name="has space", input="x" * (256 * 1024 + 1)
            ),
            timeout=5,
        )
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    fields = {v.field for v in rich_details(caught.value)["BadRequest"].field_violations}
    assert fields == {"name", "input"}
    assert fake.calls_of("StartExecution") == []


async def test_aws_errors_keep_their_code_and_request_id(fake: FakeStepFunctions, gateway: Gateway) -> None:
    _, stub = gateway
    missing = "arn:aws:states:us-east-1:123456789012:execution:machine:nope"
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await stub.DescribeExecution(executions_pb2.DescribeExecutionRequest(execution_arn=missing), timeout=5)
    assert caught.value.code() == grpc.StatusCode.NOT_FOUND
    info = rich_details(caught.value)["ErrorInfo"]
    assert info.reason == "EXECUTION_DOES_NOT_EXIST"
    assert info.domain == "states.amazonaws.com"
    assert info.metadata["aws_request_id"]


async def test_health_reflection_and_graceful_shutdown(fake: FakeStepFunctions) -> None:
    _, arn = seeded(fake)
    async with running_server(server_config(grace_seconds=3.0), fake.endpoint_url) as (server, stub, channel):
        health = health_stub(channel)
        for _ in range(50):
            status = (await health.Check(health_pb2.HealthCheckRequest(service=""), timeout=2)).status
            if status == health_pb2.HealthCheckResponse.SERVING:
                break
            await asyncio.sleep(0.1)
        assert status == health_pb2.HealthCheckResponse.SERVING

        reflect = reflection_stub(channel)
        replies = reflect.ServerReflectionInfo(iter([reflection_pb2.ServerReflectionRequest(list_services="")]))
        names = {s.name async for reply in replies for s in reply.list_services_response.service}
        assert "sfngrpc.stepfunctions.v1.StepFunctionsService" in names

        fake.inject("latency", operation="DescribeExecution", delay=0.8)
        in_flight = asyncio.ensure_future(
            stub.DescribeExecution(executions_pb2.DescribeExecutionRequest(execution_arn=arn), timeout=10)
        )
        await asyncio.sleep(0.2)
        await server.stop()  # drains: the call in flight finishes
        assert (await in_flight).execution_arn == arn
        with pytest.raises(grpc.aio.AioRpcError):
            await stub.DescribeExecution(executions_pb2.DescribeExecutionRequest(execution_arn=arn), timeout=2)


async def _call_raw(channel: grpc.aio.Channel, path: str, body: bytes, streaming: bool) -> None:
    if streaming:
        stream: grpc.aio.UnaryStreamMultiCallable[bytes, bytes] = channel.unary_stream(path)
        async for _ in stream(body, timeout=5):
            pass
    else:
        unary: grpc.aio.UnaryUnaryMultiCallable[bytes, bytes] = channel.unary_unary(path)
        await unary(body, timeout=5)


async def test_requests_that_do_not_decode_are_invalid_arguments_on_every_method(
    fake: FakeStepFunctions, gateway: Gateway
) -> None:
    server, stub = gateway
    channel = grpc.aio.insecure_channel(f"127.0.0.1:{server.port}")
    garbage = b"\x0a\x05\xff\xfe\xfd\xfc\xfb\xff\xff\xff"  # a string field with bad UTF-8, then junk
    try:
        for method in SERVICE.methods:
            path = f"/{SERVICE.full_name}/{method.name}"
            with pytest.raises(grpc.aio.AioRpcError) as caught:
                await _call_raw(channel, path, garbage, streaming=method.server_streaming)
            assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT, method.name
            assert rich_details(caught.value)["ErrorInfo"].reason == "MALFORMED_REQUEST"
    finally:
        await channel.close()
    _, arn = seeded(fake)
    answer = await stub.DescribeExecution(executions_pb2.DescribeExecutionRequest(execution_arn=arn), timeout=5)
    assert answer.execution_arn == arn  # and the server still serves
