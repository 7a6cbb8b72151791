"""The fake Step Functions endpoint, as real boto3 clients (and a raw HTTP client) see it."""

from __future__ import annotations

import concurrent.futures
import contextlib
import http.client
import itertools
import json
import socket
import time
from typing import Any

import boto3
import botocore.config
import botocore.exceptions
import botocore.retries.standard
import pytest

from tests.fake_sfn import DEFAULT_DEFINITION, FakeStepFunctions, history

ROLE = "arn:aws:iam::123456789012:role/test"


def make_client(fake: FakeStepFunctions, **config: Any) -> Any:
    """A real boto3 client aimed at the fake, without retries so each fault shows as it is."""
    return boto3.client(
        "stepfunctions",
        endpoint_url=fake.endpoint_url,
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
        config=botocore.config.Config(retries={"total_max_attempts": 1}, **config),
    )


@pytest.fixture
def sfn(fake: FakeStepFunctions) -> Any:
    return make_client(fake)


@pytest.fixture
def machine(fake: FakeStepFunctions) -> str:
    return fake.add_state_machine("orders")


def error_code(excinfo: pytest.ExceptionInfo[botocore.exceptions.ClientError]) -> str:
    code: str = excinfo.value.response["Error"]["Code"]
    return code


def raw_post(fake: FakeStepFunctions, target: str | None, body: bytes) -> tuple[int, dict[str, str], Any]:
    """One request over plain http.client, for what botocore would refuse to send."""
    connection = http.client.HTTPConnection("127.0.0.1", int(fake.endpoint_url.rsplit(":", 1)[1]), timeout=5)
    try:
        headers = {"Content-Type": "application/x-amz-json-1.0"}
        if target is not None:
            headers["X-Amz-Target"] = target
        connection.request("POST", "/", body=body, headers=headers)
        response = connection.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, json.loads(response.read())
    finally:
        connection.close()


# ---- state machines ------------------------------------------------------------------------------------------------


def test_create_describe_list_delete_state_machines(sfn: Any) -> None:
    arns = [
        sfn.create_state_machine(name=f"sm-{i}", definition=DEFAULT_DEFINITION, roleArn=ROLE)["stateMachineArn"]
        for i in range(5)
    ]
    assert arns[0] == "arn:aws:states:us-east-1:123456789012:stateMachine:sm-0"

    described = sfn.describe_state_machine(stateMachineArn=arns[0])
    assert (described["name"], described["definition"], described["roleArn"], described["type"]) == (
        "sm-0",
        DEFAULT_DEFINITION,
        ROLE,
        "STANDARD",
    )
    assert described["status"] == "ACTIVE"

    pages = list(sfn.get_paginator("list_state_machines").paginate(PaginationConfig={"PageSize": 2}))
    assert [len(page["stateMachines"]) for page in pages] == [2, 2, 1]
    assert [item["stateMachineArn"] for page in pages for item in page["stateMachines"]] == arns

    # Identical settings: idempotent; different ones: a conflict.
    again = sfn.create_state_machine(name="sm-0", definition=DEFAULT_DEFINITION, roleArn=ROLE)
    assert again["stateMachineArn"] == arns[0]
    assert again["creationDate"] == described["creationDate"]
    with pytest.raises(botocore.exceptions.ClientError) as excinfo:
        sfn.create_state_machine(name="sm-0", definition=DEFAULT_DEFINITION, roleArn=ROLE, type="EXPRESS")
    assert error_code(excinfo) == "StateMachineAlreadyExists"

    with pytest.raises(botocore.exceptions.ClientError) as excinfo:
        sfn.create_state_machine(name="bad", definition="not json", roleArn=ROLE)
    assert error_code(excinfo) == "InvalidDefinition"
    with pytest.raises(botocore.exceptions.ClientError) as excinfo:
        sfn.create_state_machine(name="bad name", definition=DEFAULT_DEFINITION, roleArn=ROLE)
    assert error_code(excinfo) == "InvalidName"

    sfn.delete_state_machine(stateMachineArn=arns[0])
    with pytest.raises(botocore.exceptions.ClientError) as excinfo:
        sfn.describe_state_machine(stateMachineArn=arns[0])
    assert error_code(excinfo) == "StateMachineDoesNotExist"
    with pytest.raises(botocore.exceptions.ClientError) as excinfo:
        sfn.describe_state_machine(stateMachineArn="not-an-arn")
    assert error_code(excinfo) == "InvalidArn"


def test_tags(sfn: Any, machine: str) -> None:
    sfn.tag_resource(resourceArn=machine, tags=[{"key": "team", "value": "a"}, {"key": "env", "value": "test"}])
    sfn.untag_resource(resourceArn=machine, tagKeys=["env"])
    assert sfn.list_tags_for_resource(resourceArn=machine)["tags"] == [{"key": "team", "value": "a"}]
    with pytest.raises(botocore.exceptions.ClientError) as excinfo:
        sfn.list_tags_for_resource(resourceArn=machine + "-gone")
    assert error_code(excinfo) == "ResourceNotFound"


# ---- executions ----------------------------------------------------------------------------------------------------


def test_start_execution_is_idempotent_while_running(fake: FakeStepFunctions, sfn: Any, machine: str) -> None:
    first = sfn.start_execution(stateMachineArn=machine, name="run-1", input='{"n": 1}')
    assert first["executionArn"] == "arn:aws:states:us-east-1:123456789012:execution:orders:run-1"
    again = sfn.start_execution(stateMachineArn=machine, name="run-1", input='{"n": 1}')
    assert (again["executionArn"], again["startDate"]) == (first["executionArn"], first["startDate"])

    with pytest.raises(botocore.exceptions.ClientError) as excinfo:
        sfn.start_execution(stateMachineArn=machine, name="run-1", input='{"n": 2}')
    assert error_code(excinfo) == "ExecutionAlreadyExists"

    # Once closed, the name stays taken even with the same input.
    fake.set_status(first["executionArn"], "SUCCEEDED")
    with pytest.raises(botocore.exceptions.ClientError) as excinfo:
        sfn.start_execution(stateMachineArn=machine, name="run-1", input='{"n": 1}')
    assert error_code(excinfo) == "ExecutionAlreadyExists"

    # Without a name, AWS makes one up.
    unnamed = sfn.start_execution(stateMachineArn=machine)
    assert len(unnamed["executionArn"].rsplit(":", 1)[1]) == 36
    events = sfn.get_execution_history(executionArn=unnamed["executionArn"])["events"]
    assert [event["type"] for event in events] == ["ExecutionStarted"]
    assert events[0]["executionStartedEventDetails"]["input"] == "{}"


def test_start_execution_errors(sfn: Any, machine: str) -> None:
    with pytest.raises(botocore.exceptions.ClientError) as excinfo:
        sfn.start_execution(stateMachineArn=machine + "-gone")
    assert error_code(excinfo) == "StateMachineDoesNotExist"
    with pytest.raises(botocore.exceptions.ClientError) as excinfo:
        sfn.start_execution(stateMachineArn="arn:aws:states:us-east-1:123456789012:execution:orders:x")
    assert error_code(excinfo) == "InvalidArn"
    with pytest.raises(botocore.exceptions.ClientError) as excinfo:
        sfn.start_execution(stateMachineArn=machine, input="{not json")
    assert error_code(excinfo) == "InvalidExecutionInput"


def test_describe_execution(fake: FakeStepFunctions, sfn: Any, machine: str) -> None:
    with pytest.raises(botocore.exceptions.ClientError) as excinfo:
        sfn.describe_execution(executionArn="arn:aws:states:us-east-1:123456789012:execution:orders:nope")
    assert error_code(excinfo) == "ExecutionDoesNotExist"
    assert isinstance(excinfo.value, sfn.exceptions.ExecutionDoesNotExist)  # the modeled exception class

    done = sfn.describe_execution(executionArn=fake.add_execution(machine, "done", input='{"a":1}', output='{"b":2}'))
    assert (done["status"], done["input"], done["output"]) == ("SUCCEEDED", '{"a":1}', '{"b":2}')
    assert done["stopDate"] >= done["startDate"]

    failed_arn = fake.add_execution(machine, "failed", status="FAILED", redrive_status="REDRIVABLE")
    failed = sfn.describe_execution(executionArn=failed_arn)
    assert (failed["status"], failed["error"], failed["redriveStatus"]) == ("FAILED", "States.TaskFailed", "REDRIVABLE")
    assert "output" not in failed

    running = sfn.describe_execution(executionArn=fake.add_execution(machine, "running", status="RUNNING"))
    assert running["status"] == "RUNNING"
    assert "stopDate" not in running


@pytest.mark.parametrize("status", ["SUCCEEDED", "FAILED", "RUNNING"])
def test_describe_execution_metadata_only_leaves_the_data_out(
    fake: FakeStepFunctions, sfn: Any, machine: str, status: str
) -> None:
    arn = fake.add_execution(machine, "data", status=status, input='{"secret":1}', output='{"secret":2}')

    def describe(**included: str) -> dict[str, Any]:
        answer: dict[str, Any] = sfn.describe_execution(executionArn=arn, **included)
        answer.pop("ResponseMetadata")
        return answer

    full = describe()
    assert full["input"] == '{"secret":1}'
    assert full["inputDetails"] == {"included": True}
    assert ("output" in full) is (status == "SUCCEEDED")
    assert describe(includedData="ALL_DATA") == full

    metadata = describe(includedData="METADATA_ONLY")
    data_members = {"input", "inputDetails", "output", "outputDetails"}
    assert not data_members & metadata.keys()
    # Everything else is as with the data.
    assert metadata == {key: value for key, value in full.items() if key not in data_members}
    assert fake.calls_of("DescribeExecution")[-1].params == {"executionArn": arn, "includedData": "METADATA_ONLY"}


def test_describe_execution_refuses_an_unknown_included_data(fake: FakeStepFunctions, machine: str) -> None:
    arn = fake.add_execution(machine, "data")
    body = json.dumps({"executionArn": arn, "includedData": "SOME_DATA"}).encode()
    status, _, payload = raw_post(fake, "AWSStepFunctions.DescribeExecution", body)
    assert (status, payload["__type"].rsplit("#", 1)[-1]) == (400, "ValidationException")
    assert "includedData" in payload["message"]


# ---- EXPRESS state machines ----------------------------------------------------------------------------------------


def test_express_state_machines_are_created_and_described_with_their_type(sfn: Any) -> None:
    arn = sfn.create_state_machine(name="fast", definition=DEFAULT_DEFINITION, roleArn=ROLE, type="EXPRESS")[
        "stateMachineArn"
    ]
    assert sfn.describe_state_machine(stateMachineArn=arn)["type"] == "EXPRESS"
    listed = sfn.list_state_machines()["stateMachines"]
    assert [(item["name"], item["type"]) for item in listed] == [("fast", "EXPRESS")]


def test_start_execution_on_express_is_not_idempotent(fake: FakeStepFunctions, sfn: Any) -> None:
    express = fake.add_state_machine("fast", type="EXPRESS")
    first = sfn.start_execution(stateMachineArn=express, name="run-1", input='{"n": 1}')
    again = sfn.start_execution(stateMachineArn=express, name="run-1", input='{"n": 1}')
    prefix = "arn:aws:states:us-east-1:123456789012:express:fast:run-1:"
    assert first["executionArn"].startswith(prefix)
    assert again["executionArn"].startswith(prefix)
    assert first["executionArn"] != again["executionArn"]  # the same name started another execution
    assert len(first["executionArn"].removeprefix(prefix)) == 36  # an id of its own
    assert fake.express_executions == [first["executionArn"], again["executionArn"]]
    # A different input is no conflict either, and a missing name is made up.
    assert ":express:fast:" in sfn.start_execution(stateMachineArn=express, input='{"n": 2}')["executionArn"]
    with pytest.raises(botocore.exceptions.ClientError) as excinfo:
        sfn.start_execution(stateMachineArn=express, input="{not json")
    assert error_code(excinfo) == "InvalidExecutionInput"
    with pytest.raises(botocore.exceptions.ClientError) as excinfo:
        sfn.list_executions(stateMachineArn=express)
    assert error_code(excinfo) == "StateMachineTypeNotSupported"


@pytest.mark.parametrize(
    ("operation", "extra"),
    [("describe_execution", {}), ("get_execution_history", {}), ("stop_execution", {"error": "Halt"})],
)
def test_express_executions_cannot_be_described_read_or_stopped(
    fake: FakeStepFunctions, sfn: Any, operation: str, extra: dict[str, Any]
) -> None:
    express = fake.add_state_machine("fast", type="EXPRESS")
    arn = sfn.start_execution(stateMachineArn=express, name="run-1")["executionArn"]
    with pytest.raises(botocore.exceptions.ClientError) as excinfo:
        getattr(sfn, operation)(executionArn=arn, **extra)
    assert error_code(excinfo) == "InvalidArn"
    assert (
        excinfo.value.response["Error"]["Message"] == "Invalid Arn: 'Resource type not valid in this context: express'"
    )


def test_an_arn_of_another_resource_type_is_invalid_as_aws_words_it(sfn: Any, machine: str) -> None:
    with pytest.raises(botocore.exceptions.ClientError) as excinfo:
        sfn.describe_execution(executionArn=machine)
    assert excinfo.value.response["Error"]["Message"] == (
        "Invalid Arn: 'Resource type not valid in this context: stateMachine'"
    )
    with pytest.raises(botocore.exceptions.ClientError) as excinfo:
        sfn.describe_state_machine(stateMachineArn="arn:aws:states:us-east-1:123456789012:execution:orders:x")
    assert excinfo.value.response["Error"]["Message"] == (
        "Invalid Arn: 'Resource type not valid in this context: execution'"
    )


def test_list_executions_newest_first_with_filter_and_pages(fake: FakeStepFunctions, sfn: Any, machine: str) -> None:
    names = [f"run-{i}" for i in range(7)]
    for i, name in enumerate(names):
        fake.add_execution(machine, name, status="RUNNING" if i % 2 else "SUCCEEDED")
    pages = list(
        sfn.get_paginator("list_executions").paginate(stateMachineArn=machine, PaginationConfig={"PageSize": 3})
    )
    assert [len(page["executions"]) for page in pages] == [3, 3, 1]
    assert [item["name"] for page in pages for item in page["executions"]] == names[::-1]

    running = sfn.list_executions(stateMachineArn=machine, statusFilter="RUNNING")["executions"]
    assert [item["name"] for item in running] == ["run-5", "run-3", "run-1"]
    assert all("stopDate" not in item for item in running)


def test_stop_execution(fake: FakeStepFunctions, sfn: Any, machine: str) -> None:
    arn = sfn.start_execution(stateMachineArn=machine, name="to-stop")["executionArn"]
    stopped = sfn.stop_execution(executionArn=arn, error="Halt", cause="test")
    described = sfn.describe_execution(executionArn=arn)
    assert (described["status"], described["stopDate"], described["error"]) == ("ABORTED", stopped["stopDate"], "Halt")
    events = sfn.get_execution_history(executionArn=arn)["events"]
    assert [event["type"] for event in events] == ["ExecutionStarted", "ExecutionAborted"]
    assert events[1]["executionAbortedEventDetails"] == {"error": "Halt", "cause": "test"}
    # Stopping again changes nothing.
    assert sfn.stop_execution(executionArn=arn)["stopDate"] == stopped["stopDate"]


def test_start_sync_execution_needs_express_and_no_host_prefix(
    fake: FakeStepFunctions, machine: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    express = fake.add_state_machine("fast", type="EXPRESS")
    # StartSyncExecution (and TestState) are modeled with hostPrefix "sync-": against 127.0.0.1 botocore must be
    # told not to prepend it, by config or by environment, or it dials "sync-127.0.0.1".
    monkeypatch.setenv("AWS_DISABLE_HOST_PREFIX_INJECTION", "true")
    for client in (make_client(fake, inject_host_prefix=False), make_client(fake)):
        result = client.start_sync_execution(stateMachineArn=express, input='{"x":"é"}')
        assert (result["status"], result["output"]) == ("SUCCEEDED", '{"x":"é"}')
        assert ":express:fast:" in result["executionArn"]
        with pytest.raises(botocore.exceptions.ClientError) as excinfo:
            client.start_sync_execution(stateMachineArn=machine)
        assert error_code(excinfo) == "StateMachineTypeNotSupported"
    assert fake.calls_of("StartSyncExecution")[0].headers["Host"] == fake.endpoint_url.removeprefix("http://")


def test_test_state(fake: FakeStepFunctions) -> None:
    sfn = make_client(fake, inject_host_prefix=False)  # TestState has the "sync-" host prefix too
    result = sfn.test_state(definition='{"Type": "Pass", "End": true}', input='{"k": 1}')
    assert (result["status"], result["output"]) == ("SUCCEEDED", '{"k": 1}')


# ---- history -------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("status", ["SUCCEEDED", "FAILED", "ABORTED", "TIMED_OUT", "RUNNING", "PENDING_REDRIVE"])
@pytest.mark.parametrize("payload_bytes", [2, 7, 8, 20, 64, 300])
def test_history_builder(status: str, payload_bytes: int) -> None:
    events = history(23, payload_bytes=payload_bytes, status=status)
    assert [event["id"] for event in events] == list(range(1, 24))
    assert [event["previousEventId"] for event in events] == list(range(23))
    stamps = [event["timestamp"] for event in events]
    assert stamps[0] == 1_700_000_000.0
    assert all(round(b - a, 6) == 0.001 for a, b in itertools.pairwise(stamps))
    assert events[0]["type"] == "ExecutionStarted"
    expected_last = {
        "SUCCEEDED": "ExecutionSucceeded",
        "FAILED": "ExecutionFailed",
        "ABORTED": "ExecutionAborted",
        "TIMED_OUT": "ExecutionTimedOut",
        "RUNNING": "PassStateEntered",  # 22 = 3 x 7 + 1 events of the Pass/Task cycle: still running
        "PENDING_REDRIVE": "ExecutionRedriven",
    }
    assert events[-1]["type"] == expected_last[status]
    payloads = [
        value
        for event in events
        for key, details in event.items()
        if key.endswith("EventDetails")
        for name, value in details.items()
        if name in ("input", "output", "parameters")
    ]
    assert len(payloads) > 15
    for payload in payloads:
        assert len(payload.encode()) == payload_bytes
        json.loads(payload)
    if payload_bytes >= 20:
        assert all("é" in payload and "中" in payload and "😀" in payload for payload in payloads)
    json.dumps(events)  # wire form: plain JSON values only


@pytest.mark.parametrize("payload_bytes", [1024, 1025, 4_096, 256 * 1024])
def test_large_payloads_are_exact_and_shared(payload_bytes: int) -> None:
    events = history(30, payload_bytes=payload_bytes, status="SUCCEEDED")
    payloads = [
        value
        for event in events
        for key, details in event.items()
        if key.endswith("EventDetails")
        for name, value in details.items()
        if name in ("input", "output", "parameters")
    ]
    assert all(len(payload.encode()) == payload_bytes for payload in payloads)
    assert all("é" in payload and "中" in payload and "😀" in payload for payload in payloads)
    json.loads(payloads[0])
    if payload_bytes <= 1024:  # small ones tell their event apart
        assert len(set(payloads)) == len(payloads)
    else:  # large ones are one string: the history costs its wire size, not a copy per event
        assert len({id(payload) for payload in payloads}) == 1


def test_history_builder_rejects_impossible_requests() -> None:
    with pytest.raises(ValueError, match="at least"):
        history(1, status="SUCCEEDED")
    with pytest.raises(ValueError, match="2 bytes"):
        history(3, payload_bytes=1)
    assert len(history(1, status="RUNNING")) == 1


@pytest.mark.parametrize("reverse", [False, True])
def test_history_paginator_visits_every_event_once_in_order(
    fake: FakeStepFunctions, sfn: Any, machine: str, reverse: bool
) -> None:
    events = history(2_500)
    arn = fake.add_execution(machine, "long", events=events)
    pages = list(sfn.get_paginator("get_execution_history").paginate(executionArn=arn, reverseOrder=reverse))
    assert [len(page["events"]) for page in pages] == [100] * 25  # maxResults absent: 100 per page
    assert "nextToken" not in pages[-1]
    received = [event for page in pages for event in page["events"]]
    expected = events[::-1] if reverse else events
    assert [event["id"] for event in received] == [event["id"] for event in expected]
    # Payloads, multi-byte characters included, survive the trip; timestamps keep their milliseconds.
    assert (
        received[-1 if reverse else 0]["executionStartedEventDetails"]["input"]
        == (events[0]["executionStartedEventDetails"]["input"])
    )
    assert received[-2 if reverse else 1]["stateEnteredEventDetails"] == events[1]["stateEnteredEventDetails"]
    assert received[1 if reverse else -2]["timestamp"].timestamp() == pytest.approx(events[-2]["timestamp"], abs=1e-6)


def test_history_without_execution_data(fake: FakeStepFunctions, sfn: Any, machine: str) -> None:
    arn = fake.add_execution(machine, "data", events=history(40))
    events = sfn.get_execution_history(executionArn=arn, includeExecutionData=False)["events"]
    assert len(events) == 40
    details = [value for event in events for key, value in event.items() if key.endswith("EventDetails")]
    assert not [d for d in details if {"input", "output", "parameters"} & d.keys()]
    assert events[0]["executionStartedEventDetails"]["inputDetails"] == {"truncated": False}
    assert events[1]["stateEnteredEventDetails"]["name"] == "Pass"
    # The data is still there for callers that want it.
    assert "input" in sfn.get_execution_history(executionArn=arn)["events"][0]["executionStartedEventDetails"]


def test_history_tokens_are_bound_to_execution_and_direction(fake: FakeStepFunctions, sfn: Any, machine: str) -> None:
    one = fake.add_execution(machine, "one", events=history(30))
    two = fake.add_execution(machine, "two", events=history(30))
    forward = sfn.get_execution_history(executionArn=one, maxResults=10)["nextToken"]
    backward = sfn.get_execution_history(executionArn=one, maxResults=10, reverseOrder=True)["nextToken"]
    for arn, token, reverse in [
        (one, "garbage", False),
        (two, forward, False),
        (one, forward, True),
        (one, backward, False),
    ]:
        with pytest.raises(botocore.exceptions.ClientError) as excinfo:
            sfn.get_execution_history(executionArn=arn, nextToken=token, reverseOrder=reverse)
        assert error_code(excinfo) == "InvalidToken"
    # A token can be replayed (a retry), and the page size may change between pages.
    for _ in range(2):
        page = sfn.get_execution_history(executionArn=one, nextToken=forward, maxResults=15)
        assert [event["id"] for event in page["events"]] == list(range(11, 26))


def test_history_max_results_bounds(fake: FakeStepFunctions, sfn: Any, machine: str) -> None:
    arn = fake.add_execution(machine, "bounds", events=history(1_200))
    assert len(sfn.get_execution_history(executionArn=arn, maxResults=0)["events"]) == 100
    assert len(sfn.get_execution_history(executionArn=arn, maxResults=1000)["events"]) == 1000
    # botocore only checks minimums client-side: the service rejects the maximum.
    with pytest.raises(botocore.exceptions.ClientError) as excinfo:
        sfn.get_execution_history(executionArn=arn, maxResults=1001)
    assert error_code(excinfo) == "ValidationException"


def test_history_follows_appended_events(fake: FakeStepFunctions, sfn: Any, machine: str) -> None:
    arn = sfn.start_execution(stateMachineArn=machine, name="live")["executionArn"]
    first = sfn.get_execution_history(executionArn=arn, maxResults=1)
    assert [event["id"] for event in first["events"]] == [1]
    assert "nextToken" not in first  # nothing more yet

    grown = history(6, status="SUCCEEDED")
    fake.append_events(arn, grown[1:3])
    page = sfn.get_execution_history(executionArn=arn, maxResults=1)
    page = sfn.get_execution_history(executionArn=arn, maxResults=1, nextToken=page["nextToken"])
    assert [event["id"] for event in page["events"]] == [2]
    fake.append_events(arn, grown[3:])  # ends with ExecutionSucceeded: the status follows
    page = sfn.get_execution_history(executionArn=arn, maxResults=100, nextToken=page["nextToken"])
    assert [event["id"] for event in page["events"]] == [3, 4, 5, 6]
    described = sfn.describe_execution(executionArn=arn)
    assert (described["status"], described["output"]) == (
        "SUCCEEDED",
        grown[-1]["executionSucceededEventDetails"]["output"],
    )


def test_history_of_25000_events_in_pages_of_1000(fake: FakeStepFunctions, sfn: Any, machine: str) -> None:
    arn = fake.add_execution(machine, "huge", events=history(25_000))
    ids = [
        event["id"]
        for page in sfn.get_paginator("get_execution_history").paginate(
            executionArn=arn, PaginationConfig={"PageSize": 1000}
        )
        for event in page["events"]
    ]
    assert ids == list(range(1, 25_001))
    assert len(fake.calls_of("GetExecutionHistory")) == 25


# ---- faults --------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fault", "code", "status"),
    [("throttle", "ThrottlingException", 400), ("500", "InternalFailure", 500), ("503", "ServiceUnavailable", 503)],
)
def test_error_faults(fake: FakeStepFunctions, sfn: Any, fault: str, code: str, status: int) -> None:
    fake.inject(fault, operation="ListStateMachines", times=2)
    assert sfn.describe_state_machine(stateMachineArn=fake.add_state_machine("x"))["name"] == "x"  # not matched
    for _ in range(2):
        with pytest.raises(botocore.exceptions.ClientError) as excinfo:
            sfn.list_state_machines()
        assert error_code(excinfo) == code
        assert excinfo.value.response["ResponseMetadata"]["HTTPStatusCode"] == status
        assert excinfo.value.response["ResponseMetadata"]["RequestId"]
    assert len(sfn.list_state_machines()["stateMachines"]) == 1  # used up
    assert [call.fault for call in fake.calls] == [None, fault, fault, None]


def test_retrying_client_gets_through_faults(
    fake: FakeStepFunctions, machine: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Standard mode backs off up to 1 s, 2 s, 4 s... after throttles: keep that out of the test's time.
    monkeypatch.setattr(botocore.retries.standard.ExponentialBackoff, "delay_amount", lambda self, context: 0.0)
    fake.inject("throttle", times=1)
    fake.inject("503", times=1)
    fake.inject("drop_before", times=1)
    client = boto3.client(
        "stepfunctions",
        endpoint_url=fake.endpoint_url,
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
        config=botocore.config.Config(retries={"mode": "standard", "total_max_attempts": 4}),
    )
    assert client.describe_state_machine(stateMachineArn=machine)["name"] == "orders"
    assert [call.fault for call in fake.calls] == ["throttle", "503", "drop_before", None]


def test_drop_applies_the_request_and_drop_before_does_not(fake: FakeStepFunctions, sfn: Any, machine: str) -> None:
    fake.inject("drop", operation="StartExecution")
    with pytest.raises(botocore.exceptions.ConnectionClosedError):
        sfn.start_execution(stateMachineArn=machine, name="applied")
    fake.inject("drop_before", operation="StartExecution")
    with pytest.raises(botocore.exceptions.ConnectionClosedError):
        sfn.start_execution(stateMachineArn=machine, name="lost")

    names = [item["name"] for item in sfn.list_executions(stateMachineArn=machine)["executions"]]
    assert names == ["applied"]
    # The retry of the dropped call finds the execution AWS did start, as a real retry would.
    assert sfn.start_execution(stateMachineArn=machine, name="applied")["executionArn"].endswith(":applied")
    assert [call.fault for call in fake.calls_of("StartExecution")] == ["drop", "drop_before", None]


def test_latency(fake: FakeStepFunctions, sfn: Any) -> None:
    fake.inject("latency", operation="ListStateMachines", delay=0.3)
    began = time.monotonic()
    sfn.list_state_machines()
    assert time.monotonic() - began >= 0.3
    began = time.monotonic()
    sfn.list_state_machines()
    assert time.monotonic() - began < 0.3  # used up

    fake.latency = 0.2
    began = time.monotonic()
    sfn.list_state_machines()
    assert time.monotonic() - began >= 0.2


def test_read_timeout_against_latency(fake: FakeStepFunctions) -> None:
    fake.inject("latency", delay=1.0)
    impatient = make_client(fake, read_timeout=0.2)
    with pytest.raises(botocore.exceptions.ReadTimeoutError):
        impatient.list_state_machines()
    assert impatient.list_state_machines()["stateMachines"] == []  # a fresh connection, no leftovers


def test_inject_rejects_unknown_faults(fake: FakeStepFunctions) -> None:
    with pytest.raises(ValueError, match="unknown fault"):
        fake.inject("teapot")
    with pytest.raises(ValueError, match="times"):
        fake.inject("throttle", times=0)


def test_concurrent_clients(fake: FakeStepFunctions, machine: str) -> None:
    arn = fake.add_execution(machine, "shared", events=history(3_000))
    fake.latency = 0.01  # keep requests overlapping

    def work(worker: int) -> int:
        client = make_client(fake)
        for i in range(5):
            client.start_execution(stateMachineArn=machine, name=f"w{worker}-{i}")
        return sum(
            len(page["events"])
            for page in client.get_paginator("get_execution_history").paginate(
                executionArn=arn, PaginationConfig={"PageSize": 1000}
            )
        )

    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        assert list(pool.map(work, range(8))) == [3_000] * 8
    listed = make_client(fake).list_executions(stateMachineArn=machine, maxResults=1000)["executions"]
    assert len({item["name"] for item in listed}) == 41
    assert len(fake.calls_of("StartExecution")) == 40


def test_a_held_request_waits_recorded_but_not_applied_until_released(
    fake: FakeStepFunctions, sfn: Any, machine: str
) -> None:
    gate = fake.hold("StartExecution")
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        started = pool.submit(sfn.start_execution, stateMachineArn=machine, name="held")
        assert gate.wait_held(1, timeout=10)
        # The request is in and recorded; AWS has not acted on it, and other operations go on.
        assert [call.operation for call in fake.calls] == ["StartExecution"]
        assert sfn.list_executions(stateMachineArn=machine)["executions"] == []
        assert not started.done()
        assert not gate.wait_answered(1, timeout=0.05)
        gate.release()
        assert started.result(timeout=10)["executionArn"].endswith(":held")
    assert gate.wait_answered(1, timeout=10)
    # Released for good: later requests are not held, and the gate counts them.
    sfn.start_execution(stateMachineArn=machine, name="after")
    assert (gate.arrived, gate.wait_answered(2, timeout=10)) == (2, True)
    assert [item["name"] for item in sfn.list_executions(stateMachineArn=machine)["executions"]] == ["after", "held"]


def test_stop_releases_held_requests() -> None:
    fake = FakeStepFunctions().start()
    gate = fake.hold()
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        listing = pool.submit(make_client(fake).list_state_machines)
        assert gate.wait_held(1, timeout=10)
        fake.stop()
        assert gate.wait_answered(1, timeout=10)
        # The client gets the answer or a closed connection, but never hangs.
        with contextlib.suppress(botocore.exceptions.BotoCoreError):
            listing.result(timeout=10)


# ---- recording and protocol ----------------------------------------------------------------------------------------


def test_calls_are_recorded(fake: FakeStepFunctions, sfn: Any, machine: str) -> None:
    sfn.start_execution(stateMachineArn=machine, name="rec", input='{"é": "中"}')
    sfn.list_state_machines(maxResults=5)
    assert [call.operation for call in fake.calls] == ["StartExecution", "ListStateMachines"]
    start = fake.calls_of("StartExecution")[0]
    assert start.params == {"stateMachineArn": machine, "name": "rec", "input": '{"é": "中"}'}
    assert start.headers["Host"] == start.headers["host"] == fake.endpoint_url.removeprefix("http://")
    assert start.headers["X-Amz-Target"] == "AWSStepFunctions.StartExecution"
    assert "authorization" in start.headers
    assert fake.calls_of("ListStateMachines")[0].params == {"maxResults": 5}


def test_success_headers_and_keep_alive(fake: FakeStepFunctions) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", int(fake.endpoint_url.rsplit(":", 1)[1]), timeout=5)
    try:
        seen = set()
        for _ in range(3):  # one connection, three requests
            connection.request("POST", "/", body=b"{}", headers={"X-Amz-Target": "AWSStepFunctions.ListStateMachines"})
            response = connection.getresponse()
            assert response.status == 200
            assert response.getheader("Content-Type") == "application/x-amz-json-1.0"
            assert json.loads(response.read()) == {"stateMachines": []}
            seen.add(response.getheader("x-amzn-RequestId"))
        assert len(seen) == 3
    finally:
        connection.close()


@pytest.mark.parametrize(
    ("target", "body", "code"),
    [
        ("AWSStepFunctions.DescribeExecution", b"{not json", "SerializationException"),
        ("AWSStepFunctions.DescribeExecution", b"[1, 2]", "SerializationException"),
        ("AWSStepFunctions.DescribeExecution", b"{}", "ValidationException"),
        ("AWSStepFunctions.DescribeExecution", b'{"executionArn": 7}', "ValidationException"),
        ("AWSStepFunctions.SendTaskSuccess", b"{}", "UnknownOperationException"),
        ("AWSStepFunctions.Nope", b"{}", "UnknownOperationException"),
        ("Other.ListStateMachines", b"{}", "UnknownOperationException"),
        (None, b"{}", "UnknownOperationException"),
    ],
)
def test_protocol_errors(fake: FakeStepFunctions, target: str | None, body: bytes, code: str) -> None:
    status, headers, payload = raw_post(fake, target, body)
    assert status == 400
    assert payload["__type"].rsplit("#", 1)[-1] == code
    assert payload["message"]
    assert headers["x-amzn-requestid"]
    assert len(fake.calls) == 1


def test_stop_does_not_wait_for_idle_or_half_sent_connections() -> None:
    fake = FakeStepFunctions().start()
    port = int(fake.endpoint_url.rsplit(":", 1)[1])
    idle = socket.create_connection(("127.0.0.1", port), timeout=5)
    half = socket.create_connection(("127.0.0.1", port), timeout=5)
    half.sendall(b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{")
    time.sleep(0.05)  # let the server pick both up
    began = time.monotonic()
    fake.stop()
    assert time.monotonic() - began < 2
    assert half.recv(1) == b""  # closed, no answer
    idle.close()
    half.close()
    fake.stop()  # idempotent
    with pytest.raises(RuntimeError):
        _ = fake.endpoint_url
