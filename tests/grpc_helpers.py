"""Shared helpers for tests that talk to a real sfn-grpc server over a real channel."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import grpc
from google.rpc import error_details_pb2, status_pb2
from opentelemetry.trace import TracerProvider
from sfngrpc.stepfunctions.v1 import executions_pb2, service_pb2_grpc, state_machines_pb2

from service.backend import ClientSettings
from service.config import Config
from service.embedded import DEMO_STATE_MACHINE_NAME
from service.executions import TERMINAL_EVENTS
from service.server import Server

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
) -> AsyncIterator[tuple[Server, service_pb2_grpc.StepFunctionsServiceStub, grpc.aio.Channel]]:
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


async def start_demo(stub: service_pb2_grpc.StepFunctionsServiceStub, wait: bool) -> str:
    """Start the embedded backend's demo state machine through the gateway; return the execution ARN."""
    machines = await stub.ListStateMachines(state_machines_pb2.ListStateMachinesRequest(), timeout=10)
    demo = next(m for m in machines.state_machines if m.name == DEMO_STATE_MACHINE_NAME)
    request = executions_pb2.StartExecutionRequest(
        state_machine_arn=demo.state_machine_arn, input=json.dumps({"wait": wait})
    )
    started = await stub.StartExecution(request, timeout=10)
    return started.execution_arn


def terminal_events(types: list[int]) -> list[int]:
    """The execution-ending event types among `types`, in order.

    A demo history has exactly one, but it is not always the last event: moto's Map workers may append
    an iteration's last event after it (seen in CI), and the gateway passes moto's order on.
    """
    return [t for t in types if t in TERMINAL_EVENTS]


def unpack_details(status: status_pb2.Status) -> dict[str, object]:
    """The ErrorInfo, RetryInfo and BadRequest details of a google.rpc.Status, by type name."""
    found: dict[str, object] = {}
    for detail in status.details:
        for cls in (error_details_pb2.ErrorInfo, error_details_pb2.RetryInfo, error_details_pb2.BadRequest):
            if detail.Is(cls.DESCRIPTOR):
                value = cls()
                detail.Unpack(value)
                found[cls.__name__] = value
    return found


def rich_details(error: grpc.aio.AioRpcError) -> dict[str, object]:
    """The google.rpc details of a failed call, by type name."""
    trailer = dict(error.trailing_metadata() or ())["grpc-status-details-bin"]
    return unpack_details(status_pb2.Status.FromString(trailer))  # type: ignore[arg-type]
