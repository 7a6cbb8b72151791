"""Load shedding and the AWS quota: calls past the limits get RESOURCE_EXHAUSTED at once, with details;
calls wait for a token of the account's quota within their deadline; RetryInfo says when to call again.

Through a real channel against the fake endpoint, except the token arithmetic, which runs on an
injected clock (no sleeps)."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import grpc
import pytest
import yaml
from google.rpc import error_details_pb2
from sfngrpc.stepfunctions.v1 import common_pb2, executions_pb2, gateway_pb2

from service.config import ConfigurationError, load
from service.errors import SERVICE_DOMAIN, ServiceError
from service.quota import AWS_QUOTAS, Quota, Rate, configured_rates, quota_from_config
from service.retry import RetryPolicy, RetrySettings
from tests.fake_sfn import FakeStepFunctions, history
from tests.grpc_helpers import next_message, rich_details, running_server, server_config


def running_execution(fake: FakeStepFunctions, name: str = "run") -> str:
    machine = fake.add_state_machine(f"machine-{name}")
    return fake.add_execution(machine, name, status="RUNNING", events=history(3, status="RUNNING"))


def error_of(result: object) -> grpc.aio.AioRpcError:
    assert isinstance(result, grpc.aio.AioRpcError), result
    return result


def details(error: grpc.aio.AioRpcError) -> tuple[error_details_pb2.ErrorInfo, float]:
    found = rich_details(error)
    info = found["ErrorInfo"]
    retry = found["RetryInfo"]
    assert isinstance(info, error_details_pb2.ErrorInfo)
    assert isinstance(retry, error_details_pb2.RetryInfo)
    return info, retry.retry_delay.ToTimedelta().total_seconds()


async def until(condition: Any, timeout: float = 10.0) -> None:
    """Wait until `condition()` holds (polling, bounded)."""
    ends = asyncio.get_running_loop().time() + timeout
    while not condition():
        assert asyncio.get_running_loop().time() < ends, "condition not reached"
        await asyncio.sleep(0.005)


# -- load shedding -------------------------------------------------------------------------------------


async def test_unary_calls_past_the_limit_are_shed_at_once_and_the_slots_come_back(fake: FakeStepFunctions) -> None:
    arn = running_execution(fake)
    gate = fake.hold("DescribeExecution")
    config = server_config(max_concurrent_calls=2, max_calls_per_caller=0)
    async with running_server(config, fake.endpoint_url) as (_, stub, _):
        requests = [
            executions_pb2.DescribeExecutionRequest(execution_arn=arn, included_data=data)
            for data in (common_pb2.INCLUDED_DATA_ALL_DATA, common_pb2.INCLUDED_DATA_METADATA_ONLY)
        ]  # different requests: no shared read
        held = [asyncio.ensure_future(stub.DescribeExecution(r, timeout=10)) for r in requests]
        assert await asyncio.to_thread(gate.wait_held, 2)
        with pytest.raises(grpc.aio.AioRpcError) as caught:
            await stub.DescribeExecution(executions_pb2.DescribeExecutionRequest(execution_arn=arn), timeout=10)
        assert caught.value.code() == grpc.StatusCode.RESOURCE_EXHAUSTED
        info, delay = details(caught.value)
        assert (info.reason, info.domain) == ("TOO_MANY_CALLS", SERVICE_DOMAIN)
        assert 0 < delay <= 5
        assert len(fake.calls_of("DescribeExecution")) == 2  # the shed call never reached the backend
        gate.release()
        assert all(r.execution_arn == arn for r in await asyncio.gather(*held))
        answer = await stub.DescribeExecution(executions_pb2.DescribeExecutionRequest(execution_arn=arn), timeout=10)
        assert answer.execution_arn == arn


async def test_streams_have_their_own_limit(fake: FakeStepFunctions) -> None:
    arn = running_execution(fake)
    config = server_config(max_concurrent_streams=1, max_concurrent_calls=1, max_calls_per_caller=0)
    async with running_server(config, fake.endpoint_url) as (_, stub, _):
        follow = stub.StreamExecutionHistory(
            gateway_pb2.StreamExecutionHistoryRequest(execution_arn=arn, follow=True), timeout=10
        )
        first = await next_message(follow)  # the stream is open and admitted
        assert first.events
        for call in (
            stub.StreamExecutionHistory(
                gateway_pb2.StreamExecutionHistoryRequest(execution_arn=arn), timeout=10
            ).read(),
            stub.WaitExecution(gateway_pb2.WaitExecutionRequest(execution_arn=arn), timeout=10),
        ):
            with pytest.raises(grpc.aio.AioRpcError) as caught:
                await call
            assert caught.value.code() == grpc.StatusCode.RESOURCE_EXHAUSTED
            assert details(caught.value)[0].reason == "TOO_MANY_STREAMS"
        # A stream does not take a unary call's slot.
        answer = await stub.DescribeExecution(executions_pb2.DescribeExecutionRequest(execution_arn=arn), timeout=10)
        assert answer.execution_arn == arn
        follow.cancel()


async def test_one_caller_cannot_take_more_than_its_share(fake: FakeStepFunctions) -> None:
    arn = running_execution(fake)
    gate = fake.hold("DescribeExecution")
    config = server_config(max_concurrent_calls=10, max_calls_per_caller=1)
    async with running_server(config, fake.endpoint_url) as (_, stub, _):
        held = asyncio.ensure_future(
            stub.DescribeExecution(executions_pb2.DescribeExecutionRequest(execution_arn=arn), timeout=10)
        )
        assert await asyncio.to_thread(gate.wait_held, 1)
        with pytest.raises(grpc.aio.AioRpcError) as caught:
            await stub.StreamExecutionHistory(
                gateway_pb2.StreamExecutionHistoryRequest(execution_arn=arn), timeout=10
            ).read()
        assert caught.value.code() == grpc.StatusCode.RESOURCE_EXHAUSTED
        assert details(caught.value)[0].reason == "CALLER_LIMIT"
        gate.release()
        assert (await held).execution_arn == arn


def test_limits_and_quota_are_settings() -> None:
    config = load(
        [],
        {
            "SFN_GRPC_MAX_CONCURRENT_CALLS": "7",
            "SFN_GRPC_MAX_CONCURRENT_STREAMS": "8",
            "SFN_GRPC_MAX_CALLS_PER_CALLER": "0",
            "SFN_GRPC_QUOTA_SCALE": "0.5",
            "SFN_GRPC_REPLICAS": "3",
        },
    )
    assert (config.max_concurrent_calls, config.max_concurrent_streams, config.max_calls_per_caller) == (7, 8, 0)
    assert (config.quota_scale, config.replicas) == (0.5, 3)
    with pytest.raises(SystemExit):
        load(["--quota-scale", "-1"], {})


# -- the quota: token arithmetic on an injected clock ------------------------------------------------------


class Clock:
    def __init__(self) -> None:
        self.now = 100.0
        self.slept: list[float] = []

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


async def test_a_call_waits_for_its_token_within_its_deadline() -> None:
    clock = Clock()
    quota = Quota({"StartExecution": Rate(2, 4)}, clock=clock, sleep=clock.sleep)
    for _ in range(2):
        await quota.take("StartExecution", deadline=clock.now + 1)  # the burst
    assert clock.slept == []
    await quota.take("StartExecution", deadline=clock.now + 1)
    assert clock.slept == [pytest.approx(0.25)]  # one token at 4 a second
    await quota.take("DescribeExecution", deadline=None)  # no bucket: no wait


async def test_a_token_that_comes_after_the_deadline_is_refused_with_when_it_comes() -> None:
    clock = Clock()
    quota = Quota({"ListExecutions": Rate(1, 2)}, clock=clock, sleep=clock.sleep)
    await quota.take("ListExecutions", deadline=None)
    with pytest.raises(ServiceError) as caught:
        await quota.take("ListExecutions", deadline=clock.now + 0.2)
    error = caught.value
    assert (error.code, error.reason) == (grpc.StatusCode.RESOURCE_EXHAUSTED, "QUOTA_EXHAUSTED")
    assert error.retry_delay == pytest.approx(0.5)
    # The refused call took nothing: the next one waits exactly for the first token.
    await quota.take("ListExecutions", deadline=clock.now + 1)
    assert clock.slept == [pytest.approx(0.5)]


async def test_waiters_are_served_in_turn_and_one_that_leaves_gives_its_token_back() -> None:
    clock = Clock()
    never = asyncio.Event()

    async def stuck(seconds: float) -> None:
        await never.wait()

    quota = Quota({"DescribeExecution": Rate(1, 10)}, clock=clock, sleep=stuck)
    await quota.take("DescribeExecution", deadline=None)
    waiter = asyncio.ensure_future(quota.take("DescribeExecution", deadline=None))
    await asyncio.sleep(0)  # it reserved the next token and sleeps
    waiter.cancel()
    with pytest.raises(asyncio.CancelledError):
        await waiter
    quota.sleep = clock.sleep
    await quota.take("DescribeExecution", deadline=None)
    assert clock.slept == [pytest.approx(0.1)]  # one token's wait, not two


def test_the_quota_follows_the_region_the_file_the_scale_and_the_replicas(tmp_path: Path) -> None:
    assert AWS_QUOTAS["StartExecution"] == (Rate(1300, 300), Rate(800, 150))
    assert configured_rates("us-east-1")["GetExecutionHistory"] == Rate(400, 20)
    assert configured_rates("ap-south-1")["ListExecutions"] == Rate(100, 2)
    assert configured_rates("us-west-2", replicas=4)["StartExecution"] == Rate(325, 75)
    assert configured_rates("us-west-2", scale=0) == {}
    assert "StartSyncExecution" not in configured_rates("us-east-1")
    file = tmp_path / "quota.json"
    file.write_text(json.dumps({"StartExecution": {"bucket": 5000, "refill": 1000}, "ListExecutions": None}))
    quota = quota_from_config(server_config(quota_file=str(file), replicas=2), "eu-west-1")
    assert quota is not None
    assert quota.rates["StartExecution"] == Rate(2500, 500)
    assert "ListExecutions" not in quota.rates
    assert quota_from_config(server_config(quota_scale=0.0), "eu-west-1") is None
    for bad in ('{"StartExecution": {"bucket": 0, "refill": 1}}', "[]", "{", '{"X": {"bucket": "1", "refill": 1}}'):
        file.write_text(bad)
        with pytest.raises(ConfigurationError, match="SFN_GRPC_QUOTA_FILE"):
            quota_from_config(server_config(quota_file=str(file)), "eu-west-1")
    # A misspelt operation would leave the intended quota unset: refused, with the likely name.
    file.write_text('{"DescribeExecutions": {"bucket": 10, "refill": 1}}')
    with pytest.raises(
        ConfigurationError, match=r"'DescribeExecutions' is not a Step Functions API operation.*'DescribeExecution'"
    ):
        quota_from_config(server_config(quota_file=str(file)), "eu-west-1")


# -- the quota through the gateway ---------------------------------------------------------------------------


@pytest.fixture
async def slow_quota(fake: FakeStepFunctions, tmp_path: Path) -> AsyncIterator[Any]:
    """A gateway whose DescribeExecution quota is one token, refilled every 4 s."""
    file = tmp_path / "quota.json"
    file.write_text(json.dumps({"DescribeExecution": {"bucket": 1, "refill": 0.25}}))
    async with running_server(server_config(quota_file=str(file)), fake.endpoint_url) as (server, stub, _):
        yield server, stub


async def test_a_call_without_a_token_in_time_gets_quota_exhausted_and_when(
    fake: FakeStepFunctions, slow_quota: Any
) -> None:
    _, stub = slow_quota
    arn = running_execution(fake)
    request = executions_pb2.DescribeExecutionRequest(execution_arn=arn)
    assert (await stub.DescribeExecution(request, timeout=10)).execution_arn == arn
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await stub.DescribeExecution(request, timeout=1)
    assert caught.value.code() == grpc.StatusCode.RESOURCE_EXHAUSTED
    info, delay = details(caught.value)
    assert (info.reason, info.domain, info.metadata["operation"]) == (
        "QUOTA_EXHAUSTED",
        SERVICE_DOMAIN,
        "DescribeExecution",
    )
    assert 3 < delay <= 4  # the next token, 4 s after the first call's
    assert len(fake.calls_of("DescribeExecution")) == 1  # the refused call never reached the backend


async def test_a_shared_read_takes_one_token(fake: FakeStepFunctions, slow_quota: Any) -> None:
    server, stub = slow_quota
    arn = running_execution(fake)
    gate = fake.hold("DescribeExecution")
    request = executions_pb2.DescribeExecutionRequest(execution_arn=arn)
    first = asyncio.ensure_future(stub.DescribeExecution(request, timeout=10))
    assert await asyncio.to_thread(gate.wait_held, 1)
    others = [asyncio.ensure_future(stub.DescribeExecution(request, timeout=2)) for _ in range(3)]
    await until(lambda: server.aws.coalesced == 3)  # they joined the read in flight
    gate.release()
    answers = await asyncio.gather(first, *others)
    assert {a.execution_arn for a in answers} == {arn}
    assert len(fake.calls_of("DescribeExecution")) == 1


async def test_a_throttled_call_whose_retry_has_no_token_ends_with_the_throttle(
    fake: FakeStepFunctions, slow_quota: Any
) -> None:
    """QUOTA_EXHAUSTED says nothing was sent: after AWS throttled the call, the caller learns that."""
    server, stub = slow_quota
    arn = running_execution(fake)
    fake.inject("throttle", operation="DescribeExecution", times=1)
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        # The one token goes to the first attempt; the retry's comes 4 s later, after the deadline.
        await stub.DescribeExecution(executions_pb2.DescribeExecutionRequest(execution_arn=arn), timeout=1)
    assert caught.value.code() == grpc.StatusCode.RESOURCE_EXHAUSTED
    info, delay = details(caught.value)
    assert info.reason == "THROTTLING_EXCEPTION"
    assert len(fake.calls_of("DescribeExecution")) == 1
    assert delay == pytest.approx(RetryPolicy(RetrySettings()).backoff_hint(1))  # after the one attempt sent
    assert server.aws.quota is not None
    assert server.aws.quota.refused == 1  # the retry was refused its token


async def test_retry_info_of_a_throttled_call_is_the_policys_next_backoff(fake: FakeStepFunctions) -> None:
    arn = running_execution(fake)
    fake.inject("throttle", operation="DescribeExecution", times=1000)
    async with running_server(server_config(), fake.endpoint_url) as (_, stub, _):
        with pytest.raises(grpc.aio.AioRpcError) as caught:
            await stub.DescribeExecution(executions_pb2.DescribeExecutionRequest(execution_arn=arn), timeout=5)
    assert caught.value.code() == grpc.StatusCode.RESOURCE_EXHAUSTED
    info, delay = details(caught.value)
    assert info.reason == "THROTTLING_EXCEPTION"
    attempts = len(fake.calls_of("DescribeExecution"))
    assert attempts > 1
    assert delay == pytest.approx(RetryPolicy(RetrySettings()).backoff_hint(attempts))


def test_the_deployment_divides_the_quota_among_its_replicas() -> None:
    root = Path(__file__).resolve().parent.parent
    manifest = yaml.safe_load((root / "deploy" / "kubernetes" / "deployment.yaml").read_text())
    env = {e["name"]: e.get("value") for e in manifest["spec"]["template"]["spec"]["containers"][0]["env"]}
    assert load([], {"SFN_GRPC_REPLICAS": env["SFN_GRPC_REPLICAS"]}).replicas == manifest["spec"]["replicas"]
