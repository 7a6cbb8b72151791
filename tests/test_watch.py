"""WatchExecutions through a real channel against the fake endpoint: snapshot, changes, resume."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from typing import Any, TypeAlias

import grpc
import pytest
from sfngrpc.stepfunctions.v1 import executions_pb2, gateway_pb2, service_pb2_grpc

from service.server import Server
from tests.fake_sfn import FakeStepFunctions, history
from tests.grpc_helpers import next_message, rich_details, running_server, server_config

pytestmark = pytest.mark.asyncio
Stub: TypeAlias = "service_pb2_grpc.StepFunctionsServiceAsyncStub"  # declared in the .pyi only
Gateway: TypeAlias = "tuple[Server, Stub]"
EXISTING, STARTED, CHANGED = (
    gateway_pb2.EXECUTION_CHANGE_EXISTING,
    gateway_pb2.EXECUTION_CHANGE_STARTED,
    gateway_pb2.EXECUTION_CHANGE_STATUS_CHANGED,
)


@pytest.fixture
async def gateway(fake: FakeStepFunctions) -> AsyncIterator[Gateway]:
    config = server_config(poll_min_seconds=0.05, poll_max_seconds=0.1)
    async with running_server(config, fake.endpoint_url) as (server, stub, _):
        yield server, stub


def add(fake: FakeStepFunctions, machine: str, name: str, status: str) -> str:
    return fake.add_execution(
        machine, name, status=status, events=history(3 if status == "RUNNING" else 4, status=status, start=time.time())
    )


async def take(
    stream: grpc.aio.UnaryStreamCall[Any, gateway_pb2.WatchExecutionsResponse], count: int
) -> list[gateway_pb2.WatchExecutionsResponse]:
    return [await asyncio.wait_for(next_message(stream), timeout=5) for _ in range(count)]


def summary(messages: list[gateway_pb2.WatchExecutionsResponse]) -> list[tuple[int, str, int]]:
    return [(m.change, m.execution.name, m.execution.status) for m in messages]


async def test_snapshot_then_new_executions_and_transitions(fake: FakeStepFunctions, gateway: Gateway) -> None:
    _, stub = gateway
    machine = fake.add_state_machine("watched")
    add(fake, machine, "old-ok", "SUCCEEDED")
    running = add(fake, machine, "busy", "RUNNING")
    stream = stub.WatchExecutions(gateway_pb2.WatchExecutionsRequest(state_machine_arn=machine), timeout=30)
    snapshot = await take(stream, 2)
    assert sorted(summary(snapshot)) == sorted(
        [
            (EXISTING, "old-ok", executions_pb2.EXECUTION_STATUS_SUCCEEDED),
            (EXISTING, "busy", executions_pb2.EXECUTION_STATUS_RUNNING),
        ]
    )
    add(fake, machine, "new", "RUNNING")
    (started,) = await take(stream, 1)
    assert summary([started]) == [(STARTED, "new", executions_pb2.EXECUTION_STATUS_RUNNING)]
    fake.set_status(running, "FAILED")
    (changed,) = await take(stream, 1)
    assert summary([changed]) == [(CHANGED, "busy", executions_pb2.EXECUTION_STATUS_FAILED)]
    assert changed.previous_status == executions_pb2.EXECUTION_STATUS_RUNNING
    stream.cancel()


async def test_resume_replays_what_changed_while_away(fake: FakeStepFunctions, gateway: Gateway) -> None:
    _, stub = gateway
    machine = fake.add_state_machine("resumed")
    add(fake, machine, "first", "SUCCEEDED")
    stream = stub.WatchExecutions(gateway_pb2.WatchExecutionsRequest(state_machine_arn=machine), timeout=30)
    (first,) = await take(stream, 1)
    stream.cancel()
    await asyncio.sleep(0.01)
    add(fake, machine, "while-away", "RUNNING")
    resumed = stub.WatchExecutions(
        gateway_pb2.WatchExecutionsRequest(state_machine_arn=machine, resume_cursor=first.cursor), timeout=30
    )
    names = set()
    while "while-away" not in names:
        message = (await take(resumed, 1))[0]
        assert message.change in (STARTED, CHANGED)  # at least once: the last delivered change may repeat
        names.add(message.execution.name)
    resumed.cancel()


async def test_a_status_filter_reports_executions_that_come_to_match(fake: FakeStepFunctions, gateway: Gateway) -> None:
    _, stub = gateway
    machine = fake.add_state_machine("filtered")
    busy = add(fake, machine, "busy", "RUNNING")
    add(fake, machine, "done", "SUCCEEDED")
    request = gateway_pb2.WatchExecutionsRequest(
        state_machine_arn=machine, status_filter=executions_pb2.EXECUTION_STATUS_SUCCEEDED
    )
    stream = stub.WatchExecutions(request, timeout=30)
    assert summary(await take(stream, 1)) == [(EXISTING, "done", executions_pb2.EXECUTION_STATUS_SUCCEEDED)]
    fake.set_status(busy, "SUCCEEDED")
    assert summary(await take(stream, 1)) == [(CHANGED, "busy", executions_pb2.EXECUTION_STATUS_SUCCEEDED)]
    stream.cancel()


async def test_bad_cursors_and_arguments_are_refused(fake: FakeStepFunctions, gateway: Gateway) -> None:
    _, stub = gateway
    machine = fake.add_state_machine("strict")
    for request, field in (
        (gateway_pb2.WatchExecutionsRequest(state_machine_arn=machine, resume_cursor="forged"), "resume_cursor"),
        (gateway_pb2.WatchExecutionsRequest(state_machine_arn="not-an-arn"), "state_machine_arn"),
    ):
        with pytest.raises(grpc.aio.AioRpcError) as caught:
            await take(stub.WatchExecutions(request, timeout=10), 1)
        assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT
        assert rich_details(caught.value)["BadRequest"].field_violations[0].field == field
