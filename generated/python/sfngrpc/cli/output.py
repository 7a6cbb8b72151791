"""How the command line writes: rich tables and colour on a terminal, padded plain text otherwise, JSON for programs."""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Callable, Sequence
from typing import TextIO

from google.protobuf import json_format
from google.protobuf.message import Message
from google.protobuf.timestamp_pb2 import Timestamp
from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from rich.text import Text

__all__ = [
    "STATUS_STYLES",
    "Output",
    "human_duration",
    "local_time",
    "message_json",
    "status_name",
]

# Colour of a status (an execution's, a state's) wherever it is shown.
STATUS_STYLES = {
    "RUNNING": "bold yellow",
    "SUCCEEDED": "bold green",
    "FAILED": "bold red",
    "TIMED_OUT": "bold red",
    "ABORTED": "bold magenta",
    "PENDING_REDRIVE": "bold cyan",
}


def status_name(enum_name: str) -> str:
    """``EXECUTION_STATUS_SUCCEEDED`` -> ``SUCCEEDED``: the AWS spelling of a status enum value."""
    for prefix in ("EXECUTION_STATUS_", "STATE_MACHINE_TYPE_", "STATE_MACHINE_STATUS_", "EXECUTION_CHANGE_"):
        if enum_name.startswith(prefix):
            return enum_name[len(prefix) :]
    return enum_name


def message_json(message: Message) -> str:
    """A message as one line of proto JSON: AWS member names (the protos' json_name), as grpcurl prints it."""
    return json.dumps(json_format.MessageToDict(message), ensure_ascii=False, separators=(",", ":"))


def human_duration(seconds: float) -> str:
    """A duration a person reads at a glance: ``850 ms``, ``2.05 s``, ``3 min 4 s``, ``2 h 5 min``, ``3 d 4 h``."""
    seconds = max(seconds, 0.0)
    if seconds < 1:
        return f"{seconds * 1000:.0f} ms"
    if seconds < 60:
        return f"{seconds:.2f} s" if seconds < 10 else f"{seconds:.1f} s"
    minutes, secs = divmod(round(seconds), 60)
    if minutes < 60:
        return f"{minutes} min {secs} s"
    hours, minutes = divmod(minutes, 60)
    if hours < 24:
        return f"{hours} h {minutes} min"
    days, hours = divmod(hours, 24)
    return f"{days} d {hours} h"


def to_datetime(stamp: Timestamp) -> dt.datetime:
    """A protobuf Timestamp as an aware UTC datetime."""
    return stamp.ToDatetime(tzinfo=dt.UTC)


def local_time(when: dt.datetime, *, precise: bool = False) -> str:
    """A time in the machine's time zone: ``2026-11-26 08:03:41``, or ``08:03:41.287`` when `precise`."""
    local = when.astimezone()
    if precise:
        return local.strftime("%H:%M:%S.") + f"{local.microsecond // 1000:03d}"
    return local.strftime("%Y-%m-%d %H:%M:%S")


_FOLDED_MIN = 8
"""The fewest cells a folded table column is given."""


class _Console(Console):
    """A rich console that lets a closed pipe (``sfn-grpc history ... | head``) reach the command's exit code.

    rich's own exits with status 1 at once, which this command line uses for local errors.
    """

    def on_broken_pipe(self) -> None:
        """Stop writing, and tell the caller the reader left."""
        self.quiet = True
        raise BrokenPipeError


class Output:
    """Where results go: stdout for results, stderr for errors and progress."""

    def __init__(self, *, as_json: bool, stdout: TextIO | None = None, stderr: TextIO | None = None) -> None:
        self.as_json = as_json
        # file=None follows sys.stdout as it is at each write (rich's progress display redirects it).
        self.console = _Console(file=stdout, soft_wrap=True, highlight=False)
        self.errors = Console(file=stderr or sys.stderr, soft_wrap=True, highlight=False)

    @property
    def terminal(self) -> bool:
        """Whether results go to a terminal (a person reads them)."""
        return self.console.is_terminal

    def json_line(self, message: Message) -> None:
        """One message as a line of JSON."""
        self.console.file.write(message_json(message) + "\n")
        self.console.file.flush()

    def line(self, text: Text | str) -> None:
        """A line of text (its styles are dropped when results do not go to a terminal)."""
        self.console.print(text, no_wrap=True, overflow="ignore", crop=False)

    def table(
        self,
        headers: Sequence[str],
        rows: Sequence[Sequence[Text | str]],
        *,
        whole: int | None = None,
        droppable: Sequence[int] = (),
    ) -> None:
        """Rows under their headers, columns aligned: a rich table on a terminal, padded plain text otherwise.

        On a terminal too narrow for every column, the columns in `droppable` go first, in that order;
        then the others wrap (fold), except column `whole` (an ARN, copied whole), which is never cut: if
        even it does not fit, each row's `whole` value goes on a line of its own under the row, indented
        (the terminal wraps it; it stays one line for copying).
        """
        if self.terminal:
            self._terminal_table(headers, rows, whole, droppable)
            return
        plain = [[str(c) for c in headers], *[[c.plain if isinstance(c, Text) else c for c in row] for row in rows]]
        widths = [max(len(r[i]) for r in plain) for i in range(len(headers))]
        for row in plain:
            self.console.file.write("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() + "\n")

    def _terminal_table(
        self, headers: Sequence[str], rows: Sequence[Sequence[Text | str]], whole: int | None, droppable: Sequence[int]
    ) -> None:
        def natural(column: int) -> int:
            return max(cell_len(str(row[column])) for row in [headers, *rows])

        def span(columns: Sequence[int], width: Callable[[int], int]) -> int:
            return sum(width(c) for c in columns) + 2 * (len(columns) - 1)  # two spaces between columns

        shown = list(range(len(headers)))
        for column in droppable:
            if span(shown, natural) <= self.console.width:
                break
            shown.remove(column)
        table = Table(box=None, header_style="bold", pad_edge=False)
        for column in shown:
            if column == whole:
                table.add_column(headers[column], no_wrap=True, min_width=natural(column))
            else:
                table.add_column(headers[column], overflow="fold")
        for row in rows:
            table.add_row(*(row[c] for c in shown))
        # The narrowest the table can be with column `whole` uncut (the others folded to a few cells).
        narrowest = span(shown, lambda c: natural(c) if c == whole else min(natural(c), _FOLDED_MIN))
        if whole is None or narrowest <= self.console.width:
            self.console.print(table)
            return
        # The value on its own line: the other columns get the width back (dropped ones too, if they fit).
        others = [c for c in range(len(headers)) if c != whole]
        for column in droppable:
            if span(others, natural) <= self.console.width:
                break
            others.remove(column)
        widths = {c: natural(c) for c in others}

        def padded(cells: Sequence[Text | str], style: str = "") -> Text:
            line = Text(style=style)
            for number, column in enumerate(others):
                cell = cells[column]
                line.append(cell if isinstance(cell, Text) else Text(cell))
                if number < len(others) - 1:
                    line.append(" " * (widths[column] - cell_len(str(cell)) + 2))
            return line

        self.line(padded(headers, "bold"))
        self.line(Text(f"  {headers[whole]}", style="bold"))
        for row in rows:
            self.line(padded(row))
            self.line(f"  {row[whole]}")

    def fields(self, pairs: Sequence[tuple[str, Text | str]]) -> None:
        """Named values, one per line, names aligned (a described execution)."""
        width = max((len(name) for name, _ in pairs), default=0)
        for name, value in pairs:
            line = Text(f"{name:<{width}}  ", style="bold")
            line.append(value if isinstance(value, Text) else Text(value))
            self.line(line)

    def status(self, name: str) -> Text:
        """A status word, coloured by what it means."""
        return Text(name, style=STATUS_STYLES.get(name, ""))
