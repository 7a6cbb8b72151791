"""`python -m codegen`: regenerate proto/ from botocore's model, and generated/{python,go,ts} from proto/.

Run by `make generate`. Deterministic: a second run changes nothing.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from codegen.model import (
    GATEWAY_FILE,
    GENERATED_MARK,
    GO_MODULE,
    PACKAGE,
    PROTO_DIR,
    PY_HAND_WRITTEN,
    SERVICE_FILE,
    botocore_version,
    build_api,
    gateway_rpcs,
    load_service_model,
)
from codegen.numbering import assign_numbers, keep_placement, read_previous
from codegen.render import render
from codegen.ts import generate_ts

ROOT = Path(__file__).resolve().parent.parent
PY_PACKAGE_DOC = f'"""Generated protobuf and gRPC modules of the {PACKAGE} API (see proto/)."""\n'


def generate_protos(proto_root: Path, model: dict[str, Any] | None = None) -> list[Path]:
    """Write the .proto files under `proto_root`, keeping the numbers already there; return them."""
    model = model if model is not None else load_service_model()
    api = build_api(model)
    previous = read_previous(proto_root, PROTO_DIR)
    keep_placement(api, previous)
    numbers = assign_numbers(api, previous)
    gateway = gateway_rpcs((proto_root / PROTO_DIR / GATEWAY_FILE).read_text())
    files = render(api, numbers, botocore_version(), gateway)
    out_dir = proto_root / PROTO_DIR
    out_dir.mkdir(parents=True, exist_ok=True)
    for stale in out_dir.glob("*.proto"):  # a file the model no longer needs, if we made it
        rel = f"{PROTO_DIR}/{stale.name}"
        if rel not in files and stale.read_text().startswith(GENERATED_MARK):
            stale.unlink()
    written = []
    for rel, text in sorted(files.items()):
        path = proto_root / rel
        if not path.exists() or path.read_text() != text:
            path.write_text(text)
        written.append(path)
    return written


def generate_python(proto_root: Path, out_root: Path) -> None:
    """Compile the protos into Python messages, gRPC stubs and their .pyi type stubs."""
    from grpc_tools import protoc

    bin_dir = Path(sys.executable).parent
    include = os.path.join(os.path.dirname(protoc.__file__), "_proto")
    protos = sorted(str(p.relative_to(proto_root)) for p in (proto_root / PROTO_DIR).glob("*.proto"))
    with tempfile.TemporaryDirectory() as tmp:
        common = [
            "protoc",
            f"-I{proto_root}",
            f"-I{include}",
            f"--plugin=protoc-gen-mypy={bin_dir / 'protoc-gen-mypy'}",
            f"--plugin=protoc-gen-mypy_grpc={bin_dir / 'protoc-gen-mypy_grpc'}",
        ]
        messages = [*common, f"--python_out={tmp}", f"--mypy_out={tmp}", *protos]
        # Only the service file has anything for gRPC; stubs of the others would be empty modules.
        stubs = [*common, f"--grpc_python_out={tmp}", f"--mypy_grpc_out={tmp}", f"{PROTO_DIR}/{SERVICE_FILE}"]
        for args in (messages, stubs):
            if protoc.main(args) != 0:
                raise RuntimeError("protoc failed on the generated proto files")
        # protoc writes the modules under the proto path (sfngrpc/stepfunctions/v1/), which is also
        # the Python import path; every level of it becomes a regular package, typed (PEP 561).
        top = PROTO_DIR.split("/")[0]
        for depth in range(1, len(PROTO_DIR.split("/")) + 1):
            (Path(tmp) / "/".join(PROTO_DIR.split("/")[:depth]) / "__init__.py").write_text(PY_PACKAGE_DOC)
        (Path(tmp) / top / "py.typed").write_text("")
        # Replace what codegen wrote before, keeping the hand-written packages (PY_HAND_WRITTEN) beside it.
        target = out_root / top
        target.mkdir(parents=True, exist_ok=True)
        for old in target.iterdir():
            if old.name in PY_HAND_WRITTEN:
                continue
            if old.is_dir():
                shutil.rmtree(old)
            else:
                old.unlink()
        shutil.copytree(Path(tmp) / top, target, dirs_exist_ok=True)


def generate_go(proto_root: Path, out_root: Path) -> None:
    """Compile the protos into Go messages and gRPC clients under `out_root` (the Go module's root).

    `buf generate` with buf.gen.go.yaml and the pinned local plugins in .tools/bin (`make go-tools`);
    the package folder is replaced whole, so a file whose proto is gone goes too. The module line of
    `out_root`/go.mod is set from GO_MODULE, the one place the module path is written by hand.
    """
    top = PROTO_DIR.split("/")[0]
    with tempfile.TemporaryDirectory() as tmp:
        command = [str(ROOT / "node_modules" / ".bin" / "buf"), "generate", str(proto_root)]
        command += ["--template", str(ROOT / "buf.gen.go.yaml"), "--output", tmp]
        subprocess.run(command, cwd=ROOT, check=True)  # cwd: the template names the plugins from the root
        target = out_root / top
        if target.exists():
            shutil.rmtree(target)
        shutil.copytree(Path(tmp) / "generated" / "go" / top, target)
    go_mod = out_root / "go.mod"
    text = go_mod.read_text()
    fresh = re.sub(r"(?m)^module .*$", f"module {GO_MODULE}", text, count=1)
    if fresh != text:
        go_mod.write_text(fresh)


def main(argv: list[str] | None = None) -> int:
    """Regenerate every tree; return the process exit code."""
    parser = argparse.ArgumentParser(prog="python -m codegen", description=__doc__)
    parser.add_argument("--proto-root", type=Path, default=ROOT / "proto")
    parser.add_argument("--python-out", type=Path, default=ROOT / "generated" / "python")
    parser.add_argument("--go-out", type=Path, default=ROOT / "generated" / "go")
    args = parser.parse_args(argv)
    generate_protos(args.proto_root)
    generate_python(args.proto_root, args.python_out)
    generate_go(args.proto_root, args.go_out)
    generate_ts(args.proto_root)  # generated/ts: protobuf-es messages + Connect client, compiled by tsc
    return 0


if __name__ == "__main__":
    sys.exit(main())
