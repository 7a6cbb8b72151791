"""Assembles the gRPC server and owns its life: start, health, shutdown.

One place wires everything: the backend (AWS through boto3's own configuration, or the embedded
moto emulator), the generic RPC path, health checking, reflection, keepalive and connection age,
and the ports. Shutdown is graceful: health goes NOT_SERVING first, then `stop(grace)` lets calls
in flight finish while refusing new ones.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import secrets
import signal
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import botocore.session
import grpc
from botocore.exceptions import ClientError
from google.protobuf.message import DecodeError, Message
from grpc_health.v1 import health, health_pb2, health_pb2_grpc
from stepfunctions.v1 import gateway_pb2, state_machines_pb2

from service.aws import Aws, Operation
from service.backend import ClientSettings
from service.caches import DescribeCache, HistoryCache, StateMachineTypes
from service.config import Config
from service.errors import abort, caller_deadline, invalid_argument
from service.history import EventSizes, HistorySource
from service.history_pages import HistoryPages
from service.history_stream import HistoryStreams, StreamSettings
from service.paging import PageTokens
from service.reflection import enable_reflection
from service.retry import RetryPolicy, RetrySettings
from service.rpc import SERVICE, Gateway, Rpc, Stage, StartExecutionSafety, build_table, cached_describe, with_stages
from service.validation import Validator
from service.watch import ExecutionWatcher

log = logging.getLogger(__name__)

SERVICE_NAME = SERVICE.full_name


class Server:
    """The sfn-grpc server: `await start()`, then `await stop()` (or `run()` until a signal)."""

    def __init__(self, config: Config, client_settings: ClientSettings | None = None) -> None:
        self.config = config
        self._client_settings = client_settings
        self._embedded: Any = None
        self._grpc: grpc.aio.Server | None = None
        self._health = health.aio.HealthServicer()
        self._probe: asyncio.Task[None] | None = None
        self.aws: Aws | None = None
        self.descriptions: DescribeCache | None = None
        self.histories: HistoryCache | None = None
        self.port = 0

    async def start(self) -> None:
        """Build the backend and the server, bind the port and start serving."""
        settings = self._client_settings or ClientSettings(workers=self.config.workers)
        demo_text = None
        if self.config.backend == "embedded":
            from service.embedded import EmbeddedBackend, demo_instructions

            self._embedded = EmbeddedBackend(region=settings.region or "us-east-1")
            endpoint = self._embedded.start()
            settings = ClientSettings(
                region=endpoint.region,
                endpoint_url=endpoint.endpoint_url,
                workers=self.config.workers,
                aws_access_key_id="testing",  # moto accepts any credentials
                aws_secret_access_key="testing",
            )
            demo_text = demo_instructions(endpoint, self.config.listen)
        retry = RetryPolicy(RetrySettings(max_attempts=self.config.retry_max_attempts))
        self.aws = aws = Aws(settings, retry, coalesce=self.config.coalesce)
        model = botocore.session.get_session().get_service_model("stepfunctions")
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
        gateway = Gateway(aws, tokens, self.config.max_response_bytes)
        start_safety = StartExecutionSafety(StateMachineTypes(aws, operations["DescribeStateMachine"]))
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
        streams = HistoryStreams(source, descriptions, histories, settings_streams)
        watcher = ExecutionWatcher(aws, operations["ListExecutions"], descriptions, tokens, settings_streams)

        server = grpc.aio.server(options=self._options())
        server.add_generic_rpc_handlers(
            (_handlers(gateway, table, streams, watcher, validator.check, retry.backoff_hint(2)),)
        )
        health_pb2_grpc.add_HealthServicer_to_server(self._health, server)
        enable_reflection((SERVICE_NAME, health.SERVICE_NAME), server)
        self.port = server.add_insecure_port(self.config.listen)
        if self.port == 0:
            raise OSError(f"cannot listen on {self.config.listen}")
        await self._set_health(health_pb2.HealthCheckResponse.NOT_SERVING)
        await server.start()
        self._grpc = server
        log.info(
            "sfn-grpc serving on %s (port %d); backend=%s region=%s endpoint=%s; pid %d",
            self.config.listen,
            self.port,
            self.config.backend,
            aws.region,
            aws.endpoint_url,
            os.getpid(),
        )
        log.info("settings: %s", self.config.describe())
        if demo_text:
            log.info("%s", demo_text)
        self._probe = asyncio.create_task(self._probe_backend())

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
        ]

    async def _set_health(self, status: Any) -> None:
        for name in ("", SERVICE_NAME):
            await self._health.set(name, status)

    async def _probe_backend(self) -> None:
        """SERVING once the backend answers at all (an AWS error is an answer; no connection is not)."""
        assert self.aws is not None
        delay = 0.2
        probe = Operation("ListStateMachines", state_machines_pb2.ListStateMachinesResponse)
        while True:
            try:
                await self.aws.send(probe, {"maxResults": 1}, time.monotonic() + 5.0)
                break
            except ClientError:
                break
            except Exception as exc:
                log.warning("backend at %s does not answer yet: %s", self.aws.endpoint_url, exc)
            await asyncio.sleep(delay)
            delay = min(delay * 2, 30.0)
        await self._set_health(health_pb2.HealthCheckResponse.SERVING)
        log.info("backend answers; health is SERVING")

    async def stop(self) -> None:
        """Drain: NOT_SERVING, refuse new calls, let in-flight calls finish within the grace period."""
        if self._probe is not None:
            self._probe.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._probe
        if self._grpc is not None:
            await self._health.enter_graceful_shutdown()
            await self._grpc.stop(self.config.grace_seconds)
            self._grpc = None
        if self.aws is not None:
            self.aws.close()
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
            log.info("signal received; draining for up to %.0f s", self.config.grace_seconds)
        finally:
            await self.stop()


def _handlers(
    gateway: Gateway,
    table: dict[str, Rpc],
    streams: HistoryStreams,
    watcher: ExecutionWatcher,
    validate: Callable[[Message], None],
    retry_delay: float,
) -> grpc.GenericRpcHandler:
    """One handler per AWS operation, all through the Gateway's one path, and the gateway's own RPCs.

    Every request is validated (`validate`) before its handler runs.
    """
    handlers = {
        name: _unary(name, rpc.request_type, rpc.response_type, gateway.handler(rpc), retry_delay, validate)
        for name, rpc in table.items()
    }
    handlers["WaitExecution"] = _unary(
        "WaitExecution",
        gateway_pb2.WaitExecutionRequest,
        gateway_pb2.WaitExecutionResponse,
        streams.wait,
        retry_delay,
        validate,
    )
    handlers["StreamExecutionHistory"] = _streaming(
        "StreamExecutionHistory",
        gateway_pb2.StreamExecutionHistoryRequest,
        gateway_pb2.StreamExecutionHistoryResponse,
        streams.stream,
        retry_delay,
        validate,
    )
    handlers["WatchExecutions"] = _streaming(
        "WatchExecutions",
        gateway_pb2.WatchExecutionsRequest,
        gateway_pb2.WatchExecutionsResponse,
        watcher.watch,
        retry_delay,
        validate,
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
    response_type: type[Message],
    serve: Callable[[Any, float | None], Awaitable[Message | bytes]],
    retry_delay: float,
    validate: Callable[[Message], None],
) -> grpc.RpcMethodHandler[Any, Any]:
    async def behavior(request: Any, context: grpc.aio.ServicerContext[Any, Any]) -> Message | bytes:
        try:
            validate(_decoded(request))  # every RPC, before anything goes to AWS
            return await serve(request, caller_deadline(context))
        except Exception as exc:  # every failure becomes a status with rich details, never a crash
            await abort(context, exc, name, retry_delay)
            raise

    return grpc.unary_unary_rpc_method_handler(
        behavior, request_deserializer=_decoder(request_type), response_serializer=_serialize
    )


def _streaming(
    name: str,
    request_type: type[Message],
    response_type: type[Message],
    serve: Callable[[Any, float | None], AsyncIterator[Message | bytes]],
    retry_delay: float,
    validate: Callable[[Message], None],
) -> grpc.RpcMethodHandler[Any, Any]:
    async def behavior(request: Any, context: grpc.aio.ServicerContext[Any, Any]) -> AsyncIterator[Message | bytes]:
        try:
            validate(_decoded(request))  # every RPC, before anything goes to AWS
            async for message in serve(request, caller_deadline(context)):
                yield message
        except Exception as exc:
            await abort(context, exc, name, retry_delay)

    return grpc.unary_stream_rpc_method_handler(
        behavior, request_deserializer=_decoder(request_type), response_serializer=_serialize
    )
