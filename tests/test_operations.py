"""The gateway as operators run it: `python -m service` in a subprocess, with the environment the README,
the Dockerfile and the Kubernetes manifest set (read from those files), against the fake endpoint on
127.0.0.1; then SIGTERM, as a container runtime sends it."""

from __future__ import annotations

import asyncio
import re
import sys
import sysconfig
import time
from collections.abc import Awaitable, Mapping
from pathlib import Path
from typing import Any

import grpc
import pytest
from google.protobuf import duration_pb2
from grpc_health.v1 import health_pb2
from sfngrpc.stepfunctions.v1 import executions_pb2, gateway_pb2, service_pb2_grpc, state_machines_pb2

from service.config import load
from service.server import SERVICE_NAME
from tests.fake_sfn import FakeStepFunctions
from tests.grpc_helpers import health_stub, next_message, rich_details
from tests.server_process import ROOT, ServerProcess, documented_environments, loopback_environment, readme_environment

SERVING = health_pb2.HealthCheckResponse.SERVING
NOT_SERVING = health_pb2.HealthCheckResponse.NOT_SERVING
REGION_VARIABLES = ("SFN_GRPC_REGION", "AWS_REGION", "AWS_DEFAULT_REGION")
CREDENTIAL_SCOPE = re.compile(r"Credential=[^/]+/\d{8}/([^/]+)/([^/]+)/aws4_request")


async def health_becomes(channel: grpc.aio.Channel, wanted: int, timeout: float = 30.0) -> None:
    """Wait (on Health.Watch, which sends each change) until the server reports `wanted`."""
    watch = health_stub(channel).Watch(health_pb2.HealthCheckRequest(service=""), timeout=timeout)
    try:
        async for reply in watch:
            if reply.status == wanted:
                return
    finally:
        watch.cancel()
    raise AssertionError("the health watch ended early")


async def health_now(channel: grpc.aio.Channel) -> set[int]:
    """The status Check answers now, for the whole server and for the service."""
    stub = health_stub(channel)
    return {
        (await stub.Check(health_pb2.HealthCheckRequest(service=name), timeout=5)).status for name in ("", SERVICE_NAME)
    }


def regions_signed_for(fake: FakeStepFunctions) -> set[str]:
    """The regions in the SigV4 credential scope of every request the fake received."""
    scopes = set()
    for call in fake.calls:
        found = CREDENTIAL_SCOPE.search(call.headers.get("Authorization", ""))
        assert found is not None, call.headers
        assert found.group(2) == "states"
        scopes.add(found.group(1))
    return scopes


def without_region(env: Mapping[str, str]) -> dict[str, str]:
    return {name: value for name, value in env.items() if name not in REGION_VARIABLES}


async def serve_and_call(env: Mapping[str, str], args: tuple[str, ...], fake: FakeStepFunctions) -> None:
    """Start the server, see it SERVING, make one real call through it, stop it cleanly."""
    machine = fake.add_state_machine("orders")
    with ServerProcess(env, args) as server:
        async with grpc.aio.insecure_channel(f"127.0.0.1:{server.port()}") as channel:
            await health_becomes(channel, SERVING)
            stub = service_pb2_grpc.StepFunctionsServiceStub(channel)
            listed = await stub.ListStateMachines(state_machines_pb2.ListStateMachinesRequest(), timeout=10)
            assert [m.state_machine_arn for m in listed.state_machines] == [machine]
        server.terminate()
        assert server.wait() == 0, server.log
    assert "Traceback" not in server.log


@pytest.mark.parametrize("source", ["README", "Dockerfile", "deployment.yaml"])
async def test_the_documented_setup_serves_in_its_region(source: str, tmp_path: Path) -> None:
    documented = documented_environments()[source]
    # What the documents tell users to set: AWS_REGION alone (which the pinned botocore ignores).
    assert "AWS_REGION" in documented
    assert "AWS_DEFAULT_REGION" not in documented
    region = documented["AWS_REGION"]
    with FakeStepFunctions(region=region) as fake:
        env = {**documented, **loopback_environment(fake.endpoint_url, tmp_path / "home")}
        await serve_and_call(env, (), fake)
        assert regions_signed_for(fake) == {region}


@pytest.mark.parametrize(
    ("extra", "args", "expected"),
    [
        ({"SFN_GRPC_REGION": "ca-central-1"}, (), "ca-central-1"),  # over the README's AWS_REGION
        ({"SFN_GRPC_REGION": "ca-central-1"}, ("--region", "sa-east-1"), "sa-east-1"),  # a flag wins
    ],
)
async def test_the_gateways_own_region_setting_wins(
    extra: dict[str, str], args: tuple[str, ...], expected: str, tmp_path: Path
) -> None:
    with FakeStepFunctions(region=expected) as fake:
        env = {**readme_environment(), **extra, **loopback_environment(fake.endpoint_url, tmp_path / "home")}
        assert env["AWS_REGION"] != expected
        await serve_and_call(env, args, fake)
        assert regions_signed_for(fake) == {expected}


async def test_aws_default_region_alone_is_used(tmp_path: Path) -> None:
    with FakeStepFunctions(region="us-west-2") as fake:
        env = {**without_region(readme_environment()), **loopback_environment(fake.endpoint_url, tmp_path / "home")}
        env["AWS_DEFAULT_REGION"] = "us-west-2"
        await serve_and_call(env, (), fake)
        assert regions_signed_for(fake) == {"us-west-2"}


async def test_the_profiles_region_is_used_when_no_variable_names_one(tmp_path: Path) -> None:
    with FakeStepFunctions(region="ap-southeast-2") as fake:
        env = {**without_region(readme_environment()), **loopback_environment(fake.endpoint_url, tmp_path / "home")}
        Path(env["AWS_CONFIG_FILE"]).write_text("[profile ops]\nregion = ap-southeast-2\n")
        env["AWS_PROFILE"] = "ops"
        await serve_and_call(env, (), fake)
        assert regions_signed_for(fake) == {"ap-southeast-2"}


def test_the_region_settings_in_order_of_precedence() -> None:
    everything = {"SFN_GRPC_REGION": "a-1", "AWS_REGION": "b-1", "AWS_DEFAULT_REGION": "c-1"}
    assert load([], everything).region == "a-1"
    assert load(["--region", "z-1"], everything).region == "z-1"
    assert load([], {"AWS_REGION": "b-1", "AWS_DEFAULT_REGION": "c-1"}).region == "b-1"
    assert load([], {"AWS_DEFAULT_REGION": "c-1"}).region == "c-1"
    assert load([], {"AWS_REGION": "", "AWS_DEFAULT_REGION": "c-1"}).region == "c-1"  # empty is unset
    assert load([], {}).region is None  # boto3's config files decide


async def test_without_any_region_it_starts_not_serving_and_every_call_says_why(tmp_path: Path) -> None:
    with FakeStepFunctions() as fake:
        machine = fake.add_state_machine("orders")
        execution = fake.add_execution(machine, "run-1", status="RUNNING")
        env = {**without_region(readme_environment()), **loopback_environment(fake.endpoint_url, tmp_path / "home")}
        with ServerProcess(env) as server:
            async with grpc.aio.insecure_channel(f"127.0.0.1:{server.port()}") as channel:
                await asyncio.to_thread(server.wait_for_line, r"ERROR .*no AWS region is configured")
                assert await health_now(channel) == {NOT_SERVING}
                stub = service_pb2_grpc.StepFunctionsServiceStub(channel)
                calls: dict[str, Awaitable[object]] = {
                    "unary": stub.DescribeExecution(
                        executions_pb2.DescribeExecutionRequest(execution_arn=execution), timeout=10
                    ),
                    "stream": _drain(
                        stub.StreamExecutionHistory(
                            gateway_pb2.StreamExecutionHistoryRequest(execution_arn=execution, follow=True),
                            timeout=10,
                        )
                    ),
                    "watch": _drain(
                        stub.WatchExecutions(gateway_pb2.WatchExecutionsRequest(state_machine_arn=machine), timeout=10)
                    ),
                    "wait": stub.WaitExecution(gateway_pb2.WaitExecutionRequest(execution_arn=execution), timeout=10),
                }
                for kind, pending in calls.items():
                    with pytest.raises(grpc.aio.AioRpcError) as caught:
                        await pending
                    assert caught.value.code() == grpc.StatusCode.FAILED_PRECONDITION, kind
                    assert rich_details(caught.value)["ErrorInfo"].reason == "NO_AWS_REGION", kind
                assert await health_now(channel) == {NOT_SERVING}
            server.terminate()
            assert server.wait() == 0
        assert fake.calls == []
        assert "Traceback" not in server.log


async def _drain(stream: grpc.aio.UnaryStreamCall[Any, Any]) -> None:
    """Read a stream to its end (read(), not iteration: a test may have read from it already)."""
    while await stream.read() is not grpc.aio.EOF:
        pass


EMBEDDED_EXTRA = ("moto", "flask")  # moto, Flask, flask-cors and their dist-info folders


def test_embedded_without_its_extra_fails_at_start_with_one_line_and_status_2(tmp_path: Path) -> None:
    # An installation without the `embedded` extra: every installed package but moto and flask(-cors).
    site = tmp_path / "site-packages"
    site.mkdir()
    for entry in Path(sysconfig.get_paths()["purelib"]).iterdir():
        if not entry.name.lower().startswith(EMBEDDED_EXTRA):
            (site / entry.name).symlink_to(entry)
    env = {
        "PYTHONPATH": f"{site}:{ROOT}:{ROOT / 'generated' / 'python'}",
        "SFN_GRPC_LISTEN": "127.0.0.1:0",
        "HOME": str(tmp_path),
    }
    start = time.monotonic()
    # -S: no site-packages but the ones above (and no .pth file of the full installation).
    with ServerProcess(env, ("--backend", "embedded"), python=(sys.executable, "-S")) as server:
        code = server.wait()
    assert code == 2, server.log
    assert len(server.lines) == 1, server.log
    line = server.lines[0]
    assert "ERROR" in line
    assert re.search(r"no module '(moto|flask|flask_cors)'", line), line
    assert "pip install -c constraints.txt '.[embedded]'" in line
    assert time.monotonic() - start < 30


async def test_sigterm_ends_streams_and_waits_at_once_keeps_health_answering_and_lets_unary_calls_finish(
    tmp_path: Path,
) -> None:
    documented = documented_environments()["deployment.yaml"]  # where SIGTERM comes from a kubelet
    grace = float(documented["SFN_GRPC_GRACE_SECONDS"])
    with FakeStepFunctions(region=documented["AWS_REGION"]) as fake:
        machine = fake.add_state_machine("orders")
        execution = fake.add_execution(machine, "run-1", status="RUNNING")
        env = {**documented, **loopback_environment(fake.endpoint_url, tmp_path / "home")}
        with ServerProcess(env) as server:
            async with grpc.aio.insecure_channel(f"127.0.0.1:{server.port()}") as channel:
                await health_becomes(channel, SERVING)
                stub = service_pb2_grpc.StepFunctionsServiceStub(channel)
                stream = stub.StreamExecutionHistory(
                    gateway_pb2.StreamExecutionHistoryRequest(execution_arn=execution, follow=True), timeout=60
                )
                first = await next_message(stream)
                assert first.last_event_id > 0
                watch = stub.WatchExecutions(gateway_pb2.WatchExecutionsRequest(state_machine_arn=machine), timeout=60)
                snapshot = await next_message(watch)
                assert snapshot.execution.execution_arn == execution

                describes = len(fake.calls_of("DescribeExecution"))
                wait = asyncio.ensure_future(
                    stub.WaitExecution(
                        gateway_pb2.WaitExecutionRequest(
                            execution_arn=execution, max_wait=duration_pb2.Duration(seconds=50)
                        ),
                        timeout=60,
                    )
                )
                await _until(lambda: len(fake.calls_of("DescribeExecution")) > describes)  # it is polling

                # A unary call that takes a while: it must be allowed to finish during the drain.
                slow_seconds = 3.0
                fake.inject("latency", operation="ListStateMachines", delay=slow_seconds)
                slow = asyncio.ensure_future(
                    stub.ListStateMachines(state_machines_pb2.ListStateMachinesRequest(), timeout=60)
                )
                await _until(lambda: any(c.fault == "latency" for c in fake.calls_of("ListStateMachines")))

                health_watch = health_stub(channel).Watch(health_pb2.HealthCheckRequest(), timeout=60)
                assert (await next_message(health_watch)).status == SERVING

                sent = server.terminate()
                assert (await next_message(health_watch)).status == NOT_SERVING  # at once, before anything else
                print(f"\nSIGTERM -> health NOT_SERVING {(time.monotonic() - sent) * 1000:.0f} ms")
                with pytest.raises(grpc.aio.AioRpcError) as stream_end:
                    await _drain(stream)
                stream_seconds = time.monotonic() - sent
                with pytest.raises(grpc.aio.AioRpcError) as wait_end:
                    await wait
                wait_seconds = time.monotonic() - sent
                with pytest.raises(grpc.aio.AioRpcError) as watch_end:
                    await _drain(watch)
                watch_seconds = time.monotonic() - sent
                print(f"\nSIGTERM -> watch ended {watch_seconds * 1000:.0f} ms")
                assert watch_seconds < 1.0
                print(f"\nSIGTERM -> stream ended {stream_seconds * 1000:.0f} ms, wait {wait_seconds * 1000:.0f} ms")
                assert stream_seconds < 1.0
                assert wait_seconds < 1.0

                await asyncio.to_thread(server.wait_for_line, r"draining: health is NOT_SERVING")
                assert await health_now(channel) == {NOT_SERVING}  # answered, during the drain
                with pytest.raises(grpc.aio.AioRpcError) as refused:
                    await stub.DescribeExecution(
                        executions_pb2.DescribeExecutionRequest(execution_arn=execution), timeout=5
                    )
                assert not slow.done()  # all of the above happened while the drain was on

                listed = await slow
                assert [m.state_machine_arn for m in listed.state_machines] == [machine]
            code = await asyncio.to_thread(server.wait)
            exit_seconds = time.monotonic() - sent

    for ended in (stream_end.value, wait_end.value, watch_end.value, refused.value):
        assert ended.code() == grpc.StatusCode.UNAVAILABLE
        details = rich_details(ended)
        assert details["ErrorInfo"].reason == "SHUTTING_DOWN"
        assert details["RetryInfo"].retry_delay.ToNanoseconds() > 0
    print(f"SIGTERM -> exit {exit_seconds:.2f} s (a {slow_seconds:g} s unary call in flight, grace {grace:g} s)")
    assert exit_seconds < grace
    assert code == 0
    assert "Traceback" not in server.log
    assert "CancelledError" not in server.log


async def test_an_idle_server_exits_in_well_under_a_second(tmp_path: Path) -> None:
    documented = documented_environments()["Dockerfile"]
    with FakeStepFunctions(region=documented["AWS_REGION"]) as fake:
        env = {**documented, **loopback_environment(fake.endpoint_url, tmp_path / "home")}
        with ServerProcess(env) as server:
            async with grpc.aio.insecure_channel(f"127.0.0.1:{server.port()}") as channel:
                await health_becomes(channel, SERVING)
            sent = server.terminate()
            code = await asyncio.to_thread(server.wait)
            seconds = time.monotonic() - sent
    print(f"\nidle server: SIGTERM to exit {seconds * 1000:.0f} ms")
    assert code == 0
    assert seconds < 1.0
    assert "Traceback" not in server.log


async def _until(condition: object, timeout: float = 10.0) -> None:
    """Wait for a condition another process brings about (checked every few milliseconds, bounded)."""
    assert callable(condition)
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "the condition did not come true in time"
        await asyncio.sleep(0.005)


async def test_a_call_left_waiting_on_aws_does_not_hold_up_the_exit(tmp_path: Path) -> None:
    documented = documented_environments()["Dockerfile"]
    with FakeStepFunctions(region=documented["AWS_REGION"]) as fake:
        env = {
            **documented,
            **loopback_environment(fake.endpoint_url, tmp_path / "home"),
            "SFN_GRPC_GRACE_SECONDS": "0.5",
        }
        with ServerProcess(env) as server:
            async with grpc.aio.insecure_channel(f"127.0.0.1:{server.port()}") as channel:
                await health_becomes(channel, SERVING)
                gate = fake.hold("ListStateMachines")  # AWS never answers this one (until the end)
                stub = service_pb2_grpc.StepFunctionsServiceStub(channel)
                # No deadline: the gateway's socket waits up to its longest read timeout (70 s).
                held = asyncio.ensure_future(stub.ListStateMachines(state_machines_pb2.ListStateMachinesRequest()))
                assert await asyncio.to_thread(gate.wait_held, 1)
                sent = server.terminate()
                code = await asyncio.to_thread(server.wait)
                seconds = time.monotonic() - sent
                with pytest.raises(grpc.aio.AioRpcError) as caught:
                    await held
            gate.release()
    print(f"\nSIGTERM to exit with a call waiting on AWS: {seconds:.2f} s (grace 0.5 s)")
    assert caught.value.code() == grpc.StatusCode.UNAVAILABLE
    assert code == 0
    assert seconds < 5.0  # the grace, the drain's last words, not the socket's 70 s
    assert "Traceback" not in server.log
