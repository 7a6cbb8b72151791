"""The TypeScript client package generated/ts (npm `@sfn-grpc/client`), built by `make generate`.

`buf generate` with the template buf.gen.ts.yaml and the local, pinned protoc-gen-es writes protobuf-es
messages and service descriptors into src/gen/ (the gateway's protos, and google/rpc/error_details.proto
from the pinned googleapis-common-protos so that clients can decode ErrorInfo and BadRequest without
another package); this module writes src/index.ts, which re-exports them and the hand-written
src/client.ts; tsc (pinned typescript 5.x) compiles src/ into dist/ (ES modules and .d.ts).
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from google.rpc import error_details_pb2

from codegen.model import GENERATED_MARK

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = ROOT / "buf.gen.ts.yaml"
PACKAGE_DIR = "generated/ts"  # the template's `out` is under it, relative to buf's output base
NODE_BIN = ROOT / "node_modules" / ".bin"
# The error detail types the server sends (see README "Errors"), as googleapis-common-protos ships them.
RPC_PROTO = Path(error_details_pb2.__file__).parent / "error_details.proto"
RPC_PROTO_PATH = "google/rpc/error_details.proto"
INDEX_HEADER = f"{GENERATED_MARK} (codegen/ts.py). DO NOT EDIT."


def _buf_generate(input_dir: Path, out_base: Path) -> None:
    subprocess.run(
        [str(NODE_BIN / "buf"), "generate", str(input_dir), "--template", str(TEMPLATE), "-o", str(out_base)],
        cwd=ROOT,  # the template names the plugin by its path under node_modules/.bin
        check=True,
    )


def generate_ts(proto_root: Path, out_base: Path = ROOT) -> None:
    """Regenerate `out_base`/generated/ts/{src/gen,src/index.ts,dist} from `proto_root`.

    The package's hand-written files (package.json, tsconfig.json, src/client.ts) must be in
    `out_base`/generated/ts already; node_modules is found from there or through a link to ROOT's.
    """
    package = out_base / PACKAGE_DIR
    for stale in (package / "src" / "gen", package / "dist"):
        if stale.exists():
            shutil.rmtree(stale)
    _buf_generate(proto_root, out_base)
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / RPC_PROTO_PATH).parent.mkdir(parents=True)
        shutil.copyfile(RPC_PROTO, Path(tmp) / RPC_PROTO_PATH)
        _buf_generate(Path(tmp), out_base)
    gen = package / "src" / "gen"
    modules = sorted(p.relative_to(package / "src").with_suffix(".js").as_posix() for p in gen.rglob("*_pb.ts"))
    exports = [f'export * from "./{module}";' for module in modules]
    index = "\n".join([INDEX_HEADER, *exports, 'export * from "./client.js";', ""])
    (package / "src" / "index.ts").write_text(index)
    subprocess.run([str(NODE_BIN / "tsc"), "-p", str(package / "tsconfig.json")], cwd=ROOT, check=True)
