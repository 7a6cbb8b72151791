"""The error table, the rich status details and request validation (no network)."""

from __future__ import annotations

import json

import botocore.session
import grpc
import pytest
from botocore.exceptions import ClientError, EndpointConnectionError, ReadTimeoutError
from google.protobuf import message_factory
from google.protobuf.message import Message
from google.rpc import status_pb2
from sfngrpc.stepfunctions.v1 import (
    activities_pb2,
    common_pb2,
    executions_pb2,
    gateway_pb2,
    history_pb2,
    service_pb2,
    state_machines_pb2,
    tags_pb2,
)

from service.convert import ConversionError, to_message
from service.errors import AWS_DOMAIN, AWS_ERROR_CODES, ServiceError, aws_reason, from_exception, invalid_argument
from service.validation import _ARN_KINDS, Validator
from tests.grpc_helpers import Details, unpack_details
from tests.model_data import shapes

MODEL = botocore.session.get_session().get_service_model("stepfunctions")
VALIDATOR = Validator(MODEL)
ARN = "arn:aws:states:us-east-1:123456789012:execution:machine:run-1"
MACHINE = "arn:aws:states:us-east-1:123456789012:stateMachine:machine"
SERVICE = service_pb2.DESCRIPTOR.services_by_name["StepFunctionsService"]
REQUEST_TYPES = [method.input_type for method in SERVICE.methods]


def details(status: grpc.Status) -> Details:
    trailer = dict(status.trailing_metadata)["grpc-status-details-bin"]
    assert isinstance(trailer, bytes)
    return unpack_details(status_pb2.Status.FromString(trailer))


def client_error(code: str, status: int = 400, message: str = "boom") -> ClientError:
    response = {
        "Error": {"Code": code, "Message": message},
        "ResponseMetadata": {"RequestId": "req-1", "HTTPStatusCode": status},
    }
    return ClientError(response, "DescribeExecution")


def test_every_error_of_the_model_is_in_the_table() -> None:
    model_errors = {name for name, shape in shapes().items() if shape.get("exception")}
    assert model_errors <= set(AWS_ERROR_CODES)
    assert all(code not in (grpc.StatusCode.UNKNOWN, grpc.StatusCode.INTERNAL) for code in AWS_ERROR_CODES.values())


def test_an_aws_error_keeps_its_code_and_request_id() -> None:
    error = from_exception(client_error("ExecutionDoesNotExist"))
    assert error.code == grpc.StatusCode.NOT_FOUND
    info = details(error.to_status())["ErrorInfo"]
    assert info.reason == "EXECUTION_DOES_NOT_EXIST"
    assert info.domain == AWS_DOMAIN
    assert info.metadata["aws_error_code"] == "ExecutionDoesNotExist"
    assert info.metadata["aws_request_id"] == "req-1"
    assert "RetryInfo" not in details(error.to_status())


def test_throttling_carries_retry_info() -> None:
    error = from_exception(client_error("ThrottlingException"), retry_delay=0.4)
    assert error.code == grpc.StatusCode.RESOURCE_EXHAUSTED
    retry = details(error.to_status())["RetryInfo"]
    assert retry.retry_delay.ToMilliseconds() == 400


@pytest.mark.parametrize(
    ("exc", "code", "reason"),
    [
        (client_error("SomethingNew", 400), grpc.StatusCode.FAILED_PRECONDITION, "SOMETHING_NEW"),
        (client_error("SomethingNew", 503), grpc.StatusCode.UNAVAILABLE, "SOMETHING_NEW"),
        (client_error("AccessDeniedException", 400), grpc.StatusCode.PERMISSION_DENIED, "ACCESS_DENIED_EXCEPTION"),
        (
            EndpointConnectionError(endpoint_url="http://127.0.0.1:1"),
            grpc.StatusCode.UNAVAILABLE,
            "BACKEND_UNREACHABLE",
        ),
        (ReadTimeoutError(endpoint_url="http://127.0.0.1:1"), grpc.StatusCode.UNAVAILABLE, "BACKEND_TIMEOUT"),
    ],
)
def test_other_failures_map_to_actionable_codes(exc: Exception, code: grpc.StatusCode, reason: str) -> None:
    error = from_exception(exc)
    assert error.code == code
    assert details(error.to_status())["ErrorInfo"].reason == reason
    assert "127.0.0.1" not in error.message  # botocore's texts name the endpoint: the log gets them


@pytest.mark.parametrize(
    ("status", "code"),
    [(500, grpc.StatusCode.UNAVAILABLE), (502, grpc.StatusCode.UNAVAILABLE), (403, grpc.StatusCode.PERMISSION_DENIED)],
)
def test_an_http_error_without_an_aws_body_is_a_short_backend_error(status: int, code: grpc.StatusCode) -> None:
    # botocore's JSON parser makes the HTTP status the code, and the whole body the message.
    page = "<!DOCTYPE html><html><body>proxy error at 10.1.2.3</body></html>"
    error = from_exception(client_error(str(status), status, message=page))
    assert error.code == code
    assert error.reason == "BACKEND_ERROR"
    assert f"HTTP {status}" in error.message
    assert "10.1.2.3" not in error.message
    assert (error.retry_delay is not None) == (code == grpc.StatusCode.UNAVAILABLE)


def test_a_response_that_does_not_convert_is_unavailable_without_its_value() -> None:
    with pytest.raises(ConversionError) as caught:
        to_message({"events": [{"id": 2**70}]}, history_pb2.GetExecutionHistoryResponse)
    error = from_exception(caught.value)
    assert (error.code, error.reason) == (grpc.StatusCode.UNAVAILABLE, "BACKEND_ERROR")
    assert str(2**70) not in error.message


def test_reason_spelling() -> None:
    assert aws_reason("KmsAccessDeniedException") == "KMS_ACCESS_DENIED_EXCEPTION"


def violations(request: Message) -> dict[str, str]:
    return dict(VALIDATOR.violations(request))


@pytest.mark.parametrize(
    "name",
    [
        "has space",
        "a<b",
        "x{y}",
        "a[1]",
        "wild*",
        "q?",
        'quo"te',
        "h#",
        "p%",
        "b\\s",
        "c^",
        "p|",
        "t~",
        "g`",
        "d$",
        "a&",
        "c,",
        "s;",
        "c:",
        "s/",
        "ctl\x01",
        "del\x7f",
        "c1\x85",
    ],
)
def test_names_with_forbidden_characters_are_refused(name: str) -> None:
    found = violations(executions_pb2.StartExecutionRequest(state_machine_arn=MACHINE, name=name))
    assert "name" in found
    assert name not in found["name"]  # the code point is named, the value is not echoed


def test_a_good_request_has_no_violations() -> None:
    request = executions_pb2.StartExecutionRequest(state_machine_arn=MACHINE, name="run-2024_01.ok", input='{"a": "é"}')
    assert violations(request) == {}


def test_required_members_lengths_ranges_and_arns() -> None:
    describe = executions_pb2.DescribeExecutionRequest
    history = history_pb2.GetExecutionHistoryRequest
    assert violations(describe()) == {"execution_arn": "is required"}
    assert "execution_arn" in violations(describe(execution_arn="not-an-arn"))
    assert "execution_arn" in violations(describe(execution_arn="arn:" + "x" * 300))
    assert "max_results" in violations(history(execution_arn=ARN, max_results=1001))
    assert "max_results" in violations(history(execution_arn=ARN, max_results=-1))
    assert violations(history(execution_arn=ARN, max_results=1000)) == {}
    assert violations(history(execution_arn=ARN, max_results=0)) == {}
    too_long = executions_pb2.StartExecutionRequest(state_machine_arn=MACHINE, name="x" * 81)
    assert "name" in violations(too_long)


def test_payloads_are_limited_in_utf8_bytes() -> None:
    fits = json.dumps("é" * (128 * 1024 - 2), ensure_ascii=False)  # 256 KiB in UTF-8, not in characters
    assert len(fits.encode()) <= 256 * 1024
    assert violations(executions_pb2.StartExecutionRequest(state_machine_arn=MACHINE, input=fits)) == {}
    too_big = fits + " " * 4
    assert "input" in violations(executions_pb2.StartExecutionRequest(state_machine_arn=MACHINE, input=too_big))
    success = activities_pb2.SendTaskSuccessRequest(task_token="t", output=too_big)
    assert "output" in violations(success)


def test_nested_fields_are_named_by_their_proto_path() -> None:
    request = state_machines_pb2.CreateStateMachineRequest(
        name="sm",
        definition="{}",
        role_arn="arn:aws:iam::123456789012:role/r",
        logging_configuration=common_pb2.LoggingConfiguration(
            destinations=[
                common_pb2.LogDestination(
                    cloud_watch_logs_log_group=common_pb2.CloudWatchLogsLogGroup(log_group_arn="nope")
                )
            ]
        ),
    )
    found = violations(request)
    assert set(found) == {"logging_configuration.destinations[0].cloud_watch_logs_log_group.log_group_arn"}


def test_a_log_group_arn_keeps_its_wildcard_suffix() -> None:
    group = "arn:aws:logs:us-east-1:123456789012:log-group:/aws/vendedlogs/states/sm-Logs:*"
    request = state_machines_pb2.CreateStateMachineRequest(
        name="sm",
        definition="{}",
        role_arn="arn:aws:iam::123456789012:role/service-role/r",
        logging_configuration=common_pb2.LoggingConfiguration(
            destinations=[
                common_pb2.LogDestination(
                    cloud_watch_logs_log_group=common_pb2.CloudWatchLogsLogGroup(log_group_arn=group)
                )
            ]
        ),
    )
    assert violations(request) == {}


@pytest.mark.parametrize(
    "arn",
    [
        "arn:aws:states:us-east-1:123456789012:execution:machine:run-1",
        "arn:aws:states:us-east-1:123456789012:execution:machine/map-label:0f6a2b1c-1111-2222-3333-444455556666",
        "arn:aws:states:us-east-1:123456789012:express:machine:run:0f6a2b1c-1111-2222-3333-444455556666",
        "arn:aws-cn:states:cn-north-1:123456789012:execution:machine:run-1",
        "arn:aws-us-gov:states:us-gov-west-1:123456789012:execution:machine:run-1",
        "arn:aws:states:us-east-1:000000000000:execution:machine:名前",
    ],
)
def test_execution_arns_that_aws_issues_are_accepted(arn: str) -> None:
    assert violations(executions_pb2.StopExecutionRequest(execution_arn=arn)) == {}


def test_every_arn_member_of_the_model_has_its_resource_types() -> None:
    arn_members = {
        name
        for shape in shapes().values()
        if shape.get("type") == "structure"
        for name, member in shape.get("members", {}).items()
        if member["shape"] in ("Arn", "LongArn")
    }
    input_arn_members = set()
    for operation in MODEL.operation_names:
        shape = MODEL.operation_model(operation).input_shape
        stack = [shape] if shape is not None else []
        while stack:
            current = stack.pop()
            if current.type_name == "structure":
                for name, member in current.members.items():
                    if member.name in ("Arn", "LongArn"):
                        input_arn_members.add(name)
                    stack.append(member)
            elif current.type_name == "list":
                stack.append(current.member)
    assert input_arn_members <= arn_members
    assert input_arn_members <= set(_ARN_KINDS)


def test_the_json_members_are_those_the_model_documents_as_json() -> None:
    refused = set()
    for descriptor in REQUEST_TYPES:
        request = message_factory.GetMessageClass(descriptor)()
        for field in descriptor.fields:
            if field.type == field.TYPE_STRING and not field.is_repeated:
                setattr(request, field.name, "not json")
        refused |= {
            f"{descriptor.name}.{path}"
            for path, text in VALIDATOR.violations(request)
            if text.startswith("must be JSON")
        }
    assert refused == {
        "CreateStateMachineRequest.definition",
        "SendTaskSuccessRequest.output",
        "StartExecutionRequest.input",
        "StartSyncExecutionRequest.input",
        "TestStateRequest.context",
        "TestStateRequest.definition",
        "TestStateRequest.input",
        "TestStateRequest.variables",
        "UpdateStateMachineRequest.definition",
    }


def test_a_tag_needs_a_key() -> None:
    request = tags_pb2.TagResourceRequest(resource_arn=MACHINE, tags=[common_pb2.Tag(value="v")])
    assert violations(request) == {"tags[0].key": "is required"}


def test_check_raises_invalid_argument_with_bad_request() -> None:
    with pytest.raises(ServiceError) as caught:
        VALIDATOR.check(executions_pb2.DescribeExecutionRequest(execution_arn="bad"))
    assert caught.value.code == grpc.StatusCode.INVALID_ARGUMENT
    bad_request = details(caught.value.to_status())["BadRequest"]
    assert bad_request.field_violations[0].field == "execution_arn"


def test_express_executions_get_a_clear_error() -> None:
    express = "arn:aws:states:us-east-1:123456789012:express:machine:run:0123"
    for request in (
        executions_pb2.DescribeExecutionRequest(execution_arn=express),
        history_pb2.GetExecutionHistoryRequest(execution_arn=express),
        gateway_pb2.WaitExecutionRequest(execution_arn=express),
        gateway_pb2.StreamExecutionHistoryRequest(execution_arn=express),
    ):
        with pytest.raises(ServiceError) as caught:
            VALIDATOR.check(request)
        assert caught.value.reason == "EXPRESS_EXECUTION_NOT_SUPPORTED"
        assert "CloudWatch Logs" in caught.value.message
    VALIDATOR.check(executions_pb2.StopExecutionRequest(execution_arn=express))  # AWS takes these


def test_a_bad_request_is_bounded_whatever_the_violations() -> None:
    many = [(f"tag_keys[{i}]." + "x" * 10_000, "y" * 10_000) for i in range(5000)]
    status = invalid_argument(many).to_status()
    found = details(status)
    assert len(found["BadRequest"].field_violations) == 20
    assert found["ErrorInfo"].metadata["violations"] == "5000"
    size = sum(len(value) for _, value in status.trailing_metadata) + len(status.details)
    assert size < 11 * 1024  # gRPC's limit for the whole trailer is 16 KiB


def test_an_account_id_is_ascii_digits() -> None:
    arabic_indic = "١٢٣٤٥٦٧٨٩٠١٢"  # twelve digits to Python's \d, not to AWS
    found = violations(
        executions_pb2.StartExecutionRequest(
            state_machine_arn=f"arn:aws:states:us-east-1:{arabic_indic}:stateMachine:m"
        )
    )
    assert "state_machine_arn" in found
