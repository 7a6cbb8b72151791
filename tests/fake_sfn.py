"""A fake AWS Step Functions endpoint that speaks the real AWS JSON 1.0 protocol over HTTP on 127.0.0.1.

boto3 clients (and so the gRPC server under test, via ``AWS_ENDPOINT_URL_SFN``) talk to it through their real
HTTP stack, serializer, parser, paginators, retry handler and error handling: only "AWS" is fake.

Typical use::

    with FakeStepFunctions() as fake:
        sm = fake.add_state_machine("orders")
        arn = fake.add_execution(sm, "run-1", events=history(25_000))
        fake.inject("throttle", operation="GetExecutionHistory", times=2)
        client = boto3.client("stepfunctions", endpoint_url=fake.endpoint_url, ...)

Protocol as botocore speaks it (see ``botocore/data/stepfunctions/2016-11-23/service-2.json``):

* a request is ``POST /`` with ``X-Amz-Target: AWSStepFunctions.<Operation>`` and a JSON body of the input members;
* a success is 200 with a JSON body; timestamps are epoch seconds with milliseconds;
* an error is 4xx/5xx with ``{"__type": "<namespace>#<Code>", "message": ...}``; botocore keeps what follows ``#``
  as ``e.response["Error"]["Code"]``.

What each injected fault looks like to a boto3 client (with retries disabled):

* ``"throttle"``: ``botocore.exceptions.ClientError``, code ``ThrottlingException``, HTTP 400, "Rate exceeded";
* ``"500"``: ``ClientError``, code ``InternalFailure``, HTTP 500;
* ``"503"``: ``ClientError``, code ``ServiceUnavailable``, HTTP 503;
* ``"drop"`` / ``"drop_before"``: ``botocore.exceptions.ConnectionClosedError`` (urllib3 saw the server close the
  connection without a response); ``"drop"`` applied the request first, ``"drop_before"`` did not;
* ``"latency"``: a normal answer, ``delay`` seconds late.

botocore's default retry modes retry all of these (``ConnectionClosedError`` included), so ``times`` decides
whether a retrying client eventually succeeds.

Deliberate simplifications (everything else aims at AWS's documented behaviour):

* executions never run by themselves: ``StartExecution`` leaves them ``RUNNING`` with a one-event history until
  the test calls :meth:`FakeStepFunctions.append_events` / :meth:`FakeStepFunctions.set_status`;
* only the operations listed in ``_OPERATIONS`` exist; any other one, even a real one, is
  ``UnknownOperationException``;
* ``StopExecution`` of an execution that already stopped is a no-op returning the original ``stopDate``;
* every state machine behaves as if encrypted with a customer key the caller may not decrypt: only
  ``DescribeExecution`` with ``includedData: METADATA_ONLY`` leaves the execution data out (AWS's way to answer such a
  caller); ``ALL_DATA`` or no ``includedData`` returns it all.

EXPRESS state machines are told apart as AWS does: ``StartExecution`` answers an ``...:express:<machine>:<name>:<id>``
ARN and is not idempotent (the same name starts another execution), and an express execution ARN is refused by
``DescribeExecution``, ``GetExecutionHistory`` and ``StopExecution`` (``InvalidArn``, "Resource type not valid in
this context: express"); ``ListExecutions`` of an EXPRESS machine is ``StateMachineTypeNotSupported``.

A test can hold requests at the door (:meth:`FakeStepFunctions.hold`): each request of that operation waits, already
recorded but not yet applied, until the test releases the gate, so a test can act while the client is certainly
waiting, instead of sleeping and hoping.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import functools
import http.server
import json
import re
import secrets
import socket
import socketserver
import sys
import threading
import time
import traceback
import uuid
from collections.abc import Callable, Iterable, Mapping
from types import TracebackType
from typing import Any, ClassVar

import botocore.loaders

__all__ = [
    "DEFAULT_DEFINITION",
    "FAULT_KINDS",
    "TERMINAL_STATUSES",
    "Call",
    "FakeStepFunctions",
    "Gate",
    "Headers",
    "history",
]

JSON_CONTENT_TYPE = "application/x-amz-json-1.0"
TARGET_PREFIX = "AWSStepFunctions."
TERMINAL_STATUSES = frozenset({"SUCCEEDED", "FAILED", "TIMED_OUT", "ABORTED"})
EXECUTION_STATUSES = frozenset({"RUNNING", "PENDING_REDRIVE"} | TERMINAL_STATUSES)
FAULT_KINDS = frozenset({"throttle", "500", "503", "drop", "drop_before", "latency"})

#: The definition of machines made by :meth:`FakeStepFunctions.add_state_machine` unless told otherwise.
DEFAULT_DEFINITION = json.dumps(
    {"Comment": "fake_sfn default", "StartAt": "Pass", "States": {"Pass": {"Type": "Pass", "End": True}}}
)
DEFAULT_ROLE = "arn:aws:iam::{account}:role/fake-sfn"

_DEFAULT_PAGE_SIZE = 100  # AWS: "The default is 100 ... A value of 0 uses the default."
# How long a connection may sit idle (or half-sent) before its thread gives up on it: nothing a client does can
# pin a server thread forever, and boto3's pooled keep-alive connections are reopened transparently.
_SOCKET_TIMEOUT = 30.0

# Namespaces of the `__type` AWS puts on its errors; botocore only keeps what follows '#'.
_STATES_NS = "com.amazonaws.states#"
_CORAL_NS = "com.amazon.coral.service#"
_THROTTLE_NS = "com.amazon.coral.availability#"

# Members of the *EventDetails structures that carry execution data, dropped when includeExecutionData is false.
# The sibling *Details ({"truncated": false}) are kept: they describe the data, they are not the data.
_DATA_MEMBERS = frozenset({"input", "output", "parameters", "assignedVariables"})

# The history event that closes an execution in each terminal status, with the details member it carries.
_TERMINAL_EVENTS: dict[str, tuple[str, str]] = {
    "SUCCEEDED": ("ExecutionSucceeded", "executionSucceededEventDetails"),
    "FAILED": ("ExecutionFailed", "executionFailedEventDetails"),
    "ABORTED": ("ExecutionAborted", "executionAbortedEventDetails"),
    "TIMED_OUT": ("ExecutionTimedOut", "executionTimedOutEventDetails"),
}
_STATUS_OF_TERMINAL_EVENT = {event: status for status, (event, _) in _TERMINAL_EVENTS.items()}

# Names of executions and state machines: 1-80 characters, none of them blank, bracket, wildcard, special or control.
_NAME = re.compile(r"[^\s<>{}\[\]?*\"#%\\^|~`$&,;:/\x00-\x1f\x7f-\x9f]{1,80}")
_ARN = re.compile(r"arn:aws[a-z-]*:states:(?P<region>[a-z0-9-]+):(?P<account>\d{12}):(?P<kind>[A-Za-z]+):(?P<rest>.+)")


# --------------------------------------------------------------------------------------------------------------------
# Recorded calls


class Headers(dict[str, str]):
    """Request headers: keys are stored lower-case and looked up case-insensitively (``h["Host"] == h["host"]``)."""

    def __init__(self, items: Iterable[tuple[str, str]] = ()) -> None:
        super().__init__((key.lower(), value) for key, value in items)

    def __getitem__(self, key: str) -> str:
        return super().__getitem__(key.lower())

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and super().__contains__(key.lower())

    def get(self, key: str, default: Any = None) -> Any:
        """Return the header ``key`` (any case), or ``default``."""
        return super().get(key.lower(), default)


@dataclasses.dataclass
class Call:
    """One request the fake received (faulted ones included), in arrival order in :attr:`FakeStepFunctions.calls`."""

    operation: str
    """The operation from ``X-Amz-Target`` (e.g. ``"StartExecution"``), or the raw header if it lacks the prefix."""
    params: dict[str, Any]
    """The parsed JSON body (``{}`` if it was empty or not a JSON object)."""
    headers: dict[str, str]
    """The request headers, as a case-insensitive :class:`Headers`."""
    fault: str | None = None
    """The injected fault kind that handled this request, if any."""
    request_id: str = ""
    """The ``x-amzn-RequestId`` of the answer (none is sent when the fault drops the connection)."""


class Gate:
    """Requests of one operation held at the door until the test opens it (see :meth:`FakeStepFunctions.hold`).

    A held request is recorded in :attr:`FakeStepFunctions.calls` but not applied: the client is waiting for its
    answer. :meth:`release` lets the held requests and every later one through. The waits take a timeout and say
    whether the awaited thing happened, so a test fails instead of hanging when it does not.
    """

    def __init__(self, operation: str | None) -> None:
        self.operation = operation
        self._changed = threading.Condition()
        self._open = False
        self._arrived = 0
        self._answered = 0

    @property
    def arrived(self) -> int:
        """Requests that reached the gate (held now, or let through since)."""
        with self._changed:
            return self._arrived

    def wait_held(self, count: int = 1, timeout: float = 10.0) -> bool:
        """Block until ``count`` requests in all have reached the gate; False if ``timeout`` seconds pass first."""
        with self._changed:
            return self._changed.wait_for(lambda: self._arrived >= count, timeout)

    def wait_answered(self, count: int = 1, timeout: float = 10.0) -> bool:
        """Block until the answers of ``count`` requests that passed the gate are decided (they go out next)."""
        with self._changed:
            return self._changed.wait_for(lambda: self._answered >= count, timeout)

    def release(self) -> None:
        """Open the gate for good: held requests go on, later ones are not held."""
        with self._changed:
            self._open = True
            self._changed.notify_all()

    def _pass(self) -> None:
        """Called by the request's thread: count it, then wait until the gate is open."""
        with self._changed:
            self._arrived += 1
            self._changed.notify_all()
            self._changed.wait_for(lambda: self._open)

    def _answered_one(self) -> None:
        with self._changed:
            self._answered += 1
            self._changed.notify_all()


# --------------------------------------------------------------------------------------------------------------------
# History builders


# Payloads up to this size carry their event's id, so that events differ; larger ones are one string per size, shared
# by every event: a 100 MB history then costs its wire bytes, not a fresh 1 MiB (UCS-4) string per 256 KiB event.
_TAGGED_PAYLOAD_MAX = 1024


def _payload(nbytes: int, tag: int) -> str:
    """A JSON text of exactly ``nbytes`` UTF-8 bytes holding 2-, 3- and 4-byte characters when there is room.

    Up to ``_TAGGED_PAYLOAD_MAX`` bytes it holds ``#<tag>`` too; above, it is the same (cached) string for every tag.
    """
    if nbytes < 2:
        raise ValueError(f"a JSON payload needs at least 2 bytes, not {nbytes}")
    if nbytes > _TAGGED_PAYLOAD_MAX:
        return _shared_payload(nbytes)
    return _build_payload(nbytes, f"#{tag}")


@functools.lru_cache(maxsize=16)
def _shared_payload(nbytes: int) -> str:
    """The payload of ``nbytes`` bytes that large events share (built once per size, in linear time)."""
    return _build_payload(nbytes, "")


def _build_payload(nbytes: int, tag: str) -> str:
    """``_payload``'s text: a JSON object (or a bare string when tiny) of exactly ``nbytes`` UTF-8 bytes."""
    # An object like real execution data when it fits, otherwise a bare JSON string.
    head, tail = ('{"v":"', '"}') if nbytes >= 8 else ('"', '"')
    room = nbytes - len(head) - len(tail)
    body = []
    for piece in ("é", "中", "😀", tag):
        size = len(piece.encode())
        if piece and size <= room:
            body.append(piece)
            room -= size
    body.append("x" * room)  # ASCII filler makes the byte count exact whatever fitted above
    return head + "".join(body) + tail


# The repeating middle of a made-up history: a Pass state, then a Task state.
_CYCLE = (
    "PassStateEntered",
    "PassStateExited",
    "TaskStateEntered",
    "TaskScheduled",
    "TaskStarted",
    "TaskSucceeded",
    "TaskStateExited",
)
_TASK_RESOURCE = {"resourceType": "lambda", "resource": "invoke"}


def _middle_details(event_type: str, data: str) -> tuple[str, dict[str, Any]]:
    """The details member and value of one event of ``_CYCLE``."""
    state = "Pass" if event_type.startswith("Pass") else "Task"
    if event_type.endswith("StateEntered"):
        return "stateEnteredEventDetails", {"name": state, "input": data, "inputDetails": {"truncated": False}}
    if event_type.endswith("StateExited"):
        return "stateExitedEventDetails", {"name": state, "output": data, "outputDetails": {"truncated": False}}
    if event_type == "TaskScheduled":
        return "taskScheduledEventDetails", {**_TASK_RESOURCE, "region": "us-east-1", "parameters": data}
    if event_type == "TaskStarted":
        return "taskStartedEventDetails", dict(_TASK_RESOURCE)
    return "taskSucceededEventDetails", {**_TASK_RESOURCE, "output": data, "outputDetails": {"truncated": False}}


def _terminal_details(status: str, output: str | None, error: str | None, cause: str | None) -> dict[str, Any] | None:
    """The details of the event closing an execution in ``status`` (``None``: the event carries none)."""
    if status == "SUCCEEDED":
        return {"output": output if output is not None else "{}", "outputDetails": {"truncated": False}}
    if status == "FAILED":
        return {"error": error or "States.TaskFailed", "cause": cause or "fake_sfn: the task failed"}
    # AWS only fills ExecutionAborted/ExecutionTimedOut details when there is an error or a cause to tell.
    found = {key: value for key, value in (("error", error), ("cause", cause)) if value is not None}
    return found or None


def _build_history(
    count: int,
    *,
    payload_bytes: int,
    status: str,
    start: float,
    input: str | None = None,
    output: str | None = None,
    role_arn: str = "arn:aws:iam::123456789012:role/fake-sfn",
) -> list[dict[str, Any]]:
    """:func:`history`, with the execution's own input and output when they are known."""
    if status not in EXECUTION_STATUSES:
        raise ValueError(f"unknown execution status {status!r}")
    # PENDING_REDRIVE: the execution failed, then a redrive was accepted and the history goes on from there.
    tail = {"RUNNING": 0, "PENDING_REDRIVE": 2}.get(status, 1)
    if count < 1 + tail:
        raise ValueError(f"a {status} history has at least {1 + tail} events, not {count}")
    events: list[dict[str, Any]] = []

    def add(event_type: str, details_member: str | None, details: dict[str, Any] | None) -> None:
        event_id = len(events) + 1
        event: dict[str, Any] = {
            # Integer milliseconds then one division: increasing, exactly 3 decimals, no float drift over 25k events.
            "timestamp": round(start * 1000 + event_id - 1) / 1000,
            "type": event_type,
            "id": event_id,
            "previousEventId": event_id - 1,  # AWS sends 0 on the first event
        }
        if details_member is not None and details is not None:
            event[details_member] = details
        events.append(event)

    add(
        "ExecutionStarted",
        "executionStartedEventDetails",
        {
            "input": input if input is not None else _payload(payload_bytes, 1),
            "inputDetails": {"truncated": False},
            "roleArn": role_arn,
        },
    )
    for index in range(count - 1 - tail):
        event_type = _CYCLE[index % len(_CYCLE)]
        add(event_type, *_middle_details(event_type, _payload(payload_bytes, len(events) + 1)))
    closing = "FAILED" if status == "PENDING_REDRIVE" else status
    if closing in _TERMINAL_EVENTS:
        event_type, member = _TERMINAL_EVENTS[closing]
        data = output if output is not None else _payload(payload_bytes, len(events) + 1)
        add(event_type, member, _terminal_details(closing, data, None, None))
    if status == "PENDING_REDRIVE":
        add("ExecutionRedriven", "executionRedrivenEventDetails", {"redriveCount": 1})
    return events


def history(
    count: int, *, payload_bytes: int = 64, status: str = "SUCCEEDED", start: float = 1_700_000_000.0
) -> list[dict[str, Any]]:
    """A valid history of exactly ``count`` events in wire-JSON form (as GetExecutionHistory sends them).

    Event 1 is ``ExecutionStarted``; then Pass and Task states repeat (``PassStateEntered``, ``PassStateExited``,
    ``TaskStateEntered``, ``TaskScheduled``, ``TaskStarted``, ``TaskSucceeded``, ``TaskStateExited``; the last
    state may be cut short so the count is exact); in a terminal ``status`` the last event is the matching
    ``ExecutionSucceeded`` / ``ExecutionFailed`` / ``ExecutionAborted`` / ``ExecutionTimedOut``. ``RUNNING`` has
    no closing event; ``PENDING_REDRIVE`` ends with ``ExecutionFailed`` then ``ExecutionRedriven``.

    Ids run 1..count, ``previousEventId`` is ``id - 1`` (0 for the first, as AWS sends), timestamps start at
    ``start`` and grow by 1 ms. Every input/output/parameters payload is a JSON text of exactly ``payload_bytes``
    UTF-8 bytes containing é, 中 and 😀 when there is room; payloads of up to 1 KiB also hold the event id, so events
    differ, and larger ones are one shared string per size, so that building a history of 256 KiB payloads costs time
    and memory in proportion to its wire size.

    Raises:
        ValueError: ``count`` is too small for ``status``, ``status`` is unknown or ``payload_bytes < 2``.
    """
    return _build_history(count, payload_bytes=payload_bytes, status=status, start=start)


# --------------------------------------------------------------------------------------------------------------------
# Wire helpers


def _json_default(value: object) -> object:
    """Let tests hand in datetimes where the wire has epoch seconds."""
    if isinstance(value, dt.datetime):
        return round(value.timestamp(), 3)
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


def _dumps(value: object) -> bytes:
    """Compact UTF-8 JSON, multi-byte characters unescaped as AWS sends them."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=_json_default).encode()


def _now() -> float:
    """Now as AWS reports it: epoch seconds with millisecond precision."""
    return round(time.time(), 3)


class _ApiError(Exception):
    """An AWS error answer: raised by operation handlers, turned into the error body botocore parses."""

    def __init__(self, code: str, message: str, *, status: int = 400, namespace: str = _STATES_NS) -> None:
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message
        self.status = status
        self.namespace = namespace

    def reply(self) -> _Reply:
        """The HTTP answer for this error."""
        return _Reply(self.status, _dumps({"__type": self.namespace + self.code, "message": self.message}))


@dataclasses.dataclass(frozen=True)
class _Reply:
    """What to answer: a status and a body, or nothing at all (``drop``: close the connection)."""

    status: int = 200
    body: bytes = b"{}"
    drop: bool = False
    request_id: str = ""


_DROP = _Reply(drop=True)


@functools.cache
def _service_model() -> dict[str, Any]:
    """botocore's Step Functions model, the source of member names and constraints."""
    model: dict[str, Any] = botocore.loaders.create_loader().load_service_model("stepfunctions", "service-2")
    return model


_JSON_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "integer": (int,),
    "long": (int,),
    "boolean": (bool,),
    "double": (int, float),
    "float": (int, float),
    "timestamp": (int, float),
    "list": (list,),
    "map": (dict,),
    "structure": (dict,),
}


def _has_json_type(value: object, kind: str) -> bool:
    """Whether a JSON value has the model type ``kind`` (``bool`` is an ``int`` in Python, but not in JSON)."""
    if isinstance(value, bool) and kind != "boolean":
        return False
    return isinstance(value, _JSON_TYPES.get(kind, (object,)))


def _validate(operation: str, params: Mapping[str, Any]) -> None:
    """Check the top-level input members against the model as AWS does, before the operation sees them.

    botocore validates on the client side too, but not ``max`` constraints (e.g. ``maxResults`` > 1000), and raw
    requests from tests skip it altogether.
    """
    shapes = _service_model()["shapes"]
    shape = shapes[_service_model()["operations"][operation]["input"]["shape"]]
    errors = [
        f"Value null at '{name}' failed to satisfy constraint: Member must not be null"
        for name in shape.get("required", ())
        if params.get(name) is None
    ]
    for name, value in params.items():
        ref = shape["members"].get(name)
        if ref is None or value is None:
            continue  # AWS ignores members it does not know
        member = shapes[ref["shape"]]
        kind = member["type"]
        if not _has_json_type(value, kind):
            errors.append(f"Value at '{name}' failed to satisfy constraint: Member must be of type {kind}")
            continue
        # The model's min/max bound a string's or collection's length, and a number's value.
        what, size = ("length", len(value)) if kind in ("string", "list", "map") else ("value", value)
        if kind not in ("string", "list", "map", "integer", "long"):
            size = None
        if size is not None and "min" in member and size < member["min"]:
            errors.append(
                f"Value at '{name}' failed to satisfy constraint: Member must have {what} greater than or equal to {member['min']}"
            )
        if size is not None and "max" in member and size > member["max"]:
            errors.append(
                f"Value at '{name}' failed to satisfy constraint: Member must have {what} less than or equal to {member['max']}"
            )
        if kind == "string" and "enum" in member and value not in member["enum"]:
            errors.append(
                f"Value '{value}' at '{name}' failed to satisfy constraint: Member must satisfy enum value set: {member['enum']}"
            )
    if errors:
        plural = "s" if len(errors) > 1 else ""
        raise _ApiError("ValidationException", f"{len(errors)} validation error{plural} detected: " + "; ".join(errors))


# --------------------------------------------------------------------------------------------------------------------
# State


@dataclasses.dataclass
class _StateMachine:
    arn: str
    name: str
    definition: str
    role_arn: str
    type: str
    created: float
    seq: int
    tags: dict[str, str] = dataclasses.field(default_factory=dict)


@dataclasses.dataclass
class _Execution:
    arn: str
    state_machine_arn: str
    name: str
    status: str
    start: float
    input: str
    seq: int
    stop: float | None = None
    output: str | None = None
    error: str | None = None
    cause: str | None = None
    redrive_status: str | None = None
    # The history, serialized once when added: a page is then a slice and a join, whatever the history's size. The
    # bytes are also the only copy, so a test mutating its event dicts afterwards cannot change what was served.
    wire: list[bytes] = dataclasses.field(default_factory=list)
    # The same without execution data, serialized on first demand and kept in step with `wire`.
    wire_without_data: list[bytes] = dataclasses.field(default_factory=list)
    # A parsed copy of the newest event: its id continues the history, its details close the execution.
    last_event: dict[str, Any] = dataclasses.field(default_factory=dict)

    def append(self, events: Iterable[Mapping[str, Any]]) -> None:
        before = len(self.wire)
        self.wire.extend(_dumps(event) for event in events)
        if len(self.wire) > before:
            self.last_event = json.loads(self.wire[-1])

    def without_data(self) -> list[bytes]:
        for raw in self.wire[len(self.wire_without_data) :]:
            event = json.loads(raw)
            self.wire_without_data.append(
                _dumps(
                    {
                        key: {k: v for k, v in value.items() if k not in _DATA_MEMBERS}
                        if isinstance(value, dict)
                        else value
                        for key, value in event.items()
                    }
                )
            )
        return self.wire_without_data


@dataclasses.dataclass
class _Fault:
    kind: str
    operation: str | None
    times: int
    delay: float


# --------------------------------------------------------------------------------------------------------------------
# HTTP


class _Handler(http.server.BaseHTTPRequestHandler):
    """One connection: HTTP/1.1 keep-alive, as boto3's connection pool expects."""

    protocol_version = "HTTP/1.1"
    timeout = _SOCKET_TIMEOUT  # StreamRequestHandler puts it on the socket: idle or stalled peers cannot pin us
    server: _Server

    def setup(self) -> None:
        super().setup()
        # Headers and body go out in two writes; without this, Nagle + delayed ACK can add 40 ms per response.
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.server.track(self.connection)

    def finish(self) -> None:
        try:
            super().finish()
        finally:
            self.server.untrack(self.connection)

    def version_string(self) -> str:
        """The ``Server`` header."""
        return "FakeStepFunctions"

    def log_message(self, format: str, *args: Any) -> None:
        """Keep the test output clean: no access log."""

    def do_POST(self) -> None:
        """Read one request fully, let the fake decide the answer, send it (or hang up)."""
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            length = -1
        if length < 0 or "chunked" in (self.headers.get("Transfer-Encoding") or "").lower():
            # We cannot find the end of this body, so this connection cannot carry another request either.
            self.close_connection = True
            self._send(_ApiError("SerializationException", "Content-Length required", namespace=_CORAL_NS).reply())
            return
        body = self.rfile.read(length) if length else b""
        if len(body) < length:  # the client hung up mid-body
            self.close_connection = True
            return
        reply = self.server.fake._respond(self.headers.get("X-Amz-Target") or "", body, Headers(self.headers.items()))
        if reply.drop:
            # No status line, no bytes: socketserver then shuts the socket down, which the client reads as EOF.
            self.close_connection = True
            return
        self._send(reply)

    def _send(self, reply: _Reply) -> None:
        try:
            self.send_response(reply.status)
            self.send_header("Content-Type", JSON_CONTENT_TYPE)
            self.send_header("Content-Length", str(len(reply.body)))
            self.send_header("x-amzn-RequestId", reply.request_id or str(uuid.uuid4()))
            self.end_headers()
            self.wfile.write(reply.body)
        except OSError:  # the client gave up waiting (e.g. its read timeout beat our latency)
            self.close_connection = True


class _Server(http.server.ThreadingHTTPServer):
    """The listening socket, one daemon thread per connection, and the connections still open (to cut on stop)."""

    daemon_threads = True

    def __init__(self, fake: FakeStepFunctions, port: int = 0) -> None:
        self.fake = fake
        self._open: set[socket.socket] = set()
        self._open_lock = threading.Lock()
        super().__init__(("127.0.0.1", port), _Handler)

    def server_bind(self) -> None:
        # HTTPServer.server_bind does a reverse DNS lookup (socket.getfqdn) we neither need nor want to wait for.
        socketserver.TCPServer.server_bind(self)
        self.server_name, self.server_port = "127.0.0.1", self.server_address[1]

    def track(self, connection: socket.socket) -> None:
        with self._open_lock:
            self._open.add(connection)

    def untrack(self, connection: socket.socket) -> None:
        with self._open_lock:
            self._open.discard(connection)

    def cut_connections(self) -> None:
        """Shut every open connection so the threads blocked reading idle keep-alive sockets end now."""
        with self._open_lock:
            connections = list(self._open)
        for connection in connections:
            with contextlib.suppress(OSError):  # already gone
                connection.shutdown(socket.SHUT_RDWR)

    def handle_error(self, request: Any, client_address: Any) -> None:
        # Peers vanishing (resets, timeouts) is normal traffic for a fault-injecting server; real bugs still print.
        if isinstance(sys.exc_info()[1], OSError):
            return
        super().handle_error(request, client_address)


# --------------------------------------------------------------------------------------------------------------------
# The fake


class FakeStepFunctions:
    """An in-memory Step Functions served over HTTP on 127.0.0.1, with fault injection and request recording.

    Public attributes:
        latency: seconds slept before every response (after the request was applied); settable at any time.
        calls: every request received, in arrival order, faulted ones included.
    """

    # Operation name -> handler method name; anything else is UnknownOperationException.
    _OPERATIONS: ClassVar[dict[str, str]] = {
        "CreateStateMachine": "_create_state_machine",
        "DescribeStateMachine": "_describe_state_machine",
        "ListStateMachines": "_list_state_machines",
        "DeleteStateMachine": "_delete_state_machine",
        "StartExecution": "_start_execution",
        "StartSyncExecution": "_start_sync_execution",
        "DescribeExecution": "_describe_execution",
        "ListExecutions": "_list_executions",
        "StopExecution": "_stop_execution",
        "GetExecutionHistory": "_get_execution_history",
        "ListTagsForResource": "_list_tags_for_resource",
        "TagResource": "_tag_resource",
        "UntagResource": "_untag_resource",
        "TestState": "_test_state",
    }

    def __init__(self, region: str = "us-east-1", account: str = "123456789012") -> None:
        self.region = region
        self.account = account
        self.latency: float = 0.0
        self.calls: list[Call] = []
        self._lock = threading.RLock()  # one lock around all state, requests and test helpers alike
        self._faults: list[_Fault] = []
        self._state_machines: dict[str, _StateMachine] = {}
        self._executions: dict[str, _Execution] = {}
        self._seq = 0
        # Pagination tokens we issued: token -> (scope, position). Unknown or out-of-scope tokens are InvalidToken.
        self._tokens: dict[str, tuple[tuple[Any, ...], Any]] = {}
        self._token_of: dict[tuple[tuple[Any, ...], Any], str] = {}
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self._port = 0  # the port to bind again after go_down()
        self._gates: list[Gate] = []
        #: ARNs of the EXPRESS executions StartExecution started, in order (AWS keeps nothing else of them).
        self.express_executions: list[str] = []

    # ---- lifecycle ----------------------------------------------------------------------------------------------

    def start(self) -> FakeStepFunctions:
        """Bind 127.0.0.1 on a free port and serve from a daemon thread; returns ``self``."""
        if self._server is not None:
            raise RuntimeError("FakeStepFunctions is already started")
        self._server = _Server(self, self._port)
        # A short poll interval keeps stop() quick; the idle cost is negligible.
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, name="fake-sfn", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving, cut open connections and close the listening socket (idempotent)."""
        server, thread = self._server, self._thread
        if server is None:
            return
        self._server = self._thread = None
        with self._lock:
            gates, self._gates = self._gates, []
        for gate in gates:  # a held request must not keep its thread (and stop()) waiting
            gate.release()
        server.shutdown()
        server.cut_connections()
        server.server_close()
        if thread is not None:
            thread.join(timeout=5)

    def go_down(self) -> None:
        """The backend is down: connections are refused (and open ones cut) until :meth:`come_back`.

        State is kept; held gates are released; the endpoint URL stays the same.
        """
        if self._server is None:
            raise RuntimeError("FakeStepFunctions is not started")
        self._port = self._server.server_address[1]
        self.stop()

    def come_back(self) -> None:
        """Serve again on the port of before :meth:`go_down`, with the state of before."""
        self.start()

    def __enter__(self) -> FakeStepFunctions:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    @property
    def endpoint_url(self) -> str:
        """``http://127.0.0.1:<port>``, for ``endpoint_url=`` / ``AWS_ENDPOINT_URL_SFN`` (valid once started)."""
        if self._server is None:
            raise RuntimeError("FakeStepFunctions is not started")
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    # ---- test controls ------------------------------------------------------------------------------------------

    def calls_of(self, operation: str) -> list[Call]:
        """The recorded calls of one operation (e.g. ``"StartExecution"``), in order."""
        with self._lock:
            return [call for call in self.calls if call.operation == operation]

    def inject(self, fault: str, *, operation: str | None = None, times: int = 1, delay: float = 0.0) -> None:
        """Make the next ``times`` requests of ``operation`` (any operation if ``None``) fail as ``fault``.

        Faults are consumed in FIFO order, one request per time, then disappear. Kinds: ``"throttle"`` (400
        ThrottlingException), ``"500"`` (InternalFailure), ``"503"`` (ServiceUnavailable), ``"drop"`` (apply the
        request, then close the connection without answering), ``"drop_before"`` (close without applying),
        ``"latency"`` (answer normally after ``delay`` seconds).
        """
        if fault not in FAULT_KINDS:
            raise ValueError(f"unknown fault {fault!r}; expected one of {sorted(FAULT_KINDS)}")
        if times < 1:
            raise ValueError(f"times must be at least 1, not {times}")
        with self._lock:
            self._faults.append(_Fault(fault, operation, times, delay))

    def clear_faults(self) -> None:
        """Forget the faults injected and not yet consumed (a storm ends)."""
        with self._lock:
            self._faults.clear()

    def hold(self, operation: str | None = None) -> Gate:
        """Hold every request of ``operation`` (any operation if ``None``) from now on until the gate is released.

        Held requests are recorded but not applied yet (nor faulted, nor delayed); :meth:`stop` releases every gate.
        """
        gate = Gate(operation)
        with self._lock:
            self._gates.append(gate)
        return gate

    def add_state_machine(self, name: str, definition: str = DEFAULT_DEFINITION, type: str = "STANDARD") -> str:
        """Create a state machine directly (no request recorded) and return its ARN."""
        with self._lock:
            arn = self._state_machine_arn(name)
            if arn in self._state_machines:
                raise ValueError(f"state machine {name!r} already exists")
            self._state_machines[arn] = _StateMachine(
                arn, name, definition, DEFAULT_ROLE.format(account=self.account), type, _now(), self._next_seq()
            )
            return arn

    def add_execution(
        self,
        state_machine_arn: str,
        name: str,
        *,
        status: str = "SUCCEEDED",
        events: list[dict[str, Any]] | None = None,
        input: str = "{}",
        output: str | None = "{}",
        redrive_status: str | None = None,
    ) -> str:
        """Create an execution directly and return its ARN.

        ``events`` is the history in wire-JSON form (e.g. from :func:`history`); when ``None`` a short valid
        history matching ``status``, ``input`` and ``output`` is made. The start date is the first event's
        timestamp, the stop date (terminal statuses) the last one's. ``output`` is only reported when SUCCEEDED
        (``None``: the output of the closing ``ExecutionSucceeded`` event, if any); a FAILED execution reports the
        error and cause of its ``ExecutionFailed`` event, if any.
        """
        if status not in EXECUTION_STATUSES:
            raise ValueError(f"unknown execution status {status!r}")
        with self._lock:
            machine = self._state_machines.get(state_machine_arn)
            if machine is None:
                raise ValueError(f"no state machine {state_machine_arn!r}")
            arn = self._execution_arn(machine.name, name)
            if arn in self._executions:
                raise ValueError(f"execution {name!r} already exists")
            if events is None:
                count = 3 if status == "RUNNING" else 4 if status in TERMINAL_STATUSES else 5
                events = _build_history(
                    count,
                    payload_bytes=64,
                    status=status,
                    start=_now(),
                    input=input,
                    output=output,
                    role_arn=machine.role_arn,
                )
            execution = _Execution(
                arn, machine.arn, name, "RUNNING", _event_time(events[0]) if events else _now(), input, self._next_seq()
            )
            execution.redrive_status = redrive_status
            execution.append(events)
            self._executions[arn] = execution
            self._close(execution, status, at=_event_time(events[-1]) if events else None, output=output)
            return arn

    def append_events(self, execution_arn: str, events: list[dict[str, Any]], *, status: str | None = None) -> None:
        """Grow an execution's history (e.g. while a client follows it).

        When ``status`` is ``None`` and the last event closes the execution (``ExecutionSucceeded``...), the
        status, stop date, output or error follow from that event; otherwise ``status`` is applied as
        :meth:`set_status` does.
        """
        with self._lock:
            execution = self._execution(execution_arn)
            execution.append(events)
            if status is None and events and events[-1].get("type") in _STATUS_OF_TERMINAL_EVENT:
                status = _STATUS_OF_TERMINAL_EVENT[events[-1]["type"]]
            if status is not None:
                self._close(execution, status, at=_event_time(events[-1]) if events else None)

    def set_status(self, execution_arn: str, status: str) -> None:
        """Set an execution's status (and its stop date: now if terminal, none otherwise).

        The history is left alone: append the closing event with :meth:`append_events` when a test needs it.
        """
        if status not in EXECUTION_STATUSES:
            raise ValueError(f"unknown execution status {status!r}")
        with self._lock:
            self._close(self._execution(execution_arn), status)

    # ---- request path -------------------------------------------------------------------------------------------

    def _respond(self, target: str, body: bytes, headers: Headers) -> _Reply:
        """Record a request, apply its fault if one is due, run it, and tell the handler what to answer."""
        operation = target.removeprefix(TARGET_PREFIX)
        params: dict[str, Any] | None
        try:
            parsed = json.loads(body) if body.strip() else {}
            params = parsed if isinstance(parsed, dict) else None
        except ValueError:  # JSONDecodeError and UnicodeDecodeError alike
            params = None
        request_id = str(uuid.uuid4())
        with self._lock:
            fault = self._take_fault(operation)
            self.calls.append(
                Call(
                    operation, params if params is not None else {}, headers, fault.kind if fault else None, request_id
                )
            )
            gates = [gate for gate in self._gates if gate.operation in (None, operation)]
        for gate in gates:  # outside the lock: other requests and the test's helpers go on meanwhile
            gate._pass()
        try:
            return dataclasses.replace(self._answer(target, operation, params, fault), request_id=request_id)
        finally:
            for gate in gates:
                gate._answered_one()

    def _answer(self, target: str, operation: str, params: dict[str, Any] | None, fault: _Fault | None) -> _Reply:
        """The reply to a recorded request: its fault, or the operation's result, after any latency."""
        kind = fault.kind if fault else None
        if kind == "throttle":
            reply = _ApiError("ThrottlingException", "Rate exceeded", namespace=_THROTTLE_NS).reply()
        elif kind == "500":
            reply = _ApiError("InternalFailure", "fake_sfn: injected 500", status=500, namespace="").reply()
        elif kind == "503":
            reply = _ApiError("ServiceUnavailable", "fake_sfn: injected 503", status=503, namespace="").reply()
        elif kind == "drop_before":
            reply = _DROP
        else:
            reply = self._apply(target, operation, params)
            if kind == "drop":
                reply = _DROP  # AWS acted; the answer is lost on the way back
        # Sleep outside the lock, after applying: other clients see the effect while this one is still waiting.
        delay = self.latency + (fault.delay if fault and kind == "latency" else 0.0)
        if delay > 0:
            time.sleep(delay)
        return reply

    def _take_fault(self, operation: str) -> _Fault | None:
        for fault in self._faults:
            if fault.operation is None or fault.operation == operation:
                fault.times -= 1
                if fault.times == 0:
                    self._faults.remove(fault)
                return fault
        return None

    def _apply(self, target: str, operation: str, params: dict[str, Any] | None) -> _Reply:
        method = self._OPERATIONS.get(operation) if target.startswith(TARGET_PREFIX) else None
        if method is None:
            return _ApiError("UnknownOperationException", f"Unknown operation {target!r}", namespace=_CORAL_NS).reply()
        if params is None:
            return _ApiError(
                "SerializationException", "The request body is not a JSON object", namespace=_CORAL_NS
            ).reply()
        handler: Callable[[dict[str, Any]], dict[str, Any] | bytes] = getattr(self, method)
        try:
            _validate(operation, params)
            with self._lock:
                result = handler(params)
        except _ApiError as error:
            return error.reply()
        except Exception as error:
            # A bug in the fake: say so loudly on stderr, and as a 500 the client can surface.
            traceback.print_exc()
            return _ApiError("InternalFailure", f"fake_sfn bug: {error!r}", status=500, namespace="").reply()
        return _Reply(200, result if isinstance(result, bytes) else _dumps(result))

    # ---- state helpers (caller holds the lock) ------------------------------------------------------------------

    def _next_seq(self) -> int:
        self._seq += 1
        return self._seq

    def _state_machine_arn(self, name: str) -> str:
        return f"arn:aws:states:{self.region}:{self.account}:stateMachine:{name}"

    def _execution_arn(self, machine: str, name: str) -> str:
        return f"arn:aws:states:{self.region}:{self.account}:execution:{machine}:{name}"

    def _express_arn(self, machine: str, name: str) -> str:
        return f"arn:aws:states:{self.region}:{self.account}:express:{machine}:{name}:{uuid.uuid4()}"

    def _execution(self, arn: str) -> _Execution:
        """The execution with this ARN, for test helpers (a test bug if missing)."""
        execution = self._executions.get(arn)
        if execution is None:
            raise ValueError(f"no execution {arn!r}")
        return execution

    def _close(self, execution: _Execution, status: str, *, at: float | None = None, output: str | None = None) -> None:
        """Put ``execution`` in ``status``; stop date, output, error and cause come from the arguments or else from
        the closing event ending its history, if there is one."""
        execution.status = status
        if status not in TERMINAL_STATUSES:
            execution.stop = None
            return
        execution.stop = at if at is not None else _now()
        last = execution.last_event
        event_type, member = _TERMINAL_EVENTS[status]
        details = (last.get(member) or {}) if last.get("type") == event_type else {}
        if status == "SUCCEEDED":
            # An explicit output (add_execution) wins; otherwise the closing event tells.
            execution.output = output if output is not None else details.get("output", execution.output)
        execution.error = details.get("error", execution.error)
        execution.cause = details.get("cause", execution.cause)

    def _lookup_state_machine(self, arn: str) -> _StateMachine:
        """The state machine an API call names: InvalidArn if it is no state machine ARN, DoesNotExist if unknown."""
        _check_arn(arn, "stateMachine")
        machine = self._state_machines.get(arn)
        if machine is None:
            raise _ApiError("StateMachineDoesNotExist", f"State Machine Does Not Exist: '{arn}'")
        return machine

    def _lookup_execution(self, arn: str) -> _Execution:
        """The execution an API call names: InvalidArn if it is no (standard) execution ARN, DoesNotExist if unknown.

        Express executions are refused like any other resource type: AWS keeps no record of them to describe, stop
        or read the history of.
        """
        _check_arn(arn, "execution")
        execution = self._executions.get(arn)
        if execution is None:
            raise _ApiError("ExecutionDoesNotExist", f"Execution Does Not Exist: '{arn}'")
        return execution

    def _token(self, scope: tuple[Any, ...], position: Any) -> str:
        """The token for resuming ``scope`` at ``position``; the same one every time, so retries agree."""
        key = (scope, position)
        token = self._token_of.get(key)
        if token is None:
            token = secrets.token_urlsafe(32)
            self._token_of[key] = token
            self._tokens[token] = key
        return token

    def _position(self, params: Mapping[str, Any], scope: tuple[Any, ...]) -> Any:
        """Where ``params["nextToken"]`` resumes ``scope`` (``None`` without a token); InvalidToken if not ours."""
        token = params.get("nextToken")
        if token is None:
            return None
        found = self._tokens.get(token)
        if found is None or found[0] != scope:
            raise _ApiError("InvalidToken", f"Invalid Token: '{token}'")
        return found[1]

    # ---- operations (called with the lock held; params already validated against the model) -------------------

    def _create_state_machine(self, params: dict[str, Any]) -> dict[str, Any]:
        name, definition, role_arn = params["name"], params["definition"], params["roleArn"]
        machine_type = params.get("type", "STANDARD")
        if not _NAME.fullmatch(name):
            raise _ApiError("InvalidName", f"Invalid Name: '{name}'")
        _check_definition(definition)
        if not role_arn.startswith("arn:"):
            raise _ApiError("InvalidArn", f"Invalid Arn: '{role_arn}'")
        arn = self._state_machine_arn(name)
        existing = self._state_machines.get(arn)
        if existing is not None:
            # AWS: CreateStateMachine is idempotent for identical settings, a conflict otherwise.
            if (existing.definition, existing.role_arn, existing.type) != (definition, role_arn, machine_type):
                raise _ApiError("StateMachineAlreadyExists", f"State Machine Already Exists: '{arn}'")
            return {"stateMachineArn": arn, "creationDate": existing.created}
        machine = _StateMachine(arn, name, definition, role_arn, machine_type, _now(), self._next_seq())
        machine.tags = {tag["key"]: tag.get("value", "") for tag in params.get("tags", ())}
        self._state_machines[arn] = machine
        return {"stateMachineArn": arn, "creationDate": machine.created}

    def _describe_state_machine(self, params: dict[str, Any]) -> dict[str, Any]:
        machine = self._lookup_state_machine(params["stateMachineArn"])
        return {
            "stateMachineArn": machine.arn,
            "name": machine.name,
            "status": "ACTIVE",
            "definition": machine.definition,
            "roleArn": machine.role_arn,
            "type": machine.type,
            "creationDate": machine.created,
            "loggingConfiguration": {"level": "OFF", "includeExecutionData": False},
            "tracingConfiguration": {"enabled": False},
        }

    def _list_state_machines(self, params: dict[str, Any]) -> dict[str, Any]:
        # Creation order; a token remembers the last machine returned, so deletions cannot shift pages.
        after = self._position(params, ("ListStateMachines",)) or 0
        machines = sorted((m for m in self._state_machines.values() if m.seq > after), key=lambda m: m.seq)
        page = machines[: params.get("maxResults") or _DEFAULT_PAGE_SIZE]
        result: dict[str, Any] = {
            "stateMachines": [
                {"stateMachineArn": m.arn, "name": m.name, "type": m.type, "creationDate": m.created} for m in page
            ]
        }
        if len(page) < len(machines):
            result["nextToken"] = self._token(("ListStateMachines",), page[-1].seq)
        return result

    def _delete_state_machine(self, params: dict[str, Any]) -> dict[str, Any]:
        arn = params["stateMachineArn"]
        _check_arn(arn, "stateMachine")
        # AWS deletes asynchronously and answers 200 even for an unknown machine; executions stay describable.
        self._state_machines.pop(arn, None)
        return {}

    def _start_execution(self, params: dict[str, Any]) -> dict[str, Any]:
        machine = self._lookup_state_machine(params["stateMachineArn"])
        name = params.get("name") or str(uuid.uuid4())
        if not _NAME.fullmatch(name):
            raise _ApiError("InvalidName", f"Invalid Name: '{name}'")
        execution_input = params.get("input", "{}")
        _check_input(execution_input)
        if machine.type == "EXPRESS":
            # AWS: not idempotent for EXPRESS; every call starts another execution, whose ARN says `express` and
            # ends with an id of its own. Nothing about it can be read back through the API (no history).
            self.express_executions.append(self._express_arn(machine.name, name))
            return {"executionArn": self.express_executions[-1], "startDate": _now()}
        arn = self._execution_arn(machine.name, name)
        existing = self._executions.get(arn)
        if existing is not None:
            # AWS: idempotent while the execution runs with the same input; otherwise the name is taken.
            if existing.status == "RUNNING" and existing.input == execution_input:
                return {"executionArn": arn, "startDate": existing.start}
            raise _ApiError("ExecutionAlreadyExists", f"Execution Already Exists: '{arn}'")
        execution = _Execution(arn, machine.arn, name, "RUNNING", _now(), execution_input, self._next_seq())
        execution.append(
            [
                {
                    "timestamp": execution.start,
                    "type": "ExecutionStarted",
                    "id": 1,
                    "previousEventId": 0,
                    "executionStartedEventDetails": {
                        "input": execution_input,
                        "inputDetails": {"truncated": False},
                        "roleArn": machine.role_arn,
                    },
                }
            ]
        )
        self._executions[arn] = execution
        return {"executionArn": arn, "startDate": execution.start}

    def _start_sync_execution(self, params: dict[str, Any]) -> dict[str, Any]:
        machine = self._lookup_state_machine(params["stateMachineArn"])
        if machine.type != "EXPRESS":
            raise _ApiError(
                "StateMachineTypeNotSupported", "This operation is not supported by this type of state machine"
            )
        name = params.get("name") or str(uuid.uuid4())
        if not _NAME.fullmatch(name):
            raise _ApiError("InvalidName", f"Invalid Name: '{name}'")
        execution_input = params.get("input", "{}")
        _check_input(execution_input)
        started = _now()
        return {
            "executionArn": self._express_arn(machine.name, name),
            "stateMachineArn": machine.arn,
            "name": name,
            "startDate": started,
            "stopDate": started,
            "status": "SUCCEEDED",
            "input": execution_input,
            "inputDetails": {"included": True},
            "output": execution_input,
            "outputDetails": {"included": True},
            "billingDetails": {"billedMemoryUsedInMB": 64, "billedDurationInMilliseconds": 100},
        }

    def _describe_execution(self, params: dict[str, Any]) -> dict[str, Any]:
        execution = self._lookup_execution(params["executionArn"])
        result: dict[str, Any] = {
            "executionArn": execution.arn,
            "stateMachineArn": execution.state_machine_arn,
            "name": execution.name,
            "status": execution.status,
            "startDate": execution.start,
        }
        # METADATA_ONLY: the answer AWS gives a caller who may not decrypt the data (see the module docstring).
        with_data = params.get("includedData", "ALL_DATA") == "ALL_DATA"
        if with_data:
            result["input"] = execution.input
            result["inputDetails"] = {"included": True}
        if execution.stop is not None:
            result["stopDate"] = execution.stop
        if with_data and execution.status == "SUCCEEDED" and execution.output is not None:
            result["output"] = execution.output
            result["outputDetails"] = {"included": True}
        if execution.status in TERMINAL_STATUSES - {"SUCCEEDED"}:
            if execution.error is not None:
                result["error"] = execution.error
            if execution.cause is not None:
                result["cause"] = execution.cause
        if execution.redrive_status is not None:
            result["redriveStatus"] = execution.redrive_status
        return result

    def _list_executions(self, params: dict[str, Any]) -> dict[str, Any]:
        if params.get("mapRunArn") is not None:
            raise _ApiError("ResourceNotFound", f"Resource not found: '{params['mapRunArn']}'")
        if params.get("stateMachineArn") is None:
            raise _ApiError("ValidationException", "Must provide a StateMachine ARN or MapRun ARN")
        machine = self._lookup_state_machine(params["stateMachineArn"])
        if machine.type == "EXPRESS":
            raise _ApiError(
                "StateMachineTypeNotSupported", "This operation is not supported by this type of state machine"
            )
        status_filter, redrive_filter = params.get("statusFilter"), params.get("redriveFilter")
        scope = ("ListExecutions", machine.arn, status_filter, redrive_filter)
        after = self._position(params, scope)
        # Newest first, as AWS lists them; ties (same millisecond) by creation order, newest first too. The token
        # holds the sort key of the last execution returned, so executions started meanwhile cannot shift pages.
        matching = sorted(
            (
                execution
                for execution in self._executions.values()
                if execution.state_machine_arn == machine.arn
                and status_filter in (None, execution.status)
                and redrive_filter != "REDRIVEN"  # nothing is ever redriven here
                and (after is None or (execution.start, execution.seq) < after)
            ),
            key=lambda execution: (execution.start, execution.seq),
            reverse=True,
        )
        page = matching[: params.get("maxResults") or _DEFAULT_PAGE_SIZE]
        items = []
        for execution in page:
            item: dict[str, Any] = {
                "executionArn": execution.arn,
                "stateMachineArn": execution.state_machine_arn,
                "name": execution.name,
                "status": execution.status,
                "startDate": execution.start,
            }
            if execution.stop is not None:
                item["stopDate"] = execution.stop
            items.append(item)
        result: dict[str, Any] = {"executions": items}
        if len(page) < len(matching):
            result["nextToken"] = self._token(scope, (page[-1].start, page[-1].seq))
        return result

    def _stop_execution(self, params: dict[str, Any]) -> dict[str, Any]:
        execution = self._lookup_execution(params["executionArn"])
        if execution.status in ("RUNNING", "PENDING_REDRIVE"):
            error, cause = params.get("error"), params.get("cause")
            execution.error, execution.cause = error, cause
            last_id = execution.last_event.get("id", 0)
            event: dict[str, Any] = {
                "timestamp": _now(),
                "type": "ExecutionAborted",
                "id": last_id + 1,
                "previousEventId": last_id,
            }
            details = _terminal_details("ABORTED", None, error, cause)
            if details:
                event["executionAbortedEventDetails"] = details
            execution.append([event])
            self._close(execution, "ABORTED", at=event["timestamp"])
        return {"stopDate": execution.stop}

    def _get_execution_history(self, params: dict[str, Any]) -> bytes:
        execution = self._lookup_execution(params["executionArn"])
        reverse = bool(params.get("reverseOrder", False))
        wire = execution.wire if params.get("includeExecutionData", True) else execution.without_data()
        size = params.get("maxResults") or _DEFAULT_PAGE_SIZE
        # Positions are list indexes, stable because histories only grow at the end: forward pages resume at the
        # next index up, reverse pages at the next index down, whatever was appended in between.
        scope = ("GetExecutionHistory", execution.arn, reverse)
        position = self._position(params, scope)
        if reverse:
            first = len(wire) - 1 if position is None else position
            last = max(first - size, -1)
            page = wire[first:last:-1] if last >= 0 else wire[first::-1]
            more, resume = last >= 0, last
        else:
            first = 0 if position is None else position
            last = min(first + size, len(wire))
            page = wire[first:last]
            more, resume = last < len(wire), last
        # The events are JSON already: the response is their concatenation, not a re-encoding of 1,000 dicts.
        parts = [b'{"events":[', b",".join(page), b"]"]
        if more:
            parts.append(b',"nextToken":' + _dumps(self._token(scope, resume)))
        parts.append(b"}")
        return b"".join(parts)

    def _list_tags_for_resource(self, params: dict[str, Any]) -> dict[str, Any]:
        machine = self._tagged(params["resourceArn"])
        return {"tags": [{"key": key, "value": value} for key, value in machine.tags.items()]}

    def _tag_resource(self, params: dict[str, Any]) -> dict[str, Any]:
        machine = self._tagged(params["resourceArn"])
        machine.tags.update({tag["key"]: tag.get("value", "") for tag in params["tags"]})
        return {}

    def _untag_resource(self, params: dict[str, Any]) -> dict[str, Any]:
        machine = self._tagged(params["resourceArn"])
        for key in params["tagKeys"]:
            machine.tags.pop(key, None)
        return {}

    def _tagged(self, arn: str) -> _StateMachine:
        """The taggable resource ``arn`` names (only state machines here)."""
        if _ARN.fullmatch(arn) is None:
            raise _ApiError("InvalidArn", f"Invalid Arn: '{arn}'")
        machine = self._state_machines.get(arn)
        if machine is None:
            raise _ApiError("ResourceNotFound", f"Resource not found: '{arn}'")
        return machine

    def _test_state(self, params: dict[str, Any]) -> dict[str, Any]:
        try:
            json.loads(params["definition"])
        except ValueError:
            raise _ApiError("InvalidDefinition", "Invalid State Machine Definition: not JSON") from None
        execution_input = params.get("input", "{}")
        _check_input(execution_input)
        return {"status": "SUCCEEDED", "output": execution_input}


def _check_arn(arn: str, kind: str) -> None:
    """InvalidArn unless ``arn`` is a Step Functions ARN of resource type ``kind``, worded as AWS words it."""
    match = _ARN.fullmatch(arn)
    if match is None:
        raise _ApiError("InvalidArn", f"Invalid Arn: '{arn}'")
    if match["kind"] != kind:
        raise _ApiError("InvalidArn", f"Invalid Arn: 'Resource type not valid in this context: {match['kind']}'")


def _event_time(event: Mapping[str, Any]) -> float:
    """An event's timestamp as epoch seconds, whether the test wrote a number or a datetime."""
    value = event["timestamp"]
    return round(value.timestamp() if isinstance(value, dt.datetime) else float(value), 3)


def _check_definition(definition: str) -> None:
    """The little of ASL validation the fake does: JSON with ``StartAt`` and ``States``."""
    try:
        parsed = json.loads(definition)
    except ValueError:
        raise _ApiError("InvalidDefinition", "Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED'") from None
    if not isinstance(parsed, dict) or "StartAt" not in parsed or not isinstance(parsed.get("States"), dict):
        raise _ApiError("InvalidDefinition", "Invalid State Machine Definition: 'MISSING_START_AT or States'")


def _check_input(execution_input: str) -> None:
    """Execution input must be JSON text, as AWS requires."""
    try:
        json.loads(execution_input)
    except ValueError:
        raise _ApiError("InvalidExecutionInput", "Invalid State Machine Execution Input: 'not JSON'") from None
