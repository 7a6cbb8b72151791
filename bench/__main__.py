"""`python -m bench [convert|stream ...]`: run the benchmarks (all by default), print tables, write
bench/results/*.json and *.png."""

from __future__ import annotations

import json
import platform
import sys
from pathlib import Path
from typing import Any

from bench import convert_bench, stream_bench

RESULTS = Path(__file__).resolve().parent / "results"


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


BENCHMARKS = {"convert": _convert, "stream": _stream}


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
