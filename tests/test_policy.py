"""The access policy over real mTLS channels: client certificates are the identities; the fake counts AWS calls."""

from __future__ import annotations

import asyncio
import logging
import os
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import botocore.session
import grpc
import pytest
from google.protobuf import duration_pb2
from google.protobuf.message import Message
from sfngrpc.stepfunctions.v1 import (
    executions_pb2,
    gateway_pb2,
    history_pb2,
    service_pb2_grpc,
    state_machines_pb2,
)

from service.errors import SERVICE_DOMAIN
from service.policy import (
    ACCESS_DENIED,
    RELOAD_CHECK_SECONDS,
    PolicyError,
    PolicyFile,
    covering_arns,
    created_resources,
    load_policy,
    parse_policy,
    resource_arns,
    rpc_groups,
)
from service.rpc import SERVICE, build_table
from tests.certs import CertificateAuthority
from tests.fake_sfn import FakeStepFunctions
from tests.grpc_helpers import next_message, rich_details, server_config
from tests.security_helpers import secure, started, tls_config, tls_volume
from tests.server_process import ROOT, ServerProcess, loopback_environment

TABLE = build_table(botocore.session.get_session().get_service_model("stepfunctions"))
README_POLICY = re.search(r"### Access policy\n.*?```yaml\n(.*?)```", (ROOT / "README.md").read_text(), re.DOTALL)
assert README_POLICY is not None, "the README's Access policy section shows an example policy"
POLICY = README_POLICY.group(1)  # the README's own example is the policy under test

READER = "spiffe://example.org/ns/team-a/sa/reader"
SERVICE_ACCOUNT = "spiffe://example.org/ns/team-a/sa/api"
OPERATOR = "spiffe://example.org/ns/ops/sa/oncall"
STRANGER = "spiffe://example.org/ns/other/sa/api"
PROXY = "spiffe://example.org/ns/mesh/sa/ingress"


# ---- the file ----------------------------------------------------------------------------------------------------


def test_the_readme_and_deploy_examples_load() -> None:
    readme = parse_policy(POLICY, TABLE, "README")
    assert len(readme.rules) == 3
    example = load_policy(ROOT / "deploy" / "policy.example.yaml", TABLE)
    assert len(example.rules) == 5
    assert example.check("spiffe://example.org/ns/payments/sa/worker", "GetActivityTask", []) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "is empty"),
        ("rules: [\n", "line 2: not valid YAML"),
        ("rulez: []\n", "line 1: rulez: unknown field; did you mean 'rules'?"),
        ("rules: {}\n", "line 1: rules: must be a list of rules"),
        (
            "rules:\n  - callers: [a]\n    rpcs: [DescribeExecutions]\n    resources: []\n",
            "line 3: rules[0].rpcs[0]: unknown RPC or group 'DescribeExecutions'; did you mean 'DescribeExecution'?",
        ),
        ("rules:\n  - callers: [a]\n    rpcs: [read]\n", "line 2: rules[0]: missing resources"),
        (
            "rules:\n  - callers: [a]\n    rpcs: [read]\n    resources: [stateMachine:x]\n",
            "line 4: rules[0].resources[0]: 'stateMachine:x' is not an ARN glob",
        ),
        (
            "rules:\n  - callers: []\n    rpcs: [read]\n    resources: []\n",
            "line 2: rules[0].callers: must not be empty",
        ),
        ("rules:\n  - callers: [7]\n    rpcs: [read]\n    resources: []\n", "line 2: rules[0].callers[0]: must be a"),
        ("rules:\n  - callers: [a]\n    rpcs: [read]\n    resources: [*]\n", "line 4: not valid YAML"),
        (
            "rules:\n  - callers: [a]\n    rpcs: [read]\n    resources: []\n    resource: []\n",
            "line 5: rules[0].resource: unknown field; did you mean 'resources'?",
        ),
        ("rules:\n  - callers: [a]\n    callers: [b]\n", "line 3: callers: appears twice"),
    ],
)
def test_a_bad_file_is_one_error_naming_line_and_field(text: str, expected: str) -> None:
    with pytest.raises(PolicyError) as error:
        parse_policy(text, TABLE, "policy.yaml")
    assert str(error.value).startswith("policy file policy.yaml")
    assert expected in str(error.value)
    assert "\n" not in str(error.value)


def test_a_bad_file_stops_the_server_at_start(fake: FakeStepFunctions, tmp_path: Path) -> None:
    policy = tmp_path / "policy.yaml"
    policy.write_text("rules:\n  - callers: [a]\n    rpcs: [DescribeExecutions]\n    resources: []\n")
    env = loopback_environment(fake.endpoint_url, tmp_path / "home")
    env |= {"AWS_REGION": "us-east-1", "SFN_GRPC_POLICY_FILE": str(policy), "PATH": "/usr/bin:/bin"}
    with ServerProcess(env) as process:
        assert process.wait() == 2
        log = process.log
    assert "Traceback" not in log
    errors = [line for line in log.splitlines() if "ERROR" in line]
    assert len(errors) == 1
    assert f"cannot start: policy file {policy}, line 3: rules[0].rpcs[0]: unknown RPC" in errors[0]
    assert fake.calls == []


def test_groups_come_from_the_rpc_table() -> None:
    groups = rpc_groups(TABLE)
    every = {method.name for method in SERVICE.methods}
    assert groups["all"] == every
    assert groups["read"] | groups["write"] == every
    assert not groups["read"] & groups["write"]
    for name in every:  # Describe*/Get*/List*/Stream*/Watch*/Wait* are reads, but GetActivityTask hands a task out
        looks_like_a_read = name.startswith(("Describe", "Get", "List", "Stream", "Watch", "Wait"))
        assert (name in groups["read"]) == (looks_like_a_read and name != "GetActivityTask"), name
    assert {"StreamExecutionHistory", "WatchExecutions", "WaitExecution"} <= groups["read"]
    assert {"StartExecution", "DeleteStateMachine", "GetActivityTask", "SendTaskSuccess"} <= groups["write"]


@pytest.mark.parametrize(
    ("arn", "covering"),
    [
        ("arn:aws:states:us-east-1:1:stateMachine:m", ("arn:aws:states:us-east-1:1:stateMachine:m",)),
        ("arn:aws:states:us-east-1:1:stateMachine:m:3", ("", "arn:aws:states:us-east-1:1:stateMachine:m")),
        ("arn:aws:states:us-east-1:1:stateMachine:m:prod", ("", "arn:aws:states:us-east-1:1:stateMachine:m")),
        ("arn:aws:states:us-east-1:1:execution:m:run-1", ("", "arn:aws:states:us-east-1:1:stateMachine:m")),
        ("arn:aws:states:us-east-1:1:express:m:run-1:abc", ("", "arn:aws:states:us-east-1:1:stateMachine:m")),
        ("arn:aws:states:us-east-1:1:mapRun:m/label:abc", ("", "arn:aws:states:us-east-1:1:stateMachine:m")),
        ("arn:aws:states:us-east-1:1:execution:m/label:abc", ("", "arn:aws:states:us-east-1:1:stateMachine:m")),
        ("arn:aws-cn:states:cn-north-1:1:execution:m:r", ("", "arn:aws-cn:states:cn-north-1:1:stateMachine:m")),
        ("arn:aws:states:us-east-1:1:activity:a", ("arn:aws:states:us-east-1:1:activity:a",)),
        ("arn:aws:iam::1:role/r", ("arn:aws:iam::1:role/r",)),
    ],
)
def test_what_covers_an_arn(arn: str, covering: tuple[str, ...]) -> None:
    assert covering_arns(arn) == tuple(c or arn for c in covering)


def test_every_arn_field_at_any_depth_is_a_resource() -> None:
    request = state_machines_pb2.CreateStateMachineRequest(
        name="m", definition="{}", role_arn="arn:aws:iam::123456789012:role/r"
    )
    destination = request.logging_configuration.destinations.add()
    destination.cloud_watch_logs_log_group.log_group_arn = "arn:aws:logs:us-east-1:123456789012:log-group:g:*"
    assert resource_arns(request) == [
        "arn:aws:iam::123456789012:role/r",
        "arn:aws:logs:us-east-1:123456789012:log-group:g:*",
    ]
    alias = state_machines_pb2.CreateStateMachineAliasRequest(name="prod")
    for version in ("1", "2"):
        route = alias.routing_configuration.add()
        route.state_machine_version_arn = f"arn:aws:states:us-east-1:123456789012:stateMachine:m:{version}"
        route.weight = 50
    assert resource_arns(alias) == [
        "arn:aws:states:us-east-1:123456789012:stateMachine:m:1",
        "arn:aws:states:us-east-1:123456789012:stateMachine:m:2",
    ]
    assert resource_arns(state_machines_pb2.ListStateMachinesRequest(max_results=3)) == []


def test_one_rule_must_cover_the_rpc_and_every_arn() -> None:
    text = """
rules:
  - callers: ["spiffe://x/*"]
    rpcs: [CreateStateMachine]
    resources: ["arn:aws:iam::1:role/sfn-*"]
  - callers: ["spiffe://x/*"]
    rpcs: [DescribeStateMachine]
    resources: ["arn:aws:states:*:1:stateMachine:a-*"]
"""
    policy = parse_policy(text, TABLE)
    role = "arn:aws:iam::1:role/sfn-a"
    assert policy.check("spiffe://x/y", "CreateStateMachine", [role]) is None
    denial = policy.check("spiffe://x/y", "CreateStateMachine", ["arn:aws:iam::1:role/admin"])
    assert denial is not None
    assert denial.resource == "arn:aws:iam::1:role/admin"
    # The role is covered by one rule, the state machine by another: no single rule allows both for this RPC.
    assert policy.check("spiffe://x/y", "DescribeStateMachine", ["arn:aws:states:r:1:stateMachine:a-1", role])
    assert policy.check("spiffe://z/y", "CreateStateMachine", [role]) is not None


def test_a_create_call_is_checked_on_the_name_it_creates() -> None:
    """CreateStateMachine/CreateActivity name no ARN of what they create: the new name is checked against
    the globs' resource part (the probe created `team-z-anything` under a rule for `team-a-orders`)."""
    text = """
rules:
  - callers: ["spiffe://x/deployer"]
    rpcs: [all]
    resources:
      - "arn:aws:states:eu-west-1:123456789012:stateMachine:payments-*"
      - "arn:aws:states:eu-west-1:123456789012:activity:payments-*"
      - "arn:aws:iam::123456789012:role/payments-*"
  - callers: ["spiffe://x/platform"]
    rpcs: [all]
    resources: ["*"]
"""
    policy = parse_policy(text, TABLE)
    role = ["arn:aws:iam::123456789012:role/payments-sfn"]
    deployer, platform = "spiffe://x/deployer", "spiffe://x/platform"
    assert (
        policy.check(
            deployer,
            "CreateStateMachine",
            role,
            created_resources("CreateStateMachine", _named("CreateStateMachine", "payments-orders")),
        )
        is None
    )
    denial = policy.check(
        deployer,
        "CreateStateMachine",
        role,
        created_resources("CreateStateMachine", _named("CreateStateMachine", "team-z-anything")),
    )
    assert denial is not None
    assert denial.resource == "stateMachine:team-z-anything (to be created)"
    assert (
        policy.check(
            deployer,
            "CreateActivity",
            [],
            created_resources("CreateActivity", _named("CreateActivity", "payments-work")),
        )
        is None
    )
    assert (
        policy.check(
            deployer, "CreateActivity", [], created_resources("CreateActivity", _named("CreateActivity", "other"))
        )
        is not None
    )
    # An IAM glob is not a Step Functions one: it covers no new state machine.
    iam_only = parse_policy('rules: [{callers: ["*"], rpcs: [all], resources: ["arn:aws:iam::*:*"]}]', TABLE)
    assert iam_only.check(deployer, "CreateActivity", [], ["activity:payments-work"]) is not None
    assert policy.check(platform, "CreateStateMachine", role, ["stateMachine:anything"]) is None


def _named(rpc: str, name: str) -> Message:
    request = TABLE[rpc].request_type(name=name)
    return request


def test_globs_know_only_star_and_question_mark() -> None:
    """`[` is itself: an IPv6 caller is written `ipv6:[::1]`, which as an fnmatch class would match `ipv6:1`."""
    text = """
rules:
  - callers: ["ipv6:[::1]", "spiffe://x/?"]
    rpcs: [read]
    resources: ["*"]
"""
    policy = parse_policy(text, TABLE)
    assert policy.check("ipv6:[::1]", "ListStateMachines", []) is None
    assert policy.check("spiffe://x/a", "ListStateMachines", []) is None
    for other in ("ipv6:1", "ipv6::", "spiffe://x/ab", "ipv6:[::1]x"):
        assert policy.check(other, "ListStateMachines", []) is not None, other


# ---- over real channels --------------------------------------------------------------------------------------------


@dataclass
class World:
    """A server under the README's policy, the fake behind it, and a client certificate per identity."""

    fake: FakeStepFunctions
    port: int
    ca: CertificateAuthority
    team_a: str
    team_b: str
    runs_a: list[str]
    run_b: str
    channels: list[grpc.aio.Channel]

    def stub(self, identity: str) -> service_pb2_grpc.StepFunctionsServiceAsyncStub:
        """A stub on a new mTLS channel whose client certificate has `identity` as URI SAN."""
        channel = secure(self.port, self.ca.pem, self.ca.client(uri=identity))
        self.channels.append(channel)
        return service_pb2_grpc.StepFunctionsServiceStub(channel)

    def backend_saw(self, operation: str, arn: str) -> bool:
        """True when a call of `operation` naming `arn` reached the backend."""
        return any(arn in call.params.values() for call in self.fake.calls_of(operation))


@asynccontextmanager
async def world_under(policy: str, fake: FakeStepFunctions, tmp_path: Path, **settings: object) -> AsyncIterator[World]:
    ca = CertificateAuthority()
    volume = tls_volume(tmp_path / "tls", ca)
    policy_file = tmp_path / "policy.yaml"
    policy_file.write_text(policy)
    team_a = fake.add_state_machine("team-a-orders")
    team_b = fake.add_state_machine("team-b-billing")
    runs_a = [fake.add_execution(team_a, f"run-{i}") for i in range(3)]
    run_b = fake.add_execution(team_b, "run-1")
    config = tls_config(volume, mutual=True, policy_file=str(policy_file), **settings)
    async with started(config, fake) as server:
        world = World(fake, server.port, ca, team_a, team_b, runs_a, run_b, [])
        try:
            yield world
        finally:
            for channel in world.channels:
                await channel.close()


@pytest.fixture
async def world(fake: FakeStepFunctions, tmp_path: Path) -> AsyncIterator[World]:
    async with world_under(POLICY, fake, tmp_path) as made:
        yield made


def assert_denied(error: grpc.aio.AioRpcError, caller: str, method: str, resource: str | None) -> None:
    assert error.code() == grpc.StatusCode.PERMISSION_DENIED
    info = rich_details(error)["ErrorInfo"]
    assert info.reason == ACCESS_DENIED
    assert info.domain == SERVICE_DOMAIN
    expected = {"caller": caller, "method": method} | ({"resource": resource} if resource else {})
    assert dict(info.metadata) == expected
    assert "team-a-*" not in (error.details() or "")  # the policy itself is not told


async def test_a_reader_reads_its_own_resources_and_nothing_else(world: World) -> None:
    reader = world.stub(READER)
    run_a, run_b = world.runs_a[0], world.run_b
    described = await reader.DescribeExecution(executions_pb2.DescribeExecutionRequest(execution_arn=run_a), timeout=10)
    assert described.execution_arn == run_a  # an execution is covered by its state machine's glob
    await reader.DescribeStateMachine(
        state_machines_pb2.DescribeStateMachineRequest(state_machine_arn=world.team_a), timeout=10
    )
    history = await reader.GetExecutionHistory(history_pb2.GetExecutionHistoryRequest(execution_arn=run_a), timeout=10)
    assert len(history.events) > 0
    listed = await reader.ListStateMachines(state_machines_pb2.ListStateMachinesRequest(), timeout=10)
    assert len(listed.state_machines) == 2  # no ARN in the request: allowed by the RPC; results not filtered

    with pytest.raises(grpc.aio.AioRpcError) as other_team:
        await reader.DescribeExecution(executions_pb2.DescribeExecutionRequest(execution_arn=run_b), timeout=10)
    assert_denied(other_team.value, READER, "DescribeExecution", run_b)
    with pytest.raises(grpc.aio.AioRpcError) as write:
        await reader.StartExecution(executions_pb2.StartExecutionRequest(state_machine_arn=world.team_a), timeout=10)
    assert_denied(write.value, READER, "StartExecution", None)

    assert world.backend_saw("DescribeExecution", run_a)
    assert not world.backend_saw("DescribeExecution", run_b)
    assert world.fake.calls_of("StartExecution") == []


async def test_a_service_account_writes_only_what_its_rule_names(world: World) -> None:
    api = world.stub(SERVICE_ACCOUNT)
    started_run = await api.StartExecution(
        executions_pb2.StartExecutionRequest(state_machine_arn=world.team_a, name="by-api"), timeout=10
    )
    await api.StopExecution(executions_pb2.StopExecutionRequest(execution_arn=started_run.execution_arn), timeout=10)
    with pytest.raises(grpc.aio.AioRpcError) as elsewhere:
        await api.StartExecution(executions_pb2.StartExecutionRequest(state_machine_arn=world.team_b), timeout=10)
    assert_denied(elsewhere.value, SERVICE_ACCOUNT, "StartExecution", world.team_b)
    with pytest.raises(grpc.aio.AioRpcError) as not_in_rule:
        await api.DeleteStateMachine(
            state_machines_pb2.DeleteStateMachineRequest(state_machine_arn=world.team_a), timeout=10
        )
    assert_denied(not_in_rule.value, SERVICE_ACCOUNT, "DeleteStateMachine", None)
    assert len(world.fake.calls_of("StartExecution")) == 1
    assert world.fake.calls_of("DeleteStateMachine") == []

    operator = world.stub(OPERATOR)
    await operator.DeleteStateMachine(
        state_machines_pb2.DeleteStateMachineRequest(state_machine_arn=world.team_b), timeout=10
    )
    assert world.backend_saw("DeleteStateMachine", world.team_b)


async def test_a_caller_no_rule_names_may_call_nothing(world: World) -> None:
    stranger = world.stub(STRANGER)
    with pytest.raises(grpc.aio.AioRpcError) as denied:
        await stranger.ListStateMachines(state_machines_pb2.ListStateMachinesRequest(), timeout=10)
    assert_denied(denied.value, STRANGER, "ListStateMachines", None)
    assert [c for c in world.fake.calls_of("ListStateMachines") if c.params.get("maxResults") != 1] == []


async def test_streams_and_waits_are_checked_before_anything_is_sent(world: World) -> None:
    reader = world.stub(READER)
    events = [
        event.id
        async for reply in reader.StreamExecutionHistory(
            gateway_pb2.StreamExecutionHistoryRequest(execution_arn=world.runs_a[0]), timeout=10
        )
        for event in reply.events
    ]
    assert events == list(range(1, len(events) + 1))
    calls = len(world.fake.calls)
    denied_calls: list[grpc.aio.UnaryStreamCall[Any, Any]] = [
        reader.StreamExecutionHistory(gateway_pb2.StreamExecutionHistoryRequest(execution_arn=world.run_b), timeout=10),
        reader.WatchExecutions(gateway_pb2.WatchExecutionsRequest(state_machine_arn=world.team_b), timeout=10),
    ]
    for stream, method, arn in zip(
        denied_calls, ("StreamExecutionHistory", "WatchExecutions"), (world.run_b, world.team_b), strict=True
    ):
        with pytest.raises(grpc.aio.AioRpcError) as denied:
            await next_message(stream)  # the status comes instead of a first message
        assert_denied(denied.value, READER, method, arn)
    with pytest.raises(grpc.aio.AioRpcError) as wait:
        await reader.WaitExecution(
            gateway_pb2.WaitExecutionRequest(execution_arn=world.run_b, max_wait=duration_pb2.Duration(seconds=1)),
            timeout=10,
        )
    assert_denied(wait.value, READER, "WaitExecution", world.run_b)
    assert [c for c in world.fake.calls[calls:] if c.params.get("maxResults") != 1] == []


async def test_a_page_token_does_not_widen_access(world: World) -> None:
    """A token is bound to its request's arguments, and the request's ARNs are what the policy checks."""
    reader = world.stub(READER)
    first = await reader.ListExecutions(
        executions_pb2.ListExecutionsRequest(state_machine_arn=world.team_a, max_results=1), timeout=10
    )
    assert first.next_token
    second = await reader.ListExecutions(
        executions_pb2.ListExecutionsRequest(
            state_machine_arn=world.team_a, max_results=1, next_token=first.next_token
        ),
        timeout=10,
    )
    assert second.executions[0].execution_arn != first.executions[0].execution_arn
    # The reader's token with another team's state machine: refused by the policy before the token is opened.
    with pytest.raises(grpc.aio.AioRpcError) as denied:
        await reader.ListExecutions(
            executions_pb2.ListExecutionsRequest(state_machine_arn=world.team_b, next_token=first.next_token),
            timeout=10,
        )
    assert_denied(denied.value, READER, "ListExecutions", world.team_b)
    # Even for a caller allowed both, a token of one state machine does not work for another.
    operator = world.stub(OPERATOR)
    with pytest.raises(grpc.aio.AioRpcError) as moved:
        await operator.ListExecutions(
            executions_pb2.ListExecutionsRequest(state_machine_arn=world.team_b, next_token=first.next_token),
            timeout=10,
        )
    assert moved.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert rich_details(moved.value)["ErrorInfo"].reason == "PAGE_TOKEN_MISMATCH"
    assert not world.backend_saw("ListExecutions", world.team_b)


# ---- identities forwarded by a proxy -----------------------------------------------------------------------------


def xfcc(*uris: str) -> tuple[tuple[str, str], ...]:
    """An x-forwarded-client-cert header with one element per URI, as Envoy appends them."""
    elements = [f'By=spiffe://example.org/ns/mesh/sa/ingress;Hash=abc;Subject="CN=x,O=y";URI={uri}' for uri in uris]
    return (("x-forwarded-client-cert", ",".join(elements)),)


async def test_xfcc_names_the_caller_only_from_the_trusted_proxy(fake: FakeStepFunctions, tmp_path: Path) -> None:
    async with world_under(POLICY, fake, tmp_path, trusted_proxies=f"{PROXY}, ipv4:10.9.9.9") as world:
        describe = executions_pb2.DescribeExecutionRequest(execution_arn=world.runs_a[0])
        proxy = world.stub(PROXY)
        # The proxy itself has no rule; the reader it forwards may read team A.
        answer = await proxy.DescribeExecution(describe, timeout=10, metadata=xfcc(READER))
        assert answer.execution_arn == world.runs_a[0]
        with pytest.raises(grpc.aio.AioRpcError) as as_proxy:
            await proxy.DescribeExecution(describe, timeout=10)
        assert_denied(as_proxy.value, PROXY, "DescribeExecution", None)
        # The last element is the proxy's own: an operator named in an earlier element (by the client) is not used.
        delete = state_machines_pb2.DeleteStateMachineRequest(state_machine_arn=world.team_a)
        with pytest.raises(grpc.aio.AioRpcError) as earlier:
            await proxy.DeleteStateMachine(delete, timeout=10, metadata=xfcc(OPERATOR, READER))
        assert_denied(earlier.value, READER, "DeleteStateMachine", None)
        # From anyone else the header is ignored: the stranger stays the stranger.
        stranger = world.stub(STRANGER)
        with pytest.raises(grpc.aio.AioRpcError) as ignored:
            await stranger.DeleteStateMachine(delete, timeout=10, metadata=xfcc(OPERATOR))
        assert_denied(ignored.value, STRANGER, "DeleteStateMachine", None)
        assert world.fake.calls_of("DeleteStateMachine") == []


async def test_a_mesh_sidecar_on_loopback_forwards_identities_over_plaintext(
    fake: FakeStepFunctions, tmp_path: Path
) -> None:
    """Inside a mesh: plaintext from the sidecar (a peer address), which names the caller in XFCC."""
    policy_file = tmp_path / "policy.yaml"
    policy_file.write_text(POLICY)
    team_a = fake.add_state_machine("team-a-orders")
    config = server_config(policy_file=str(policy_file), trusted_proxies="ipv4:127.0.0.1")
    async with started(config, fake) as server, grpc.aio.insecure_channel(f"127.0.0.1:{server.port}") as channel:
        stub = service_pb2_grpc.StepFunctionsServiceStub(channel)
        request = state_machines_pb2.DescribeStateMachineRequest(state_machine_arn=team_a)
        await stub.DescribeStateMachine(request, timeout=10, metadata=xfcc(READER))
        with pytest.raises(grpc.aio.AioRpcError) as unnamed:
            await stub.DescribeStateMachine(request, timeout=10)
        assert_denied(unnamed.value, "ipv4:127.0.0.1", "DescribeStateMachine", None)


async def test_without_a_policy_everyone_may_call_everything_and_the_log_says_so(
    fake: FakeStepFunctions, caplog: pytest.LogCaptureFixture
) -> None:
    machine = fake.add_state_machine("anything")
    with caplog.at_level(logging.INFO, logger="service.server"):
        async with (
            started(server_config(), fake) as server,
            grpc.aio.insecure_channel(f"127.0.0.1:{server.port}") as channel,
        ):
            stub = service_pb2_grpc.StepFunctionsServiceStub(channel)
            await stub.DeleteStateMachine(
                state_machines_pb2.DeleteStateMachineRequest(state_machine_arn=machine), timeout=10
            )
    assert any("no access policy" in r.getMessage() and "every caller" in r.getMessage() for r in caplog.records)
    assert fake.calls_of("DeleteStateMachine")


# ---- reloading -------------------------------------------------------------------------------------------------------


def replace_file(path: Path, text: str) -> None:
    """Replace the file in one rename, as a ConfigMap volume or an editor's save does."""
    temporary = path.with_suffix(".new")
    temporary.write_text(text)
    os.replace(temporary, path)


ONLY_OPERATORS = 'rules:\n  - callers: ["spiffe://example.org/ns/ops/*"]\n    rpcs: [all]\n    resources: ["*"]\n'


def test_a_changed_file_is_read_again_and_a_broken_one_keeps_the_policy_in_force(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "policy.yaml"
    path.write_text(ONLY_OPERATORS)
    now = [0.0]
    source = PolicyFile(path, TABLE, interval=1.0, clock=lambda: now[0])
    assert source.current().check(READER, "ListStateMachines", []) is not None

    replace_file(path, POLICY)
    assert source.current().check(READER, "ListStateMachines", []) is not None  # not looked at within the interval
    now[0] += 1.0
    assert source.current().check(READER, "ListStateMachines", []) is None
    assert source.reloads == 1

    replace_file(path, POLICY.replace("rpcs: [read]", "rpcs: [reed]"))
    with caplog.at_level(logging.ERROR, logger="service.policy"):
        for _ in range(3):
            now[0] += 1.0
            assert source.current().check(READER, "ListStateMachines", []) is None  # the last good policy
    errors = [r.getMessage() for r in caplog.records if r.levelno == logging.ERROR]
    assert len(errors) == 1  # said once, not at every look
    assert "unknown RPC or group 'reed'" in errors[0]
    assert "line 4" in errors[0]

    replace_file(path, ONLY_OPERATORS)
    now[0] += 1.0
    assert source.current().check(READER, "ListStateMachines", []) is not None
    assert source.reloads == 2


async def test_a_served_policy_follows_its_file(fake: FakeStepFunctions, tmp_path: Path) -> None:
    """Over a real channel: a caller the new file names is let in without a restart (waits on that, bounded)."""
    async with world_under(ONLY_OPERATORS, fake, tmp_path) as world:
        reader = world.stub(READER)
        request = state_machines_pb2.DescribeStateMachineRequest(state_machine_arn=world.team_a)
        with pytest.raises(grpc.aio.AioRpcError) as before:
            await reader.DescribeStateMachine(request, timeout=10)
        assert_denied(before.value, READER, "DescribeStateMachine", None)
        replace_file(tmp_path / "policy.yaml", POLICY)
        deadline = asyncio.get_running_loop().time() + 10 * RELOAD_CHECK_SECONDS
        while (code := await call_code(reader.DescribeStateMachine(request, timeout=10))) != grpc.StatusCode.OK:
            assert code == grpc.StatusCode.PERMISSION_DENIED
            assert asyncio.get_running_loop().time() < deadline, "the new policy was not read"
            await asyncio.sleep(RELOAD_CHECK_SECONDS / 10)  # the file is looked at once per interval
        assert world.backend_saw("DescribeStateMachine", world.team_a)


async def call_code(call: Any) -> grpc.StatusCode:
    """How a unary call ended."""
    try:
        await call
    except grpc.aio.AioRpcError as error:
        return error.code()
    return grpc.StatusCode.OK
