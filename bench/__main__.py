"""`python -m bench`: run the benchmarks, print a table, write bench/results/*.json and *.png."""

from __future__ import annotations

import json
import platform
from pathlib import Path

from bench import convert_bench

RESULTS = Path(__file__).resolve().parent / "results"


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


def main() -> None:
    """Run every benchmark and record the results."""
    RESULTS.mkdir(exist_ok=True)
    result = convert_bench.run()
    result["machine"] = {"python": platform.python_version(), "cpu": platform.processor() or platform.machine()}
    (RESULTS / "convert.json").write_text(json.dumps(result, indent=2) + "\n")
    print(f"converter, one {result['page_events']}-event history page ({result['page_bytes']:,} bytes):")
    for path, rate in result["paths"].items():
        print(f"  {path:28s} {rate['events_per_second']:>12,.0f} events/s  {rate['median_ms_per_page']:8.2f} ms/page")
    print("plot:", _plot("convert", "Converter throughput (1,000-event history page)", result["paths"]))


if __name__ == "__main__":
    main()
