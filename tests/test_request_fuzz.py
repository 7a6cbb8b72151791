"""Every request type, built from its descriptor with extreme values, gets a documented answer.

Requests of every RPC of the service (the AWS operations and the gateway's own) are built from their
protobuf descriptors, with no per-message lists: unknown enum numbers, 0 where a value was explicitly
set, int64 extremes, NaN and infinite floats, control characters, wildcards and trailing newlines in
ARNs, strings from empty to a few MB (past gRPC's 4 MiB receive limit), durations at and past their
limits, nested messages, maps, repeated fields, and page tokens tampered with (bytes flipped,
truncated, another RPC's, expired, signed with another key, base64 garbage). Whatever a caller sends,
the server answers with a documented client error (or serves the request), never INTERNAL or
UNKNOWN; an INVALID_ARGUMENT always fits the trailer limit; and no invalid request reaches the
backend (tests/fuzz_support.py says how each is judged). First the validator alone (no I/O), then the
whole server through a real channel against the fake endpoint.

Deterministic in CI (derandomized, no example database); SFN_GRPC_FUZZ_EXAMPLES=N runs N random
examples of each test instead, with the database on (README: Fuzzing).
"""

from __future__ import annotations

import base64
import json
import math
import os
from collections.abc import Iterator
from typing import Any

import botocore.session
import grpc
import pytest
from google.protobuf import message_factory
from google.protobuf.descriptor import Descriptor, FieldDescriptor, MethodDescriptor
from google.protobuf.message import Message
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from service.convert import to_dict
from service.errors import ServiceError
from service.paging import PageTokens, Position
from service.validation import LIST_LIMIT, Validator
from tests.fake_sfn import _validate as aws_model_checks
from tests.fuzz_support import (
    ACCOUNT,
    MACHINE,
    METHODS,
    PLAUSIBLE_ARNS,
    PLAUSIBLE_TEXT,
    TINY_SECONDS,
    UNARY_SECONDS,
    WAIT_SECONDS,
    WAITING,
    Live,
    is_required,
    live_gateway,
    method_named,
    refused_by_gateway,
    request_class,
)
from tests.grpc_helpers import server_config

MODEL = botocore.session.get_session().get_service_model("stepfunctions")
VALIDATOR = Validator(MODEL)
AWS_OPERATIONS = set(MODEL.operation_names)
TRAILER_LIMIT = 16 * 1024

# CI: a fixed number of derandomized examples, no database (the same inputs every run).
_LONG = os.environ.get("SFN_GRPC_FUZZ_EXAMPLES")
FUZZ = settings(
    max_examples=int(_LONG) if _LONG else 1000,
    derandomize=not _LONG,
    database=(settings.default or settings()).database if _LONG else None,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture],
)

# ARNs of things the fake holds (so that some requests get past validation and into the handlers),
# of the wrong kinds, and broken in the ways that used to slip through.
ARNS = [
    *(arn for arns in PLAUSIBLE_ARNS.values() for arn in arns),
    f"{ACCOUNT}:express:fuzz:run:0f6a2b1c",
]
BROKEN = ["\n", "\x00", "*", " ", "\r\n", "\x7f", "\u2028", "\ufeff", "\x85"]
# Sizes around the model's limits (80, 256, 2,000 characters; 256 KiB payloads) and past gRPC's own
# 4 MiB receive limit ("😀" is 4 bytes in UTF-8).
HUGE = st.builds(
    lambda char, count: char * count,
    st.sampled_from(["x", "é", "\x01", "{", "😀"]),
    st.sampled_from([81, 257, 2_001, 262_145, 1_048_577, 3_000_000]),
)
STRINGS = st.one_of(
    st.sampled_from(ARNS),
    st.builds(lambda arn, tail: arn + tail, st.sampled_from(ARNS), st.sampled_from(BROKEN)),
    st.builds(lambda head, arn: head + arn, st.sampled_from(BROKEN), st.sampled_from(ARNS)),
    st.sampled_from(["", "{}", "[]", "null", "NaN", '{"a": Infinity}', "not json", "[" * 5000, "run-1", "é😀"]),
    st.builds(lambda digits: '{"n": ' + "9" * digits + "}", st.sampled_from([4_300, 4_301, 200_000])),
    HUGE,
    st.text(max_size=12),
    st.text(st.characters(codec="utf-8", categories=["Cc", "Cf", "Zs", "Zl", "Zp", "Co"]), max_size=8),
)
INT64_EDGES = [0, 1, -1, 1000, 1001, 2**31 - 1, 2**31, -(2**31) - 1, 2**63 - 1, -(2**63)]
INT64 = st.one_of(st.sampled_from(INT64_EDGES), st.integers(-(2**63), 2**63 - 1))
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

# Well-known types at and past their documented limits (google/protobuf/duration.proto, timestamp.proto):
# |seconds| <= 315,576,000,000 for a Duration, years 1..9999 for a Timestamp, |nanos| < 1e9 with the
# sign of seconds; a year is the longest wait the gateway takes.
_NANOS = st.sampled_from([0, 1, -1, 500_000_000, 999_999_999, -999_999_999, 1_000_000_000, 2**31 - 1, -(2**31)])
_WELL_KNOWN_SECONDS = {
    "google.protobuf.Duration": [0, 1, -1, 31_622_400, 31_622_401, 315_576_000_000, 315_576_000_001],
    "google.protobuf.Timestamp": [0, -1, -62_135_596_800, -62_135_596_801, 253_402_300_799, 253_402_300_800],
}


def _well_known(descriptor: Descriptor) -> st.SearchStrategy[Message] | None:
    edges = _WELL_KNOWN_SECONDS.get(descriptor.full_name)
    if edges is None:
        return None
    cls = message_factory.GetMessageClass(descriptor)
    seconds = st.one_of(st.sampled_from([*edges, 2**63 - 1, -(2**63)]), INT64)
    return st.builds(lambda s, n: cls(seconds=s, nanos=n), seconds, st.one_of(_NANOS, INT32))


# -- page tokens ------------------------------------------------------------------------------------------

# Fields that carry the gateway's own tokens (by the AWS member name, as json_name spells it).
_TOKEN_MEMBERS = {"nextToken", "resumeCursor"}
# Valid tokens and cursors of this server's paged RPCs, by RPC; filled by the `live` fixture.
ISSUED: dict[str, list[str]] = {}


def _token_key() -> bytes:
    key = server_config().token_key()
    assert key is not None
    return key


_KEY = _token_key()  # what the gateway of server_config signs page tokens with


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _payload(token: str) -> dict[str, Any]:
    part = token.split(".")[0]
    loaded: dict[str, Any] = json.loads(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)))
    return loaded


def _flip(token: str, at: int, mask: int) -> str:
    data = bytearray(token.encode())
    data[at % len(data)] ^= mask
    return data.decode("latin-1")  # any byte, as the character of that number


def _resigned(token: str, key: bytes, **changes: Any) -> str:
    """The token's position, re-issued with `changes` (expired, another binding) and signed with `key`."""
    body = _payload(token) | changes
    clock = (lambda: body["e"] - 1) if "e" in changes else None
    tokens = PageTokens(key, ttl=1, clock=clock) if clock else PageTokens(key)
    return tokens.issue(body["b"], Position(body["t"], body["l"], body["o"], body["i"]))


def _tampered(draw: st.DrawFn) -> str:
    # Without the live server (the validator's own test), a well-formed token of some other call.
    issued = [token for tokens in ISSUED.values() for token in tokens] or [PageTokens(_KEY).issue("0" * 32, Position())]
    token = draw(st.sampled_from(issued))
    how = draw(st.sampled_from(["as is", "flip", "truncate", "expired", "other key", "rebound", "extended"]))
    if how == "flip":
        return _flip(token, draw(st.integers(0, len(token) - 1)), draw(st.integers(1, 255)))
    if how == "truncate":
        return token[: draw(st.integers(0, len(token) - 1))]
    if how == "expired":
        return _resigned(token, _KEY, e=1_700_000_000)
    if how == "other key":
        return _resigned(token, b"not the server's key")
    if how == "rebound":
        return _resigned(token, _KEY, b="0" * 32)
    if how == "extended":
        return token + draw(st.sampled_from([".", "=", "==", "\n", ".x", token]))
    return token  # valid, perhaps for another RPC or other arguments


@st.composite
def tokens(draw: st.DrawFn) -> str:
    """A page token: a real one (right or wrong RPC), tampered with, or garbage."""
    kind = draw(st.sampled_from(["tampered", "garbage", "string"]))
    if kind == "tampered":
        return _tampered(draw)
    if kind == "garbage":
        parts = draw(st.lists(st.binary(max_size=80).map(_b64), min_size=1, max_size=3))
        return ".".join(parts)
    return str(draw(STRINGS))


# -- requests from descriptors -------------------------------------------------------------------------------


def _enum(field: FieldDescriptor) -> st.SearchStrategy[int]:
    assert field.enum_type is not None
    known = [value.number for value in field.enum_type.values]
    return st.one_of(st.sampled_from(known), st.sampled_from([0, 7, 99, -5, 2**31 - 1, -(2**31)]))


def _plausible(field: FieldDescriptor, depth: int) -> st.SearchStrategy[Any]:
    if field.enum_type is not None:
        return st.sampled_from([value.number for value in field.enum_type.values if value.number])
    if field.message_type is not None:
        assert isinstance(field.message_type, Descriptor)
        return _message(field.message_type, depth + 1, "plausible")
    if field.cpp_type == FieldDescriptor.CPPTYPE_STRING:
        if field.json_name in _TOKEN_MEMBERS:
            return st.just("")
        return st.sampled_from(PLAUSIBLE_ARNS.get(field.name) or PLAUSIBLE_TEXT.get(field.name) or ["x"])
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
        well_known = _well_known(field.message_type)
        return well_known if well_known is not None else _message(field.message_type, depth + 1, mode)
    if field.json_name in _TOKEN_MEMBERS:
        return tokens()
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
        needed = mode != "wild" and (is_required(field) or arns == [field.name])
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
            count = draw(st.sampled_from([0, 1, 2, 3, 120, 1_001]))
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
    """Messages of one type: every field unset or extreme, sensible but for one extreme field, or sensible."""
    return st.sampled_from(["wild", "one", "plausible"]).flatmap(lambda mode: _message(descriptor, 0, mode))


@st.composite
def requests(draw: st.DrawFn) -> tuple[MethodDescriptor, Message]:
    method = draw(st.sampled_from(METHODS))
    return method, draw(messages(method.input_type))


# -- the validator alone -----------------------------------------------------------------------------


@FUZZ
@given(requests())
def test_the_validator_refuses_with_a_bounded_invalid_argument_or_accepts(case: tuple[Any, Message]) -> None:
    method, request = case
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
    elif method.name in AWS_OPERATIONS:
        # What the validator lets through must pass AWS's own model checks (the fake's): a gap here
        # is an invalid request on its way to AWS. Cheap, so it runs at the validator's pace.
        # Page tokens are the gateway's own: AWS gets its own token from inside them, never the caller's.
        params = {member: value for member, value in to_dict(request).items() if member not in _TOKEN_MEMBERS}
        aws_model_checks(method.name, params)


# -- the whole server, through a real channel ---------------------------------------------------------------


@pytest.fixture(scope="module")
def live() -> Iterator[Live]:
    with live_gateway() as gateway:
        ISSUED.clear()
        ISSUED.update(gateway.tokens)
        yield gateway


def _timeouts(method: MethodDescriptor) -> st.SearchStrategy[float]:
    """Mostly the call's own bound; one call in twenty with a deadline too short for anything."""
    usual = WAIT_SECONDS if method.name in WAITING else UNARY_SECONDS
    return st.sampled_from([usual] * 19 + [TINY_SECONDS])


@st.composite
def calls(draw: st.DrawFn) -> tuple[MethodDescriptor, Message, float]:
    method, request = draw(requests())
    return method, request, draw(_timeouts(method))


def _case(name: str, **fields: Any) -> tuple[MethodDescriptor, Message, float]:
    method = method_named(name)
    usual = WAIT_SECONDS if method.name in WAITING else UNARY_SECONDS
    return method, request_class(method)(**fields), usual


@FUZZ
@given(calls())
def test_the_server_answers_every_request_with_a_documented_code(
    live: Live, case: tuple[MethodDescriptor, Message, float]
) -> None:
    method, request, timeout = case
    live.judge_call(method, request.SerializeToString(), timeout)


# -- defects the fuzzing found, kept as plain tests -------------------------------------------------------


def test_a_list_of_millions_of_items_is_refused_by_its_count_alone(live: Live) -> None:
    # 2,000,000 empty tags fit in 4 MB, under gRPC's receive limit. Each was checked (2,000,001
    # violations counted) on the event loop, for seconds during which every other call waited.
    method = method_named("TagResource")
    fields = {field.name: field.number for field in method.input_type.fields}
    data = request_class(method)(resource_arn=MACHINE).SerializeToString()
    data += bytes([fields["tags"] << 3 | 2, 0]) * 2_000_000  # field `tags`, an empty Tag, again and again
    outcome = live.judge_call(method, data, UNARY_SECONDS)
    assert outcome.code == grpc.StatusCode.INVALID_ARGUMENT
    assert outcome.details is not None
    # The count, and the first LIST_LIMIT items' missing keys: no more work than that.
    assert int(outcome.details["ErrorInfo"].metadata["violations"]) == 1 + LIST_LIMIT
    violations = {v.field: v.description for v in outcome.details["BadRequest"].field_violations}
    assert violations["tags"] == f"must have at most {LIST_LIMIT} items"


def test_json_with_a_long_number_is_json(live: Live) -> None:
    # JSON numbers have no size limit; Python's int() refuses more than 4,300 digits, and the gateway
    # refused such input as "not JSON text" instead of leaving the judgment of the value to AWS.
    method = method_named("StartExecution")
    request = request_class(method)(state_machine_arn=MACHINE, input='{"n": ' + "1" * 5_000 + "}")
    outcome = live.judge_call(method, request.SerializeToString(), UNARY_SECONDS)
    assert not refused_by_gateway(outcome), outcome.message
