"""The gateway's lean request path (service/aws_request.py) sends exactly what boto3 sends.

Same URL, same headers, same body and the same SigV4 signature as `client.<operation>(**params)`
for the same moment, for every kind of operation; and an error answer raises the same exception
with the same parsed response. Against the fake endpoint, through botocore's real HTTP session."""

from __future__ import annotations

import datetime as dt
from typing import Any

import botocore.auth
import botocore.parsers
import pytest
from botocore.exceptions import ClientError

from service.aws_request import RequestSender
from service.backend import ClientSettings, create_client
from tests.fake_sfn import FakeStepFunctions, history

FROZEN = dt.datetime(2026, 11, 26, 12, 0, 0)
# Headers that differ on every call by design (a per-call id), not part of the signature.
_PER_CALL = {"amz-sdk-invocation-id"}


def client_for(fake: FakeStepFunctions, region: str = "eu-west-1") -> Any:
    settings = ClientSettings(
        region=region, endpoint_url=fake.endpoint_url, aws_access_key_id="AKIDEXAMPLE", aws_secret_access_key="secret"
    )
    return create_client(settings)


def captured(client: Any) -> list[Any]:
    seen: list[Any] = []
    client.meta.events.register("before-send.sfn", lambda request, **_: seen.append(request))
    return seen


def comparable(request: Any) -> tuple[str, str, dict[str, str], bytes]:
    headers = {k.lower(): (v.decode() if isinstance(v, bytes) else v) for k, v in request.headers.items()}
    for name in _PER_CALL:
        headers.pop(name, None)
    return request.method, request.url, headers, request.body


@pytest.mark.parametrize(
    ("operation", "method", "params"),
    [
        ("DescribeExecution", "describe_execution", {"executionArn": "EXEC"}),
        (
            "GetExecutionHistory",
            "get_execution_history",
            {"executionArn": "EXEC", "maxResults": 7, "reverseOrder": True},
        ),
        ("ListExecutions", "list_executions", {"stateMachineArn": "MACHINE", "statusFilter": "RUNNING"}),
        ("StartExecution", "start_execution", {"stateMachineArn": "MACHINE", "name": "n1", "input": '{"é": "中"}'}),
        ("TagResource", "tag_resource", {"resourceArn": "MACHINE", "tags": [{"key": "k", "value": "v"}]}),
    ],
)
def test_the_request_is_byte_for_byte_boto3s(
    fake: FakeStepFunctions, monkeypatch: pytest.MonkeyPatch, operation: str, method: str, params: dict[str, Any]
) -> None:
    monkeypatch.setattr(botocore.auth, "get_current_datetime", lambda: FROZEN)
    machine = fake.add_state_machine("m")
    execution = fake.add_execution(machine, "run", status="SUCCEEDED", events=history(3))
    params = {
        k: {"EXEC": execution, "MACHINE": machine}.get(v, v) if isinstance(v, str) else v for k, v in params.items()
    }
    reference, lean = client_for(fake), client_for(fake)
    boto3_sent, lean_sent = captured(reference), captured(lean)
    expected = getattr(reference, method)(**params)
    body = RequestSender(lean).send(operation, dict(params))
    assert comparable(lean_sent[0]) == comparable(boto3_sent[0])  # signature included
    assert "Authorization" in lean_sent[0].headers
    assert body  # the same answer, unparsed: botocore's parse of it is what boto3 returned
    expected.pop("ResponseMetadata")
    parsed = botocore.parsers.create_parser("json").parse(
        {"status_code": 200, "headers": {}, "body": body},
        reference.meta.service_model.operation_model(operation).output_shape,
    )
    parsed.pop("ResponseMetadata", None)
    assert parsed == expected


def test_an_error_raises_what_boto3_raises(fake: FakeStepFunctions) -> None:
    client = client_for(fake)
    missing = fake.add_state_machine("gone").replace(":stateMachine:", ":execution:") + ":nope"
    with pytest.raises(ClientError) as reference:
        client.describe_execution(executionArn=missing)
    with pytest.raises(ClientError) as lean:
        RequestSender(client).send("DescribeExecution", {"executionArn": missing})
    assert type(lean.value) is type(reference.value)  # the modelled class: ExecutionDoesNotExist
    assert lean.value.response["Error"] == reference.value.response["Error"]
    assert lean.value.response["ResponseMetadata"]["HTTPStatusCode"] == 400
