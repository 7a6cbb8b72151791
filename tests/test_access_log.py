"""The access log as an operator reads it: one JSON line per call, with no payload and no secret at any level.

Real calls through a real channel to a real server against the fake Step Functions endpoint; the secrets test runs
`python -m service` itself at DEBUG (its own logging set-up is what is tested) and reads everything it logged."""

from __future__ import annotations

import asyncio
import json
import logging
import re
from pathlib import Path
from typing import Any

import grpc
import pytest
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import SpanKind
from sfngrpc.stepfunctions.v1 import executions_pb2, gateway_pb2, history_pb2, service_pb2_grpc

from service.access_log import ACCESS_LOGGER
from service.config import load
from tests.fake_sfn import FakeStepFunctions, history
from tests.grpc_helpers import running_server, server_config
from tests.server_process import ServerProcess, loopback_environment, readme_environment

PAYLOAD = "payload-marker-7f3a9c"
SESSION_TOKEN = "session-token-marker-IQoJb3JpZ2luX2VjE"
SECRET_KEY = "secret-key-marker-wJalrXUtnFEMI"


def access_lines(caplog: pytest.LogCaptureFixture) -> list[dict[str, Any]]:
    return [json.loads(r.getMessage()) for r in caplog.records if r.name == ACCESS_LOGGER]


async def test_one_json_line_per_call_with_what_the_call_did(
    fake: FakeStepFunctions, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger=ACCESS_LOGGER)
    exporter = InMemorySpanExporter()
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    machine = fake.add_state_machine("orders")
    done = fake.add_execution(machine, "done", status="SUCCEEDED", events=history(12, status="SUCCEEDED"))
    missing = done.replace(":done", ":missing")
    describe = executions_pb2.DescribeExecutionRequest(execution_arn=done)
    async with running_server(server_config(), fake.endpoint_url, provider) as (_, stub, _):
        fake.inject("throttle", operation="DescribeExecution", times=1)
        await stub.DescribeExecution(describe, timeout=10)  # throttled once, then answered: now kept
        await stub.DescribeExecution(describe, timeout=10)  # the cache answers
        with pytest.raises(grpc.aio.AioRpcError):
            await stub.DescribeExecution(executions_pb2.DescribeExecutionRequest(execution_arn=missing), timeout=10)
        with pytest.raises(grpc.aio.AioRpcError):
            await stub.DescribeExecution(
                executions_pb2.DescribeExecutionRequest(execution_arn="not an arn"), timeout=10
            )
        streams = [
            [
                m
                async for m in stub.StreamExecutionHistory(
                    gateway_pb2.StreamExecutionHistoryRequest(execution_arn=done), timeout=10
                )
            ]
            for _ in range(2)  # the second is answered from the history now kept
        ]
    provider.shutdown()
    retried, cached, not_found, invalid, stream, kept_stream = access_lines(caplog)
    sent = fake.calls_of("DescribeExecution")
    assert [c.fault for c in sent] == ["throttle", None, None]

    assert retried["method"] == "DescribeExecution"
    assert retried["code"] == "OK"
    assert retried["reason"] is None
    assert retried["aws_request_ids"] == [sent[0].request_id, sent[1].request_id]
    assert retried["attempts"] == 2
    assert retried["retries"] == 1
    assert retried["cache_hit"] is False
    assert retried["latency_ms"] > 0
    assert retried["peer"].startswith("ipv4:127.0.0.1:")
    assert retried["caller"] == "ipv4:127.0.0.1"
    servers = {format(s.context.span_id, "016x"): s for s in exporter.get_finished_spans() if s.kind == SpanKind.SERVER}
    assert retried["span_id"] in servers
    assert retried["trace_id"] == format(servers[retried["span_id"]].context.trace_id, "032x")

    assert (cached["code"], cached["cache_hit"], cached["attempts"], cached["aws_request_ids"]) == ("OK", True, 0, [])

    assert not_found["code"] == "NOT_FOUND"
    assert not_found["reason"] == "EXECUTION_DOES_NOT_EXIST"
    assert not_found["aws_request_ids"] == [sent[2].request_id]
    assert (invalid["code"], invalid["reason"], invalid["attempts"]) == ("INVALID_ARGUMENT", "INVALID_ARGUMENT", 0)

    assert stream["method"] == "StreamExecutionHistory"
    assert stream["code"] == "OK"
    assert stream["messages"] == len(streams[0])
    pages = fake.calls_of("GetExecutionHistory")
    assert pages
    assert stream["aws_request_ids"] == [c.request_id for c in pages]
    assert kept_stream["messages"] == len(streams[1])
    assert (kept_stream["cache_hit"], kept_stream["attempts"]) == (True, 0)
    assert len({line["trace_id"] for line in (retried, cached, not_found, invalid, stream, kept_stream)}) == 6
    assert "ExecutionSucceeded" not in caplog.text  # no event, no payload


async def test_access_log_off(fake: FakeStepFunctions, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger=ACCESS_LOGGER)
    machine = fake.add_state_machine("orders")
    done = fake.add_execution(machine, "done", status="SUCCEEDED")
    async with running_server(server_config(access_log=False), fake.endpoint_url) as (_, stub, _):
        await stub.DescribeExecution(executions_pb2.DescribeExecutionRequest(execution_arn=done), timeout=10)
    assert access_lines(caplog) == []


def test_the_settings() -> None:
    assert load([], {}).access_log is True
    assert load([], {}).log_level == "INFO"
    assert load([], {"SFN_GRPC_ACCESS_LOG": "off", "SFN_GRPC_LOG_LEVEL": "debug"}).access_log is False
    assert load(["--access-log", "on"], {"SFN_GRPC_ACCESS_LOG": "off"}).access_log is True
    assert load([], {"SFN_GRPC_LOG_LEVEL": "debug"}).log_level == "DEBUG"
    with pytest.raises(SystemExit):
        load([], {"SFN_GRPC_LOG_LEVEL": "verbose"})


_OTHER_LINE = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} (DEBUG|INFO|WARNING|ERROR|CRITICAL) \S+: ")


async def test_no_secret_and_no_payload_in_the_log_at_debug(fake: FakeStepFunctions, tmp_path: Path) -> None:
    machine = fake.add_state_machine("orders")
    env = {
        **readme_environment(),
        **loopback_environment(fake.endpoint_url, tmp_path / "home"),
        "AWS_SECRET_ACCESS_KEY": SECRET_KEY,
        "AWS_SESSION_TOKEN": SESSION_TOKEN,
        "SFN_GRPC_LOG_LEVEL": "DEBUG",
    }
    with ServerProcess(env) as server:
        port = await asyncio.to_thread(server.port)
        async with grpc.aio.insecure_channel(f"127.0.0.1:{port}") as channel:
            stub = service_pb2_grpc.StepFunctionsServiceStub(channel)
            started = await stub.StartExecution(
                executions_pb2.StartExecutionRequest(
                    state_machine_arn=machine, name="run-1", input=json.dumps({"secret": PAYLOAD})
                ),
                timeout=10,
            )
            described = await stub.DescribeExecution(
                executions_pb2.DescribeExecutionRequest(execution_arn=started.execution_arn), timeout=10
            )
            assert PAYLOAD in described.input
            pages = await stub.GetExecutionHistory(
                history_pb2.GetExecutionHistoryRequest(execution_arn=started.execution_arn), timeout=10
            )
            assert any(PAYLOAD in str(event) for event in pages.events)
            fake.inject("500", operation="DescribeExecution", times=5)
            with pytest.raises(grpc.aio.AioRpcError) as failed:
                await stub.DescribeExecution(
                    executions_pb2.DescribeExecutionRequest(execution_arn=started.execution_arn), timeout=10
                )
        server.terminate()
        assert await asyncio.to_thread(server.wait) == 0
        text = server.log
    assert failed.value.code() == grpc.StatusCode.UNAVAILABLE
    assert " DEBUG " in text  # the log level is DEBUG indeed
    for secret in (SESSION_TOKEN, SECRET_KEY, "Authorization", "X-Amz-Security-Token", "Signature", PAYLOAD):
        assert secret.lower() not in text.lower(), secret
    lines = [line for line in text.splitlines() if line.startswith("{")]
    assert all(_OTHER_LINE.match(line) for line in text.splitlines() if not line.startswith("{")), text
    calls = [json.loads(line) for line in lines]
    assert [c["method"] for c in calls] == [
        "StartExecution",
        "DescribeExecution",
        "GetExecutionHistory",
        "DescribeExecution",
    ]
    start, describe, _, failing = calls
    assert start["aws_request_ids"] == [c.request_id for c in fake.calls_of("StartExecution")]
    assert describe["aws_request_ids"] == [fake.calls_of("DescribeExecution")[0].request_id]
    assert failing["code"] == "UNAVAILABLE"
    assert failing["reason"] == "INTERNAL_FAILURE"
    assert failing["attempts"] == failing["retries"] + 1 > 1
    assert failing["aws_request_ids"] == [c.request_id for c in fake.calls_of("DescribeExecution")[1:]]
    assert "trace_id" not in failing  # tracing is off


async def test_a_call_that_joined_one_in_flight_says_so(
    fake: FakeStepFunctions, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger=ACCESS_LOGGER)
    machine = fake.add_state_machine("orders")
    running = fake.add_execution(machine, "running", status="RUNNING")  # not final: no cache answers
    request = executions_pb2.DescribeExecutionRequest(execution_arn=running)
    gate = fake.hold("DescribeExecution")
    async with running_server(server_config(), fake.endpoint_url) as (server, stub, _):
        first = asyncio.ensure_future(stub.DescribeExecution(request, timeout=10))
        assert await asyncio.to_thread(gate.wait_held, 1)
        second = asyncio.ensure_future(stub.DescribeExecution(request, timeout=10))
        assert server.aws is not None
        for _ in range(1000):  # bounded: the join happens within a few loop turns
            if server.aws.coalesced:
                break
            await asyncio.sleep(0.005)
        gate.release()
        await asyncio.gather(first, second)
    lines = access_lines(caplog)
    (sent,) = fake.calls_of("DescribeExecution")
    made = [line for line in lines if not line["coalesced"]]
    joined = [line for line in lines if line["coalesced"]]
    assert [(line["attempts"], line["aws_request_ids"]) for line in made] == [(1, [sent.request_id])]
    assert [(line["attempts"], line["aws_request_ids"], line["code"]) for line in joined] == [(0, [], "OK")]
