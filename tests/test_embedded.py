"""The embedded backend: moto's Step Functions emulator on loopback, with execution on and the demo seeded.

Everything goes through a real boto3 client over HTTP to 127.0.0.1, as the gRPC server's client will.
"""

from __future__ import annotations

import json
import socket
import textwrap
import threading
import time
import uuid
from collections.abc import Iterator
from typing import Any

import boto3
import pytest
from botocore.config import Config

from service.embedded import (
    DEMO_DEFINITION,
    DEMO_STATE_MACHINE_NAME,
    EmbeddedBackend,
    EmbeddedEndpoint,
    demo_instructions,
)

POLL_TIMEOUT_S = 30.0
POLL_INTERVAL_S = 0.2
DEMO_STATE_TYPES = {"Pass", "Choice", "Wait", "Parallel", "Map"}


@pytest.fixture(scope="module")
def backend() -> Iterator[EmbeddedBackend]:
    embedded = EmbeddedBackend()
    try:
        yield embedded
    finally:
        embedded.stop()


@pytest.fixture(scope="module")
def endpoint(backend: EmbeddedBackend) -> EmbeddedEndpoint:
    return backend.start()


@pytest.fixture(scope="module")
def sfn(endpoint: EmbeddedEndpoint) -> Iterator[Any]:
    client = boto3.session.Session(
        aws_access_key_id="testing", aws_secret_access_key="testing", region_name=endpoint.region
    ).client("stepfunctions", endpoint_url=endpoint.endpoint_url, config=Config(proxies={}))
    try:
        yield client
    finally:
        client.close()


def _all_states(definition: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Every state by name, including those inside Parallel branches and Map processors."""
    found: dict[str, dict[str, Any]] = {}
    for name, state in definition["States"].items():
        found[name] = state
        for branch in state.get("Branches", []):
            found.update(_all_states(branch))
        for key in ("ItemProcessor", "Iterator"):
            if key in state:
                found.update(_all_states(state[key]))
    return found


def _wait_until_done(sfn: Any, execution_arn: str) -> tuple[dict[str, Any], list[str]]:
    deadline = time.monotonic() + POLL_TIMEOUT_S
    statuses: list[str] = []
    while True:
        described = sfn.describe_execution(executionArn=execution_arn)
        statuses.append(described["status"])
        if described["status"] != "RUNNING" or time.monotonic() > deadline:
            return described, statuses
        time.sleep(POLL_INTERVAL_S)


def test_endpoint_is_loopback(endpoint: EmbeddedEndpoint) -> None:
    assert endpoint.endpoint_url.startswith("http://127.0.0.1:")
    assert int(endpoint.endpoint_url.rsplit(":", 1)[1]) > 0
    assert endpoint.region == "us-east-1"
    assert endpoint.demo_state_machine_arn.endswith(f":stateMachine:{DEMO_STATE_MACHINE_NAME}")


def test_start_is_idempotent(backend: EmbeddedBackend, endpoint: EmbeddedEndpoint, sfn: Any) -> None:
    assert backend.start() == endpoint
    names = [machine["name"] for machine in sfn.list_state_machines()["stateMachines"]]
    assert names.count(DEMO_STATE_MACHINE_NAME) == 1


def test_demo_state_machine_has_expected_states(endpoint: EmbeddedEndpoint, sfn: Any) -> None:
    described = sfn.describe_state_machine(stateMachineArn=endpoint.demo_state_machine_arn)
    assert described["name"] == DEMO_STATE_MACHINE_NAME
    definition = json.loads(described["definition"])
    assert definition == json.loads(DEMO_DEFINITION)
    types = {state["Type"] for state in _all_states(definition).values()}
    assert types >= DEMO_STATE_TYPES
    wait_seconds = [state["Seconds"] for state in definition["States"].values() if state["Type"] == "Wait"]
    assert wait_seconds
    assert all(1 <= seconds <= 2 for seconds in wait_seconds)


def test_demo_execution_runs_then_succeeds_with_history(endpoint: EmbeddedEndpoint, sfn: Any) -> None:
    name = f"test-{uuid.uuid4().hex[:12]}"
    started = sfn.start_execution(
        stateMachineArn=endpoint.demo_state_machine_arn,
        name=name,
        input=json.dumps({"items": ["x", "y"]}),
    )
    assert started["executionArn"].endswith(f":execution:{DEMO_STATE_MACHINE_NAME}:{name}")

    described, statuses = _wait_until_done(sfn, started["executionArn"])
    assert described["status"] == "SUCCEEDED", described
    assert statuses[0] == "RUNNING"  # the Wait state holds it long enough to be seen
    assert described["name"] == name
    output = json.loads(described["output"])
    assert output["items"] == ["x", "y"]
    assert len(output["results"]) == 2
    assert len(output["parallel"]) == 2

    events = sfn.get_execution_history(executionArn=started["executionArn"])["events"]
    types = [event["type"] for event in events]
    assert types[0] == "ExecutionStarted"
    assert types[-1] == "ExecutionSucceeded"
    assert [event["id"] for event in events] == list(range(1, len(events) + 1))
    for state_type in DEMO_STATE_TYPES:
        assert f"{state_type}StateEntered" in types
        assert f"{state_type}StateExited" in types
    entered = {event["stateEnteredEventDetails"]["name"] for event in events if event["type"].endswith("StateEntered")}
    definition = json.loads(DEMO_DEFINITION)
    assert entered == set(_all_states(definition))


def test_demo_instructions_mention_both_clients(endpoint: EmbeddedEndpoint) -> None:
    text = demo_instructions(endpoint, "127.0.0.1:50051")
    assert "grpcurl -plaintext" in text
    assert f"ARN=$(sfn-grpc start {DEMO_STATE_MACHINE_NAME})" in text  # the command line, at its default address
    assert "sfn-grpc --address 0.0.0.0:50051 start" in demo_instructions(endpoint, "0.0.0.0:50051")
    assert "sfngrpc.stepfunctions.v1.StepFunctionsService/StartExecution" in text
    assert "127.0.0.1:50051" in text
    assert endpoint.demo_state_machine_arn in text
    assert "service_pb2_grpc.StepFunctionsServiceStub" in text
    assert "executions_pb2.StartExecutionRequest(" in text
    body = next(line for line in text.splitlines() if "-d '" in line and '"input"' in line)
    payload = json.loads(body.split("-d '", 1)[1].rsplit("'", 1)[0])
    assert payload["stateMachineArn"] == endpoint.demo_state_machine_arn
    json.loads(payload["input"])  # the input is itself JSON
    python = text.split("Or from Python:\n", 1)[1]
    compile(textwrap.dedent(python), "demo_instructions", "exec")  # valid Python, as printed


def test_stop_frees_the_port_and_threads_and_is_idempotent(endpoint: EmbeddedEndpoint, sfn: Any) -> None:
    # A backend of its own: the module's one keeps serving, which also checks that stopping one
    # backend leaves moto's process-global execution switch on for the other.
    threads_before = set(threading.enumerate())
    embedded = EmbeddedBackend()
    other = embedded.start()
    assert other.endpoint_url != endpoint.endpoint_url
    assert other.demo_state_machine_arn == endpoint.demo_state_machine_arn  # moto's state is shared
    port = int(other.endpoint_url.rsplit(":", 1)[1])
    embedded.stop()
    embedded.stop()

    # A request thread of the stopped server may still be returning from its closed connection:
    # wait for it to end (bounded), then nothing of the backend may be left.
    for thread in set(threading.enumerate()) - threads_before:
        thread.join(timeout=5)
    assert set(threading.enumerate()) <= threads_before
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        probe.bind(("127.0.0.1", port))
        probe.listen()
    with pytest.raises(ConnectionRefusedError):  # nothing listens there any more
        socket.create_connection(("127.0.0.1", port), timeout=1).close()

    described = sfn.describe_state_machine(stateMachineArn=endpoint.demo_state_machine_arn)
    assert described["name"] == DEMO_STATE_MACHINE_NAME
