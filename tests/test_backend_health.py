"""Health follows the backend: NOT_SERVING while calls keep failing for want of an answer (no connection,
5xx, no answer in time), SERVING again once it answers; an AWS error (4xx) is an answer. Seen through
grpc.health.v1 on a real channel, with the fake endpoint's faults."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import TypeAlias

import grpc
import pytest
from grpc_health.v1 import health_pb2
from sfngrpc.stepfunctions.v1 import executions_pb2, service_pb2_grpc

from tests.fake_sfn import FakeStepFunctions
from tests.grpc_helpers import health_stub, running_server, server_config

SERVING = health_pb2.HealthCheckResponse.SERVING
NOT_SERVING = health_pb2.HealthCheckResponse.NOT_SERVING
PROBE_TIMEOUT = 0.3


class HealthWatch:
    """The statuses Health.Watch sends (one per change), read one at a time."""

    def __init__(self, channel: grpc.aio.Channel) -> None:
        self._call = health_stub(channel).Watch(health_pb2.HealthCheckRequest(service=""), timeout=60)

    async def next(self, timeout: float = 20.0) -> int:
        reply = await asyncio.wait_for(self._call.read(), timeout)
        assert isinstance(reply, health_pb2.HealthCheckResponse)
        return int(reply.status)

    def close(self) -> None:
        self._call.cancel()


Gateway: TypeAlias = "tuple[service_pb2_grpc.StepFunctionsServiceAsyncStub, grpc.aio.Channel, HealthWatch]"


@pytest.fixture
async def gateway(
    fake: FakeStepFunctions,
) -> AsyncIterator[Gateway]:
    config = server_config(health_probe_timeout_seconds=PROBE_TIMEOUT)
    async with running_server(config, fake.endpoint_url) as (_, stub, channel):
        watch = HealthWatch(channel)
        try:
            status = await watch.next()
            if status != SERVING:  # NOT_SERVING until the backend first answers
                assert status == NOT_SERVING
                assert await watch.next() == SERVING
            yield stub, channel, watch
        finally:
            watch.close()


async def check(channel: grpc.aio.Channel) -> int:
    reply = await health_stub(channel).Check(health_pb2.HealthCheckRequest(service=""), timeout=5)
    return int(reply.status)


async def describe(
    stub: service_pb2_grpc.StepFunctionsServiceAsyncStub, arn: str, timeout: float = 10
) -> grpc.StatusCode:
    try:
        await stub.DescribeExecution(executions_pb2.DescribeExecutionRequest(execution_arn=arn), timeout=timeout)
    except grpc.aio.AioRpcError as error:
        return error.code()
    return grpc.StatusCode.OK


MISSING = "arn:aws:states:us-east-1:123456789012:execution:machine:missing"


async def test_aws_errors_are_answers_and_keep_it_serving(fake: FakeStepFunctions, gateway: Gateway) -> None:
    stub, channel, _ = gateway
    fake.inject("throttle", operation="DescribeExecution", times=20)
    for _ in range(12):
        assert await describe(stub, MISSING) in (grpc.StatusCode.NOT_FOUND, grpc.StatusCode.RESOURCE_EXHAUSTED)
    assert len(fake.calls_of("DescribeExecution")) >= 12
    assert await check(channel) == SERVING


@pytest.mark.parametrize("fault", ["503", "500", "drop_before"])
async def test_unreachable_or_5xx_backend_is_not_serving_until_it_answers_again(
    fake: FakeStepFunctions, gateway: Gateway, fault: str
) -> None:
    stub, channel, watch = gateway
    probes_before = len(fake.calls_of("ListStateMachines"))
    # One call's five attempts fail, then the probe fails twice, then the backend answers.
    fake.inject(fault, times=5 + 2)
    assert await describe(stub, MISSING) == grpc.StatusCode.UNAVAILABLE
    assert await watch.next() == NOT_SERVING
    assert await check(channel) == NOT_SERVING  # Check says the same while it lasts
    assert await watch.next() == SERVING
    probes = fake.calls_of("ListStateMachines")[probes_before:]
    assert [(c.params, c.fault) for c in probes] == [({"maxResults": 1}, fault)] * 2 + [({"maxResults": 1}, None)]
    assert await describe(stub, MISSING) == grpc.StatusCode.NOT_FOUND


async def test_a_backend_that_does_not_answer_in_time_is_not_serving(fake: FakeStepFunctions, gateway: Gateway) -> None:
    stub, channel, watch = gateway
    fake.latency = 10 * PROBE_TIMEOUT
    # Callers give up (their deadline) after waiting longer than the probe would: five in a row
    # (five different executions: identical reads would share one call).
    codes = await asyncio.gather(*(describe(stub, f"{MISSING}-{n}", timeout=2 * PROBE_TIMEOUT) for n in range(5)))
    assert set(codes) == {grpc.StatusCode.DEADLINE_EXCEEDED}
    assert await watch.next() == NOT_SERVING
    fake.latency = 0.0
    assert await watch.next() == SERVING
    assert await check(channel) == SERVING
