"""Validation of every request before any AWS call, driven by the service model's constraints.

One walk over the operation's input shape checks required members, lengths, patterns, ranges and
list sizes as the model states them, plus the rules AWS documents but the model does not encode:
ARNs, resource names (no white space, brackets, wildcards, special or control characters) and
payloads of at most 256 KiB in UTF-8 bytes. Violations name the field as the caller knows it (the
proto field path, e.g. `logging_configuration.destinations[0]`), so `BadRequest` is actionable.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import Any

from botocore import xform_name
from botocore.model import ServiceModel, Shape, StructureShape

from service.errors import invalid_argument

PAYLOAD_LIMIT_BYTES = 256 * 1024
# Shapes whose `max` AWS counts in UTF-8 bytes, not characters (execution input and output).
_BYTE_LIMITED_SHAPES = {"SensitiveData"}
# Shapes that hold an execution, state machine, activity or alias name.
_NAME_SHAPES = {"Name"}
_NAME_FORBIDDEN = re.compile(r"[\s<>{}\[\]?*\"#%\\^|~`$&,;:/\x00-\x1f\x7f-\x9f]")
_ARN = re.compile(r"^arn:[^:]+:[^:]+:[^:]*:[^:]*:.+$")
# Members that are this service's own (page tokens) and not checked against AWS's constraints.
_OWN_MEMBERS = {"nextToken"}
# Operations that AWS does not support for Express executions (whose ARNs say ":express:").
_STANDARD_ONLY = {"DescribeExecution": "executionArn", "GetExecutionHistory": "executionArn"}


@cache
def _pattern(raw: str) -> re.Pattern[str] | None:
    # The model writes Java-style classes; Python's re lacks \p{ASCII}.
    try:
        return re.compile(raw.replace(r"\p{ASCII}", r"\x00-\x7f" if "[" in raw else r"[\x00-\x7f]"))
    except re.error:
        return None


def _check_string(path: str, value: str, shape: Shape) -> Iterator[tuple[str, str]]:
    meta = shape.metadata
    if shape.name in _BYTE_LIMITED_SHAPES:
        size = len(value.encode("utf-8", errors="surrogatepass"))
        limit = min(int(meta.get("max", PAYLOAD_LIMIT_BYTES)), PAYLOAD_LIMIT_BYTES)
        if size > limit:
            yield path, f"must be at most {limit} bytes in UTF-8 (is {size})"
        return
    if "min" in meta and len(value) < meta["min"]:
        yield path, f"must be at least {meta['min']} characters" if value else "is required"
        return
    if "max" in meta and len(value) > meta["max"]:
        yield path, f"must be at most {meta['max']} characters (is {len(value)})"
    if "pattern" in meta and (pattern := _pattern(meta["pattern"])) is not None and not pattern.fullmatch(value):
        yield path, f"must match {meta['pattern']}"
    if shape.name in _NAME_SHAPES and (bad := _NAME_FORBIDDEN.search(value)):
        yield path, f"must not contain white space, brackets, wildcards or special characters (found {bad.group()!r})"
    if (shape.name in ("Arn", "LongArn") or path.endswith("_arn")) and not _ARN.match(value):
        yield path, "must be an ARN (arn:partition:states:region:account:...)"


def _walk(path: str, value: Any, shape: Shape) -> Iterator[tuple[str, str]]:
    kind = shape.type_name
    meta = shape.metadata
    if kind == "structure":
        assert isinstance(shape, StructureShape)
        required = set(shape.required_members)
        for member, member_shape in shape.members.items():
            child = f"{path}.{xform_name(member)}" if path else xform_name(member)
            present = member in value and value[member] not in (None, "")
            if member in required and not present:
                yield child, "is required"
            elif member in value and member not in _OWN_MEMBERS:
                yield from _walk(child, value[member], member_shape)
    elif kind == "string":
        yield from _check_string(path, value, shape)
    elif kind in ("integer", "long"):
        if "min" in meta and value < meta["min"]:
            yield path, f"must be at least {meta['min']}"
        if "max" in meta and value > meta["max"]:
            yield path, f"must be at most {meta['max']}"
    elif kind == "list":
        if "min" in meta and len(value) < meta["min"]:
            yield path, f"must have at least {meta['min']} items"
        if "max" in meta and len(value) > meta["max"]:
            yield path, f"must have at most {meta['max']} items"
        for i, item in enumerate(value):
            yield from _walk(f"{path}[{i}]", item, shape.member)
    elif kind == "map":
        for key, item in value.items():
            yield from _walk(f"{path}[{key!r}]", key, shape.key)
            yield from _walk(f"{path}[{key!r}]", item, shape.value)


class Validator:
    """Checks requests of every operation against the service model."""

    def __init__(self, model: ServiceModel) -> None:
        self.model = model

    def violations(self, operation: str, params: dict[str, Any]) -> list[tuple[str, str]]:
        """Every violation in the request (empty when it is valid)."""
        shape = self.model.operation_model(operation).input_shape
        return [] if shape is None else list(_walk("", params, shape))

    def check(self, operation: str, params: dict[str, Any]) -> None:
        """Raise INVALID_ARGUMENT with a BadRequest naming every offending field."""
        found = self.violations(operation, params)
        if found:
            raise invalid_argument(found)
        arn_member = _STANDARD_ONLY.get(operation)
        if arn_member and ":express:" in str(params.get(arn_member, "")):
            field = xform_name(arn_member)
            raise invalid_argument(
                [(field, f"{operation} does not support Express executions; read their history from CloudWatch Logs")],
                reason="EXPRESS_EXECUTION_NOT_SUPPORTED",
            )
