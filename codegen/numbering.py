"""Field and enum numbers, and the file of each definition, that never change once released.

The checked-in .proto files are the record: before generating, we compile them and read every
message's field numbers and reserved numbers and names (and the same for enums), and which file
holds it. Existing members keep their numbers, new members get numbers above everything ever used,
and members that left the model become `reserved` (number and name) so no later member can reuse
them. A definition stays in the file it was first placed in even when a model change would move it
(a moved message keeps its wire form but breaks every import of it in generated code, e.g.
`executions_pb2.BillingDetails`); only new definitions are placed by the model's rules.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from google.protobuf import descriptor_pb2

from codegen.model import AREA_FILES, GENERATED_MARK, ApiDef, EnumDef, MessageDef, unspecified_name


class IncompatibleChangeError(Exception):
    """A member kept its name but changed its type or cardinality: a wire break we will not make."""


@dataclass
class Numbers:
    """The numbers of one message's fields (or one enum's values) and what is reserved."""

    used: dict[str, int] = field(default_factory=dict)
    signatures: dict[str, tuple[bool, str]] = field(default_factory=dict)
    reserved_numbers: set[int] = field(default_factory=set)
    reserved_names: set[str] = field(default_factory=set)

    def next_number(self) -> int:
        """The lowest number above every number ever used or reserved here."""
        return max([0, *self.used.values(), *self.reserved_numbers]) + 1


@dataclass
class Previous:
    """Numbers found in the previously generated proto files, by message and enum name."""

    messages: dict[str, Numbers] = field(default_factory=dict)
    enums: dict[str, Numbers] = field(default_factory=dict)
    files: dict[str, str] = field(default_factory=dict)  # definition name -> file name (no directory)


def _field_signature(fdp: descriptor_pb2.FieldDescriptorProto) -> tuple[bool, str]:
    repeated = fdp.label == descriptor_pb2.FieldDescriptorProto.LABEL_REPEATED
    if fdp.type_name:
        return repeated, fdp.type_name.rsplit(".", 1)[-1]
    scalar = descriptor_pb2.FieldDescriptorProto.Type.Name(fdp.type)[len("TYPE_") :].lower()
    return repeated, scalar


def read_previous(proto_root: Path, package_dir: str) -> Previous:
    """Compile the existing proto files (if any) and collect their numbers."""
    from grpc_tools import protoc  # imported late: only the generator needs protoc

    files = sorted((proto_root / package_dir).glob("*.proto"))
    previous = Previous()
    if not any(f.read_text().startswith(GENERATED_MARK) for f in files):
        return previous  # a first generation: only hand-written files, which need the generated ones
    include = os.path.join(os.path.dirname(protoc.__file__), "_proto")
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "set.pb")
        args = ["protoc", f"-I{proto_root}", f"-I{include}", f"--descriptor_set_out={out}"]
        args += [str(f.relative_to(proto_root)) for f in files]
        if protoc.main(args) != 0:
            raise RuntimeError(f"the existing proto files in {proto_root} do not compile")
        fds = descriptor_pb2.FileDescriptorSet.FromString(Path(out).read_bytes())
    for file in fds.file:
        file_name = file.name.rsplit("/", 1)[-1]
        for name in [*(m.name for m in file.message_type), *(e.name for e in file.enum_type)]:
            previous.files[name] = file_name
        for msg in file.message_type:
            nums = previous.messages.setdefault(msg.name, Numbers())
            for fdp in msg.field:
                nums.used[fdp.name] = fdp.number
                nums.signatures[fdp.name] = _field_signature(fdp)
            for rng in msg.reserved_range:  # end is exclusive in descriptors
                nums.reserved_numbers.update(range(rng.start, rng.end))
            nums.reserved_names.update(msg.reserved_name)
        for enum in file.enum_type:
            nums = previous.enums.setdefault(enum.name, Numbers())
            for value in enum.value:
                nums.used[value.name] = value.number
            for erng in enum.reserved_range:  # end is inclusive for enums
                nums.reserved_numbers.update(range(erng.start, erng.end + 1))
            nums.reserved_names.update(enum.reserved_name)
    return previous


@dataclass
class Assigned:
    """Numbers for the new generation, plus what each definition must reserve."""

    fields: dict[tuple[str, str], int] = field(default_factory=dict)
    enum_values: dict[tuple[str, str], int] = field(default_factory=dict)
    reserved: dict[str, tuple[list[int], list[str]]] = field(default_factory=dict)


def _assign(
    names: list[str], sigs: dict[str, tuple[bool, str]], old: Numbers, owner: str, start: int
) -> dict[str, int]:
    """Numbers for `names` (in order) keeping old ones; fills `old.reserved_*` with what left."""
    result: dict[str, int] = {}
    next_free = max(old.next_number(), start)
    for name in names:
        if name in old.used:
            if name in sigs and name in old.signatures and sigs[name] != old.signatures[name]:
                raise IncompatibleChangeError(
                    f"{owner}.{name} changed from {old.signatures[name]} to {sigs[name]}: "
                    "rename the member in the generator or reserve the old one by hand"
                )
            result[name] = old.used[name]
        else:
            if name in old.reserved_names:
                raise IncompatibleChangeError(f"{owner}.{name} reuses a reserved name")
            result[name] = next_free
            next_free += 1
    for name, number in old.used.items():
        if name not in result:
            old.reserved_numbers.add(number)
            old.reserved_names.add(name)
    return result


def assign_numbers(api: ApiDef, previous: Previous) -> Assigned:
    """Give every field and enum value its number, stable across generations."""
    assigned = Assigned()
    for msg in api.messages.values():
        old = previous.messages.get(msg.name, Numbers())
        sigs = {f.name: f.signature for f in msg.fields}
        numbers = _assign([f.name for f in msg.fields], sigs, old, msg.name, start=1)
        for name, number in numbers.items():
            assigned.fields[(msg.name, name)] = number
        assigned.reserved[msg.name] = (sorted(old.reserved_numbers), sorted(old.reserved_names))
    for enum in api.enums.values():
        old = previous.enums.get(enum.name, Numbers())
        unspecified = unspecified_name(enum.name)
        old.used.setdefault(unspecified, 0)
        numbers = _assign([unspecified, *[v for v, _ in enum.values]], {}, old, enum.name, start=1)
        if numbers[unspecified] != 0:
            raise IncompatibleChangeError(f"{enum.name}: the zero value must be {unspecified}")
        for name, number in numbers.items():
            assigned.enum_values[(enum.name, name)] = number
        assigned.reserved[enum.name] = (sorted(old.reserved_numbers), sorted(old.reserved_names))
    return assigned


def keep_placement(api: ApiDef, previous: Previous) -> None:
    """Put every message and enum that already exists back into the generated file that holds it."""
    generated = set(AREA_FILES.values())
    definitions: list[MessageDef | EnumDef] = [*api.messages.values(), *api.enums.values()]
    for definition in definitions:
        placed = previous.files.get(definition.name)
        if placed in generated:
            definition.file = placed
