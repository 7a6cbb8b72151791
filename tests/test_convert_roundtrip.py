"""The converter is exact: model-generated values survive dict -> message -> dict[str, Any], from boto3's dicts
and from AWS's wire JSON alike, and the checks would notice if they did not."""

from __future__ import annotations

import datetime as dt
import functools
import json
from typing import Any

import botocore.model
import botocore.parsers
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sfngrpc.stepfunctions.v1 import history_pb2, state_machines_pb2

from service import convert
from service.convert import ConversionError, to_dict, to_message
from tests.model_data import (
    input_shapes,
    message_class,
    model,
    output_shapes,
    shape_strategy,
    strict_diff,
    to_wire_json,
    wire_body,
)

SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SERVICE_MODEL = botocore.model.ServiceModel(model(), service_name="stepfunctions")


def botocore_parse(operation: str, body: bytes) -> dict[str, Any]:
    """Parse a response body with botocore's own JSON parser, as boto3 would."""
    parser = botocore.parsers.create_parser("json")
    shape = SERVICE_MODEL.operation_model(operation).output_shape
    parsed: dict[str, Any] = parser.parse({"status_code": 200, "headers": {}, "body": body}, shape)
    parsed.pop("ResponseMetadata", None)
    return parsed


@pytest.mark.parametrize(("operation", "shape"), output_shapes(), ids=[op for op, _ in output_shapes()])
@SETTINGS
@given(data=st.data())
def test_every_output_shape_round_trips(operation: str, shape: str, data: st.DataObject) -> None:
    value = data.draw(shape_strategy(shape))
    cls = message_class(f"{operation}Response")
    message = to_message(value, cls)
    assert strict_diff(value, to_dict(message)) == []
    # The message also survives its own wire format.
    assert strict_diff(value, to_dict(cls.FromString(message.SerializeToString()))) == []


@pytest.mark.parametrize(("operation", "shape"), input_shapes(), ids=[op for op, _ in input_shapes()])
@SETTINGS
@given(data=st.data())
def test_every_input_shape_round_trips(operation: str, shape: str, data: st.DataObject) -> None:
    value = data.draw(shape_strategy(shape))
    message = to_message(value, message_class(f"{operation}Request"))
    assert strict_diff(value, to_dict(message)) == []


@pytest.mark.parametrize(("operation", "shape"), output_shapes(), ids=[op for op, _ in output_shapes()])
@SETTINGS
@given(data=st.data())
def test_wire_json_gives_the_same_message_as_botocore(operation: str, shape: str, data: st.DataObject) -> None:
    """The fast path (json.loads of the body) and botocore's parser yield identical messages."""
    body = wire_body(data.draw(shape_strategy(shape)))
    cls = message_class(f"{operation}Response")
    via_botocore = to_message(botocore_parse(operation, body), cls)
    via_json = to_message(json.loads(body), cls)
    assert via_json == via_botocore


# -- planted differences: the checks above would fail if the converter were wrong ------------------


def _sample_event() -> dict[str, Any]:
    return {
        "timestamp": dt.datetime(2024, 2, 29, 23, 59, 59, 999000, tzinfo=dt.UTC),
        "type": "TaskScheduled",
        "id": 2**62,
        "previousEventId": 0,
        "taskScheduledEventDetails": {
            "resourceType": "lambda",
            "resource": "invoke",
            "region": "",
            "parameters": '{"k": "v"}',
            "timeoutInSeconds": 0,
            "heartbeatInSeconds": -1,
        },
    }


@pytest.mark.parametrize(
    ("path", "planted"),
    [
        ("id", 2**62 + 1),
        ("previousEventId", False),  # == 0 in Python, but not the same value
        ("timestamp", dt.datetime(2024, 2, 29, 23, 59, 59, 998000, tzinfo=dt.UTC)),
        ("timestamp", dt.datetime(2024, 2, 29, 23, 59, 59, 999000)),  # naive
        ("type", "TaskStarted"),
        ("taskScheduledEventDetails.region", None),  # absent instead of empty
        ("taskScheduledEventDetails.timeoutInSeconds", 0.0),
        ("taskScheduledEventDetails.parameters", '{"k": "v" }'),
        ("taskScheduledEventDetails.extra", "x"),
    ],
)
def test_planted_differences_are_detected(path: str, planted: object) -> None:
    original = _sample_event()
    changed = to_dict(to_message(original, history_pb2.HistoryEvent))
    assert strict_diff(original, changed) == []
    *parents, leaf = path.split(".")
    target = changed
    for key in parents:
        target = target[key]
    if planted is None:
        del target[leaf]
    else:
        target[leaf] = planted
    assert strict_diff(original, changed) != []


def test_a_lossy_converter_fails_the_round_trip(monkeypatch: pytest.MonkeyPatch) -> None:
    """A mutant that drops milliseconds is caught by the same check the property tests use."""
    monkeypatch.setattr(convert, "_plans", {})  # recompile with the mutant
    monkeypatch.setattr(convert, "_timestamp_out", lambda ts: dt.datetime.fromtimestamp(ts.seconds, tz=dt.UTC))
    event = _sample_event()
    assert strict_diff(event, to_dict(to_message(event, history_pb2.HistoryEvent))) != []


# -- exactness at the edges ------------------------------------------------------------------------


@functools.cache
def _payload(size_bytes: int) -> str:
    """A JSON string of exactly `size_bytes` UTF-8 bytes mixing 1-, 2-, 3- and 4-byte characters."""
    unit = 'é中😀a"\\'  # 2 + 3 + 4 + 1 + 1 + 1 bytes
    text = (unit * (size_bytes // len(unit.encode()) + 1)).encode()[: size_bytes - 2]
    body = text.decode("utf-8", errors="ignore")
    # The longest prefix whose JSON text fits, found in one pass (re-encoding after each dropped character was
    # quadratic: ~9 s for 256 KiB): a character costs its UTF-8 bytes, plus one for the escape of " and \.
    room = size_bytes - 2
    for end, char in enumerate(body):
        room -= len(char.encode()) + (char in '"\\')
        if room < 0:
            body = body[:end]
            break
    payload = json.dumps(body, ensure_ascii=False)
    return payload + " " * (size_bytes - len(payload.encode()))


def test_a_256_kib_multibyte_payload_is_kept_byte_for_byte() -> None:
    payload = _payload(256 * 1024)
    assert len(payload.encode()) == 256 * 1024
    event = {
        "timestamp": dt.datetime(2024, 1, 1, tzinfo=dt.UTC),
        "type": "ExecutionStarted",
        "id": 1,
        "executionStartedEventDetails": {"input": payload, "inputDetails": {"truncated": False}},
    }
    message = to_message(event, history_pb2.HistoryEvent)
    wire = history_pb2.HistoryEvent.FromString(message.SerializeToString())
    assert to_dict(wire)["executionStartedEventDetails"]["input"].encode() == payload.encode()
    from_json = to_message(json.loads(json.dumps(to_wire_json(event), ensure_ascii=False)), history_pb2.HistoryEvent)
    assert from_json == message


def test_timestamps_keep_milliseconds_and_time_zones() -> None:
    ist = dt.timezone(dt.timedelta(hours=5, minutes=30))
    moment = dt.datetime(2030, 6, 1, 12, 0, 0, 7000, tzinfo=ist)
    event = {"timestamp": moment, "type": "PassStateEntered", "id": 3}
    out = to_dict(to_message(event, history_pb2.HistoryEvent))["timestamp"]
    assert out == moment
    assert out.utcoffset() == dt.timedelta(0)  # always given back in UTC, as the same instant
    assert to_message({"timestamp": moment.timestamp()}, history_pb2.HistoryEvent).timestamp.nanos == 7_000_000
    assert to_message({"timestamp": "2030-06-01T06:30:00.007Z"}, history_pb2.HistoryEvent).timestamp.nanos == 7_000_000


def test_absent_and_zero_differ_for_optional_scalars() -> None:
    absent = to_dict(to_message({"type": "PassStateEntered", "id": 1}, history_pb2.HistoryEvent))
    zero = to_dict(to_message({"type": "PassStateEntered", "id": 1, "previousEventId": 0}, history_pb2.HistoryEvent))
    assert "previousEventId" not in absent
    assert zero["previousEventId"] == 0


def test_required_members_are_always_present() -> None:
    out = to_dict(message_class("GetExecutionHistoryResponse")())
    assert out == {"events": []}


def test_map_of_lists_hides_its_wrapper() -> None:
    value = {"variableReferences": {"Pass": ["a", "b"], "Choice": []}}
    message = to_message(value, state_machines_pb2.DescribeStateMachineResponse)
    assert list(message.variable_references["Pass"].values) == ["a", "b"]
    assert to_dict(message)["variableReferences"] == value["variableReferences"]


def test_unknown_enum_value_becomes_unspecified_and_is_logged_once(caplog: pytest.LogCaptureFixture) -> None:
    events = [{"type": "SomethingNew2099", "id": i} for i in (1, 2)]
    message = to_message({"events": events}, history_pb2.GetExecutionHistoryResponse)
    assert [e.type for e in message.events] == [history_pb2.HISTORY_EVENT_TYPE_UNSPECIFIED] * 2
    assert "type" not in to_dict(message)["events"][0]
    assert sum("SomethingNew2099" in r.getMessage() for r in caplog.records) == 1


def test_unknown_members_are_ignored() -> None:
    message = to_message(
        {"events": [], "ResponseMetadata": {"RequestId": "x"}, "futureMember": 1},
        message_class("GetExecutionHistoryResponse"),
    )
    assert to_dict(message) == {"events": []}


@pytest.mark.parametrize(
    "bad",
    [{"id": "one"}, {"id": 2**63}, {"timestamp": object()}, {"executionStartedEventDetails": {"input": "\ud800"}}],
)
def test_values_that_do_not_fit_raise_conversion_error(bad: dict[str, Any]) -> None:
    with pytest.raises(ConversionError):
        to_message(bad, history_pb2.HistoryEvent)
