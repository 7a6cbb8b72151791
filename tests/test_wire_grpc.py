"""Every request and response message crosses a real gRPC channel to a real grpc.aio server and comes
back equal: the generated stubs, the serialization and the converter agree on the wire."""

from __future__ import annotations

import asyncio
import datetime as dt
import threading
from collections.abc import Iterator
from typing import Any

import grpc
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from stepfunctions.v1 import service_pb2_grpc

from service.convert import to_dict, to_message
from tests.model_data import message_class, model, shape_strategy, strict_diff
from tests.test_convert_roundtrip import _payload

OPERATIONS = sorted(model()["operations"])


class _Echo:
    """Remembers each request and answers with the response the test planned."""

    def __init__(self) -> None:
        self.received: dict[str, Any] = {}
        self.planned: dict[str, Any] = {}


def _servicer(echo: _Echo) -> service_pb2_grpc.StepFunctionsServiceServicer:
    def method(operation: str):
        async def handle(self: object, request: Any, context: grpc.aio.ServicerContext) -> Any:
            echo.received[operation] = request
            return echo.planned[operation]

        return handle

    cls = type("EchoServicer", (service_pb2_grpc.StepFunctionsServiceServicer,), {op: method(op) for op in OPERATIONS})
    return cls()


@pytest.fixture(scope="module")
def echo_server() -> Iterator[tuple[_Echo, grpc.Channel]]:
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    echo = _Echo()

    async def start() -> tuple[grpc.aio.Server, int]:
        server = grpc.aio.server()
        service_pb2_grpc.add_StepFunctionsServiceServicer_to_server(_servicer(echo), server)
        port = server.add_insecure_port("127.0.0.1:0")
        await server.start()
        return server, port

    server, port = asyncio.run_coroutine_threadsafe(start(), loop).result(timeout=10)
    channel = grpc.insecure_channel(f"127.0.0.1:{port}")
    try:
        yield echo, channel
    finally:
        channel.close()
        asyncio.run_coroutine_threadsafe(server.stop(None), loop).result(timeout=10)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(timeout=10)


@pytest.mark.parametrize("operation", OPERATIONS)
@settings(
    max_examples=5, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
@given(data=st.data())
def test_every_rpc_carries_its_messages(
    echo_server: tuple[_Echo, grpc.Channel], operation: str, data: st.DataObject
) -> None:
    echo, channel = echo_server
    spec = model()["operations"][operation]
    request = data.draw(shape_strategy(spec["input"]["shape"]))
    response = data.draw(shape_strategy(spec["output"]["shape"]))
    echo.planned[operation] = to_message(response, message_class(f"{operation}Response"))
    stub = service_pb2_grpc.StepFunctionsServiceStub(channel)
    answer = getattr(stub, operation)(to_message(request, message_class(f"{operation}Request")), timeout=10)
    assert strict_diff(request, to_dict(echo.received[operation])) == []
    assert strict_diff(response, to_dict(answer)) == []


def test_large_multibyte_history_page_crosses_the_wire(echo_server: tuple[_Echo, grpc.Channel]) -> None:
    echo, channel = echo_server
    payload = _payload(256 * 1024)
    events = [
        {
            "timestamp": dt.datetime(2024, 1, 1, 0, 0, i, 1000 * i, tzinfo=dt.UTC),
            "type": "TaskSucceeded",
            "id": i + 1,
            "previousEventId": i,
            "taskSucceededEventDetails": {"resourceType": "lambda", "resource": "invoke", "output": payload},
        }
        for i in range(12)  # 3 MiB: under gRPC's default 4 MiB receive limit
    ]
    response = {"events": events, "nextToken": "t"}
    echo.planned["GetExecutionHistory"] = to_message(response, message_class("GetExecutionHistoryResponse"))
    stub = service_pb2_grpc.StepFunctionsServiceStub(channel)
    request = to_message(
        {"executionArn": "arn:aws:states:us-east-1:123456789012:execution:sm:e"},
        message_class("GetExecutionHistoryRequest"),
    )
    answer = stub.GetExecutionHistory(request, timeout=10)
    assert strict_diff(response, to_dict(answer)) == []
