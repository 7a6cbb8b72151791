"""The full-size load run: ghz against the gateway, and a boto3 thread pool of the same size against the
fake endpoint directly; then ghz far past the gateway's limits, to see what the overflow gets.

Three processes (bench/harness.py): the fake endpoint (with AWS's round trip as its latency), the
server (`python -m service`, default settings but the quota off, so that the figure is the
gateway's and not the account's), and the load generator: ghz (pinned in the Makefile, `make
bench` builds it into .tools/bin) for the gateway, a pool of threads sharing one boto3 client for
the direct path. Every call is a DescribeExecution of a RUNNING execution (not cached), cycling
through `EXECUTIONS` of them, `CALLS` calls a run.

- `gateway` vs `boto3`: `CONCURRENCY` callers each; calls/s, p50, p99 and the status codes;
- `overload`: `OVERLOAD` concurrent callers on the gateway at its default limits: every call answered,
  the overflow RESOURCE_EXHAUSTED at once (before this issue: queued without bound, CANCELLED).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
import threading
import time
from collections import Counter
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from bench.harness import ROOT, ServerProcess, Worker, percentiles

CONCURRENCY = 200
OVERLOAD = 2000
CALLS = 4000  # per run: about 5 s at the rates of a 2-core machine
# The load generator is one caller: per-caller limits off, so that the gateway-wide ones are measured.
SETTINGS = {"SFN_GRPC_QUOTA_SCALE": "0", "SFN_GRPC_MAX_CALLS_PER_CALLER": "0"}
LATENCY = 0.020
# The overload run: a slow moment of AWS, so that calls pile up in the gateway past its limits
# (at 20 ms a load generator sharing 2 cores cannot keep 2,000 calls in flight).
OVERLOAD_LATENCY = 0.200
EXECUTIONS = 100
GHZ = ROOT / ".tools" / "bin" / "ghz"
BUF = ROOT / "node_modules" / ".bin" / "buf"
GHZ_MODULE = "github.com/bojand/ghz"
METHOD = "sfngrpc.stepfunctions.v1.StepFunctionsService.DescribeExecution"


def _protoset(directory: str) -> str:
    """The API's descriptors, for ghz (built by buf from proto/).

    ghz v0.120.0 asks the server's reflection for the method and answers "Symbol not found", where
    grpcurl finds it through the same reflection (tests/test_grpcurl.py): descriptors from a file
    keep the figure independent of that.
    """
    path = str(Path(directory) / "api.protoset")
    subprocess.run([str(BUF), "build", "--exclude-source-info", "-o", path], cwd=ROOT, check=True)
    return path


def _ghz(target: str, protoset: str, arns: list[str], concurrency: int, calls: int) -> dict[str, Any]:
    """ghz's JSON report of `concurrency` workers making `calls` DescribeExecution calls in all.

    A count, not a duration: at the end of a duration ghz cancels the calls in flight, which it
    then counts as CANCELLED and UNAVAILABLE ("use of closed network connection").
    """
    if not GHZ.exists():
        raise RuntimeError(f"{GHZ} is missing: `make bench` builds it")
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as data:
        json.dump([{"executionArn": arn} for arn in arns], data)  # unary: one element per call, in turn
    try:
        run = subprocess.run(
            [
                str(GHZ),
                "--insecure",
                f"--protoset={protoset}",
                f"--call={METHOD}",
                f"--data-file={data.name}",
                f"--concurrency={concurrency}",
                f"--connections={max(1, concurrency // 100)}",
                f"--total={calls}",
                "--timeout=20s",
                "--format=json",
                "--disable-template-functions",
                "--cpus=1",  # the machine has 2 cores: one for the load, one (mostly) for the server
                target,
            ],
            capture_output=True,
            text=True,
            check=False,
            timeout=600,
        )
    finally:
        Path(data.name).unlink()
    if not run.stdout.strip():
        raise RuntimeError(f"ghz failed ({run.returncode}): {run.stderr[-2000:]}")
    report: dict[str, Any] = json.loads(run.stdout)
    return report


def _summary(report: dict[str, Any]) -> dict[str, Any]:
    by_percent = {item["percentage"]: item["latency"] / 1e6 for item in report.get("latencyDistribution") or []}
    return {
        "calls": report["count"],
        "calls_per_second": report["rps"],
        "p50_ms": by_percent.get(50),
        "p99_ms": by_percent.get(99),
        "codes": report.get("statusCodeDistribution", {}),
        "errors": dict(list((report.get("errorDistribution") or {}).items())[:5]),
    }


def _boto3_pool(conn: Connection, endpoint_url: str, arns: list[str], threads: int, calls: int) -> None:
    """`threads` threads sharing one boto3 client, making `calls` DescribeExecution calls in all."""
    import boto3
    from botocore.config import Config

    client = boto3.client(
        "stepfunctions",
        endpoint_url=endpoint_url,
        region_name="us-east-1",
        aws_access_key_id="bench",
        aws_secret_access_key="bench",
        config=Config(max_pool_connections=threads, retries={"max_attempts": 1, "mode": "standard"}),
    )
    client.describe_execution(executionArn=arns[0])  # warm: the client's first call builds its pieces
    latencies: list[list[float]] = [[] for _ in range(threads)]
    codes: Counter[str] = Counter()
    lock = threading.Lock()
    start = threading.Barrier(threads + 1)

    def work(n: int) -> None:
        start.wait()
        i = n
        mine = latencies[n]
        for _ in range(calls // threads):
            began = time.perf_counter()
            try:
                client.describe_execution(executionArn=arns[i % len(arns)])
            except Exception as exc:
                with lock:
                    codes[type(exc).__name__] += 1
            else:
                mine.append(time.perf_counter() - began)
            i += 1

    pool = [threading.Thread(target=work, args=(n,), daemon=True) for n in range(threads)]
    for thread in pool:
        thread.start()
    start.wait()
    began = time.monotonic()
    for thread in pool:
        thread.join()
    elapsed = time.monotonic() - began
    every = [x for mine in latencies for x in mine]
    codes["OK"] = len(every)
    conn.send(
        {
            **percentiles(every),
            "calls": sum(codes.values()),
            "calls_per_second": len(every) / elapsed,
            "codes": dict(codes),
        }
    )


def run(fake: Worker, endpoint_url: str) -> dict[str, Any]:
    """Both paths at CONCURRENCY, then the gateway at OVERLOAD; the result as JSON-ready data."""
    machine = fake.ask("machine", "load")
    arns = [fake.ask("execution", machine, "RUNNING", 3, 64) for _ in range(EXECUTIONS)]
    fake.ask("latency", LATENCY)
    built = subprocess.run(["go", "version", "-m", str(GHZ)], capture_output=True, text=True, check=False).stdout
    ghz_version = next((line.split()[2] for line in built.splitlines() if line.split()[:2] == ["mod", GHZ_MODULE]), "?")
    result: dict[str, Any] = {
        "concurrency": CONCURRENCY,
        "overload_concurrency": OVERLOAD,
        "calls": CALLS,
        "latency_ms": LATENCY * 1000,
        "overload_latency_ms": OVERLOAD_LATENCY * 1000,
        "ghz": ghz_version,
        "note": "DescribeExecution of RUNNING executions (not cached); quota and per-caller limit off; "
        "default gateway-wide limits; 2 shared cores for fake, server and load generator",
    }
    with (
        tempfile.TemporaryDirectory() as directory,
        ServerProcess("load", endpoint_url, SETTINGS) as server,
    ):
        protoset = _protoset(directory)
        _ghz(server.target, protoset, arns, 20, 200)  # warm: connections, threads, the first calls' imports
        result["gateway"] = _summary(_ghz(server.target, protoset, arns, CONCURRENCY, CALLS))
        fake.ask("latency", OVERLOAD_LATENCY)
        result["overload"] = _summary(_ghz(server.target, protoset, arns, OVERLOAD, 3 * OVERLOAD))
        fake.ask("latency", LATENCY)
    pool = Worker(_boto3_pool, endpoint_url, arns, CONCURRENCY, CALLS)
    try:
        result["boto3"] = pool.conn.recv()
    finally:
        pool.process.join(timeout=30)
    result["ghz_path"] = shutil.which("ghz") or str(GHZ)
    return result


def report(result: dict[str, Any]) -> list[str]:
    """The result as lines of text."""
    lines = [
        f"load: DescribeExecution, {result['latency_ms']:.0f} ms backend latency, about {result['calls']} calls "
        f"per run (ghz {result['ghz']})"
    ]
    for name, label in (
        ("gateway", f"gateway, ghz c={result['concurrency']}"),
        ("boto3", f"boto3 direct, {result['concurrency']} threads"),
        ("overload", f"gateway, ghz c={result['overload_concurrency']}, {result['overload_latency_ms']:.0f} ms"),
    ):
        r = result[name]
        lines.append(
            f"  {label:38s} {r['calls_per_second']:8.0f} calls/s  p50 {r['p50_ms'] or 0:7.1f} ms  "
            f"p99 {r['p99_ms'] or 0:7.1f} ms  codes {r['codes']}"
        )
    return lines
