"""The fault suite: what the backend does wrong, and what the caller gets (README "Errors"), in time.

Each fault runs through a real channel against the fake endpoint (tests/fake_sfn.py): a throttle
storm, a burst of 5xx, connections dropped before and after the request left, a latency spike, the
backend down and then back. Each caller gets the documented code within its deadline (a status from
the gateway, with its details: not the caller's own timer), the first call after the fault ends
succeeds within a second, and rounds of every fault leave no task, no thread and no memory behind.
"""

from __future__ import annotations

import asyncio
import gc
import logging
import threading
import time
import tracemalloc
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import grpc
import pytest
from google.rpc import error_details_pb2
from sfngrpc.stepfunctions.v1 import executions_pb2, service_pb2_grpc

from service.server import Server
from tests.fake_sfn import FakeStepFunctions, history
from tests.grpc_helpers import rich_details, running_server, server_config

# Short deadlines keep the suite CI-sized; the gateway answers a little before each.
DEADLINE = 0.6
CALLERS = 20


@pytest.fixture
async def gateway(fake: FakeStepFunctions) -> AsyncIterator[tuple[Server, Any]]:
    async with running_server(server_config(workers=8), fake.endpoint_url) as (server, stub, _):
        yield server, stub


def running_execution(fake: FakeStepFunctions, name: str) -> str:
    machine = fake.add_state_machine(f"machine-{name}")
    return fake.add_execution(machine, name, status="RUNNING", events=history(3, status="RUNNING"))


async def timed(call: Awaitable[Any]) -> tuple[Any, float]:
    started = time.monotonic()
    try:
        result = await call
    except grpc.aio.AioRpcError as error:
        result = error
    return result, time.monotonic() - started


def reason(error: grpc.aio.AioRpcError) -> str:
    """The ErrorInfo reason: present only when the gateway answered (a caller's own timeout has none)."""
    info = rich_details(error)["ErrorInfo"]
    assert isinstance(info, error_details_pb2.ErrorInfo)
    return info.reason


async def answered_as(
    calls: list[Awaitable[Any]], code: grpc.StatusCode, reasons: set[str], deadline: float = DEADLINE
) -> None:
    """Every call failed with `code` and one of `reasons`, answered by the gateway within `deadline`."""
    for result, seconds in await asyncio.gather(*(timed(c) for c in calls)):
        assert isinstance(result, grpc.aio.AioRpcError), result
        assert (result.code(), reason(result)) in {(code, r) for r in reasons}, result
        assert seconds < deadline + 0.2


async def recovers(stub: Any, arn: str) -> None:
    """The first call after the fault ended succeeds within a second."""
    request = executions_pb2.DescribeExecutionRequest(execution_arn=arn)
    answer = await stub.DescribeExecution(request, timeout=1.0)
    assert answer.execution_arn == arn


def describe(
    stub: service_pb2_grpc.StepFunctionsServiceAsyncStub, arn: str, deadline: float = DEADLINE
) -> Awaitable[executions_pb2.DescribeExecutionResponse]:
    return stub.DescribeExecution(executions_pb2.DescribeExecutionRequest(execution_arn=arn), timeout=deadline)


# -- each fault ------------------------------------------------------------------------------------------


async def throttle_storm(fake: FakeStepFunctions, stub: Any, arn: str) -> None:
    fake.inject("throttle", operation="DescribeExecution", times=100_000)
    await answered_as(
        [describe(stub, arn) for _ in range(CALLERS)], grpc.StatusCode.RESOURCE_EXHAUSTED, {"THROTTLING_EXCEPTION"}
    )
    fake.clear_faults()
    await recovers(stub, arn)


async def server_error_burst(fake: FakeStepFunctions, stub: Any, arn: str) -> None:
    fake.inject("500", operation="DescribeExecution", times=2)  # a short burst: retries absorb it
    await recovers(stub, arn)
    fake.inject("503", operation="DescribeExecution", times=100_000)  # a long one reaches the callers
    await answered_as(
        [describe(stub, arn) for _ in range(CALLERS)], grpc.StatusCode.UNAVAILABLE, {"SERVICE_UNAVAILABLE"}
    )
    fake.clear_faults()
    await recovers(stub, arn)


async def dropped_before_the_request_left(fake: FakeStepFunctions, stub: Any, arn: str) -> None:
    fake.inject("drop_before", operation="DescribeExecution", times=100_000)
    await answered_as(
        [describe(stub, arn) for _ in range(CALLERS)], grpc.StatusCode.UNAVAILABLE, {"BACKEND_UNREACHABLE"}
    )
    fake.clear_faults()
    await recovers(stub, arn)


async def dropped_after_the_request_left(fake: FakeStepFunctions, stub: Any, arn: str) -> None:
    """StartExecution acted, its answer was lost: the gateway repeats it only because it is safe
    (a STANDARD machine, the same name), and exactly one execution exists."""
    machine = arn.rsplit(":", 1)[0].replace(":execution:", ":stateMachine:")
    name = f"dropped-{time.monotonic_ns()}"
    fake.inject("drop", operation="StartExecution", times=1)
    request = executions_pb2.StartExecutionRequest(state_machine_arn=machine, name=name)
    started = await stub.StartExecution(request, timeout=DEADLINE * 2)
    assert started.execution_arn.endswith(f":{name}")
    starts = [c for c in fake.calls_of("StartExecution") if c.params.get("name") == name]
    assert [c.fault for c in starts] == ["drop", None]
    assert (await describe(stub, started.execution_arn)).execution_arn == started.execution_arn
    # A read dropped after it left, every time: UNAVAILABLE within the deadline.
    fake.inject("drop", operation="DescribeExecution", times=100_000)
    await answered_as(
        [describe(stub, arn) for _ in range(CALLERS)], grpc.StatusCode.UNAVAILABLE, {"BACKEND_UNREACHABLE"}
    )
    fake.clear_faults()
    await recovers(stub, arn)


async def latency_spike(fake: FakeStepFunctions, stub: Any, arn: str) -> None:
    fake.inject("latency", operation="DescribeExecution", times=CALLERS, delay=3 * DEADLINE)
    results = await asyncio.gather(*(timed(describe(stub, arn)) for _ in range(CALLERS)))
    answered = 0
    for result, seconds in results:
        assert isinstance(result, grpc.aio.AioRpcError), result
        assert result.code() == grpc.StatusCode.DEADLINE_EXCEEDED, result
        assert seconds < DEADLINE + 0.2
        # The gateway answers 50 ms before the caller's deadline, with details; 20 callers timing out
        # at once on a loaded machine may see their own timer fire first (no details, same code).
        if "grpc-status-details-bin" in dict(result.trailing_metadata() or ()):
            assert reason(result) == "DEADLINE_EXCEEDED"
            answered += 1
    assert answered > 0, "no caller got the gateway's own DEADLINE_EXCEEDED"
    fake.clear_faults()
    await recovers(stub, arn)


async def backend_down_then_back(fake: FakeStepFunctions, stub: Any, arn: str) -> None:
    fake.go_down()
    try:
        await answered_as(
            [describe(stub, arn) for _ in range(CALLERS)],
            grpc.StatusCode.UNAVAILABLE,
            {"BACKEND_UNREACHABLE", "BACKEND_TIMEOUT"},
        )
    finally:
        fake.come_back()
    await recovers(stub, arn)


FAULTS: dict[str, Callable[[FakeStepFunctions, Any, str], Awaitable[None]]] = {
    "throttle storm": throttle_storm,
    "5xx burst": server_error_burst,
    "dropped before the request left": dropped_before_the_request_left,
    "dropped after the request left": dropped_after_the_request_left,
    "latency spike": latency_spike,
    "backend down then back": backend_down_then_back,
}


@pytest.mark.parametrize("fault", list(FAULTS))
async def test_each_fault_gets_the_documented_code_in_time_and_the_gateway_recovers(
    fake: FakeStepFunctions, gateway: tuple[Server, Any], fault: str
) -> None:
    _, stub = gateway
    arn = running_execution(fake, "faulty")
    await recovers(stub, arn)  # it works before
    await FAULTS[fault](fake, stub, arn)


async def test_rounds_of_every_fault_leave_no_task_no_thread_and_no_memory_behind(
    fake: FakeStepFunctions, gateway: tuple[Server, Any]
) -> None:
    _, stub = gateway
    arn = running_execution(fake, "rounds")
    await recovers(stub, arn)
    tasks = len(asyncio.all_tasks())

    async def one_round() -> None:
        for fault in FAULTS.values():
            await fault(fake, stub, arn)
        # An attempt whose callers all left ends at its socket timeout (1 s): wait for it, bounded.
        await until(lambda: len(asyncio.all_tasks()) <= tasks)
        fake.calls.clear()  # the fake's record of requests is in this process too: not the gateway's memory

    await one_round()  # the pools, connections and caches reach their working size
    threads = len(threading.enumerate())
    gc.collect()
    # pytest keeps every log record of a test for its report: that memory is pytest's, not the gateway's.
    logging.disable(logging.CRITICAL)
    tracemalloc.start()
    try:
        await one_round()
        gc.collect()
        before = tracemalloc.get_traced_memory()[0]
        await one_round()
        gc.collect()
        after = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
        logging.disable(logging.NOTSET)
    grown = after - before
    print(
        f"\nfault rounds: tasks {tasks} -> {len(asyncio.all_tasks())}, threads {threads} -> "
        f"{len(threading.enumerate())}, traced memory {grown / 1024:+.0f} KiB over a round"
    )
    assert len(threading.enumerate()) <= threads + 2  # a fake connection's thread may be closing
    assert grown < 256 * 1024


async def until(condition: Callable[[], bool], timeout: float = 5.0) -> None:
    """Wait until `condition()` holds (polling, bounded)."""
    ends = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < ends, "condition not reached"
        await asyncio.sleep(0.02)
