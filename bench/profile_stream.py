"""`python -m bench.profile_stream [streams] [regex]`: where a cold StreamExecutionHistory spends its time.

The fake endpoint runs in a child process with no latency (as in stream_bench); the server and a
grpc.aio client run here, on one event loop, under cProfile. boto3's calls run in the backend's
worker threads, which cProfile does not follow by itself: the executor is swapped for one whose
threads each run their own profiler, and all profiles are merged at the end. Prints the functions
with the most time of their own, then those with the most time including callees.
"""

from __future__ import annotations

import asyncio
import cProfile
import pstats
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from bench.harness import Worker
from bench.stream_bench import EVENTS, _fake_process

STREAMS = 3


async def _profile(streams: int) -> pstats.Stats:
    from sfngrpc.stepfunctions.v1 import gateway_pb2

    from tests.grpc_helpers import running_server, server_config

    fake = Worker(_fake_process)
    endpoint_url = await asyncio.to_thread(fake.conn.recv)
    profiles: list[cProfile.Profile] = []
    local = threading.local()

    def start_thread_profiler() -> None:
        local.profile = cProfile.Profile()
        profiles.append(local.profile)
        local.profile.enable()

    try:
        async with running_server(server_config(), endpoint_url) as (server, stub, _):
            assert server.aws is not None
            workers = server.aws._pool._max_workers
            server.aws._pool.shutdown()
            server.aws._pool = ThreadPoolExecutor(workers, initializer=start_thread_profiler)
            arns = [await asyncio.to_thread(fake.ask, "add", "RUNNING") for _ in range(streams + 1)]

            async def read(arn: str) -> int:
                count = 0
                request = gateway_pb2.StreamExecutionHistoryRequest(execution_arn=arn)
                async for message in stub.StreamExecutionHistory(request, timeout=120):
                    count += len(message.events)
                return count

            assert await read(arns[0]) == EVENTS  # warm-up, unprofiled
            main = cProfile.Profile()
            main.enable()
            started = time.perf_counter()
            for arn in arns[1:]:
                assert await read(arn) == EVENTS
            elapsed = time.perf_counter() - started
            main.disable()
            # Stop every worker thread's profiler on that thread: one task per thread, held by a barrier.
            barrier = threading.Barrier(workers)

            def stop_here() -> None:
                barrier.wait()
                profile: Any = getattr(local, "profile", None)
                if profile is not None:
                    profile.disable()

            await asyncio.gather(
                *(asyncio.get_running_loop().run_in_executor(server.aws._pool, stop_here) for _ in range(workers))
            )
    finally:
        fake.stop()
    print(f"{streams} cold streams of {EVENTS:,} events at 0 ms latency: {elapsed / streams:.3f} s each (profiled)")
    stats = pstats.Stats(main)
    for profile in profiles:
        stats.add(profile)
    return stats


def main() -> None:
    """Profile and print (`python -m bench.profile_stream [streams] [regex]`: only matching functions)."""
    streams = int(sys.argv[1]) if len(sys.argv) > 1 else STREAMS
    restrictions: list[Any] = [sys.argv[2]] if len(sys.argv) > 2 else []
    stats = asyncio.run(_profile(streams))
    stats.sort_stats("tottime").print_stats(*restrictions, 25)
    stats.sort_stats("cumulative").print_stats(*restrictions, 40)


if __name__ == "__main__":
    main()
