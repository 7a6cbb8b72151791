"""The RPC table and the one generic path every unary RPC takes.

The table is built from the proto service descriptor and botocore's model: each method of
`StepFunctionsService` named like an AWS operation gets its request and response classes, its
paging, whether it is safe to repeat, and which members need an idempotency value. A new operation
costs one `make generate`, not a new handler.

The path: request message -> boto3 parameters (convert.py) -> validation (validation.py) ->
idempotency values -> boto3 with retries (backend.py), paged by paging.py where the operation
pages -> response message. Every failure leaves as a rich gRPC status (errors.py).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from botocore.model import ServiceModel
from google.protobuf import message_factory
from google.protobuf.message import Message
from stepfunctions.v1 import history_pb2, service_pb2

from service.backend import Backend
from service.caches import ExecutionCaches, ordered
from service.convert import to_dict, to_message
from service.paging import PageTokens, Pagination, fetch_page, page_from_items, start_position
from service.validation import Validator

SERVICE = service_pb2.DESCRIPTOR.services_by_name["StepFunctionsService"]

# Operations that are safe to repeat after a request may have reached AWS: reads, and writes that
# AWS documents as idempotent for identical arguments. StartExecution is here because the gateway
# always sends a name (see _prepare); operations with an idempotency token member are added from
# the model. Everything else (StartSyncExecution, TestState, GetActivityTask, SendTask*, Update*,
# Publish*, ...) is retried only when AWS surely did not act (throttled, or never connected).
_SAFE_PREFIXES = ("Describe", "List", "Get")
_UNSAFE = frozenset({"GetActivityTask"})  # a repeated long poll could take a second task
_SAFE = frozenset(
    {
        "StartExecution",
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
# Names the gateway gives when the caller gives none, so that a retried call cannot act twice.
_GENERATED_NAMES = {"StartExecution": "name"}


@dataclass(frozen=True)
class Rpc:
    """Everything the generic path needs to know about one operation."""

    name: str
    request_type: type[Message]
    response_type: type[Message]
    pagination: Pagination | None
    idempotent: bool
    generated_members: tuple[str, ...]


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
    """One Rpc per AWS operation that the proto service serves."""
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
        generated = tuple(filter(None, (_GENERATED_NAMES.get(method.name),))) + token_members
        safe = (
            method.name in _SAFE
            or bool(token_members)
            or (method.name.startswith(_SAFE_PREFIXES) and method.name not in _UNSAFE)
        )
        table[method.name] = Rpc(
            name=method.name,
            request_type=_message_class(method.input_type),
            response_type=_message_class(method.output_type),
            pagination=_pagination(model, method.name),
            idempotent=safe,
            generated_members=generated,
        )
    return table


class Gateway:
    """Serves the unary RPCs through boto3."""

    def __init__(
        self,
        backend: Backend,
        validator: Validator,
        tokens: PageTokens,
        max_response_bytes: int,
        caches: ExecutionCaches,
    ) -> None:
        self.backend = backend
        self.validator = validator
        self.tokens = tokens
        self.max_response_bytes = max_response_bytes
        self.caches = caches

    async def serve(self, rpc: Rpc, request: Message, deadline: float | None) -> Message:
        """Serve one call of `rpc`; failures raise (the server turns them into statuses)."""
        params = to_dict(request)
        for member in rpc.generated_members:
            if not params.get(member):
                params[member] = str(uuid.uuid4())

        async def call(upstream: dict[str, Any]) -> dict[str, Any]:
            return await self.backend.call(rpc.name, upstream, deadline=deadline, idempotent=rpc.idempotent)

        def convert(result: dict[str, Any]) -> Message:
            message = to_message(result, rpc.response_type)
            if isinstance(message, history_pb2.GetExecutionHistoryResponse):
                events = list(message.events)
                if ordered(events, bool(params.get("reverseOrder"))) is not events:
                    message.events.reverse()  # an emulator that ignores reverseOrder (see caches.ordered)
            return message

        if rpc.name == "DescribeExecution":
            return convert(await self.caches.describe(params["executionArn"], deadline))
        if rpc.name == "GetExecutionHistory" and rpc.pagination is not None:
            cached = await self._final_history(params, rpc.pagination)
            if cached is not None:
                events = cached[::-1] if params.get("reverseOrder") else cached
                page = rpc.response_type()
                return page_from_items(
                    rpc.name, params, rpc.pagination, self.tokens, events, page, self.max_response_bytes
                )
        if rpc.pagination is not None:
            return await fetch_page(
                rpc.name, params, rpc.pagination, self.tokens, call, convert, self.max_response_bytes
            )
        return convert(await call(params))

    async def _final_history(self, params: dict[str, Any], pagination: Pagination) -> list[Any] | None:
        """The whole history from the cache, if the execution is known to be final.

        No AWS call is spent to find out: only a cached final DescribeExecution (or a token issued
        from a cached history) counts. Loads the history once if needed.
        """
        if not self.caches.enabled:
            return None
        arn, include = params["executionArn"], params.get("includeExecutionData", True)
        cached = self.caches.cached_history(arn, include)
        if cached is not None:
            return cached
        position = start_position("GetExecutionHistory", params, pagination, self.tokens)
        known_final = self.caches.known_final(arn)
        from_cache_token = position.index > 0 and position.aws_token is None and position.offset == 0
        if not (known_final or from_cache_token):
            return None
        shared = self.caches.share(arn, include)
        try:
            await shared.wait_beyond(2**62)
        finally:
            self.caches.release(arn, include, shared)
        return shared.events
