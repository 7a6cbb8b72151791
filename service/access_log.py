"""The access log: one JSON line per call, and the record of what the call did that fills it.

Each call to the service gets a `CallRecord` in a context variable, set by the handler wrapper
(`AccessLog`, one of observers.py's call observers) and filled where each fact is decided: every AWS attempt
(`note_attempt`, from tracing.py's attempt, which sees the answer's request id) and every cache
lookup (`note_cache`, from caches.py's `ByteLRU.get`). Tasks the call starts (a shared AWS call, a
history load) copy the context and so fill the record of the call that started them; a call that
joins one in flight is marked `coalesced` instead.

What the line never holds: request or response payloads (input, output, definitions, events), nor
anything botocore logs on the wire. `configure_logging` keeps botocore's and urllib3's DEBUG output
out of the gateway's log at every level: it carries the Authorization header's signing material,
the session token (in the canonical request botocore.auth logs) and request and response bodies.
A redacting filter would have to know every format those libraries ever print; a level does not.
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import datetime as dt
import json
import logging
import sys
import time
from dataclasses import dataclass, field
from typing import IO, Any

import grpc
from opentelemetry import trace

from service.identity import caller_identity
from service.observers import Ending, MethodObserver

ACCESS_LOGGER = "sfn_grpc.access"
# Loggers whose DEBUG output holds credentials or payloads: never below WARNING in the gateway's log.
WIRE_LOGGERS = ("botocore", "boto3", "urllib3", "s3transfer")
# A follow stream may poll for hours: its line keeps the first request ids, and counts the rest.
MAX_REQUEST_IDS = 16
_STATUS_DETAILS = "grpc-status-details-bin"

log = logging.getLogger(ACCESS_LOGGER)


@dataclass
class CallRecord:
    """What one call did on the way: AWS attempts, their request ids, retries, caches, coalescing."""

    attempts: int = 0
    retries: int = 0
    request_ids: list[str] = field(default_factory=list)
    cache_hit: bool | None = None  # None: no cache was asked
    coalesced: bool = False


_current: contextvars.ContextVar[CallRecord | None] = contextvars.ContextVar("sfn_grpc_call", default=None)


def note_attempt(request_id: str | None, retry: bool) -> None:
    """An AWS attempt of the current call ended (with the answer's request id, if an answer came)."""
    record = _current.get()
    if record is None:
        return
    record.attempts += 1
    record.retries += retry
    if request_id and len(record.request_ids) < MAX_REQUEST_IDS:
        record.request_ids.append(request_id)


def note_cache(hit: bool) -> None:
    """A cache was asked for the current call; one hit makes the call's answer (partly) cached."""
    record = _current.get()
    if record is not None:
        record.cache_hit = hit or bool(record.cache_hit)


def note_coalesced() -> None:
    """The current call joined an identical AWS call in flight (whose attempts another call records)."""
    record = _current.get()
    if record is not None:
        record.coalesced = True


class AccessLog:
    """Each call leaves one JSON line on the `sfn_grpc.access` logger (INFO); a CallObserver (observers.py)."""

    def method(self, service: str, method: str, streaming: bool) -> MethodObserver:
        """The logging of one method's calls."""
        return _LoggedMethod(method, streaming)


class _LoggedMethod:
    """One method's calls: a record per call in the context while it runs, its line at the end."""

    def __init__(self, method: str, streaming: bool) -> None:
        self._method = method
        self._streaming = streaming

    def begin(self, context: grpc.aio.ServicerContext[Any, Any]) -> _Logged:
        record = CallRecord()
        # Who is calling is read now, while the call is surely alive (observers.py: a stream may end
        # after its call is gone). The record is set for the call's whole life (a stream's too: each
        # step of its generator runs in the call's task).
        peer = context.peer()
        return _Logged(record, _current.set(record), time.monotonic(), peer, caller_identity(context))

    def sent(self, state: _Logged) -> None:
        state.messages += 1

    def end(self, state: _Logged, ending: Ending) -> None:
        # A stream the loop finalizes (its caller gone, the generator never closed by its task) ends in
        # another context, where the token means nothing: that context is discarded anyway.
        with contextlib.suppress(ValueError):
            _current.reset(state.token)
        _write(self._method, ending, state, state.messages if self._streaming else None)


@dataclass
class _Logged:
    record: CallRecord
    token: contextvars.Token[CallRecord | None]
    begin: float
    peer: str
    caller: str
    messages: int = 0


def _write(method: str, ending: Ending, state: _Logged, messages: int | None) -> None:
    if not log.isEnabledFor(logging.INFO):
        return
    record = state.record
    line: dict[str, Any] = {
        "time": time.time(),
        "method": method,
        "code": ending.code.name,
        "reason": ending.reason or None,
        "latency_ms": round((time.monotonic() - state.begin) * 1000, 3),
        "peer": state.peer,
        "caller": state.caller,
    }
    span = trace.get_current_span().get_span_context()
    if span.is_valid:
        line["trace_id"] = trace.format_trace_id(span.trace_id)
        line["span_id"] = trace.format_span_id(span.span_id)
    line["aws_request_ids"] = record.request_ids
    line["attempts"] = record.attempts
    line["retries"] = record.retries
    line["cache_hit"] = record.cache_hit
    line["coalesced"] = record.coalesced
    if messages is not None:
        line["messages"] = messages
    # Written in the next turn of the loop: the answer goes out first (formatting and writing the
    # line take tens of microseconds, which no caller should wait for).
    asyncio.get_running_loop().call_soon(_emit, line)


def _emit(line: dict[str, Any]) -> None:
    line["time"] = dt.datetime.fromtimestamp(line["time"], dt.UTC).isoformat(timespec="milliseconds")[:-6] + "Z"
    log.info("%s", json.dumps(line, separators=(",", ":")))


def configure_logging(level: str, stream: IO[str] | None = None) -> None:
    """The gateway's log: its lines at `level`, access lines as bare JSON, wire loggers held at WARNING.

    Access lines go to the same stream with nothing around them (one JSON object per line, for log
    shippers); every other line keeps the `time LEVEL logger: message` format.
    """
    stream = stream or sys.stderr
    logging.basicConfig(level=level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s", stream=stream)
    for name in WIRE_LOGGERS:
        logging.getLogger(name).setLevel(max(logging.WARNING, logging.getLogger().level))
    access = logging.getLogger(ACCESS_LOGGER)
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter("%(message)s"))
    access.addHandler(handler)
    access.propagate = False
