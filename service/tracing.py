"""OpenTelemetry traces: a server span per call, a client span per AWS attempt, OTLP when asked.

Off unless the standard variables ask for it (`tracer_provider_from_environment`): then no handler
is wrapped and an attempt costs one small object (it still reads the request id for the access log).

The server span comes from our own call observer (`Tracing.method`, observers.py, beside metrics.py's),
not from opentelemetry-instrumentation-grpc's aio interceptor: that one learns a call's status only
from `context.abort` and `set_code`, while every error of the gateway is sent with
`abort_with_status` (errors.abort: the status carries ErrorInfo), which it passes through unseen, so
every failed call would show as OK (`rpc.grpc.status_code` 0, status unset) with an AbortError
event; a cancelled call shows as OK too. Here the status is read from the call itself at its end,
as metrics does.

Attempt spans are started on the event loop around the await of the worker thread (aws.py's
`_attempt`), so they need no context carried into the thread: their parent is the call's span (or,
for an AWS call shared by several callers or a history load, the span of the call that started it,
whose context the task copied). Retries are sibling spans with `http.request.resend_count`.
"""

from __future__ import annotations

import contextlib
import contextvars
import logging
import os
import threading
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import grpc
from opentelemetry import context as otel_context
from opentelemetry import propagate, trace
from opentelemetry.trace import SpanKind, Status, StatusCode

from service import access_log
from service.config import ConfigurationError
from service.observers import Ending, MethodObserver

log = logging.getLogger(__name__)

INSTRUMENTATION = "sfn_grpc"
# How long a stopping server waits for its buffered spans to go out.
SHUTDOWN_SECONDS = 2.0
DEFAULT_SERVICE_NAME = "sfn-grpc"
AWS_SERVICE = "StepFunctions"
REQUEST_ID_HEADER = "x-amzn-RequestId"


class Attempt:
    """One AWS attempt: its span (None: not traced) and the request id of its answer."""

    __slots__ = ("number", "request_id", "span")

    def __init__(self, span: trace.Span | None, number: int) -> None:
        self.span = span
        self.number = number
        self.request_id: str | None = None

    def answered(self, headers: Mapping[str, str]) -> None:
        """The answer's headers arrived (on the worker thread): keep its request id."""
        self.request_id = headers.get(REQUEST_ID_HEADER)


class Tracing:
    """Spans of one server (tracer None: nothing is traced, attempts are only recorded)."""

    def __init__(self, provider: trace.TracerProvider | None, region: str | None = None) -> None:
        self.tracer = None if provider is None else provider.get_tracer(INSTRUMENTATION)
        self.region = region

    @contextlib.contextmanager
    def attempt(self, operation: str, number: int) -> Iterator[Attempt]:
        """A span around one AWS attempt (`number` from 0); its end goes to the call's access log record."""
        span = None
        if self.tracer is not None:
            attributes: dict[str, Any] = {"rpc.system": "aws-api", "rpc.service": AWS_SERVICE, "rpc.method": operation}
            if self.region:
                attributes["cloud.region"] = self.region
            if number:
                attributes["http.request.resend_count"] = number
            span = self.tracer.start_span(f"{AWS_SERVICE}/{operation}", kind=SpanKind.CLIENT, attributes=attributes)
        attempt = Attempt(span, number)
        error: BaseException | None = None
        try:
            yield attempt
        except BaseException as exc:
            error = exc
            raise
        finally:
            access_log.note_attempt(attempt.request_id, retry=number > 0)
            if span is not None:
                if attempt.request_id:
                    span.set_attribute("aws.request_id", attempt.request_id)
                if error is not None:
                    span.set_attribute("error.type", _error_type(error))
                    span.set_status(Status(StatusCode.ERROR, str(error)[:200]))
                span.end()

    # -- calls ----------------------------------------------------------------------------------------

    def method(self, service: str, method: str, streaming: bool) -> MethodObserver | None:
        """A server span per call of this method (None: tracing is off, nothing is wrapped)."""
        return None if self.tracer is None else _TracedMethod(self.tracer, service, method, streaming)


class _TracedMethod:
    """One method's calls, each in a server span, child of the caller's trace context (W3C `traceparent`)."""

    def __init__(self, tracer: trace.Tracer, service: str, method: str, streaming: bool) -> None:
        self._tracer = tracer
        self._streaming = streaming
        self._name = f"{service}/{method}"
        self._attributes = {"rpc.system": "grpc", "rpc.service": service, "rpc.method": method}

    def begin(self, context: grpc.aio.ServicerContext[Any, Any]) -> _Traced:
        parent = propagate.extract(
            {key: value for key, value in context.invocation_metadata() or () if isinstance(value, str)}
        )
        span = self._tracer.start_span(
            self._name, context=parent, kind=SpanKind.SERVER, attributes={**self._attributes, **_peer(context.peer())}
        )
        return _Traced(span, otel_context.attach(trace.set_span_in_context(span, parent)))

    def sent(self, state: _Traced) -> None:
        state.messages += 1

    def end(self, state: _Traced, ending: Ending) -> None:
        span = state.span
        if self._streaming:
            span.set_attribute("rpc.grpc.messages_sent", state.messages)
        code, reason = ending.code, ending.reason
        span.set_attribute("rpc.grpc.status_code", code.value[0])
        if code != grpc.StatusCode.OK:
            span.set_attribute("error.type", reason or code.name)
            # Server spans: only the codes that say the server failed are errors (OTel's gRPC conventions).
            if code in _SERVER_ERRORS:
                span.set_status(Status(StatusCode.ERROR, f"{code.name} {reason}".strip()))
        otel_context.detach(state.token)
        span.end()


@dataclass
class _Traced:
    span: trace.Span
    token: contextvars.Token[otel_context.Context]
    messages: int = 0


def _peer(peer: str) -> dict[str, Any]:
    """`ipv4:10.0.0.7:51234` -> network.peer.address 10.0.0.7, network.peer.port 51234 (`ipv6:[::1]:5` too)."""
    kind, _, rest = peer.partition(":")
    host, colon, port = rest.rpartition(":")
    if kind in ("ipv4", "ipv6") and colon and port.isdigit():
        return {"network.peer.address": host.strip("[]"), "network.peer.port": int(port)}
    return {"network.peer.address": peer} if peer else {}


_SERVER_ERRORS = frozenset(
    {
        grpc.StatusCode.UNKNOWN,
        grpc.StatusCode.DEADLINE_EXCEEDED,
        grpc.StatusCode.UNIMPLEMENTED,
        grpc.StatusCode.INTERNAL,
        grpc.StatusCode.UNAVAILABLE,
        grpc.StatusCode.DATA_LOSS,
    }
)


def _error_type(error: BaseException) -> str:
    """The AWS error code of a failed attempt, else the exception's class."""
    response = getattr(error, "response", None)
    if isinstance(response, dict):
        code = response.get("Error", {}).get("Code")
        if code:
            return str(code)
    return type(error).__name__


def _switch(environ: Mapping[str, str], name: str) -> bool:
    return environ.get(name, "").strip().lower() == "true"


def tracer_provider_from_environment(environ: Mapping[str, str] | None = None) -> trace.TracerProvider | None:
    """The SDK's tracer provider when the OTEL_* variables ask for traces; None (tracing off) otherwise.

    On when `OTEL_TRACES_EXPORTER` names an exporter (`otlp`, `console`) or, with it unset, when an
    OTLP endpoint is set (`OTEL_EXPORTER_OTLP_ENDPOINT` / `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`); off
    with `OTEL_SDK_DISABLED=true` or `OTEL_TRACES_EXPORTER=none`. Everything else (endpoint, headers,
    TLS, timeout, sampler, batching, resource) is the SDK's own reading of its variables;
    `service.name` is `sfn-grpc` unless `OTEL_SERVICE_NAME` or `OTEL_RESOURCE_ATTRIBUTES` name it.
    """
    env = os.environ if environ is None else environ
    if _switch(env, "OTEL_SDK_DISABLED"):
        return None
    names = [name.strip() for name in env.get("OTEL_TRACES_EXPORTER", "").split(",") if name.strip()]
    if not names and (env.get("OTEL_EXPORTER_OTLP_ENDPOINT") or env.get("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT")):
        names = ["otlp"]
    names = [name for name in names if name != "none"]
    if not names:
        return None
    protocol_variable = next(
        (name for name in ("OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "OTEL_EXPORTER_OTLP_PROTOCOL") if env.get(name)), None
    )
    protocol = env[protocol_variable] if protocol_variable else "grpc"
    unknown = [name for name in names if name not in _EXPORTERS]
    if unknown:
        raise ConfigurationError(
            f"OTEL_TRACES_EXPORTER: unknown exporter {unknown[0]!r} (sfn-grpc has {', '.join(sorted(_EXPORTERS))}, none)"
        )
    if "otlp" in names and protocol != "grpc":
        raise ConfigurationError(f"OTLP traces go over gRPC only in sfn-grpc ({protocol_variable}={protocol!r})")

    from opentelemetry.sdk.resources import SERVICE_NAME, Resource
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.sdk.trace.export import BatchSpanProcessor

    resource = Resource.create()
    if str(resource.attributes.get(SERVICE_NAME, "")).startswith("unknown_service"):
        resource = resource.merge(Resource({SERVICE_NAME: DEFAULT_SERVICE_NAME}))
    provider = TracerProvider(resource=resource)  # the sampler: OTEL_TRACES_SAMPLER, read by the SDK
    for name in names:
        provider.add_span_processor(BatchSpanProcessor(_EXPORTERS[name]()))  # OTEL_BSP_*, read by the SDK
    return provider


def _otlp() -> Any:
    from opentelemetry.exporter.otlp.proto.grpc.trace_exporter import OTLPSpanExporter

    return OTLPSpanExporter()  # endpoint, headers, TLS, timeout, compression: the OTEL_EXPORTER_OTLP_* variables


def _console() -> Any:
    from opentelemetry.sdk.trace.export import ConsoleSpanExporter

    return ConsoleSpanExporter()


_EXPORTERS: dict[str, Callable[[], Any]] = {"otlp": _otlp, "console": _console}


def shutdown(provider: trace.TracerProvider | None, timeout: float = SHUTDOWN_SECONDS) -> bool:
    """Send the spans still buffered and stop the exporters, waiting at most `timeout` seconds.

    The SDK's shutdown waits for the exporter's own timeout (10 s by default, per retry) when the
    collector is unreachable: a gateway that stops must not wait for its traces. It runs on a daemon
    thread, given up after `timeout` (False: the spans still buffered are lost, and logged so).
    """
    close = getattr(provider, "shutdown", None)
    if close is None:
        return True
    done = threading.Event()

    def run() -> None:
        try:
            close()
        finally:
            done.set()

    threading.Thread(target=run, name="otel-shutdown", daemon=True).start()
    if done.wait(timeout):
        return True
    log.warning("the trace exporter did not finish within %.1f s: the spans still buffered are dropped", timeout)
    return False
