"""Assembles the gRPC server and owns its life: start, health, shutdown.

One place wires everything: the backend (AWS through boto3's own configuration, or the embedded
moto emulator), the generic RPC path, health checking, reflection, keepalive and connection age,
and the ports.

Health follows the backend (backend_health.py): NOT_SERVING until it first answers, NOT_SERVING
again while calls keep failing for want of an answer, with a probe running until it answers.

Shutdown (`stop`) drains in this order: health goes NOT_SERVING and keeps answering (the health
and reflection services are not part of the drain, so a load balancer sees NOT_SERVING rather
than a closed door); new calls to the service are refused with UNAVAILABLE / SHUTTING_DOWN;
streams and waits end at once with the same status after their last complete message (which
says where to resume); unary calls in flight get the grace period to finish, and those still
running then end like the streams. Only then does gRPC stop, with nothing of ours left in flight.
This lives in the generic handler wrappers (`_unary`, `_streaming`), so every RPC drains alike.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
import os
import secrets
import signal
import threading
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

import botocore.session
import grpc
from google.protobuf.message import DecodeError, Message
from grpc_health.v1 import health, health_pb2, health_pb2_grpc
from opentelemetry.trace import TracerProvider
from sfngrpc.stepfunctions.v1 import gateway_pb2

from service.access_log import AccessLog
from service.admission import PENDING_REQUESTS, Admission, Limits, Ticket
from service.aws import Aws
from service.backend import ClientSettings, create_client
from service.backend_health import BackendHealth
from service.caches import DescribeCache, HistoryCache, StateMachineTypes
from service.config import Config, ConfigurationError
from service.errors import ServiceError, abort, caller_deadline, invalid_argument
from service.history import EventSizes, HistorySource
from service.history_pages import HistoryPages
from service.history_stream import HistoryStreams, StreamSettings
from service.identity import caller_identity, parse_trusted_proxies, trust_proxies
from service.metrics import Metrics
from service.observers import CallObserver, observed_stream, observed_unary
from service.paging import PageTokens
from service.policy import Access, allow_all, load_access
from service.quota import quota_from_config
from service.reflection import enable_reflection
from service.retry import RetryPolicy, RetrySettings
from service.rpc import SERVICE, Gateway, Rpc, Stage, StartExecutionSafety, build_table, cached_describe, with_stages
from service.tls import CertificateFiles, add_port, load_certificates
from service.tracing import Tracing, shutdown, tracer_provider_from_environment
from service.validation import Validator
from service.watch import ExecutionWatcher

log = logging.getLogger(__name__)

SERVICE_NAME = SERVICE.full_name
# The health probe: first retry soon after a failure, then back off to this interval.
_PROBE_FIRST_DELAY = 0.25
_PROBE_MAX_DELAY = 5.0
# After the grace period, how long the calls still running get to send their status.
_LAST_WORDS_SECONDS = 1.0
# The access decision: (method, request, context) -> None, or raises PERMISSION_DENIED.
Authorize = Callable[[str, Message, "grpc.aio.ServicerContext[Any, Any]"], None]


class Server:
    """The sfn-grpc server: `await start()`, then `await stop()` (or `run()` until a signal)."""

    def __init__(
        self,
        config: Config,
        client_settings: ClientSettings | None = None,
        tracer_provider: TracerProvider | None = None,
    ) -> None:
        """`tracer_provider`: where spans go (None: the OTEL_* variables decide, see tracing.py)."""
        self.config = config
        self._tracer_provider = tracer_provider
        self._own_tracer_provider: TracerProvider | None = None
        self._client_settings = client_settings
        self._embedded: Any = None
        self._grpc: grpc.aio.Server | None = None
        self._health = health.aio.HealthServicer()
        self._follow: asyncio.Task[None] | None = None
        # Load shedding is part of admitting a call (admission.py), so it lives with the drain's count.
        self._calls = CallsInFlight(Admission(Limits.from_config(config)))
        self.backend_health = BackendHealth(config.health_probe_timeout_seconds)
        self.aws: Aws | None = None
        self.descriptions: DescribeCache | None = None
        self.histories: HistoryCache | None = None
        self.port = 0
        # Prometheus metrics (None: SFN_GRPC_METRICS_LISTEN is empty), and the port /metrics is on.
        self.metrics: Metrics | None = None
        self.metrics_port = 0
        # The TLS files (None: plaintext), re-read when they change; and who may call what.
        self.certificates: CertificateFiles | None = None
        self.access = Access(None)

    async def start(self) -> None:
        """Build the backend and the server, bind the port and start serving."""
        # Security settings first: a bad file or policy stops the start before anything runs.
        model = botocore.session.get_session().get_service_model("stepfunctions")
        trust_proxies(parse_trusted_proxies(self.config.trusted_proxies))
        self.access = access = load_access(self.config.policy_file, build_table(model))
        certificates = load_certificates(self.config)
        # Traces: the given provider, else the OTEL_* variables' (None: off, nothing is wrapped). Also first:
        # variables it cannot honour stop the start before anything runs.
        provider = self._tracer_provider
        if provider is None:
            provider = self._own_tracer_provider = tracer_provider_from_environment()
        settings = self._client_settings or ClientSettings(region=self.config.region, workers=self.config.workers)
        demo_text = None
        if self.config.backend == "embedded":
            try:
                from service.embedded import EmbeddedBackend, demo_instructions
            except ImportError as exc:  # moto, flask or flask-cors: the optional `embedded` extra
                raise ConfigurationError(
                    f"the embedded backend needs the optional 'embedded' dependencies, which are not installed "
                    f"(no module {exc.name!r}); install them with: pip install -c constraints.txt '.[embedded]' "
                    f"(make run does), or use --backend aws"
                ) from None

            # The emulator's region is its own (the demo's ARNs in the README say us-east-1),
            # whatever AWS region the environment names for real AWS.
            self._embedded = EmbeddedBackend()
            endpoint = self._embedded.start()
            settings = ClientSettings(
                region=endpoint.region,
                endpoint_url=endpoint.endpoint_url,
                workers=self.config.workers,
                aws_access_key_id="testing",  # moto accepts any credentials
                aws_secret_access_key="testing",
            )
            demo_text = demo_instructions(endpoint, self.config.listen)
        self.metrics = metrics = Metrics() if self.config.metrics_listen else None
        tracing = Tracing(provider)
        # Outermost first: the access log ends inside the call's span (its line has the trace id),
        # and the metrics count the call's own time.
        observers: list[CallObserver] = [tracing]
        if self.config.access_log:
            observers.append(AccessLog())
        if metrics is not None:
            observers.append(metrics)
        retry = RetryPolicy(
            RetrySettings(max_attempts=self.config.retry_max_attempts),
            on_budget_exhausted=None if metrics is None else metrics.retry_budget_exhausted,
        )
        self.aws = aws = Aws(
            settings,
            retry,
            coalesce=self.config.coalesce,
            on_attempt=self.backend_health.record,
            observer=metrics,
            tracing=tracing,
        )
        # The account's quota, as token buckets taken before each attempt (quota.py).
        aws.quota = quota_from_config(self.config, aws.region)
        tracing.region = aws.region
        key = self.config.token_key()
        if key is None:
            # Fine for one process (make run); replicas behind a load balancer must share a key.
            log.log(
                logging.INFO if self.config.backend == "embedded" else logging.WARNING,
                "SFN_GRPC_PAGE_TOKEN_KEY is not set: page tokens are signed with a random key and "
                "will not work on other replicas or after a restart",
            )
            key = secrets.token_bytes(32)
        validator = Validator(model)
        tokens = PageTokens(key)
        table = build_table(model)
        operations = {name: rpc.operation for name, rpc in table.items()}
        source = HistorySource(aws, operations["GetExecutionHistory"], EventSizes())
        page_bytes = self.config.history_page_bytes
        # SFN_GRPC_HISTORY_CACHE_BYTES=0 turns both caches off (documented).
        describe_bytes = self.config.describe_cache_bytes if self.config.history_cache_bytes else 0
        descriptions = DescribeCache(aws, operations["DescribeExecution"], describe_bytes)
        histories = HistoryCache(source, self.config.history_cache_bytes, page_bytes)
        self.descriptions, self.histories = descriptions, histories
        if metrics is not None:
            metrics.watch_caches({"describe": descriptions.kept, "history": histories.kept})
            if self._calls.admission is not None:
                metrics.watch_admission(self._calls.admission, aws.quota)
        gateway = Gateway(aws, tokens, self.config.max_response_bytes)
        start_safety = StartExecutionSafety(StateMachineTypes(aws, operations["DescribeStateMachine"]), descriptions)
        history_pages = HistoryPages(source, histories, tokens, self.config.max_response_bytes, page_bytes)
        stages: dict[str, list[Stage]] = {
            "DescribeExecution": [cached_describe(descriptions)],
            "GetExecutionHistory": [history_pages.stage],
            "StartExecution": [start_safety.stage],
            "DescribeStateMachine": [start_safety.learn],
        }
        table = with_stages(table, stages, pager=gateway.pager)
        settings_streams = StreamSettings(
            max_message_bytes=self.config.max_response_bytes,
            poll_min_seconds=self.config.poll_min_seconds,
            poll_max_seconds=max(self.config.poll_min_seconds, self.config.poll_max_seconds),
            page_bytes=page_bytes,
        )
        streams = HistoryStreams(
            source, descriptions, histories, settings_streams, None if metrics is None else metrics.history_events
        )
        watcher = ExecutionWatcher(aws, operations["ListExecutions"], descriptions, tokens, settings_streams)

        # No limit of gRPC's own on calls: the gateway's (admission.py) decide, at once, with details.
        server = grpc.aio.server(options=self._options(), maximum_concurrent_rpcs=None)
        server.add_generic_rpc_handlers(
            (
                _handlers(
                    gateway,
                    table,
                    streams,
                    watcher,
                    validator.check,
                    self._calls,
                    retry.backoff_hint(2),
                    access.authorize,
                    observers,
                ),
            )
        )
        health_pb2_grpc.add_HealthServicer_to_server(self._health, server)
        enable_reflection((SERVICE_NAME, health.SERVICE_NAME), server)
        self.port = add_port(server, self.config.listen, certificates)
        self.certificates = certificates
        if self.port == 0:
            raise OSError(f"cannot listen on {self.config.listen}")
        await self._set_health(health_pb2.HealthCheckResponse.NOT_SERVING)
        if metrics is not None:
            self.metrics_port = metrics.serve(self.config.metrics_listen)
        await server.start()
        self._grpc = server
        log.info(
            "sfn-grpc serving on %s (port %d); backend=%s region=%s endpoint=%s; pid %d",
            self.config.listen,
            self.port,
            self.config.backend,
            aws.region or "(none)",
            aws.endpoint_url or "(none)",
            os.getpid(),
        )
        if metrics is not None:
            log.info("metrics on http://%s/metrics (port %d)", self.config.metrics_listen, self.metrics_port)
        if provider is not None:
            log.info("tracing on: a span per call and per AWS attempt (OpenTelemetry, the OTEL_* variables)")
        log.info("settings: %s", self.config.describe())
        log.info("%s", access.describe())
        if demo_text:
            log.info("%s", demo_text)
        if aws.client is None:
            log.error(
                "no AWS region is configured (set SFN_GRPC_REGION or AWS_REGION, or a region in the AWS config "
                "file): health stays NOT_SERVING and every call fails with FAILED_PRECONDITION / NO_AWS_REGION"
            )
            return
        # The probe's own client: short socket timeouts, so a probe of a dead backend ends on its
        # own, and no thread of the call pool waits for it.
        timeout = self.config.health_probe_timeout_seconds
        probe_client = create_client(replace(settings, workers=1, connect_timeout=timeout, read_timeout=timeout))
        self._follow = asyncio.create_task(self._follow_backend(probe_client))

    def _options(self) -> list[tuple[str, Any]]:
        age_ms = int(self.config.max_connection_age_seconds * 1000)
        return [
            # Clients re-connect (and so re-balance across replicas) after max_connection_age.
            ("grpc.max_connection_age_ms", age_ms),
            ("grpc.max_connection_age_grace_ms", int(self.config.grace_seconds * 1000)),
            # Pings find dead peers behind load balancers that drop idle connections silently.
            ("grpc.keepalive_time_ms", 60_000),
            ("grpc.keepalive_timeout_ms", 20_000),
            ("grpc.keepalive_permit_without_calls", 1),
            ("grpc.http2.min_ping_interval_without_data_ms", 10_000),
            ("grpc.so_reuseport", 0),
            # Above the gateway's own limits (admission.py): a client's calls past them reach the
            # gateway, which answers RESOURCE_EXHAUSTED at once, instead of waiting in the client
            # for a stream of the connection (an unbounded queue the gateway never sees).
            ("grpc.max_concurrent_streams", Limits.from_config(self.config).streams_per_connection()),
            # Calls that arrived and that the event loop has not taken yet: past 1,000 of them gRPC
            # cancels new ones at random (a bare CANCELLED); the gateway sheds them with details instead.
            ("grpc.server.max_pending_requests", PENDING_REQUESTS),
            ("grpc.server.max_pending_requests_hard_limit", PENDING_REQUESTS),
        ]

    async def _set_health(self, status: Any) -> None:
        for name in ("", SERVICE_NAME):
            await self._health.set(name, status)

    async def _follow_backend(self, probe_client: Any) -> None:
        """Keep health equal to the backend's state; while it is unusable, probe it with backoff."""
        status = health_pb2.HealthCheckResponse
        delay = _PROBE_FIRST_DELAY
        while True:
            if self.backend_health.usable:
                await self._set_health(status.SERVING)
                delay = _PROBE_FIRST_DELAY
                await self.backend_health.changed()
                continue
            await self._set_health(status.NOT_SERVING)
            await self._probe(probe_client, first=delay == _PROBE_FIRST_DELAY)
            if not self.backend_health.usable:
                await self.backend_health.changed(timeout=delay)  # a real call may answer first
                delay = min(delay * 2, _PROBE_MAX_DELAY)

    async def _probe(self, client: Any, first: bool) -> None:
        """One ListStateMachines(maxResults=1); its outcome goes to the backend's health like any call's."""
        started = time.monotonic()
        outcome: Exception | None = None
        try:
            await _in_daemon_thread(functools.partial(client.list_state_machines, maxResults=1))
        except Exception as exc:
            outcome = exc
            log.log(logging.WARNING if first else logging.DEBUG, "the backend does not answer the probe: %s", exc)
        self.backend_health.record(outcome, time.monotonic() - started)

    async def stop(self) -> None:
        """Drain (see the module docstring), then stop serving and free the backend."""
        if self._follow is not None:
            self._follow.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._follow
            self._follow = None
        if self._grpc is not None:
            await self._health.enter_graceful_shutdown()  # NOT_SERVING from now on, and still answered
            in_flight = self._calls.start_draining()
            log.info(
                "draining: health is NOT_SERVING, new calls are refused, streams and waits end now, "
                "%d call(s) in flight get up to %g s",
                in_flight,
                self.config.grace_seconds,
            )
            await self._calls.drained(self.config.grace_seconds, _LAST_WORDS_SECONDS)
            # What is left are health watches and reflection streams, which never end on their own.
            await self._grpc.stop(None)
            self._grpc = None
        if self.metrics is not None:
            # After the drain, so /metrics shows it to the end; shutdown() waits for the serving thread.
            await asyncio.to_thread(self.metrics.close)
        if self.aws is not None:
            self.aws.close()
        if self._own_tracer_provider is not None:
            await asyncio.to_thread(shutdown, self._own_tracer_provider)  # the spans still buffered go out
            self._own_tracer_provider = None
        if self._embedded is not None:
            self._embedded.stop()
            self._embedded = None
        log.info("sfn-grpc stopped")

    async def run(self) -> None:
        """Serve until SIGTERM or SIGINT, then shut down gracefully."""
        stopping = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(sig, stopping.set)
        await self.start()
        try:
            await stopping.wait()
            log.info("signal received")
        finally:
            await self.stop()
            # gRPC's own tasks for the calls it just cancelled finish in the next turns of the
            # loop; asyncio.run would cancel them first, which gRPC logs as a traceback.
            others = asyncio.all_tasks() - {asyncio.current_task()}
            if others:
                await asyncio.wait(others, timeout=_LAST_WORDS_SECONDS)


def _in_daemon_thread(function: Callable[[], Any]) -> asyncio.Future[Any]:
    """`function()` in a thread of its own that never delays the process's exit (the health probe)."""
    loop = asyncio.get_running_loop()
    future: asyncio.Future[Any] = loop.create_future()

    def settle(result: Any, error: Exception | None) -> None:
        if future.done():  # the waiter left (shutdown)
            return
        if error is not None:
            future.set_exception(error)
        else:
            future.set_result(result)

    def work() -> None:
        result, error = None, None
        try:
            result = function()
        except Exception as exc:
            error = exc
        with contextlib.suppress(RuntimeError):  # the loop is closed: nobody waits any more
            loop.call_soon_threadsafe(settle, result, error)

    threading.Thread(target=work, name="sfn-grpc-health-probe", daemon=True).start()
    return future


def _shutting_down(retry_delay: float) -> ServiceError:
    return ServiceError(
        grpc.StatusCode.UNAVAILABLE,
        "SHUTTING_DOWN",
        "this sfn-grpc server is shutting down: call again (another replica answers; a stream resumes "
        "from the position in its last message)",
        retry_delay=retry_delay,
    )


@dataclass(eq=False)
class _Call:
    """One call to the service in flight, as the drain sees it."""

    task: asyncio.Task[Any] | None
    ends_on_drain: bool  # a stream or a wait: it ends when the drain starts, not at the grace's end
    # The call is in our serving code, not in gRPC sending a message: cancelling it there is safe,
    # and it cannot cut a message in two.
    inside: bool = True
    interrupted: bool = False  # the drain ended it
    cancelled: bool = False  # ... by cancelling its task (else it ends when its send returns)
    ticket: Ticket | None = None  # its place within the load-shedding limits

    def interrupt(self) -> None:
        if self.interrupted:
            return
        self.interrupted = True
        if self.inside and self.task is not None:
            self.cancelled = True
            self.task.cancel()


class CallsInFlight:
    """The calls to the service in flight, and the drain that refuses new ones and ends the rest."""

    def __init__(self, admission: Admission | None = None) -> None:
        """`admission` (None: no limits) sheds the calls past the limits (admission.py)."""
        self.admission = admission
        self.draining = False
        self._calls: set[_Call] = set()
        self._none_left = asyncio.Event()
        self._none_left.set()

    def enter(
        self, ends_on_drain: bool, retry_delay: float, context: grpc.aio.ServicerContext[Any, Any] | None = None
    ) -> _Call:
        """Register the current task's call, or refuse it.

        Refused with SHUTTING_DOWN once the drain started, and with RESOURCE_EXHAUSTED past the
        load-shedding limits (`context` names the caller; a stream or a wait is a long call).
        """
        if self.draining:
            raise _shutting_down(retry_delay)
        ticket = None
        if self.admission is not None and context is not None:
            ticket = self.admission.enter(caller_identity(context), long=ends_on_drain)
        call = _Call(asyncio.current_task(), ends_on_drain, ticket=ticket)
        self._calls.add(call)
        self._none_left.clear()
        return call

    def leave(self, call: _Call) -> None:
        """The call ended, whichever way."""
        self._calls.discard(call)
        if call.ticket is not None and self.admission is not None:
            self.admission.leave(call.ticket)
            call.ticket = None
        if not self._calls:
            self._none_left.set()

    def start_draining(self) -> int:
        """Refuse new calls and end the streams and waits; returns how many calls are in flight."""
        self.draining = True
        for call in list(self._calls):
            if call.ends_on_drain:
                call.interrupt()
        return len(self._calls)

    async def drained(self, grace: float, last_words: float) -> None:
        """Wait for the calls in flight, up to `grace`; then end the rest and give them `last_words`."""
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._none_left.wait(), grace)
        if self._calls:
            log.warning("%d call(s) still running after the grace period; ending them", len(self._calls))
            for call in list(self._calls):
                call.interrupt()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._none_left.wait(), last_words)


def _handlers(
    gateway: Gateway,
    table: dict[str, Rpc],
    streams: HistoryStreams,
    watcher: ExecutionWatcher,
    validate: Callable[[Message], None],
    calls: CallsInFlight,
    retry_delay: float,
    authorize: Authorize = allow_all,
    observers: Sequence[CallObserver] = (),
) -> grpc.GenericRpcHandler:
    """One handler per AWS operation, all through the Gateway's one path, and the gateway's own RPCs.

    Every request is validated (`validate`) and authorized (`authorize`) before its handler runs;
    every call drains alike, and is watched alike (`observers`: metrics, traces, the access log).
    """
    handlers = {
        name: _unary(
            name,
            rpc.request_type,
            gateway.handler(rpc),
            retry_delay,
            validate,
            calls,
            authorize=authorize,
            observers=observers,
        )
        for name, rpc in table.items()
    }
    handlers["WaitExecution"] = _unary(
        "WaitExecution",
        gateway_pb2.WaitExecutionRequest,
        streams.wait,
        retry_delay,
        validate,
        calls,
        ends_on_drain=True,  # a wait may last minutes; the caller asks another replica
        authorize=authorize,
        observers=observers,
    )
    handlers["StreamExecutionHistory"] = _streaming(
        "StreamExecutionHistory",
        gateway_pb2.StreamExecutionHistoryRequest,
        streams.stream,
        retry_delay,
        validate,
        calls,
        authorize,
        observers,
    )
    handlers["WatchExecutions"] = _streaming(
        "WatchExecutions",
        gateway_pb2.WatchExecutionsRequest,
        watcher.watch,
        retry_delay,
        validate,
        calls,
        authorize,
        observers,
    )
    return grpc.method_handlers_generic_handler(SERVICE_NAME, handlers)


def _serialize(message: Message | bytes) -> bytes:
    """A response's bytes: handlers may answer a message, or bytes already serialized (history pages)."""
    return message if isinstance(message, bytes) else message.SerializeToString()


@dataclass(frozen=True)
class _Malformed:
    """A request that did not decode: it gets INVALID_ARGUMENT, not gRPC's own UNKNOWN."""

    type_name: str
    error: str


def _decoder(request_type: type[Message]) -> Callable[[bytes], Message | _Malformed]:
    def decode(data: bytes) -> Message | _Malformed:
        try:
            return request_type.FromString(data)
        except DecodeError as exc:
            return _Malformed(request_type.DESCRIPTOR.full_name, str(exc))

    return decode


def _decoded(request: Any) -> Any:
    if isinstance(request, _Malformed):
        raise invalid_argument([("", f"not a valid {request.type_name}: {request.error}")], reason="MALFORMED_REQUEST")
    return request


def _unary(
    name: str,
    request_type: type[Message],
    serve: Callable[[Any, float | None], Awaitable[Message | bytes]],
    retry_delay: float,
    validate: Callable[[Message], None],
    calls: CallsInFlight,
    ends_on_drain: bool = False,
    authorize: Authorize = allow_all,
    observers: Sequence[CallObserver] = (),
) -> grpc.RpcMethodHandler[Any, Any]:
    async def behavior(request: Any, context: grpc.aio.ServicerContext[Any, Any]) -> Message | bytes:
        call = None
        try:
            call = calls.enter(ends_on_drain, retry_delay, context)
            request = _decoded(request)
            validate(request)  # every RPC, before anything goes to AWS
            authorize(name, request, context)  # the access policy (service/policy.py), before AWS too
            return await serve(request, caller_deadline(context))
        except asyncio.CancelledError:
            if call is None or not call.cancelled:
                raise  # gRPC's (the caller left): nobody to answer
            _uncancel()
            await abort(context, _shutting_down(retry_delay), name, retry_delay)
            raise
        except Exception as exc:  # every failure becomes a status with rich details, never a crash
            await abort(context, exc, name, retry_delay)
            raise
        finally:
            if call is not None:
                calls.leave(call)

    return grpc.unary_unary_rpc_method_handler(
        observed_unary(observers, SERVICE_NAME, name, behavior),
        request_deserializer=_decoder(request_type),
        response_serializer=_serialize,
    )


def _streaming(
    name: str,
    request_type: type[Message],
    serve: Callable[[Any, float | None], AsyncIterator[Message | bytes]],
    retry_delay: float,
    validate: Callable[[Message], None],
    calls: CallsInFlight,
    authorize: Authorize = allow_all,
    observers: Sequence[CallObserver] = (),
) -> grpc.RpcMethodHandler[Any, Any]:
    async def behavior(request: Any, context: grpc.aio.ServicerContext[Any, Any]) -> AsyncIterator[Message | bytes]:
        call = None
        try:
            call = calls.enter(True, retry_delay, context)
            request = _decoded(request)
            validate(request)  # every RPC, before anything goes to AWS
            authorize(name, request, context)  # the access policy (service/policy.py), before AWS too
            messages = serve(request, caller_deadline(context))
            try:
                async for message in messages:
                    call.inside = False  # gRPC sends it now: the drain must not cut it in two
                    yield message
                    call.inside = True
                    if call.interrupted:  # the drain came while it was being sent
                        raise _shutting_down(retry_delay)
            finally:
                close = getattr(messages, "aclose", None)  # a generator left early runs its clean-up now
                if close is not None:
                    await close()
        except asyncio.CancelledError:
            if call is None or not call.cancelled:
                raise
            _uncancel()
            await abort(context, _shutting_down(retry_delay), name, retry_delay)
        except Exception as exc:
            await abort(context, exc, name, retry_delay)
        finally:
            if call is not None:
                calls.leave(call)

    return grpc.unary_stream_rpc_method_handler(
        observed_stream(observers, SERVICE_NAME, name, behavior),
        request_deserializer=_decoder(request_type),
        response_serializer=_serialize,
    )


def _uncancel() -> None:
    """The drain's cancellation has been turned into a status: the task goes on to send it."""
    task = asyncio.current_task()
    if task is not None:
        task.uncancel()
