"""`make generate`: fresh checked-in output, deterministic runs, and field numbers that never move."""

from __future__ import annotations

import copy
import filecmp
import importlib
import os
import pkgutil
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sfngrpc.stepfunctions.v1
from google.protobuf import descriptor_pb2

from codegen.__main__ import generate_protos, generate_python
from codegen.model import (
    GATEWAY_FILE,
    GENERATED_MARK,
    PROTO_DIR,
    PY_HAND_WRITTEN,
    build_api,
    file_options,
    load_service_model,
)
from codegen.numbering import IncompatibleChangeError, read_previous

ROOT = Path(__file__).resolve().parent.parent


def _tree(root: Path, skip: tuple[str, ...] = ()) -> dict[str, bytes]:
    """Every file under `root` by relative path, but those under the top-level folders `skip`."""
    return {
        str(p.relative_to(root)): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and "__pycache__" not in p.parts and p.relative_to(root).parts[0] not in skip
    }


def test_checked_in_proto_and_python_are_fresh(tmp_path: Path) -> None:
    """CI fails when proto/ or generated/ is stale: regenerate and compare byte for byte."""
    proto = tmp_path / "proto"
    shutil.copytree(ROOT / "proto", proto)
    generate_protos(proto)
    generate_python(proto, tmp_path / "python")
    stale = []
    # Only what codegen writes: generated/python also holds sfn-grpc-client's hand-written pyproject.toml
    # and the command line (sfngrpc/cli/, PY_HAND_WRITTEN).
    python = (ROOT / "generated" / "python" / "sfngrpc", tmp_path / "python" / "sfngrpc")
    for ours, fresh in ((ROOT / "proto", proto), python):
        have, want = _tree(ours, PY_HAND_WRITTEN), _tree(fresh)
        stale += [f"{ours.name}/{name}" for name in sorted(have.keys() ^ want.keys())]
        stale += [f"{ours.name}/{name}" for name in sorted(have.keys() & want.keys()) if have[name] != want[name]]
    assert stale == [], "run `make generate` and commit the result"


def test_generate_python_keeps_the_hand_written_command_line(tmp_path: Path) -> None:
    """`make generate` replaces the generated modules (a module gone from proto/ goes) but not sfngrpc/cli/."""
    out = tmp_path / "python"
    shutil.copytree(ROOT / "generated" / "python", out, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    gone = out / "sfngrpc" / "stepfunctions" / "v1" / "removed_pb2.py"
    gone.write_text("# a module whose proto was removed\n")
    generate_python(ROOT / "proto", out)
    assert not gone.exists()
    for name in PY_HAND_WRITTEN:
        kept = _tree(out / "sfngrpc" / name)
        assert kept, name
        assert kept == _tree(ROOT / "generated" / "python" / "sfngrpc" / name)
    assert _tree(out / "sfngrpc", PY_HAND_WRITTEN) == _tree(ROOT / "generated" / "python" / "sfngrpc", PY_HAND_WRITTEN)


def _hand_written_only(root: Path) -> Path:
    """A proto root holding only the hand-written files (gateway.proto), as before a first generation."""
    folder = root / PROTO_DIR
    folder.mkdir(parents=True)
    for path in (ROOT / "proto" / PROTO_DIR).glob("*.proto"):
        if not path.read_text().startswith(GENERATED_MARK):
            shutil.copy(path, folder / path.name)
    return root


def test_generation_is_deterministic(tmp_path: Path) -> None:
    first, second = _hand_written_only(tmp_path / "a"), _hand_written_only(tmp_path / "b")
    generate_protos(first)
    generate_protos(second)
    generate_protos(second)  # again over its own output
    comparison = filecmp.dircmp(first / PROTO_DIR, second / PROTO_DIR)
    assert comparison.left_list == comparison.right_list
    assert comparison.diff_files == []


def _changed_model() -> dict[str, Any]:
    model = copy.deepcopy(load_service_model())
    shapes = model["shapes"]
    event = shapes["HistoryEvent"]["members"]
    del event["previousEventId"]
    event["zzNewMember"] = {"shape": "String"} if "String" in shapes else {"shape": "Name"}
    # A new member first in the model's order must not renumber the others.
    output = shapes["DescribeExecutionOutput"]["members"]
    shapes["DescribeExecutionOutput"]["members"] = {"aaNewFirst": {"shape": "Name"}, **output}
    status = shapes["ExecutionStatus"]["enum"]
    status.remove("ABORTED")
    status.insert(0, "PAUSED")
    return model


def test_numbers_are_kept_removed_ones_reserved_and_new_ones_appended(tmp_path: Path) -> None:
    proto = tmp_path / "proto"
    shutil.copytree(ROOT / "proto", proto)
    before = read_previous(proto, PROTO_DIR)
    generate_protos(proto, _changed_model())
    after = read_previous(proto, PROTO_DIR)

    event_before, event_after = before.messages["HistoryEvent"], after.messages["HistoryEvent"]
    removed = event_before.used["previous_event_id"]
    assert "previous_event_id" not in event_after.used
    assert removed in event_after.reserved_numbers
    assert "previous_event_id" in event_after.reserved_names
    assert event_after.used["zz_new_member"] == max(event_before.used.values()) + 1
    for name, number in event_before.used.items():
        if name != "previous_event_id":
            assert event_after.used[name] == number, name

    described = after.messages["DescribeExecutionResponse"]
    old = before.messages["DescribeExecutionResponse"].used
    assert {k: described.used[k] for k in old} == old
    assert described.used["aa_new_first"] == max(old.values()) + 1

    status_before, status_after = before.enums["ExecutionStatus"].used, after.enums["ExecutionStatus"].used
    assert status_after["EXECUTION_STATUS_UNSPECIFIED"] == 0
    assert status_after["EXECUTION_STATUS_PAUSED"] == max(status_before.values()) + 1
    assert status_before["EXECUTION_STATUS_ABORTED"] in after.enums["ExecutionStatus"].reserved_numbers
    assert {k: v for k, v in status_after.items() if k in status_before} == {
        k: v for k, v in status_before.items() if k != "EXECUTION_STATUS_ABORTED"
    }

    # Regenerating from the changed output with the same model changes nothing (reserved kept).
    snapshot = _tree(proto)
    generate_protos(proto, _changed_model())
    assert _tree(proto) == snapshot


def test_a_member_that_changes_type_is_refused(tmp_path: Path) -> None:
    proto = tmp_path / "proto"
    shutil.copytree(ROOT / "proto", proto)
    model = copy.deepcopy(load_service_model())
    model["shapes"]["HistoryEvent"]["members"]["id"] = {"shape": "Name"}  # int64 -> string
    with pytest.raises(IncompatibleChangeError, match=r"HistoryEvent\.id"):
        generate_protos(proto, model)


def test_a_removed_name_is_not_reused(tmp_path: Path) -> None:
    proto = tmp_path / "proto"
    shutil.copytree(ROOT / "proto", proto)
    generate_protos(proto, _changed_model())
    model = _changed_model()
    model["shapes"]["HistoryEvent"]["members"]["previousEventId"] = {"shape": "EventId"}
    with pytest.raises(IncompatibleChangeError, match="reserved"):
        generate_protos(proto, model)


def test_history_proto_documents_its_oneof() -> None:
    text = (ROOT / "proto" / PROTO_DIR / "history.proto").read_text()
    start = text.index("message HistoryEvent {")
    body = text[start : text.index("\n}\n", start)]
    assert "  oneof details {" in body
    comment = body[: body.index("  oneof details {")].rstrip().splitlines()[-1]
    assert comment.startswith("  // ")
    assert "<p>" not in text
    assert "<code>" not in text


def _fields(messages: list[descriptor_pb2.DescriptorProto], prefix: str) -> Iterator[tuple[str, str, str | None]]:
    for message in messages:
        # A map's entry message is protoc's own (its key and value have no json_name to set), and the JSON
        # form writes a map as an object, so its field names never appear.
        if not message.options.map_entry:
            for fdp in message.field:
                yield f"{prefix}{message.name}", fdp.name, fdp.json_name if fdp.HasField("json_name") else None
        yield from _fields(list(message.nested_type), f"{prefix}{message.name}.")


def test_every_field_carries_its_json_name_in_the_descriptors() -> None:
    """protoc records a json_name in a descriptor only where the .proto writes it, and the descriptors
    embedded in the *_pb2 modules are what reflection serves: each field must carry its AWS name there."""
    checked = 0
    for module_info in pkgutil.iter_modules(sfngrpc.stepfunctions.v1.__path__):
        if not module_info.name.endswith("_pb2"):
            continue
        module = importlib.import_module(f"sfngrpc.stepfunctions.v1.{module_info.name}")
        serialized = descriptor_pb2.FileDescriptorProto.FromString(module.DESCRIPTOR.serialized_pb)
        pool = module.DESCRIPTOR.pool
        for message, field, json_name in _fields(list(serialized.message_type), f"{serialized.package}."):
            assert json_name is not None, f"{message}.{field} has no json_name"
            assert json_name == pool.FindMessageTypeByName(message).fields_by_name[field].json_name
            checked += 1
    assert checked > 500  # every generated message and the gateway's own


def _compiled(proto: Path, scratch: Path) -> descriptor_pb2.FileDescriptorSet:
    """Every file of the package compiled by protoc, as a descriptor set (written in `scratch`)."""
    from grpc_tools import protoc

    out = scratch / "set.pb"
    include = os.path.join(os.path.dirname(protoc.__file__), "_proto")
    files = sorted(str(p.relative_to(proto)) for p in (proto / PROTO_DIR).glob("*.proto"))
    assert protoc.main(["protoc", f"-I{proto}", f"-I{include}", f"--descriptor_set_out={out}", *files]) == 0
    return descriptor_pb2.FileDescriptorSet.FromString(out.read_bytes())


def test_every_file_carries_the_language_options_and_gateway_proto_matches_the_generator(tmp_path: Path) -> None:
    """Go, Java, C#, Ruby, PHP and Objective-C generators need no flags: every file, the hand-written
    gateway.proto included, has the options the generator decides (one value per package but the outer class)."""
    fds = _compiled(ROOT / "proto", tmp_path)
    assert len(fds.file) >= 10
    for file in fds.file:
        name = file.name.rsplit("/", 1)[-1]
        want = {option: value.strip('"').replace("\\\\", "\\") for option, value in file_options(name)}
        have = {option: str(getattr(file.options, option)) for option in want}
        want["java_multiple_files"] = "True"
        assert have == want, file.name
    gateway = next(f for f in fds.file if f.name.endswith(GATEWAY_FILE))
    assert gateway.options.go_package == (
        "github.com/sfn-grpc/sfn-grpc/generated/go/sfngrpc/stepfunctions/v1;stepfunctionsv1"
    )
    assert gateway.options.php_namespace == "Sfngrpc\\Stepfunctions\\V1"
    assert gateway.options.java_outer_classname == "GatewayProto"


def _service_comment(proto: Path, rpc: str) -> str:
    lines = (proto / PROTO_DIR / "service.proto").read_text().splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith(f"  rpc {rpc}("))
    comment: list[str] = []
    for line in reversed(lines[:at]):
        if not line.startswith("  //"):
            break
        comment.insert(0, line.removeprefix("  //").strip())
    return " ".join(comment)


def test_gateway_rpc_docs_come_from_gateway_proto(tmp_path: Path) -> None:
    proto = tmp_path / "proto"
    shutil.copytree(ROOT / "proto", proto)
    gateway = proto / PROTO_DIR / GATEWAY_FILE
    text = gateway.read_text()
    assert "Waits until an execution reaches" in _service_comment(proto, "WaitExecution")
    gateway.write_text(text.replace("// Waits until an execution reaches", "// Blocks until an execution reaches"))
    generate_protos(proto)
    assert _service_comment(proto, "WaitExecution").startswith("Blocks until an execution reaches")

    # An RPC without its `// rpc` block in gateway.proto is refused, not declared undocumented.
    gateway.write_text(text.replace("// rpc WatchExecutions\n", "// WatchExecutions\n"))
    with pytest.raises(ValueError, match="WatchExecutions"):
        generate_protos(proto)


def test_a_message_stays_in_its_file_when_the_model_would_move_it(tmp_path: Path) -> None:
    """A MapRun member that uses BillingDetails makes it a shared shape, which the model's rules put in
    common.proto; it stays in executions.proto (moving it would break `executions_pb2.BillingDetails`)."""
    model = copy.deepcopy(load_service_model())
    model["shapes"]["DescribeMapRunOutput"]["members"]["billingDetails"] = {"shape": "BillingDetails"}
    assert build_api(model).messages["BillingDetails"].file == "common.proto"  # what the rules alone decide

    proto = tmp_path / "proto"
    shutil.copytree(ROOT / "proto", proto)
    generate_protos(proto, model)
    folder = proto / PROTO_DIR
    assert "\nmessage BillingDetails {" in (folder / "executions.proto").read_text()
    assert "\nmessage BillingDetails {" not in (folder / "common.proto").read_text()
    map_runs = (folder / "map_runs.proto").read_text()
    assert f'import "{PROTO_DIR}/executions.proto";' in map_runs
    assert "  BillingDetails billing_details = " in map_runs
    placed = read_previous(proto, PROTO_DIR)  # compiles: the new import is sound
    assert placed.files["BillingDetails"] == "executions.proto"
    assert placed.files["DescribeMapRunResponse"] == "map_runs.proto"


def _buf_breaking(workspace: Path) -> subprocess.CompletedProcess[str]:
    """`buf breaking` of a copy of the repository's buf workspace against the committed baseline."""
    buf = ROOT / "node_modules" / ".bin" / "buf"
    assert buf.exists(), "buf is missing: run `make lint` (`make test` does)"
    against = str(ROOT / "proto" / "baseline.binpb")
    return subprocess.run(
        [str(buf), "breaking", "--against", against], cwd=workspace, capture_output=True, text=True, timeout=120
    )


def test_buf_breaking_passes_on_the_release_and_catches_a_moved_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The committed baseline is the released API: proto/ as it is passes, a message moved to another
    file (what keep_placement prevents) fails the FILE rules."""
    shutil.copytree(ROOT / "proto", tmp_path / "proto")
    shutil.copy(ROOT / "buf.yaml", tmp_path / "buf.yaml")
    assert _buf_breaking(tmp_path).returncode == 0

    model = copy.deepcopy(load_service_model())
    model["shapes"]["DescribeMapRunOutput"]["members"]["billingDetails"] = {"shape": "BillingDetails"}
    monkeypatch.setattr("codegen.__main__.keep_placement", lambda api, previous: None)  # the generator before
    generate_protos(tmp_path / "proto", model)
    assert "\nmessage BillingDetails {" in (tmp_path / "proto" / PROTO_DIR / "common.proto").read_text()
    result = _buf_breaking(tmp_path)
    assert result.returncode != 0
    assert "BillingDetails" in result.stdout + result.stderr
