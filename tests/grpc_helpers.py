"""Shared helpers for tests that talk to a real sfn-grpc server over a real channel."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import grpc
from google.rpc import error_details_pb2, status_pb2
from stepfunctions.v1 import service_pb2_grpc

from service.backend import ClientSettings
from service.config import Config
from service.server import Server

TEST_TOKEN_SECRET = "test-page-token-secret"


def server_config(**overrides: object) -> Config:
    """Settings for a server on a free loopback port."""
    values: dict[str, object] = {
        "listen": "127.0.0.1:0",
        "backend": "aws",
        "workers": 8,
        "grace_seconds": 2.0,
        "page_token_key": TEST_TOKEN_SECRET,
    }
    values.update(overrides)
    return Config(**values)  # type: ignore[arg-type]


@asynccontextmanager
async def running_server(
    config: Config, endpoint_url: str | None = None
) -> AsyncIterator[tuple[Server, service_pb2_grpc.StepFunctionsServiceStub, grpc.aio.Channel]]:
    """A started server (against `endpoint_url`, or the embedded backend) and a stub on a channel to it."""
    settings = None
    if endpoint_url is not None:
        settings = ClientSettings(
            region="us-east-1",
            endpoint_url=endpoint_url,
            workers=config.workers,
            aws_access_key_id="testing",
            aws_secret_access_key="testing",
        )
    server = Server(config, settings)
    await server.start()
    channel = grpc.aio.insecure_channel(f"127.0.0.1:{server.port}")
    try:
        yield server, service_pb2_grpc.StepFunctionsServiceStub(channel), channel
    finally:
        await channel.close()
        await server.stop()


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
