"""How the command line writes: rich tables and colour on a terminal, padded plain text otherwise, JSON for programs."""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Sequence
from typing import TextIO

from google.protobuf import json_format
from google.protobuf.message import Message
from google.protobuf.timestamp_pb2 import Timestamp
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

    def table(self, headers: Sequence[str], rows: Sequence[Sequence[Text | str]]) -> None:
        """Rows under their headers, columns aligned: a rich table on a terminal, padded plain text otherwise."""
        if self.terminal:
            table = Table(*headers, box=None, header_style="bold", pad_edge=False)
            for row in rows:
                table.add_row(*row)
            self.console.print(table)
            return
        plain = [[str(c) for c in headers], *[[c.plain if isinstance(c, Text) else c for c in row] for row in rows]]
        widths = [max(len(r[i]) for r in plain) for i in range(len(headers))]
        for row in plain:
            self.console.file.write("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() + "\n")

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
