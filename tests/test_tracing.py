"""Traces as an operator's backend sees them: real calls through a real channel to a real server against the
fake Step Functions endpoint, the spans caught by an in-memory exporter of the test's own tracer provider (never
the process's global one), and, for export, a real OTLP/gRPC collector on 127.0.0.1."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import grpc
import pytest
from opentelemetry.proto.collector.trace.v1 import trace_service_pb2, trace_service_pb2_grpc
from opentelemetry.sdk.trace import ReadableSpan, SpanProcessor, TracerProvider
from opentelemetry.sdk.trace.export import BatchSpanProcessor, SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import SpanKind, StatusCode
from sfngrpc.stepfunctions.v1 import executions_pb2, gateway_pb2

from service.config import ConfigurationError
from service.server import SERVICE_NAME
from service.tracing import shutdown, tracer_provider_from_environment
from tests.fake_sfn import FakeStepFunctions, history
from tests.grpc_helpers import running_server, server_config
from tests.server_process import ServerProcess, loopback_environment, readme_environment

TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736"
PARENT_SPAN_ID = "00f067aa0ba902b7"


@pytest.fixture
def spans() -> Iterator[tuple[TracerProvider, InMemorySpanExporter]]:
    exporter = InMemorySpanExporter()
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    yield provider, exporter
    provider.shutdown()


class _Ended(SpanProcessor):
    """Tells when a span of a given name has ended."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.event = threading.Event()

    def on_end(self, span: ReadableSpan) -> None:
        if span.name == self.name:
            self.event.set()


def server_spans(exporter: InMemorySpanExporter, method: str) -> list[ReadableSpan]:
    return [
        s for s in exporter.get_finished_spans() if s.kind == SpanKind.SERVER and s.name == f"{SERVICE_NAME}/{method}"
    ]


def children(exporter: InMemorySpanExporter, parent: ReadableSpan) -> list[ReadableSpan]:
    found = [
        s for s in exporter.get_finished_spans() if s.parent is not None and s.parent.span_id == parent.context.span_id
    ]
    return sorted(found, key=lambda s: s.start_time or 0)


async def test_a_retried_call_has_one_server_span_with_one_child_per_attempt(
    fake: FakeStepFunctions, spans: tuple[TracerProvider, InMemorySpanExporter]
) -> None:
    provider, exporter = spans
    machine = fake.add_state_machine("orders")
    done = fake.add_execution(machine, "done", status="SUCCEEDED")
    async with running_server(server_config(), fake.endpoint_url, provider) as (_, stub, _):
        fake.inject("throttle", operation="DescribeExecution", times=1)
        answer = await stub.DescribeExecution(executions_pb2.DescribeExecutionRequest(execution_arn=done), timeout=10)
    assert answer.status == executions_pb2.EXECUTION_STATUS_SUCCEEDED

    (server,) = server_spans(exporter, "DescribeExecution")
    assert server.parent is None  # no trace context came in: a new trace
    assert server.attributes is not None
    assert server.attributes["rpc.system"] == "grpc"
    assert server.attributes["rpc.service"] == SERVICE_NAME
    assert server.attributes["rpc.method"] == "DescribeExecution"
    assert server.attributes["rpc.grpc.status_code"] == 0
    assert server.attributes["network.peer.address"] == "127.0.0.1"
    assert isinstance(server.attributes["network.peer.port"], int)
    assert server.status.status_code == StatusCode.UNSET

    throttled, answered = children(exporter, server)
    sent = fake.calls_of("DescribeExecution")
    assert [c.fault for c in sent] == ["throttle", None]
    for span, call, number in ((throttled, sent[0], 0), (answered, sent[1], 1)):
        assert span.name == "StepFunctions/DescribeExecution"
        assert span.kind == SpanKind.CLIENT
        assert span.context.trace_id == server.context.trace_id
        assert span.attributes is not None
        assert span.attributes["rpc.system"] == "aws-api"
        assert span.attributes["rpc.service"] == "StepFunctions"
        assert span.attributes["rpc.method"] == "DescribeExecution"
        assert span.attributes["aws.request_id"] == call.request_id
        assert span.attributes["cloud.region"] == "us-east-1"
        assert span.attributes.get("http.request.resend_count", 0) == number
    assert throttled.status.status_code == StatusCode.ERROR
    assert throttled.attributes is not None
    assert throttled.attributes["error.type"] == "ThrottlingException"
    assert answered.status.status_code == StatusCode.UNSET


async def test_an_incoming_traceparent_is_the_server_spans_parent(
    fake: FakeStepFunctions, spans: tuple[TracerProvider, InMemorySpanExporter]
) -> None:
    provider, exporter = spans
    machine = fake.add_state_machine("orders")
    done = fake.add_execution(machine, "done", status="SUCCEEDED")
    traceparent = f"00-{TRACE_ID}-{PARENT_SPAN_ID}-01"
    async with running_server(server_config(), fake.endpoint_url, provider) as (_, stub, _):
        await stub.DescribeExecution(
            executions_pb2.DescribeExecutionRequest(execution_arn=done),
            timeout=10,
            metadata=(("traceparent", traceparent),),
        )
    (server,) = server_spans(exporter, "DescribeExecution")
    assert server.parent is not None
    assert server.parent.is_remote
    assert format(server.context.trace_id, "032x") == TRACE_ID
    assert format(server.parent.span_id, "016x") == PARENT_SPAN_ID
    (attempt,) = children(exporter, server)
    assert format(attempt.context.trace_id, "032x") == TRACE_ID


async def test_a_failed_call_carries_its_code_and_reason(
    fake: FakeStepFunctions, spans: tuple[TracerProvider, InMemorySpanExporter]
) -> None:
    provider, exporter = spans
    machine = fake.add_state_machine("orders")
    missing = fake.add_execution(machine, "done", status="SUCCEEDED").replace(":done", ":missing")
    async with running_server(server_config(), fake.endpoint_url, provider) as (_, stub, _):
        with pytest.raises(grpc.aio.AioRpcError) as failed:
            await stub.DescribeExecution(executions_pb2.DescribeExecutionRequest(execution_arn=missing), timeout=10)
    assert failed.value.code() == grpc.StatusCode.NOT_FOUND
    (server,) = server_spans(exporter, "DescribeExecution")
    assert server.attributes is not None
    assert server.attributes["rpc.grpc.status_code"] == grpc.StatusCode.NOT_FOUND.value[0]
    assert server.attributes["error.type"] == "EXECUTION_DOES_NOT_EXIST"
    assert server.status.status_code == StatusCode.UNSET  # the caller's mistake, not the server's failure
    (attempt,) = children(exporter, server)
    assert attempt.status.status_code == StatusCode.ERROR
    assert attempt.attributes is not None
    assert attempt.attributes["error.type"] == "ExecutionDoesNotExist"
    assert attempt.attributes["aws.request_id"] == fake.calls_of("DescribeExecution")[0].request_id


async def test_a_streamed_history_has_its_span_and_its_pages_attempts(
    fake: FakeStepFunctions, spans: tuple[TracerProvider, InMemorySpanExporter]
) -> None:
    provider, exporter = spans
    machine = fake.add_state_machine("orders")
    done = fake.add_execution(machine, "done", status="SUCCEEDED", events=history(12, status="SUCCEEDED"))
    async with running_server(server_config(), fake.endpoint_url, provider) as (_, stub, _):
        messages = [
            m
            async for m in stub.StreamExecutionHistory(
                gateway_pb2.StreamExecutionHistoryRequest(execution_arn=done), timeout=10
            )
        ]
    assert sum(len(m.events) for m in messages) == 12
    (server,) = server_spans(exporter, "StreamExecutionHistory")
    assert server.attributes is not None
    assert server.attributes["rpc.grpc.status_code"] == 0
    assert server.attributes["rpc.grpc.messages_sent"] == len(messages)
    attempts = children(exporter, server)
    sent = fake.calls_of("GetExecutionHistory") + fake.calls_of("DescribeExecution")
    assert attempts, "the stream's AWS calls are children of its span"
    assert {s.attributes["aws.request_id"] for s in attempts if s.attributes} == {c.request_id for c in sent}


async def test_a_cancelled_stream_ends_its_span_as_cancelled(
    fake: FakeStepFunctions, spans: tuple[TracerProvider, InMemorySpanExporter], caplog: pytest.LogCaptureFixture
) -> None:
    provider, exporter = spans
    ended = _Ended(f"{SERVICE_NAME}/StreamExecutionHistory")
    provider.add_span_processor(ended)
    machine = fake.add_state_machine("orders")
    running = fake.add_execution(machine, "running", status="RUNNING")
    async with running_server(server_config(), fake.endpoint_url, provider) as (_, stub, _):
        call = stub.StreamExecutionHistory(
            gateway_pb2.StreamExecutionHistoryRequest(execution_arn=running, follow=True), timeout=10
        )
        await call.read()  # the first page: the stream is open and following
        call.cancel()
        assert await asyncio.to_thread(ended.event.wait, 10)
    (server,) = server_spans(exporter, "StreamExecutionHistory")
    assert server.attributes is not None
    assert server.attributes["rpc.grpc.status_code"] == grpc.StatusCode.CANCELLED.value[0]
    assert "Failed to detach context" not in caplog.text


class _Collector(trace_service_pb2_grpc.TraceServiceServicer):
    def __init__(self) -> None:
        self.requests: list[trace_service_pb2.ExportTraceServiceRequest] = []
        self.arrived = asyncio.Event()

    async def Export(  # noqa: N802  (the OTLP service's name)
        self, request: trace_service_pb2.ExportTraceServiceRequest, context: grpc.aio.ServicerContext[Any, Any]
    ) -> trace_service_pb2.ExportTraceServiceResponse:
        self.requests.append(request)
        self.arrived.set()
        return trace_service_pb2.ExportTraceServiceResponse()


async def test_otlp_export_when_the_standard_variables_ask_for_it(
    fake: FakeStepFunctions, monkeypatch: pytest.MonkeyPatch
) -> None:
    collector = _Collector()
    receiver = grpc.aio.server()
    trace_service_pb2_grpc.add_TraceServiceServicer_to_server(collector, receiver)  # type: ignore[no-untyped-call]
    port = receiver.add_insecure_port("127.0.0.1:0")
    await receiver.start()
    try:
        for name in ("OTEL_SDK_DISABLED", "OTEL_TRACES_EXPORTER", "OTEL_SERVICE_NAME", "OTEL_RESOURCE_ATTRIBUTES"):
            monkeypatch.delenv(name, raising=False)
        monkeypatch.setenv("OTEL_EXPORTER_OTLP_ENDPOINT", f"http://127.0.0.1:{port}")
        machine = fake.add_state_machine("orders")
        done = fake.add_execution(machine, "done", status="SUCCEEDED")
        async with running_server(server_config(), fake.endpoint_url) as (_, stub, _):
            await stub.DescribeExecution(executions_pb2.DescribeExecutionRequest(execution_arn=done), timeout=10)
        # The server's stop flushed what its batch processor held.
        await asyncio.wait_for(collector.arrived.wait(), 10)
    finally:
        await receiver.stop(None)
    resource_spans = [rs for request in collector.requests for rs in request.resource_spans]
    service_names = {
        a.value.string_value for rs in resource_spans for a in rs.resource.attributes if a.key == "service.name"
    }
    assert service_names == {"sfn-grpc"}
    names = {span.name for rs in resource_spans for ss in rs.scope_spans for span in ss.spans}
    assert names == {f"{SERVICE_NAME}/DescribeExecution", "StepFunctions/DescribeExecution"}


@pytest.mark.parametrize(
    ("environ", "on"),
    [
        ({}, False),
        ({"OTEL_EXPORTER_OTLP_ENDPOINT": "http://127.0.0.1:4317"}, True),
        ({"OTEL_EXPORTER_OTLP_TRACES_ENDPOINT": "http://127.0.0.1:4317"}, True),
        ({"OTEL_EXPORTER_OTLP_ENDPOINT": "http://127.0.0.1:4317", "OTEL_SDK_DISABLED": "true"}, False),
        ({"OTEL_EXPORTER_OTLP_ENDPOINT": "http://127.0.0.1:4317", "OTEL_TRACES_EXPORTER": "none"}, False),
        ({"OTEL_TRACES_EXPORTER": "console"}, True),
    ],
)
def test_tracing_is_on_only_when_the_variables_ask(
    environ: dict[str, str], on: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("OTEL_SERVICE_NAME", raising=False)
    monkeypatch.delenv("OTEL_RESOURCE_ATTRIBUTES", raising=False)
    provider = tracer_provider_from_environment(environ)
    assert (provider is not None) == on
    if isinstance(provider, TracerProvider):
        assert provider.resource.attributes["service.name"] == "sfn-grpc"
        provider.shutdown()


def test_the_service_name_variable_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OTEL_SERVICE_NAME", "gateway-eu")
    provider = tracer_provider_from_environment({"OTEL_TRACES_EXPORTER": "console"})
    assert isinstance(provider, TracerProvider)
    assert provider.resource.attributes["service.name"] == "gateway-eu"
    provider.shutdown()


@pytest.mark.parametrize(
    ("environ", "named"),
    [
        ({"OTEL_TRACES_EXPORTER": "zipkin"}, "OTEL_TRACES_EXPORTER"),
        (
            {"OTEL_EXPORTER_OTLP_ENDPOINT": "http://127.0.0.1:4318", "OTEL_EXPORTER_OTLP_PROTOCOL": "http/protobuf"},
            "OTEL_EXPORTER_OTLP_PROTOCOL='http/protobuf'",
        ),
        (  # the variable that was set is the one named
            {"OTEL_EXPORTER_OTLP_ENDPOINT": "http://127.0.0.1:4318", "OTEL_EXPORTER_OTLP_TRACES_PROTOCOL": "http/json"},
            "OTEL_EXPORTER_OTLP_TRACES_PROTOCOL='http/json'",
        ),
    ],
)
def test_a_setting_the_gateway_cannot_honour_is_a_clear_error(environ: dict[str, str], named: str) -> None:
    with pytest.raises(ConfigurationError) as error:
        tracer_provider_from_environment(environ)
    assert named in str(error.value)


async def test_the_server_refuses_to_start_with_a_setting_it_cannot_honour(
    fake: FakeStepFunctions, tmp_path: Path
) -> None:
    env = {
        **readme_environment(),
        **loopback_environment(fake.endpoint_url, tmp_path / "home"),
        "OTEL_TRACES_EXPORTER": "zipkin",
    }
    with ServerProcess(env) as server:
        assert await asyncio.to_thread(server.wait) == 2
        assert "OTEL_TRACES_EXPORTER: unknown exporter 'zipkin'" in server.log


class _StuckExporter(InMemorySpanExporter):
    """An exporter whose collector does not answer: each export waits until released."""

    def __init__(self) -> None:
        super().__init__()
        self.release = threading.Event()

    def export(self, spans: Any) -> Any:
        self.release.wait(30)
        return super().export(spans)


def test_a_stopping_server_does_not_wait_for_an_unreachable_collector() -> None:
    """The SDK's shutdown waits out the exporter (10 s by default; the probe saw 14 s to stop):
    `shutdown` gives up after its timeout, and says whether the spans went out."""
    stuck = _StuckExporter()
    provider = TracerProvider()
    provider.add_span_processor(BatchSpanProcessor(stuck))  # as the server's own provider has
    provider.get_tracer("t").start_span("s").end()  # buffered: shutdown must send it
    assert shutdown(provider, timeout=0.2) is False
    stuck.release.set()
    fine = TracerProvider()
    fine.add_span_processor(SimpleSpanProcessor(InMemorySpanExporter()))
    assert shutdown(fine, timeout=10) is True
