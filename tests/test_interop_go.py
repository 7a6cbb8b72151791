"""A Go client, built against the generated module (generated/go), calls a live server.

The program (tests/interop/go, its own module using generated/go through a `replace` directive, as the
README shows) starts the demo state machine on the embedded backend, follows StreamExecutionHistory to
the terminal event, calls WaitExecution, and decodes google.rpc.ErrorInfo and BadRequest from a
deliberately invalid call; it prints a JSON summary checked here field by field. The build is offline
(GOPROXY=off, go.sum as committed): `make test` fetched the modules before (`make go-tools`).
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

from sfngrpc.stepfunctions.v1 import executions_pb2, history_pb2, state_machines_pb2

from codegen.__main__ import generate_go
from codegen.model import GO_MODULE, PROTO_DIR
from service.embedded import DEMO_STATE_MACHINE_NAME
from service.errors import SERVICE_DOMAIN
from tests.grpc_helpers import running_server, server_config

ROOT = Path(__file__).resolve().parent.parent
PROGRAM = ROOT / "tests" / "interop" / "go"
BUILD_TIMEOUT = 600.0  # a first build on a loaded 2-core machine compiles gRPC; later ones hit the cache
RUN_TIMEOUT = 90.0  # the program bounds itself to 60 s


def go_environment() -> dict[str, str]:
    """The machine's Go, offline: a module missing from the cache fails the build instead of downloading."""
    return {**os.environ, "GOTOOLCHAIN": "local", "GOPROXY": "off", "GOFLAGS": "-mod=readonly -buildvcs=false"}


def build(tmp_path: Path) -> Path:
    binary = tmp_path / "interop"
    subprocess.run(
        ["go", "build", "-o", str(binary), "."],
        cwd=PROGRAM,
        env=go_environment(),
        check=True,
        timeout=BUILD_TIMEOUT,
    )
    return binary


def _tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_checked_in_go_code_is_fresh(tmp_path: Path) -> None:
    """generated/go is what `make generate` writes from proto/ now (buf and the pinned plugins), byte for byte."""
    ours = ROOT / "generated" / "go"
    fresh = tmp_path / "go"
    fresh.mkdir()
    for kept in ("go.mod", "go.sum"):  # written by hand (versions) or by go, not by the generator
        shutil.copy(ours / kept, fresh / kept)
    generate_go(ROOT / "proto", fresh)
    have, want = _tree(ours), _tree(fresh)
    stale = sorted(have.keys() ^ want.keys()) + sorted(n for n in have.keys() & want.keys() if have[n] != want[n])
    assert stale == [], "run `make generate` and commit the result"


def test_the_generated_module_builds_and_vets() -> None:
    for command in (["go", "build", "./..."], ["go", "vet", "./..."]):
        ran = subprocess.run(
            command,
            cwd=ROOT / "generated" / "go",
            env=go_environment(),
            capture_output=True,
            text=True,
            timeout=BUILD_TIMEOUT,
        )
        assert ran.returncode == 0, ran.stderr


def test_the_program_uses_the_generated_module_at_its_one_module_path() -> None:
    """Re-rooting GO_MODULE (codegen/model.py) must reach the program too: fail here, not in a Go error."""
    go_mod = (PROGRAM / "go.mod").read_text()
    assert re.search(rf"^replace {re.escape(GO_MODULE)} => \.\./\.\./\.\./generated/go$", go_mod, re.M)
    assert f'"{GO_MODULE}/{PROTO_DIR}"' in (PROGRAM / "main.go").read_text()
    generated = (ROOT / "generated" / "go" / "go.mod").read_text()
    assert re.search(rf"^module {re.escape(GO_MODULE)}$", generated, re.M)


async def test_go_client_against_a_live_server(tmp_path: Path) -> None:
    binary = await asyncio.to_thread(build, tmp_path)
    async with running_server(server_config(backend="embedded")) as (server, stub, _):
        machines = await stub.ListStateMachines(state_machines_pb2.ListStateMachinesRequest(), timeout=10)
        demo = next(m.state_machine_arn for m in machines.state_machines if m.name == DEMO_STATE_MACHINE_NAME)
        # The test's event loop keeps serving while the program runs in a thread.
        ran = await asyncio.to_thread(
            subprocess.run,
            [str(binary), "-address", f"127.0.0.1:{server.port}", "-state-machine", demo],
            capture_output=True,
            text=True,
            timeout=RUN_TIMEOUT,
        )
        assert ran.returncode == 0, ran.stderr
        summary = json.loads(ran.stdout)

        # What the Go client saw is what a Python client sees of the same execution.
        arn = summary["execution_arn"]
        assert arn.startswith(demo.replace(":stateMachine:", ":execution:") + ":")
        history = await stub.GetExecutionHistory(history_pb2.GetExecutionHistoryRequest(execution_arn=arn), timeout=10)
        assert summary["event_ids"] == [e.id for e in history.events]
        assert summary["event_types"] == [history_pb2.HistoryEventType.Name(e.type) for e in history.events]
        assert summary["event_types"][0] == "HISTORY_EVENT_TYPE_EXECUTION_STARTED"
        assert summary["event_types"][-1] == "HISTORY_EVENT_TYPE_EXECUTION_SUCCEEDED"
        assert summary["stream_status"] == "EXECUTION_STATUS_SUCCEEDED"
        described = await stub.DescribeExecution(executions_pb2.DescribeExecutionRequest(execution_arn=arn), timeout=10)
        assert summary["wait_done"] is True
        assert summary["wait_status"] == "EXECUTION_STATUS_SUCCEEDED"
        assert summary["output"] == described.output
        assert json.loads(summary["output"])  # the demo's output, a non-empty JSON document

        assert summary["error_code"] == "InvalidArgument"
        assert summary["error_reason"] == "INVALID_ARGUMENT"
        assert summary["error_domain"] == SERVICE_DOMAIN
        assert summary["bad_request_fields"] == ["execution_arn"]


def test_the_readme_go_example_is_the_program() -> None:
    """The README's Go example is lines of the program the tests run, in order (so it compiles and works)."""
    readme = (ROOT / "README.md").read_text()
    section = readme[readme.index("### Go\n") :]
    example = re.search(r"```go\n(.*?)```", section, re.S)
    assert example is not None
    program = iter((PROGRAM / "main.go").read_text().splitlines())
    missing = [line for line in example.group(1).splitlines() if line and line not in program]
    assert missing == [], "the README's Go example drifted from tests/interop/go/main.go"
    assert len(example.group(1).splitlines()) >= 15
    for code in re.findall(r"`([^`\n]*\(.*?\))`", section[: section.index("```go")]):
        if code.startswith(("grpc.", "sfn.")):
            assert code in (PROGRAM / "main.go").read_text(), code
