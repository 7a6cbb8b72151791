"""grpcurl, as users run it, against a real server: reflection (v1 and v1alpha) and the AWS JSON names.

grpcurl (pinned in the Makefile, built into .tools/bin by `make tools`, which `make test` runs) knows
nothing of this project: everything it prints comes from the descriptors that reflection serves. A
field whose descriptor lacks `json_name` is printed with its proto name (`execution_arn`), so these
tests fail when a descriptor does.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import os
import re
from pathlib import Path
from typing import Any

import boto3
import pytest
from google.protobuf.descriptor import Descriptor, FieldDescriptor
from google.protobuf.message import Message
from sfngrpc.stepfunctions.v1 import annotations_pb2, executions_pb2, gateway_pb2, history_pb2

from tests.fake_sfn import FakeStepFunctions
from tests.grpc_helpers import running_server, server_config

ROOT = Path(__file__).resolve().parent.parent
GRPCURL = ROOT / ".tools" / "bin" / "grpcurl"
README = (ROOT / "README.md").read_text()
README_ADDRESS = "127.0.0.1:50051"
SERVICE = "sfngrpc.stepfunctions.v1.StepFunctionsService"
REFLECTION_SERVICES = ("grpc.reflection.v1.ServerReflection", "grpc.reflection.v1alpha.ServerReflection")
TIMEOUT = 60.0  # per grpcurl run, generous for a loaded machine; grpcurl itself gets -max-time 30


@pytest.fixture(scope="module", autouse=True)
def _grpcurl_is_built() -> None:
    assert GRPCURL.is_file(), "grpcurl is missing: run `make tools` (`make test` does)"


async def _run(*args: str, shell: str | None = None) -> str:
    """Run grpcurl (or a shell script that calls it) with a deadline; return its stdout, fail on error."""
    if shell is not None:
        env = {**os.environ, "PATH": f"{GRPCURL.parent}{os.pathsep}{os.environ['PATH']}"}
        process = await asyncio.create_subprocess_exec(
            "bash",
            "-euo",
            "pipefail",
            "-c",
            shell,
            env=env,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )
    else:
        process = await asyncio.create_subprocess_exec(
            str(GRPCURL), "-max-time", "30", *args, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE
        )
    try:
        out, err = await asyncio.wait_for(process.communicate(), TIMEOUT)
    except TimeoutError:
        process.kill()
        await process.wait()
        raise
    assert process.returncode == 0, f"grpcurl {args or shell} exited {process.returncode}: {err.decode()}"
    return out.decode()


def _json_objects(text: str) -> list[dict[str, Any]]:
    """The JSON objects grpcurl printed (each from a `{` to a `}` at the start of a line), in order."""
    return [json.loads(block) for block in re.findall(r"^\{.*?^\}", text, flags=re.MULTILINE | re.DOTALL)]


def _printed_as(value: Any, field: FieldDescriptor) -> Any:
    """How the proto JSON form prints `field` holding `value`, a member of AWS's answer as boto3 parsed it."""
    if field.enum_type is not None:
        (name,) = [
            v.name for v in field.enum_type.values if v.GetOptions().Extensions[annotations_pb2.aws_value] == value
        ]
        return name
    if isinstance(value, dt.datetime):  # RFC 3339 in UTC with 0, 3, 6 or 9 fractional digits
        utc = value.astimezone(dt.UTC)
        micros = utc.microsecond
        fraction = "" if not micros else f".{micros // 1000:03d}" if micros % 1000 == 0 else f".{micros:06d}"
        return utc.strftime("%Y-%m-%dT%H:%M:%S") + fraction + "Z"
    if field.message_type is not None:
        return {key: _printed_as(item, _field(field.message_type, key)) for key, item in value.items()}
    if field.type == FieldDescriptor.TYPE_INT64:
        return str(value)  # proto JSON writes 64-bit integers as strings
    return value


def _field(message: Descriptor, json_name: str) -> FieldDescriptor:
    (field,) = [f for f in message.fields if f.json_name == json_name]
    return field


def _instant(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))


async def test_list_shows_every_service_through_both_reflection_versions(fake: FakeStepFunctions) -> None:
    async with running_server(server_config(), fake.endpoint_url) as (server, _, _):
        address = f"127.0.0.1:{server.port}"
        listed = (await _run("-plaintext", address, "list")).split()
        assert sorted(listed) == sorted([SERVICE, "grpc.health.v1.Health", *REFLECTION_SERVICES])
        # grpcurl picks v1 and falls back to v1alpha on its own; calling each one by name shows both answer
        # (and that v1 describes itself: grpcurl needs its descriptor to encode the request).
        for reflection in REFLECTION_SERVICES:
            reply = await _run(
                "-plaintext", "-d", '{"listServices": ""}', address, f"{reflection}/ServerReflectionInfo"
            )
            (answer,) = _json_objects(reply)
            # The reflection protocol's own descriptors (grpcio-reflection's) carry no json_name, so grpcurl
            # spells its fields as proto names: the very defect our own descriptors no longer have.
            services = answer["list_services_response"]["service"]
            assert sorted(s["name"] for s in services) == sorted(listed), reflection


async def test_describe_spells_fields_as_aws_does(fake: FakeStepFunctions) -> None:
    async with running_server(server_config(), fake.endpoint_url) as (server, _, _):
        address = f"127.0.0.1:{server.port}"
        described = await _run("-plaintext", address, "describe", "sfngrpc.stepfunctions.v1.BillingDetails")
        assert 'billed_memory_used_in_mb = 1 [json_name = "billedMemoryUsedInMB"]' in described
        # grpcurl's `describe` hides a json_name protoc would derive; its JSON template shows the names in use.
        expected: dict[type[Message], set[str]] = {
            executions_pb2.DescribeExecutionResponse: {"executionArn", "stateMachineArn", "status", "startDate"},
            gateway_pb2.StreamExecutionHistoryRequest: {"executionArn", "reverseOrder", "afterEventId", "pageSize"},
        }
        for message, names in expected.items():
            full_name = message.DESCRIPTOR.full_name
            text = await _run("-plaintext", "-msg-template", address, "describe", full_name)
            (template,) = _json_objects(text.split("Message template:")[1])
            assert names <= set(template), full_name
            assert set(template) <= {f.json_name for f in message.DESCRIPTOR.fields}, full_name


async def test_a_call_in_aws_json_answers_in_aws_json(fake: FakeStepFunctions) -> None:
    machine = fake.add_state_machine("orders")
    async with running_server(server_config(), fake.endpoint_url) as (server, _, _):
        address = f"127.0.0.1:{server.port}"
        request = {"stateMachineArn": machine, "name": "via-grpcurl", "input": '{"order": 7}'}
        (started,) = _json_objects(
            await _run("-plaintext", "-d", json.dumps(request), address, f"{SERVICE}/StartExecution")
        )
        assert sorted(started) == ["executionArn", "startDate"]
        arn = started["executionArn"]
        assert arn.endswith(":execution:orders:via-grpcurl")
        fake.set_status(arn, "SUCCEEDED")  # a stop date as well

        printed = _json_objects(
            await _run("-plaintext", "-d", json.dumps({"executionArn": arn}), address, f"{SERVICE}/DescribeExecution")
        )[0]
        streamed = _json_objects(
            await _run(
                "-plaintext",
                "-d",
                json.dumps({"executionArn": arn, "afterEventId": "0"}),
                address,
                f"{SERVICE}/StreamExecutionHistory",
            )
        )
    client = boto3.client(
        "stepfunctions",
        endpoint_url=fake.endpoint_url,
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )
    aws = client.describe_execution(executionArn=arn)
    aws.pop("ResponseMetadata")
    aws_events = client.get_execution_history(executionArn=arn)["events"]

    assert sorted(printed) == sorted(aws), "grpcurl prints exactly AWS's members, by AWS's names"
    message = executions_pb2.DescribeExecutionResponse.DESCRIPTOR
    for key, value in aws.items():
        assert printed[key] == _printed_as(value, _field(message, key)), key
    assert printed["status"] == "EXECUTION_STATUS_SUCCEEDED"
    assert printed["input"] == '{"order": 7}'
    assert printed["startDate"] == started["startDate"]

    # A stream of the gateway's own messages (gateway.proto) around the model's HistoryEvent.
    (streamed_message,) = streamed
    response = gateway_pb2.StreamExecutionHistoryResponse.DESCRIPTOR
    assert {"events", "lastEventId"} <= set(streamed_message) <= {f.json_name for f in response.fields}
    assert streamed_message["lastEventId"] == str(aws_events[-1]["id"])
    assert streamed_message.get("executionStatus", "EXECUTION_STATUS_SUCCEEDED") == "EXECUTION_STATUS_SUCCEEDED"
    event = history_pb2.HistoryEvent.DESCRIPTOR
    assert len(streamed_message["events"]) == len(aws_events) > 0
    for printed_event, aws_event in zip(streamed_message["events"], aws_events, strict=True):
        assert sorted(printed_event) == sorted(aws_event)
        for key, value in aws_event.items():
            assert printed_event[key] == _printed_as(value, _field(event, key)), key


def _readme_grpcurl_blocks() -> list[str]:
    blocks = re.findall(r"```sh\n(.*?)```", README, flags=re.DOTALL)
    return [block for block in blocks if block.lstrip().startswith("grpcurl ")]


async def test_readme_grpcurl_examples_run_as_written() -> None:
    blocks = _readme_grpcurl_blocks()
    assert len(blocks) >= 3, "the README shows its grpcurl examples"
    async with running_server(server_config(backend="embedded")) as (server, _, _):
        outputs = [await _run(shell=block.replace(README_ADDRESS, f"127.0.0.1:{server.port}")) for block in blocks]
    text = "\n".join(outputs)
    for service in (SERVICE, "grpc.health.v1.Health", *REFLECTION_SERVICES):
        assert re.search(f"^{re.escape(service)}$", text, flags=re.MULTILINE), service
    printed = _json_objects(text)
    (described,) = [obj for obj in printed if obj.get("name") == "hello"]
    assert described["executionArn"].endswith(":execution:sfn-grpc-demo:hello")
    assert described["stateMachineArn"].endswith(":stateMachine:sfn-grpc-demo")
    assert described["status"].startswith("EXECUTION_STATUS_")
    assert json.loads(described["input"]) == {"wait": False}
    assert _instant(described["startDate"]) <= dt.datetime.now(dt.UTC)
