"""The processes a benchmark runs, each on its own interpreter so that no two share a GIL (they do
share the machine's cores): the fake Step Functions endpoint (tests/fake_sfn.py), the sfn-grpc
server as users run it (`python -m service`, configured by environment variables), and clients.

- `Worker`: a child process driven over a pipe, one command and one answer at a time;
- `fake_process`: the fake endpoint in a `Worker`, answering the commands of `FakeCommands`;
- `ServerProcess`: `python -m service` against that endpoint, on a free loopback port, with its
  resident memory readable from /proc while it runs;
- `percentiles`: p50 and p99 of a list of durations.
"""

from __future__ import annotations

import contextlib
import math
import multiprocessing
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
RESULTS = Path(__file__).resolve().parent / "results"
MIB = 1024 * 1024


class Worker:
    """A child process driven over a pipe: one command, one answer."""

    def __init__(self, target: Callable[..., None], *args: Any) -> None:
        context = multiprocessing.get_context("spawn")  # no fork after grpc and threads have started
        self.conn, child = context.Pipe()
        self.process = context.Process(target=target, args=(child, *args), daemon=True)
        self.process.start()

    def ask(self, *command: Any) -> Any:
        self.conn.send(command)
        answer = self.conn.recv()
        if isinstance(answer, BaseException):
            raise answer
        return answer

    def stop(self) -> None:
        with contextlib.suppress(OSError, EOFError):
            self.ask("stop")
        self.process.join(timeout=10)
        if self.process.is_alive():
            self.process.kill()


# -- the fake endpoint ---------------------------------------------------------------------------------


class FakeCommands:
    """What the parent may ask of the fake endpoint's process (`Worker.ask(name, *args)`)."""

    def __init__(self, fake: Any) -> None:
        from tests.fake_sfn import history

        self.fake = fake
        self._history = history
        self._histories: dict[tuple[int, int, str], list[dict[str, Any]]] = {}
        self._names = 0

    def machine(self, name: str, machine_type: str = "STANDARD") -> str:
        return str(self.fake.add_state_machine(name, type=machine_type))

    def execution(self, machine: str, status: str, events: int, payload_bytes: int) -> str:
        """A fresh execution whose history has `events` events of `payload_bytes`-byte payloads."""
        key = (events, payload_bytes, status)
        if key not in self._histories:  # one list per shape: the fake serializes it again for each execution
            self._histories[key] = self._history(events, payload_bytes=payload_bytes, status=status)
        self._names += 1
        return str(self.fake.add_execution(machine, f"run-{self._names}", status=status, events=self._histories[key]))

    def latency(self, seconds: float) -> None:
        self.fake.latency = seconds

    def calls(self, operations: Sequence[str] = ("GetExecutionHistory", "DescribeExecution")) -> dict[str, int]:
        """Requests received so far, by operation."""
        return {operation: len(self.fake.calls_of(operation)) for operation in operations}

    def history_calls_of(self, arn: str) -> int:
        """GetExecutionHistory requests for one execution so far."""
        return sum(1 for call in self.fake.calls_of("GetExecutionHistory") if call.params.get("executionArn") == arn)


def fake_process(conn: Connection) -> None:
    """Serve the fake endpoint (sends its URL first); run `FakeCommands` until told to stop."""
    from tests.fake_sfn import FakeStepFunctions

    with FakeStepFunctions() as fake:
        commands = FakeCommands(fake)
        conn.send(fake.endpoint_url)
        while True:
            name, *args = conn.recv()
            if name == "stop":
                conn.send(None)
                return
            try:
                conn.send(getattr(commands, name)(*args))
            except Exception as exc:  # the parent raises it
                conn.send(exc)


# -- the server ------------------------------------------------------------------------------------------


def free_port() -> int:
    """A port nobody listens on now (the server binds it a moment later; loopback only)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class ServerProcess:
    """`python -m service` against `endpoint_url`, as an operator runs it: settings in the environment.

    Only AWS_DEFAULT_REGION names the region: every version of the gateway reads it (newer ones
    also read AWS_REGION, which the pinned botocore ignores). Nothing of the caller's AWS or
    SFN_GRPC environment leaks in. The server's log goes to bench/results/server-<name>.log.
    """

    def __init__(self, name: str, endpoint_url: str, settings: Mapping[str, str] | None = None) -> None:
        self.name = name
        self.port = free_port()
        self.target = f"127.0.0.1:{self.port}"
        env = {key: value for key, value in os.environ.items() if not key.startswith(("AWS_", "SFN_GRPC_"))}
        env.update(
            {
                "SFN_GRPC_LISTEN": self.target,
                "SFN_GRPC_METRICS_LISTEN": "127.0.0.1:0",  # counted as in production, on a port of its own
                "SFN_GRPC_BACKEND": "aws",
                "SFN_GRPC_LOG_LEVEL": "WARNING",
                "SFN_GRPC_PAGE_TOKEN_KEY": "bench",
                "AWS_ENDPOINT_URL_SFN": endpoint_url,
                "AWS_DEFAULT_REGION": "us-east-1",
                "AWS_ACCESS_KEY_ID": "bench",
                "AWS_SECRET_ACCESS_KEY": "bench",
                "AWS_CONFIG_FILE": os.devnull,
                "AWS_SHARED_CREDENTIALS_FILE": os.devnull,
                "AWS_EC2_METADATA_DISABLED": "true",
                **(settings or {}),
            }
        )
        RESULTS.mkdir(exist_ok=True)
        self._log = (RESULTS / f"server-{name}.log").open("w")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "service"], cwd=ROOT, env=env, stdout=self._log, stderr=subprocess.STDOUT
        )
        self.pid = self.process.pid
        self._wait_serving(timeout=60)

    def _channel(self, target: str) -> Any:
        """A channel to the server (plaintext; a server with TLS says how to reach it)."""
        import grpc

        return grpc.insecure_channel(target)

    def _wait_serving(self, timeout: float) -> None:
        import grpc
        from grpc_health.v1 import health_pb2, health_pb2_grpc

        deadline = time.monotonic() + timeout
        with self._channel(self.target) as channel:
            health = health_pb2_grpc.HealthStub(channel)
            while time.monotonic() < deadline:
                if self.process.poll() is not None:
                    raise RuntimeError(f"the server exited ({self.process.returncode}); see {self._log.name}")
                with contextlib.suppress(grpc.RpcError):
                    answer = health.Check(health_pb2.HealthCheckRequest(), timeout=1, wait_for_ready=True)
                    if answer.status == health_pb2.HealthCheckResponse.SERVING:
                        return
                time.sleep(0.05)
        raise TimeoutError(f"the server was not SERVING within {timeout} s; see {self._log.name}")

    def _status(self, field: str) -> int:
        """A memory figure of /proc/<pid>/status, in bytes."""
        for line in Path(f"/proc/{self.pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) * 1024
        raise KeyError(field)

    def rss(self) -> int:
        """Resident memory now, in bytes."""
        return self._status("VmRSS")

    def reset_peak(self) -> bool:
        """Restart the kernel's peak-RSS record (VmHWM) from now; False where that is not allowed."""
        try:
            Path(f"/proc/{self.pid}/clear_refs").write_text("5")
        except OSError:
            return False
        return True

    def peak(self) -> int:
        """The peak resident memory since start, or since `reset_peak`, in bytes."""
        return self._status("VmHWM")

    def stop(self) -> None:
        """SIGTERM, as an orchestrator stops it; killed if it is not gone within the grace."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self._log.close()

    def __enter__(self) -> ServerProcess:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


class MemoryWatch:
    """The server's peak RSS while a block runs: the kernel's own peak record when it can be reset,
    else (and also) samples every 10 ms; plus the samples, for a plot."""

    def __init__(self, server: ServerProcess) -> None:
        self.server = server
        self.samples: list[tuple[float, int]] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self.before = 0
        self.peak = 0
        self.exact = False

    def _sample(self) -> None:
        started = time.perf_counter()
        while not self._stop.is_set():
            with contextlib.suppress(OSError, KeyError, ValueError):
                self.samples.append((time.perf_counter() - started, self.server.rss()))
            self._stop.wait(0.01)

    def __enter__(self) -> MemoryWatch:
        self.before = self.server.rss()
        self.exact = self.server.reset_peak()
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        sampled = max((rss for _, rss in self.samples), default=self.before)
        self.peak = max(sampled, self.server.peak()) if self.exact else sampled

    def result(self) -> dict[str, Any]:
        return {
            "rss_before_mib": self.before / MIB,
            "rss_peak_mib": self.peak / MIB,
            "rss_growth_mib": (self.peak - self.before) / MIB,
            "peak_from": "kernel peak record (VmHWM, reset before)" if self.exact else "samples every 10 ms",
        }


# -- figures ------------------------------------------------------------------------------------------------


def percentile(values: Sequence[float], fraction: float) -> float:
    """The nearest-rank percentile (`fraction` 0.5 for p50): a value that was measured."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


def percentiles(seconds: Sequence[float]) -> dict[str, float]:
    """p50 and p99 in milliseconds, and how many calls they are of."""
    return {
        "p50_ms": percentile(seconds, 0.50) * 1000,
        "p99_ms": percentile(seconds, 0.99) * 1000,
        "calls": len(seconds),
    }
