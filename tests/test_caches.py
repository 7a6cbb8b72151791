"""The byte-bounded LRU, and coalescing of identical concurrent reads (against the fake endpoint)."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from sfngrpc.stepfunctions.v1 import executions_pb2

from service.caches import ByteLRU
from service.convert import to_message
from service.executions import is_final
from tests.fake_sfn import FakeStepFunctions, history
from tests.grpc_helpers import running_server, server_config


def test_the_lru_is_bounded_by_bytes_and_evicts_the_least_recently_used() -> None:
    lru: ByteLRU[str] = ByteLRU(max_bytes=100)
    lru.put("a", "A", 40)
    lru.put("b", "B", 40)
    assert lru.get("a") == "A"  # now "b" is the least recently used
    lru.put("c", "C", 40)
    assert lru.get("b") is None
    assert (lru.get("a"), lru.get("c")) == ("A", "C")
    assert lru.bytes == 80
    lru.put("huge", "H", 101)  # larger than the whole cache: not kept, nothing evicted for it
    assert lru.get("huge") is None
    assert len(lru) == 2
    assert (lru.stats.hits, lru.stats.misses, lru.stats.evictions) == (3, 2, 1)


@pytest.mark.parametrize(
    ("description", "final"),
    [
        ({"status": "SUCCEEDED"}, True),
        ({"status": "FAILED", "redriveStatus": "NOT_REDRIVABLE"}, True),
        ({"status": "FAILED", "redriveStatus": "REDRIVABLE"}, False),
        ({"status": "ABORTED"}, False),  # no redrive status: it might still be redriven
        ({"status": "RUNNING"}, False),
        ({"status": "PENDING_REDRIVE", "redriveStatus": "NOT_REDRIVABLE"}, False),
    ],
)
def test_what_counts_as_final(description: dict[str, Any], final: bool) -> None:
    assert is_final(to_message(description, executions_pb2.DescribeExecutionResponse)) is final


@pytest.mark.asyncio
async def test_identical_concurrent_reads_cost_one_call(fake: FakeStepFunctions) -> None:
    machine = fake.add_state_machine("busy")
    arn = fake.add_execution(machine, "run", status="RUNNING", events=history(3, status="RUNNING"))
    async with running_server(server_config(), fake.endpoint_url) as (server, stub, _):
        fake.inject("latency", operation="DescribeExecution", delay=0.3)
        request = executions_pb2.DescribeExecutionRequest(execution_arn=arn)
        answers = await asyncio.gather(*(stub.DescribeExecution(request, timeout=5) for _ in range(8)))
        assert {a.execution_arn for a in answers} == {arn}
        assert len(fake.calls_of("DescribeExecution")) == 1
        assert server.aws is not None
        assert server.aws.coalesced == 7
        await stub.DescribeExecution(request, timeout=5)  # not final: the next read asks AWS again
        assert len(fake.calls_of("DescribeExecution")) == 2


@pytest.mark.asyncio
async def test_coalescing_can_be_switched_off(fake: FakeStepFunctions) -> None:
    machine = fake.add_state_machine("busy")
    arn = fake.add_execution(machine, "run", status="RUNNING", events=history(3, status="RUNNING"))
    async with running_server(server_config(coalesce=False), fake.endpoint_url) as (_, stub, _):
        fake.inject("latency", operation="DescribeExecution", delay=0.2)
        request = executions_pb2.DescribeExecutionRequest(execution_arn=arn)
        await asyncio.gather(*(stub.DescribeExecution(request, timeout=5) for _ in range(3)))
        assert len(fake.calls_of("DescribeExecution")) == 3
