"""Every request type, built from its descriptor with extreme values, gets a documented answer.

Unknown enum numbers, 0 where a value was explicitly set, huge and negative integers, NaN and
infinite floats, control characters, wildcards and trailing newlines in ARNs, strings far over
their limits, out-of-range durations: whatever a caller sends, the server answers with a client
error (or serves the request), never INTERNAL or UNKNOWN, and an INVALID_ARGUMENT always fits the
trailer limit. First the validator alone (many examples, no I/O), then the whole server through a
real channel against the fake endpoint (fewer examples: each is a real call).
"""

from __future__ import annotations

import asyncio
import math
import threading
from collections.abc import Iterator
from typing import Any

import botocore.session
import grpc
import pytest
from google.protobuf import message_factory
from google.protobuf.descriptor import Descriptor, FieldDescriptor
from google.protobuf.message import Message
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from sfngrpc.stepfunctions.v1 import annotations_pb2, service_pb2

from service.errors import ServiceError
from service.server import Server
from service.validation import Validator
from tests.fake_sfn import FakeStepFunctions, history
from tests.grpc_helpers import TEST_TOKEN_SECRET, rich_details
from tests.grpc_helpers import server_config as _server_config

SERVICE = service_pb2.DESCRIPTOR.services_by_name["StepFunctionsService"]
METHODS = sorted(SERVICE.methods, key=lambda method: method.name)
VALIDATOR = Validator(botocore.session.get_session().get_service_model("stepfunctions"))
TRAILER_LIMIT = 16 * 1024
# Long enough for any answer from the fake; a WaitExecution without max_wait answers just before it.
CALL_SECONDS = 1.5
MAX_REQUEST_BYTES = 4 * 1024 * 1024 - 1024  # gRPC's default receive limit, less the framing

ACCOUNT = "arn:aws:states:us-east-1:123456789012"
MACHINE = f"{ACCOUNT}:stateMachine:fuzz"
EXECUTION = f"{ACCOUNT}:execution:fuzz:running"
# ARNs of things the fake holds (so that some requests get past validation and into the handlers),
# of the wrong kinds, and broken in the ways that used to slip through.
ARNS = [
    MACHINE,
    EXECUTION,
    f"{ACCOUNT}:execution:fuzz:done",
    f"{MACHINE}:1",
    f"{MACHINE}:prod",
    f"{ACCOUNT}:activity:worker",
    f"{ACCOUNT}:mapRun:fuzz/map:0f6a2b1c-1111-2222-3333-444455556666",
    f"{ACCOUNT}:express:fuzz:run:0f6a2b1c",
    "arn:aws:iam::123456789012:role/r",
]
BROKEN = ["\n", "\x00", "*", " ", "\r\n", "\x7f", "\u2028"]
STRINGS = st.one_of(
    st.sampled_from(ARNS),
    st.builds(lambda arn, tail: arn + tail, st.sampled_from(ARNS), st.sampled_from(BROKEN)),
    st.sampled_from(["", "{}", "[]", "null", "NaN", '{"a": Infinity}', "not json", "[" * 5000, "run-1", "é😀"]),
    st.builds(
        lambda char, count: char * count,
        st.sampled_from(["x", "é", "\x01", "{", "😀"]),
        st.sampled_from([81, 257, 2_001, 262_145, 1_048_577]),
    ),
    st.text(max_size=12),
)
INT64 = st.one_of(
    st.sampled_from([0, 1, -1, 1000, 1001, 2**31 - 1, 2**31, -(2**31) - 1, 2**63 - 1, -(2**63)]),
    st.integers(-(2**63), 2**63 - 1),
)
INT32 = st.one_of(st.sampled_from([0, 1, -1, 2**31 - 1, -(2**31)]), st.integers(-(2**31), 2**31 - 1))
FLOATS = st.one_of(
    st.sampled_from([math.nan, math.inf, -math.inf, -1.0, -0.0, 0.0, 100.0, 100.0001, 1e308, 5e-324]), st.floats()
)
_SCALARS: dict[int, st.SearchStrategy[Any]] = {
    FieldDescriptor.CPPTYPE_STRING: STRINGS,
    FieldDescriptor.CPPTYPE_INT64: INT64,
    FieldDescriptor.CPPTYPE_UINT64: st.integers(0, 2**64 - 1),
    FieldDescriptor.CPPTYPE_INT32: INT32,
    FieldDescriptor.CPPTYPE_UINT32: st.integers(0, 2**32 - 1),
    FieldDescriptor.CPPTYPE_DOUBLE: FLOATS,
    FieldDescriptor.CPPTYPE_FLOAT: FLOATS.filter(lambda x: not math.isfinite(x) or abs(x) < 3e38),
    FieldDescriptor.CPPTYPE_BOOL: st.booleans(),
}


def _enum(field: FieldDescriptor) -> st.SearchStrategy[int]:
    assert field.enum_type is not None
    known = [value.number for value in field.enum_type.values]
    return st.one_of(st.sampled_from(known), st.sampled_from([0, 7, 99, -5, 2**31 - 1, -(2**31)]))


# Plausible values, so that a request with one extreme value among sensible ones gets past the
# checks that do not concern that value and reaches the handlers.
_PLAUSIBLE_ARNS = {
    "execution_arn": [EXECUTION, f"{ACCOUNT}:execution:fuzz:done"],
    "state_machine_arn": [MACHINE],
    "resource_arn": [MACHINE],
    "state_machine_version_arn": [f"{MACHINE}:1"],
    "state_machine_alias_arn": [f"{MACHINE}:prod"],
    "activity_arn": [f"{ACCOUNT}:activity:worker"],
    "map_run_arn": [f"{ACCOUNT}:mapRun:fuzz/map:0f6a2b1c-1111-2222-3333-444455556666"],
    "role_arn": ["arn:aws:iam::123456789012:role/r"],
    "log_group_arn": ["arn:aws:logs:us-east-1:123456789012:log-group:fuzz:*"],
}
_PLAUSIBLE_TEXT = {
    "definition": ['{"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}'],
    "input": ["{}", '{"a": 1}'],
    "output": ["{}"],
    "name": ["fuzz-1", "fuzz-2"],
}


def _plausible(field: FieldDescriptor, depth: int) -> st.SearchStrategy[Any]:
    if field.enum_type is not None:
        return st.sampled_from([value.number for value in field.enum_type.values if value.number])
    if field.message_type is not None:
        assert isinstance(field.message_type, Descriptor)
        return _message(field.message_type, depth + 1, "plausible")
    if field.cpp_type == FieldDescriptor.CPPTYPE_STRING:
        return st.sampled_from(_PLAUSIBLE_ARNS.get(field.name) or _PLAUSIBLE_TEXT.get(field.name) or ["x"])
    if field.cpp_type in (FieldDescriptor.CPPTYPE_DOUBLE, FieldDescriptor.CPPTYPE_FLOAT):
        return st.floats(0, 100)
    if field.cpp_type == FieldDescriptor.CPPTYPE_BOOL:
        return st.booleans()
    return st.integers(0, 2)


def _value(field: FieldDescriptor, depth: int, mode: str = "wild") -> st.SearchStrategy[Any]:
    if mode == "plausible":
        return _plausible(field, depth)
    if field.enum_type is not None:
        return _enum(field)
    if field.message_type is not None:
        assert isinstance(field.message_type, Descriptor)
        return _message(field.message_type, depth + 1, mode)
    return _SCALARS[field.cpp_type]


@st.composite
def _message(draw: st.DrawFn, descriptor: Descriptor, depth: int, mode: str) -> Message:
    message = message_factory.GetMessageClass(descriptor)()
    # "one": plausible values but for one field, which is wild; "wild": any field may be extreme.
    wild_field = (
        draw(st.sampled_from([f.name for f in descriptor.fields])) if mode == "one" and descriptor.fields else None
    )
    arns = [f.name for f in descriptor.fields if f.name.endswith("_arn")]
    for field in descriptor.fields:
        # Sensible requests carry what they need: the required members, and their one ARN.
        needed = mode != "wild" and (
            field.GetOptions().Extensions[annotations_pb2.aws_required] or arns == [field.name]
        )
        if depth > 3 or not (field.name == wild_field or needed or draw(st.booleans())):
            continue  # left unset
        field_mode = "wild" if mode == "wild" or field.name == wild_field else "plausible"
        if field.message_type is not None and field.message_type.GetOptions().map_entry:
            value_field = field.message_type.fields_by_name["value"]
            entries = draw(st.dictionaries(STRINGS, _value(value_field, depth, field_mode), max_size=3))
            target = getattr(message, field.name)
            for key, value in entries.items():
                if value_field.message_type is not None:
                    target[key].CopyFrom(value)
                else:
                    target[key] = value
        elif field.is_repeated:
            count = draw(st.sampled_from([0, 1, 2, 3, 120]))
            items = draw(st.lists(_value(field, depth, field_mode), min_size=min(count, 3), max_size=min(count, 3)))
            if all(_small(item) for item in items):  # many copies of small items: list limits, many violations
                items = (items * (count // max(len(items), 1) + 1))[:count] if items else []
            target = getattr(message, field.name)
            if field.message_type is not None:
                for item in items:
                    target.add().CopyFrom(item)
            else:
                target.extend(items)
        elif field.message_type is not None:
            getattr(message, field.name).CopyFrom(draw(_value(field, depth, field_mode)))
        else:
            setattr(message, field.name, draw(_value(field, depth, field_mode)))
    return message


def _small(item: object) -> bool:
    return (len(item) if isinstance(item, str) else item.ByteSize() if isinstance(item, Message) else 0) < 1024


def messages(descriptor: Descriptor) -> st.SearchStrategy[Message]:
    """Messages of one type: every field unset or extreme, or sensible but for one extreme field."""
    return st.sampled_from(["wild", "one"]).flatmap(lambda mode: _message(descriptor, 0, mode))


@st.composite
def requests(draw: st.DrawFn) -> tuple[Any, Message]:
    method = draw(st.sampled_from(METHODS))
    return method, draw(messages(method.input_type))


# -- the validator alone -----------------------------------------------------------------------------


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(requests())
def test_the_validator_refuses_with_a_bounded_invalid_argument_or_accepts(case: tuple[Any, Message]) -> None:
    _, request = case
    error = None
    try:
        VALIDATOR.check(request)
    except ServiceError as refused:
        error = refused
    if error is not None:
        assert error.code == grpc.StatusCode.INVALID_ARGUMENT
        status = error.to_status()
        size = sum(len(value) for _, value in status.trailing_metadata) + len(status.details.encode())
        assert size < TRAILER_LIMIT


# -- the whole server, through a real channel ---------------------------------------------------------------

# What a caller may get for a request that is wrong, or right but about things the fake lacks.
CLIENT_CODES = {
    grpc.StatusCode.OK,
    grpc.StatusCode.INVALID_ARGUMENT,
    grpc.StatusCode.NOT_FOUND,
    grpc.StatusCode.ALREADY_EXISTS,
    grpc.StatusCode.FAILED_PRECONDITION,
    grpc.StatusCode.ABORTED,
    grpc.StatusCode.UNIMPLEMENTED,  # an operation the fake does not have
}


@pytest.fixture(scope="module")
def live() -> Iterator[tuple[FakeStepFunctions, grpc.Channel]]:
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    with FakeStepFunctions() as fake:
        machine = fake.add_state_machine("fuzz")
        fake.add_execution(machine, "running", status="RUNNING", events=history(3, status="RUNNING"))
        fake.add_execution(machine, "done", events=history(6))
        config = _server_config(retry_max_attempts=1, page_token_key=TEST_TOKEN_SECRET)
        server = Server(config, _settings(fake.endpoint_url, config.workers))
        asyncio.run_coroutine_threadsafe(server.start(), loop).result(timeout=30)
        channel = grpc.insecure_channel(f"127.0.0.1:{server.port}")
        try:
            yield fake, channel
        finally:
            channel.close()
            asyncio.run_coroutine_threadsafe(server.stop(), loop).result(timeout=30)
            loop.call_soon_threadsafe(loop.stop)
            thread.join(timeout=10)


def _settings(endpoint_url: str, workers: int) -> Any:
    from service.backend import ClientSettings

    return ClientSettings(
        region="us-east-1",
        endpoint_url=endpoint_url,
        workers=workers,
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )


def _call(channel: grpc.Channel, method: Any, request: Message) -> grpc.StatusCode:
    path = f"/{SERVICE.full_name}/{method.name}"
    response_type = message_factory.GetMessageClass(method.output_type)
    try:
        if method.server_streaming:
            stream_method: grpc.UnaryStreamMultiCallable[bytes, Message] = channel.unary_stream(
                path, response_deserializer=response_type.FromString
            )
            stream = stream_method(request.SerializeToString(), timeout=CALL_SECONDS)
            try:
                next(iter(stream), None)  # the first answer, or the error, is what is judged
            finally:
                stream.cancel()
        else:
            unary_method: grpc.UnaryUnaryMultiCallable[bytes, Message] = channel.unary_unary(
                path, response_deserializer=response_type.FromString
            )
            unary_method(request.SerializeToString(), timeout=CALL_SECONDS)
    except grpc.RpcError as error:
        failed: Any = error
    else:
        return grpc.StatusCode.OK
    code = failed.code()
    if code == grpc.StatusCode.CANCELLED:
        return grpc.StatusCode.OK  # cancelled by us after the first message
    # A followed stream waits for the next event, which may not come while the test waits.
    waits = method.server_streaming and code == grpc.StatusCode.DEADLINE_EXCEEDED
    assert code in CLIENT_CODES or waits, (method.name, code, failed.details())
    # Every error the gateway answers carries an ErrorInfo (the contract); a refusal by its own
    # validation a BadRequest too, AWS's own INVALID_ARGUMENT (an InvalidArn) need not. A waiting
    # stream ended by this test's own timer has no answer from the gateway to judge.
    if not waits:
        assert "ErrorInfo" in rich_details(failed), (method.name, code, failed.details())
    return code  # type: ignore[no-any-return]


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture],
)
@given(requests())
def test_the_server_answers_every_request_with_a_documented_code(
    live: tuple[FakeStepFunctions, grpc.Channel], case: tuple[Any, Message]
) -> None:
    _, channel = live
    method, request = case
    assume(request.ByteSize() < MAX_REQUEST_BYTES)  # gRPC itself refuses larger messages
    _call(channel, method, request)
