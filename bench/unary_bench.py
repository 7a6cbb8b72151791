"""Uncached unary calls through the gateway against boto3 called directly, and the pieces of a call.

Three processes (bench/harness.py): the fake endpoint, the server (`python -m service`, default
settings) and one client process, which holds both a synchronous gRPC channel to the server and a
boto3 client aimed straight at the fake endpoint (retries off, as the gateway's own are). Every
call is timed in the client, request sent -> answer in the caller's hands (a response message for
gRPC, boto3's parsed dict), so the gateway's figure includes its gRPC hop.

On RUNNING executions, which nothing caches, with 0 ms and 20 ms of latency per upstream response:
- DescribeExecution (cycling through 20 executions);
- the first GetExecutionHistory page of a 2,000-event history, max_results=1000 (~512-byte payloads);
and at 0 ms, the pieces of the gateway's own cost:
- a gRPC hop to the server: a health Check;
- a request refused by validation: DescribeExecution of a malformed ARN (INVALID_ARGUMENT).
The paths run in alternating blocks, so that whatever else loads the machine meanwhile weighs on
all of them alike; p50 and p99 over every call.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any

from bench.harness import ServerProcess, Worker, percentiles

LATENCIES = (0.0, 0.020)
DESCRIBE_EXECUTIONS = 20
HISTORY_EVENTS = 2_000  # so the 1,000-event page is a first page, with a nextToken
PAGE_SIZE = 1000
PAYLOAD_BYTES = 512
WARMUP = 30
# (rounds, calls per path per round): every path gets rounds x calls timed calls.
PLAN = {
    ("describe", 0.0): (10, 100),
    ("describe", 0.020): (10, 50),
    ("history", 0.0): (10, 20),
    ("history", 0.020): (10, 15),
}

# The issue's targets: the gateway's p50 over boto3's p50.
TARGETS = {
    ("describe", 0.0): 1.25,
    ("describe", 0.020): 1.05,
    ("history", 0.0): 0.5,
    ("history", 0.020): 0.9,
}


def _expect(condition: bool, what: str) -> None:
    """A benchmark that measured the wrong thing must say so (asserts vanish under -O)."""
    if not condition:
        raise AssertionError(f"expected {what}")


def _client_process(conn: Connection, endpoint_url: str, target: str) -> None:
    """Time calls as the parent asks: ("run", path, argument, count) -> seconds per call."""
    import boto3
    import grpc
    from botocore.config import Config
    from grpc_health.v1 import health_pb2, health_pb2_grpc
    from sfngrpc.stepfunctions.v1 import executions_pb2, history_pb2, service_pb2_grpc

    boto = boto3.client(
        "stepfunctions",
        endpoint_url=endpoint_url,
        region_name="us-east-1",
        aws_access_key_id="bench",
        aws_secret_access_key="bench",
        config=Config(retries={"total_max_attempts": 1, "mode": "standard"}),
    )
    channel = grpc.insecure_channel(target, options=[("grpc.max_receive_message_length", 8 << 20)])
    stub = service_pb2_grpc.StepFunctionsServiceStub(channel)
    health = health_pb2_grpc.HealthStub(channel)
    malformed = executions_pb2.DescribeExecutionRequest(execution_arn="not-an-execution-arn")

    def describe_gateway(arn: str) -> None:
        answer = stub.DescribeExecution(executions_pb2.DescribeExecutionRequest(execution_arn=arn), timeout=10)
        _expect(answer.status == executions_pb2.EXECUTION_STATUS_RUNNING, "a RUNNING execution")

    def describe_boto3(arn: str) -> None:
        _expect(boto.describe_execution(executionArn=arn)["status"] == "RUNNING", "a RUNNING execution")

    def history_gateway(arn: str) -> None:
        request = history_pb2.GetExecutionHistoryRequest(execution_arn=arn, max_results=PAGE_SIZE)
        page = stub.GetExecutionHistory(request, timeout=30)
        _expect(len(page.events) == PAGE_SIZE and bool(page.next_token), "a first page of 1,000 events")

    def history_boto3(arn: str) -> None:
        page = boto.get_execution_history(executionArn=arn, maxResults=PAGE_SIZE)
        _expect(len(page["events"]) == PAGE_SIZE and bool(page["nextToken"]), "a first page of 1,000 events")

    def hop(_: str) -> None:
        assert (
            health.Check(health_pb2.HealthCheckRequest(), timeout=10).status == health_pb2.HealthCheckResponse.SERVING
        )

    def refused(_: str) -> None:
        try:
            stub.DescribeExecution(malformed, timeout=10)
        except grpc.RpcError as error:
            _expect(error.code() == grpc.StatusCode.INVALID_ARGUMENT, "INVALID_ARGUMENT")
        else:
            raise AssertionError("a malformed ARN was accepted")

    paths: dict[str, Callable[[str], None]] = {
        "describe_gateway": describe_gateway,
        "describe_boto3": describe_boto3,
        "history_gateway": history_gateway,
        "history_boto3": history_boto3,
        "grpc_hop": hop,
        "refused_by_validation": refused,
    }
    while True:
        command, *args = conn.recv()
        if command == "stop":
            channel.close()
            conn.send(None)
            return
        path, arns, count = args
        try:
            seconds = []
            for index in range(count):
                arn = arns[index % len(arns)]
                started = time.perf_counter()
                paths[path](arn)
                seconds.append(time.perf_counter() - started)
            conn.send(seconds)
        except Exception as exc:
            conn.send(exc)


def _measure(fake: Worker, server: ServerProcess, endpoint_url: str) -> dict[str, Any]:
    machine = fake.ask("machine", "unary-bench")
    describe_arns = [fake.ask("execution", machine, "RUNNING", 3, 64) for _ in range(DESCRIBE_EXECUTIONS)]
    history_arns = [fake.ask("execution", machine, "RUNNING", HISTORY_EVENTS, PAYLOAD_BYTES)]
    arns = {"describe": describe_arns, "history": history_arns}
    client = Worker(_client_process, endpoint_url, server.target)
    results: dict[str, Any] = {}
    try:
        for latency in LATENCIES:
            fake.ask("latency", latency)
            key = f"{latency * 1000:g}ms"
            results[key] = {}
            for kind in ("describe", "history"):
                paths = [f"{kind}_gateway", f"{kind}_boto3"]
                if kind == "describe" and latency == 0.0:
                    paths += ["grpc_hop", "refused_by_validation"]
                for path in paths:  # connections, converter plans, imports: untimed
                    client.ask("run", path, arns[kind], WARMUP if kind == "describe" else 3)
                rounds, count = PLAN[(kind, latency)]
                seconds: dict[str, list[float]] = {path: [] for path in paths}
                for round_number in range(rounds):
                    for path in paths if round_number % 2 == 0 else paths[::-1]:
                        seconds[path] += client.ask("run", path, arns[kind], count)
                figures = {path: percentiles(values) for path, values in seconds.items()}
                gateway, boto = figures[f"{kind}_gateway"], figures[f"{kind}_boto3"]
                figures["p50_ratio"] = gateway["p50_ms"] / boto["p50_ms"]
                figures["p99_ratio"] = gateway["p99_ms"] / boto["p99_ms"]
                figures["target_p50_ratio"] = TARGETS[(kind, latency)]
                results[key][kind] = figures
    finally:
        client.stop()
        fake.ask("latency", 0.0)
    return results


def run(fake: Worker, endpoint_url: str) -> dict[str, Any]:
    """Measure against a fresh server with default settings; the results and the targets."""
    started = time.perf_counter()
    with ServerProcess("unary", endpoint_url) as server:
        latencies = _measure(fake, server, endpoint_url)
    result: dict[str, Any] = {
        "latencies": latencies,
        "describe_executions": DESCRIBE_EXECUTIONS,
        "history_events": HISTORY_EVENTS,
        "page_size": PAGE_SIZE,
        "payload_bytes": PAYLOAD_BYTES,
    }
    result["targets"] = [
        {
            "target": f"{kind} p50 <= {bound}x boto3 direct at {latency * 1000:g} ms",
            "figure": latencies[f"{latency * 1000:g}ms"][kind]["p50_ratio"],
            "met": latencies[f"{latency * 1000:g}ms"][kind]["p50_ratio"] <= bound,
        }
        for (kind, latency), bound in TARGETS.items()
    ]
    result["seconds"] = time.perf_counter() - started
    return result


def report(result: dict[str, Any]) -> list[str]:
    """The result as printable lines."""
    lines = [
        "Uncached unary calls, gateway vs boto3 direct (client process times each call), p50 / p99 ms:",
        f"  {'latency':8s} {'call':34s} {'gateway':>16s} {'boto3':>16s} {'p50 x':>7s} {'target':>7s}",
    ]
    for key, kinds in result["latencies"].items():
        for kind, label in (("describe", "DescribeExecution"), ("history", "GetExecutionHistory 1,000 events")):
            f = kinds[kind]
            gateway, boto = f[f"{kind}_gateway"], f[f"{kind}_boto3"]
            lines.append(
                f"  {key:8s} {label:34s} {gateway['p50_ms']:7.2f} /{gateway['p99_ms']:7.2f} "
                f"{boto['p50_ms']:7.2f} /{boto['p99_ms']:7.2f} {f['p50_ratio']:7.2f} {f['target_p50_ratio']:>7.2f}"
            )
            for piece, label in (
                ("grpc_hop", "gRPC hop (health Check)"),
                ("refused_by_validation", "refused by validation"),
            ):
                if piece in f:
                    lines.append(f"  {key:8s} {label:34s} {f[piece]['p50_ms']:7.2f} /{f[piece]['p99_ms']:7.2f}")
    lines.append("  targets:")
    for t in result["targets"]:
        lines.append(f"    [{'met' if t['met'] else 'MISSED'}] {t['target']}: {t['figure']:.2f}")
    lines.append(f"  ({result['seconds']:.0f} s)")
    return lines
