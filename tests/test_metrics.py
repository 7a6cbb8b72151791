"""Prometheus metrics as an operator sees them: real calls through a real channel to a real server
against the fake Step Functions endpoint, then a real HTTP scrape of /metrics on 127.0.0.1."""

from __future__ import annotations

import asyncio
import os
import time
import urllib.request
from pathlib import Path

import grpc
import pytest
from botocore.exceptions import ClientError
from prometheus_client import generate_latest
from prometheus_client.parser import text_string_to_metric_families
from sfngrpc.stepfunctions.v1 import executions_pb2, gateway_pb2, state_machines_pb2

from service.config import load
from service.metrics import Metrics
from service.retry import RetryBudget, RetryPolicy, RetrySettings
from service.server import SERVICE_NAME
from tests.fake_sfn import FakeStepFunctions, history
from tests.grpc_helpers import running_server, server_config

pytestmark = pytest.mark.asyncio

Samples = dict[tuple[str, frozenset[tuple[str, str]]], float]


def parse(text: str) -> Samples:
    """Every sample of a Prometheus text page, by name and labels."""
    return {
        (sample.name, frozenset(sample.labels.items())): sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
    }


async def scrape(port: int) -> Samples:
    def get() -> tuple[str, str]:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=10) as response:
            return response.headers["Content-Type"], response.read().decode()

    content_type, text = await asyncio.to_thread(get)
    assert content_type.startswith("text/plain")
    return parse(text)


def value(samples: Samples, name: str, **labels: str) -> float:
    return samples.get((name, frozenset(labels.items())), 0.0)


def grpc_labels(method: str, grpc_type: str = "unary") -> dict[str, str]:
    return {"grpc_type": grpc_type, "grpc_service": SERVICE_NAME, "grpc_method": method}


def listening_ports() -> set[int]:
    """The TCP ports this process listens on (its socket inodes, matched in /proc/net/tcp{,6})."""
    inodes = set()
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[8:-1])
    ports = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            if fields[3] == "0A" and fields[9] in inodes:  # 0A: LISTEN
                ports.add(int(fields[1].rsplit(":", 1)[1], 16))
    return ports


async def test_calls_a_retry_a_cache_hit_and_a_stream_show_in_the_scraped_series(fake: FakeStepFunctions) -> None:
    machine = fake.add_state_machine("orders")
    done = fake.add_execution(machine, "done", status="SUCCEEDED", events=history(12, status="SUCCEEDED"))
    missing = done.replace(":done", ":missing")
    async with running_server(server_config(), fake.endpoint_url) as (server, stub, _):
        assert server.metrics_port not in (0, server.port)
        fake.inject("throttle", operation="DescribeExecution", times=1)
        describe = executions_pb2.DescribeExecutionRequest(execution_arn=done)
        first = await stub.DescribeExecution(describe, timeout=10)  # throttled once, retried
        second = await stub.DescribeExecution(describe, timeout=10)  # final: from the cache
        assert first == second
        assert first.status == executions_pb2.EXECUTION_STATUS_SUCCEEDED
        with pytest.raises(grpc.aio.AioRpcError) as not_found:
            await stub.DescribeExecution(executions_pb2.DescribeExecutionRequest(execution_arn=missing), timeout=10)
        assert not_found.value.code() == grpc.StatusCode.NOT_FOUND
        with pytest.raises(grpc.aio.AioRpcError) as invalid:
            await stub.DescribeExecution(
                executions_pb2.DescribeExecutionRequest(execution_arn="not an arn"), timeout=10
            )
        assert invalid.value.code() == grpc.StatusCode.INVALID_ARGUMENT
        messages = [
            message
            async for message in stub.StreamExecutionHistory(
                gateway_pb2.StreamExecutionHistoryRequest(execution_arn=done), timeout=10
            )
        ]
        assert sum(len(message.events) for message in messages) == 12

        samples = await scrape(server.metrics_port)

    assert len(fake.calls_of("DescribeExecution")) == 3  # throttled, answered, not found: the cache hit sent none
    describe_labels = grpc_labels("DescribeExecution")
    assert value(samples, "grpc_server_started_total", **describe_labels) == 4
    assert value(samples, "grpc_server_handled_total", **describe_labels, grpc_code="OK") == 2
    assert value(samples, "grpc_server_handled_total", **describe_labels, grpc_code="NotFound") == 1
    assert value(samples, "grpc_server_handled_total", **describe_labels, grpc_code="InvalidArgument") == 1
    assert value(samples, "grpc_server_handling_seconds_count", **describe_labels) == 4
    assert value(samples, "grpc_server_handling_seconds_bucket", **describe_labels, le="+Inf") == 4
    assert value(samples, "grpc_server_handling_seconds_sum", **describe_labels) > 0

    stream_labels = grpc_labels("StreamExecutionHistory", "server_stream")
    assert value(samples, "grpc_server_started_total", **stream_labels) == 1
    assert value(samples, "grpc_server_handled_total", **stream_labels, grpc_code="OK") == 1
    assert value(samples, "grpc_server_msg_sent_total", **stream_labels) == len(messages)
    assert value(samples, "sfn_grpc_history_events_streamed_total") == 12
    assert ("sfn_grpc_open_streams", frozenset({("method", "StreamExecutionHistory")})) in samples
    assert value(samples, "sfn_grpc_open_streams", method="StreamExecutionHistory") == 0

    attempts = "sfn_grpc_backend_attempts_total"
    assert value(samples, attempts, operation="DescribeExecution", outcome="throttled") == 1
    assert value(samples, attempts, operation="DescribeExecution", outcome="ok") == 1
    assert value(samples, attempts, operation="DescribeExecution", outcome="client_error") == 1
    assert value(samples, attempts, operation="GetExecutionHistory", outcome="ok") == 1
    assert value(samples, "sfn_grpc_backend_attempt_seconds_count", operation="DescribeExecution") == 3
    assert value(samples, "sfn_grpc_retries_total", operation="DescribeExecution") == 1
    assert ("sfn_grpc_retry_budget_exhausted_total", frozenset()) in samples
    assert value(samples, "sfn_grpc_retry_budget_exhausted_total") == 0

    # Describe: the first call and the unknown execution missed; the second call and the stream's
    # own DescribeExecution hit. The history was read once and kept.
    assert value(samples, "sfn_grpc_cache_hits_total", cache="describe") == 2
    assert value(samples, "sfn_grpc_cache_misses_total", cache="describe") == 2
    assert value(samples, "sfn_grpc_cache_entries", cache="describe") == 1
    assert value(samples, "sfn_grpc_cache_bytes", cache="describe") > 0
    assert value(samples, "sfn_grpc_cache_entries", cache="history") == 1
    assert value(samples, "sfn_grpc_cache_bytes", cache="history") > 0
    assert value(samples, "sfn_grpc_cache_evictions_total", cache="history") == 0
    assert value(samples, "sfn_grpc_cache_max_bytes", cache="history") == server_config().history_cache_bytes


async def test_identical_reads_in_flight_count_as_coalesced_and_an_open_stream_as_open(
    fake: FakeStepFunctions,
) -> None:
    machine = fake.add_state_machine("orders")
    running = fake.add_execution(machine, "running", status="RUNNING", events=history(3, status="RUNNING"))
    async with running_server(server_config(), fake.endpoint_url) as (server, stub, _):
        gate = fake.hold("DescribeExecution")
        describe = executions_pb2.DescribeExecutionRequest(execution_arn=running)
        first = asyncio.ensure_future(stub.DescribeExecution(describe, timeout=20))
        assert await asyncio.to_thread(gate.wait_held, 1)
        second = asyncio.ensure_future(stub.DescribeExecution(describe, timeout=20))
        # A stream that follows a running execution stays open; it waits at the gate too.
        stream = stub.StreamExecutionHistory(
            gateway_pb2.StreamExecutionHistoryRequest(execution_arn=running, follow=True), timeout=20
        )
        reading = asyncio.ensure_future(stream.read())
        assert server.aws is not None
        deadline = time.monotonic() + 10
        # The second call and the stream's own DescribeExecution join the first, held at the gate.
        while server.aws.coalesced < 2 and time.monotonic() < deadline:
            await asyncio.sleep(0.01)
        samples = await scrape(server.metrics_port)
        assert value(samples, "sfn_grpc_coalesced_total", operation="DescribeExecution") == 2
        # Every method's series exist from the start (at zero), as go-grpc-prometheus initializes them.
        assert value(samples, "grpc_server_started_total", **grpc_labels("DeleteActivity")) == 0
        assert ("grpc_server_started_total", frozenset(grpc_labels("DeleteActivity").items())) in samples
        assert value(samples, "sfn_grpc_open_streams", method="StreamExecutionHistory") == 1
        gate.release()
        assert (await first) == (await second)
        await reading
        stream.cancel()
        assert len(fake.calls_of("DescribeExecution")) == 1  # three callers, one AWS call


async def test_a_spent_retry_budget_is_counted() -> None:
    metrics = Metrics()
    settings = RetrySettings(max_attempts=5, initial_backoff=0.001, max_backoff=0.001, retry_cost=5)

    async def no_sleep(_: float) -> None:
        return None

    policy = RetryPolicy(settings, RetryBudget(5), sleep=no_sleep, on_budget_exhausted=metrics.retry_budget_exhausted)
    throttled = ClientError(
        {"Error": {"Code": "ThrottlingException"}, "ResponseMetadata": {"HTTPStatusCode": 400}}, "X"
    )
    attempts = 0

    async def attempt() -> None:
        nonlocal attempts
        attempts += 1
        raise throttled

    with pytest.raises(ClientError):
        await policy.call(attempt, idempotent=True, deadline=None)
    assert attempts == 2  # the budget paid for one retry, not a second
    samples = parse(generate_latest(metrics.registry).decode())
    assert value(samples, "sfn_grpc_retry_budget_exhausted_total") == 1


async def test_an_empty_setting_turns_metrics_off_and_nothing_listens_for_them(fake: FakeStepFunctions) -> None:
    assert load([], {}).metrics_listen == "127.0.0.1:9090"
    assert load([], {"SFN_GRPC_METRICS_LISTEN": ""}).metrics_listen == ""
    assert load(["--metrics-listen", ""], {"SFN_GRPC_METRICS_LISTEN": "127.0.0.1:9191"}).metrics_listen == ""
    before = listening_ports()
    async with running_server(server_config(metrics_listen=""), fake.endpoint_url) as (server, stub, _):
        assert server.metrics is None
        assert server.metrics_port == 0
        assert listening_ports() - before == {server.port}
        await stub.DescribeExecution(
            executions_pb2.DescribeExecutionRequest(
                execution_arn=fake.add_execution(fake.add_state_machine("m"), "e", status="SUCCEEDED")
            ),
            timeout=10,
        )
    async with running_server(server_config(), fake.endpoint_url) as (server, _, _):
        assert listening_ports() - before == {server.port, server.metrics_port}
        port = server.metrics_port
    assert port not in listening_ports()  # stop() closed the metrics endpoint too


async def test_shed_calls_and_quota_refusals_are_counted(fake: FakeStepFunctions, tmp_path: Path) -> None:
    """A call past the unary limit, and one whose quota token would come after its deadline, show in
    sfn_grpc_calls_shed_total{reason} and sfn_grpc_quota_refused_total; calls in flight as a gauge."""
    machine = fake.add_state_machine("machine")
    running = fake.add_execution(machine, "run", status="RUNNING", events=history(3, status="RUNNING"))
    quota = tmp_path / "quota.json"
    quota.write_text('{"ListExecutions": {"bucket": 1, "refill": 0.001}}')  # one call, then one per 1,000 s
    config = server_config(max_concurrent_calls=1, max_calls_per_caller=0, quota_file=str(quota))
    gate = fake.hold("DescribeExecution")
    async with running_server(config, fake.endpoint_url) as (server, stub, _):
        held = asyncio.ensure_future(
            stub.DescribeExecution(executions_pb2.DescribeExecutionRequest(execution_arn=running), timeout=10)
        )
        assert await asyncio.to_thread(gate.wait_held)
        with pytest.raises(grpc.aio.AioRpcError) as shed:
            await stub.ListStateMachines(state_machines_pb2.ListStateMachinesRequest(), timeout=10)
        assert shed.value.code() == grpc.StatusCode.RESOURCE_EXHAUSTED
        during = await scrape(server.metrics_port)
        gate.release()
        await held
        listing = executions_pb2.ListExecutionsRequest(state_machine_arn=machine)
        await stub.ListExecutions(listing, timeout=10)  # the bucket's one token
        with pytest.raises(grpc.aio.AioRpcError) as refused:
            await stub.ListExecutions(listing, timeout=2)
        assert refused.value.code() == grpc.StatusCode.RESOURCE_EXHAUSTED
        after = await scrape(server.metrics_port)
    assert value(during, "sfn_grpc_calls_in_flight", kind="unary") == 1
    assert value(during, "sfn_grpc_calls_shed_total", reason="TOO_MANY_CALLS") == 1
    assert value(after, "sfn_grpc_calls_shed_total", reason="TOO_MANY_CALLS") == 1
    assert value(after, "sfn_grpc_calls_in_flight", kind="unary") == 0
    assert value(after, "sfn_grpc_quota_refused_total") == 1
    assert value(after, "sfn_grpc_quota_waits_total") == 0
    assert len(fake.calls_of("ListExecutions")) == 1  # the refused call never reached AWS
