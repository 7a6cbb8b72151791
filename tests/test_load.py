"""The load suite (CI-sized): many unary callers and follow streams at once, for a bounded time.

Every unary call is answered OK or, past the load-shedding limits, RESOURCE_EXHAUSTED at once (never
CANCELLED, never a caller's own timeout); every admitted follow stream gets every event of its
execution exactly once, in order, to the end. The latencies (p50, p99) are printed and recorded as
test properties (JUnit XML), not asserted: a shared CI machine stretches them. The full-size run is
`make bench` (bench/load_bench.py, ghz).
"""

from __future__ import annotations

import asyncio
import statistics
import time
from collections import Counter
from collections.abc import Callable
from typing import Any

import grpc
from google.rpc import error_details_pb2
from sfngrpc.stepfunctions.v1 import common_pb2, executions_pb2, gateway_pb2

from tests.fake_sfn import FakeStepFunctions, history
from tests.grpc_helpers import rich_details, running_server, server_config

CALLERS = 200
# Two different requests, so the callers are not all one coalesced read.
INCLUDED_DATA = (common_pb2.INCLUDED_DATA_ALL_DATA, common_pb2.INCLUDED_DATA_METADATA_ONLY)
STREAMS = 20
SECONDS = 2.0  # how long the callers keep calling
CHANNELS = 4  # callers spread over a few connections, as behind a client-side pool
EVENTS = 40  # each followed execution's whole history; it grows while followed


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))] if ordered else float("nan")


async def run_load(fake: FakeStepFunctions, record: Callable[[str, object], None], **limits: int) -> dict[str, Any]:
    """CALLERS unary callers and STREAMS follow streams against a gateway with `limits`; what they got."""
    fake.latency = 0.02  # AWS's round trip, about: calls overlap and hold their slots
    machine = fake.add_state_machine("load")
    # Running: not cached, every read goes to the backend (identical concurrent ones share a call).
    reads = [
        fake.add_execution(machine, f"read-{i}", status="RUNNING", events=history(3, status="RUNNING"))
        for i in range(50)
    ]
    full = history(EVENTS, status="SUCCEEDED")
    followed = [fake.add_execution(machine, f"follow-{i}", status="RUNNING", events=full[:5]) for i in range(STREAMS)]
    config = server_config(
        workers=16,
        quota_scale=0.0,  # the account's quota is another test's subject: here, the gateway's own limits
        poll_min_seconds=0.02,
        poll_max_seconds=0.1,
        **limits,
    )
    codes: Counter[str] = Counter()
    reasons: Counter[str] = Counter()
    latencies: list[float] = []
    streamed: dict[str, list[int]] = {}
    stream_codes: Counter[str] = Counter()
    async with running_server(config, fake.endpoint_url) as (server, _, _):
        channels = [grpc.aio.insecure_channel(f"127.0.0.1:{server.port}") for _ in range(CHANNELS)]
        stubs = [_stub(channel) for channel in channels]
        ends = time.monotonic() + SECONDS

        async def caller(n: int) -> None:
            stub = stubs[n % CHANNELS]
            i = n
            while time.monotonic() < ends:
                request = executions_pb2.DescribeExecutionRequest(execution_arn=reads[i % len(reads)])
                i += 1
                started = time.monotonic()
                try:
                    await stub.DescribeExecution(request, timeout=10)
                except grpc.aio.AioRpcError as error:
                    codes[error.code().name] += 1
                    reasons[_reason(error)] += 1
                    await asyncio.sleep(_retry_delay(error))  # a well-behaved caller waits as RetryInfo says
                    continue
                latencies.append(time.monotonic() - started)
                codes["OK"] += 1

        async def follower(n: int) -> None:
            arn = followed[n]
            request = gateway_pb2.StreamExecutionHistoryRequest(execution_arn=arn, follow=True)
            ids: list[int] = []
            try:
                async for message in stubs[n % CHANNELS].StreamExecutionHistory(request, timeout=20):
                    ids.extend(event.id for event in message.events)
            except grpc.aio.AioRpcError as error:
                stream_codes[error.code().name] += 1
                reasons[_reason(error)] += 1
                return
            stream_codes["OK"] += 1
            streamed[arn] = ids

        async def grow() -> None:
            """The followed executions run: events arrive in steps, then the end."""
            for cut in range(10, EVENTS, 5):
                await asyncio.sleep(SECONDS / 8)
                for arn in followed:
                    await asyncio.to_thread(fake.append_events, arn, full[cut - 5 : cut])
            for arn in followed:
                await asyncio.to_thread(fake.append_events, arn, full[EVENTS - 5 :])

        try:
            started = time.monotonic()
            await asyncio.gather(*(caller(n) for n in range(CALLERS)), *(follower(n) for n in range(STREAMS)), grow())
            elapsed = time.monotonic() - started
        finally:
            for channel in channels:
                await channel.close()
    result = {
        "codes": dict(codes),
        "reasons": dict(reasons),
        "stream_codes": dict(stream_codes),
        "streamed": streamed,
        "calls_per_second": sum(codes.values()) / SECONDS,
        "p50_ms": 1000 * percentile(latencies, 0.5),
        "p99_ms": 1000 * percentile(latencies, 0.99),
        "mean_ms": 1000 * statistics.fmean(latencies) if latencies else float("nan"),
        "seconds": elapsed,
    }
    summary = {k: v for k, v in result.items() if k != "streamed"}
    print(f"\nload {limits}: {summary}")
    for key in ("codes", "stream_codes", "calls_per_second", "p50_ms", "p99_ms"):
        record(key, result[key])
    return result


def _stub(channel: grpc.aio.Channel) -> Any:
    from sfngrpc.stepfunctions.v1 import service_pb2_grpc

    return service_pb2_grpc.StepFunctionsServiceStub(channel)


def _reason(error: grpc.aio.AioRpcError) -> str:
    try:
        info = rich_details(error)["ErrorInfo"]
    except KeyError:
        return "(no details)"
    assert isinstance(info, error_details_pb2.ErrorInfo)
    return info.reason


def _retry_delay(error: grpc.aio.AioRpcError) -> float:
    try:
        info = rich_details(error)["RetryInfo"]
    except KeyError:
        return 0.0
    assert isinstance(info, error_details_pb2.RetryInfo)
    return float(info.retry_delay.ToTimedelta().total_seconds())


def assert_every_event_once_in_order(result: dict[str, Any]) -> None:
    """Each stream that ended OK got the whole history: no event lost, none repeated."""
    assert len(result["streamed"]) == result["stream_codes"].get("OK", 0)
    for arn, ids in result["streamed"].items():
        assert ids == list(range(1, EVENTS + 1)), arn


async def test_within_the_limits_every_call_is_answered_and_no_event_is_lost(
    fake: FakeStepFunctions, record_property: Callable[[str, object], None]
) -> None:
    result = await run_load(
        fake, record_property, max_concurrent_calls=1000, max_concurrent_streams=100, max_calls_per_caller=0
    )
    assert set(result["codes"]) == {"OK"}, result["reasons"]
    assert result["stream_codes"] == {"OK": STREAMS}
    assert_every_event_once_in_order(result)


async def test_past_the_limits_calls_are_shed_at_once_and_admitted_streams_lose_nothing(
    fake: FakeStepFunctions, record_property: Callable[[str, object], None]
) -> None:
    result = await run_load(
        fake, record_property, max_concurrent_calls=16, max_concurrent_streams=10, max_calls_per_caller=0
    )
    # Every call answered: OK, or shed with RESOURCE_EXHAUSTED; nothing CANCELLED, no caller's own timeout.
    assert set(result["codes"]) == {"OK", "RESOURCE_EXHAUSTED"}, result["codes"]
    assert set(result["stream_codes"]) <= {"OK", "RESOURCE_EXHAUSTED"}
    assert result["stream_codes"].get("RESOURCE_EXHAUSTED", 0) == STREAMS - 10
    assert set(result["reasons"]) == {"TOO_MANY_CALLS", "TOO_MANY_STREAMS"}
    assert_every_event_once_in_order(result)


async def test_a_burst_of_thousands_of_callers_is_shed_by_the_gateway_not_cancelled_by_grpc(
    fake: FakeStepFunctions, record_property: Callable[[str, object], None]
) -> None:
    """More calls at once than gRPC holds for a busy server by default (1,000 pending): the gateway
    answers each, OK or RESOURCE_EXHAUSTED with details; none is a bare CANCELLED from gRPC."""
    fake.latency = 0.05
    machine = fake.add_state_machine("burst")
    arn = fake.add_execution(machine, "burst", status="RUNNING", events=history(3, status="RUNNING"))
    config = server_config(workers=8, quota_scale=0.0, max_concurrent_calls=64, max_calls_per_caller=0)
    async with running_server(config, fake.endpoint_url) as (_, stub, _):
        requests = [
            executions_pb2.DescribeExecutionRequest(execution_arn=arn, included_data=INCLUDED_DATA[i % 2])
            for i in range(3000)
        ]
        results = await asyncio.gather(
            *(stub.DescribeExecution(r, timeout=30) for r in requests), return_exceptions=True
        )
    codes = Counter("OK" if not isinstance(r, grpc.aio.AioRpcError) else r.code().name for r in results)
    reasons = Counter(_reason(r) for r in results if isinstance(r, grpc.aio.AioRpcError))
    print(f"\nburst of {len(requests)}: {dict(codes)} {dict(reasons)}")
    record_property("burst_codes", dict(codes))
    assert set(codes) <= {"OK", "RESOURCE_EXHAUSTED"}, codes
    assert set(reasons) <= {"TOO_MANY_CALLS"}, reasons
