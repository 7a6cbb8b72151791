"""The TypeScript client package generated/ts (@sfn-grpc/client), as a Node user runs it.

The package is fresh (`make generate` would write the same bytes), and the interop program
tests/interop/ts/main.ts, type-checked by the pinned tsc and run by the pinned tsx (both from the root
package-lock.json, installed by `npm ci`), talks gRPC to a real server on the embedded backend over
loopback: it starts the demo state machine, follows its history to the terminal event, waits for it,
decodes the rich details of a deliberate error, and prints a JSON summary checked here field by field
against what the Python stubs see on the same server.
"""

from __future__ import annotations

import asyncio
import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

from sfngrpc.stepfunctions.v1 import executions_pb2, gateway_pb2, history_pb2

from codegen.ts import PACKAGE_DIR, generate_ts
from tests.grpc_helpers import running_server, server_config

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / PACKAGE_DIR
PROGRAM = ROOT / "tests" / "interop" / "ts" / "main.ts"
NODE_BIN = ROOT / "node_modules" / ".bin"
HAND_WRITTEN = ("package.json", "tsconfig.json", "src/client.ts")
TIMEOUT = 120.0  # per Node process; the program gives each of its calls a 30 s deadline


def _tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_checked_in_ts_package_is_fresh(tmp_path: Path) -> None:
    fresh = tmp_path / PACKAGE_DIR
    for name in HAND_WRITTEN:
        (fresh / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(PACKAGE / name, fresh / name)
    (tmp_path / "node_modules").symlink_to(ROOT / "node_modules")  # tsc resolves the package's dependencies
    generate_ts(ROOT / "proto", tmp_path)
    for part in ("src", "dist"):
        have, want = _tree(PACKAGE / part), _tree(fresh / part)
        assert sorted(have) == sorted(want), f"generated/ts/{part}: run `make generate`"
        stale = [name for name in have if have[name] != want[name]]
        assert not stale, f"stale files in generated/ts/{part}: {stale}; run `make generate`"


def test_package_is_importable_from_plain_node_esm() -> None:
    script = (
        'import * as c from "@sfn-grpc/client";'
        "console.log(JSON.stringify([typeof c.createStepFunctionsClient, c.StepFunctionsService.typeName,"
        " c.ErrorInfoSchema.typeName, c.BadRequestSchema.typeName]));"
    )
    result = subprocess.run(
        ["node", "--input-type=module", "-e", script], cwd=ROOT, capture_output=True, text=True, timeout=TIMEOUT
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [
        "function",
        "sfngrpc.stepfunctions.v1.StepFunctionsService",
        "google.rpc.ErrorInfo",
        "google.rpc.BadRequest",
    ]


def _run_node(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=ROOT, capture_output=True, text=True, timeout=TIMEOUT)


async def test_ts_client_against_a_live_server() -> None:
    checked = await asyncio.to_thread(_run_node, str(NODE_BIN / "tsc"), "-p", str(PROGRAM.parent / "tsconfig.json"))
    assert checked.returncode == 0, f"the interop program does not type-check: {checked.stdout}{checked.stderr}"
    async with running_server(server_config(backend="embedded")) as (server, stub, _):
        ran = await asyncio.to_thread(_run_node, str(NODE_BIN / "tsx"), str(PROGRAM), f"http://127.0.0.1:{server.port}")
        assert ran.returncode == 0, ran.stderr
        summary: dict[str, Any] = json.loads(ran.stdout)
        arn = summary["executionArn"]
        described = await stub.DescribeExecution(executions_pb2.DescribeExecutionRequest(execution_arn=arn), timeout=10)
        history = await stub.GetExecutionHistory(history_pb2.GetExecutionHistoryRequest(execution_arn=arn), timeout=10)

    assert arn.startswith("arn:aws:states:us-east-1:123456789012:execution:sfn-grpc-demo:")
    # Every event once, in order, as the Python stub reads the same history.
    assert summary["eventIds"] == [str(e.id) for e in history.events]
    assert len(summary["eventIds"]) > 2
    terminal = history_pb2.HistoryEventType.Name(history.events[-1].type)
    assert summary["lastEventType"] == terminal == "HISTORY_EVENT_TYPE_EXECUTION_SUCCEEDED"
    assert summary["lastEventDetails"] == "executionSucceededEventDetails"
    assert summary["streamStatus"] == "EXECUTION_STATUS_SUCCEEDED"
    # The demo's 2-second Wait makes the stream follow a running execution, whose last message carries
    # only the final status: the program read it without a special case (protobuf-es: `events` is []).
    sizes = summary["messageSizes"]
    assert sum(sizes) == len(summary["eventIds"])
    assert sizes[-1] == 0, sizes
    # WaitExecution returns what DescribeExecution says.
    status = executions_pb2.ExecutionStatus.Name(described.status)
    assert summary["wait"] == {"done": True, "status": status, "output": described.output, "stopDateSet": True}
    assert json.loads(summary["wait"]["output"])["wait"] is True
    # The deliberate error, decoded from ConnectError's details by google.rpc type.
    assert summary["error"] == {
        "code": "InvalidArgument",
        "message": "invalid request: execution_arn: must be the ARN of an execution or Express execution",
        "errorInfo": {"reason": "INVALID_ARGUMENT", "domain": "sfn-grpc", "metadata": {}},
        "badRequest": [
            {"field": "execution_arn", "description": "must be the ARN of an execution or Express execution"}
        ],
    }
    assert gateway_pb2.WaitExecutionResponse.DESCRIPTOR.fields_by_name["done"]  # the field the summary reports


def test_readme_typescript_example_is_the_interop_program() -> None:
    readme = (ROOT / "README.md").read_text()
    (block,) = re.findall(r"```ts\n(.*?)```", readme, flags=re.DOTALL)
    source = PROGRAM.read_text()
    part = source.split("// example: start\n")[1].split("    // example: end\n")[0]
    lines = [line.removeprefix("  ") for line in part.splitlines()]
    assert block.splitlines() == lines
