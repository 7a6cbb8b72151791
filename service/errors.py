"""Every error becomes a gRPC status with rich details: one table from AWS error codes to codes.

A status carries a `google.rpc.Status` in the `grpc-status-details-bin` trailer with at least a
`google.rpc.ErrorInfo`: `reason` is the AWS error code in UPPER_SNAKE_CASE (or one of this
service's own reasons), `domain` says whose error it is, and `metadata` keeps AWS's own spelling
and request id. Throttling adds `google.rpc.RetryInfo`; invalid input adds `google.rpc.BadRequest`
naming the offending fields. Nothing is `UNKNOWN` or `INTERNAL` unless this service has a bug.

What a status carries is bounded (a few violations, short texts) and says what went wrong, never
where or with what: backend URLs, raw backend answers and offending values go to the log only.
"""

from __future__ import annotations

import datetime as dt
import http.client
import logging
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import grpc
from botocore import xform_name
from botocore.exceptions import (
    BotoCoreError,
    ClientError,
    ConnectionClosedError,
    ConnectTimeoutError,
    EndpointConnectionError,
    NoCredentialsError,
    NoRegionError,
    PartialCredentialsError,
    ReadTimeoutError,
)
from google.protobuf import any_pb2, duration_pb2
from google.protobuf.message import Message
from google.rpc import code_pb2, error_details_pb2, status_pb2
from grpc_status import rpc_status

from service.convert import ConversionError

log = logging.getLogger(__name__)

AWS_DOMAIN = "states.amazonaws.com"
SERVICE_DOMAIN = "sfn-grpc"

C = grpc.StatusCode

# AWS error code -> gRPC status code. Every error of the Step Functions model is here (a test walks
# the model), plus the errors any AWS JSON service may return. One table, read in one place.
AWS_ERROR_CODES: dict[str, grpc.StatusCode] = {
    # Step Functions' own errors, from the service model.
    "ActivityAlreadyExists": C.ALREADY_EXISTS,
    "ActivityDoesNotExist": C.NOT_FOUND,
    "ActivityLimitExceeded": C.RESOURCE_EXHAUSTED,
    "ActivityWorkerLimitExceeded": C.RESOURCE_EXHAUSTED,
    "ConflictException": C.ABORTED,
    "ExecutionAlreadyExists": C.ALREADY_EXISTS,
    "ExecutionDoesNotExist": C.NOT_FOUND,
    "ExecutionLimitExceeded": C.RESOURCE_EXHAUSTED,
    "ExecutionNotRedrivable": C.FAILED_PRECONDITION,
    "InvalidArn": C.INVALID_ARGUMENT,
    "InvalidDefinition": C.INVALID_ARGUMENT,
    "InvalidEncryptionConfiguration": C.INVALID_ARGUMENT,
    "InvalidExecutionInput": C.INVALID_ARGUMENT,
    "InvalidLoggingConfiguration": C.INVALID_ARGUMENT,
    "InvalidName": C.INVALID_ARGUMENT,
    "InvalidOutput": C.INVALID_ARGUMENT,
    "InvalidToken": C.INVALID_ARGUMENT,
    "InvalidTracingConfiguration": C.INVALID_ARGUMENT,
    "KmsAccessDeniedException": C.PERMISSION_DENIED,
    "KmsInvalidStateException": C.FAILED_PRECONDITION,
    "KmsThrottlingException": C.RESOURCE_EXHAUSTED,
    "MissingRequiredParameter": C.INVALID_ARGUMENT,
    "ResourceNotFound": C.NOT_FOUND,
    "ServiceQuotaExceededException": C.RESOURCE_EXHAUSTED,
    "StateMachineAlreadyExists": C.ALREADY_EXISTS,
    "StateMachineDeleting": C.FAILED_PRECONDITION,
    "StateMachineDoesNotExist": C.NOT_FOUND,
    "StateMachineLimitExceeded": C.RESOURCE_EXHAUSTED,
    "StateMachineTypeNotSupported": C.FAILED_PRECONDITION,
    "TaskDoesNotExist": C.NOT_FOUND,
    "TaskTimedOut": C.FAILED_PRECONDITION,
    "TooManyTags": C.INVALID_ARGUMENT,
    "ValidationException": C.INVALID_ARGUMENT,
    # Errors common to AWS services.
    "ThrottlingException": C.RESOURCE_EXHAUSTED,
    "Throttling": C.RESOURCE_EXHAUSTED,
    "ThrottledException": C.RESOURCE_EXHAUSTED,
    "TooManyRequestsException": C.RESOURCE_EXHAUSTED,
    "RequestLimitExceeded": C.RESOURCE_EXHAUSTED,
    "LimitExceededException": C.RESOURCE_EXHAUSTED,
    "AccessDeniedException": C.PERMISSION_DENIED,
    "AccessDenied": C.PERMISSION_DENIED,
    "UnrecognizedClientException": C.UNAUTHENTICATED,
    "InvalidSignatureException": C.UNAUTHENTICATED,
    "IncompleteSignature": C.UNAUTHENTICATED,
    "InvalidClientTokenId": C.UNAUTHENTICATED,
    "MissingAuthenticationToken": C.UNAUTHENTICATED,
    "ExpiredTokenException": C.UNAUTHENTICATED,
    "RequestExpired": C.UNAUTHENTICATED,
    "SerializationException": C.INVALID_ARGUMENT,
    "ValidationError": C.INVALID_ARGUMENT,
    "InvalidParameterValue": C.INVALID_ARGUMENT,
    "MissingParameter": C.INVALID_ARGUMENT,
    "UnknownOperationException": C.UNIMPLEMENTED,
    "InternalFailure": C.UNAVAILABLE,
    "InternalServerError": C.UNAVAILABLE,
    "InternalError": C.UNAVAILABLE,
    "ServiceUnavailable": C.UNAVAILABLE,
    "ServiceUnavailableException": C.UNAVAILABLE,
}

# Codes that mean "AWS refused this request for rate reasons; it did nothing; try again later".
THROTTLING_CODES = frozenset(
    {
        "ThrottlingException",
        "Throttling",
        "ThrottledException",
        "TooManyRequestsException",
        "RequestLimitExceeded",
        "KmsThrottlingException",
    }
)

# An AWS code this table does not know yet is mapped by the HTTP status AWS sent with it.
_HTTP_FALLBACK = {400: C.FAILED_PRECONDITION, 401: C.UNAUTHENTICATED, 403: C.PERMISSION_DENIED, 404: C.NOT_FOUND}
_HTTP_FALLBACK |= {409: C.ABORTED, 413: C.INVALID_ARGUMENT, 429: C.RESOURCE_EXHAUSTED}


# Bounds on what one status carries: gRPC refuses trailers over 16 KiB (the caller would see
# RESOURCE_EXHAUSTED instead of the error), and a caller needs the first problems, not all of them.
# At these sizes a status with every bound reached is under 11 KiB, message and details together.
MAX_VIOLATIONS = 20
_MAX_FIELD_CHARS = 128
_MAX_DESCRIPTION_CHARS = 200
_MAX_MESSAGE_CHARS = 1024
_MAX_LOGGED_BODY_CHARS = 2048


def _bounded(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass
class ServiceError(Exception):
    """An error to return to the caller as a gRPC status with rich details."""

    code: grpc.StatusCode
    reason: str
    message: str
    domain: str = SERVICE_DOMAIN
    metadata: dict[str, str] = field(default_factory=dict)
    violations: list[tuple[str, str]] = field(default_factory=list)  # (field path, description)
    retry_delay: float | None = None  # seconds, for RetryInfo
    total_violations: int | None = None  # when `violations` holds only the first of more

    def __post_init__(self) -> None:
        super().__init__(self.message)

    def to_status(self) -> grpc.Status:
        """The gRPC status, with ErrorInfo and (as they apply) RetryInfo and BadRequest.

        Bounded whatever the error: at most MAX_VIOLATIONS field violations, each text cut short,
        and ErrorInfo's `violations` metadata says how many there were in all.
        """
        metadata = dict(self.metadata)
        shown = self.violations[:MAX_VIOLATIONS]
        total = max(self.total_violations or 0, len(self.violations))
        if total > len(shown):
            metadata["violations"] = str(total)
        details: list[Message] = [
            error_details_pb2.ErrorInfo(reason=self.reason, domain=self.domain, metadata=metadata)
        ]
        if self.retry_delay is not None:
            details.append(error_details_pb2.RetryInfo(retry_delay=_duration(self.retry_delay)))
        if shown:
            details.append(
                error_details_pb2.BadRequest(
                    field_violations=[
                        error_details_pb2.BadRequest.FieldViolation(
                            field=_bounded(path, _MAX_FIELD_CHARS), description=_bounded(text, _MAX_DESCRIPTION_CHARS)
                        )
                        for path, text in shown
                    ]
                )
            )
        packed = []
        for detail in details:
            holder = any_pb2.Any()
            holder.Pack(detail)
            packed.append(holder)
        code_number = getattr(code_pb2, self.code.name)
        message = _bounded(self.message, _MAX_MESSAGE_CHARS)
        return rpc_status.to_status(status_pb2.Status(code=code_number, message=message, details=packed))


def _duration(seconds: float) -> duration_pb2.Duration:
    value = duration_pb2.Duration()
    value.FromTimedelta(dt.timedelta(seconds=seconds))
    return value


def aws_reason(code: str) -> str:
    """AWS's error code in UPPER_SNAKE_CASE: ExecutionDoesNotExist -> EXECUTION_DOES_NOT_EXIST."""
    return str(xform_name(code)).upper()


def invalid_argument(
    violations: Iterable[tuple[str, str]], reason: str = "INVALID_ARGUMENT", total: int | None = None
) -> ServiceError:
    """The error for a request that fails validation; nothing was sent to AWS.

    `total` is how many violations there were when `violations` holds only the first of them.
    """
    found = list(violations)
    count = max(total or 0, len(found))
    summary = "; ".join(
        _bounded(f"{path}: {text}" if path else text, _MAX_DESCRIPTION_CHARS) for path, text in found[:5]
    )
    more = f" (and {count - 5} more)" if count > 5 else ""
    return ServiceError(
        C.INVALID_ARGUMENT, reason, f"invalid request: {summary}{more}", violations=found, total_violations=count
    )


def aws_error_code(exc: ClientError) -> str:
    """The error code AWS (or botocore, for a body without one) gave an error answer ("" if none)."""
    return str(exc.response.get("Error", {}).get("Code") or "")


def http_status(exc: ClientError) -> int:
    """The HTTP status of an error answer (0 when unknown)."""
    return int(exc.response.get("ResponseMetadata", {}).get("HTTPStatusCode") or 0)


def is_throttled(exc: ClientError) -> bool:
    """True when AWS refused the request for rate reasons (it did nothing)."""
    return aws_error_code(exc) in THROTTLING_CODES or http_status(exc) == 429


def from_client_error(exc: ClientError, retry_delay: float) -> ServiceError:
    """The status for an error that AWS returned."""
    error = exc.response.get("Error", {})
    meta = exc.response.get("ResponseMetadata", {})
    aws_code = aws_error_code(exc) or "Unknown"
    status = http_status(exc)
    if aws_code.isdigit():
        # botocore found no AWS error in the body and used the HTTP status as the code: the answer
        # came from something else (an emulator's error page, a proxy, a load balancer).
        return _not_aws_error(status, str(error.get("Message") or ""), retry_delay)
    code = AWS_ERROR_CODES.get(aws_code)
    if code is None:
        code = C.UNAVAILABLE if status >= 500 else _HTTP_FALLBACK.get(status, C.FAILED_PRECONDITION)
        log.warning("AWS error code %s (HTTP %s) is not in the mapping table; sent as %s", aws_code, status, code.name)
    metadata = {"aws_error_code": aws_code}
    if meta.get("RequestId"):
        metadata["aws_request_id"] = str(meta["RequestId"])
    if status:
        metadata["http_status"] = str(status)
    if exc.response.get("reason"):  # ValidationException carries a reason member
        metadata["aws_reason"] = str(exc.response["reason"])
    message = str(error.get("Message") or aws_code)
    throttled = aws_code in THROTTLING_CODES
    return ServiceError(
        code,
        aws_reason(aws_code),
        message,
        domain=AWS_DOMAIN,
        metadata=metadata,
        retry_delay=retry_delay if throttled or code == C.UNAVAILABLE else None,
    )


def _not_aws_error(http_status: int, body: str, retry_delay: float) -> ServiceError:
    """An HTTP error whose body is not an AWS error: its status said shortly, its body only logged."""
    code = C.UNAVAILABLE if http_status >= 500 else _HTTP_FALLBACK.get(http_status, C.FAILED_PRECONDITION)
    log.warning(
        "Step Functions endpoint answered HTTP %s without an AWS error; body: %r",
        http_status,
        _bounded(body, _MAX_LOGGED_BODY_CHARS),
    )
    phrase = http.client.responses.get(http_status, "")
    return ServiceError(
        code,
        "BACKEND_ERROR",
        f"the Step Functions endpoint answered HTTP {http_status}{f' {phrase}' if phrase else ''} "
        "without an AWS error (details in the gateway's log)",
        metadata={"http_status": str(http_status)},
        retry_delay=retry_delay if code == C.UNAVAILABLE else None,
    )


# The gateway gives up a little before its caller does (a tenth of the time, 50 ms at most), so that
# its answer, with its details, arrives before the caller's own timer ends the call with a bare
# DEADLINE_EXCEEDED.
_ANSWER_MARGIN_FRACTION = 0.1
_ANSWER_MARGIN_MAX = 0.05


def caller_deadline(context: grpc.aio.ServicerContext[Any, Any]) -> float | None:
    """When the gateway must answer the caller, on the monotonic clock (None: the caller set no deadline)."""
    remaining = context.time_remaining()
    if remaining is None:
        return None
    return time.monotonic() + remaining - min(_ANSWER_MARGIN_MAX, max(0.0, remaining) * _ANSWER_MARGIN_FRACTION)


async def abort(
    context: grpc.aio.ServicerContext[Any, Any], exc: BaseException, rpc: str, retry_delay: float = 1.0
) -> None:
    """End the call with the status for `exc` (rich details included); never a crash of the server."""
    error = from_exception(exc, retry_delay)
    if error.code == grpc.StatusCode.INTERNAL:
        log.error("%s failed with an internal error", rpc, exc_info=exc)
    await context.abort_with_status(error.to_status())


# Where `suggest_retry` keeps its advice on an exception.
_RETRY_AFTER = "_sfn_grpc_retry_after"


def suggest_retry(exc: BaseException, seconds: float) -> None:
    """Tell the caller of a failure when trying again is worth it: its RetryInfo.

    The retry policy's next backoff, for instance; without it, the server's default.
    """
    setattr(exc, _RETRY_AFTER, seconds)


def from_exception(exc: BaseException, retry_delay: float = 1.0) -> ServiceError:
    """The status for anything a backend call raised.

    Messages say what happened, never where: botocore's own texts carry the endpoint URL, which is
    the operator's business (it is logged), not the caller's. `retry_delay` is the RetryInfo of a
    failure worth retrying, unless `suggest_retry` said better.
    """
    retry_delay = getattr(exc, _RETRY_AFTER, retry_delay)
    if isinstance(exc, ServiceError):
        return exc
    if isinstance(exc, ClientError):
        return from_client_error(exc, retry_delay)
    if isinstance(exc, ConnectTimeoutError | ReadTimeoutError):
        log.warning("Step Functions did not answer in time: %s", exc)
        return ServiceError(
            C.UNAVAILABLE, "BACKEND_TIMEOUT", "Step Functions did not answer in time", retry_delay=retry_delay
        )
    if isinstance(exc, EndpointConnectionError | ConnectionClosedError | ConnectionError):
        log.warning("cannot reach Step Functions: %s", exc)
        return ServiceError(
            C.UNAVAILABLE, "BACKEND_UNREACHABLE", "cannot reach Step Functions", retry_delay=retry_delay
        )
    if isinstance(exc, NoCredentialsError | PartialCredentialsError):
        return ServiceError(C.UNAUTHENTICATED, "NO_AWS_CREDENTIALS", "the gateway has no usable AWS credentials")
    if isinstance(exc, NoRegionError):
        return ServiceError(C.FAILED_PRECONDITION, "NO_AWS_REGION", "the gateway has no AWS region configured")
    if isinstance(exc, ConversionError):
        # A malformed answer (a bad timestamp, a number out of range) is the backend's fault; the
        # value itself may be large or sensitive, so it goes to the log only.
        log.warning("Step Functions sent an answer the gateway cannot read: %s", _bounded(str(exc), 1000))
        return ServiceError(
            C.UNAVAILABLE,
            "BACKEND_ERROR",
            "Step Functions sent an answer the gateway cannot read (details in the gateway's log)",
            retry_delay=retry_delay,
        )
    if isinstance(exc, BotoCoreError):
        log.warning("calling Step Functions failed: %s", exc)
        return ServiceError(
            C.UNAVAILABLE,
            "BACKEND_ERROR",
            f"calling Step Functions failed ({type(exc).__name__}; details in the gateway's log)",
            retry_delay=retry_delay,
        )
    log.exception("unexpected error", exc_info=exc)
    return ServiceError(C.INTERNAL, "INTERNAL", "internal error in sfn-grpc (logged)")
