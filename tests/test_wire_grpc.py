"""Every request and response message crosses a real gRPC channel to a real grpc.aio server and comes
back equal: the generated stubs, the serialization and the converter agree on the wire. And what a
tool reads from the wire about them (server reflection) spells every field as AWS does."""

from __future__ import annotations

import asyncio
import datetime as dt
import threading
from collections.abc import Awaitable, Callable, Iterator
from typing import Any

import grpc
import pytest
from google.protobuf import descriptor_pb2
from grpc_reflection.v1alpha import reflection_pb2
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sfngrpc.stepfunctions.v1 import history_pb2, service_pb2_grpc

from service.convert import to_dict, to_message
from tests.fake_sfn import FakeStepFunctions
from tests.grpc_helpers import running_server, server_config
from tests.model_data import message_class, model, shape_strategy, strict_diff
from tests.test_convert_roundtrip import _payload

OPERATIONS = sorted(model()["operations"])


class _Echo:
    """Remembers each request and answers with the response the test planned."""

    def __init__(self) -> None:
        self.received: dict[str, Any] = {}
        self.planned: dict[str, Any] = {}


def _servicer(echo: _Echo) -> service_pb2_grpc.StepFunctionsServiceServicer:
    def method(operation: str) -> Callable[..., Awaitable[Any]]:
        async def handle(self: object, request: Any, context: grpc.aio.ServicerContext[Any, Any]) -> Any:
            echo.received[operation] = request
            return echo.planned[operation]

        return handle

    cls = type("EchoServicer", (service_pb2_grpc.StepFunctionsServiceServicer,), {op: method(op) for op in OPERATIONS})
    servicer: service_pb2_grpc.StepFunctionsServiceServicer = cls()
    return servicer


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
        history_pb2.GetExecutionHistoryRequest,
    )
    answer = stub.GetExecutionHistory(request, timeout=10)
    assert strict_diff(response, to_dict(answer)) == []


REFLECTIONS = ("grpc.reflection.v1.ServerReflection", "grpc.reflection.v1alpha.ServerReflection")


async def _reflect(
    channel: grpc.aio.Channel, reflection: str, request: reflection_pb2.ServerReflectionRequest
) -> reflection_pb2.ServerReflectionResponse:
    # v1 and v1alpha differ only in their package name: their messages are the same bytes.
    call = channel.stream_stream(
        f"/{reflection}/ServerReflectionInfo",
        request_serializer=reflection_pb2.ServerReflectionRequest.SerializeToString,
        response_deserializer=reflection_pb2.ServerReflectionResponse.FromString,
    )
    (reply,) = [reply async for reply in call(iter([request]), timeout=10)]
    assert not reply.HasField("error_response"), reply.error_response
    return reply


async def test_both_reflection_versions_serve_descriptors_with_every_json_name(fake: FakeStepFunctions) -> None:
    async with running_server(server_config(), fake.endpoint_url) as (_, _, channel):
        served = {}
        for reflection in REFLECTIONS:
            listed = await _reflect(channel, reflection, reflection_pb2.ServerReflectionRequest(list_services=""))
            assert set(REFLECTIONS) <= {s.name for s in listed.list_services_response.service}
            reply = await _reflect(
                channel,
                reflection,
                reflection_pb2.ServerReflectionRequest(
                    file_containing_symbol="sfngrpc.stepfunctions.v1.StepFunctionsService"
                ),
            )
            files = [
                descriptor_pb2.FileDescriptorProto.FromString(data)
                for data in reply.file_descriptor_response.file_descriptor_proto
            ]
            served[reflection] = {f.name: f for f in files}
            for file in files:
                if file.package != "sfngrpc.stepfunctions.v1":
                    continue
                for message in file.message_type:  # our messages nest only map entries, which JSON never names
                    for field in message.field:
                        assert field.HasField("json_name"), f"{file.name}: {message.name}.{field.name}"
        assert served[REFLECTIONS[0]] == served[REFLECTIONS[1]]
        assert sum(name.startswith("sfngrpc/stepfunctions/v1/") for name in served[REFLECTIONS[0]]) >= 10
        v1 = await _reflect(
            channel, REFLECTIONS[0], reflection_pb2.ServerReflectionRequest(file_containing_symbol=REFLECTIONS[0])
        )
        (described,) = [
            descriptor_pb2.FileDescriptorProto.FromString(data)
            for data in v1.file_descriptor_response.file_descriptor_proto
        ]
        assert described.package == "grpc.reflection.v1"
        assert [m.name for m in described.service[0].method] == ["ServerReflectionInfo"]
