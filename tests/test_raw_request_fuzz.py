"""atheris over raw request bytes (tests/fuzz_raw_requests.py), a bounded run in every `make test`.

libFuzzer ends the process when it is done, so the fuzzer runs in a child process: a fixed seed, a
fixed number of runs and a time limit that bounds it on a loaded machine. A failing input fails this
test with the fuzzer's report and the input's bytes. SFN_GRPC_FUZZ_SECONDS=N fuzzes for N seconds
instead of the fixed number of runs (README: Fuzzing).
"""

from __future__ import annotations

import os
import pathlib
import re
import subprocess
import sys

import grpc

from tests.fuzz_support import live_gateway, method_named

ROOT = pathlib.Path(__file__).resolve().parent.parent
_LONG = os.environ.get("SFN_GRPC_FUZZ_SECONDS")
# About 12 s on an idle 2-core machine (850 inputs a second); the time limit holds a loaded one to 30 s.
RUNS = 10_000
SECONDS = int(_LONG) if _LONG else 30
# A run that tried fewer inputs than this did not fuzz (the gateway did not answer, say).
LEAST_RUNS = 1_000


def test_raw_request_bytes_get_only_documented_client_errors(tmp_path: pathlib.Path) -> None:
    bounds = [f"-max_total_time={SECONDS}"] + ([] if _LONG else [f"-runs={RUNS}"])
    command = [
        sys.executable,
        "-m",
        "tests.fuzz_raw_requests",
        str(tmp_path / "corpus"),
        "-seed=1",
        "-max_len=8192",
        "-timeout=30",
        f"-artifact_prefix={tmp_path}/",
        *bounds,
    ]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=SECONDS + 120, check=False)
    # libFuzzer's artifacts: crash-*, timeout-* (an input that took over -timeout), oom-*, leak-*.
    crashes = {path.name: path.read_bytes()[:2000] for path in tmp_path.iterdir() if path.is_file()}
    report = done.stderr[-6000:]
    assert not crashes, f"{report}\nfailing inputs: {crashes}"
    assert done.returncode == 0, report
    runs = re.search(r"Done (\d+) runs in (\d+) second", done.stderr)
    assert runs is not None, report
    print(f"atheris: {runs.group(1)} inputs in {runs.group(2)} s")  # the figure README's Fuzzing section quotes
    assert int(runs.group(1)) >= LEAST_RUNS, report


def test_a_raw_request_the_gateway_cannot_decode_is_a_malformed_request() -> None:
    """The shapes of broken bytes the fuzzer starts from, each judged alone (a plain regression net)."""
    broken = [
        b"\x0a\x02\xff\xfe",  # field 1, a string of invalid UTF-8
        b"\xff" * 10,  # a varint that never ends
        b"\x0a\x7f",  # a length past the end
        b"\x0b" * 200 + b"\x0c" * 200,  # groups nested past the parser's depth limit
        b"\x07",  # field 0
    ]
    with live_gateway() as live:
        for method in (method_named("StartExecution"), method_named("StreamExecutionHistory")):
            for data in broken:
                outcome = live.judge_call(method, data, 10.0)
                assert outcome.code == grpc.StatusCode.INVALID_ARGUMENT, (method.name, data, outcome)
                assert outcome.reason == "MALFORMED_REQUEST", (method.name, data, outcome)
