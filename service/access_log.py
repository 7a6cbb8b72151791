"""The access log: one JSON line per call, and the record of what the call did that fills it.

Each call to the service gets a `CallRecord` in a context variable, set by the handler wrapper
(`AccessLog.unary` / `server_stream`) and filled where each fact is decided: every AWS attempt
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
import contextvars
import datetime as dt
import json
import logging
import sys
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from typing import IO, Any

import grpc
from google.rpc import error_details_pb2, status_pb2
from opentelemetry import trace

from service.identity import caller_identity
from service.metrics import status_code

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


def outcome(context: grpc.aio.ServicerContext[Any, Any], error: BaseException | None) -> tuple[grpc.StatusCode, str]:
    """The status a call ended with, and its ErrorInfo reason ("" for none), as the caller got them."""
    if error is None:
        code = context.code()
        code = code if isinstance(code, grpc.StatusCode) else grpc.StatusCode.OK
    else:
        code = status_code(context, error)
    if code == grpc.StatusCode.OK:
        return code, ""
    return code, _reason(context)


def _reason(context: grpc.aio.ServicerContext[Any, Any]) -> str:
    """The ErrorInfo reason in the status details the call sent (errors.abort puts one in every error)."""
    for key, value in context.trailing_metadata() or ():
        if key == _STATUS_DETAILS and isinstance(value, bytes):
            for detail in status_pb2.Status.FromString(value).details:
                info = error_details_pb2.ErrorInfo()
                if detail.Unpack(info):  # False: another detail (RetryInfo, BadRequest)
                    return info.reason
    return ""


class AccessLog:
    """Wraps handlers so that each call leaves one JSON line on the `sfn_grpc.access` logger (INFO)."""

    def unary(
        self, service: str, method: str, behavior: Callable[[Any, Any], Awaitable[Any]]
    ) -> Callable[[Any, Any], Awaitable[Any]]:
        """`behavior` (a unary handler), logged."""

        async def logged(request: Any, context: grpc.aio.ServicerContext[Any, Any]) -> Any:
            record = CallRecord()
            token = _current.set(record)
            begin = time.monotonic()
            error: BaseException | None = None
            try:
                return await behavior(request, context)
            except BaseException as exc:
                error = exc
                raise
            finally:
                _current.reset(token)
                _write(method, context, error, begin, record, None)

        return logged

    def server_stream(
        self, service: str, method: str, behavior: Callable[[Any, Any], AsyncIterator[Any]]
    ) -> Callable[[Any, Any], AsyncIterator[Any]]:
        """`behavior` (a server-streaming handler), logged with the count of messages sent."""

        async def logged(request: Any, context: grpc.aio.ServicerContext[Any, Any]) -> AsyncIterator[Any]:
            record = CallRecord()
            # Set for the generator's whole life: each step of it runs in the call's own task.
            token = _current.set(record)
            begin = time.monotonic()
            error: BaseException | None = None
            sent = 0
            messages = behavior(request, context)
            try:
                async for message in messages:
                    yield message
                    sent += 1
            except BaseException as exc:
                error = exc
                raise
            finally:
                close = getattr(messages, "aclose", None)  # left early: its clean-up runs now, still recorded
                if close is not None:
                    await close()
                _current.reset(token)
                _write(method, context, error, begin, record, sent)

        return logged


def _write(
    method: str,
    context: grpc.aio.ServicerContext[Any, Any],
    error: BaseException | None,
    begin: float,
    record: CallRecord,
    messages: int | None,
) -> None:
    if not log.isEnabledFor(logging.INFO):
        return
    latency_ms = round((time.monotonic() - begin) * 1000, 3)
    code, reason = outcome(context, error)
    line: dict[str, Any] = {
        "time": time.time(),
        "method": method,
        "code": code.name,
        "reason": reason or None,
        "latency_ms": latency_ms,
        "peer": context.peer(),
        "caller": caller_identity(context),
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
