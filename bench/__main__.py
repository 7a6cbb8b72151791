"""`python -m bench [convert|stream|unary|memory|profile ...]`: run the benchmarks (all by default),
print tables, write bench/results/*.json and *.png.

- convert: the converter against botocore's parser (in process);
- stream: StreamExecutionHistory against boto3's paginator, cold and warm (bench/stream_bench.py);
- unary: uncached DescribeExecution and GetExecutionHistory through the gateway against boto3
  direct, and the pieces of a call (bench/unary_bench.py);
- memory: the server's RSS with slow readers of large histories, max_results=1, and paging a
  history over the cache budget (bench/memory_bench.py);
- profile: where the server's time goes per DescribeExecution, sampled by py-spy
  (bench/profile_describe.py);
- quota: what taking a token of the AWS quota costs a call (bench/quota_bench.py);
- load: ghz against the gateway vs a boto3 thread pool of the same size, and ghz past the gateway's
  limits (bench/load_bench.py; `make bench` builds the pinned ghz);
- tls: unary latency over plaintext, TLS and mTLS (bench/tls_bench.py).
"""

from __future__ import annotations

import json
import platform
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench import (
    convert_bench,
    load_bench,
    memory_bench,
    profile_describe,
    quota_bench,
    stream_bench,
    tls_bench,
    unary_bench,
)
from bench.harness import MIB, RESULTS, Worker, fake_process


def _machine() -> dict[str, Any]:
    import os

    import botocore
    import grpc
    from google.protobuf import __version__ as protobuf_version

    return {
        "python": platform.python_version(),
        "cpu": platform.processor() or platform.machine(),
        "cores": os.cpu_count(),
        "grpcio": grpc.__version__,
        "botocore": botocore.__version__,
        "protobuf": protobuf_version,
    }


def _plot(name: str, title: str, paths: dict[str, dict[str, float]]) -> Path:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    labels = list(paths)
    values = [paths[k]["events_per_second"] / 1000 for k in labels]
    fig, ax = plt.subplots(figsize=(8, 3.5))
    ax.barh(labels[::-1], values[::-1], color="#4078c0")
    ax.set_xlabel("thousand events per second (higher is better)")
    ax.set_title(title)
    for y, v in enumerate(values[::-1]):
        ax.text(v, y, f" {v:,.0f}k", va="center")
    fig.tight_layout()
    out = RESULTS / f"{name}.png"
    fig.savefig(out, dpi=100)
    plt.close(fig)
    return out


def _plot_stream(result: dict[str, Any]) -> Path:
    """Total and first-event seconds per path and latency, side by side (lower is better)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    paths = [
        ("paginator", "boto3 paginator", "#999999"),
        ("stream_running", "stream, RUNNING", "#4078c0"),
        ("stream_succeeded", "stream, SUCCEEDED cold", "#6cc644"),
    ]
    latencies = list(result["latencies"])
    warm = result["warm"]
    fig, axes = plt.subplots(1, 2, figsize=(11, 4))
    for ax, metric, label in (
        (axes[0], "total_seconds", "whole history, seconds"),
        (axes[1], "first_event_seconds", "first event / first page, seconds"),
    ):
        width = 0.8 / (len(paths) + 1)
        for i, (key, name, color) in enumerate(paths):
            values = [result["latencies"][lat][key][metric] for lat in latencies]
            xs = [x + i * width for x in range(len(latencies))]
            bars = ax.bar(xs, values, width, label=name, color=color)
            ax.bar_label(bars, fmt="%.3f", fontsize=7)
        xs = [x + len(paths) * width for x in range(len(latencies))]
        # Measured once: a warm stream makes no upstream call, so latency does not apply to it.
        label_warm = f"stream, warm (cached, {warm['backend_calls']} backend calls)"
        bars = ax.bar(xs, [warm[metric]] * len(latencies), width, label=label_warm, color="#f29513")
        ax.bar_label(bars, fmt="%.3f", fontsize=7)
        ax.set_xticks([x + width * len(paths) / 2 for x in range(len(latencies))])
        ax.set_xticklabels([f"{lat} upstream latency" for lat in latencies])
        ax.set_ylabel(label + " (lower is better)")
    axes[0].legend(fontsize=8)
    fig.suptitle(
        f"StreamExecutionHistory vs boto3 paginator, {result['events']:,} events "
        f"({result['payload_bytes']}-byte payloads), median of {result['repeats']}",
        fontsize=10,
    )
    fig.text(0.5, 0.01, result["note"], ha="center", fontsize=7, color="#555555")
    fig.tight_layout(rect=(0, 0.04, 1, 1))
    out = RESULTS / "stream.png"
    fig.savefig(out, dpi=100)
    plt.close(fig)
    return out


def _convert() -> None:
    result = convert_bench.run()
    result["machine"] = _machine()
    (RESULTS / "convert.json").write_text(json.dumps(result, indent=2) + "\n")
    print(f"converter, one {result['page_events']}-event history page ({result['page_bytes']:,} bytes):")
    for path, rate in result["paths"].items():
        print(f"  {path:28s} {rate['events_per_second']:>12,.0f} events/s  {rate['median_ms_per_page']:8.2f} ms/page")
    print("plot:", _plot("convert", "Converter throughput (1,000-event history page)", result["paths"]))


def _stream() -> None:
    result = stream_bench.run()
    result["machine"] = _machine()
    (RESULTS / "stream.json").write_text(json.dumps(result, indent=2) + "\n")
    print("\n".join(stream_bench.report(result)))
    print("plot:", _plot_stream(result))


def _against_fake(name: str, run: Callable[[Worker, str], dict[str, Any]]) -> dict[str, Any]:
    """Run a benchmark against a fake endpoint in its own process; record and print its result."""
    fake = Worker(fake_process)
    try:
        result = run(fake, fake.conn.recv())
    finally:
        fake.stop()
    result["machine"] = _machine()
    (RESULTS / f"{name}.json").write_text(json.dumps(result, indent=2) + "\n")
    return result


def _unary() -> None:
    result = _against_fake("unary", unary_bench.run)
    print("\n".join(unary_bench.report(result)))
    print("plot:", _plot_unary(result))


def _memory() -> None:
    result = _against_fake("memory", memory_bench.run)
    print("\n".join(memory_bench.report(result)))
    print("plot:", _plot_memory(result))


def _profile() -> None:
    result = _against_fake("profile_describe", profile_describe.run)
    print("\n".join(profile_describe.report(result)))
    if "error" not in result:
        print("plot:", _plot_profile(result))


def _plot_unary(result: dict[str, Any]) -> Path:
    """p50 (bars) and p99 (ticks) per call, gateway against boto3 direct; the pieces beside them."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(1, 3, figsize=(13, 4))
    at0 = result["latencies"]["0ms"]["describe"]
    groups = [
        ("DescribeExecution", "describe", axes[0]),
        ("GetExecutionHistory, 1,000 events", "history", axes[1]),
    ]
    for title, kind, ax in groups:
        latencies = list(result["latencies"])
        for offset, (path, label, color) in enumerate(
            ((f"{kind}_boto3", "boto3 direct", "#999999"), (f"{kind}_gateway", "through the gateway", "#4078c0"))
        ):
            xs = [x + offset * 0.4 for x in range(len(latencies))]
            p50 = [result["latencies"][lat][kind][path]["p50_ms"] for lat in latencies]
            p99 = [result["latencies"][lat][kind][path]["p99_ms"] for lat in latencies]
            bars = ax.bar(xs, p50, 0.4, label=f"{label} p50", color=color)
            ax.bar_label(bars, fmt="%.1f", fontsize=7)
            ax.scatter(xs, p99, marker="_", s=200, color="black", label="p99" if offset else None)
        ax.set_xticks([x + 0.2 for x in range(len(latencies))])
        ax.set_xticklabels(
            [
                f"{lat} backend\n{result['latencies'][lat][kind]['p50_ratio']:.2f}x "
                f"(target {result['latencies'][lat][kind]['target_p50_ratio']:g}x)"
                for lat in latencies
            ]
        )
        ax.set_ylabel("ms per call (lower is better)")
        ax.set_title(title, fontsize=10)
        ax.legend(fontsize=7)
    pieces = [
        ("gRPC hop\n(health Check)", at0["grpc_hop"]),
        ("refused by\nvalidation", at0["refused_by_validation"]),
        ("DescribeExecution\nboto3 direct", at0["describe_boto3"]),
        ("DescribeExecution\ngateway", at0["describe_gateway"]),
    ]
    bars = axes[2].bar(range(len(pieces)), [p["p50_ms"] for _, p in pieces], color="#6cc644")
    axes[2].bar_label(bars, fmt="%.2f", fontsize=7)
    axes[2].scatter(range(len(pieces)), [p["p99_ms"] for _, p in pieces], marker="_", s=200, color="black")
    axes[2].set_xticks(range(len(pieces)))
    axes[2].set_xticklabels([label for label, _ in pieces], fontsize=7)
    axes[2].set_title("The pieces at 0 ms backend latency (p50, p99)", fontsize=10)
    fig.suptitle("Uncached unary calls on RUNNING executions, timed in the client process", fontsize=10)
    fig.tight_layout()
    out = RESULTS / "unary.png"
    fig.savefig(out, dpi=100)
    plt.close(fig)
    return out


def _plot_memory(result: dict[str, Any]) -> Path:
    """The server's RSS while two slow readers read, against the target."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    readers = result["slow_readers"]
    fig, ax = plt.subplots(figsize=(8, 4))
    times = [t for t, _ in readers["rss_mib_over_time"]]
    ax.plot(times, [rss for _, rss in readers["rss_mib_over_time"]], color="#4078c0", label="server RSS")
    ax.axhline(readers["rss_before_mib"], color="#999999", linestyle=":", label="before")
    limit = readers["rss_before_mib"] + memory_bench.TARGET_GROWTH_MIB
    ax.axhline(limit, color="#bd2c00", linestyle="--", label=f"target: before + {memory_bench.TARGET_GROWTH_MIB:g} MiB")
    ax.set_xlabel("seconds")
    ax.set_ylabel("MiB")
    ax.set_title(
        f"Two slow readers of {result['big_history']['events']} x {result['big_history']['payload_bytes'] // 1024} KiB "
        f"histories (final, running), cache budget {result['cache_bytes'] // MIB} MiB",
        fontsize=10,
    )
    ax.legend(fontsize=8)
    fig.tight_layout()
    out = RESULTS / "memory.png"
    fig.savefig(out, dpi=100)
    plt.close(fig)
    return out


def _plot_profile(result: dict[str, Any]) -> Path:
    """Milliseconds per call of each thread, by what it was doing (idle left out)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    threads = list(result["threads"])
    states = sorted(
        {name for t in threads for name in result["threads"][t]["ms_per_call"] if name != profile_describe.IDLE},
        key=lambda name: -sum(result["threads"][t]["ms_per_call"].get(name, 0) for t in threads),
    )
    fig, ax = plt.subplots(figsize=(13, 4.5))
    left = [0.0] * len(threads)
    colors = plt.get_cmap("tab20").colors
    for index, name in enumerate(states):
        values = [result["threads"][t]["ms_per_call"].get(name, 0.0) for t in threads]
        ax.barh(threads, values, left=left, label=name, color=colors[index % len(colors)])
        left = [a + b for a, b in zip(left, values, strict=True)]
    ax.set_xlabel("ms per call (idle time left out)")
    ax.set_title(
        f"Uncached DescribeExecution, server side, 0 ms backend: p50 {result['latency_unprofiled']['p50_ms']:.2f} ms "
        f"(py-spy, {result['calls']} calls)",
        fontsize=10,
    )
    ax.legend(fontsize=6, loc="upper left", bbox_to_anchor=(1.01, 1.0))
    fig.tight_layout()
    out = RESULTS / "profile_describe.png"
    fig.savefig(out, dpi=100)
    plt.close(fig)
    return out


def _quota() -> None:
    result = quota_bench.run()
    result["machine"] = _machine()
    (RESULTS / "quota.json").write_text(json.dumps(result, indent=2) + "\n")
    print("\n".join(quota_bench.report(result)))


def _load() -> None:
    result = _against_fake("load", load_bench.run)
    print("\n".join(load_bench.report(result)))


def _tls() -> None:
    result = _against_fake("tls", tls_bench.run)
    print("\n".join(tls_bench.report(result)))


BENCHMARKS = {
    "convert": _convert,
    "stream": _stream,
    "unary": _unary,
    "memory": _memory,
    "profile": _profile,
    "quota": _quota,
    "load": _load,
    "tls": _tls,
}


def main(argv: list[str] | None = None) -> None:
    """Run the benchmarks named on the command line (every one by default) and record the results."""
    names = (sys.argv[1:] if argv is None else argv) or list(BENCHMARKS)
    unknown = [name for name in names if name not in BENCHMARKS]
    if unknown:
        raise SystemExit(f"unknown benchmark(s) {unknown}; choose from {list(BENCHMARKS)}")
    RESULTS.mkdir(exist_ok=True)
    for name in names:
        BENCHMARKS[name]()


if __name__ == "__main__":
    main()
