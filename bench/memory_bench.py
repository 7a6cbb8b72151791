"""The server's memory and upstream reads with large histories, against a 32 MiB history cache budget.

Processes as in bench/harness.py: the fake endpoint (0 ms latency: the read goes as fast as it can),
the server (`python -m service` with SFN_GRPC_HISTORY_CACHE_BYTES=32 MiB, a fresh one for each
measurement) and one client process. The server's resident memory is read from /proc: its peak
(the kernel's record, reset before each measurement, and samples every 10 ms) minus what it held,
idle and warmed up, just before.

1. Two slow readers at once of ~100 MB histories (400 events x 256 KiB): one of a final
   (SUCCEEDED) execution, one of a RUNNING one. Each reads one message of StreamExecutionHistory,
   then pauses, again and again, for at most `READ_SECONDS`, then goes away.
2. GetExecutionHistory with max_results=1 on another final ~100 MB history, never read before but
   described once, so that the server knows it is final (as after any earlier reader of it).
3. Paging a final 25,000-event history (2 KiB payloads, ~56 MB: over the budget), described once
   too, with max_results=1000 through GetExecutionHistory: the upstream GetExecutionHistory calls it
   costs.
"""

from __future__ import annotations

import time
from multiprocessing.connection import Connection
from typing import Any

from bench.harness import MIB, MemoryWatch, ServerProcess, Worker

CACHE_BYTES = 32 * MIB
BIG_EVENTS = 400
BIG_PAYLOAD = 256 * 1024
READ_PAUSE = 0.5  # seconds between two messages, per reader
READ_SECONDS = 12.0  # each reader gives up after this long
PAGED_EVENTS = 25_000
PAGED_PAYLOAD = 2048
PAGE_SIZE = 1000
PAGING_SECONDS = 240.0  # paging gives up after this long (a reload per page can be slow)

TARGET_GROWTH_MIB = 200.0  # the bound on the server's growth with the two slow readers

SETTINGS = {"SFN_GRPC_HISTORY_CACHE_BYTES": str(CACHE_BYTES)}


def _client_process(conn: Connection, target: str) -> None:
    """Read as the parent asks; each answer says what was read and how long it took."""
    import threading

    import grpc
    from sfngrpc.stepfunctions.v1 import executions_pb2, gateway_pb2, history_pb2, service_pb2_grpc

    options = [("grpc.max_receive_message_length", 8 << 20)]

    def slow_read(arn: str, pause: float, budget: float, out: dict[str, Any]) -> None:
        with grpc.insecure_channel(target, options=options) as channel:
            stream = service_pb2_grpc.StepFunctionsServiceStub(channel).StreamExecutionHistory(
                gateway_pb2.StreamExecutionHistoryRequest(execution_arn=arn), timeout=budget + 60
            )
            started = time.perf_counter()
            out.update(messages=0, events=0, bytes=0, complete=False)
            try:
                for message in stream:
                    out["messages"] += 1
                    out["events"] += len(message.events)
                    out["bytes"] += message.ByteSize()
                    if time.perf_counter() - started + pause > budget:
                        break
                    time.sleep(pause)
                else:
                    out["complete"] = True
            finally:
                stream.cancel()
                out["seconds"] = time.perf_counter() - started

    def page(arn: str, max_results: int, budget: float, max_pages: int = 1 << 30) -> dict[str, Any]:
        with grpc.insecure_channel(target, options=options) as channel:
            stub = service_pb2_grpc.StepFunctionsServiceStub(channel)
            request = history_pb2.GetExecutionHistoryRequest(execution_arn=arn, max_results=max_results)
            started = time.perf_counter()
            pages = events = last = 0
            in_order = True
            while pages < max_pages and time.perf_counter() - started < budget:
                answer = stub.GetExecutionHistory(request, timeout=max(1.0, budget))
                pages += 1
                for event in answer.events:
                    in_order = in_order and event.id == last + 1
                    last = event.id
                    events += 1
                if not answer.next_token:
                    break
                request.next_token = answer.next_token
            return {"pages": pages, "events": events, "in_order": in_order, "seconds": time.perf_counter() - started}

    def describe(arn: str) -> str:
        with grpc.insecure_channel(target, options=options) as channel:
            stub = service_pb2_grpc.StepFunctionsServiceStub(channel)
            answer = stub.DescribeExecution(executions_pb2.DescribeExecutionRequest(execution_arn=arn), timeout=30)
            return executions_pb2.ExecutionStatus.Name(answer.status)

    def stream_all(arn: str) -> int:
        with grpc.insecure_channel(target, options=options) as channel:
            stub = service_pb2_grpc.StepFunctionsServiceStub(channel)
            request = gateway_pb2.StreamExecutionHistoryRequest(execution_arn=arn)
            return sum(len(message.events) for message in stub.StreamExecutionHistory(request, timeout=60))

    while True:
        command, *args = conn.recv()
        try:
            if command == "stop":
                conn.send(None)
                return
            if command == "slow_readers":
                arns, pause, budget = args
                results: list[dict[str, Any]] = [{} for _ in arns]
                threads = [
                    threading.Thread(target=slow_read, args=(arn, pause, budget, out))
                    for arn, out in zip(arns, results, strict=True)
                ]
                for thread in threads:
                    thread.start()
                for thread in threads:
                    thread.join()
                conn.send(results)
            elif command == "page":
                conn.send(page(*args))
            elif command == "describe":
                conn.send(describe(*args))
            elif command == "stream_all":
                conn.send(stream_all(*args))
            else:
                raise ValueError(f"unknown command {command!r}")
        except Exception as exc:
            conn.send(exc)


class _Phase:
    """A fresh server with the 32 MiB budget, warmed up (imports, converter plans, connections) by
    streaming a small final and a small running history, and a client process aimed at it."""

    def __init__(self, name: str, fake: Worker, endpoint_url: str, warm: tuple[str, str]) -> None:
        self.server = ServerProcess(name, endpoint_url, SETTINGS)
        self.client = Worker(_client_process, self.server.target)
        for arn in warm:
            self.client.ask("stream_all", arn)
            self.client.ask("page", arn, 10, 30.0, 1)
        self.fake = fake

    def close(self) -> None:
        self.client.stop()
        self.server.stop()


def _known_final(phase: _Phase, arn: str) -> None:
    """DescribeExecution through the server: it then knows the execution is final, as it would after any
    earlier reader of it (a first unary page of an execution it knows nothing of goes straight to AWS)."""
    status = phase.client.ask("describe", arn)
    if status != "EXECUTION_STATUS_SUCCEEDED":
        raise AssertionError(f"{arn} is {status}")


def run(fake: Worker, endpoint_url: str) -> dict[str, Any]:
    """Measure; the results and the targets."""
    started = time.perf_counter()
    fake.ask("latency", 0.0)
    machine = fake.ask("machine", "memory-bench")
    warm = (
        fake.ask("execution", machine, "SUCCEEDED", 200, 1024),
        fake.ask("execution", machine, "RUNNING", 200, 1024),
    )
    final = fake.ask("execution", machine, "SUCCEEDED", BIG_EVENTS, BIG_PAYLOAD)
    running = fake.ask("execution", machine, "RUNNING", BIG_EVENTS, BIG_PAYLOAD)
    final_unread = fake.ask("execution", machine, "SUCCEEDED", BIG_EVENTS, BIG_PAYLOAD)
    paged = fake.ask("execution", machine, "SUCCEEDED", PAGED_EVENTS, PAGED_PAYLOAD)
    result: dict[str, Any] = {
        "cache_bytes": CACHE_BYTES,
        "big_history": {"events": BIG_EVENTS, "payload_bytes": BIG_PAYLOAD},
        "paged_history": {"events": PAGED_EVENTS, "payload_bytes": PAGED_PAYLOAD, "page_size": PAGE_SIZE},
    }

    # 1. Two slow readers.
    phase = _Phase("memory-readers", fake, endpoint_url, warm)
    try:
        before = {arn: fake.ask("history_calls_of", arn) for arn in (final, running)}
        with MemoryWatch(phase.server) as watch:
            readers = phase.client.ask("slow_readers", [final, running], READ_PAUSE, READ_SECONDS)
        upstream = {arn: fake.ask("history_calls_of", arn) - before[arn] for arn in (final, running)}
        result["slow_readers"] = {
            **watch.result(),
            "pause_seconds": READ_PAUSE,
            "read_seconds_at_most": READ_SECONDS,
            "final": {**readers[0], "upstream_history_calls": upstream[final]},
            "running": {**readers[1], "upstream_history_calls": upstream[running]},
            "rss_mib_over_time": [(round(t, 3), rss / MIB) for t, rss in watch.samples[::5]],
        }
    finally:
        phase.close()

    # 2. One event of a large final history, which the server knows to be final (as after any reader).
    phase = _Phase("memory-max-results-1", fake, endpoint_url, warm)
    try:
        _known_final(phase, final_unread)
        before_calls = fake.ask("history_calls_of", final_unread)
        with MemoryWatch(phase.server) as watch:
            one = phase.client.ask("page", final_unread, 1, 120.0, 1)
            if one["pages"] != 1 or one["events"] != 1:
                raise AssertionError(f"max_results=1 read {one}")
        result["max_results_1"] = {
            **watch.result(),
            "seconds": one["seconds"],
            "upstream_history_calls": fake.ask("history_calls_of", final_unread) - before_calls,
        }
    finally:
        phase.close()

    # 3. Paging a history over the budget.
    phase = _Phase("memory-paging", fake, endpoint_url, warm)
    try:
        _known_final(phase, paged)
        before_calls = fake.ask("history_calls_of", paged)
        with MemoryWatch(phase.server) as watch:
            paging = phase.client.ask("page", paged, PAGE_SIZE, PAGING_SECONDS)
        calls = fake.ask("history_calls_of", paged) - before_calls
        result["paging_over_budget"] = {
            **paging,
            **watch.result(),
            "complete": paging["events"] == PAGED_EVENTS and paging["in_order"],
            "upstream_history_calls": calls,
            "upstream_calls_per_page": calls / max(1, paging["pages"]),
        }
    finally:
        phase.close()

    readers_growth = result["slow_readers"]["rss_growth_mib"]
    paging = result["paging_over_budget"]
    result["targets"] = [
        {
            "target": f"two slow readers of ~100 MB histories, {CACHE_BYTES // MIB} MiB budget: "
            f"server RSS growth <= {TARGET_GROWTH_MIB:g} MiB",
            "figure": readers_growth,
            "met": readers_growth <= TARGET_GROWTH_MIB,
        },
        {
            # "A history over the budget costs one upstream call per page read, never a reload per page."
            "target": "paging a history over the budget: at most one upstream call per page read",
            "figure": paging["upstream_calls_per_page"],
            "met": paging["complete"] and paging["upstream_calls_per_page"] <= 1.0,
        },
    ]
    result["seconds"] = time.perf_counter() - started
    return result


def report(result: dict[str, Any]) -> list[str]:
    """The result as printable lines."""
    readers, one, paging = result["slow_readers"], result["max_results_1"], result["paging_over_budget"]
    big = result["big_history"]
    size = big["events"] * big["payload_bytes"] / 1e6
    lines = [
        f"Memory, history cache budget {result['cache_bytes'] // MIB} MiB (server RSS: peak - before, MiB):",
        f"  two slow readers ({size:.0f} MB histories, {readers['pause_seconds']} s between messages, "
        f"at most {readers['read_seconds_at_most']:g} s): growth {readers['rss_growth_mib']:.0f} MiB "
        f"(before {readers['rss_before_mib']:.0f}, peak {readers['rss_peak_mib']:.0f})",
    ]
    for name in ("final", "running"):
        r = readers[name]
        lines.append(
            f"    {name:8s} reader: {r['messages']} messages, {r['events']} events, {r['bytes'] / 1e6:.0f} MB in "
            f"{r['seconds']:.1f} s ({'whole' if r['complete'] else 'gave up'}); "
            f"{r['upstream_history_calls']} upstream GetExecutionHistory calls"
        )
    lines.append(
        f"  GetExecutionHistory max_results=1 of a final {size:.0f} MB history: growth {one['rss_growth_mib']:.0f} MiB "
        f"(peak {one['rss_peak_mib']:.0f}), {one['seconds']:.2f} s, {one['upstream_history_calls']} upstream calls"
    )
    lines.append(
        f"  paging a final {result['paged_history']['events']:,}-event history (over the budget) by "
        f"{result['paged_history']['page_size']}: {paging['pages']} pages, {paging['upstream_history_calls']} upstream "
        f"calls ({paging['upstream_calls_per_page']:.1f} per page), {paging['seconds']:.1f} s, "
        f"growth {paging['rss_growth_mib']:.0f} MiB{'' if paging['complete'] else ', INCOMPLETE'}"
    )
    lines.append("  targets:")
    for t in result["targets"]:
        lines.append(f"    [{'met' if t['met'] else 'MISSED'}] {t['target']}: {t['figure']:.2f}")
    lines.append(f"  ({result['seconds']:.0f} s)")
    return lines
