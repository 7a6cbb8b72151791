"""Many callers at once, through a real channel against the fake endpoint: shared reads keep each
caller's own deadline, calls abandoned against a slow backend give their capacity back, long polls
do not take the capacity other calls need, and StartExecution is repeated only when it is safe."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from typing import Any

import grpc
import pytest
from sfngrpc.stepfunctions.v1 import activities_pb2, common_pb2, executions_pb2

from tests.fake_sfn import FakeStepFunctions, history
from tests.grpc_helpers import rich_details, running_server, server_config


@pytest.fixture
async def gateway(fake: FakeStepFunctions) -> AsyncIterator[Any]:
    async with running_server(server_config(workers=4), fake.endpoint_url) as (_, stub, _):
        yield stub


async def until(condition: Any, timeout: float = 10.0) -> None:
    """Wait until `condition()` holds (polling, bounded)."""
    ends = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < ends, "condition not reached"
        await asyncio.sleep(0.005)


def running_execution(fake: FakeStepFunctions, name: str = "run") -> str:
    machine = fake.add_state_machine(f"machine-{time.monotonic_ns()}")
    return fake.add_execution(machine, name, status="RUNNING", events=history(3, status="RUNNING"))


async def test_a_caller_that_joins_a_shared_read_keeps_its_own_deadline(fake: FakeStepFunctions, gateway: Any) -> None:
    arn = running_execution(fake)
    fake.inject("latency", operation="DescribeExecution", delay=1.0)
    request = executions_pb2.DescribeExecutionRequest(execution_arn=arn)
    hasty = asyncio.ensure_future(gateway.DescribeExecution(request, timeout=0.5))
    await until(lambda: len(fake.calls_of("DescribeExecution")) == 1)  # the hasty caller's read is on its way
    patient = asyncio.ensure_future(gateway.DescribeExecution(request, timeout=5))
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await hasty
    assert caught.value.code() == grpc.StatusCode.DEADLINE_EXCEEDED
    answer = await patient  # it joined the hasty caller's read, which outlives the hasty caller
    assert answer.execution_arn == arn
    # The read's first attempt had a socket timeout made for the hasty caller (1 s); past it, the
    # read tries again for the patient one.
    assert len(fake.calls_of("DescribeExecution")) <= 2


async def test_the_shared_read_is_dropped_when_its_last_caller_leaves(fake: FakeStepFunctions, gateway: Any) -> None:
    arn = running_execution(fake)
    fake.inject("throttle", operation="DescribeExecution", times=1000)  # would be retried until a deadline
    request = executions_pb2.DescribeExecutionRequest(execution_arn=arn)
    results = await asyncio.gather(
        *(gateway.DescribeExecution(request, timeout=t) for t in (0.3, 0.6)), return_exceptions=True
    )
    assert {r.code() for r in results if isinstance(r, grpc.aio.AioRpcError)} <= {
        grpc.StatusCode.RESOURCE_EXHAUSTED,
        grpc.StatusCode.DEADLINE_EXCEEDED,
    }
    # Both callers are gone: no attempt may start after the later deadline.
    settled = len(fake.calls_of("DescribeExecution"))
    await asyncio.sleep(0.3)
    assert len(fake.calls_of("DescribeExecution")) == settled


async def test_calls_abandoned_against_a_slow_backend_give_their_threads_back(
    fake: FakeStepFunctions, gateway: Any
) -> None:
    arn = running_execution(fake)
    machine = arn.rsplit(":", 1)[0].replace(":execution:", ":stateMachine:")
    fake.latency = 10.0  # every request in flight now takes 10 s
    request = executions_pb2.DescribeExecutionRequest(execution_arn=arn)
    # Twice as many callers as the server has threads, each giving up after 0.5 s (different
    # arguments, so that none shares another's call).
    lists = [executions_pb2.ListExecutionsRequest(state_machine_arn=machine, max_results=n) for n in range(1, 9)]
    hurried = await asyncio.gather(*(gateway.ListExecutions(r, timeout=0.5) for r in lists), return_exceptions=True)
    assert all(isinstance(r, grpc.aio.AioRpcError) and r.code() == grpc.StatusCode.DEADLINE_EXCEEDED for r in hurried)
    fake.latency = 0.0  # the backend recovers
    started = time.monotonic()
    answer = await gateway.DescribeExecution(request, timeout=5)
    recovered_after = time.monotonic() - started
    assert answer.execution_arn == arn
    # The abandoned requests' sockets time out soon after their callers' deadlines (1 s for a 0.5 s
    # deadline), not after boto3's 70 s: the first call after recovery finds a thread in time.
    assert recovered_after < 5


async def test_long_polls_do_not_take_the_capacity_other_calls_need(fake: FakeStepFunctions, gateway: Any) -> None:
    arn = running_execution(fake)
    activity_arn = arn.split(":execution:")[0] + ":activity:worker"
    # Each long poll holds its request for 3 s (what the answer then is does not matter here).
    fake.inject("latency", operation="GetActivityTask", times=8, delay=3.0)
    polls = [
        asyncio.ensure_future(
            gateway.GetActivityTask(activities_pb2.GetActivityTaskRequest(activity_arn=activity_arn), timeout=10)
        )
        for _ in range(8)  # twice the server's worker threads, all waiting on the backend
    ]
    try:
        answer = await gateway.DescribeExecution(executions_pb2.DescribeExecutionRequest(execution_arn=arn), timeout=2)
        assert answer.execution_arn == arn
    finally:
        for poll in polls:
            poll.cancel()
        await asyncio.gather(*polls, return_exceptions=True)


async def test_described_with_metadata_only_is_asked_so(fake: FakeStepFunctions, gateway: Any) -> None:
    arn = running_execution(fake)
    await gateway.DescribeExecution(
        executions_pb2.DescribeExecutionRequest(
            execution_arn=arn, included_data=common_pb2.INCLUDED_DATA_METADATA_ONLY
        ),
        timeout=5,
    )
    await gateway.DescribeExecution(executions_pb2.DescribeExecutionRequest(execution_arn=arn), timeout=5)
    sent = [call.params.get("includedData") for call in fake.calls_of("DescribeExecution")]
    assert sent == ["METADATA_ONLY", None]


async def test_a_start_of_an_express_machine_is_not_repeated_and_says_its_name(
    fake: FakeStepFunctions, gateway: Any
) -> None:
    machine = fake.add_state_machine("fast", type="EXPRESS")
    fake.inject("drop", operation="StartExecution")  # AWS acted; its answer is lost
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await gateway.StartExecution(executions_pb2.StartExecutionRequest(state_machine_arn=machine), timeout=5)
    assert caught.value.code() == grpc.StatusCode.UNAVAILABLE
    info = rich_details(caught.value)["ErrorInfo"]
    assert info.reason == "EXECUTION_OUTCOME_UNKNOWN"
    starts = fake.calls_of("StartExecution")
    assert len(starts) == 1  # not repeated: for EXPRESS a repeat could start a second execution
    assert info.metadata["execution_name"] == starts[0].params["name"]


async def test_a_start_of_a_standard_machine_is_repeated_with_the_same_name(
    fake: FakeStepFunctions, gateway: Any
) -> None:
    machine = fake.add_state_machine("steady")
    for _ in range(2):  # the second time, the type is known: no DescribeStateMachine
        fake.inject("drop", operation="StartExecution")
        answer = await gateway.StartExecution(
            executions_pb2.StartExecutionRequest(state_machine_arn=machine), timeout=5
        )
        names = [call.params["name"] for call in fake.calls_of("StartExecution")[-2:]]
        assert names[0] == names[1]
        assert answer.execution_arn.endswith(":" + names[0])
    assert len(fake.calls_of("DescribeStateMachine")) == 1


async def test_a_call_that_runs_out_of_time_is_answered_with_details_before_the_caller_gives_up(
    fake: FakeStepFunctions, gateway: Any
) -> None:
    arn = running_execution(fake)
    fake.latency = 2.0
    request = executions_pb2.DescribeExecutionRequest(execution_arn=arn)
    for timeout in (0.2, 0.5, 1.0):
        with pytest.raises(grpc.aio.AioRpcError) as caught:
            await gateway.DescribeExecution(request, timeout=timeout)
        assert caught.value.code() == grpc.StatusCode.DEADLINE_EXCEEDED
        # The gateway's own answer (the caller's timer would give no details).
        assert rich_details(caught.value)["ErrorInfo"].reason == "DEADLINE_EXCEEDED"


async def test_a_start_that_runs_out_of_time_says_its_name(fake: FakeStepFunctions, gateway: Any) -> None:
    machine = fake.add_state_machine("slow")
    fake.latency = 2.0
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await gateway.StartExecution(executions_pb2.StartExecutionRequest(state_machine_arn=machine), timeout=1.0)
    assert caught.value.code() == grpc.StatusCode.DEADLINE_EXCEEDED
    info = rich_details(caught.value)["ErrorInfo"]
    assert info.reason == "EXECUTION_OUTCOME_UNKNOWN"
    assert info.metadata["execution_name"] == fake.calls_of("StartExecution")[0].params["name"]


async def test_a_caller_with_no_time_left_sends_nothing_upstream(fake: FakeStepFunctions, gateway: Any) -> None:
    arn = running_execution(fake)
    request = executions_pb2.DescribeExecutionRequest(execution_arn=arn)
    for _ in range(5):
        with pytest.raises(grpc.aio.AioRpcError):
            await gateway.DescribeExecution(request, timeout=0.001)
    assert fake.calls_of("DescribeExecution") == []


async def test_a_repeated_start_finds_the_execution_that_ended_meanwhile(fake: FakeStepFunctions, gateway: Any) -> None:
    machine = fake.add_state_machine("quick")
    fake.inject("drop", operation="StartExecution")  # AWS started it; the answer is lost
    gate = fake.hold("DescribeStateMachine")  # between the attempts, the gateway asks the type
    start = asyncio.ensure_future(
        gateway.StartExecution(executions_pb2.StartExecutionRequest(state_machine_arn=machine), timeout=10)
    )
    assert await asyncio.to_thread(gate.wait_held, 1)
    name = fake.calls_of("StartExecution")[0].params["name"]
    started = machine.replace(":stateMachine:", ":execution:") + ":" + name
    fake.set_status(started, "SUCCEEDED")  # a fast state machine: it has ended before the repeat
    gate.release()
    answer = await start
    assert answer.execution_arn == started  # not ALREADY_EXISTS: it is this call's own execution
    assert len(fake.calls_of("StartExecution")) == 2
