"""What happens around every call, for those who watch it: one pair of handler wrappers for all of them.

Metrics (metrics.py), traces (tracing.py) and the access log (access_log.py) each need the same three
moments of a call: its start, each message a stream sends, and its end with the error it raised
(None: it answered). Each is a `CallObserver`; `observed_unary` and `observed_stream` wrap a handler
once for all of them, so the subtle parts are written once: a stream left early (the caller went)
closes its generator, and so runs its clean-up, before the call counts as ended; observers end in
the reverse order of their start, so context variables one sets (the span, the call's record) are
reset in order and are still there for the observers inside it.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import grpc
from google.rpc import error_details_pb2, status_pb2

Context = grpc.aio.ServicerContext[Any, Any]
Unary = Callable[[Any, Context], Awaitable[Any]]
Streaming = Callable[[Any, Context], AsyncIterator[Any]]

_STATUS_DETAILS = "grpc-status-details-bin"


@dataclass(frozen=True)
class Ending:
    """How a call ended: its status code, its ErrorInfo reason ("" for none), what it raised (None: it answered)."""

    code: grpc.StatusCode
    reason: str
    error: BaseException | None


class MethodObserver(Protocol):
    """One observer's view of the calls of one method."""

    def begin(self, context: Context) -> Any:
        """A call starts; what is returned comes back to `sent` and `end`."""

    def sent(self, state: Any) -> None:
        """A stream sent a message."""

    def end(self, state: Any, ending: Ending) -> None:
        """The call ended, as `ending` says (read once for every observer)."""


class CallObserver(Protocol):
    """Something that watches calls (metrics, traces, the access log)."""

    def method(self, service: str, method: str, streaming: bool) -> MethodObserver | None:
        """The observer of this method's calls (None: this one does not watch them)."""


def observed_unary(observers: Sequence[CallObserver], service: str, method: str, behavior: Unary) -> Unary:
    """`behavior` (a unary handler), watched by `observers`, the first outermost."""
    watching = [w for observer in observers if (w := observer.method(service, method, False)) is not None]
    if not watching:
        return behavior
    ending = watching[::-1]

    async def observed(request: Any, context: Context) -> Any:
        states = [w.begin(context) for w in watching]
        error: BaseException | None = None
        try:
            return await behavior(request, context)
        except BaseException as exc:
            error = exc
            raise
        finally:
            ended = Ending(*outcome(context, error), error)
            for w, state in zip(ending, reversed(states), strict=True):
                w.end(state, ended)

    return observed


def observed_stream(observers: Sequence[CallObserver], service: str, method: str, behavior: Streaming) -> Streaming:
    """`behavior` (a server-streaming handler), watched by `observers`, the first outermost."""
    watching = [w for observer in observers if (w := observer.method(service, method, True)) is not None]
    if not watching:
        return behavior
    ending = watching[::-1]

    async def observed(request: Any, context: Context) -> AsyncIterator[Any]:
        states = [w.begin(context) for w in watching]
        owner = asyncio.current_task()
        error: BaseException | None = None
        messages = behavior(request, context)
        try:
            async for message in messages:
                yield message
                for w, state in zip(watching, states, strict=True):
                    w.sent(state)
        except BaseException as exc:
            error = exc
            raise
        finally:
            close = getattr(messages, "aclose", None)  # left early (the caller went): its clean-up runs now
            if close is not None:
                await close()
            if asyncio.current_task() is owner:
                ended = Ending(*outcome(context, error), error)
            else:
                # Closed by the loop's finalizer, gRPC having let go of the stream (its caller left):
                # the call is gone, and touching its context then can crash the process (seen: a
                # segmentation fault in context.peer()).
                ended = Ending(grpc.StatusCode.CANCELLED, "", error)
            for w, state in zip(ending, reversed(states), strict=True):
                w.end(state, ended)

    return observed


def status_code(context: Context, error: BaseException | None) -> grpc.StatusCode:
    """The status a call ended with.

    The code it set or aborted with; else, for a call that answered, OK, and for one that raised,
    CANCELLED (the caller left) or UNKNOWN (what gRPC answers for an exception nobody turned into a
    status).
    """
    code = context.code()
    if isinstance(code, grpc.StatusCode) and code != grpc.StatusCode.OK:
        return code
    if error is None:
        return grpc.StatusCode.OK
    if isinstance(error, asyncio.CancelledError | GeneratorExit):
        return grpc.StatusCode.CANCELLED
    return grpc.StatusCode.UNKNOWN


def outcome(context: Context, error: BaseException | None) -> tuple[grpc.StatusCode, str]:
    """The status a call ended with, and its ErrorInfo reason ("" for none), as the caller got them."""
    code = status_code(context, error)
    if code == grpc.StatusCode.OK:
        return code, ""
    return code, _reason(context)


def _reason(context: Context) -> str:
    """The ErrorInfo reason in the status details the call sent (errors.abort puts one in every error)."""
    for key, value in context.trailing_metadata() or ():
        if key == _STATUS_DETAILS and isinstance(value, bytes):
            for detail in status_pb2.Status.FromString(value).details:
                info = error_details_pb2.ErrorInfo()
                if detail.Unpack(info):  # False: another detail (RetryInfo, BadRequest)
                    return info.reason
    return ""
