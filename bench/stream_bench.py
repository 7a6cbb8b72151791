"""StreamExecutionHistory against boto3's own paginator, over real sockets, cold and warm.

Three processes, so that no two of them share a GIL (they do share the machine's cores):

- the fake Step Functions endpoint (tests/fake_sfn.py), in a child process: it answers with
  pre-serialized pages and sleeps `latency` seconds per response, like a remote AWS would;
- the sfn-grpc server (a real `Server`, as tests/grpc_helpers.py starts it), in this process, on
  its own event loop;
- the clients, in a second child process: boto3's paginator (`PageSize` 1000, retries off) and a
  synchronous gRPC client on a 127.0.0.1 channel. Both read the same history to its end, so each
  total is "request sent -> last event in the caller's hands", and the first-event time is "request
  sent -> first page (boto3) / first message (gRPC) in the caller's hands".

Measured, with 20 ms and with 0 ms of upstream latency, `REPEATS` times each (medians reported):
- the paginator reading a 25,000-event history;
- a cold stream of a RUNNING execution (never cached: StreamExecutionHistory pages through AWS);
- a cold stream of a SUCCEEDED execution (a fresh one each time: the cache's loader reads it);
then a warm stream of the last SUCCEEDED execution (served from the cache), with the number of
backend calls it made (server.aws.calls before and after; the target is zero).
"""

from __future__ import annotations

import asyncio
import logging
import os
import statistics
import time
from collections.abc import Callable, Iterable
from multiprocessing.connection import Connection
from typing import Any

from bench.harness import Worker

EVENTS = 25_000
PAYLOAD_BYTES = 512  # as in the converter benchmark
PAGE_SIZE = 1000
LATENCIES = (0.020, 0.0)
REPEATS = 3
WARM_REPEATS = 5

# The targets.
TARGET_RATIO_20MS = 0.8  # stream total <= 0.8x paginator total with 20 ms latency
TARGET_RATIO_0MS = 1.0  # ... <= 1.0x with 0 ms
TARGET_WARM_SPEEDUP = 50.0  # warm >= 50x faster than cold, with zero backend calls (issue #7; #4 asked 10x)

NOTE = (
    "the fake endpoint, the sfn-grpc server and the clients run in three processes that share "
    f"this machine's {os.cpu_count()} cores; all traffic is HTTP/1.1 or HTTP/2 over 127.0.0.1"
)


# -- child processes --------------------------------------------------------------------------------


def _fake_process(conn: Connection) -> None:
    """Serve the fake endpoint; obey commands from the parent until told to stop."""
    from tests.fake_sfn import FakeStepFunctions, history

    with FakeStepFunctions() as fake:
        machine = fake.add_state_machine("bench")
        histories = {
            status: history(EVENTS, payload_bytes=PAYLOAD_BYTES, status=status) for status in ("RUNNING", "SUCCEEDED")
        }
        conn.send(fake.endpoint_url)
        runs = 0
        while True:
            command, *args = conn.recv()
            if command == "add":  # a fresh execution with a 25,000-event history
                runs += 1
                (status,) = args
                conn.send(fake.add_execution(machine, f"run-{runs}", status=status, events=histories[status]))
            elif command == "latency":
                fake.latency = args[0]
                conn.send(None)
            elif command == "calls":  # GetExecutionHistory and DescribeExecution requests so far
                conn.send({op: len(fake.calls_of(op)) for op in ("GetExecutionHistory", "DescribeExecution")})
            else:
                conn.send(None)
                return


def _client_process(conn: Connection, endpoint_url: str) -> None:
    """Read histories with boto3's paginator or a gRPC stream, as the parent asks; report timings."""
    import boto3
    import grpc
    from botocore.config import Config
    from sfngrpc.stepfunctions.v1 import gateway_pb2, service_pb2_grpc

    client = boto3.client(
        "stepfunctions",
        endpoint_url=endpoint_url,
        region_name="us-east-1",
        aws_access_key_id="bench",
        aws_secret_access_key="bench",
        config=Config(retries={"total_max_attempts": 1, "mode": "standard"}),
    )
    channels: dict[str, Any] = {}
    while True:
        command, *args = conn.recv()
        if command == "paginate":
            (arn,) = args
            paginator = client.get_paginator("get_execution_history")
            pages = paginator.paginate(executionArn=arn, PaginationConfig={"PageSize": PAGE_SIZE})
            conn.send(_timed((page["events"] for page in pages), lambda event: event["id"]))
        elif command == "stream":
            target, arn = args
            if target not in channels:
                channel = grpc.insecure_channel(target, options=[("grpc.max_receive_message_length", 8 << 20)])
                channels[target] = service_pb2_grpc.StepFunctionsServiceStub(channel)
            stream = channels[target].StreamExecutionHistory(
                gateway_pb2.StreamExecutionHistoryRequest(execution_arn=arn), timeout=120
            )
            conn.send(_timed((message.events for message in stream), lambda event: event.id))
        else:
            conn.send(None)
            return


def _timed(batches: Iterable[Any], event_id: Callable[[Any], int]) -> dict[str, Any]:
    """Walk a whole history, page by page (or message by message): time to the first batch, total
    time, the number of events and whether their ids ran 1, 2, 3, ... without a gap."""
    start = time.perf_counter()
    first = None
    count = last = 0
    in_order = True
    for batch in batches:
        if first is None:
            first = time.perf_counter() - start
        for event in batch:
            ident = event_id(event)
            in_order = in_order and ident == last + 1
            last = ident
            count += 1
    return {"total": time.perf_counter() - start, "first": first, "events": count, "in_order": in_order}


# -- the measurement ------------------------------------------------------------------------------------


def _check(result: dict[str, Any], what: str) -> dict[str, Any]:
    if result["events"] != EVENTS or not result["in_order"]:
        raise AssertionError(f"{what}: read {result['events']} events (in order: {result['in_order']})")
    return result


def _median(results: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "total_seconds": statistics.median(r["total"] for r in results),
        "first_event_seconds": statistics.median(r["first"] for r in results),
        "best_total_seconds": min(r["total"] for r in results),
    }


async def _measure() -> dict[str, Any]:
    from tests.grpc_helpers import running_server, server_config

    fake = Worker(_fake_process)
    endpoint_url = await asyncio.to_thread(fake.conn.recv)
    clients = Worker(_client_process, endpoint_url)

    async def ask(worker: Worker, *command: Any) -> Any:
        return await asyncio.to_thread(worker.ask, *command)

    async def stream(target: str, arn: str, what: str) -> tuple[dict[str, Any], dict[str, int]]:
        """One timed stream, and the upstream requests the fake endpoint received meanwhile."""
        before = await ask(fake, "calls")
        result = _check(await ask(clients, "stream", target, arn), what)
        after = await ask(fake, "calls")
        return result, {op: after[op] - before[op] for op in after}

    try:
        async with running_server(server_config(), endpoint_url) as (server, _, _):
            assert server.aws is not None
            target = f"127.0.0.1:{server.port}"
            # Warm up both paths (connections, converter plans, imports), untimed.
            warmup = await ask(fake, "add", "RUNNING")
            await ask(clients, "paginate", warmup)
            await ask(clients, "stream", target, warmup)

            by_latency: dict[str, Any] = {}
            cold_succeeded: dict[float, str] = {}
            for latency in LATENCIES:
                await ask(fake, "latency", latency)
                runs: dict[str, list[dict[str, Any]]] = {"paginator": [], "stream_running": [], "stream_succeeded": []}
                upstream: dict[str, dict[str, int]] = {}
                for _ in range(REPEATS):
                    running = await ask(fake, "add", "RUNNING")
                    succeeded = await ask(fake, "add", "SUCCEEDED")  # a fresh one: not cached yet
                    runs["paginator"].append(_check(await ask(clients, "paginate", running), "paginator"))
                    result, upstream["stream_running"] = await stream(target, running, "stream")
                    runs["stream_running"].append(result)
                    result, upstream["stream_succeeded"] = await stream(target, succeeded, "cold stream")
                    runs["stream_succeeded"].append(result)
                    cold_succeeded[latency] = succeeded
                medians = {name: _median(results) for name, results in runs.items()}
                paginator = medians["paginator"]
                for name in ("stream_running", "stream_succeeded"):
                    medians[name]["ratio_to_paginator"] = medians[name]["total_seconds"] / paginator["total_seconds"]
                    medians[name]["first_event_ratio_to_paginator"] = (
                        medians[name]["first_event_seconds"] / paginator["first_event_seconds"]
                    )
                    medians[name]["upstream_calls"] = upstream[name]
                by_latency[f"{latency * 1000:g}ms"] = medians

            # Warm: the last SUCCEEDED history is cached now; with upstream latency on, any AWS call would show.
            await ask(fake, "latency", LATENCIES[0])
            arn = cold_succeeded[LATENCIES[0]]
            calls_before = server.aws.calls
            warm_runs, warm_upstream = [], {"GetExecutionHistory": 0, "DescribeExecution": 0}
            for _ in range(WARM_REPEATS):
                result, calls = await stream(target, arn, "warm stream")
                warm_runs.append(result)
                warm_upstream = {op: warm_upstream[op] + calls[op] for op in warm_upstream}
            backend_calls = server.aws.calls - calls_before
            warm: dict[str, Any] = {
                **_median(warm_runs),
                "backend_calls": backend_calls,
                "upstream_calls": warm_upstream,
            }
            for key, medians in by_latency.items():
                warm[f"speedup_vs_cold_{key}"] = medians["stream_succeeded"]["total_seconds"] / warm["total_seconds"]
    finally:
        clients.stop()
        fake.stop()
    return {"latencies": by_latency, "warm": warm}


def _targets(result: dict[str, Any]) -> list[dict[str, Any]]:
    """Each target of the issue, with the figure that decides it."""
    at20, at0, warm = result["latencies"]["20ms"], result["latencies"]["0ms"], result["warm"]
    targets = [
        {
            "target": f"20 ms: stream total <= {TARGET_RATIO_20MS}x paginator",
            "figure": at20["stream_running"]["ratio_to_paginator"],
            "met": at20["stream_running"]["ratio_to_paginator"] <= TARGET_RATIO_20MS,
        },
        {
            "target": f"0 ms: stream total <= {TARGET_RATIO_0MS}x paginator",
            "figure": at0["stream_running"]["ratio_to_paginator"],
            "met": at0["stream_running"]["ratio_to_paginator"] <= TARGET_RATIO_0MS,
        },
    ]
    for key, medians in (("20ms", at20), ("0ms", at0)):
        ratio = medians["stream_running"]["first_event_ratio_to_paginator"]
        targets.append(
            {
                "target": f"{key}: first event sooner than boto3's first page (ratio < 1)",
                "figure": ratio,
                "met": ratio < 1,
            }
        )
    for key in ("20ms", "0ms"):
        speedup = warm[f"speedup_vs_cold_{key}"]
        targets.append(
            {
                "target": f"warm >= {TARGET_WARM_SPEEDUP:g}x faster than cold ({key}), zero backend calls",
                "figure": speedup,
                "met": speedup >= TARGET_WARM_SPEEDUP and warm["backend_calls"] == 0,
            }
        )
    return targets


def run() -> dict[str, Any]:
    """Run the whole measurement; return the results, the targets and how they fared."""
    logging.getLogger("service").setLevel(logging.WARNING)
    started = time.perf_counter()
    result = asyncio.run(_measure())
    result.update(
        events=EVENTS,
        payload_bytes=PAYLOAD_BYTES,
        page_size=PAGE_SIZE,
        repeats=REPEATS,
        warm_repeats=WARM_REPEATS,
        note=NOTE,
        seconds=time.perf_counter() - started,
    )
    result["targets"] = _targets(result)
    return result


def report(result: dict[str, Any]) -> list[str]:
    """The result as printable lines."""
    lines = [
        f"StreamExecutionHistory vs boto3's paginator, {result['events']:,}-event history "
        f"({result['payload_bytes']}-byte payloads, {result['page_size']}-event pages), median of {result['repeats']}:",
        f"  ({result['note']})",
        f"  {'latency':8s} {'path':26s} {'total s':>8s} {'first s':>8s} {'x paginator':>12s} {'first x':>8s}"
        "  upstream calls (history+describe)",
    ]
    for key, medians in result["latencies"].items():
        for name, label in (
            ("paginator", "boto3 paginator"),
            ("stream_running", "stream, RUNNING (no cache)"),
            ("stream_succeeded", "stream, SUCCEEDED cold"),
        ):
            m = medians[name]
            ratio = f"{m['ratio_to_paginator']:.2f}" if "ratio_to_paginator" in m else "1"
            first = f"{m['first_event_ratio_to_paginator']:.2f}" if "first_event_ratio_to_paginator" in m else "1"
            calls = m.get("upstream_calls")
            upstream = f"{calls['GetExecutionHistory']}+{calls['DescribeExecution']}" if calls else ""
            lines.append(
                f"  {key:8s} {label:26s} {m['total_seconds']:8.3f} {m['first_event_seconds']:8.4f} {ratio:>12s} {first:>8s}"
                f"  {upstream}"
            )
    warm = result["warm"]
    lines.append(
        f"  warm (cached) stream: {warm['total_seconds']:.3f} s, first event {warm['first_event_seconds']:.4f} s, "
        f"{warm['backend_calls']} backend calls ({sum(warm['upstream_calls'].values())} requests upstream "
        f"in {result['warm_repeats']} streams); cold/warm {warm['speedup_vs_cold_20ms']:.1f}x (20 ms), "
        f"{warm['speedup_vs_cold_0ms']:.1f}x (0 ms)"
    )
    lines.append("  targets:")
    for t in result["targets"]:
        lines.append(f"    [{'met' if t['met'] else 'MISSED'}] {t['target']}: {t['figure']:.2f}")
    lines.append(f"  ({result['seconds']:.0f} s)")
    return [line.rstrip() for line in lines]
