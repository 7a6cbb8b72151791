"""`python -m service` as users run it: a subprocess with an environment given whole, its log read as events.

The environments come from the project's own documents (the README's command, the Dockerfile, the
Kubernetes manifest): `documented_environments()` reads them, so a test runs what a user would
run, plus only what keeps it on loopback and away from the developer's own AWS files.
"""

from __future__ import annotations

import itertools
import os
import re
import shlex
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Mapping
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
SERVING_LINE = re.compile(r"sfn-grpc serving on \S+ \(port (\d+)\)")


def readme_environment() -> dict[str, str]:
    """The variables of the README's command for running against AWS (`NAME=value ... python -m service`)."""
    text = (ROOT / "README.md").read_text()
    commands = [
        line
        for block in re.findall(r"```sh\n(.*?)```", text, flags=re.DOTALL)
        for line in block.splitlines()
        if "python -m service" in line and "SFN_GRPC_BACKEND=aws" in line
    ]
    assert len(commands) == 1, commands
    env = {}
    for word in shlex.split(commands[0]):
        if not re.fullmatch(r"[A-Z_][A-Z0-9_]*=.*", word):
            break
        name, value = word.split("=", 1)
        env[name] = value
    return env


def dockerfile_environment(base_path: str) -> dict[str, str]:
    """The image's ENV, plus the `-e` variables of the run command in its header comment.

    `$PATH` in the image's ENV is expanded with `base_path` (the base image's PATH, here the test's).
    """
    text = (ROOT / "Dockerfile").read_text()
    final_stage = text[text.rindex("\nFROM ") :]
    env: dict[str, str] = {}
    for block in re.findall(r"^ENV ((?:.*\\\n)*.*)$", final_stage, flags=re.MULTILINE):
        for word in shlex.split(block.replace("\\\n", " ")):
            name, value = word.split("=", 1)
            env[name] = value.replace("$PATH", base_path)
    run = re.search(r"^# .*Run: (docker run .*)$", text, flags=re.MULTILINE)
    assert run is not None, "the Dockerfile's header shows how to run the image"
    words = shlex.split(run.group(1))
    for flag, value in itertools.pairwise(words):
        if flag == "-e":
            name, value = value.split("=", 1)
            env[name] = value
    return env


def manifest_environment(secret_value: str = "a-secret-the-cluster-would-hold") -> dict[str, str]:
    """The Deployment's container env; values from Secrets get `secret_value` (the Secret would exist)."""
    manifest = yaml.safe_load((ROOT / "deploy" / "kubernetes" / "deployment.yaml").read_text())
    container = manifest["spec"]["template"]["spec"]["containers"][0]
    return {e["name"]: e.get("value", secret_value) for e in container["env"]}


def documented_environments() -> dict[str, dict[str, str]]:
    """Every documented way to run the gateway against AWS, by where it is documented."""
    return {
        "README": readme_environment(),
        "Dockerfile": dockerfile_environment(os.environ.get("PATH", "/usr/bin:/bin")),
        "deployment.yaml": manifest_environment(),
    }


def loopback_environment(endpoint_url: str, home: Path) -> dict[str, str]:
    """What a test adds to a documented environment: the fake endpoint, dummy credentials, empty AWS files.

    The listen addresses (gRPC and metrics) are loopback on free ports; the instance metadata service is off, so nothing
    ever leaves 127.0.0.1.
    """
    home.mkdir(parents=True, exist_ok=True)
    return {
        "SFN_GRPC_LISTEN": "127.0.0.1:0",
        "SFN_GRPC_METRICS_LISTEN": "127.0.0.1:0",
        "AWS_ENDPOINT_URL_SFN": endpoint_url,
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "HOME": str(home),
        "AWS_CONFIG_FILE": str(home / "no-aws-config"),
        "AWS_SHARED_CREDENTIALS_FILE": str(home / "no-aws-credentials"),
        "AWS_EC2_METADATA_DISABLED": "true",
    }


class ServerProcess:
    """A running `python -m service`; its stderr is collected line by line as it comes."""

    def __init__(
        self, env: Mapping[str, str], args: tuple[str, ...] = (), python: tuple[str, ...] = (sys.executable,)
    ) -> None:
        assert not ("AWS_REGION" in env and "AWS_DEFAULT_REGION" in env), "one region variable at a time"
        self.lines: list[str] = []
        self._changed = threading.Condition()
        self._ended = False
        self.process = subprocess.Popen(
            [*python, "-m", "service", *args],
            env=dict(env),
            cwd=ROOT,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        self._reader = threading.Thread(target=self._read, name="server-log", daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            with self._changed:
                self.lines.append(line.rstrip("\n"))
                self._changed.notify_all()
        with self._changed:
            self._ended = True
            self._changed.notify_all()

    def wait_for_line(self, pattern: str, timeout: float = 30.0) -> re.Match[str]:
        """The first log line matching `pattern` (waits for it; fails if the process ends without it)."""
        compiled = re.compile(pattern)
        deadline = time.monotonic() + timeout
        with self._changed:
            while True:
                for line in self.lines:
                    found = compiled.search(line)
                    if found:
                        return found
                left = deadline - time.monotonic()
                if self._ended or left <= 0:
                    raise AssertionError(f"no log line matches {pattern!r}; the log:\n{self.log}")
                self._changed.wait(left)

    def port(self) -> int:
        """The port it serves on (from its start-up log line)."""
        return int(self.wait_for_line(SERVING_LINE.pattern).group(1))

    @property
    def log(self) -> str:
        """Everything it logged so far."""
        with self._changed:
            return "\n".join(self.lines)

    def terminate(self) -> float:
        """Send SIGTERM; returns the monotonic time it was sent."""
        sent = time.monotonic()
        self.process.send_signal(signal.SIGTERM)
        return sent

    def wait(self, timeout: float = 30.0) -> int:
        """Its exit status, once it has exited and its log has been read whole."""
        code = self.process.wait(timeout)
        self._reader.join(timeout)
        return code

    def close(self) -> None:
        """Make sure it is gone (kill it if a test failed before it exited)."""
        if self.process.poll() is None:
            self.process.kill()
        self.wait()
        if self.process.stderr is not None:
            self.process.stderr.close()

    def __enter__(self) -> ServerProcess:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
