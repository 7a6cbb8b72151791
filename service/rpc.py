"""The RPC table and the one path every unary AWS operation takes.

The table is built from the proto service descriptor and botocore's model: each method of
`StepFunctionsService` named like an AWS operation gets its request and response types and its
traits (a read, safe to retry, long running, how it pages). A new operation costs one
`make generate`, not a handler.

The path: request message -> boto3 parameters (convert.py) -> the RPC's stages -> AWS (aws.py:
retries, deadline, shared reads) -> response message. What differs between RPCs is composed as
stages around that path, like api-core's `wrap_method`: the DescribeExecution cache, history pages,
a generated execution name, paging with the gateway's own tokens. Stages are chosen by the table,
once, at start; nothing in the path asks which RPC it serves.
"""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import grpc
from botocore.exceptions import ClientError
from botocore.model import ServiceModel
from google.protobuf import message_factory
from google.protobuf.message import Message
from sfngrpc.stepfunctions.v1 import executions_pb2, service_pb2, state_machines_pb2

from service.aws import Aws, Operation
from service.caches import DescribeCache, StateMachineTypes
from service.convert import to_dict
from service.errors import ServiceError, aws_error_code
from service.paging import PageTokens, Pagination, fetch_page
from service.retry import classify

SERVICE = service_pb2.DESCRIPTOR.services_by_name["StepFunctionsService"]

# Which operations may be repeated after a request may have reached AWS: reads, and writes that
# AWS documents as idempotent for identical arguments; operations with an idempotency token
# member are added from the model. StartExecution is decided per call (see `StartExecutionSafety`).
_READ_PREFIXES = ("Describe", "List", "Get")
_NOT_READS = frozenset({"GetActivityTask"})  # each long poll may hand out a different task
_IDEMPOTENT_WRITES = frozenset(
    {
        "StopExecution",
        "CreateActivity",
        "CreateStateMachine",
        "DeleteActivity",
        "DeleteStateMachine",
        "DeleteStateMachineAlias",
        "DeleteStateMachineVersion",
        "TagResource",
        "UntagResource",
        "ValidateStateMachineDefinition",
    }
)
# Long by design: GetActivityTask polls for up to 60 s, StartSyncExecution runs up to 5 minutes.
_LONG_RUNNING = frozenset({"GetActivityTask", "StartSyncExecution"})


@dataclass
class Call:
    """One call on its way through the stages."""

    request: Message
    params: dict[str, Any]  # the boto3 parameters, made from the request once
    deadline: float | None
    safe_to_retry: bool | None = None  # None: the operation's trait


Handler = Callable[[Call], Awaitable[Message | bytes]]
Stage = Callable[[Handler], Handler]


@dataclass(frozen=True)
class Rpc:
    """One AWS operation as the gateway serves it."""

    name: str
    request_type: type[Message]
    response_type: type[Message]
    operation: Operation
    pagination: Pagination | None
    generated_members: tuple[str, ...]  # idempotency tokens AWS wants, filled in when absent
    stages: tuple[Stage, ...] = field(default=(), compare=False)


def _message_class(descriptor: Any) -> type[Message]:
    return message_factory.GetMessageClass(descriptor)


def _pagination(model: ServiceModel, operation: str) -> Pagination | None:
    """Paging from the model: nextToken in and out, and the output's one list member holds the items."""
    op = model.operation_model(operation)
    if op.input_shape is None or op.output_shape is None:
        return None
    if "nextToken" not in op.input_shape.members or "nextToken" not in op.output_shape.members:
        return None
    lists = [name for name, shape in op.output_shape.members.items() if shape.type_name == "list"]
    return Pagination(result_key=lists[0]) if len(lists) == 1 else None


def build_table(model: ServiceModel) -> dict[str, Rpc]:
    """One Rpc per AWS operation that the proto service serves (no stages yet: see `with_stages`)."""
    table = {}
    for method in SERVICE.methods:
        if method.name not in model.operation_names or method.server_streaming or method.client_streaming:
            continue
        op = model.operation_model(method.name)
        token_members = tuple(
            name
            for name, shape in (op.input_shape.members.items() if op.input_shape else [])
            if shape.metadata.get("idempotencyToken")
        )
        read = method.name.startswith(_READ_PREFIXES) and method.name not in _NOT_READS
        response_type = _message_class(method.output_type)
        table[method.name] = Rpc(
            name=method.name,
            request_type=_message_class(method.input_type),
            response_type=response_type,
            operation=Operation(
                name=method.name,
                response_type=response_type,
                read=read,
                safe_to_retry=read or method.name in _IDEMPOTENT_WRITES or bool(token_members),
                long_running=method.name in _LONG_RUNNING,
            ),
            pagination=_pagination(model, method.name),
            generated_members=token_members,
        )
    return table


def with_stages(
    table: Mapping[str, Rpc], stages: Mapping[str, Sequence[Stage]], pager: Callable[[str, Pagination], Stage]
) -> dict[str, Rpc]:
    """The table with each RPC's stages: its own (by name), else the pager for a paged operation."""
    composed = {}
    for name, rpc in table.items():
        chosen = stages.get(name)
        if chosen is None:
            chosen = () if rpc.pagination is None else (pager(name, rpc.pagination),)
        composed[name] = dataclasses.replace(rpc, stages=tuple(chosen))
    return composed


def cached_describe(descriptions: DescribeCache) -> Stage:
    """DescribeExecution's stage: the answer for a final execution comes from the cache."""

    def stage(_inner: Handler) -> Handler:
        async def handle(call: Call) -> Message:
            return await descriptions.describe(call.params, call.deadline)

        return handle

    return stage


class Gateway:
    """Serves the unary AWS operations: one path, the RPC's stages around it."""

    def __init__(self, aws: Aws, tokens: PageTokens, max_response_bytes: int) -> None:
        self.aws = aws
        self.tokens = tokens
        self.max_response_bytes = max_response_bytes

    def handler(self, rpc: Rpc) -> Callable[[Message, float | None], Awaitable[Message | bytes]]:
        """The function that serves `rpc`: request and deadline in, response (or its bytes) out."""

        async def send(call: Call) -> Message:
            return await self.aws.send(rpc.operation, call.params, call.deadline, safe_to_retry=call.safe_to_retry)

        handle: Handler = send
        for stage in reversed(rpc.stages):
            handle = stage(handle)

        async def serve(request: Message, deadline: float | None) -> Message | bytes:
            params = to_dict(request)
            for member in rpc.generated_members:
                if not params.get(member):
                    params[member] = str(uuid.uuid4())
            return await handle(Call(request, params, deadline))

        return serve

    def pager(self, rpc_name: str, pagination: Pagination) -> Stage:
        """The paging stage: the gateway's own tokens, pages cut to `max_results` and the byte limit."""

        def stage(inner: Handler) -> Handler:
            async def handle(call: Call) -> Message:
                async def fetch(upstream: dict[str, Any]) -> Message:
                    answer = await inner(dataclasses.replace(call, params=upstream))
                    assert isinstance(answer, Message)
                    return answer

                return await fetch_page(rpc_name, call.params, pagination, self.tokens, fetch, self.max_response_bytes)

            return handle

        return stage


class StartExecutionSafety:
    """StartExecution: a name for every execution, and retried after a possible delivery only when safe.

    AWS documents StartExecution as idempotent for STANDARD state machines given the same name and
    input while the execution runs, and not for EXPRESS ones. The gateway gives an execution without a
    name one before the first attempt; it repeats an attempt that may have reached AWS only for a
    state machine known to be STANDARD (a type never changes, so it is asked once and kept). A repeat
    that AWS refuses with ExecutionAlreadyExists for a name the gateway made up found the execution
    the first attempt started (it has ended already): the caller gets that execution. Otherwise the
    caller is told that the outcome is unknown, with the name used, so that it can find out or retry.
    """

    def __init__(self, types: StateMachineTypes, descriptions: DescribeCache) -> None:
        self.types = types
        self.descriptions = descriptions

    def stage(self, inner: Handler) -> Handler:
        """The stage around StartExecution's path."""

        async def handle(call: Call) -> Message | bytes:
            params = call.params
            generated = not params.get("name")
            params["name"] = params.get("name") or str(uuid.uuid4())
            arn = str(params.get("stateMachineArn", ""))
            standard = state_machines_pb2.STATE_MACHINE_TYPE_STANDARD
            call.safe_to_retry = self.types.known(arn) == standard
            try:
                return await inner(call)
            except Exception as exc:
                if generated and _already_exists(exc):
                    return await self._started(call)  # an earlier attempt of this call started it
                if not _maybe_delivered(exc):
                    raise
                if not call.safe_to_retry and await self.types.lookup(arn, call.deadline) == standard:
                    call.safe_to_retry = True
                    try:
                        return await inner(call)  # the same name: AWS answers the execution it started
                    except Exception as again:
                        if generated and _already_exists(again):
                            return await self._started(call)
                        if not _maybe_delivered(again):
                            raise
                        exc = again
                raise _outcome_unknown(exc, params["name"]) from exc

        return handle

    async def _started(self, call: Call) -> executions_pb2.StartExecutionResponse:
        """The answer for the execution this call started, found by its name."""
        machine = str(call.params["stateMachineArn"]).split(":")
        arn = ":".join([*machine[:5], "execution", machine[6], str(call.params["name"])])
        description = await self.descriptions.describe({"executionArn": arn}, call.deadline)
        return executions_pb2.StartExecutionResponse(
            execution_arn=description.execution_arn, start_date=description.start_date
        )

    def learn(self, inner: Handler) -> Handler:
        """A stage for DescribeStateMachine: keep the type of every state machine described."""

        async def handle(call: Call) -> Message | bytes:
            answer = await inner(call)
            if isinstance(answer, state_machines_pb2.DescribeStateMachineResponse):
                self.types.learn(answer.state_machine_arn, answer.type)
            return answer

        return handle


def _already_exists(exc: BaseException) -> bool:
    return isinstance(exc, ClientError) and aws_error_code(exc) == "ExecutionAlreadyExists"


def _maybe_delivered(exc: BaseException) -> bool:
    """True when the request may have reached AWS and AWS's answer was lost (or not awaited)."""
    if isinstance(exc, ServiceError):
        return exc.code == grpc.StatusCode.DEADLINE_EXCEEDED
    failure = classify(exc)
    return failure.retryable and failure.may_have_reached_aws


def _outcome_unknown(exc: BaseException, name: str) -> ServiceError:
    code = exc.code if isinstance(exc, ServiceError) else grpc.StatusCode.UNAVAILABLE
    return ServiceError(
        code,
        "EXECUTION_OUTCOME_UNKNOWN",
        f"the request to start execution {name!r} may have reached Step Functions, but its answer was lost; "
        "whether it started is unknown. For a STANDARD state machine, DescribeExecution of that name tells, and "
        "starting again with the same name and input is safe; for an EXPRESS one, starting again starts another "
        "execution (its runs are in the state machine's CloudWatch Logs)",
        metadata={"execution_name": name},
        retry_delay=None if code == grpc.StatusCode.DEADLINE_EXCEEDED else 1.0,
    )
