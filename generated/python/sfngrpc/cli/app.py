"""``sfn-grpc``: start, inspect, follow and draw Step Functions executions through an sfn-grpc gateway.

Every command is one or a few calls of the generated stubs (``sfngrpc.stepfunctions.v1``) on one
channel; nothing here knows AWS. On a terminal the output is for people (colour, aligned columns,
local times, human durations, a progress line while a long history streams); otherwise it is plain
text, and ``--json`` prints the API's own messages as JSON with AWS's member names.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import math
import os
import signal
import ssl
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

import grpc
from google.protobuf.duration_pb2 import Duration
from google.rpc import error_details_pb2, status_pb2
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.text import Text

from sfngrpc.cli import draw
from sfngrpc.cli.output import Output, human_duration, local_time, status_name, to_datetime
from sfngrpc.cli.timeline import build_timeline, event_type_name
from sfngrpc.stepfunctions.v1 import (
    executions_pb2,
    gateway_pb2,
    history_pb2,
    service_pb2_grpc,
    state_machines_pb2,
)

__all__ = [
    "EXIT_LOCAL_ERROR",
    "EXIT_STATUS_BASE",
    "EXIT_USAGE",
    "build_credentials",
    "build_parser",
    "exit_code",
    "main",
]

DEFAULT_ADDRESS = "127.0.0.1:50051"
ADDRESS_ENV = "SFN_GRPC_ADDRESS"
DEFAULT_TIMEOUT = 30.0
_LONGEST_DEADLINE = 100 * 365 * 86400.0
"""Seconds: a longer gRPC deadline overflows (it is counted in nanoseconds) and fails the call at once."""

EXIT_LOCAL_ERROR = 1
"""A problem on this side: a file that cannot be read, input that is not JSON, a missing extra."""
EXIT_USAGE = 2
"""The command line itself is wrong (argparse's own code)."""
EXIT_STATUS_BASE = 64
"""A failed call exits with this plus its gRPC status code, as grpcurl does (NOT_FOUND = 5 -> 69)."""

EXIT_CODES_HELP = f"""\
exit codes:
  0     success
  {EXIT_LOCAL_ERROR}     a local error (a file that cannot be read, --input that is not JSON, a --tls-* file that
        is not PEM or a key that does not match its certificate, matplotlib missing)
  {EXIT_USAGE}     bad command line, before anything is dialled (also flags that do not go together)
  {EXIT_STATUS_BASE}+N  the call failed with gRPC status code N, as grpcurl does:
        {", ".join(f"{EXIT_STATUS_BASE + c.value[0]} {c.name}" for c in grpc.StatusCode if c.value[0] in (3, 4, 5, 6, 9, 14, 16))}
        (a state machine name that no state machine has is {EXIT_STATUS_BASE + grpc.StatusCode.NOT_FOUND.value[0]}, NOT_FOUND)
  130   interrupted (Ctrl-C)

environment:
  {ADDRESS_ENV}  the gateway's address when --address is not given (default {DEFAULT_ADDRESS})
"""


class LocalError(Exception):
    """A problem on this side; the command exits with EXIT_LOCAL_ERROR and the message."""


class UsageError(Exception):
    """The command line is wrong in a way argparse cannot see alone; exits with EXIT_USAGE, before any call."""


class NotFoundError(Exception):
    """Something the caller named does not exist (found out by listing); exits as NOT_FOUND would."""


def exit_code(code: grpc.StatusCode) -> int:
    """The process exit code of a call that ended with `code` (0 for OK)."""
    number: int = code.value[0]
    return 0 if number == 0 else EXIT_STATUS_BASE + number


def build_credentials(
    ca_file: str | None, cert_file: str | None, key_file: str | None
) -> grpc.ChannelCredentials | None:
    """TLS credentials from PEM files, or None for plaintext when no file is given.

    `ca_file` alone: TLS, the server checked against that CA (none: the system's roots, when only a
    client certificate is given). `cert_file` and `key_file` together: a client certificate (mTLS).
    """
    if cert_file is None and key_file is None and ca_file is None:
        return None
    if (cert_file is None) != (key_file is None):
        raise LocalError("--tls-cert-file and --tls-key-file go together (a client certificate and its key)")

    def read(path: str | None, flag: str) -> bytes | None:
        if path is None:
            return None
        try:
            return Path(path).read_bytes()
        except OSError as error:
            raise LocalError(f"{flag}: cannot read {path}: {error.strerror}") from error

    _check_pem_files(ca_file, cert_file, key_file)
    return grpc.ssl_channel_credentials(
        root_certificates=read(ca_file, "--tls-ca-file"),
        private_key=read(key_file, "--tls-key-file"),
        certificate_chain=read(cert_file, "--tls-cert-file"),
    )


def _no_password() -> str:
    raise LocalError("--tls-key-file: the key is encrypted; gRPC takes an unencrypted key only")


def _check_pem_files(ca_file: str | None, cert_file: str | None, key_file: str | None) -> None:
    """Refuse PEM files that are not what their flags say, here, with one line.

    gRPC's TLS would dial first, then fail with UNAVAILABLE and log its own error lines.
    """
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    if ca_file is not None:
        try:
            context.load_verify_locations(cafile=ca_file)
        except (ssl.SSLError, ValueError) as error:
            raise LocalError(f"--tls-ca-file: {ca_file} holds no PEM CA certificate ({error})") from error
        except OSError as error:
            raise LocalError(f"--tls-ca-file: cannot read {ca_file}: {error.strerror}") from error
    if cert_file is not None and key_file is not None:
        try:
            context.load_cert_chain(certfile=cert_file, keyfile=key_file, password=_no_password)
        except ssl.SSLError as error:
            raise LocalError(
                f"--tls-cert-file, --tls-key-file: {cert_file} and {key_file} are not a PEM certificate and its"
                f" unencrypted private key ({error.reason or error})"
            ) from error
        except OSError as error:
            raise LocalError(
                f"--tls-cert-file, --tls-key-file: cannot read {error.filename}: {error.strerror}"
            ) from error


@dataclass
class Context:
    """What every command has: the stub, the call timeout, and where output goes."""

    stub: service_pb2_grpc.StepFunctionsServiceStub
    timeout: float | None
    out: Output
    args: argparse.Namespace


# ---------------------------------------------------------------------------------------------------------
# Small helpers


def _is_arn(text: str) -> bool:
    return text.startswith("arn:")


def _paged(call: Callable[..., Any], request: Any, items: str, timeout: float | None) -> Iterator[Any]:
    """Every item of a paginated List* call, page after page."""
    while True:
        page = call(request, timeout=timeout)
        yield from getattr(page, items)
        if not page.next_token:
            return
        request.next_token = page.next_token


def _state_machine_arn(ctx: Context, name_or_arn: str) -> str:
    """An ARN as it is; a name looked up with ListStateMachines."""
    if _is_arn(name_or_arn):
        return name_or_arn
    request = state_machines_pb2.ListStateMachinesRequest(max_results=1000)
    for machine in _paged(ctx.stub.ListStateMachines, request, "state_machines", ctx.timeout):
        if machine.name == name_or_arn:
            arn: str = machine.state_machine_arn
            return arn
    raise NotFoundError(f"no state machine is named {name_or_arn!r} (ListStateMachines)")


def _read_input(value: str | None) -> str | None:
    """--input: JSON text, or @FILE for a file's (``@-``: standard input); checked to be JSON."""
    if value is None:
        return None
    if value.startswith("@"):
        path = value[1:]
        try:
            text = sys.stdin.read() if path == "-" else Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise LocalError(f"--input: cannot read {path}: {error}") from error
    else:
        text = value
    try:
        json.loads(text)
    except ValueError as error:
        raise LocalError(f"--input is not JSON: {error}") from error
    return text


def _status_of(enum_value: executions_pb2.ExecutionStatus.ValueType) -> str:
    return status_name(executions_pb2.ExecutionStatus.Name(enum_value))


def _elapsed(start: dt.datetime, stop: dt.datetime | None) -> str:
    return human_duration(((stop or dt.datetime.now(dt.UTC)) - start).total_seconds())


def _execution_fields(out: Output, execution: executions_pb2.DescribeExecutionResponse) -> list[tuple[str, Text | str]]:
    start = to_datetime(execution.start_date)
    stop = to_datetime(execution.stop_date) if execution.HasField("stop_date") else None
    pairs: list[tuple[str, Text | str]] = [
        ("name", execution.name),
        ("status", out.status(_status_of(execution.status))),
        ("arn", execution.execution_arn),
        ("state machine", execution.state_machine_arn),
        ("started", local_time(start)),
    ]
    if stop is not None:
        pairs.append(("stopped", local_time(stop)))
    pairs.append(("duration", _elapsed(start, stop) + ("" if stop else " so far")))
    for name, present in (
        ("error", execution.HasField("error")),
        ("cause", execution.HasField("cause")),
        ("input", execution.HasField("input")),
        ("output", execution.HasField("output")),
    ):
        if present:
            pairs.append((name, getattr(execution, name)))
    return pairs


# ---------------------------------------------------------------------------------------------------------
# Commands


def check_list(args: argparse.Namespace) -> None:
    """`list`'s flags that go together only with a STATE_MACHINE."""
    if args.state_machine is None and args.status is not None:
        raise UsageError("--status needs a STATE_MACHINE (it filters that state machine's executions)")


def check_history(args: argparse.Namespace) -> None:
    """`history`'s flags that exclude each other."""
    if args.follow and args.reverse:
        raise UsageError("--follow and --reverse do not go together (a followed history grows at its end)")


def check_timeline(args: argparse.Namespace) -> None:
    """`timeline`: one source of events, one kind of output."""
    if (args.execution_arn is None) == (args.history is None):
        raise UsageError("timeline takes an EXECUTION_ARN or --history FILE (one of them)")
    if args.out and args.json:
        raise UsageError("--out and --json do not go together (an image, or the spans as JSON lines)")


def cmd_start(ctx: Context) -> None:
    """StartExecution of a state machine given by ARN or name."""
    request = executions_pb2.StartExecutionRequest(state_machine_arn=_state_machine_arn(ctx, ctx.args.state_machine))
    if ctx.args.name:
        request.name = ctx.args.name
    text = _read_input(ctx.args.input)
    if text is not None:
        request.input = text
    started = ctx.stub.StartExecution(request, timeout=ctx.timeout)
    if ctx.out.as_json:
        ctx.out.json_line(started)
        return
    if ctx.out.terminal:
        ctx.out.fields([("started", local_time(to_datetime(started.start_date))), ("arn", started.execution_arn)])
    else:
        ctx.out.line(started.execution_arn)  # plain: just the ARN, for $(sfn-grpc start ...)


def cmd_describe(ctx: Context) -> None:
    """DescribeExecution."""
    request = executions_pb2.DescribeExecutionRequest(execution_arn=ctx.args.execution_arn)
    execution = ctx.stub.DescribeExecution(request, timeout=ctx.timeout)
    if ctx.out.as_json:
        ctx.out.json_line(execution)
    else:
        ctx.out.fields(_execution_fields(ctx.out, execution))


def cmd_wait(ctx: Context) -> None:
    """WaitExecution: until the execution ends, or --max-wait passes."""
    request = gateway_pb2.WaitExecutionRequest(execution_arn=ctx.args.execution_arn)
    timeout = ctx.args.timeout  # it waits as long as the execution runs, unless --timeout says otherwise
    if ctx.args.max_wait is not None:
        request.max_wait.CopyFrom(Duration(seconds=int(ctx.args.max_wait), nanos=int(ctx.args.max_wait % 1 * 1e9)))
        # The gateway answers after max_wait: the deadline is that much later than --timeout says.
        timeout = ctx.args.max_wait + (ctx.timeout or DEFAULT_TIMEOUT)
        if timeout > _LONGEST_DEADLINE:
            # No deadline at all (gRPC's clock would overflow and fail the call at once): the gateway
            # refuses a max_wait beyond what it accepts with INVALID_ARGUMENT, or answers after it.
            timeout = None
    with _progress(ctx.out, f"waiting for {ctx.args.execution_arn.rsplit(':', 1)[-1]}"):
        waited = ctx.stub.WaitExecution(request, timeout=timeout)
    if ctx.out.as_json:
        ctx.out.json_line(waited)
    else:
        ctx.out.fields(_execution_fields(ctx.out, waited.execution))


def cmd_stop(ctx: Context) -> None:
    """StopExecution."""
    request = executions_pb2.StopExecutionRequest(execution_arn=ctx.args.execution_arn)
    if ctx.args.error is not None:
        request.error = ctx.args.error
    if ctx.args.cause is not None:
        request.cause = ctx.args.cause
    stopped = ctx.stub.StopExecution(request, timeout=ctx.timeout)
    if ctx.out.as_json:
        ctx.out.json_line(stopped)
    else:
        # moto (the embedded backend) leaves stopDate out of its answer; AWS always sends it.
        when = local_time(to_datetime(stopped.stop_date)) if stopped.HasField("stop_date") else "yes"
        ctx.out.fields([("stopped", when), ("arn", ctx.args.execution_arn)])


def cmd_list(ctx: Context) -> None:
    """ListStateMachines, or ListExecutions of one state machine."""
    if ctx.args.state_machine is None:
        request = state_machines_pb2.ListStateMachinesRequest(max_results=1000)
        machines = _paged(ctx.stub.ListStateMachines, request, "state_machines", ctx.timeout)
        if ctx.out.as_json:  # as the pages come: a program may stop reading early
            for machine in machines:
                ctx.out.json_line(machine)
            return
        rows = [
            [
                m.name,
                status_name(state_machines_pb2.StateMachineType.Name(m.type)),
                local_time(to_datetime(m.creation_date)),
                m.state_machine_arn,
            ]
            for m in machines
        ]
        ctx.out.table(["NAME", "TYPE", "CREATED", "ARN"], rows, whole=3, droppable=(2, 1))
        return
    arn = _state_machine_arn(ctx, ctx.args.state_machine)
    listing = executions_pb2.ListExecutionsRequest(state_machine_arn=arn, max_results=1000)
    if ctx.args.status is not None:
        listing.status_filter = executions_pb2.ExecutionStatus.Value(f"EXECUTION_STATUS_{ctx.args.status}")
    executions = _paged(ctx.stub.ListExecutions, listing, "executions", ctx.timeout)
    if ctx.out.as_json:
        for execution in executions:
            ctx.out.json_line(execution)
        return
    table = []
    for e in executions:
        start = to_datetime(e.start_date)
        stop = to_datetime(e.stop_date) if e.HasField("stop_date") else None
        status = _status_of(e.status)
        table.append([e.name, ctx.out.status(status), local_time(start), _elapsed(start, stop), e.execution_arn])
    ctx.out.table(["NAME", "STATUS", "STARTED", "DURATION", "ARN"], table, whole=4, droppable=(2, 3))


def _details_text(event: history_pb2.HistoryEvent) -> str:
    """What a person wants from an event's details: the state, the iteration, the error."""
    which = event.WhichOneof("details")
    if which is None:
        return ""
    details = getattr(event, which)
    fields = details.DESCRIPTOR.fields_by_name
    parts = []

    def has(name: str) -> bool:
        return name in fields and (not fields[name].has_presence or details.HasField(name))

    if has("name"):
        parts.append(details.name + (f"[{details.index}]" if has("index") else ""))
    if has("length"):
        parts.append(f"{details.length} items")
    if has("resource"):
        parts.append(details.resource)
    if has("error"):
        parts.append(f"error={details.error}")
    if has("cause"):
        parts.append(f"cause={details.cause}")
    return "  ".join(parts)


def _event_style(type_name: str) -> str:
    for suffix, style in (("Failed", "red"), ("TimedOut", "red"), ("Aborted", "magenta"), ("Succeeded", "green")):
        if type_name.endswith(suffix):
            return style
    return "cyan" if type_name.endswith("Entered") else ""


_HISTORY_HEADER = f"{'ID':>5}  {'TIME':<12}  {'ELAPSED':>9}  {'TYPE':<32}  DETAILS"


def _details_width(out: Output) -> int | None:
    """How many characters DETAILS may take: what the line's width leaves, or None (no limit).

    The width is the terminal's (rich reads ``COLUMNS`` first), or ``COLUMNS`` when the output is plain
    and it is set; plain output without ``COLUMNS`` is never cut, so a program or a file gets every detail.
    """
    width: int | None = out.console.width if out.terminal else None
    if width is None:
        with contextlib.suppress(ValueError):
            width = int(os.environ.get("COLUMNS", "")) or None
    if width is None:
        return None
    return max(width - _HISTORY_HEADER.index("DETAILS"), 10)


def _history_line(event: history_pb2.HistoryEvent, started: dt.datetime, details_width: int | None = None) -> Text:
    when = to_datetime(event.timestamp)
    type_name = event_type_name(event.type)
    line = Text(f"{event.id:>5}  {local_time(when, precise=True):<12}  ")
    line.append(f"{'+' + human_duration((when - started).total_seconds()):>9}  ", style="dim")
    line.append(f"{type_name:<32}", style=_event_style(type_name))
    details = _details_text(event)
    if details_width is not None and len(details) > details_width:
        details = details[: details_width - 1] + "…"
    line.append(f"  {details}".rstrip())
    return line


def _stream_history(ctx: Context, request: gateway_pb2.StreamExecutionHistoryRequest) -> Iterator[Any]:
    # A stream lasts as long as the history is long (or, followed, as the execution runs): no deadline
    # unless --timeout asks for one.
    yield from ctx.stub.StreamExecutionHistory(request, timeout=ctx.args.timeout)


def cmd_history(ctx: Context) -> None:
    """StreamExecutionHistory: every event (or those after --after), oldest or newest first, or followed."""
    args = ctx.args
    request = gateway_pb2.StreamExecutionHistoryRequest(
        execution_arn=args.execution_arn, follow=args.follow, reverse_order=args.reverse, after_event_id=args.after
    )
    started: dt.datetime | None = None
    status = "RUNNING"
    if not ctx.out.as_json:  # elapsed times are counted from the execution's start, whatever is shown
        execution = ctx.stub.DescribeExecution(
            executions_pb2.DescribeExecutionRequest(execution_arn=args.execution_arn), timeout=ctx.timeout
        )
        started = to_datetime(execution.start_date)
        ctx.out.line(Text(_HISTORY_HEADER, style="bold"))
    count = 0
    details_width = _details_width(ctx.out)
    with _progress(ctx.out, "history") as progress:
        for message in _stream_history(ctx, request):
            for event in message.events:
                if ctx.out.as_json:
                    ctx.out.json_line(event)
                else:
                    assert started is not None
                    ctx.out.line(_history_line(event, started, details_width))
            count += len(message.events)
            status = _status_of(message.execution_status)
            progress(f"{count} events, execution {status}")
    if not ctx.out.as_json:
        summary = Text(f"{count} events; execution ")
        summary.append(ctx.out.status(status))
        ctx.out.line(summary)


def cmd_watch(ctx: Context) -> None:
    """WatchExecutions: a state machine's executions as they start and change, until interrupted."""
    request = gateway_pb2.WatchExecutionsRequest(state_machine_arn=_state_machine_arn(ctx, ctx.args.state_machine))
    if ctx.args.status is not None:
        request.status_filter = executions_pb2.ExecutionStatus.Value(f"EXECUTION_STATUS_{ctx.args.status}")
    if ctx.args.resume:
        request.resume_cursor = ctx.args.resume
    timeout = ctx.args.timeout  # a watch goes on until interrupted, unless --timeout says otherwise
    header = not ctx.out.as_json
    for change in ctx.stub.WatchExecutions(request, timeout=timeout):
        if header:  # with the first change: a refused call (a bad --resume cursor) prints no header first
            ctx.out.line(Text(f"{'TIME':<19}  {'CHANGE':<14}  {'STATUS':<22}  NAME", style="bold"))
            header = False
        if ctx.out.as_json:
            ctx.out.json_line(change)
            continue
        execution = change.execution
        status = _status_of(execution.status)
        when = to_datetime(execution.stop_date if execution.HasField("stop_date") else execution.start_date)
        line = Text(f"{local_time(when):<19}  {status_name(gateway_pb2.ExecutionChange.Name(change.change)):<14}  ")
        moved = f"{_status_of(change.previous_status)} → " if change.previous_status else ""
        line.append(moved)
        line.append(f"{status:<{22 - len(moved)}}", style=ctx.out.status(status).style)
        line.append(f"  {execution.name}")
        ctx.out.line(line)


def _read_history_file(path: str) -> list[history_pb2.HistoryEvent]:
    """Events from JSON lines as `history --json` writes them (``-``: standard input)."""
    from google.protobuf import json_format

    try:
        text = sys.stdin.read() if path == "-" else Path(path).read_text(encoding="utf-8")
        return [json_format.Parse(line, history_pb2.HistoryEvent()) for line in text.splitlines() if line.strip()]
    except (OSError, UnicodeDecodeError, json_format.ParseError) as error:
        raise LocalError(f"--history: cannot read events from {path}: {error}") from error


def cmd_timeline(ctx: Context) -> None:
    """The execution's states as bars on a time axis: in the terminal, or as an image with --out."""
    args = ctx.args
    out_path = Path(args.out) if args.out else None
    if out_path is not None and out_path.suffix.lower() not in draw.IMAGE_FORMATS:
        raise LocalError(f"--out must end in {' or '.join(draw.IMAGE_FORMATS)}")
    # A live execution that still runs is drawn up to now; a history read from a file ends at its last
    # event (it was written some time ago: the clock says nothing about it).
    now: dt.datetime | None = None
    if args.history is not None:
        events = _read_history_file(args.history)
        title = "standard input" if args.history == "-" else Path(args.history).name
    else:
        events = []
        request = gateway_pb2.StreamExecutionHistoryRequest(execution_arn=args.execution_arn)
        with _progress(ctx.out, "history") as progress:
            for message in _stream_history(ctx, request):
                events.extend(message.events)
                progress(f"{len(events)} events")
        title = args.execution_arn.rsplit(":", 1)[-1]
        now = dt.datetime.now(dt.UTC)
    timeline = build_timeline(events)
    if ctx.out.as_json:
        for row in timeline.rows():
            span = row.span
            ctx.out.console.file.write(
                json.dumps(
                    {
                        "name": span.label,
                        "type": span.kind,
                        "depth": row.depth,
                        "status": span.status,
                        "start": span.start.isoformat(),
                        "end": span.end.isoformat() if span.end else None,
                    }
                )
                + "\n"
            )
        return
    if out_path is not None:
        try:
            draw.draw_image(timeline, out_path, title, now=now)
        except draw.MissingExtraError as error:
            raise LocalError(str(error)) from error
        except (OSError, ValueError) as error:
            raise LocalError(f"--out: {error}") from error
        ctx.out.errors.print(f"wrote {out_path}")
        return
    for line in draw.draw_text(timeline, ctx.out.console.width, now=now):
        ctx.out.line(line)


@contextlib.contextmanager
def _progress(out: Output, what: str) -> Iterator[Callable[[str], None]]:
    """A transient progress line on the terminal while `what` goes on, when the results go to that terminal.

    It shares the results' console: rich draws a live line on the console that prints the results, so
    every line lands above it. When the results go to a pipe there is no line at all, even if stderr is
    a terminal: the pipe's reader (``| head``, ``| less``) writes to that same screen, and a line drawn
    on stderr would mix into its output, or stay behind when the reader exits first.
    """
    console = out.console
    if not out.terminal:
        yield lambda _: None
        return
    columns = (SpinnerColumn(), TextColumn(f"{what}: {{task.description}}"), TimeElapsedColumn())
    with Progress(*columns, console=console, transient=True, redirect_stdout=False, redirect_stderr=False) as bar:
        task = bar.add_task("starting", total=None)
        yield lambda text: bar.update(task, description=text)


# ---------------------------------------------------------------------------------------------------------
# The parser


_STATUSES = [
    status_name(v.name) for v in executions_pb2.ExecutionStatus.DESCRIPTOR.values if not v.name.endswith("UNSPECIFIED")
]


def _address(text: str) -> str:
    """--address: HOST:PORT, not empty (gRPC would log its own trace lines, then fail UNKNOWN)."""
    if not text.strip():
        raise argparse.ArgumentTypeError("the address is empty; give HOST:PORT")
    return text


def _seconds(*, positive: bool) -> Callable[[str], float]:
    """A flag's type: a number of seconds, above zero (`positive`) or at least zero, and finite."""

    def parse(text: str) -> float:
        try:
            value = float(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds") from None
        if not math.isfinite(value) or value < 0 or (positive and value == 0):
            raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds {'above' if positive else 'from'} 0")
        if positive and value > _LONGEST_DEADLINE:  # a deadline (--max-wait is the gateway's to refuse)
            raise argparse.ArgumentTypeError(f"{text!r} is longer than gRPC can wait ({_LONGEST_DEADLINE:g} s)")
        return value

    return parse


def _connection_flags(parser: argparse.ArgumentParser, top: bool) -> None:
    """The flags every command takes, before or after the command name (after wins)."""
    default: Callable[[Any], Any] = (lambda value: value) if top else (lambda _: argparse.SUPPRESS)
    group = parser.add_argument_group("connection and output")
    group.add_argument(
        "--address",
        type=_address,
        default=default(os.environ.get(ADDRESS_ENV) or DEFAULT_ADDRESS),
        help=f"the gateway, HOST:PORT (default: ${ADDRESS_ENV}, else {DEFAULT_ADDRESS})",
    )
    group.add_argument(
        "--timeout",
        type=_seconds(positive=True),
        default=default(None),
        help=f"deadline of each call, in seconds (default {DEFAULT_TIMEOUT:g}; streams (history, timeline, watch) and wait: none)",
    )
    group.add_argument(
        "--tls-ca-file", default=default(None), help="TLS: the CA (PEM) the server's certificate is checked against"
    )
    group.add_argument("--tls-cert-file", default=default(None), help="mTLS: this client's certificate (PEM)")
    group.add_argument("--tls-key-file", default=default(None), help="mTLS: this client's private key (PEM)")
    group.add_argument(
        "--json",
        action="store_true",
        default=default(False),
        help="print the API's messages as JSON (AWS member names), one per line",
    )


def build_parser() -> argparse.ArgumentParser:
    """The ``sfn-grpc`` parser: the commands and their flags."""
    parser = argparse.ArgumentParser(
        prog="sfn-grpc",
        description="Start, inspect, follow and draw AWS Step Functions executions through an sfn-grpc gateway.",
        epilog=EXIT_CODES_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _connection_flags(parser, top=True)
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(
        name: str,
        run: Callable[[Context], None],
        summary: str,
        check: Callable[[argparse.Namespace], None] | None = None,
    ) -> argparse.ArgumentParser:
        sub = commands.add_parser(
            name,
            help=summary,
            description=summary,
            epilog=EXIT_CODES_HELP,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        # `check` refuses combinations of flags before anything is dialled; `usage` reports them as argparse does.
        sub.set_defaults(run=run, check=check, usage=sub.error)
        _connection_flags(sub, top=False)
        return sub

    start = command("start", cmd_start, "start an execution (prints its ARN)")
    start.add_argument("state_machine", metavar="STATE_MACHINE", help="a state machine's ARN or name")
    start.add_argument("--name", help="the execution's name (default: one the gateway makes up)")
    start.add_argument("--input", help="the input, JSON text, or @FILE to read it from a file (@- standard input)")

    describe = command("describe", cmd_describe, "describe an execution")
    describe.add_argument("execution_arn", metavar="EXECUTION_ARN")

    wait = command("wait", cmd_wait, "wait until an execution ends (WaitExecution), then describe it")
    wait.add_argument("execution_arn", metavar="EXECUTION_ARN")
    wait.add_argument(
        "--max-wait",
        type=_seconds(positive=False),
        help="give up after this many seconds (the execution may still run)",
    )

    stop = command("stop", cmd_stop, "stop a running execution")
    stop.add_argument("execution_arn", metavar="EXECUTION_ARN")
    stop.add_argument("--error", help="the error code to record")
    stop.add_argument("--cause", help="the cause to record")

    listing = command("list", cmd_list, "list state machines, or the executions of one", check_list)
    listing.add_argument(
        "state_machine", metavar="STATE_MACHINE", nargs="?", help="its ARN or name: list its executions"
    )
    listing.add_argument("--status", choices=_STATUSES, help="only executions with this status")

    history = command(
        "history",
        cmd_history,
        "print an execution's history events (DETAILS cut to the terminal's width, or to $COLUMNS when set)",
        check_history,
    )
    history.add_argument("execution_arn", metavar="EXECUTION_ARN")
    history.add_argument(
        "--follow", "-f", action="store_true", help="keep printing new events until the execution ends"
    )
    history.add_argument("--reverse", action="store_true", help="newest event first")
    history.add_argument("--after", type=int, default=0, metavar="ID", help="only events after the one with this id")

    watch = command("watch", cmd_watch, "print a state machine's executions as they start and change (Ctrl-C ends)")
    watch.add_argument("state_machine", metavar="STATE_MACHINE", help="its ARN or name")
    watch.add_argument("--status", choices=_STATUSES, help="only executions with this status")
    watch.add_argument("--resume", metavar="CURSOR", help="go on from a change's cursor (from --json output)")

    timeline = command(
        "timeline",
        cmd_timeline,
        "draw an execution's states, Parallel branches and Map iterations on a time axis",
        check_timeline,
    )
    timeline.add_argument("execution_arn", metavar="EXECUTION_ARN", nargs="?")
    timeline.add_argument(
        "--out",
        metavar="FILE",
        help="write an image instead: FILE.svg or FILE.png (needs sfn-grpc-client[timeline]; not with --json)",
    )
    timeline.add_argument(
        "--history",
        metavar="FILE",
        help="draw the events in FILE (JSON lines of `history --json`; - for standard input) instead of asking the gateway",
    )
    return parser


def _error_object(code: str, message: str) -> dict[str, Any]:
    """What `--json` prints for a failure: always every key, empty where the failure did not say."""
    return {"code": code, "message": message, "reason": "", "domain": "", "metadata": {}}


def _error_json(error: grpc.RpcError) -> dict[str, Any]:
    """A failed call for programs: its code, message and the gateway's ErrorInfo, if it sent one."""
    code: grpc.StatusCode = error.code()
    found = _error_object(code.name, error.details() or "")
    # grpcio gives (key, value) pairs at run time; its type stubs call them _Metadatum.
    pairs = [cast(tuple[str, str | bytes], item) for item in error.trailing_metadata() or ()]
    trailer = next((value for key, value in pairs if key == "grpc-status-details-bin"), None)
    if isinstance(trailer, bytes):
        status = status_pb2.Status.FromString(trailer)
        for detail in status.details:
            info = error_details_pb2.ErrorInfo()
            if detail.Unpack(info):
                found.update(reason=info.reason, domain=info.domain, metadata=dict(info.metadata))
    return found


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; return the process exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.check is not None:
        try:
            args.check(args)
        except UsageError as error:
            args.usage(str(error))  # exits with EXIT_USAGE, as argparse's own refusals do
    out = Output(as_json=args.json)
    try:
        credentials = build_credentials(args.tls_ca_file, args.tls_cert_file, args.tls_key_file)
        channel = (
            grpc.secure_channel(args.address, credentials)
            if credentials is not None
            else grpc.insecure_channel(args.address)
        )
        with channel:
            timeout = args.timeout if args.timeout is not None else DEFAULT_TIMEOUT
            ctx = Context(service_pb2_grpc.StepFunctionsServiceStub(channel), timeout, out, args)
            args.run(ctx)
        return 0
    except grpc.RpcError as error:
        failure = _error_json(error)
        if args.json:
            out.errors.file.write(json.dumps(failure) + "\n")
        else:
            reason = f" {failure['reason']}" if failure.get("reason") else ""
            out.errors.print(Text(f"error: {failure['code']}{reason}: {failure['message']}", style="red"))
        return exit_code(error.code())
    except NotFoundError as error:
        if args.json:
            out.errors.file.write(json.dumps(_error_object("NOT_FOUND", str(error))) + "\n")
        else:
            out.errors.print(Text(f"error: NOT_FOUND: {error}", style="red"))
        return exit_code(grpc.StatusCode.NOT_FOUND)
    except LocalError as error:
        if (
            args.json
        ):  # programs get JSON for every failure: code LOCAL_ERROR (no call was made, or it is not the cause)
            out.errors.file.write(json.dumps(_error_object("LOCAL_ERROR", str(error))) + "\n")
        else:
            out.errors.print(Text(f"error: {error}", style="red"))
        return EXIT_LOCAL_ERROR
    except KeyboardInterrupt:
        return 128 + signal.SIGINT
    except BrokenPipeError:
        # `sfn-grpc history ... | head`: the reader left; not an error. Point stdout at nothing so that
        # Python's flush at exit does not complain again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
