"""`sfn-grpc` in a real terminal: tmux (Debian's package; `make test` installs it) runs the installed console script
in a detached 120x50 session against a real server, and the pane's text (and colours) are captured and compared.

Every wait polls the pane's content for a condition, bounded by a timeout.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import shlex
import shutil
import subprocess
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pytest
from sfngrpc.stepfunctions.v1 import executions_pb2, gateway_pb2, state_machines_pb2

from service.embedded import DEMO_ROLE_ARN
from tests.grpc_helpers import running_server, server_config, start_demo
from tests.test_cli import DEMO_STATES, SFN_GRPC

TMUX = shutil.which("tmux")
WIDTH, HEIGHT = 120, 50
ESCAPE = re.compile(r"\x1b\[[0-9;]*m")
EXITED = "[sfn-grpc exited] "

pytestmark = pytest.mark.skipif(TMUX is None, reason="tmux is missing: `make test` installs it (Debian package tmux)")


class Pane:
    """One detached tmux session on a private server socket, with one pane that outlives its command."""

    def __init__(self) -> None:
        self.socket = f"sfn-grpc-test-{os.getpid()}-{uuid.uuid4().hex[:8]}"

    def tmux(self, *args: str) -> str:
        assert TMUX is not None
        done = subprocess.run(
            [TMUX, "-L", self.socket, "-f", os.devnull, *args], capture_output=True, text=True, timeout=30, check=False
        )
        assert done.returncode == 0, f"tmux {args}: {done.stderr}"
        return done.stdout

    def start(self) -> None:
        # A placeholder process first, so that remain-on-exit is set before the real command can end.
        self.tmux("new-session", "-d", "-s", "cli", "-x", str(WIDTH), "-y", str(HEIGHT), "cat")
        self.tmux("set-option", "-t", "cli", "remain-on-exit", "on")

    def run(self, address: str, *args: str, pipe: str | None = None) -> None:
        """Replace the pane's process with `sfn-grpc ARGS` (a fresh screen), which then prints its exit status.

        With `pipe`, a shell command that reads sfn-grpc's standard output (its stderr stays the terminal).
        """
        # A tmux server started without a terminal exports COLUMNS=80 and LINES=24 to its panes, which rich
        # (rightly) prefers to the terminal's size; an interactive shell does not export them.
        command = shlex.join(
            ["env", "-u", "COLUMNS", "-u", "LINES", f"SFN_GRPC_ADDRESS={address}", str(SFN_GRPC), *args]
        )
        # tmux 3.3 leaves #{pane_dead_status} empty and writes its "Pane is dead (status N" line only at
        # times: the shell says how the command ended instead.
        if pipe is not None:
            command = f"{command} | {pipe}"
        script = f"{command}; echo {shlex.quote(EXITED)}$?"
        self.tmux("respawn-pane", "-k", "-t", "cli", shlex.join(["sh", "-c", script]))
        self.tmux("clear-history", "-t", "cli")

    def capture(self, colours: bool = False) -> str:
        """The pane's whole content (scrollback included); with `colours`, its SGR escapes too."""
        return self.tmux("capture-pane", "-p", "-J", "-t", "cli", "-S", "-", "-E", "-", *(["-e"] if colours else []))

    def ended(self) -> bool:
        """Whether the pane's command has ended (remain-on-exit keeps the pane and its text)."""
        return self.tmux("display-message", "-p", "-t", "cli", "#{pane_dead}").strip() == "1"

    def wait_until(self, condition: Callable[[], bool], timeout: float = 60) -> str:
        """Poll until `condition()` holds; return the pane's text then; fail with it after `timeout`."""
        deadline = time.monotonic() + timeout
        while not condition():
            assert time.monotonic() < deadline, f"the pane never got there:\n{self.capture()}"
            time.sleep(0.05)  # the poll's period, not a wait for an outcome
        return self.capture()

    def wait_for(self, condition: Callable[[str], bool], timeout: float = 60) -> str:
        """Poll the pane until `condition(text)` holds."""
        return self.wait_until(lambda: condition(self.capture()), timeout)

    def wait_ended(self, timeout: float = 60) -> tuple[int, list[str]]:
        """Wait until the command ends; its exit status and the pane's lines before it (trailing blanks dropped)."""
        text = self.wait_until(lambda: self.ended() and EXITED in self.capture(), timeout)
        lines = [line.rstrip() for line in text.splitlines() if line.strip() and not line.startswith("Pane is dead")]
        assert lines[-1].startswith(EXITED), text
        return int(lines[-1][len(EXITED) :]), lines[:-1]

    def kill(self) -> None:
        assert TMUX is not None
        subprocess.run([TMUX, "-L", self.socket, "kill-server"], capture_output=True, timeout=30, check=False)


@contextmanager
def pane() -> Iterator[Pane]:
    terminal = Pane()
    try:
        terminal.start()
        yield terminal
    finally:
        terminal.kill()


async def test_history_follow_and_timeline_of_a_running_demo_in_a_terminal() -> None:
    async with running_server(server_config(backend="embedded")) as (server, stub, _):
        address = f"127.0.0.1:{server.port}"
        arn = await start_demo(stub, wait=True)  # 2 s in its Wait state
        with pane() as terminal:
            await asyncio.to_thread(terminal.run, address, "history", "--follow", arn)
            status, lines = await asyncio.to_thread(terminal.wait_ended)
            assert status == 0, lines
            assert lines[0].split() == ["ID", "TIME", "ELAPSED", "TYPE", "DETAILS"]
            assert re.fullmatch(r"\d+ events; execution SUCCEEDED", lines[-1]), lines[-1]
            events = lines[1:-1]
            assert int(lines[-1].split()[0]) == len(events)
            assert [int(line.split()[0]) for line in events] == list(range(1, len(events) + 1))
            # Aligned: every event's TYPE starts in the header's TYPE column, its time in TIME's.
            type_column, time_column = lines[0].index("TYPE"), lines[0].index("TIME")
            for line in events:
                assert line[type_column - 2 : type_column] == "  "
                assert line[type_column] != " "
                assert re.fullmatch(r"\d\d:\d\d:\d\d\.\d\d\d", line[time_column : time_column + 12])
            assert events[0][type_column:].startswith("ExecutionStarted")
            named = " ".join(events)
            for state in (*DEMO_STATES, "Pause"):
                assert state in named
            assert any("WaitStateExited" in line and "+2." in line for line in events)  # the 2 s Wait
            coloured = await asyncio.to_thread(terminal.capture, True)
            assert ESCAPE.search(coloured)
            assert re.search(r"\x1b\[[0-9;]*mSUCCEEDED", coloured)  # the outcome in colour

            await asyncio.to_thread(terminal.run, address, "timeline", arn)
            status, lines = await asyncio.to_thread(terminal.wait_ended)
            assert status == 0, lines
            assert lines[0].split() == ["STATE", "TYPE", "STATUS", "START", "DURATION", "TIME"]
            assert lines[-1].startswith("Execution SUCCEEDED after 2.")
            rows = lines[1:-2]
            labels = [(len(line) - len(line.lstrip()), line.split()[0]) for line in rows]
            assert [name for _, name in labels if _ == 0] == [
                "ApplyDefaults",
                "ShouldWait",
                "Pause",
                "FanOut",
                "ForEachItem",
            ]
            assert (2, "branch") in labels
            assert (4, "Greet") in labels
            assert (2, "iteration") in labels
            assert (4, "Describe") in labels
            assert all(len(line) <= WIDTH for line in lines)
            bar_column = lines[0].index("TIME")
            pause = next(line for line in rows if line.startswith("Pause"))
            assert pause[bar_column:].count("█") >= (WIDTH - bar_column) * 0.8  # 2 of the 2.0x seconds
            status_column = lines[0].index("STATUS")
            assert all(line[status_column:].startswith("SUCCEEDED") for line in rows)
            coloured = await asyncio.to_thread(terminal.capture, True)
            assert len(set(ESCAPE.findall(coloured))) >= 4  # bars coloured by kind, statuses by outcome


async def test_a_followed_history_shows_a_progress_line_until_the_execution_ends() -> None:
    definition = json.dumps({"StartAt": "Nap", "States": {"Nap": {"Type": "Wait", "Seconds": 600, "End": True}}})
    async with running_server(server_config(backend="embedded")) as (server, stub, _):
        address = f"127.0.0.1:{server.port}"
        machine = await stub.CreateStateMachine(
            state_machines_pb2.CreateStateMachineRequest(
                name="cli-terminal-nap", definition=definition, role_arn=DEMO_ROLE_ARN
            ),
            timeout=10,
        )
        started = await stub.StartExecution(
            executions_pb2.StartExecutionRequest(state_machine_arn=machine.state_machine_arn), timeout=10
        )
        with pane() as terminal:
            await asyncio.to_thread(terminal.run, address, "history", "--follow", started.execution_arn)
            # While it runs: the events so far, and rich's progress line (on stderr) under them.
            text = await asyncio.to_thread(
                terminal.wait_for, lambda t: "WaitStateEntered" in t and "execution RUNNING" in t
            )
            progress = next(line for line in text.splitlines() if "execution RUNNING" in line)
            assert re.search(r"history: 2 events, execution RUNNING\s+\d:\d\d:\d\d", progress), progress
            await stub.StopExecution(
                executions_pb2.StopExecutionRequest(execution_arn=started.execution_arn), timeout=10
            )
            status, lines = await asyncio.to_thread(terminal.wait_ended)
            assert status == 0, lines
            assert lines[-1] == f"{len(lines) - 2} events; execution ABORTED"
            assert "ExecutionAborted" in lines[-2]
            assert not any("execution RUNNING" in line for line in lines)  # the progress line is gone


async def test_a_history_piped_to_head_on_a_terminal_shows_only_its_lines() -> None:
    """stdout a pipe, stderr the terminal: no progress line mixes into what the pipe's reader shows."""
    async with running_server(server_config(backend="embedded")) as (server, stub, _):
        address = f"127.0.0.1:{server.port}"
        arn = await start_demo(stub, wait=False)
        await stub.WaitExecution(gateway_pb2.WaitExecutionRequest(execution_arn=arn), timeout=30)
        with pane() as terminal:
            await asyncio.to_thread(terminal.run, address, "history", arn, pipe="head -5")
            status, lines = await asyncio.to_thread(terminal.wait_ended)
            assert status == 0, lines
            assert lines[0].split() == ["ID", "TIME", "ELAPSED", "TYPE", "DETAILS"], lines
            assert [line.split()[0] for line in lines[1:]] == ["1", "2", "3", "4"], lines
            assert all(re.fullmatch(r" +\d+  \d\d:\d\d:\d\d\.\d\d\d .*", line) for line in lines[1:]), lines
            assert not any("history:" in line for line in lines), lines


async def test_list_on_a_narrow_terminal_keeps_every_arn_whole() -> None:
    """ARNs longer than the terminal is wide are never cut (no `…`): each goes whole on a line of its own."""
    machine_name = "cli-a-state-machine-with-a-name-long-enough-to-fill-a-row-" + "m" * 12
    execution_name = "an-execution-with-a-long-name-" + "e" * 40
    async with running_server(server_config(backend="embedded")) as (server, stub, _):
        address = f"127.0.0.1:{server.port}"
        machine = await stub.CreateStateMachine(
            state_machines_pb2.CreateStateMachineRequest(
                name=machine_name,
                definition=json.dumps({"StartAt": "P", "States": {"P": {"Type": "Pass", "End": True}}}),
                role_arn=DEMO_ROLE_ARN,
            ),
            timeout=10,
        )
        started = await stub.StartExecution(
            executions_pb2.StartExecutionRequest(state_machine_arn=machine.state_machine_arn, name=execution_name),
            timeout=10,
        )
        assert len(machine.state_machine_arn) > WIDTH
        with pane() as terminal:
            for args, arn, name in (
                ((), machine.state_machine_arn, machine_name),
                ((machine_name,), started.execution_arn, execution_name),
            ):
                await asyncio.to_thread(terminal.run, address, "list", *args)
                status, lines = await asyncio.to_thread(terminal.wait_ended)
                assert status == 0, lines
                text = "\n".join(lines)
                assert "…" not in text, text
                assert any(line.strip() == arn for line in lines), text  # one line, whole (tmux joins its wraps)
                assert any(line.split()[0] == name for line in lines), text
