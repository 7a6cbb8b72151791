"""The proto API covers the whole installed Step Functions model. These tests walk the model, so
they fail by themselves when a botocore release adds something that `make generate` has not seen."""

from __future__ import annotations

import importlib
import pkgutil

import pytest
from botocore import xform_name
from google.protobuf.descriptor import Descriptor, FieldDescriptor, FileDescriptor
from sfngrpc.stepfunctions.v1 import annotations_pb2, history_pb2, service_pb2

from tests.model_data import model, shapes

SERVICE = service_pb2.DESCRIPTOR.services_by_name["StepFunctionsService"]
POOL = service_pb2.DESCRIPTOR.pool


def _files() -> list[FileDescriptor]:
    """Every generated file of the package, including those no RPC imports (errors.proto)."""
    import sfngrpc.stepfunctions.v1

    modules = [m.name for m in pkgutil.iter_modules(sfngrpc.stepfunctions.v1.__path__) if m.name.endswith("_pb2")]
    return [importlib.import_module(f"sfngrpc.stepfunctions.v1.{m}").DESCRIPTOR for m in sorted(modules)]


def messages_by_shape() -> dict[str, Descriptor]:
    found: dict[str, Descriptor] = {}
    for file in _files():
        for message in file.message_types_by_name.values():
            shape = message.GetOptions().Extensions[annotations_pb2.aws_shape]
            if shape:
                found[shape] = message
    return found


BY_SHAPE = messages_by_shape()
STRUCTURES = sorted(n for n, s in shapes().items() if s["type"] == "structure")
ENUMS = sorted(n for n, s in shapes().items() if "enum" in s)


def test_every_operation_is_a_unary_rpc_with_its_own_messages() -> None:
    operations = model()["operations"]
    assert len(operations) >= 37
    assert set(SERVICE.methods_by_name) >= set(operations)
    for name, spec in operations.items():
        method = SERVICE.methods_by_name[name]
        assert not method.client_streaming
        assert not method.server_streaming
        assert method.input_type.name == f"{name}Request"
        assert method.output_type.name == f"{name}Response"
        if "input" in spec:
            assert BY_SHAPE[spec["input"]["shape"]] is method.input_type
        if "output" in spec:
            assert BY_SHAPE[spec["output"]["shape"]] is method.output_type


def _expected_kind(target: str) -> tuple[bool, str]:
    """(repeated, what the field's type must be) for a member targeting the shape."""
    shape = shapes()[target]
    kind = shape["type"]
    if kind == "list":
        inner = shapes()[shape["member"]["shape"]]
        return True, "wrapper" if inner["type"] == "list" else _expected_kind(shape["member"]["shape"])[1]
    if kind == "map":
        return True, "map"
    if kind == "structure":
        return False, f"message:{target}"
    if kind == "string":
        return False, f"enum:{target}" if "enum" in shape else "string"
    if kind == "timestamp":
        return False, "timestamp"
    return False, {
        "integer": "int64",
        "long": "int64",
        "boolean": "bool",
        "float": "double",
        "double": "double",
        "blob": "bytes",
    }[kind]


def _actual_kind(fd: FieldDescriptor) -> tuple[bool, str]:
    if fd.message_type is not None and fd.message_type.GetOptions().map_entry:
        return True, "map"
    if fd.message_type is not None:
        if fd.message_type.full_name == "google.protobuf.Timestamp":
            return fd.is_repeated, "timestamp"
        if fd.message_type.GetOptions().Extensions[annotations_pb2.aws_list_wrapper]:
            return fd.is_repeated, "wrapper"
        return fd.is_repeated, "message:" + fd.message_type.GetOptions().Extensions[annotations_pb2.aws_shape]
    if fd.enum_type is not None:
        return fd.is_repeated, f"enum:{fd.enum_type.name}"
    names = {
        FieldDescriptor.TYPE_STRING: "string",
        FieldDescriptor.TYPE_INT64: "int64",
        FieldDescriptor.TYPE_BOOL: "bool",
        FieldDescriptor.TYPE_DOUBLE: "double",
        FieldDescriptor.TYPE_BYTES: "bytes",
    }
    return fd.is_repeated, names[fd.type]


@pytest.mark.parametrize("shape", STRUCTURES)
def test_every_member_of_every_shape_has_its_field(shape: str) -> None:
    message = BY_SHAPE[shape]
    spec = shapes()[shape]
    required = set(spec.get("required", []))
    for member, target in spec.get("members", {}).items():
        fd = message.fields_by_name[xform_name(member)]
        assert fd.json_name == member
        assert _actual_kind(fd) == _expected_kind(target["shape"]), f"{shape}.{member}"
        assert fd.GetOptions().Extensions[annotations_pb2.aws_required] == (member in required)
        scalar = fd.message_type is None and not fd.is_repeated
        if scalar:  # optional scalars have presence, so absent and zero differ
            assert fd.has_presence == (member not in required), f"{shape}.{member}"
    assert len(message.fields) == len(spec.get("members", {}))


@pytest.mark.parametrize("enum", ENUMS)
def test_every_enum_value_is_there(enum: str) -> None:
    descriptor = POOL.FindEnumTypeByName(f"sfngrpc.stepfunctions.v1.{enum}")
    prefix = xform_name(enum).upper()
    assert descriptor.values_by_number[0].name == f"{prefix}_UNSPECIFIED"
    by_aws = {v.GetOptions().Extensions[annotations_pb2.aws_value]: v for v in descriptor.values}
    for value in shapes()[enum]["enum"]:
        assert by_aws[value].name.startswith(prefix + "_")


def test_every_history_event_type_and_details_member() -> None:
    types = shapes()["HistoryEventType"]["enum"]
    assert len(types) >= 62
    for value in types:
        assert hasattr(history_pb2, f"HISTORY_EVENT_TYPE_{xform_name(value).upper()}"), value
    oneof = history_pb2.HistoryEvent.DESCRIPTOR.oneofs_by_name["details"]
    members = [m for m in shapes()["HistoryEvent"]["members"] if m.endswith("EventDetails")]
    assert len(members) >= 37
    assert sorted(f.json_name for f in oneof.fields) == sorted(members)
    others = [f.name for f in history_pb2.HistoryEvent.DESCRIPTOR.fields if f.containing_oneof is not oneof]
    assert others == ["timestamp", "type", "id", "previous_event_id"]


@pytest.mark.parametrize(
    ("message", "field", "json_name"),
    [
        ("DescribeExecutionRequest", "execution_arn", "executionArn"),
        ("GetExecutionHistoryRequest", "include_execution_data", "includeExecutionData"),
        ("GetExecutionHistoryRequest", "next_token", "nextToken"),
        ("BillingDetails", "billed_memory_used_in_mb", "billedMemoryUsedInMB"),
    ],
)
def test_contract_names(message: str, field: str, json_name: str) -> None:
    assert (
        POOL.FindMessageTypeByName(f"sfngrpc.stepfunctions.v1.{message}").fields_by_name[field].json_name == json_name
    )


def test_contract_enum_names() -> None:
    assert history_pb2.HISTORY_EVENT_TYPE_MAP_RUN_STARTED
    assert history_pb2.HISTORY_EVENT_TYPE_EXECUTION_STARTED
    assert POOL.FindEnumTypeByName("sfngrpc.stepfunctions.v1.ExecutionStatus").values_by_name[
        "EXECUTION_STATUS_RUNNING"
    ]
