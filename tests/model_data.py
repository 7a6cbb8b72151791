"""Test data generated from botocore's Step Functions model: hypothesis strategies, strict diffs, wire JSON.

The strategies follow the model, not the proto, so that a converter that drifts from the model is
caught: required members are always present, optional members come and go, enums take AWS's
spellings, timestamps carry milliseconds and time zones, strings are arbitrary unicode.
"""

from __future__ import annotations

import datetime as dt
import json
from functools import cache
from typing import Any

import botocore.loaders
from google.protobuf import message_factory
from google.protobuf.message import Message
from hypothesis import strategies as st
from sfngrpc.stepfunctions.v1 import service_pb2

UTC = dt.UTC


@cache
def model() -> dict[str, Any]:
    """The raw Step Functions service model installed with botocore."""
    loaded: dict[str, Any] = botocore.loaders.create_loader().load_service_model("stepfunctions", "service-2")
    return loaded


def shapes() -> dict[str, dict[str, Any]]:
    """All shapes of the model by name."""
    return model()["shapes"]  # type: ignore[no-any-return]


# Unicode without lone surrogates (not encodable in UTF-8, so not sendable by AWS or protobuf).
_TEXT = st.text(st.characters(exclude_categories=["Cs"]), max_size=12)
_INT64 = st.integers(min_value=-(2**63), max_value=2**63 - 1)
_DOUBLE = st.floats(allow_nan=False, allow_infinity=False)
_ZONES = st.sampled_from([UTC, dt.timezone(dt.timedelta(hours=5, minutes=30)), dt.timezone(dt.timedelta(hours=-8))])
_TIMESTAMP = st.builds(
    lambda moment, zone: moment.replace(microsecond=moment.microsecond // 1000 * 1000, tzinfo=UTC).astimezone(zone),
    st.datetimes(min_value=dt.datetime(1970, 1, 2), max_value=dt.datetime(2200, 1, 1)),
    _ZONES,
)


@cache
def shape_strategy(name: str, depth: int = 0) -> st.SearchStrategy[Any]:
    """Values of a shape as boto3 returns them (or takes them)."""
    shape = shapes()[name]
    kind = shape["type"]
    if kind == "structure":
        if depth > 6:
            return st.just({})
        members = shape.get("members", {})
        required = set(shape.get("required", []))
        if name == "HistoryEvent":
            return _history_event(members, required, depth)
        return st.fixed_dictionaries(
            {m: member_strategy(s["shape"], True, depth) for m, s in members.items() if m in required},
            optional={m: member_strategy(s["shape"], False, depth) for m, s in members.items() if m not in required},
        )
    if kind == "string":
        return st.sampled_from(shape["enum"]) if "enum" in shape else _TEXT
    if kind in ("integer", "long"):
        return _INT64
    if kind == "boolean":
        return st.booleans()
    if kind in ("float", "double"):
        return _DOUBLE
    if kind == "timestamp":
        return _TIMESTAMP
    if kind == "blob":
        return st.binary(max_size=16)
    if kind in ("list", "map"):
        return member_strategy(name, True, depth)
    raise NotImplementedError(kind)


def _history_event(members: dict[str, Any], required: set[str], depth: int) -> st.SearchStrategy[Any]:
    """A HistoryEvent carries at most one details member (its `oneof details` in proto)."""
    details = [m for m in members if m.endswith("EventDetails")]
    base = st.fixed_dictionaries(
        {m: member_strategy(members[m]["shape"], True, depth) for m in required},
        optional={
            m: member_strategy(s["shape"], False, depth)
            for m, s in members.items()
            if m not in required and m not in details
        },
    )
    one = st.sampled_from(details).flatmap(
        lambda m: st.fixed_dictionaries({m: member_strategy(members[m]["shape"], False, depth)})
    )
    return st.builds(lambda event, extra: {**event, **extra}, base, st.one_of(st.just({}), one))


@cache
def member_strategy(name: str, required: bool, depth: int) -> st.SearchStrategy[Any]:
    """Values of a member. An optional list or map is absent or non-empty: proto has no empty-vs-absent
    for repeated fields, and the converter documents that an empty optional list reads as absent."""
    shape = shapes()[name]
    min_size = 0 if required else 1
    if shape["type"] == "list":
        return st.lists(member_strategy(shape["member"]["shape"], True, depth + 1), min_size=min_size, max_size=3)
    if shape["type"] == "map":
        return st.dictionaries(
            _TEXT,
            member_strategy(shape["value"]["shape"], True, depth + 1),
            min_size=min_size,
            max_size=3,
        )
    return shape_strategy(name, depth + 1)


def strict_diff(expected: Any, actual: Any, path: str = "$") -> list[str]:
    """Every difference between two boto3 values, including type differences that == hides
    (True == 1 == 1.0) and naive or shifted datetimes."""
    if isinstance(expected, dt.datetime) or isinstance(actual, dt.datetime):
        if not (isinstance(expected, dt.datetime) and isinstance(actual, dt.datetime)):
            return [f"{path}: {expected!r} != {actual!r}"]
        if actual.tzinfo is None:
            return [f"{path}: naive datetime {actual!r}"]
        return [] if expected == actual else [f"{path}: {expected.isoformat()} != {actual.isoformat()}"]
    if type(expected) is not type(actual):
        return [f"{path}: type {type(expected).__name__} != {type(actual).__name__} ({expected!r} vs {actual!r})"]
    if isinstance(expected, dict):
        problems = [f"{path}.{k}: missing" for k in expected if k not in actual]
        problems += [f"{path}.{k}: unexpected {actual[k]!r}" for k in actual if k not in expected]
        for key in expected.keys() & actual.keys():
            problems += strict_diff(expected[key], actual[key], f"{path}.{key}")
        return problems
    if isinstance(expected, list):
        if len(expected) != len(actual):
            return [f"{path}: {len(expected)} items != {len(actual)}"]
        return [
            p for i, (e, a) in enumerate(zip(expected, actual, strict=True)) for p in strict_diff(e, a, f"{path}[{i}]")
        ]
    return [] if expected == actual else [f"{path}: {expected!r} != {actual!r}"]


def to_wire_json(value: Any) -> Any:
    """The AWS JSON 1.0 wire form of a boto3 value: timestamps become epoch seconds."""
    if isinstance(value, dt.datetime):
        return round(value.timestamp(), 3)
    if isinstance(value, dict):
        return {k: to_wire_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [to_wire_json(v) for v in value]
    return value


def wire_body(value: dict[str, Any]) -> bytes:
    """A response body as AWS sends it."""
    return json.dumps(to_wire_json(value), ensure_ascii=False).encode()


def output_shapes() -> list[tuple[str, str]]:
    """(operation, output shape) for every operation of the model."""
    return [(op, spec["output"]["shape"]) for op, spec in model()["operations"].items() if "output" in spec]


def input_shapes() -> list[tuple[str, str]]:
    """(operation, input shape) for every operation of the model."""
    return [(op, spec["input"]["shape"]) for op, spec in model()["operations"].items() if "input" in spec]


def message_class(name: str) -> type[Message]:
    """The generated class of sfngrpc.stepfunctions.v1.<name>."""
    descriptor = service_pb2.DESCRIPTOR.pool.FindMessageTypeByName(f"sfngrpc.stepfunctions.v1.{name}")
    return message_factory.GetMessageClass(descriptor)
