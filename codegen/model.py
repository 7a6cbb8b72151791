"""A protobuf view of botocore's Step Functions service model: names, types, files and docs.

Everything the proto files say is decided here from the model's data, so that a new botocore release
is one `make generate` away: which message or enum each shape becomes, which file holds it, what each
member's field is called and typed, and what the comments say.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import botocore
import botocore.loaders
from botocore import xform_name

from codegen.html_text import html_to_lines

SERVICE = "stepfunctions"
PACKAGE = "stepfunctions.v1"
PROTO_DIR = "stepfunctions/v1"
HISTORY_EVENT = "HistoryEvent"
HISTORY_ONEOF = "details"

# Proto files that hold messages, in the order their contents are listed in docs. "common" holds the
# shapes that more than one area uses; imports only ever point from an area to common, never back,
# so the import graph cannot have cycles.
AREA_FILES = {
    "activities": "activities.proto",
    "executions": "executions.proto",
    "history": "history.proto",
    "map_runs": "map_runs.proto",
    "state_machines": "state_machines.proto",
    "tags": "tags.proto",
    "errors": "errors.proto",
    "common": "common.proto",
}
ANNOTATIONS_FILE = "annotations.proto"
SERVICE_FILE = "service.proto"
# The gateway's own RPCs, beyond AWS's operations. Their messages are written by hand in
# GATEWAY_FILE; service.proto declares them after the AWS operations.
GATEWAY_FILE = "gateway.proto"

_SCALARS = {
    "string": "string",
    "integer": "int64",
    "long": "int64",
    "boolean": "bool",
    "float": "double",
    "double": "double",
    "blob": "bytes",
    "timestamp": "google.protobuf.Timestamp",
}


def load_service_model() -> dict[str, Any]:
    """Return the raw service-2 JSON of Step Functions as installed with botocore (docs included)."""
    loader = botocore.loaders.create_loader()
    model: dict[str, Any] = loader.load_service_model(SERVICE, "service-2")
    return model


def botocore_version() -> str:
    """The installed botocore version, recorded in every generated file."""
    return str(botocore.__version__)


def area_of_operation(operation: str) -> str:
    """The proto file area of an operation, by the words in its name (new operations land somewhere)."""
    if "MapRun" in operation:
        return "map_runs"
    if "History" in operation:
        return "history"
    if "Activity" in operation or operation.startswith("SendTask"):
        return "activities"
    if "Tag" in operation:
        return "tags"
    if "Execution" in operation:
        return "executions"
    return "state_machines"


def field_name(member: str) -> str:
    """The proto field name of an AWS member: botocore's own snake_case rule."""
    return str(xform_name(member))


def enum_prefix(enum_shape: str) -> str:
    """UPPER_SNAKE prefix of an enum's values, e.g. HistoryEventType -> HISTORY_EVENT_TYPE."""
    return field_name(enum_shape).upper()


def enum_value_name(enum_shape: str, value: str) -> str:
    """`<ENUM>_<VALUE>` in UPPER_SNAKE, e.g. (HistoryEventType, MapRunStarted) -> ..._MAP_RUN_STARTED."""
    snake = re.sub(r"[^A-Za-z0-9]+", "_", str(xform_name(value))).strip("_").upper()
    return f"{enum_prefix(enum_shape)}_{snake}"


def unspecified_name(enum_shape: str) -> str:
    """The zero value of an enum, e.g. EXECUTION_STATUS_UNSPECIFIED."""
    return f"{enum_prefix(enum_shape)}_UNSPECIFIED"


def json_default_name(proto_field: str) -> str:
    """Protoc's default json_name for a field (lowerCamelCase of the snake_case name)."""
    parts = proto_field.split("_")
    return parts[0] + "".join(p[:1].upper() + p[1:] for p in parts[1:])


def map_entry_name(proto_field: str) -> str:
    """The name protoc gives the hidden entry message of a map field."""
    return "".join(p[:1].upper() + p[1:] for p in proto_field.split("_")) + "Entry"


@dataclass
class FieldDef:
    """One proto field of a message, from one member of a structure shape."""

    name: str
    member: str
    type: str  # proto type as written (scalar, message or enum name, or "map<k, v>")
    repeated: bool = False
    optional: bool = False  # proto3 `optional`: presence for scalars AWS may leave out
    required: bool = False
    in_oneof: bool = False
    doc: list[str] = field(default_factory=list)

    @property
    def signature(self) -> tuple[bool, str]:
        """What must not change under a released field number: cardinality and type name."""
        if self.type.startswith("map<"):
            return True, map_entry_name(self.name)
        return self.repeated, self.type.rsplit(".", 1)[-1]


@dataclass
class MessageDef:
    """A proto message made from a structure shape, or a wrapper made from a nested list shape."""

    name: str
    shape: str
    file: str
    fields: list[FieldDef]
    doc: list[str]
    list_wrapper: bool = False


@dataclass
class EnumDef:
    """A proto enum made from a string shape with an `enum` trait."""

    name: str
    shape: str
    file: str
    values: list[tuple[str, str]]  # (proto value name, AWS value)
    doc: list[str]


@dataclass
class RpcDef:
    """One RPC: a unary one per AWS operation, or one of the gateway's own."""

    name: str
    request: str
    response: str
    doc: list[str]
    server_streaming: bool = False


GATEWAY_RPCS = (
    RpcDef(
        "StreamExecutionHistory",
        "StreamExecutionHistoryRequest",
        "StreamExecutionHistoryResponse",
        [
            "Streams every event of an execution's history, in order, exactly once: pages are fetched",
            "ahead (never more than one page ahead of the caller) and split to fit the configured message",
            "size. Resumes after a given event id, and with `follow` keeps the stream open while the",
            "execution runs, ending after its terminal event. Histories that can no longer change are",
            "served from a cache.",
        ],
        server_streaming=True,
    ),
    RpcDef(
        "WaitExecution",
        "WaitExecutionRequest",
        "WaitExecutionResponse",
        [
            "Waits until an execution reaches a terminal status (or the wait or the caller's deadline",
            "ends) and returns what DescribeExecution returns: the polling loop callers of Standard",
            "workflows would otherwise write.",
        ],
    ),
    RpcDef(
        "WatchExecutions",
        "WatchExecutionsRequest",
        "WatchExecutionsResponse",
        [
            "Streams the executions of a state machine and their changes (new executions, status",
            "transitions) by polling ListExecutions; resumable on any replica with a cursor.",
        ],
        server_streaming=True,
    ),
)


@dataclass
class ApiDef:
    """The whole protobuf view of the model."""

    messages: dict[str, MessageDef]
    enums: dict[str, EnumDef]
    rpcs: list[RpcDef]
    service_doc: list[str]
    api_version: str


def _constraint_doc(shape: dict[str, Any], required: bool) -> str:
    """One line listing the model's constraints on a member, for the field's comment."""
    notes = []
    if required:
        notes.append("Required.")
    kind = shape["type"]
    lo, hi = shape.get("min"), shape.get("max")
    if lo is not None or hi is not None:
        what = {"string": "Length", "list": "Items", "map": "Entries", "blob": "Bytes"}.get(kind, "Range")
        if kind == "string":
            what = "Length (characters)"
        notes.append(f"{what}: {lo if lo is not None else 0} to {hi if hi is not None else 'any'}.")
    if "pattern" in shape:
        notes.append(f"Pattern: {shape['pattern']}")
    if shape.get("sensitive"):
        notes.append("Sensitive: never logged.")
    return " ".join(notes)


class _Builder:
    def __init__(self, model: dict[str, Any]) -> None:
        self.model = model
        self.shapes: dict[str, dict[str, Any]] = model["shapes"]
        self.top_names: dict[str, str] = {}
        for op_name, op in model["operations"].items():
            if "input" in op:
                self.top_names[op["input"]["shape"]] = f"{op_name}Request"
            if "output" in op:
                self.top_names[op["output"]["shape"]] = f"{op_name}Response"
        self.files = self._place_shapes()

    # -- placement ---------------------------------------------------------------------------------
    def _children(self, name: str) -> list[str]:
        shape = self.shapes[name]
        kind = shape["type"]
        if kind == "structure":
            return [m["shape"] for m in shape.get("members", {}).values()]
        if kind == "list":
            return [shape["member"]["shape"]]
        if kind == "map":
            return [shape["key"]["shape"], shape["value"]["shape"]]
        return []

    def _place_shapes(self) -> dict[str, str]:
        """Map every shape that becomes a definition to its file (see AREA_FILES)."""
        areas: dict[str, set[str]] = {}

        def visit(name: str, area: str) -> None:
            seen = areas.setdefault(name, set())
            if area in seen:
                return
            seen.add(area)
            for child in self._children(name):
                visit(child, area)

        for op_name, op in self.model["operations"].items():
            area = area_of_operation(op_name)
            for key in ("input", "output"):
                if key in op:
                    visit(op[key]["shape"], area)
        for name, shape in self.shapes.items():
            if shape.get("exception"):
                visit(name, "errors")
        for name in self.shapes:  # shapes no operation reaches still become definitions
            if name not in areas:
                visit(name, "common")
        return {
            name: AREA_FILES[next(iter(found))] if len(found) == 1 else AREA_FILES["common"]
            for name, found in areas.items()
        }

    # -- types ---------------------------------------------------------------------------------
    def message_name(self, shape_name: str) -> str:
        return self.top_names.get(shape_name, shape_name)

    def _element_type(self, shape_name: str) -> str:
        """Proto type of a list element or map value; nested lists become wrapper messages."""
        shape = self.shapes[shape_name]
        if shape["type"] == "list":
            return shape_name  # wrapper message, see _wrapper
        if shape["type"] == "map":
            raise NotImplementedError(f"a map inside a list or map ({shape_name}) has no proto form yet")
        return self.scalar_or_named(shape_name)

    def scalar_or_named(self, shape_name: str) -> str:
        shape = self.shapes[shape_name]
        kind = shape["type"]
        if kind == "structure":
            return self.message_name(shape_name)
        if kind == "string" and "enum" in shape:
            return shape_name
        if kind in _SCALARS:
            return _SCALARS[kind]
        raise NotImplementedError(f"shape {shape_name} of type {kind} has no proto mapping yet")

    def field(self, struct: str, member: str, spec: dict[str, Any], required: bool) -> FieldDef:
        target_name = spec["shape"]
        target = self.shapes[target_name]
        kind = target["type"]
        doc = html_to_lines(spec.get("documentation") or target.get("documentation", ""))
        constraints = _constraint_doc(target, required)
        if constraints:
            doc = [*doc, *([""] if doc else []), constraints]
        fdef = FieldDef(name=field_name(member), member=member, type="", required=required, doc=doc)
        if kind == "list":
            fdef.type = self._element_type(target["member"]["shape"])
            fdef.repeated = True
        elif kind == "map":
            key = self.scalar_or_named(target["key"]["shape"])
            fdef.type = f"map<{key}, {self._element_type(target['value']['shape'])}>"
        else:
            fdef.type = self.scalar_or_named(target_name)
            is_message = kind in ("structure", "timestamp")
            fdef.optional = not required and not is_message
        if struct == HISTORY_EVENT and member.endswith("EventDetails"):
            fdef.in_oneof = True
            fdef.optional = False
        return fdef

    def _wrapped_lists(self) -> set[str]:
        """List shapes used as list elements or map values: they need a wrapper message."""
        wrapped = set()
        for shape in self.shapes.values():
            inner = None
            if shape["type"] == "list":
                inner = shape["member"]["shape"]
            elif shape["type"] == "map":
                inner = shape["value"]["shape"]
            if inner and self.shapes[inner]["type"] == "list":
                wrapped.add(inner)
        return wrapped

    def _wrapper(self, list_shape: str) -> MessageDef:
        shape = self.shapes[list_shape]
        element = self._element_type(shape["member"]["shape"])
        doc = html_to_lines(
            shape.get("documentation")
            or f"A list of {element} values; wraps the model's {list_shape} where proto cannot nest "
            "a repeated field (a map value or list element). The converter hides the wrapper."
        )
        values = FieldDef(name="values", member="", type=element, repeated=True, doc=["The list's items."])
        return MessageDef(list_shape, list_shape, self.files[list_shape], [values], doc, list_wrapper=True)

    def build(self) -> ApiDef:
        messages: dict[str, MessageDef] = {}
        enums: dict[str, EnumDef] = {}
        for name, shape in self.shapes.items():
            if shape["type"] == "structure":
                required = set(shape.get("required", []))
                fields = [
                    self.field(name, member, spec, member in required)
                    for member, spec in shape.get("members", {}).items()
                ]
                msg_name = self.message_name(name)
                doc = html_to_lines(shape.get("documentation", ""))
                if name in self.top_names:
                    op, kind = (
                        (msg_name[: -len("Request")], "Request")
                        if msg_name.endswith("Request")
                        else (
                            msg_name[: -len("Response")],
                            "Response",
                        )
                    )
                    doc = [f"{kind} of {op} (model shape {name}).", *([""] if doc else []), *doc]
                messages[msg_name] = MessageDef(msg_name, name, self.files[name], fields, doc)
            elif shape["type"] == "string" and "enum" in shape:
                values = [(enum_value_name(name, v), v) for v in shape["enum"]]
                if len({v for v, _ in values}) != len(values):
                    raise ValueError(f"enum {name} has values that collide in UPPER_SNAKE form")
                doc = html_to_lines(shape.get("documentation", ""))
                enums[name] = EnumDef(name, name, self.files[name], values, doc)
        for list_shape in sorted(self._wrapped_lists()):
            messages[list_shape] = self._wrapper(list_shape)
        rpcs = []
        for op_name, op in self.model["operations"].items():
            rpcs.append(
                RpcDef(
                    name=op_name,
                    request=f"{op_name}Request",
                    response=f"{op_name}Response",
                    doc=html_to_lines(op.get("documentation", "")),
                )
            )
            # An operation without an input or output shape still gets its own empty message.
            for key, suffix in (("input", "Request"), ("output", "Response")):
                if key not in op:
                    msg = f"{op_name}{suffix}"
                    file = AREA_FILES[area_of_operation(op_name)]
                    messages[msg] = MessageDef(msg, "", file, [], [f"{suffix} of {op_name}; empty."])
        return ApiDef(
            messages=messages,
            enums=enums,
            rpcs=rpcs,
            service_doc=html_to_lines(self.model.get("documentation", "")),
            api_version=self.model["metadata"]["apiVersion"],
        )


def build_api(model: dict[str, Any]) -> ApiDef:
    """Decide every message, enum, field and RPC of the proto API from the service model."""
    return _Builder(model).build()
