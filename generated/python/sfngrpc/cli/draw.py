"""Drawing a :class:`~sfngrpc.cli.timeline.Timeline`: bars of block characters in the terminal (rich), or an image.

The image (SVG or PNG) needs matplotlib, the optional extra ``sfn-grpc-client[timeline]``; everything
else needs only rich.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from rich.text import Text

from sfngrpc.cli.output import STATUS_STYLES, human_duration
from sfngrpc.cli.timeline import RUNNING, Row, Timeline

__all__ = ["IMAGE_FORMATS", "MAX_IMAGE_ROWS", "MissingExtraError", "draw_image", "draw_text"]

IMAGE_FORMATS = (".svg", ".png")
"""The file types ``timeline --out`` writes, by suffix."""

# A bar's colour by the kind of span, on a terminal (rich colour names) and in an image (hex); a
# failed, aborted or timed-out span is red whatever its kind, a running one is drawn lighter.
_KIND_STYLES = {
    "Pass": ("bright_blue", "#4c9be8"),
    "Task": ("blue", "#2f5fb5"),
    "Choice": ("magenta", "#b07cc6"),
    "Wait": ("yellow", "#e0b040"),
    "Parallel": ("green", "#3a9d5d"),
    "Branch": ("bright_green", "#9ad8a8"),
    "Map": ("cyan", "#2a8c8c"),
    "Iteration": ("bright_cyan", "#8fd0d0"),
}
_OTHER_STYLE = ("white", "#8a8a8a")
MAX_IMAGE_ROWS = 400
"""An image draws at most this many rows (a Map of 10,000 items would make it 3,000 inches tall)."""
_FAILED_STYLE = ("red", "#d9534f")
_FAILURES = {"FAILED", "ABORTED", "TIMED_OUT"}
_LABEL_MAX = 32
_BLOCK = "█"
_PARTIAL = " ▏▎▍▌▋▊▉"  # 0..7 eighths of a cell, for a bar's right end


class MissingExtraError(RuntimeError):
    """matplotlib is not installed: the image needs the ``timeline`` extra."""


def _style(kind: str, status: str) -> tuple[str, str]:
    if status in _FAILURES:
        return _FAILED_STYLE
    return _KIND_STYLES.get(kind, _OTHER_STYLE)


def _label(row: Row) -> str:
    text = "  " * row.depth + row.span.label
    return text if len(text) <= _LABEL_MAX else text[: _LABEL_MAX - 1] + "…"


def _bounds(timeline: Timeline, now: dt.datetime | None) -> tuple[dt.datetime, float]:
    """The chart's origin and its length in seconds.

    A running execution's chart ends at `now`, or, without `now` (a history read from a file), at its
    last event.
    """
    assert timeline.start is not None
    end = timeline.end or max(filter(None, (now, timeline.last_event)))
    return timeline.start, max((end - timeline.start).total_seconds(), 1e-3)


def _span_seconds(row: Row, origin: dt.datetime, right: float) -> tuple[float, float]:
    start = (row.span.start - origin).total_seconds()
    end = right if row.span.end is None else (row.span.end - origin).total_seconds()
    return start, max(end, start)


def _bar(start: float, end: float, total: float, width: int) -> str:
    """Spaces then blocks: a span from `start` to `end` seconds on a `width`-cell axis of `total` seconds."""
    # In eighths of a cell: the end is exact to an eighth, the start to a cell (block characters fill
    # a cell from its left); a span shorter than a cell is a sliver of its length where it started.
    scale = width * 8 / total
    start8 = min(round(start * scale), width * 8 - 1)
    end8 = min(max(round(end * scale), start8 + 1), width * 8)
    left = start8 // 8
    if end8 - start8 < 8:
        return " " * left + _PARTIAL[end8 - start8]
    full, part = divmod(end8 - left * 8, 8)
    return " " * left + _BLOCK * full + (_PARTIAL[part] if part else "")


def draw_text(timeline: Timeline, width: int, now: dt.datetime | None = None) -> list[Text]:
    """The timeline as lines `width` cells wide: label, type, status, start, duration, and a bar on a shared axis."""
    if timeline.start is None:
        return [Text("no events")]
    rows = timeline.rows()
    origin, total = _bounds(timeline, now)
    label_width = max([len("STATE"), *(len(_label(r)) for r in rows)])
    fixed = f"{'STATE':<{label_width}}  {'TYPE':<9}  {'STATUS':<9}  {'START':>8}  {'DURATION':>9}  "
    bar_width = max(width - len(fixed), 10)
    lines = [Text(fixed + "TIME", style="bold")]
    for row in rows:
        span = row.span
        start, end = _span_seconds(row, origin, total)
        terminal_style, _ = _style(span.kind, span.status)
        line = Text(f"{_label(row):<{label_width}}  {span.kind:<9}  ")
        line.append(f"{span.status:<9}", style=STATUS_STYLES.get(span.status, ""))
        line.append(f"  {'+' + human_duration(start):>8}  {human_duration(end - start):>9}  ")
        line.append(
            _bar(start, end, total, bar_width), style=terminal_style + (" dim" if span.status == RUNNING else "")
        )
        lines.append(line)
    # The axis: the origin under the bars' left edge, the length at their right.
    end_label = human_duration(total)
    axis = " " * len(fixed) + "0" + " " * max(bar_width - 1 - len(end_label), 1) + end_label
    lines.append(Text(axis, style="dim"))
    status = timeline.status if timeline.end is not None else RUNNING
    summary = Text("Execution ")
    summary.append(status, style=STATUS_STYLES.get(status, ""))
    summary.append(_length_words(timeline, total, now))
    lines.append(summary)
    return lines


def _length_words(timeline: Timeline, total: float, now: dt.datetime | None) -> str:
    """How long the chart is, in words that follow the status.

    `` after 2.05 s`` (ended), ``, 6 min 3 s so far`` (running, measured to `now`), or `` at its last
    event, 6.2 s after it started`` (running, a history read from a file: no `now`).
    """
    if timeline.end is not None:
        return f" after {human_duration(total)}"
    if now is None:
        return f" at its last event, {human_duration(total)} after it started"
    return f", {human_duration(total)} so far"


def draw_image(timeline: Timeline, path: Path, title: str, now: dt.datetime | None = None) -> None:
    """Write the timeline to `path` as SVG or PNG (by its suffix) with matplotlib's horizontal bars."""
    if path.suffix.lower() not in IMAGE_FORMATS:
        raise ValueError(f"--out must end in {' or '.join(IMAGE_FORMATS)}, not {path.suffix or 'nothing'!r}")
    try:
        import matplotlib

        matplotlib.use("Agg")  # no display: a file only
        from matplotlib import pyplot
        from matplotlib.patches import Patch
    except ImportError as error:
        raise MissingExtraError(
            "timeline --out needs matplotlib: pip install 'sfn-grpc-client[timeline]'"
            " (in this repository: .venv/bin/pip install -c constraints.txt -e './generated/python[timeline]')"
        ) from error
    every = timeline.rows()
    rows = every[:MAX_IMAGE_ROWS]
    if timeline.start is None:
        raise ValueError("the execution has no events to draw")
    origin, total = _bounds(timeline, now)
    # Text stays text in an SVG (searchable, and the same bytes on every machine); no date in the file.
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "sfn-grpc", "font.size": 9}):
        figure, axes = pyplot.subplots(figsize=(10, 0.9 + 0.3 * len(rows)), dpi=100)
        try:
            for y, row in enumerate(rows):
                start, end = _span_seconds(row, origin, total)
                _, colour = _style(row.span.kind, row.span.status)
                running = row.span.status == RUNNING
                axes.broken_barh(
                    [(start, max(end - start, total / 400))],
                    (y - 0.35, 0.7),
                    facecolors=colour,
                    alpha=0.5 if running else 1.0,
                    hatch="//" if running else None,
                    edgecolor="none",
                )
            axes.set_yticks(range(len(rows)), ["    " * r.depth + r.span.label for r in rows])
            for tick, row in zip(axes.get_yticklabels(), rows, strict=True):
                tick.set_horizontalalignment("left")
                tick.set_fontweight("bold" if row.depth == 0 else "normal")
            label_chars = max((4 * r.depth + len(r.span.label) for r in rows), default=10)
            axes.tick_params(axis="y", pad=6 * label_chars * 0.95, length=0)
            axes.set_ylim(len(rows) - 0.5, -0.5)
            axes.set_xlim(0, total)
            axes.set_xlabel("seconds since the execution started")
            axes.grid(axis="x", linestyle=":", linewidth=0.6)
            axes.set_axisbelow(True)
            status = timeline.status if timeline.end is not None else RUNNING
            shown = f" (the first {len(rows)} of {len(every)} rows)" if len(rows) < len(every) else ""
            # A running execution read from a file says so; otherwise the length alone.
            ended_or_live = timeline.end is not None or now is not None
            length = f", {human_duration(total)}" if ended_or_live else _length_words(timeline, total, now)
            axes.set_title(f"{title}: {status}{length}{shown}", loc="left")
            kinds = list(dict.fromkeys(r.span.kind for r in rows))
            legend = [Patch(color=_style(k, "SUCCEEDED")[1], label=k) for k in kinds]
            if any(r.span.status in _FAILURES for r in rows):
                legend.append(Patch(color=_FAILED_STYLE[1], label="failed"))
            axes.legend(handles=legend, loc="upper left", bbox_to_anchor=(1.01, 1.0), borderaxespad=0, fontsize=8)
            figure.tight_layout()
            metadata = {"Date": None} if path.suffix.lower() == ".svg" else {"Software": None}
            figure.savefig(path, metadata=metadata, bbox_inches="tight")
        finally:
            pyplot.close(figure)
