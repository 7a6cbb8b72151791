"""Write the protobuf API as .proto text: one file per area, the options file and the service."""

from __future__ import annotations

from codegen.model import (
    ANNOTATIONS_FILE,
    AREA_FILES,
    GATEWAY_FILE,
    GENERATED_MARK,
    HISTORY_EVENT,
    HISTORY_ONEOF,
    PACKAGE,
    PROTO_DIR,
    SERVICE_FILE,
    ApiDef,
    EnumDef,
    FieldDef,
    MessageDef,
    RpcDef,
    file_options,
    unspecified_name,
)
from codegen.numbering import Assigned

_ANNOTATIONS_BODY = """\
import "google/protobuf/descriptor.proto";

// Options that tie the generated messages to the AWS Step Functions service model. The gateway's
// converter reads them from the descriptors, so it needs no second copy of the model, and clients in
// any language can use them to speak the AWS wire form.

extend google.protobuf.MessageOptions {
  // The botocore model shape this message was generated from, e.g. "DescribeExecutionInput".
  string aws_shape = 51000;
  // The message only wraps a list (one field, `repeated ... values = 1`) because proto cannot put a
  // repeated field inside a map value or a list. In AWS's JSON the wrapper is absent: the map's value
  // is the list itself.
  bool aws_list_wrapper = 51001;
}

extend google.protobuf.FieldOptions {
  // AWS marks this member required: in a response it is always present, in a request it must be set.
  bool aws_required = 51000;
}

extend google.protobuf.EnumValueOptions {
  // The value as AWS spells it on the wire, e.g. "ExecutionStarted" for
  // HISTORY_EVENT_TYPE_EXECUTION_STARTED.
  string aws_value = 51000;
}
"""


def _comment(lines: list[str], indent: str) -> list[str]:
    return [f"{indent}//{' ' + line if line else ''}" for line in lines]


def _reserved(indent: str, numbers: list[int], names: list[str]) -> list[str]:
    out = []
    if numbers:
        out.append(f"{indent}reserved {', '.join(str(n) for n in numbers)};")
    if names:
        quoted = ", ".join('"' + name + '"' for name in names)
        out.append(f"{indent}reserved {quoted};")
    return out


def _field_line(msg: MessageDef, fdef: FieldDef, number: int, indent: str) -> str:
    # Explicit even where protoc would derive the same name: protoc records json_name in a
    # descriptor only when the .proto sets it, and tools that read descriptors (reflection, grpcurl)
    # print the snake_case field name for a field whose descriptor lacks it.
    options = [f'json_name = "{fdef.json_name}"']
    if fdef.required:
        options.append("(aws_required) = true")
    label = "repeated " if fdef.repeated else "optional " if fdef.optional else ""
    suffix = f" [{', '.join(options)}]" if options else ""
    return f"{indent}{label}{fdef.type} {fdef.name} = {number}{suffix};"


def _message(msg: MessageDef, numbers: Assigned) -> list[str]:
    out = [*_comment(msg.doc, ""), f"message {msg.name} {{"]
    if msg.shape:
        out.append(f'  option (aws_shape) = "{msg.shape}";')
    if msg.list_wrapper:
        out.append("  option (aws_list_wrapper) = true;")
    oneof_open = False
    oneof_members = [f for f in msg.fields if f.in_oneof]
    for fdef in msg.fields:
        number = numbers.fields[(msg.name, fdef.name)]
        if fdef.in_oneof and not oneof_open:
            oneof_open = True
            out.append("")
            out += _comment(
                [
                    "The event's details: at most one member is set, the one that matches `type` (some",
                    "event types carry no details).",
                ],
                "  ",
            )
            out.append(f"  oneof {HISTORY_ONEOF} {{")
            for j, member in enumerate(oneof_members):
                if j:
                    out.append("")
                out += _comment(member.doc, "    ")
                out.append(_field_line(msg, member, numbers.fields[(msg.name, member.name)], "    "))
            out.append("  }")
        if fdef.in_oneof:
            continue
        out.append("")
        out += _comment(fdef.doc, "  ")
        out.append(_field_line(msg, fdef, number, "  "))
    reserved_numbers, reserved_names = numbers.reserved.get(msg.name, ([], []))
    if reserved_numbers or reserved_names:
        out.append("")
        out += _comment(["Members that AWS removed from the model; never reuse them."], "  ")
        out += _reserved("  ", reserved_numbers, reserved_names)
    out.append("}")
    return out


def _enum(enum: EnumDef, numbers: Assigned) -> list[str]:
    out = [*_comment(enum.doc or [f"The values of the model's {enum.shape}."], ""), f"enum {enum.name} {{"]
    unspecified = unspecified_name(enum.name)
    out += _comment(["Not set, or a value this version of the API does not know yet."], "  ")
    out.append(f"  {unspecified} = 0;")
    for name, aws in enum.values:
        out.append(f'  {name} = {numbers.enum_values[(enum.name, name)]} [(aws_value) = "{aws}"];')
    reserved_numbers, reserved_names = numbers.reserved.get(enum.name, ([], []))
    out += _reserved("  ", reserved_numbers, reserved_names)
    out.append("}")
    return out


def _header(file: str, version: str, api_version: str, doc: list[str]) -> list[str]:
    options = [f"option {name} = {value};" for name, value in file_options(file)]
    return [
        f"{GENERATED_MARK} (python -m codegen) from botocore {version},",
        f"// Step Functions API version {api_version}. DO NOT EDIT: change the generator instead.",
        "",
        *(doc and [*_comment(doc, ""), ""]),
        'syntax = "proto3";',
        "",
        f"package {PACKAGE};",
        "",
        *options,
        "",
    ]


def _imports(paths: set[str]) -> list[str]:
    return [*(f'import "{p}";' for p in sorted(paths)), ""] if paths else []


def _uses(api: ApiDef, file: str) -> set[str]:
    """The files a file must import: the files that define the types its fields use."""
    where = {m.name: m.file for m in api.messages.values()} | {e.name: e.file for e in api.enums.values()}
    needed = set()
    for msg in api.messages.values():
        if msg.file != file:
            continue
        needed.add(f"{PROTO_DIR}/{ANNOTATIONS_FILE}")
        for fdef in msg.fields:
            for type_name in fdef.type.removeprefix("map<").removesuffix(">").split(", "):
                if type_name == "google.protobuf.Timestamp":
                    needed.add("google/protobuf/timestamp.proto")
                elif type_name in where and where[type_name] != file:
                    needed.add(f"{PROTO_DIR}/{where[type_name]}")
    if any(e.file == file for e in api.enums.values()):
        needed.add(f"{PROTO_DIR}/{ANNOTATIONS_FILE}")
    return needed


_FILE_DOCS = {
    "activities.proto": "Activities: create, describe, list and delete them; workers get tasks and report back.",
    "executions.proto": "Executions: start, stop, redrive, describe and list them.",
    "history.proto": (
        "Execution history: GetExecutionHistory and its HistoryEvent, with one details member per event type."
    ),
    "map_runs.proto": "Map Runs of Distributed Map states: describe, list and update them.",
    "state_machines.proto": "State machines, their versions and aliases; validating definitions and testing states.",
    "tags.proto": "Tags on state machines and activities.",
    "errors.proto": "The errors of the model: each one's members as AWS returns them in an error body.",
    "common.proto": "Shapes used by more than one area.",
}


def render(api: ApiDef, numbers: Assigned, botocore_version: str, gateway: list[RpcDef]) -> dict[str, str]:
    """Return {path under proto root: text} for every generated file.

    `gateway` are the gateway's own RPCs (see model.gateway_rpcs), declared after the AWS operations.
    """
    files: dict[str, str] = {}
    rpc_order = {name: i for i, r in enumerate(api.rpcs) for name in (r.request, r.response)}
    for file in AREA_FILES.values():
        msgs = [m for m in api.messages.values() if m.file == file]
        enums = [e for e in api.enums.values() if e.file == file]
        if not msgs and not enums:
            continue
        # Requests and responses first, in operation order; then HistoryEvent; then the rest by name.
        msgs.sort(key=lambda m: (m.name not in rpc_order, rpc_order.get(m.name, 0), m.name != HISTORY_EVENT, m.name))
        enums.sort(key=lambda e: e.name)
        lines = _header(file, botocore_version, api.api_version, [_FILE_DOCS[file]])
        lines += _imports(_uses(api, file))
        for msg in msgs:
            lines += [*_message(msg, numbers), ""]
        for enum in enums:
            lines += [*_enum(enum, numbers), ""]
        files[f"{PROTO_DIR}/{file}"] = "\n".join(lines).rstrip() + "\n"
    files[f"{PROTO_DIR}/{ANNOTATIONS_FILE}"] = (
        "\n".join(
            _header(
                ANNOTATIONS_FILE,
                botocore_version,
                api.api_version,
                ["Options that link the API to the AWS service model."],
            )
        )
        + _ANNOTATIONS_BODY
    )
    service = _header(SERVICE_FILE, botocore_version, api.api_version, [])
    imports = {f"{PROTO_DIR}/{m.file}" for m in api.messages.values() if m.name in rpc_order}
    service += _imports(imports | {f"{PROTO_DIR}/{GATEWAY_FILE}"})
    service += _comment(api.service_doc, "")
    service += _comment(
        [
            "",
            "sfn-grpc serves every operation of the Step Functions API as a unary RPC of the same name,",
            "and, after them, RPCs of its own (gateway.proto).",
        ],
        "",
    )
    service.append("service StepFunctionsService {")
    for i, rpc in enumerate([*api.rpcs, *gateway]):
        if i:
            service.append("")
        service += _comment(rpc.doc, "  ")
        returns = f"stream {rpc.response}" if rpc.server_streaming else rpc.response
        service.append(f"  rpc {rpc.name}({rpc.request}) returns ({returns});")
    service.append("}")
    files[f"{PROTO_DIR}/{SERVICE_FILE}"] = "\n".join(service) + "\n"
    return files
