"""Validation of every request before any AWS call: one walk over the typed request message.

The walk is compiled once per message type from two sources. The proto descriptors say what every
field is (enum values, presence, nested messages); botocore's model says what AWS allows (required
members, lengths, patterns, ranges, list sizes), found through each message's `aws_shape` option and
each field's `json_name`. On top of both, the rules AWS documents but the model does not encode:

- enums hold known values; 0 (UNSPECIFIED) only when the field is left unset;
- numbers fit their AWS type (an `integer` is 32 bits) and floats are finite;
- ARNs are whole ARNs (anchored, no control characters, white space or wildcards) of the resource
  type the member expects (`_ARN_KINDS`);
- names have no white space, brackets, wildcards, special or control characters;
- payloads are at most 256 KiB in UTF-8 bytes, and those the model documents as JSON (or as
  Amazon States Language, which is JSON) are JSON;
- lists and maps hold at most `LIST_LIMIT` items where the model sets no limit, and the items
  past a list's limit are not checked (the count refuses the request): the work is bounded.

What the model cannot say about a request type is data in `REQUEST_RULES`: the gateway's own
requests take the constraints of the AWS operation they read (`stands_for`) for fields of the same
name, plus their own ranges, durations and combinations. Violations name the field as the caller
knows it (the proto field path, e.g. `logging_configuration.destinations[0]`) and never repeat the
offending value, which may be large or secret.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import math
import re
import threading
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any, cast

from botocore.model import ServiceModel, Shape, StructureShape
from google.protobuf.descriptor import Descriptor, FieldDescriptor
from google.protobuf.message import Message
from sfngrpc.stepfunctions.v1 import annotations_pb2

from service.errors import MAX_VIOLATIONS, invalid_argument

PAYLOAD_LIMIT_BYTES = 256 * 1024
# The most items a list or map may hold where the model sets no limit (tags, tag keys, log
# destinations; AWS itself allows 50 tags a resource). Without it a request just under gRPC's 4 MiB
# could carry two million items, each checked on the event loop while every other call waits.
LIST_LIMIT = 1000
# Shapes whose `max` AWS counts in UTF-8 bytes, not characters (execution input and output).
_BYTE_LIMITED_SHAPES = {"SensitiveData"}
# Shapes that hold an execution, state machine, activity or alias name.
_NAME_SHAPES = {"Name"}
_NAME_FORBIDDEN = re.compile(r"[\s<>{}\[\]?*\"#%\\^|~`$&,;:/\x00-\x1f\x7f-\x9f]")
# Members that are this service's own (page tokens) and not checked against AWS's constraints.
_OWN_MEMBERS = {"nextToken"}
# Operations that AWS does not support for Express executions (whose ARNs say ":express:").
_STANDARD_ONLY = {"DescribeExecution": "executionArn", "GetExecutionHistory": "executionArn"}
_INT32 = (-(2**31), 2**31 - 1)
_DURATION = "google.protobuf.Duration"

# -- ARNs -----------------------------------------------------------------------------------------

_ARN_SHAPES = {"Arn", "LongArn"}
# One name inside an ARN: what AWS allows in names (see _NAME_FORBIDDEN), at least one character.
_SEG = r"[^\s<>{}\[\]?*\"#%\\^|~`$&,;:/\x00-\x1f\x7f-\x9f]+"
_STATES = r"arn:aws(?:-[a-z]+)*:states:[a-z0-9-]+:\d{12}:"
# Resource types, as regular expressions matched against the whole value, and how to say them.
_RESOURCES: dict[str, tuple[str, str]] = {
    # execution:<state machine>:<name>; a Map Run's child executions say <state machine>/<label>.
    "execution": (_STATES + rf"execution:{_SEG}(?:[:/]{_SEG})+", "execution"),
    "express": (_STATES + rf"express:{_SEG}(?:[:/]{_SEG})+", "Express execution"),
    "stateMachine": (_STATES + rf"stateMachine:{_SEG}", "state machine"),
    "stateMachineVersion": (_STATES + rf"stateMachine:{_SEG}:\d+", "state machine version"),
    # Alias names have a letter, '_', '-' or '.' (CharacterRestrictedName): never all digits.
    "stateMachineAlias": (_STATES + rf"stateMachine:{_SEG}:(?!\d+\Z){_SEG}", "state machine alias"),
    "activity": (_STATES + rf"activity:{_SEG}", "activity"),
    "mapRun": (_STATES + rf"mapRun:{_SEG}(?:[:/]{_SEG})+", "Map Run"),
    "role": (r"arn:aws(?:-[a-z]+)*:iam::\d{12}:role/[\w+=,.@/-]+", "IAM role"),
    # CloudWatch Logs wants the log group's ARN with its ':*' suffix; the only '*' any ARN may hold.
    "logGroup": (r"arn:aws(?:-[a-z]+)*:logs:[a-z0-9-]+:\d{12}:log-group:[\w./#-]+(?::\*)?", "log group"),
}
_ANY_ARN = r"arn:aws(?:-[a-z]+)*:[a-z0-9-]+:[a-z0-9-]*:(?:\d{12})?:[^\s*?\x00-\x1f\x7f-\x9f]+"
# The resource types each ARN member takes (by AWS member name). A version or an alias stands for
# its state machine wherever AWS accepts one; tags go on state machines and activities only.
_ARN_KINDS: dict[str, tuple[str, ...]] = {
    "executionArn": ("execution", "express"),
    "stateMachineArn": ("stateMachine", "stateMachineVersion", "stateMachineAlias"),
    "stateMachineVersionArn": ("stateMachineVersion",),
    "stateMachineAliasArn": ("stateMachineAlias",),
    "activityArn": ("activity",),
    "mapRunArn": ("mapRun",),
    "resourceArn": ("stateMachine", "activity"),
    "roleArn": ("role",),
    "logGroupArn": ("logGroup",),
}


def _arn_check(member: str) -> Callable[[str], str | None]:
    kinds = _ARN_KINDS.get(member)
    if kinds is None:
        pattern, what = re.compile(_ANY_ARN, re.ASCII), "an ARN (arn:partition:service:region:account:resource)"
    else:
        # ASCII: \d and \w mean what AWS means (no Arabic-Indic digits in an account id).
        pattern = re.compile("|".join(f"(?:{_RESOURCES[kind][0]})" for kind in kinds), re.ASCII)
        what = " or ".join(_RESOURCES[kind][1] for kind in kinds)
        what = f"the ARN of {'an' if what[0] in 'aeiouAEIOU' else 'a'} {what}"

    def check(value: str) -> str | None:
        # The patterns are ASCII (\s is ASCII white space there): white space, control and format
        # characters of all Unicode (U+2028, U+00A0, U+200B, U+202E, U+FEFF, ...) are refused here.
        # An ASCII value (every real ARN) needs no scan: the patterns refuse its controls and spaces.
        if not value.isascii() and (bad := next((c for c in value if unicodedata.category(c)[0] in "ZC"), None)):
            return f"must be {what}, without white space, control or format characters (found U+{ord(bad):04X})"
        # fullmatch: anchored at both ends, so no trailing newline or anything else slips through.
        return None if pattern.fullmatch(value) else f"must be {what}"

    return check


_EXPRESS = re.compile(_RESOURCES["express"][0], re.ASCII)


def is_express_execution(arn: str) -> bool:
    """Whether an ARN is an Express execution's."""
    return _EXPRESS.fullmatch(arn) is not None


# -- rules the model does not state --------------------------------------------------------------


@dataclass(frozen=True)
class RequestRules:
    """What one request type needs beyond its model shape (field names are proto field names)."""

    # The AWS operation whose input lends its constraints to fields of the same (JSON) name.
    stands_for: str | None = None
    required: tuple[str, ...] = ()
    ranges: Mapping[str, tuple[int | None, int | None]] = field(default_factory=dict)
    durations: Mapping[str, tuple[dt.timedelta, dt.timedelta]] = field(default_factory=dict)
    exactly_one: tuple[tuple[str, ...], ...] = ()
    # (field, other field, why they cannot be combined)
    not_together: tuple[tuple[str, str, str], ...] = ()
    # JSON members that the operation exists to judge: AWS's answer says what is wrong with them.
    unparsed_json: tuple[str, ...] = ()


# By message name: requests, and messages inside them. A Standard execution lasts at most a year,
# so no wait is longer.
REQUEST_RULES: dict[str, RequestRules] = {
    "ListExecutionsRequest": RequestRules(exactly_one=(("state_machine_arn", "map_run_arn"),)),
    # The model leaves both members optional; AWS refuses a tag without a key.
    "Tag": RequestRules(required=("key",)),
    "ValidateStateMachineDefinitionRequest": RequestRules(unparsed_json=("definition",)),
    "StreamExecutionHistoryRequest": RequestRules(
        stands_for="GetExecutionHistory",
        ranges={"page_size": (0, 1000), "after_event_id": (0, None)},
        not_together=(("follow", "reverse_order", "cannot be combined with reverse_order: new events come last"),),
    ),
    "WaitExecutionRequest": RequestRules(
        stands_for="DescribeExecution", durations={"max_wait": (dt.timedelta(0), dt.timedelta(days=366))}
    ),
    "WatchExecutionsRequest": RequestRules(stands_for="ListExecutions", required=("state_machine_arn",)),
}
_NO_RULES = RequestRules()

# -- checks of one value --------------------------------------------------------------------------

Check = Callable[[Any], str | None]  # a value -> what is wrong with it, or None


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")  # Python's json reads NaN and Infinity; JSON has neither


def _json_check(value: str) -> str | None:
    try:
        # parse_int=str: only validity matters, and JSON numbers have no size limit (Python's int()
        # refuses more than 4,300 digits, which made valid JSON "not JSON").
        json.loads(value, parse_constant=_reject_constant, parse_int=str)
    except RecursionError:
        return "must be JSON nested less deeply"
    except ValueError:
        return "must be JSON text" if value else "must be JSON text (leave it unset for none)"
    return None


@cache
def _pattern(raw: str) -> re.Pattern[str] | None:
    # The model writes Java-style classes; Python's re lacks \p{ASCII}.
    try:
        return re.compile(raw.replace(r"\p{ASCII}", r"\x00-\x7f" if "[" in raw else r"[\x00-\x7f]"))
    except re.error:
        return None


def _documents_json(shape: Shape) -> bool:
    """The model says the member holds JSON (its documentation says so, or names the JSON-based ASL)."""
    doc = shape.documentation or ""
    return "JSON" in doc or "Amazon States Language" in doc


def _string_check(member: str, shape: Shape | None, parse_json: bool) -> Check | None:
    if shape is None:
        return None
    meta = shape.metadata
    low, high = meta.get("min"), meta.get("max")
    byte_limited = shape.name in _BYTE_LIMITED_SHAPES
    if byte_limited:
        high = min(int(high or PAYLOAD_LIMIT_BYTES), PAYLOAD_LIMIT_BYTES)
    pattern = _pattern(meta["pattern"]) if "pattern" in meta else None
    is_name = shape.name in _NAME_SHAPES
    arn = _arn_check(member) if shape.name in _ARN_SHAPES else None
    is_json = parse_json and _documents_json(shape)

    def check(value: str) -> str | None:
        if byte_limited:
            size = len(value.encode("utf-8", errors="surrogatepass"))
            if high is not None and size > high:
                return f"must be at most {high} bytes in UTF-8 (is {size})"
        else:
            if low is not None and len(value) < low:
                return f"must be at least {low} characters" if value else "is required"
            if high is not None and len(value) > high:
                return f"must be at most {high} characters (is {len(value)})"
        if pattern is not None and not pattern.fullmatch(value):
            return f"must match {meta['pattern']}"
        if is_name and (bad := _NAME_FORBIDDEN.search(value)):
            return (
                "must not contain white space, brackets, wildcards, special or control characters "
                f"(found U+{ord(bad.group()):04X})"
            )
        if arn is not None and (problem := arn(value)):
            return problem
        if is_json:
            return _json_check(value)
        return None

    return check


def _range_text(low: float | None, high: float | None) -> str:
    if low is not None and high is not None:
        return f"must be between {low:g} and {high:g}"
    return f"must be at least {low:g}" if low is not None else f"must be at most {high:g}"


def _number_check(fd: FieldDescriptor, shape: Shape | None, own: tuple[int | None, int | None] | None) -> Check:
    low: float | None = None
    high: float | None = None
    if shape is not None:
        low, high = shape.metadata.get("min"), shape.metadata.get("max")
        if shape.type_name == "integer":  # 32 bits in AWS, int64 in the proto
            low = _INT32[0] if low is None else max(low, _INT32[0])
            high = _INT32[1] if high is None else min(high, _INT32[1])
    if own is not None:
        low, high = own
    text = _range_text(low, high) if low is not None or high is not None else ""
    floating = fd.cpp_type in (FieldDescriptor.CPPTYPE_DOUBLE, FieldDescriptor.CPPTYPE_FLOAT)

    def check(value: float) -> str | None:
        if floating and not math.isfinite(value):
            return "must be a finite number"
        if (low is not None and value < low) or (high is not None and value > high):
            return text
        return None

    return check


def _enum_check(fd: FieldDescriptor) -> Check:
    enum = fd.enum_type
    assert enum is not None
    known = frozenset(value.number for value in enum.values if value.number != 0)
    unspecified = enum.values_by_number[0].name if 0 in enum.values_by_number else f"0 of {enum.name}"

    def check(value: int) -> str | None:
        if value in known:
            return None
        if value == 0:
            return f"must not be {unspecified}: leave the field unset instead"
        return f"is not a known {enum.name} value"

    return check


def _duration_check(bounds: tuple[dt.timedelta, dt.timedelta]) -> Check:
    low, high = (bound.total_seconds() for bound in bounds)
    text = f"must be a duration between {low:g} s and {high:g} s"

    def check(value: Any) -> str | None:
        seconds, nanos = value.seconds, value.nanos
        # A valid Duration has |nanos| < 1e9 with the sign of seconds (google/protobuf/duration.proto).
        if abs(nanos) >= 1_000_000_000 or (seconds > 0 > nanos) or (seconds < 0 < nanos):
            return "is not a valid duration"
        return None if low <= seconds + nanos / 1e9 <= high else text

    return check


# -- the compiled walk ------------------------------------------------------------------------------


@dataclass
class _Field:
    """How to check one field of one message type."""

    fd: FieldDescriptor
    name: str
    required: bool
    repeated: bool
    list_shape: Shape | None = None  # the model's list, for its size limits
    map_entry: bool = False
    nested: Callable[[], _Plan] | None = None  # a message to walk into
    check: Check | None = None  # a scalar (or a duration) to judge
    explicit_presence: bool = False
    absent_when_default: bool = False


@dataclass
class _Plan:
    """Every field of one message type, and the request-wide rules."""

    fields: list[_Field]
    rules: RequestRules
    operation: str | None


class _Found:
    """The violations: the first ones in full, how many in all (a huge request cannot flood us)."""

    def __init__(self) -> None:
        self.kept: list[tuple[str, str]] = []
        self.total = 0

    def add(self, path: str, text: str) -> None:
        self.total += 1
        if len(self.kept) < MAX_VIOLATIONS:
            self.kept.append((path, text))


def _child(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


class Validator:
    """Checks every request message before anything is sent to AWS."""

    def __init__(self, model: ServiceModel, rules: Mapping[str, RequestRules] = REQUEST_RULES) -> None:
        self.model = model
        self.rules = rules
        self._plans: dict[str, _Plan] = {}
        self._lock = threading.RLock()

    def check(self, request: Message) -> None:
        """Raise INVALID_ARGUMENT with a BadRequest naming the offending fields; return if valid."""
        plan = self._plan(cast(Descriptor, request.DESCRIPTOR))
        found = _Found()
        self._walk("", request, plan, found)
        if found.total:
            raise invalid_argument(found.kept, total=found.total)
        member = _STANDARD_ONLY.get(plan.operation or "")
        if member is not None:
            for item in plan.fields:
                if item.fd.json_name == member and is_express_execution(getattr(request, item.name)):
                    raise invalid_argument(
                        [
                            (
                                item.name,
                                f"{plan.operation} does not support Express executions; "
                                "read their history from CloudWatch Logs",
                            )
                        ],
                        reason="EXPRESS_EXECUTION_NOT_SUPPORTED",
                    )

    def violations(self, request: Message) -> list[tuple[str, str]]:
        """The violations in the request (the first MAX_VIOLATIONS), empty when it is valid."""
        found = _Found()
        self._walk("", request, self._plan(cast(Descriptor, request.DESCRIPTOR)), found)
        return found.kept

    # -- compiling --------------------------------------------------------------------------------

    def _plan(self, descriptor: Descriptor) -> _Plan:
        plan = self._plans.get(descriptor.full_name)
        if plan is None:
            with self._lock:
                plan = self._plans.get(descriptor.full_name) or self._compile(descriptor)
                self._plans[descriptor.full_name] = plan
        return plan

    def _compile(self, descriptor: Descriptor) -> _Plan:
        rules = self.rules.get(descriptor.name, _NO_RULES)
        shape: Shape | None = None
        operation = rules.stands_for
        aws_shape = descriptor.GetOptions().Extensions[annotations_pb2.aws_shape]
        if aws_shape:
            shape = self.model.shape_for(aws_shape)
            name = descriptor.name.removesuffix("Request")
            if descriptor.name.endswith("Request") and name in self.model.operation_names:
                operation = name
        elif operation is not None:
            shape = self.model.operation_model(operation).input_shape
        members: Mapping[str, Shape] = {}
        required: set[str] = set()
        if isinstance(shape, StructureShape):
            members, required = shape.members, set(shape.required_members)
        fields = [self._field(fd, members, required, rules) for fd in descriptor.fields]
        return _Plan(fields, rules, operation)

    def _field(
        self, fd: FieldDescriptor, members: Mapping[str, Shape], required: set[str], rules: RequestRules
    ) -> _Field:
        member = None if fd.json_name in _OWN_MEMBERS else members.get(fd.json_name)
        repeated = fd.is_repeated
        item_shape = member.member if repeated and member is not None and member.type_name == "list" else member
        entry = _Field(
            fd=fd,
            name=fd.name,
            required=fd.json_name in required or fd.name in rules.required,
            repeated=repeated,
            list_shape=member if repeated else None,
            explicit_presence=fd.has_presence,
        )
        message_type = fd.message_type
        if message_type is not None and message_type.GetOptions().map_entry:
            entry.map_entry = True
            value_fd = message_type.fields_by_name["value"]
            value_shape = member.value if member is not None and member.type_name == "map" else None
            entry.check = self._scalar_check(value_fd, fd.json_name, value_shape, rules)
            if value_fd.message_type is not None:
                entry.nested = self._lazy(value_fd.message_type)
        elif message_type is not None:
            if message_type.full_name == _DURATION and fd.name in rules.durations:
                entry.check = _duration_check(rules.durations[fd.name])
            elif message_type.full_name != _DURATION:
                entry.nested = self._lazy(message_type)
        else:
            entry.check = self._scalar_check(fd, fd.json_name, item_shape, rules)
            # Without presence, the default value is how the caller says "not set" - except for a
            # required number or flag, whose 0 or false is a value.
            entry.absent_when_default = not fd.has_presence and not (
                entry.required and fd.type not in (FieldDescriptor.TYPE_STRING, FieldDescriptor.TYPE_ENUM)
            )
        return entry

    def _scalar_check(self, fd: FieldDescriptor, member: str, shape: Shape | None, rules: RequestRules) -> Check | None:
        if fd.enum_type is not None:
            return _enum_check(fd)
        if fd.type == FieldDescriptor.TYPE_STRING:
            return _string_check(member, shape, parse_json=fd.name not in rules.unparsed_json)
        if fd.cpp_type in (
            FieldDescriptor.CPPTYPE_INT32,
            FieldDescriptor.CPPTYPE_INT64,
            FieldDescriptor.CPPTYPE_UINT32,
            FieldDescriptor.CPPTYPE_UINT64,
            FieldDescriptor.CPPTYPE_DOUBLE,
            FieldDescriptor.CPPTYPE_FLOAT,
        ):
            return _number_check(fd, shape, rules.ranges.get(fd.name))
        return None

    def _lazy(self, descriptor: Descriptor) -> Callable[[], _Plan]:
        # Compiled on first use: recursive message types would otherwise never finish compiling.
        return lambda: self._plan(descriptor)

    # -- walking ------------------------------------------------------------------------------------

    def _walk(self, path: str, message: Message, plan: _Plan, found: _Found) -> None:
        for item in plan.fields:
            child = _child(path, item.name)
            value = getattr(message, item.name)
            if item.repeated:
                self._repeated(child, item, value, found)
                continue
            if item.explicit_presence:
                present = message.HasField(item.name)
            else:
                present = not (item.absent_when_default and value == item.fd.default_value)
            if not present:
                if item.required:
                    found.add(child, "is required")
                continue
            if item.nested is not None:
                self._walk(child, value, item.nested(), found)
            elif item.check is not None and (problem := item.check(value)):
                found.add(child, problem)
        self._combinations(path, message, plan.rules, found)

    def _repeated(self, path: str, item: _Field, values: Any, found: _Found) -> None:
        count = len(values)
        meta = item.list_shape.metadata if item.list_shape is not None else {}
        high = min(int(meta.get("max", LIST_LIMIT)), LIST_LIMIT)
        if "min" in meta and count < meta["min"]:
            found.add(path, f"must have at least {meta['min']} items")
        if count > high:
            found.add(path, f"must have at most {high} items")
        # The count alone refuses a longer list: its items past the limit are not worth checking.
        if item.map_entry:
            for key, value in itertools.islice(values.items(), high):
                child = f"{path}[{_key(key)}]"
                if item.nested is not None:
                    self._walk(child, value, item.nested(), found)
                elif item.check is not None and (problem := item.check(value)):
                    found.add(child, problem)
            return
        for index, value in enumerate(itertools.islice(values, high)):
            child = f"{path}[{index}]"
            if item.nested is not None:
                self._walk(child, value, item.nested(), found)
            elif item.check is not None and (problem := item.check(value)):
                found.add(child, problem)

    def _combinations(self, path: str, message: Message, rules: RequestRules, found: _Found) -> None:
        for names in rules.exactly_one:
            chosen = [name for name in names if _is_set(message, name)]
            if len(chosen) != 1:
                listed = " or ".join(names)
                why = "neither is set" if not chosen else "not both"
                found.add(_child(path, names[0]), f"exactly one of {listed} is required ({why})")
        for name, other, why in rules.not_together:
            if _is_set(message, name) and _is_set(message, other):
                found.add(_child(path, name), why)


def _is_set(message: Message, name: str) -> bool:
    fd = cast(Descriptor, message.DESCRIPTOR).fields_by_name[name]
    if fd.has_presence:
        return message.HasField(name)
    return bool(getattr(message, name) != fd.default_value)


def _key(key: Any) -> str:
    """A map key in a field path: quoted, and short (a key may be as long as the caller likes)."""
    text = str(key)
    return json.dumps(text if len(text) <= 32 else text[:32] + "…", ensure_ascii=True)
