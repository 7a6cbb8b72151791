"""One model-driven converter between boto3's dicts and the sfngrpc.stepfunctions.v1 messages, both ways.

Everything it needs is in the message descriptors: a field's `json_name` is the AWS member name,
the `aws_value` option spells each enum value as AWS does, `aws_list_wrapper` marks the wrapper
messages that stand in for lists nested in maps, and `aws_required` says which members AWS always
sends. From those, a plan is compiled once per message type and then reused for every call.

Inbound (`to_message`) accepts both boto3's parsed dicts (timestamps are `datetime`) and AWS's
wire JSON as parsed by `json.loads` (timestamps are epoch seconds), so hot paths may skip botocore's
parser. It builds a tree of plain dicts and lists and makes the message with one constructor call,
which with the upb runtime is much cheaper than setting fields one at a time.

Outbound (`to_dict`) walks only the fields that are set (`ListFields`) and returns what boto3
would: timezone-aware UTC datetimes, AWS enum spellings, lists and dicts. Members that AWS always
sends (required) are always present; optional scalars are present exactly when set; an optional
list or map that is empty is left out, because proto cannot tell an empty list from an absent one.
"""

from __future__ import annotations

import base64
import datetime as dt
import logging
import math
import threading
from collections.abc import Callable, Mapping
from typing import Any, TypeVar, cast

from botocore.utils import parse_timestamp
from google.protobuf.descriptor import Descriptor, EnumDescriptor, FieldDescriptor
from google.protobuf.message import Message
from sfngrpc.stepfunctions.v1 import annotations_pb2

log = logging.getLogger(__name__)

M = TypeVar("M", bound=Message)
Convert = Callable[[Any], Any]

_UTC = dt.UTC
_EPOCH = dt.datetime(1970, 1, 1, tzinfo=_UTC)
_TIMESTAMP = "google.protobuf.Timestamp"
_SCALAR_DEFAULTS: dict[int, Any] = {
    FieldDescriptor.TYPE_STRING: "",
    FieldDescriptor.TYPE_BYTES: b"",
    FieldDescriptor.TYPE_BOOL: False,
    FieldDescriptor.TYPE_INT64: 0,
    FieldDescriptor.TYPE_INT32: 0,
    FieldDescriptor.TYPE_DOUBLE: 0.0,
    FieldDescriptor.TYPE_FLOAT: 0.0,
}


class ConversionError(ValueError):
    """A value does not fit the message it is meant for (wrong type, out of range, bad UTF-8)."""


# -- timestamps ---------------------------------------------------------------------------------


def _timestamp_in(value: Any) -> dict[str, int]:
    """A Timestamp initializer from a datetime, epoch seconds (wire JSON) or an ISO 8601 string."""
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:  # botocore never does this; a naive time is taken as UTC
            value = value.replace(tzinfo=_UTC)
        delta = value - _EPOCH
        micros = (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds
    elif isinstance(value, int | float) and not isinstance(value, bool):
        # Epoch seconds with fractional milliseconds. Split off the whole seconds first (exact in
        # float64) and round only the fraction to the microsecond, as datetime.fromtimestamp and so
        # botocore do: multiplying the whole value by 10**6 would lose the last microsecond.
        whole = math.floor(value)
        micros = whole * 1_000_000 + round((value - whole) * 1_000_000)
    elif isinstance(value, str):
        return _timestamp_in(parse_timestamp(value))
    else:
        raise ConversionError(f"not a timestamp: {value!r}")
    seconds, micros = divmod(micros, 1_000_000)
    return {"seconds": seconds, "nanos": micros * 1000}


def _timestamp_out(value: Any) -> dt.datetime:
    return _EPOCH + dt.timedelta(seconds=value.seconds, microseconds=value.nanos // 1000)


def _blob_in(value: Any) -> bytes:
    # Wire JSON carries blobs base64-encoded; boto3 hands us bytes.
    return base64.b64decode(value) if isinstance(value, str) else bytes(value)


# -- enums ------------------------------------------------------------------------------------

_unknown_enum_logged: set[tuple[str, str]] = set()


class _EnumTable:
    """AWS spellings <-> numbers of one enum, read from the `aws_value` options."""

    def __init__(self, enum: EnumDescriptor) -> None:
        self.name = enum.full_name
        self.by_aws: dict[str, int] = {}
        self.by_number: dict[int, str] = {}
        for value in enum.values:
            aws = value.GetOptions().Extensions[annotations_pb2.aws_value]
            if aws:
                self.by_aws[aws] = value.number
                self.by_number[value.number] = aws

    def inbound(self, value: Any) -> int:
        number = self.by_aws.get(value)
        if number is None:
            # AWS added a value this API does not know yet: keep going with UNSPECIFIED, say so once.
            if (self.name, str(value)) not in _unknown_enum_logged:
                _unknown_enum_logged.add((self.name, str(value)))
                log.warning("unknown %s value %r from AWS; sent as UNSPECIFIED", self.name, value)
            return 0
        return number

    def outbound(self, number: int) -> str | None:
        return self.by_number.get(number)  # None (left out) for UNSPECIFIED and unknown numbers


# -- plans --------------------------------------------------------------------------------------


class _Plan:
    """How to convert one message type: per AWS key inbound, per field number outbound."""

    __slots__ = ("defaults", "inbound", "list_wrapper", "outbound")

    def __init__(self) -> None:
        self.inbound: dict[str, tuple[str, Convert | None]] = {}
        self.outbound: dict[int, tuple[str, Convert | None]] = {}
        self.defaults: list[tuple[str, Callable[[], Any]]] = []
        self.list_wrapper = False


_plans: dict[str, _Plan] = {}
_plans_lock = threading.RLock()  # compiling a plan compiles its sub-messages' plans


def _plan(descriptor: Descriptor) -> _Plan:
    plan = _plans.get(descriptor.full_name)
    if plan is None:
        with _plans_lock:
            plan = _plans.get(descriptor.full_name) or _compile(descriptor)
    return plan


def _compile(descriptor: Descriptor) -> _Plan:
    plan = _Plan()
    # Registered before its fields are compiled, so recursive shapes find it.
    _plans[descriptor.full_name] = plan
    plan.list_wrapper = descriptor.GetOptions().Extensions[annotations_pb2.aws_list_wrapper]
    for fd in descriptor.fields:
        key = fd.json_name
        into, out = _field_converters(fd)
        plan.inbound[key] = (fd.name, into)
        plan.outbound[fd.number] = (key, out)
        required = fd.GetOptions().Extensions[annotations_pb2.aws_required]
        if required and not fd.has_presence:
            default = _required_default(fd)
            if default is not None:
                plan.defaults.append((key, default))
    return plan


def _required_default(fd: FieldDescriptor) -> Callable[[], Any] | None:
    """What a required member that the message leaves at its default reads as in the dict."""
    if fd.message_type is not None and fd.message_type.GetOptions().map_entry:
        return dict
    if fd.is_repeated:
        return list
    if fd.enum_type is not None:
        return None  # UNSPECIFIED has no AWS spelling: leave the member out
    value = _SCALAR_DEFAULTS[fd.type]
    return lambda: value


def _value_converters(fd: FieldDescriptor) -> tuple[Convert | None, Convert | None]:
    """(inbound, outbound) for one value of the field's type; None means "as is"."""
    if fd.enum_type is not None:
        table = _EnumTable(fd.enum_type)
        return table.inbound, table.outbound
    if fd.message_type is not None:
        if fd.message_type.full_name == _TIMESTAMP:
            return _timestamp_in, _timestamp_out
        sub = _plan(fd.message_type)
        if sub.list_wrapper:
            # The wrapper's only field is the list itself: convert that, and hide the wrapper.
            (_, list_in), (_, list_out) = next(iter(sub.inbound.values())), next(iter(sub.outbound.values()))
            return _wrapper_in(list_in), _wrapper_out(list_out)
        return (lambda value: _init(sub, value)), (lambda msg: _dict(sub, msg))
    if fd.type == FieldDescriptor.TYPE_BYTES:
        return _blob_in, None
    return None, None


def _wrapper_in(list_in: Convert | None) -> Convert:
    if list_in is None:
        return lambda values: {"values": values}
    return lambda values: {"values": list_in(values)}


def _wrapper_out(list_out: Convert | None) -> Convert:
    convert = list_out or list
    return lambda msg: convert(msg.values)


def _field_converters(fd: FieldDescriptor) -> tuple[Convert | None, Convert | None]:
    """(inbound, outbound) for a whole field: scalars, lists and maps."""
    if fd.message_type is not None and fd.message_type.GetOptions().map_entry:
        value_fd = fd.message_type.fields_by_name["value"]
        v_in, v_out = _value_converters(value_fd)
        map_in: Convert | None = None if v_in is None else (lambda m: {k: v_in(v) for k, v in m.items()})
        map_out: Convert = dict if v_out is None else (lambda m: {k: v_out(v) for k, v in m.items()})
        return map_in, map_out
    item_in, item_out = _value_converters(fd)
    if fd.is_repeated:
        list_in: Convert | None = None if item_in is None else (lambda xs: [item_in(x) for x in xs])
        list_out: Convert = list if item_out is None else (lambda xs: [item_out(x) for x in xs])
        return list_in, list_out
    return item_in, item_out


def _init(plan: _Plan, data: Mapping[str, Any]) -> dict[str, Any]:
    """The keyword arguments that build the message from an AWS dict (unknown keys are skipped)."""
    out: dict[str, Any] = {}
    inbound = plan.inbound
    for key, value in data.items():
        entry = inbound.get(key)
        if entry is None or value is None:
            continue  # e.g. boto3's ResponseMetadata, or a member newer than this API
        name, convert = entry
        out[name] = value if convert is None else convert(value)
    return out


def _dict(plan: _Plan, message: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    outbound = plan.outbound
    for fd, value in message.ListFields():
        key, convert = outbound[fd.number]
        converted = convert(value) if convert is not None else value
        if converted is not None:
            out[key] = converted
    for key, default in plan.defaults:
        if key not in out:
            out[key] = default()
    return out


# -- public ---------------------------------------------------------------------------------------


def to_message(data: Mapping[str, Any], message_type: type[M]) -> M:
    """Build a `message_type` from boto3's dict or AWS's wire JSON of the same shape."""
    plan = _plan(cast(Descriptor, message_type.DESCRIPTOR))
    try:
        return message_type(**_init(plan, data))
    except (TypeError, ValueError) as exc:
        raise ConversionError(f"{message_type.DESCRIPTOR.name}: {exc}") from exc


def to_dict(message: Message) -> dict[str, Any]:
    """The boto3 dict of a message: what a boto3 call takes as parameters or returns as a result."""
    return _dict(_plan(cast(Descriptor, message.DESCRIPTOR)), message)
