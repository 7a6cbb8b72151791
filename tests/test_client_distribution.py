"""The Python client distribution (generated/python, `sfn-grpc-client`) installs alone and calls a live gateway.

The wheel is built from the repository's files, installed into a fresh venv that has nothing else
(no boto3, no moto, no server, no matplotlib), with its dependencies taken only from the wheels `make` downloaded at
install time (.venv/client-wheels, exact versions from constraints.txt): nothing downloads here.
"""

from __future__ import annotations

import asyncio
import email.parser
import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from service.embedded import DEMO_STATE_MACHINE_NAME
from tests.grpc_helpers import running_server, server_config

ROOT = Path(__file__).resolve().parent.parent
CLIENT = ROOT / "generated" / "python"
DEPENDENCY_WHEELS = ROOT / ".venv" / "client-wheels"  # the Makefile's CLIENT_WHEELS
MISSING = f"arn:aws:states:us-east-1:123456789012:execution:{DEMO_STATE_MACHINE_NAME}:never-started"

# The README's Python example ("Use it from your language"), then what a Python service that installed
# sfn-grpc-client alone does with it; runs in the client-only venv.
README_EXAMPLE = re.search(
    r"^## Use it from your language\n.*?```python\n(.*?)```", (ROOT / "README.md").read_text(), flags=re.DOTALL | re.M
)
CLIENT_DRIVER = """
import importlib.util, json, sys

import sfngrpc.stepfunctions.v1
from sfngrpc.stepfunctions.v1 import executions_pb2, state_machines_pb2

target, demo_name, missing = sys.argv[1:]
present = [name for name in ("boto3", "botocore", "moto", "flask", "service") if importlib.util.find_spec(name)]
with grpc.insecure_channel(target) as channel:
    stub = service_pb2_grpc.StepFunctionsServiceStub(channel)
    machines = stub.ListStateMachines(state_machines_pb2.ListStateMachinesRequest(), timeout=30).state_machines
    demo = next(m.state_machine_arn for m in machines if m.name == demo_name)
    started = stub.StartExecution(executions_pb2.StartExecutionRequest(state_machine_arn=demo, input="{}"), timeout=30)
print(json.dumps({
    "package": sfngrpc.stepfunctions.v1.__file__,
    "prefix": sys.prefix,
    "server_packages": present,
    "started": describe(target, started.execution_arn),
    "missing": describe(target, missing),
}))
"""


def _run(*args: str | Path, cwd: Path) -> str:
    """Run a command with no user pip configuration and no inherited import path; return its stdout."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PIP_", "PYTHON"))}
    env["PIP_CONFIG_FILE"] = os.devnull
    done = subprocess.run(
        [str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == 0, f"{args}\n{done.stdout}\n{done.stderr}"
    return done.stdout


@pytest.fixture(scope="module")
def client_wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """sfn-grpc-client's wheel, built offline from a copy of generated/python (builds leave files behind)."""
    tmp = tmp_path_factory.mktemp("client")
    source = tmp / "source"
    shutil.copytree(CLIENT, source, ignore=shutil.ignore_patterns("__pycache__", "build", "*.egg-info"))
    dist = tmp / "dist"
    pip = (sys.executable, "-m", "pip", "--disable-pip-version-check")
    _run(*pip, "wheel", "--no-deps", "--no-index", "--no-build-isolation", "--wheel-dir", dist, source, cwd=tmp)
    (wheel,) = dist.glob("sfn_grpc_client-*.whl")
    return wheel


def test_the_wheel_holds_the_typed_stubs_and_the_command_line_and_needs_only_their_dependencies(
    client_wheel: Path,
) -> None:
    with zipfile.ZipFile(client_wheel) as wheel:
        names = wheel.namelist()
        (metadata,) = (n for n in names if n.endswith(".dist-info/METADATA"))
        requires = email.parser.Parser().parsestr(wheel.read(metadata).decode()).get_all("Requires-Dist")
        (entry_points,) = (n for n in names if n.endswith(".dist-info/entry_points.txt"))
        scripts = wheel.read(entry_points).decode()
    assert {n.split("/")[0] for n in names if not n.split("/")[0].endswith(".dist-info")} == {"sfngrpc"}
    generated = {
        p.relative_to(CLIENT).as_posix()
        for p in (CLIENT / "sfngrpc").rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }
    assert generated - set(names) == set()  # every module, every .pyi, py.typed
    assert any(n.endswith("service_pb2_grpc.pyi") for n in generated)
    assert "sfngrpc/py.typed" in generated
    assert "sfngrpc/cli/app.py" in names
    assert "sfn-grpc = sfngrpc.cli.app:main" in scripts
    # The stubs need protobuf, grpcio and googleapis-common-protos; the command line adds rich, and
    # matplotlib only for images, as the optional `timeline` extra.
    required = {r.split(";")[0].split(">")[0].split("=")[0].split("<")[0].strip().lower(): r for r in requires or []}
    assert set(required) == {"protobuf", "grpcio", "googleapis-common-protos", "rich", "matplotlib"}
    assert [name for name, r in required.items() if "extra ==" in r] == ["matplotlib"]
    assert 'extra == "timeline"' in required["matplotlib"]


async def test_the_client_alone_installs_and_calls_a_live_gateway(client_wheel: Path, tmp_path: Path) -> None:
    assert DEPENDENCY_WHEELS.is_dir(), "run `make test` (its venv step downloads the client's dependency wheels)"
    venv = tmp_path / "venv"
    await asyncio.to_thread(_run, sys.executable, "-m", "venv", "--without-pip", venv, cwd=tmp_path)
    python = venv / "bin" / "python"
    # The project venv's pip installs into the new venv (--python): no index, only the built wheel and
    # the pinned dependency wheels, so a dependency the client forgot to declare fails the install.
    install: list[str | Path] = [
        sys.executable,
        "-m",
        "pip",
        "--disable-pip-version-check",
        "--python",
        python,
        "install",
    ]
    install += ["--no-index", "--no-cache-dir", "--find-links", DEPENDENCY_WHEELS, "-c", ROOT / "constraints.txt"]
    await asyncio.to_thread(_run, *install, client_wheel, cwd=tmp_path)
    assert README_EXAMPLE is not None
    script = tmp_path / "client.py"
    script.write_text(README_EXAMPLE.group(1) + CLIENT_DRIVER)

    async with running_server(server_config(backend="embedded")) as (server, _, _):
        target = f"127.0.0.1:{server.port}"
        out = await asyncio.to_thread(_run, python, script, target, DEMO_STATE_MACHINE_NAME, MISSING, cwd=tmp_path)

    # The command line from the clean venv: it runs, and an image without the `timeline` extra says
    # how to get it (before any call: nothing listens on port 9).
    sfn_grpc = venv / "bin" / "sfn-grpc"
    assert "timeline" in await asyncio.to_thread(_run, sfn_grpc, "--help", cwd=tmp_path)
    history = tmp_path / "history.jsonl"
    history.write_text((ROOT / "tests" / "data" / "demo_history.jsonl").read_text())
    drawn = await asyncio.to_thread(
        _run, sfn_grpc, "--address", "127.0.0.1:9", "timeline", "--history", history, cwd=tmp_path
    )
    assert "ForEachItem" in drawn
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PIP_", "PYTHON"))}
    command = [str(sfn_grpc), "timeline", "--history", str(history), "--out", str(tmp_path / "t.png")]
    image = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60, check=False)
    assert image.returncode == 1
    assert "sfn-grpc-client[timeline]" in image.stderr
    assert not (tmp_path / "t.png").exists()

    result = json.loads(out)
    assert result["server_packages"] == []
    assert Path(result["package"]).is_relative_to(venv)  # the installed wheel, not the repository
    assert Path(result["prefix"]) == venv
    assert result["started"] in {"EXECUTION_STATUS_RUNNING", "EXECUTION_STATUS_SUCCEEDED"}
    assert result["missing"] == "NOT_FOUND EXECUTION_DOES_NOT_EXIST"
