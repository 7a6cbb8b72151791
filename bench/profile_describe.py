"""Where the server's time goes in an uncached DescribeExecution, per call, sampled by py-spy.

The processes of the unary benchmark (bench/unary_bench.py): the fake endpoint at 0 ms latency, the
server (`python -m service`, default settings) and the client process, which calls DescribeExecution
on RUNNING executions, one call after another. py-spy attaches to the server for those calls
(`py-spy record --pid --threads --native --idle --full-filenames --format raw`): every Python thread
is sampled `RATE` times a second whatever it is doing, with the C frames under the Python ones, so a
sample says what that thread was doing at that moment:

- waiting: for the GIL (a thread that could run but another holds it), on a lock or an event, or
  idle (a worker with no work, the event loop or gRPC's poller in epoll with nothing to do);
- in a component: charged to the innermost frame that belongs to a known one (botocore's signing,
  urllib3, gRPC, asyncio, the gateway's own code, ...). The HTTP round trip includes the time its
  thread waits for the backend's answer: py-spy's unwinding through libc's poll() is not reliable
  enough to tell that wait from urllib3's own work.

A sample stands for the recording's length over the number of samples of one thread (py-spy slows
down when it cannot keep up); dividing by the number of calls gives milliseconds per call, per
thread and state. gRPC's C core
runs threads of its own that py-spy cannot see; the process's CPU time from /proc is given too.
py-spy needs ptrace on the server (root, CAP_SYS_PTRACE, or a Yama scope that allows it); where it
is refused, the result says so instead of figures.
"""

from __future__ import annotations

import collections
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from bench import unary_bench
from bench.harness import RESULTS, ROOT, ServerProcess, Worker, percentiles

RATE = 200  # samples per second per thread
CALLS = 5000
WARMUP = 300

SERVICE_DIR = str(ROOT / "service") + "/"

HAND_OFF = "thread hand-off (executor queue, futures, loop wake-ups)"
# A worker thread wakes the event loop (call_soon_threadsafe) by writing to a socket the loop reads.
_WAKE_UPS = ("_write_to_self", "_read_from_self")

# (component, path fragments): running time goes to the component of the innermost frame that matches one. C frames
# of the socket module are left to their caller: http.client in a worker, gRPC's own wake-up socket in the loop.
COMPONENTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("botocore: signing (SigV4)", ("/botocore/auth.py", "/botocore/signers.py", "/botocore/credentials.py")),
    ("botocore: serialize + validate parameters", ("/botocore/serialize.py", "/botocore/validate.py")),
    ("botocore: endpoint resolution", ("/botocore/regions.py", "/botocore/endpoint_provider.py")),
    ("botocore: parse response", ("/botocore/parsers.py",)),
    # Waiting for the answer is in here too: unwinding through libc's poll() is not reliable enough to tell it apart.
    (
        "HTTP round trip: urllib3, http.client, socket, the answer",
        ("/urllib3/", "/http/client.py", "/socket.py", "/email/"),
    ),
    (
        "botocore: prepare + send request",
        ("/botocore/endpoint.py", "/botocore/httpsession.py", "/botocore/awsrequest.py"),
    ),
    ("botocore: client call, events, handlers", ("/botocore/", "/boto3/")),
    ("gateway code (service/)", (SERVICE_DIR,)),
    ("retry (tenacity)", ("/tenacity/",)),
    ("protobuf", ("/google/protobuf/", "_message.", "libprotobuf")),
    ("gRPC (Python and C core)", ("/grpc/", "/grpc_health/", "cygrpc", "libgrpc")),
    (HAND_OFF, ("/concurrent/futures/", "/threading.py", "/queue.py", "_queuemodule")),
    ("asyncio event loop", ("/asyncio/", "_asynciomodule")),
    ("json", ("/json/",)),
)
OTHER = "running: other (interpreter, libc, gc, logging, ...)"

# What a thread waits for, told by the C frames it is in (see `state`).
WAIT_GIL = "waiting for the GIL"
WAIT_LOCK = "waiting on a lock, event or future"
IDLE = "idle (epoll with nothing to do; a worker with no work)"

_LINE = re.compile(r"^thread \((?P<tid>[^)]*)\): (?P<stack>.*) (?P<count>\d+)$")


def state(frames: list[str]) -> str:
    """What a thread was doing in one sample (its frames outermost first): a kind of wait, or running
    in a component (the innermost frame that belongs to a known one)."""
    names = [frame.split(" (", 1)[0] for frame in frames]
    leaf = next((name for name in reversed(names) if not name.startswith("0x")), "")
    if leaf in ("pthread_cond_timedwait", "pthread_cond_wait") and "PyThread_acquire_lock_timed" not in names:
        return WAIT_GIL  # CPython's GIL is a condition variable; its locks are semaphores
    if "_queue_SimpleQueue_get" in names or leaf == "epoll_wait" or leaf.startswith("select_epoll_poll"):
        return IDLE
    if "PyThread_acquire_lock_timed" in names or leaf in ("sem_wait", "sem_timedwait", "sem_clockwait"):
        return WAIT_LOCK
    if any(wake in frame for frame in frames for wake in _WAKE_UPS):
        return "running: " + HAND_OFF  # not HTTP: the event loop's own wake-up socket
    for frame in reversed(frames):
        for name, fragments in COMPONENTS:
            if any(fragment in frame for fragment in fragments):
                return "running: " + name
    return OTHER


def thread_group(stack: str) -> str:
    """Which of the server's threads a sampled stack ran on."""
    name = stack.split(";", 1)[0]
    if name.startswith("boto3"):
        return "boto3 worker threads"
    if name == "MainThread":
        return "event loop thread"
    if "_poll_wrapper" in name:
        return "gRPC completion-queue poller thread"
    return "other Python threads"


def _process_cpu(pid: int) -> float:
    """User + system CPU seconds of the whole process (every thread, C ones included)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _py_spy() -> str | None:
    found = Path(sys.executable).parent / "py-spy"
    return str(found) if found.exists() else shutil.which("py-spy")


def run(fake: Worker, endpoint_url: str) -> dict[str, Any]:
    """Profile the server through CALLS uncached DescribeExecution calls; the breakdown per call."""
    started = time.perf_counter()
    py_spy = _py_spy()
    if py_spy is None:
        return {"error": "py-spy is not installed (make bench installs the bench extra)"}
    fake.ask("latency", 0.0)
    machine = fake.ask("machine", "profile-bench")
    arns = [fake.ask("execution", machine, "RUNNING", 3, 64) for _ in range(unary_bench.DESCRIBE_EXECUTIONS)]
    raw = RESULTS / "profile_describe.raw.txt"
    log = RESULTS / "profile_describe.py-spy.log"
    with ServerProcess("profile", endpoint_url) as server:
        client = Worker(unary_bench._client_process, endpoint_url, server.target)
        try:
            client.ask("run", "describe_gateway", arns, WARMUP)
            unprofiled = client.ask("run", "describe_gateway", arns, CALLS // 3)
            command = [
                py_spy,
                "record",
                "--pid",
                str(server.pid),
                "--rate",
                str(RATE),
                "--threads",
                "--native",
                "--idle",
            ]
            command += ["--full-filenames", "--format", "raw", "--output", str(raw)]
            with log.open("w") as spy_log:
                spy = subprocess.Popen(command, stdout=spy_log, stderr=subprocess.STDOUT)
                attached = _wait_attached(spy, log)
                if not attached:
                    spy.kill()
                    spy.wait()
                    return {"error": f"py-spy could not sample the server (ptrace refused?): {log.read_text()[-500:]}"}
                sampling_started = time.perf_counter()
                cpu_before = _process_cpu(server.pid)
                profiled = client.ask("run", "describe_gateway", arns, CALLS)
                cpu = _process_cpu(server.pid) - cpu_before
                spy.send_signal(signal.SIGINT)
                sampled_seconds = time.perf_counter() - sampling_started
                spy.wait(timeout=60)
        finally:
            client.stop()
    per_thread: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for line in raw.read_text().splitlines():
        match = _LINE.match(line)
        if match is not None:
            stack = match["stack"]
            per_thread[thread_group(stack)][state(stack.split(";")[1:])] += int(match["count"])
    # py-spy takes one sample of every thread per tick, at RATE or slower when it cannot keep up: the event loop
    # thread (there is one) was sampled once per tick, so a sample stands for `sampled_seconds / ticks` of one thread.
    ticks = sum(per_thread["event loop thread"].values())
    per_call_ms = sampled_seconds / ticks * 1000 / CALLS
    threads = {
        group: {
            "busy_ms_per_call": sum(count for name, count in counts.items() if name != IDLE) * per_call_ms,
            "ms_per_call": {name: count * per_call_ms for name, count in counts.most_common()},
        }
        for group, counts in sorted(per_thread.items())
    }
    running: collections.Counter[str] = collections.Counter()
    for counts in per_thread.values():
        running.update({name: count for name, count in counts.items() if name.startswith("running")})
    return {
        "calls": CALLS,
        "rate_hz": RATE,
        "effective_rate_hz": ticks / sampled_seconds,
        "latency_unprofiled": percentiles(unprofiled),
        "latency_profiled": percentiles(profiled),
        "process_cpu_ms_per_call": cpu * 1000 / CALLS,
        "running_ms_per_call": {name: count * per_call_ms for name, count in running.most_common()},
        "threads": threads,
        "raw_stacks": str(raw.relative_to(ROOT)),
        "seconds": time.perf_counter() - started,
    }


def _wait_attached(spy: subprocess.Popen[bytes], log: Path, timeout: float = 20.0) -> bool:
    """Whether py-spy started sampling (it says so) before `timeout`, rather than exiting."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if "Sampling process" in log.read_text():
            return True
        if spy.poll() is not None:
            return False
        time.sleep(0.05)
    return False


def report(result: dict[str, Any]) -> list[str]:
    """The result as printable lines."""
    if "error" in result:
        return [f"Profile of DescribeExecution: not measured: {result['error']}"]
    lines = [
        f"Where the server's time goes in an uncached DescribeExecution (0 ms backend; py-spy, "
        f"{result['effective_rate_hz']:.0f} samples/s per thread, {result['calls']} calls), ms per call:",
        f"  latency p50 {result['latency_unprofiled']['p50_ms']:.2f} ms unprofiled, "
        f"{result['latency_profiled']['p50_ms']:.2f} ms while sampled; the server process's CPU "
        f"{result['process_cpu_ms_per_call']:.2f} ms per call",
    ]
    for group, figures in result["threads"].items():
        lines.append(f"  {group}: {figures['busy_ms_per_call']:.3f} ms per call not idle")
        for name, value in figures["ms_per_call"].items():
            if name != IDLE and value >= 0.001:
                lines.append(f"    {value:6.3f}  {name}")
    lines.append(f"  ({result['seconds']:.0f} s; stacks in {result['raw_stacks']})")
    return lines
