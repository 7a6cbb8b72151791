"""Prometheus metrics: what the server counts, and the HTTP endpoint (`/metrics`) that serves them.

The gRPC series carry go-grpc-prometheus's names, labels and code spellings, so the dashboards made
for it work unchanged. The gateway's own are prefixed `sfn_grpc_`. Each `Server` has its own
registry (several servers in one process, as in the tests, do not mix their counts), served by
prometheus_client's WSGI app on a daemon thread. The server wires one `Metrics` into the
parts that count (or None: metrics off, nothing is counted); the caches are read at scrape time, so
counting them costs the calls nothing.
"""

from __future__ import annotations

import asyncio
import socket
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from socketserver import ThreadingMixIn
from typing import Any, Protocol
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

import grpc
from botocore.exceptions import (
    ClientError,
    ConnectionClosedError,
    ConnectTimeoutError,
    EndpointConnectionError,
    ReadTimeoutError,
)
from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, make_wsgi_app
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily
from prometheus_client.registry import Collector

from service.admission import Admission
from service.errors import http_status, is_throttled
from service.observers import Ending, MethodObserver
from service.quota import Quota

# go-grpc-prometheus's default buckets (Prometheus's DefBuckets), seconds.
HANDLING_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)
# AWS attempts: from a cached connection's few milliseconds to a long poll's minute.
ATTEMPT_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 70.0)

# gRPC codes as go-grpc-prometheus writes them (Go's codes.Code.String()).
_GO_CODE_NAMES = {
    grpc.StatusCode.OK: "OK",
    grpc.StatusCode.CANCELLED: "Canceled",
    grpc.StatusCode.UNKNOWN: "Unknown",
    grpc.StatusCode.INVALID_ARGUMENT: "InvalidArgument",
    grpc.StatusCode.DEADLINE_EXCEEDED: "DeadlineExceeded",
    grpc.StatusCode.NOT_FOUND: "NotFound",
    grpc.StatusCode.ALREADY_EXISTS: "AlreadyExists",
    grpc.StatusCode.PERMISSION_DENIED: "PermissionDenied",
    grpc.StatusCode.RESOURCE_EXHAUSTED: "ResourceExhausted",
    grpc.StatusCode.FAILED_PRECONDITION: "FailedPrecondition",
    grpc.StatusCode.ABORTED: "Aborted",
    grpc.StatusCode.OUT_OF_RANGE: "OutOfRange",
    grpc.StatusCode.UNIMPLEMENTED: "Unimplemented",
    grpc.StatusCode.INTERNAL: "Internal",
    grpc.StatusCode.UNAVAILABLE: "Unavailable",
    grpc.StatusCode.DATA_LOSS: "DataLoss",
    grpc.StatusCode.UNAUTHENTICATED: "Unauthenticated",
}


def attempt_outcome(error: BaseException | None) -> str:
    """How an AWS attempt ended, as a label: ok, throttled, or the class of the error."""
    if error is None:
        return "ok"
    if isinstance(error, ClientError):
        if is_throttled(error):
            return "throttled"
        return "server_error" if http_status(error) >= 500 else "client_error"
    if isinstance(error, ConnectTimeoutError | ReadTimeoutError):
        return "timeout"
    if isinstance(error, EndpointConnectionError | ConnectionClosedError | ConnectionError):
        return "connection_error"
    if isinstance(error, asyncio.CancelledError):
        return "cancelled"  # every caller left before the answer came
    return "other_error"


class _CacheStats(Protocol):
    hits: int
    misses: int
    evictions: int


class _Cache(Protocol):
    """What the collector reads of a cache (caches.ByteLRU)."""

    bytes: int
    max_bytes: int

    @property
    def stats(self) -> _CacheStats: ...

    def __len__(self) -> int: ...


class _AdmissionCollector(Collector):
    """Load shedding (admission.py) and the AWS quota (quota.py), read when Prometheus scrapes."""

    def __init__(self, admission: Admission, quota: Quota | None) -> None:
        self.admission = admission
        self.quota = quota

    def collect(self) -> Iterable[Any]:
        """Calls in flight by kind, calls shed by reason, quota waits and refusals."""
        admission = self.admission
        in_flight = GaugeMetricFamily("sfn_grpc_calls_in_flight", "Calls admitted and not ended.", labels=["kind"])
        in_flight.add_metric(["unary"], admission.calls)
        in_flight.add_metric(["stream"], admission.streams)
        yield in_flight
        shed = CounterMetricFamily(
            "sfn_grpc_calls_shed", "Calls refused at once with RESOURCE_EXHAUSTED, by reason.", labels=["reason"]
        )
        for reason in ("TOO_MANY_CALLS", "TOO_MANY_STREAMS", "CALLER_LIMIT"):
            shed.add_metric([reason], admission.shed[reason])
        yield shed
        if self.quota is not None:
            yield CounterMetricFamily(
                "sfn_grpc_quota_waits", "AWS attempts that waited for a token of the quota.", value=self.quota.waited
            )
            yield CounterMetricFamily(
                "sfn_grpc_quota_refused",
                "Calls refused (QUOTA_EXHAUSTED) because a token would come after their deadline.",
                value=self.quota.refused,
            )


class _CacheCollector(Collector):
    """The caches' own counts, read when Prometheus scrapes."""

    def __init__(self, caches: Mapping[str, _Cache]) -> None:
        self.caches = dict(caches)

    def collect(self) -> Iterable[Any]:
        """One family per figure, one sample per cache."""
        families: list[tuple[type[Any], str, str, Callable[[_Cache], int]]] = [
            (CounterMetricFamily, "sfn_grpc_cache_hits", "Lookups that found their entry.", lambda c: c.stats.hits),
            (CounterMetricFamily, "sfn_grpc_cache_misses", "Lookups that did not.", lambda c: c.stats.misses),
            (
                CounterMetricFamily,
                "sfn_grpc_cache_evictions",
                "Entries evicted to make room.",
                lambda c: c.stats.evictions,
            ),
            (GaugeMetricFamily, "sfn_grpc_cache_bytes", "Bytes the entries take now.", lambda c: c.bytes),
            (
                GaugeMetricFamily,
                "sfn_grpc_cache_max_bytes",
                "The most bytes the cache may take.",
                lambda c: c.max_bytes,
            ),
            (GaugeMetricFamily, "sfn_grpc_cache_entries", "Entries kept now.", len),
        ]
        for family_type, name, documentation, read in families:
            family = family_type(name, documentation, labels=["cache"])
            for cache_name, cache in self.caches.items():
                family.add_metric([cache_name], read(cache))
            yield family


class Metrics:
    """Every series of one server, in a registry of its own."""

    def __init__(self) -> None:
        self.registry = registry = CollectorRegistry()
        grpc_labels = ["grpc_type", "grpc_service", "grpc_method"]
        self.started = Counter(
            "grpc_server_started_total", "RPCs started on the server.", grpc_labels, registry=registry
        )
        self.handled = Counter(
            "grpc_server_handled_total",
            "RPCs completed on the server, whatever their status.",
            [*grpc_labels, "grpc_code"],
            registry=registry,
        )
        self.handling = Histogram(
            "grpc_server_handling_seconds",
            "Time from the start of an RPC to its status.",
            grpc_labels,
            buckets=HANDLING_BUCKETS,
            registry=registry,
        )
        self.msg_sent = Counter(
            "grpc_server_msg_sent_total", "Stream messages sent by the server.", grpc_labels, registry=registry
        )
        self.open_streams = Gauge("sfn_grpc_open_streams", "Streams open now.", ["method"], registry=registry)
        self.events_streamed = Counter(
            "sfn_grpc_history_events_streamed_total", "History events sent on streams.", registry=registry
        )
        self.attempts = Counter(
            "sfn_grpc_backend_attempts_total",
            "Attempts sent to Step Functions, by how they ended.",
            ["operation", "outcome"],
            registry=registry,
        )
        self.attempt_seconds = Histogram(
            "sfn_grpc_backend_attempt_seconds",
            "Time of one attempt at Step Functions.",
            ["operation"],
            buckets=ATTEMPT_BUCKETS,
            registry=registry,
        )
        self.retries = Counter(
            "sfn_grpc_retries_total", "Attempts that were retried.", ["operation"], registry=registry
        )
        self.budget_exhausted = Counter(
            "sfn_grpc_retry_budget_exhausted_total",
            "Retries not made because the process's retry budget was spent.",
            registry=registry,
        )
        self.coalesced = Counter(
            "sfn_grpc_coalesced_total",
            "Calls that joined an identical call already in flight.",
            ["operation"],
            registry=registry,
        )
        self._http: WSGIServer | None = None
        self.port = 0

    # -- what the parts report ----------------------------------------------------------------------

    def attempt(self, operation: str, error: BaseException | None, seconds: float) -> None:
        """An AWS attempt ended (Aws's observer)."""
        self.attempts.labels(operation, attempt_outcome(error)).inc()
        self.attempt_seconds.labels(operation).observe(seconds)

    def retry(self, operation: str) -> None:
        """An attempt of `operation` failed and is retried."""
        self.retries.labels(operation).inc()

    def coalesce(self, operation: str) -> None:
        """A call of `operation` joined one in flight."""
        self.coalesced.labels(operation).inc()

    def retry_budget_exhausted(self) -> None:
        """The retry budget refused a retry."""
        self.budget_exhausted.inc()

    def history_events(self, count: int) -> None:
        """`count` history events go out on a stream."""
        self.events_streamed.inc(count)

    def watch_caches(self, caches: Mapping[str, _Cache]) -> None:
        """Report these caches (by the `cache` label's value) at each scrape."""
        self.registry.register(_CacheCollector(caches))

    def watch_admission(self, admission: Admission, quota: Quota | None) -> None:
        """Report calls in flight, calls shed and the quota's waits and refusals at each scrape."""
        self.registry.register(_AdmissionCollector(admission, quota))

    # -- gRPC handlers --------------------------------------------------------------------------------

    def method(self, service: str, method: str, streaming: bool) -> MethodObserver:
        """The counting of one method's calls (observers.py wraps every handler with it)."""
        return _CountedMethod(self, service, method, streaming)

    # -- the endpoint ---------------------------------------------------------------------------------

    def serve(self, listen: str) -> int:
        """Serve `/metrics` on `listen` ("host:port", port 0 for any free one); returns the bound port.

        prometheus_client's WSGI app on wsgiref's threading server, on a daemon thread. Not
        `start_http_server`: its loop notices a shutdown only every half second, which every stop
        would wait for.
        """
        host, _, port = listen.rpartition(":")
        if not host or not port.isdigit():
            raise ValueError(f"the metrics address must be host:port, not {listen!r}")
        host = host.strip("[]")
        server_type = _MetricsServer6 if ":" in host else _MetricsServer
        try:
            self._http = make_server(host, int(port), make_wsgi_app(self.registry), server_type, _QuietHandler)
        except OSError as exc:
            raise OSError(f"cannot serve metrics on {listen}: {exc.strerror or exc}") from None
        threading.Thread(
            target=self._http.serve_forever, args=(_SHUTDOWN_POLL_SECONDS,), name="sfn-grpc-metrics", daemon=True
        ).start()
        self.port = int(self._http.server_port)
        return self.port

    def close(self) -> None:
        """Stop serving `/metrics` (waits for the serving loop to notice, a few tens of milliseconds)."""
        if self._http is not None:
            self._http.shutdown()
            self._http.server_close()
            self._http = None


# How often the serving loop checks for a shutdown.
_SHUTDOWN_POLL_SECONDS = 0.05


class _MetricsServer(ThreadingMixIn, WSGIServer):
    """One thread per scrape, none of which delays the process's exit."""

    daemon_threads = True


class _MetricsServer6(_MetricsServer):
    address_family = socket.AF_INET6


class _QuietHandler(WSGIRequestHandler):
    """No line on stderr per scrape."""

    def log_message(self, format: str, *args: Any) -> None:
        """Scrapes are not logged."""


class _CountedMethod:
    """One method's series: started, handled by code, handling time; for streams, messages and open streams."""

    def __init__(self, metrics: Metrics, service: str, method: str, streaming: bool) -> None:
        self._labels = ("server_stream" if streaming else "unary", service, method)
        self._handled = metrics.handled
        self._started = metrics.started.labels(*self._labels)
        self._handling = metrics.handling.labels(*self._labels)
        self._sent = metrics.msg_sent.labels(*self._labels) if streaming else None
        self._open = metrics.open_streams.labels(method) if streaming else None

    def begin(self, context: grpc.aio.ServicerContext[Any, Any]) -> float:
        self._started.inc()
        if self._open is not None:
            self._open.inc()
        return time.monotonic()

    def sent(self, state: float) -> None:
        if self._sent is not None:
            self._sent.inc()

    def end(self, state: float, ending: Ending) -> None:
        if self._open is not None:
            self._open.dec()
        self._handled.labels(*self._labels, _GO_CODE_NAMES[ending.code]).inc()
        self._handling.observe(time.monotonic() - state)
