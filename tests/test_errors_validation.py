"""The error table, the rich status details and request validation (no network)."""

from __future__ import annotations

import botocore.session
import grpc
import pytest
from botocore.exceptions import ClientError, EndpointConnectionError, ReadTimeoutError
from google.rpc import status_pb2

from service.errors import AWS_DOMAIN, AWS_ERROR_CODES, ServiceError, aws_reason, from_exception
from service.validation import Validator
from tests.grpc_helpers import unpack_details
from tests.model_data import shapes

MODEL = botocore.session.get_session().get_service_model("stepfunctions")
VALIDATOR = Validator(MODEL)
ARN = "arn:aws:states:us-east-1:123456789012:execution:machine:run-1"


def details(status: grpc.Status) -> dict[str, object]:
    trailer = dict(status.trailing_metadata)["grpc-status-details-bin"]
    return unpack_details(status_pb2.Status.FromString(trailer))


def client_error(code: str, status: int = 400, message: str = "boom") -> ClientError:
    response = {
        "Error": {"Code": code, "Message": message},
        "ResponseMetadata": {"RequestId": "req-1", "HTTPStatusCode": status},
    }
    return ClientError(response, "DescribeExecution")  # type: ignore[arg-type]


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


def test_reason_spelling() -> None:
    assert aws_reason("KmsAccessDeniedException") == "KMS_ACCESS_DENIED_EXCEPTION"


def violations(operation: str, params: dict) -> dict[str, str]:
    return dict(VALIDATOR.violations(operation, params))


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
    assert "name" in violations("StartExecution", {"stateMachineArn": ARN, "name": name})


def test_a_good_request_has_no_violations() -> None:
    params = {"stateMachineArn": ARN, "name": "run-2024_01.ok", "input": '{"a": "é"}'}
    assert violations("StartExecution", params) == {}


def test_required_members_lengths_ranges_and_arns() -> None:
    assert violations("DescribeExecution", {}) == {"execution_arn": "is required"}
    assert violations("DescribeExecution", {"executionArn": ""}) == {"execution_arn": "is required"}
    assert "execution_arn" in violations("DescribeExecution", {"executionArn": "not-an-arn"})
    assert "execution_arn" in violations("DescribeExecution", {"executionArn": "arn:" + "x" * 300})
    assert "max_results" in violations("GetExecutionHistory", {"executionArn": ARN, "maxResults": 1001})
    assert "max_results" in violations("GetExecutionHistory", {"executionArn": ARN, "maxResults": -1})
    assert violations("GetExecutionHistory", {"executionArn": ARN, "maxResults": 1000}) == {}
    assert "name" in violations("StartExecution", {"stateMachineArn": ARN, "name": "x" * 81})


def test_payloads_are_limited_in_utf8_bytes() -> None:
    fits = "é" * (128 * 1024)  # 256 KiB in UTF-8, 128 Ki characters
    assert violations("StartExecution", {"stateMachineArn": ARN, "input": fits}) == {}
    too_big = fits + "a"
    assert "input" in violations("StartExecution", {"stateMachineArn": ARN, "input": too_big})
    assert "output" in violations("SendTaskSuccess", {"taskToken": "t", "output": too_big})


def test_nested_fields_are_named_by_their_proto_path() -> None:
    params = {
        "name": "sm",
        "definition": "{}",
        "roleArn": "arn:aws:iam::123456789012:role/r",
        "loggingConfiguration": {"destinations": [{"cloudWatchLogsLogGroup": {"logGroupArn": "nope"}}]},
    }
    found = violations("CreateStateMachine", params)
    assert "logging_configuration.destinations[0].cloud_watch_logs_log_group.log_group_arn" in found


def test_check_raises_invalid_argument_with_bad_request() -> None:
    with pytest.raises(ServiceError) as caught:
        VALIDATOR.check("DescribeExecution", {"executionArn": "bad"})
    assert caught.value.code == grpc.StatusCode.INVALID_ARGUMENT
    bad_request = details(caught.value.to_status())["BadRequest"]
    assert bad_request.field_violations[0].field == "execution_arn"


def test_express_executions_get_a_clear_error() -> None:
    express = "arn:aws:states:us-east-1:123456789012:express:machine:run:0123"
    for operation in ("DescribeExecution", "GetExecutionHistory"):
        with pytest.raises(ServiceError) as caught:
            VALIDATOR.check(operation, {"executionArn": express})
        assert caught.value.reason == "EXPRESS_EXECUTION_NOT_SUPPORTED"
        assert "CloudWatch Logs" in caught.value.message
