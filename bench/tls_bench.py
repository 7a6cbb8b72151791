"""What TLS and mTLS cost a unary call: DescribeExecution through plaintext, TLS and mTLS servers.

`python -m bench.tls_bench` (under a minute; results in bench/results/tls.json). Processes as in
bench/harness.py: the fake endpoint, three `python -m service` (plaintext, TLS, mTLS; certificates
made for the run with `cryptography`, EC P-256) and one client process with a channel to each.
Every call is timed in the client on a warm channel (the handshake is made before timing, as a
long-lived client makes it once), over RUNNING executions, which nothing caches. The three paths
run in alternating blocks so that the machine's other load weighs on them alike; p50 and p99 over
every call. The issue's target: TLS within 10% of plaintext at 20 ms backend latency.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from bench.harness import RESULTS, ServerProcess, Worker, fake_process, percentiles

LATENCIES = (0.0, 0.020)
EXECUTIONS = 20
WARMUP = 30
# latency -> (rounds, calls per path per round)
PLAN = {0.0: (10, 100), 0.020: (6, 40)}
TARGET_AT_20MS = 1.10
PATHS = ("plaintext", "tls", "mtls")


class _Server(ServerProcess):
    """`python -m service` with TLS settings; ready once its health answers SERVING over its own transport."""

    def __init__(self, name: str, endpoint_url: str, settings: dict[str, str], channel: Any) -> None:
        self._make_channel = channel
        super().__init__(name, endpoint_url, settings)

    def _channel(self, target: str) -> Any:
        return self._make_channel(target)


def _channels(folder: Path) -> dict[str, Any]:
    """Channel factories by path: target -> a synchronous channel with that path's credentials."""
    import grpc

    ca = (folder / "ca.crt").read_bytes()
    key, cert = (folder / "client.key").read_bytes(), (folder / "client.crt").read_bytes()
    name = [("grpc.ssl_target_name_override", "localhost")]
    return {
        "plaintext": lambda target: grpc.insecure_channel(target),
        "tls": lambda target: grpc.secure_channel(target, grpc.ssl_channel_credentials(ca), options=name),
        "mtls": lambda target: grpc.secure_channel(target, grpc.ssl_channel_credentials(ca, key, cert), options=name),
    }


def _client_process(conn: Connection, folder: str, targets: dict[str, str]) -> None:
    """Time DescribeExecution calls as asked: ("run", path, arns, count) -> seconds per call."""
    from sfngrpc.stepfunctions.v1 import executions_pb2, service_pb2_grpc

    factories = _channels(Path(folder))
    channels = {path: factories[path](target) for path, target in targets.items()}
    stubs = {path: service_pb2_grpc.StepFunctionsServiceStub(channel) for path, channel in channels.items()}
    while True:
        command, *args = conn.recv()
        if command == "stop":
            for channel in channels.values():
                channel.close()
            conn.send(None)
            return
        path, arns, count = args
        try:
            seconds = []
            for index in range(count):
                request = executions_pb2.DescribeExecutionRequest(execution_arn=arns[index % len(arns)])
                started = time.perf_counter()
                answer = stubs[path].DescribeExecution(request, timeout=10)
                seconds.append(time.perf_counter() - started)
                if answer.status != executions_pb2.EXECUTION_STATUS_RUNNING:
                    raise AssertionError("expected a RUNNING execution")
            conn.send(seconds)
        except Exception as exc:
            conn.send(exc)


def _certificates(folder: Path) -> dict[str, str]:
    from tests.certs import CertificateAuthority

    ca = CertificateAuthority("bench CA")
    (folder / "ca.crt").write_bytes(ca.pem)
    cert, key = ca.server().write(folder, "server")
    ca.client(uri="spiffe://bench/client").write(folder, "client")
    return {"SFN_GRPC_TLS_CERT_FILE": str(cert), "SFN_GRPC_TLS_KEY_FILE": str(key)}


def run(fake: Worker, endpoint_url: str) -> dict[str, Any]:
    """Measure the three transports at each latency, against the fake endpoint; the figures and the target."""
    servers: list[_Server] = []
    try:
        with tempfile.TemporaryDirectory() as temporary:
            folder = Path(temporary)
            tls = _certificates(folder)
            settings = {
                "plaintext": {},
                "tls": tls,
                "mtls": {**tls, "SFN_GRPC_TLS_CLIENT_CA_FILE": str(folder / "ca.crt")},
            }
            factories = _channels(folder)
            for path in PATHS:
                servers.append(_Server(f"tls-bench-{path}", endpoint_url, settings[path], factories[path]))
            machine = fake.ask("machine", "tls-bench")
            arns = [fake.ask("execution", machine, "RUNNING", 3, 64) for _ in range(EXECUTIONS)]
            client = Worker(_client_process, temporary, {p: s.target for p, s in zip(PATHS, servers, strict=True)})
            results: dict[str, Any] = {}
            try:
                for latency in LATENCIES:
                    fake.ask("latency", latency)
                    for path in PATHS:  # connections (handshakes), converter plans: untimed
                        client.ask("run", path, arns, WARMUP)
                    rounds, count = PLAN[latency]
                    seconds: dict[str, list[float]] = {path: [] for path in PATHS}
                    for number in range(rounds):
                        for path in PATHS if number % 2 == 0 else PATHS[::-1]:
                            seconds[path] += client.ask("run", path, arns, count)
                    figures: dict[str, Any] = {path: percentiles(values) for path, values in seconds.items()}
                    for path in ("tls", "mtls"):
                        figures[f"{path}_p50_ratio"] = figures[path]["p50_ms"] / figures["plaintext"]["p50_ms"]
                    results[f"{latency * 1000:g}ms"] = figures
            finally:
                client.stop()
    finally:
        fake.ask("latency", 0.0)
        for server in servers:
            server.stop()
    ratio = results["20ms"]["tls_p50_ratio"]
    return {
        "latencies": results,
        "target": {"target": f"TLS p50 <= {TARGET_AT_20MS}x plaintext at 20 ms", "figure": ratio},
        "met": ratio <= TARGET_AT_20MS,
    }


def report(result: dict[str, Any]) -> list[str]:
    """The result as printable lines."""
    lines = ["DescribeExecution on a warm channel, p50 / p99 ms (x: p50 over plaintext's):"]
    for key, figures in result["latencies"].items():
        cells = []
        for path in PATHS:
            ratio = f" ({figures[f'{path}_p50_ratio']:.2f}x)" if path != "plaintext" else ""
            cells.append(f"{path} {figures[path]['p50_ms']:.2f} / {figures[path]['p99_ms']:.2f}{ratio}")
        lines.append(f"  {key:>5s}: " + ";  ".join(cells) + f"  [{figures['plaintext']['calls']} calls each]")
    lines.append(
        f"  {result['target']['target']}: {result['target']['figure']:.3f} -> {'met' if result['met'] else 'NOT met'}"
    )
    return lines


if __name__ == "__main__":
    fake_worker = Worker(fake_process)
    try:
        outcome = run(fake_worker, fake_worker.conn.recv())
    finally:
        fake_worker.stop()
    print("\n".join(report(outcome)))
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "tls.json").write_text(json.dumps(outcome, indent=2) + "\n")
    sys.exit(0)
