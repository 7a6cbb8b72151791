"""Shared helpers for tests that talk to a real sfn-grpc server over a real channel."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any, Protocol, TypedDict, TypeVar, cast

import grpc
from google.rpc import error_details_pb2, status_pb2
from grpc_health.v1 import health_pb2, health_pb2_grpc
from grpc_reflection.v1alpha import reflection_pb2, reflection_pb2_grpc
from opentelemetry.trace import TracerProvider
from sfngrpc.stepfunctions.v1 import executions_pb2, service_pb2_grpc, state_machines_pb2

from service.backend import ClientSettings
from service.config import Config
from service.embedded import DEMO_STATE_MACHINE_NAME
from service.server import Server

R = TypeVar("R")

TEST_TOKEN_SECRET = "test-page-token-secret"


def server_config(**overrides: object) -> Config:
    """Settings for a server on a free loopback port."""
    values: dict[str, object] = {
        "listen": "127.0.0.1:0",
        "metrics_listen": "127.0.0.1:0",
        "backend": "aws",
        "workers": 8,
        "grace_seconds": 2.0,
        "page_token_key": TEST_TOKEN_SECRET,
    }
    values.update(overrides)
    return Config(**values)  # type: ignore[arg-type]


@asynccontextmanager
async def running_server(
    config: Config, endpoint_url: str | None = None, tracer_provider: TracerProvider | None = None
) -> AsyncIterator[tuple[Server, service_pb2_grpc.StepFunctionsServiceAsyncStub, grpc.aio.Channel]]:
    """A started server (against `endpoint_url`, or the embedded backend) and a stub on a channel to it.

    `tracer_provider`: where its spans go (a test's own, never the process's global one).
    """
    settings = None
    if endpoint_url is not None:
        settings = ClientSettings(
            region="us-east-1",
            endpoint_url=endpoint_url,
            workers=config.workers,
            aws_access_key_id="testing",
            aws_secret_access_key="testing",
        )
    server = Server(config, settings, tracer_provider)
    await server.start()
    channel = grpc.aio.insecure_channel(f"127.0.0.1:{server.port}")
    try:
        yield server, service_pb2_grpc.StepFunctionsServiceStub(channel), channel
    finally:
        await channel.close()
        await server.stop()


async def start_demo(stub: service_pb2_grpc.StepFunctionsServiceAsyncStub, wait: bool) -> str:
    """Start the embedded backend's demo state machine through the gateway; return the execution ARN."""
    machines = await stub.ListStateMachines(state_machines_pb2.ListStateMachinesRequest(), timeout=10)
    demo = next(m for m in machines.state_machines if m.name == DEMO_STATE_MACHINE_NAME)
    request = executions_pb2.StartExecutionRequest(
        state_machine_arn=demo.state_machine_arn, input=json.dumps({"wait": wait})
    )
    started = await stub.StartExecution(request, timeout=10)
    return started.execution_arn


class HealthAsyncStub(Protocol):
    """grpc.health.v1.Health on an aio channel, as its stub behaves (the stub package declares no methods)."""

    Check: grpc.aio.UnaryUnaryMultiCallable[health_pb2.HealthCheckRequest, health_pb2.HealthCheckResponse]
    Watch: grpc.aio.UnaryStreamMultiCallable[health_pb2.HealthCheckRequest, health_pb2.HealthCheckResponse]


def health_stub(channel: grpc.aio.Channel) -> HealthAsyncStub:
    """The standard health stub on `channel`, typed."""
    return cast(HealthAsyncStub, health_pb2_grpc.HealthStub(channel))


class ReflectionAsyncStub(Protocol):
    """grpc.reflection.v1alpha on an aio channel (the stub package types it for sync channels only)."""

    ServerReflectionInfo: grpc.aio.StreamStreamMultiCallable[
        reflection_pb2.ServerReflectionRequest, reflection_pb2.ServerReflectionResponse
    ]


def reflection_stub(channel: grpc.aio.Channel) -> ReflectionAsyncStub:
    """The v1alpha reflection stub on `channel`, typed."""
    return cast(ReflectionAsyncStub, reflection_pb2_grpc.ServerReflectionStub(channel))  # type: ignore[arg-type]


async def next_message(call: grpc.aio.UnaryStreamCall[Any, R]) -> R:
    """The next message of a stream, which must not have ended."""
    message = await call.read()
    assert message is not grpc.aio.EOF, "the stream ended"
    return cast(R, message)  # read() is typed `object | R`: EOF is excluded above


class Details(TypedDict, total=False):
    """The google.rpc details an error carries, by type name (absent: not carried)."""

    ErrorInfo: error_details_pb2.ErrorInfo
    RetryInfo: error_details_pb2.RetryInfo
    BadRequest: error_details_pb2.BadRequest


def unpack_details(status: status_pb2.Status) -> Details:
    """The ErrorInfo, RetryInfo and BadRequest details of a google.rpc.Status, by type name."""
    found = Details()
    for detail in status.details:
        # Unpack answers whether the detail was of that type.
        if detail.Unpack(info := error_details_pb2.ErrorInfo()):
            found["ErrorInfo"] = info
        elif detail.Unpack(retry := error_details_pb2.RetryInfo()):
            found["RetryInfo"] = retry
        elif detail.Unpack(bad := error_details_pb2.BadRequest()):
            found["BadRequest"] = bad
    return found


def rich_details(error: grpc.aio.AioRpcError) -> Details:
    """The google.rpc details of a failed call, by type name."""
    trailer = dict(error.trailing_metadata() or ())["grpc-status-details-bin"]
    assert isinstance(trailer, bytes)
    return unpack_details(status_pb2.Status.FromString(trailer))
