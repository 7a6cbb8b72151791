"""grpc_health_probe, as a Kubernetes probe or a load balancer's check runs it, against a real server.

The probe (github.com/grpc-ecosystem/grpc-health-probe, pinned in the Makefile and built into
.tools/bin by `make go-tools`, which `make test` runs; `go install` names it grpc-health-probe) exits 0
on SERVING and non-zero otherwise (4: the server answered NOT_SERVING).
"""

from __future__ import annotations

import asyncio
import re
import subprocess
from pathlib import Path

import grpc
import pytest
from grpc_health.v1 import health_pb2

from service.server import SERVICE_NAME
from tests.fake_sfn import FakeStepFunctions
from tests.grpc_helpers import health_stub, running_server, server_config
from tests.server_process import ROOT, ServerProcess, loopback_environment, readme_environment

PROBE = ROOT / ".tools" / "bin" / "grpc-health-probe"
UNHEALTHY = 4  # grpc_health_probe's exit code when the server answers, with a status other than SERVING
REGION_VARIABLES = ("SFN_GRPC_REGION", "AWS_REGION", "AWS_DEFAULT_REGION")


@pytest.fixture(scope="module", autouse=True)
def _probe_is_built() -> None:
    assert PROBE.is_file(), "grpc-health-probe is missing: run `make go-tools` (`make test` does)"


def probe(port: int, service: str) -> subprocess.CompletedProcess[str]:
    """One probe run, bounded: the probe's own timeouts, and a hard limit on the process."""
    command = [str(PROBE), f"-addr=127.0.0.1:{port}", f"-service={service}"]
    command += ["-connect-timeout=10s", "-rpc-timeout=10s"]
    return subprocess.run(command, capture_output=True, text=True, timeout=60)


async def serving(channel: grpc.aio.Channel, service: str) -> None:
    """Return once the health service reports SERVING (Watch sends each change as it happens)."""
    watch = health_stub(channel).Watch(health_pb2.HealthCheckRequest(service=service), timeout=30)
    async for change in watch:
        if change.status == health_pb2.HealthCheckResponse.SERVING:
            watch.cancel()
            return
    raise AssertionError("the health watch ended before SERVING")


@pytest.mark.parametrize("service", ["", SERVICE_NAME])
async def test_serving_exits_zero(service: str) -> None:
    async with running_server(server_config(backend="embedded")) as (server, _, channel):
        await serving(channel, service)
        ran = await asyncio.to_thread(probe, server.port, service)
        assert ran.returncode == 0, ran.stderr
        assert "status: SERVING" in ran.stdout + ran.stderr


@pytest.mark.parametrize("service", ["", SERVICE_NAME])
async def test_no_region_is_not_serving_and_a_non_zero_exit(tmp_path: Path, service: str) -> None:
    with FakeStepFunctions() as fake:
        documented = {k: v for k, v in readme_environment().items() if k not in REGION_VARIABLES}
        env = {**documented, **loopback_environment(fake.endpoint_url, tmp_path / "home")}
        with ServerProcess(env) as server:
            await asyncio.to_thread(server.wait_for_line, r"ERROR .*no AWS region is configured")
            ran = await asyncio.to_thread(probe, server.port(), service)
            assert ran.returncode == UNHEALTHY, ran.stdout + ran.stderr
            assert "NOT_SERVING" in ran.stdout + ran.stderr
            server.terminate()
            assert server.wait() == 0


def test_the_readme_names_the_pinned_version() -> None:
    pinned = re.search(r"^HEALTH_PROBE_VERSION := (\S+)$", (ROOT / "Makefile").read_text(), re.M)
    assert pinned is not None
    assert f"grpc_health_probe -addr=host:50051` ({pinned.group(1)} is pinned" in (ROOT / "README.md").read_text()
