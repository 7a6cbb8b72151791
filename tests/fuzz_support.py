"""What the fuzz suites share: the live gateway they attack, how a call is made, and how its answer is judged.

Both suites (hypothesis over typed requests in test_request_fuzz.py, atheris over raw request bytes in
fuzz_raw_requests.py) send every input through a real channel to a real server whose backend is the fake
endpoint on 127.0.0.1, as raw bytes (`request_serializer=None`), and judge it the same way:

- the status is OK or a documented client-error code, never UNKNOWN or INTERNAL;
- every error the gateway answers carries a decodable google.rpc.Status with an ErrorInfo;
- no invalid request reaches the backend: the fake never receives a request that AWS's own model
  checks refuse, and a request the gateway refuses itself (INVALID_ARGUMENT in its own domain) sends
  nothing at all (`Sentinel`).
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import grpc
from google.protobuf import message_factory
from google.protobuf.descriptor import Descriptor, FieldDescriptor, MethodDescriptor
from google.protobuf.message import Message
from google.rpc import status_pb2
from grpc_health.v1 import health_pb2
from sfngrpc.stepfunctions.v1 import annotations_pb2, service_pb2

from service.errors import SERVICE_DOMAIN
from tests.fake_sfn import FakeStepFunctions, history
from tests.fake_sfn import _validate as aws_model_checks
from tests.grpc_helpers import TEST_TOKEN_SECRET, Details, health_stub, running_server, server_config, unpack_details

SERVICE = service_pb2.DESCRIPTOR.services_by_name["StepFunctionsService"]
METHODS: list[MethodDescriptor] = sorted(SERVICE.methods, key=lambda method: method.name)
# gRPC's default receive limit: a larger request is refused by gRPC itself (RESOURCE_EXHAUSTED),
# before the gateway sees it, so without the gateway's ErrorInfo.
GRPC_RECEIVE_LIMIT = 4 * 1024 * 1024
# A unary call against the fake answers in milliseconds; this is only the bound of a hung call.
UNARY_SECONDS = 10.0
# Calls that may wait by design (a wait, a followed stream, a watch) get this long, then count as waiting.
WAIT_SECONDS = 0.5
# A deadline too short for anything: the call may end before or after it reached the handler.
TINY_SECONDS = 0.001
# Calls that may wait for an event: WaitExecution (unary) and every server stream.
WAITING = {method.name for method in METHODS if method.server_streaming} | {"WaitExecution"}

# What a caller may get for a request that is wrong, or right but about things the fake lacks
# (RESOURCE_EXHAUSTED: the gateway's load shedding and quota may refuse a call).
CLIENT_CODES = {
    grpc.StatusCode.OK,
    grpc.StatusCode.INVALID_ARGUMENT,
    grpc.StatusCode.NOT_FOUND,
    grpc.StatusCode.ALREADY_EXISTS,
    grpc.StatusCode.FAILED_PRECONDITION,
    grpc.StatusCode.OUT_OF_RANGE,
    grpc.StatusCode.ABORTED,
    grpc.StatusCode.PERMISSION_DENIED,
    grpc.StatusCode.RESOURCE_EXHAUSTED,
    grpc.StatusCode.UNIMPLEMENTED,  # an operation the fake does not have
}

ACCOUNT = "arn:aws:states:us-east-1:123456789012"
MACHINE = f"{ACCOUNT}:stateMachine:fuzz"
OTHER_MACHINE = f"{ACCOUNT}:stateMachine:fuzz-other"
EXECUTION = f"{ACCOUNT}:execution:fuzz:running"
DONE_EXECUTION = f"{ACCOUNT}:execution:fuzz:done"
# Plausible values, so that a request with one extreme value among sensible ones gets past the
# checks that do not concern that value and reaches the handlers.
PLAUSIBLE_ARNS = {
    "execution_arn": [EXECUTION, DONE_EXECUTION],
    "state_machine_arn": [MACHINE],
    "resource_arn": [MACHINE],
    "state_machine_version_arn": [f"{MACHINE}:1"],
    "state_machine_alias_arn": [f"{MACHINE}:prod"],
    "activity_arn": [f"{ACCOUNT}:activity:worker"],
    "map_run_arn": [f"{ACCOUNT}:mapRun:fuzz/map:0f6a2b1c-1111-2222-3333-444455556666"],
    "role_arn": ["arn:aws:iam::123456789012:role/r"],
    "log_group_arn": ["arn:aws:logs:us-east-1:123456789012:log-group:fuzz:*"],
}
PLAUSIBLE_TEXT = {
    "definition": ['{"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}'],
    "input": ["{}", '{"a": 1}'],
    "output": ["{}"],
    "name": ["fuzz-1", "fuzz-2"],
}


def path(method: MethodDescriptor) -> str:
    """The method's gRPC path."""
    return f"/{SERVICE.full_name}/{method.name}"


def method_named(name: str) -> MethodDescriptor:
    """The service's method of that name."""
    return SERVICE.methods_by_name[name]


def request_class(method: MethodDescriptor) -> type[Message]:
    """The message class of the method's request."""
    return message_factory.GetMessageClass(method.input_type)


def is_required(field: FieldDescriptor) -> bool:
    """The model requires the member (the generator's `aws_required` option)."""
    return bool(field.GetOptions().Extensions[annotations_pb2.aws_required])


def plausible_request(descriptor: Descriptor) -> Message:
    """A request of this type with a sensible value in every field (a seed the fuzzers start from)."""
    message = message_factory.GetMessageClass(descriptor)()
    for field in descriptor.fields:
        if field.message_type is not None:
            continue  # nested messages are left to the fuzzers
        value: Any
        if field.enum_type is not None:
            value = next(v.number for v in field.enum_type.values if v.number)
        elif field.cpp_type == FieldDescriptor.CPPTYPE_STRING:
            value = (PLAUSIBLE_ARNS.get(field.name) or PLAUSIBLE_TEXT.get(field.name) or ["x"])[0]
        elif field.cpp_type == FieldDescriptor.CPPTYPE_BOOL:
            value = False
        elif field.cpp_type in (FieldDescriptor.CPPTYPE_DOUBLE, FieldDescriptor.CPPTYPE_FLOAT):
            value = 1.0
        else:
            value = 1
        if field.is_repeated:
            getattr(message, field.name).append(value)
        else:
            setattr(message, field.name, value)
    return message


# -- one call -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Outcome:
    """How one call ended, as the caller saw it."""

    code: grpc.StatusCode
    message: str = ""
    details: Details | None = None  # the google.rpc details by type name; None: no trailer

    @property
    def reason(self) -> str:
        """ErrorInfo's reason ('' without one)."""
        info = (self.details or {}).get("ErrorInfo")
        return str(info.reason) if info is not None else ""

    @property
    def domain(self) -> str:
        """ErrorInfo's domain ('' without one)."""
        info = (self.details or {}).get("ErrorInfo")
        return str(info.domain) if info is not None else ""


def call(channel: grpc.Channel, method: MethodDescriptor, data: bytes, timeout: float) -> Outcome:
    """Send `data` as the request's bytes, as they are; a stream is judged by its first answer."""
    try:
        if method.server_streaming:
            stream_method: grpc.UnaryStreamMultiCallable[bytes, bytes] = channel.unary_stream(path(method))
            stream = stream_method(data, timeout=timeout)
            try:
                next(iter(stream), None)
            finally:
                stream.cancel()
        else:
            unary_method: grpc.UnaryUnaryMultiCallable[bytes, bytes] = channel.unary_unary(path(method))
            unary_method(data, timeout=timeout)
    except grpc.RpcError as error:
        failed: Any = error
    else:
        return Outcome(grpc.StatusCode.OK)
    code = failed.code()
    if code == grpc.StatusCode.CANCELLED and method.server_streaming:
        return Outcome(grpc.StatusCode.OK)  # cancelled by us after the first message
    trailer = dict(failed.trailing_metadata() or ()).get("grpc-status-details-bin")
    details = None
    if trailer is not None:
        # Decodable, or the call fails the suite here with the reason.
        details = unpack_details(status_pb2.Status.FromString(trailer))
    return Outcome(code, failed.details() or "", details)


def judge(method: MethodDescriptor, outcome: Outcome, size: int, timeout: float) -> None:
    """Assert that the answer is one the README documents for a caller's request (see the module docstring)."""
    code = outcome.code
    context = (method.name, code, outcome.message[:300])
    if code == grpc.StatusCode.OK:
        return
    if code == grpc.StatusCode.DEADLINE_EXCEEDED and (method.name in WAITING or timeout <= TINY_SECONDS):
        return  # waiting by design, or a deadline too short for anything; no answer of the gateway to judge
    if code == grpc.StatusCode.RESOURCE_EXHAUSTED and size > GRPC_RECEIVE_LIMIT - 64:
        return  # gRPC's own receive limit, before the gateway (README: Fuzzing)
    assert code in CLIENT_CODES, context
    assert outcome.details is not None, ("no google.rpc.Status in the trailer", *context)
    assert "ErrorInfo" in outcome.details, ("no ErrorInfo", *context)


# -- the backend's side -------------------------------------------------------------------------------------


def assert_valid_for_aws(fake: FakeStepFunctions, since: int, method: MethodDescriptor) -> None:
    """Every request the fake received since `since` passes AWS's model checks.

    A request that fails them is an invalid request the gateway let through. Window-free: whichever
    call sent it, no request to the backend may be one AWS refuses as invalid.
    """
    for request in fake.calls[since:]:
        try:
            aws_model_checks(request.operation, request.params)
        except Exception as refused:
            raise AssertionError(
                f"while {method.name} ran, the backend received a request AWS refuses: {request.operation} "
                f"{str(request.params)[:300]}: {refused}"
            ) from None


def refused_by_gateway(outcome: Outcome) -> bool:
    """The gateway itself refused the request (INVALID_ARGUMENT in its own domain, not AWS's)."""
    return outcome.code == grpc.StatusCode.INVALID_ARGUMENT and outcome.domain == SERVICE_DOMAIN


@dataclass
class Sentinel:
    """A second gateway whose backend must never hear a word: it is sent only requests the first refused.

    The main gateway's backend also serves the requests that pass, and a call may leave requests
    behind it (a cancelled stream's page in flight, a history loader's read ahead), so "the backend
    saw nothing during the refused call" cannot be judged there without races. Here it can: every
    request this gateway is sent is one the main gateway refused on its own, so its backend must
    see none at all, and its answer must be the same refusal.
    """

    fake: FakeStepFunctions
    channel: grpc.Channel

    def check(self, method: MethodDescriptor, data: bytes, outcome: Outcome) -> None:
        """If the gateway refused `data` itself, assert that the refusal sends nothing to the backend."""
        if not refused_by_gateway(outcome):
            return
        since = len(self.fake.calls)  # none, unless an earlier refusal failed this same check
        again = call(self.channel, method, data, UNARY_SECONDS)
        assert (again.code, again.reason) == (outcome.code, outcome.reason), (method.name, outcome, again)
        received = [request.operation for request in self.fake.calls[since:]]
        assert not received, f"{method.name} was refused ({outcome.reason}) but the backend received {received}"


# -- the live gateway ---------------------------------------------------------------------------------------


@dataclass
class Live:
    """A running gateway in front of the fake, the sentinel beside it, and what the suites need of them."""

    fake: FakeStepFunctions
    channel: grpc.Channel
    sentinel: Sentinel
    tokens: dict[str, list[str]]  # valid page tokens (and watch cursors) by RPC, issued by this server

    def judge_call(self, method: MethodDescriptor, data: bytes, timeout: float) -> Outcome:
        """Send `data` to `method` and judge everything about the answer (the module docstring)."""
        since = len(self.fake.calls)
        outcome = call(self.channel, method, data, timeout)
        judge(method, outcome, len(data), timeout)
        assert_valid_for_aws(self.fake, since, method)
        self.sentinel.check(method, data, outcome)
        _stock(self.fake)  # a DeleteStateMachine that got through must not starve the examples after it
        return outcome


@contextlib.contextmanager
def live_gateway() -> Iterator[Live]:
    """The fake with a few things in it, a server in front of it, and the sentinel, on their own event loop."""
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, name="fuzz-server-loop", daemon=True)
    thread.start()
    stop = threading.Event()
    with FakeStepFunctions() as fake, FakeStepFunctions() as sentinel_fake:
        _stock(fake)
        fake.add_execution(MACHINE, "running", status="RUNNING", events=history(3, status="RUNNING"))
        fake.add_execution(MACHINE, "done", events=history(6))
        served = [_serve(loop, backend, stop) for backend in (fake, sentinel_fake)]
        ports = [ready.result(timeout=60) for ready, _ in served]
        channel, sentinel_channel = (grpc.insecure_channel(f"127.0.0.1:{port}") for port in ports)
        try:
            tokens = _collect_tokens(channel)
            sentinel_fake.calls.clear()  # its health probe's; from now on it must hear nothing
            yield Live(fake, channel, Sentinel(sentinel_fake, sentinel_channel), tokens)
        finally:
            channel.close()
            sentinel_channel.close()
            stop.set()
            for _, running in served:
                running.result(timeout=30)
            loop.call_soon_threadsafe(loop.stop)
            thread.join(timeout=10)
            loop.close()


def _stock(fake: FakeStepFunctions) -> None:
    """The state machines the plausible requests name, there again if a fuzzed call deleted them."""
    for name in ("fuzz", "fuzz-other"):
        with contextlib.suppress(ValueError):  # it is there
            fake.add_state_machine(name)


def _serve(
    loop: asyncio.AbstractEventLoop, fake: FakeStepFunctions, stop: threading.Event
) -> tuple[concurrent.futures.Future[int], concurrent.futures.Future[None]]:
    """A server in front of `fake` on `loop` until `stop`: (its port once it is SERVING, its end)."""
    config = server_config(retry_max_attempts=1, page_token_key=TEST_TOKEN_SECRET, metrics_listen="")
    ready: concurrent.futures.Future[int] = concurrent.futures.Future()

    async def serve() -> None:
        try:
            async with running_server(config, fake.endpoint_url) as (server, _stub, aio_channel):
                # The health probe's call comes first; after it, the fake sees only what callers cause.
                health = health_stub(aio_channel)
                async for answer in health.Watch(health_pb2.HealthCheckRequest(), timeout=30):
                    if answer.status == health_pb2.HealthCheckResponse.SERVING:
                        break
                ready.set_result(server.port)
                await asyncio.to_thread(stop.wait)
        except BaseException as exc:
            if not ready.done():
                ready.set_exception(exc)
            raise

    return ready, asyncio.run_coroutine_threadsafe(serve(), loop)


def _collect_tokens(channel: grpc.Channel) -> dict[str, list[str]]:
    """Real tokens of the server's paged RPCs and a watch cursor: what the tampering starts from."""
    tokens: dict[str, list[str]] = {}

    def unary(name: str, request: Message, field: str) -> None:
        method = method_named(name)
        response_type = message_factory.GetMessageClass(method.output_type)
        method_call: grpc.UnaryUnaryMultiCallable[bytes, Any] = channel.unary_unary(
            path(method), response_deserializer=response_type.FromString
        )
        answer = method_call(request.SerializeToString(), timeout=UNARY_SECONDS)
        tokens.setdefault(name, []).append(getattr(answer, field))

    unary("ListStateMachines", _request("ListStateMachines", max_results=1), "next_token")
    unary("ListExecutions", _request("ListExecutions", state_machine_arn=MACHINE, max_results=1), "next_token")
    unary(
        "GetExecutionHistory",
        _request("GetExecutionHistory", execution_arn=DONE_EXECUTION, max_results=2),
        "next_token",
    )
    watch = method_named("WatchExecutions")
    response_type = message_factory.GetMessageClass(watch.output_type)
    request = _request("WatchExecutions", state_machine_arn=MACHINE)
    watch_call: grpc.UnaryStreamMultiCallable[bytes, Any] = channel.unary_stream(
        path(watch), response_deserializer=response_type.FromString
    )
    stream = watch_call(request.SerializeToString(), timeout=UNARY_SECONDS)
    try:
        tokens["WatchExecutions"] = [next(iter(stream)).cursor]
    finally:
        stream.cancel()
    assert all(all(found) for found in tokens.values()), tokens
    return tokens


def _request(name: str, **fields: Any) -> Message:
    return request_class(method_named(name))(**fields)
