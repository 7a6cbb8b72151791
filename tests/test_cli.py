"""The `sfn-grpc` console script, run as users run it (.venv/bin/sfn-grpc), against a real server on the embedded backend.

Output goes to pipes here, so it is the plain-text and JSON forms; tests/test_cli_terminal.py runs it in
a real terminal.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import os
import queue
import re
import signal
import subprocess
import threading
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from typing import Any

import grpc
import pytest
from google.protobuf import json_format
from PIL import Image
from sfngrpc.cli.output import human_duration
from sfngrpc.stepfunctions.v1 import gateway_pb2, service_pb2_grpc, state_machines_pb2

from service.embedded import DEMO_ROLE_ARN, DEMO_STATE_MACHINE_NAME
from tests.certs import CertificateAuthority
from tests.fake_sfn import FakeStepFunctions
from tests.grpc_helpers import running_server, server_config, start_demo
from tests.security_helpers import started, tls_config, tls_volume

ROOT = Path(__file__).resolve().parent.parent
SFN_GRPC = ROOT / ".venv" / "bin" / "sfn-grpc"
DEMO_STATES = ("ApplyDefaults", "ShouldWait", "FanOut", "Greet", "CountItems", "ForEachItem", "Describe")
MISSING = f"arn:aws:states:us-east-1:123456789012:execution:{DEMO_STATE_MACHINE_NAME}:never-started"
# A state machine that runs until stopped (the demo's Wait is 2 s: too short to stop for sure).
LONG_WAIT = "cli-long-wait"
LONG_WAIT_DEFINITION = json.dumps({"StartAt": "Nap", "States": {"Nap": {"Type": "Wait", "Seconds": 600, "End": True}}})


def _env(address: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SFN_GRPC_") and k != "COLUMNS"}
    env["SFN_GRPC_ADDRESS"] = address
    return env


def _run(
    address: str, *args: str | Path, stdin: str | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [SFN_GRPC, *map(str, args)],
        env=_env(address) | (env or {}),
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


async def cli(
    address: str, *args: str | Path, stdin: str | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run the installed console script off the event loop (the server runs on it)."""
    return await asyncio.to_thread(_run, address, *args, stdin=stdin, env=env)


async def ok(address: str, *args: str | Path) -> str:
    done = await cli(address, *args)
    assert done.returncode == 0, f"{args}: {done.returncode}\n{done.stdout}\n{done.stderr}"
    return done.stdout


def json_lines(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines()]


async def _stream_events(stub: service_pb2_grpc.StepFunctionsServiceAsyncStub, arn: str) -> list[dict[str, Any]]:
    """The history as the stubs read it, in proto JSON form: what --json must print, exactly."""
    events = []
    async for message in stub.StreamExecutionHistory(
        gateway_pb2.StreamExecutionHistoryRequest(execution_arn=arn), timeout=30
    ):
        events += [json_format.MessageToDict(e) for e in message.events]
    return events


def test_the_console_script_is_installed_and_documents_its_exit_codes() -> None:
    done = subprocess.run([SFN_GRPC, "--help"], capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    for command in ("start", "describe", "wait", "stop", "list", "history", "watch", "timeline"):
        assert command in done.stdout
    assert "64+N" in done.stdout
    assert "69 NOT_FOUND" in done.stdout
    assert "SFN_GRPC_ADDRESS" in done.stdout
    bad = subprocess.run([SFN_GRPC, "describe"], capture_output=True, text=True, timeout=60, check=False)
    assert bad.returncode == 2  # argparse's usage error


async def test_start_describe_wait_history_and_list_a_demo_execution() -> None:
    async with running_server(server_config(backend="embedded")) as (server, stub, _):
        address = f"127.0.0.1:{server.port}"
        # start by name (resolved through ListStateMachines); plain output is just the ARN.
        arn = (
            await ok(address, "start", DEMO_STATE_MACHINE_NAME, "--name", "cli-run", "--input", '{"wait": true}')
        ).strip()
        assert arn == f"arn:aws:states:us-east-1:123456789012:execution:{DEMO_STATE_MACHINE_NAME}:cli-run"

        described = json.loads(await ok(address, "describe", arn, "--json"))
        assert described["executionArn"] == arn
        assert described["name"] == "cli-run"
        assert described["input"] == '{"wait": true}'
        assert described["status"] in {"EXECUTION_STATUS_RUNNING", "EXECUTION_STATUS_SUCCEEDED"}

        waited = json.loads(await ok(address, "wait", arn, "--json"))
        assert waited["done"] is True
        assert waited["execution"]["status"] == "EXECUTION_STATUS_SUCCEEDED"
        assert "stopDate" in waited["execution"]

        plain = await ok(address, "describe", arn)
        fields = dict(
            line.split(None, 1) for line in plain.splitlines() if line.strip() and not line.startswith("state")
        )
        assert fields["status"].strip() == "SUCCEEDED"
        assert fields["name"].strip() == "cli-run"
        assert "\x1b[" not in plain  # no colour into a pipe

        # history --json: every event, in order, exactly as the stubs' JSON form (AWS's member names).
        events = json_lines(await ok(address, "history", arn, "--json"))
        assert events == await _stream_events(stub, arn)
        ids = [int(e["id"]) for e in events]
        assert ids == list(range(1, len(ids) + 1))
        assert len(ids) >= 25
        assert events[0]["type"] == "HISTORY_EVENT_TYPE_EXECUTION_STARTED"
        assert "executionStartedEventDetails" in events[0]
        entered = [e["stateEnteredEventDetails"]["name"] for e in events if "stateEnteredEventDetails" in e]
        assert set(DEMO_STATES) | {"Pause"} <= set(entered)
        assert all("previousEventId" in e for e in events[1:])

        reverse = json_lines(await ok(address, "history", arn, "--json", "--reverse"))
        assert [int(e["id"]) for e in reverse] == ids[::-1]
        after = json_lines(await ok(address, "history", arn, "--json", "--after", "20"))
        assert [int(e["id"]) for e in after] == ids[20:]

        # history in plain text: a header, one aligned line per event, the outcome.
        lines = (await ok(address, "history", arn)).splitlines()
        assert lines[0].split() == ["ID", "TIME", "ELAPSED", "TYPE", "DETAILS"]
        assert len(lines) == len(ids) + 2
        type_column = lines[0].index("TYPE")
        assert all(line[type_column - 2 : type_column] == "  " and line[type_column] != " " for line in lines[1:-1])
        assert [int(line.split()[0]) for line in lines[1:-1]] == ids
        assert lines[-1] == f"{len(ids)} events; execution SUCCEEDED"

        machines = json_lines(await ok(address, "list", "--json"))
        assert DEMO_STATE_MACHINE_NAME in {m["name"] for m in machines}
        assert all("stateMachineArn" in m for m in machines)
        executions = json_lines(await ok(address, "list", DEMO_STATE_MACHINE_NAME, "--json"))
        assert arn in {e["executionArn"] for e in executions}
        table = (await ok(address, "list", DEMO_STATE_MACHINE_NAME, "--status", "SUCCEEDED")).splitlines()
        assert table[0].split() == ["NAME", "STATUS", "STARTED", "DURATION", "ARN"]
        row = next(line for line in table if line.endswith(arn))
        assert row.split()[0:2] == ["cli-run", "SUCCEEDED"]
        assert row[table[0].index("STATUS") :].startswith("SUCCEEDED")
        none_aborted = await ok(address, "list", DEMO_STATE_MACHINE_NAME, "--status", "ABORTED", "--json")
        assert arn not in none_aborted


async def test_stop_a_running_execution_and_exit_codes_that_follow_the_grpc_status() -> None:
    async with running_server(server_config(backend="embedded")) as (server, stub, _):
        address = f"127.0.0.1:{server.port}"
        await stub.CreateStateMachine(
            state_machines_pb2.CreateStateMachineRequest(
                name=LONG_WAIT, definition=LONG_WAIT_DEFINITION, role_arn=DEMO_ROLE_ARN
            ),
            timeout=10,
        )
        started = json.loads(await ok(address, "start", LONG_WAIT, "--json"))
        arn = started["executionArn"]
        assert "startDate" in started
        # StopExecutionResponse as JSON; moto leaves its stopDate out (AWS sends it), so it may be {}.
        stopped = json.loads(await ok(address, "stop", arn, "--error", "Cancelled", "--cause", "by the test", "--json"))
        assert set(stopped) <= {"stopDate"}
        assert json.loads(await ok(address, "describe", arn, "--json"))["status"] == "EXECUTION_STATUS_ABORTED"

        missing = await cli(address, "describe", MISSING)
        assert missing.returncode == 64 + 5  # NOT_FOUND
        assert "NOT_FOUND EXECUTION_DOES_NOT_EXIST" in missing.stderr
        assert missing.stdout == ""
        missing_json = await cli(address, "history", MISSING, "--json")
        assert missing_json.returncode == 69
        error = json.loads(missing_json.stderr)
        assert error["code"] == "NOT_FOUND"
        assert error["reason"] == "EXECUTION_DOES_NOT_EXIST"
        assert error["metadata"]["aws_error_code"] == "ExecutionDoesNotExist"

        invalid = await cli(address, "describe", "not-an-arn")
        assert invalid.returncode == 64 + 3  # INVALID_ARGUMENT
        assert "INVALID_ARGUMENT" in invalid.stderr
        no_such_machine = await cli(address, "start", "no-such-machine")
        assert no_such_machine.returncode == 69
        assert "no-such-machine" in no_such_machine.stderr
        not_json = await cli(address, "start", DEMO_STATE_MACHINE_NAME, "--input", "{nope")
        assert not_json.returncode == 1
        assert "not JSON" in not_json.stderr

    # Nothing listens there any more: UNAVAILABLE, 64 + 14.
    gone = await cli(address, "describe", MISSING, "--timeout", "5")
    assert gone.returncode == 64 + 14, gone.stderr
    assert "UNAVAILABLE" in gone.stderr


async def test_input_from_a_file_and_watch_until_interrupted(tmp_path: Path) -> None:
    async with running_server(server_config(backend="embedded")) as (server, _, _):
        address = f"127.0.0.1:{server.port}"
        payload = tmp_path / "input.json"
        payload.write_text('{"wait": false, "items": ["x"]}')
        arn = (await ok(address, "start", DEMO_STATE_MACHINE_NAME, "--input", f"@{payload}")).strip()
        assert json.loads(await ok(address, "describe", arn, "--json"))["input"] == payload.read_text()

        def watch_until(*flags: str, seen: Callable[[str], bool]) -> tuple[list[str], int]:
            """Watch the demo's executions until a line is `seen`, then Ctrl-C (SIGINT); the lines and exit code."""
            command = [str(SFN_GRPC), "watch", DEMO_STATE_MACHINE_NAME, *flags]
            process = subprocess.Popen(command, env=_env(address), stdout=subprocess.PIPE, text=True)
            lines: queue.Queue[str] = queue.Queue()
            assert process.stdout is not None

            def read_lines() -> None:
                for line in process.stdout or ():
                    lines.put(line)

            reader = threading.Thread(target=read_lines, daemon=True)
            reader.start()
            got: list[str] = []
            try:
                deadline = time.monotonic() + 30
                while not (got and seen(got[-1])):
                    got.append(lines.get(timeout=max(deadline - time.monotonic(), 0.01)).rstrip("\n"))
                process.send_signal(signal.SIGINT)
                return got, process.wait(timeout=30)
            finally:
                if process.poll() is None:
                    process.kill()
                    process.wait()
                reader.join(timeout=10)

        got, code = await asyncio.to_thread(watch_until, "--json", seen=lambda line: arn in line)
        assert code == 130
        changes = [json.loads(line) for line in got]
        assert changes[-1]["execution"]["executionArn"] == arn
        assert changes[-1]["change"] == "EXECUTION_CHANGE_EXISTING"
        assert all(c["cursor"] for c in changes)

        name = arn.rsplit(":", 1)[1]
        got, code = await asyncio.to_thread(watch_until, seen=lambda line: line.endswith(name))
        assert code == 130
        assert got[0].split() == ["TIME", "CHANGE", "STATUS", "NAME"]
        assert got[-1].split()[2:] == ["EXISTING", "SUCCEEDED", name]  # date, time, change, status, name
        assert got[-1].index("EXISTING") == got[0].index("CHANGE")


async def test_timeline_draws_the_demo_as_text_svg_and_png(tmp_path: Path) -> None:
    async with running_server(server_config(backend="embedded")) as (server, stub, _):
        address = f"127.0.0.1:{server.port}"
        arn = await start_demo(stub, wait=False)
        await ok(address, "wait", arn)

        text = (await ok(address, "timeline", arn)).splitlines()
        assert text[0].split()[:5] == ["STATE", "TYPE", "STATUS", "START", "DURATION"]
        labels = [line.split()[0] for line in text[1:-2]]
        for state in DEMO_STATES:
            assert state in labels
        assert "branch" in labels
        assert "iteration" in labels
        assert text[-1].startswith("Execution SUCCEEDED after ")
        # Nested rows are indented under their parent: a Map iteration two spaces in, its state four.
        assert any(line.startswith("  iteration 0 ") for line in text)
        assert any(line.startswith("    Describe ") for line in text)

        spans = json_lines(await ok(address, "timeline", arn, "--json"))
        assert {s["name"] for s in spans} >= set(DEMO_STATES)
        assert {(s["name"], s["depth"]) for s in spans} >= {
            ("FanOut", 0),
            ("branch 1", 1),
            ("Greet", 2),
            ("iteration 2", 1),
        }

        png, svg = tmp_path / "x.png", tmp_path / "x.svg"
        await ok(address, "timeline", arn, "--out", png)
        await ok(address, "timeline", arn, "--out", svg)
        with Image.open(png) as image:
            image.load()
            assert image.format == "PNG"
            assert image.width >= 600
            assert image.height >= 300
            colours = image.convert("RGB").getcolors(maxcolors=1 << 20)
            assert colours is not None
            big = [c for count, c in colours if count >= 200]  # bars, not anti-aliased edges
            assert len(big) >= 6, big
        assert png.stat().st_size > 10_000
        texts = "".join(ET.parse(svg).getroot().itertext())
        for state in DEMO_STATES:
            assert state in texts
        assert "SUCCEEDED" in texts

        wrong = await cli(address, "timeline", arn, "--out", tmp_path / "x.gif")
        assert wrong.returncode == 1
        assert ".svg or .png" in wrong.stderr


def test_the_readme_image_is_what_timeline_draws_from_the_committed_history(tmp_path: Path) -> None:
    """docs/timeline.svg is the output of the README's command on tests/data/demo_history.jsonl, today."""
    fresh = tmp_path / "timeline.svg"
    done = subprocess.run(
        [SFN_GRPC, "timeline", "--history", ROOT / "tests" / "data" / "demo_history.jsonl", "--out", fresh],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert fresh.read_bytes() == (ROOT / "docs" / "timeline.svg").read_bytes(), (
        "regenerate it: .venv/bin/sfn-grpc timeline --history tests/data/demo_history.jsonl --out docs/timeline.svg"
    )
    assert "](docs/timeline.svg)" in (ROOT / "README.md").read_text()


async def test_the_readme_quick_start_runs_in_a_shell() -> None:
    """The README's second-shell commands, as written, in bash, against a fresh server on the embedded backend."""
    found = re.search(
        r"In a second shell, from the repository:\n\n```sh\n(.*?)```", (ROOT / "README.md").read_text(), re.S
    )
    assert found, "the README's quick start has no second-shell block"
    script = found.group(1)
    assert "sfn-grpc start sfn-grpc-demo" in script
    async with running_server(server_config(backend="embedded")) as (server, _, _):
        env = _env(f"127.0.0.1:{server.port}")
        done = await asyncio.to_thread(
            subprocess.run,
            ["bash", "-euo", "pipefail", "-c", script],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert re.fullmatch(r"\d+ events; execution SUCCEEDED", next(line for line in lines if "events;" in line))
    assert lines[-1].startswith("Execution SUCCEEDED after 2.")  # the timeline's summary: the demo waits 2 s


@pytest.mark.parametrize(
    "args",
    [
        ("timeline",),
        ("timeline", MISSING, "--history", "events.jsonl"),
        ("timeline", MISSING, "--out", "y.svg", "--json"),
        ("history", MISSING, "--follow", "--reverse"),
        ("list", "--status", "FAILED"),
        ("--timeout", "0", "describe", MISSING),
        ("describe", MISSING, "--timeout", "-1"),
        ("describe", MISSING, "--timeout", "nan"),
        ("describe", MISSING, "--timeout", "1e12"),
        ("--address", "", "list"),
        ("wait", MISSING, "--max-wait", "inf"),
        ("wait", MISSING, "--max-wait", "-1"),
    ],
)
def test_a_bad_command_line_exits_2_before_any_call(args: tuple[str, ...]) -> None:
    # Nothing listens on port 9 of loopback: a refusal before any call exits 2 (the README's bad command
    # line), not 78 (UNAVAILABLE), and gRPC's core never logs (E1126 ... lines).
    done = _run("127.0.0.1:9", *args)
    assert done.returncode == 2, done.stderr
    assert done.stdout == ""
    assert re.search(r"^sfn-grpc( \w+)?: error: ", done.stderr, re.M), done.stderr
    assert not re.search(r"^[EWI]\d{4} ", done.stderr, re.M), done.stderr


def test_tls_files_that_are_not_a_ca_or_a_matching_key_are_a_local_error(tmp_path: Path) -> None:
    """Checked before dialling: exit 1 and one line naming the flag, not 78 and gRPC's own error lines."""
    ca = CertificateAuthority()
    first, second = ca.client(uri="spiffe://example.org/a"), ca.client(uri="spiffe://example.org/b")
    (tmp_path / "ca.pem").write_bytes(ca.pem)
    (tmp_path / "garbage.pem").write_text("not a certificate\n")
    (tmp_path / "a.pem").write_bytes(first.cert)
    (tmp_path / "b.key").write_bytes(second.key)
    (tmp_path / "a.key").write_bytes(first.key)
    for flags, named in (
        (("--tls-ca-file", tmp_path / "garbage.pem"), "--tls-ca-file"),
        (
            (
                "--tls-ca-file",
                tmp_path / "ca.pem",
                "--tls-cert-file",
                tmp_path / "a.pem",
                "--tls-key-file",
                tmp_path / "b.key",
            ),
            "--tls-key-file",
        ),
        (("--tls-cert-file", tmp_path / "garbage.pem", "--tls-key-file", tmp_path / "a.key"), "--tls-cert-file"),
    ):
        done = _run("127.0.0.1:9", *flags, "list")
        assert done.returncode == 1, done.stderr
        assert done.stderr.count("\n") == 1, done.stderr
        assert done.stderr.startswith("error: "), done.stderr
        assert named in done.stderr
        # For programs (--json), the same failure as the JSON error object, code LOCAL_ERROR.
        as_json = _run("127.0.0.1:9", *flags, "list", "--json")
        assert as_json.returncode == 1, as_json.stderr
        failure = json.loads(as_json.stderr)
        assert failure["code"] == "LOCAL_ERROR"
        assert named in failure["message"]
        assert set(failure) == {"code", "message", "reason", "domain", "metadata"}


async def test_failures_of_calls_report_as_documented() -> None:
    """--json errors carry every key; a bad --resume cursor prints no header; a huge --max-wait reaches the
    gateway, which refuses it (INVALID_ARGUMENT), instead of a client deadline that overflows."""
    async with running_server(server_config(backend="embedded")) as (server, _, _):
        address = f"127.0.0.1:{server.port}"
        keys = {"code", "message", "reason", "domain", "metadata"}
        for args, code in (
            (("start", "no-such-machine", "--json"), "NOT_FOUND"),
            (("describe", MISSING, "--timeout", "1e-9", "--json"), "DEADLINE_EXCEEDED"),
            (("history", MISSING, "--json"), "NOT_FOUND"),
        ):
            done = await cli(address, *args)
            error = json.loads(done.stderr)
            assert set(error) == keys, error
            assert error["code"] == code
            assert done.returncode == 64 + getattr(grpc.StatusCode, code).value[0]
        assert json.loads((await cli(address, "start", "no-such-machine", "--json")).stderr)["metadata"] == {}

        watched = await cli(address, "watch", DEMO_STATE_MACHINE_NAME, "--resume", "garbage")
        assert watched.returncode == 64 + 3, watched.stderr
        assert watched.stdout == ""
        assert "resume_cursor" in watched.stderr

        arn = (await ok(address, "start", DEMO_STATE_MACHINE_NAME)).strip()
        waited = await cli(address, "wait", arn, "--max-wait", "1e12")
        assert waited.returncode == 64 + 3, waited.stderr
        assert "max_wait" in waited.stderr


async def test_piped_history_details_are_cut_only_to_columns() -> None:
    """Plain history output keeps every detail (a long cause), unless COLUMNS says how wide to be."""
    async with running_server(server_config(backend="embedded")) as (server, stub, _):
        address = f"127.0.0.1:{server.port}"
        cause = "c" * 300
        definition = {"StartAt": "F", "States": {"F": {"Type": "Fail", "Error": "Boom", "Cause": cause}}}
        machine = await stub.CreateStateMachine(
            state_machines_pb2.CreateStateMachineRequest(
                name="cli-fails", definition=json.dumps(definition), role_arn=DEMO_ROLE_ARN
            ),
            timeout=10,
        )
        arn = (await ok(address, "start", machine.state_machine_arn)).strip()
        await ok(address, "wait", arn)
        whole = (await ok(address, "history", arn)).splitlines()
        failed = next(line for line in whole if "ExecutionFailed" in line)
        assert failed.endswith(f"error=Boom  cause={cause}")
        narrow = await cli(address, "history", arn, env={"COLUMNS": "100"})
        assert narrow.returncode == 0, narrow.stderr
        assert max(len(line) for line in narrow.stdout.splitlines()) == 100
        assert next(line for line in narrow.stdout.splitlines() if "ExecutionFailed" in line).endswith("c…")


async def test_the_tls_flags_reach_an_mtls_gateway(tmp_path: Path, fake: FakeStepFunctions) -> None:
    """--tls-ca-file, --tls-cert-file and --tls-key-file: a client certificate the gateway's CA signed gets
    through; without it the handshake fails and the exit code says UNAVAILABLE (64 + 14)."""
    ca = CertificateAuthority()
    volume = tls_volume(tmp_path / "tls", ca)
    client = ca.client(uri="spiffe://example.org/ns/ops/sa/cli")
    (tmp_path / "ca.pem").write_bytes(ca.pem)
    (tmp_path / "client.pem").write_bytes(client.cert)
    (tmp_path / "client.key").write_bytes(client.key)
    machine = fake.add_state_machine("cli-over-tls")
    async with started(tls_config(volume, mutual=True), fake) as server:
        address = f"localhost:{server.port}"
        tls = ("--tls-ca-file", tmp_path / "ca.pem")
        listed = await ok(
            address,
            *tls,
            "--tls-cert-file",
            tmp_path / "client.pem",
            "--tls-key-file",
            tmp_path / "client.key",
            "list",
            "--json",
        )
        assert machine in {line["stateMachineArn"] for line in json_lines(listed)}
        refused = await cli(address, *tls, "list", "--json")
        assert refused.returncode == 64 + 14, refused.stderr


def test_timeline_of_a_history_file_that_has_not_ended_ends_at_its_last_event(tmp_path: Path) -> None:
    """A history read from a file was written some time ago: its chart and summary end at its last event,
    not at the wall clock's now (which would say "so far" and stretch the axis by however long ago)."""
    lines = (ROOT / "tests" / "data" / "demo_history.jsonl").read_text().splitlines()[:12]
    partial = tmp_path / "partial.jsonl"
    partial.write_text("\n".join(lines) + "\n")
    events = [json.loads(line) for line in lines]
    assert not any(e["type"].startswith("HISTORY_EVENT_TYPE_EXECUTION_") for e in events[1:])  # still running
    stamps = [dt.datetime.fromisoformat(e["timestamp"]) for e in events]
    length = human_duration((max(stamps) - min(stamps)).total_seconds())
    done = _run("127.0.0.1:9", "timeline", "--history", partial)
    assert done.returncode == 0, done.stderr
    text = done.stdout.splitlines()
    assert text[-1] == f"Execution RUNNING at its last event, {length} after it started"
    assert text[-2].rstrip().endswith(f" {length}")  # the axis ends there too
    image = tmp_path / "partial.svg"
    assert _run("127.0.0.1:9", "timeline", "--history", partial, "--out", image).returncode == 0
    assert f"RUNNING at its last event, {length} after it started" in "".join(ET.parse(image).getroot().itertext())
