"""The AWS side: Step Functions operations sent through botocore's parts, answered as typed messages.

botocore does what it is good at: parameters to an HTTP request, endpoints, credentials, signing,
the connection pool, and the parsing of *error* responses (so `ClientError`, its code, the retry
policy and the error table work as for any boto3 call). aws_request.py calls those parts without
botocore's per-call event pipeline (about 0.2 ms a call), and a successful JSON body is not parsed
by botocore at all: `json.loads` + the converter make the response message from it (about 3x
cheaper than botocore's parser, see README.md). Nothing between the body and the caller is a dict.

boto3 blocks, so calls run on worker threads. What keeps them from starving each other:

- socket timeouts follow the caller's deadline: an attempt uses a client whose read timeout is the
  smallest of `_READ_TIMEOUTS` that covers the time left, so a call abandoned at its deadline frees
  its thread soon after (boto3 cannot cancel a request in flight; the socket timeout can);
- a queued attempt whose caller left is dropped before it runs;
- long-running operations (GetActivityTask's 60 s long poll, StartSyncExecution) have threads of
  their own, so they cannot take the capacity other calls need;
- identical concurrent reads share one upstream call, which lives while any of its
  callers waits for it; each caller leaves at its own deadline (`Aws._join`).
"""

from __future__ import annotations

import asyncio
import bisect
import dataclasses
import itertools
import json
import logging
import re
import threading
import time
from collections import Counter
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

import grpc
from botocore.exceptions import BotoCoreError, NoRegionError
from google.protobuf.message import Message

from service import access_log
from service.aws_request import RequestSender
from service.backend import ClientSettings, create_client, create_session
from service.convert import ConversionError, to_message
from service.errors import ServiceError
from service.quota import Quota
from service.retry import NoFurtherAttemptError, RetryPolicy
from service.tracing import Tracing

log = logging.getLogger(__name__)

M = TypeVar("M", bound=Message)
T = TypeVar("T")

# Read timeouts (seconds) an attempt may get: the smallest that covers the caller's time left.
_READ_TIMEOUTS = (1.0, 2.0, 4.0, 8.0, 16.0, 32.0, 70.0)
# Long-running operations: GetActivityTask polls for up to 60 s; StartSyncExecution runs an
# Express execution for up to 5 minutes.
_LONG_READ_TIMEOUTS = (70.0, 320.0)
# How long a page's conversion waits for the next page's request to leave, and the head start it
# then gives it (see `Aws.decode`).
_LEAST_ATTEMPT_SECONDS = 0.005  # an attempt needs at least this much of the deadline left to be sent
_SEND_WAIT_LIMIT = 0.05
_SEND_HEADSTART = 0.001


@dataclass(frozen=True)
class Operation:
    """What the AWS side needs to know about one operation (the RPC table holds one per RPC)."""

    name: str  # as AWS spells it: "DescribeExecution"
    response_type: type[Message]
    read: bool = False  # identical concurrent calls give the same answer: they may share one call
    safe_to_retry: bool = False  # repeating it after AWS may have acted on it is harmless
    long_running: bool = False  # may take minutes by design (long poll, synchronous execution)


class MalformedResponseError(BotoCoreError):  # type: ignore[misc]  # botocore is untyped
    """A successful answer whose body is not what the protocol promises (the backend is broken).

    A BotoCoreError, so it reaches the caller as UNAVAILABLE / BACKEND_ERROR. The message names
    the operation and the problem, never a value from the body (that is logged).
    """

    fmt = "{operation}: {problem}"


def decode(operation: str, body: bytes, response_type: type[M]) -> M:
    """The response message of a successful body (`json.loads` + the converter)."""
    try:
        wire = json.loads(body) if body else {}
    except ValueError as exc:  # not JSON, or not UTF-8
        log.warning("%s: the backend's answer is not JSON (%s): %r", operation, exc, body[:200])
        raise MalformedResponseError(operation=operation, problem="the backend's answer is not JSON") from exc
    if not isinstance(wire, dict):
        raise MalformedResponseError(operation=operation, problem="the backend's answer is not a JSON object")
    try:
        return to_message(wire, response_type)
    except ConversionError as exc:
        log.warning("%s: the backend's answer does not fit its shape: %s", operation, exc)
        raise MalformedResponseError(
            operation=operation, problem="the backend's answer does not fit the operation's shape"
        ) from exc


# nextToken, looked up in a body before it is parsed. A JSON string cannot hold an unescaped quote,
# so `"nextToken"` followed by `:` outside a key is impossible in a Step Functions answer; AWS writes
# it after the items, so the search from the end is short.
_NEXT_TOKEN_KEY = b'"nextToken"'
_STRING_VALUE = re.compile(rb'\s*:\s*("(?:[^"\\]|\\.)*")')


def peek_next_token(body: bytes) -> str | None:
    """The `nextToken` of a paged answer, found without parsing it (None: none found).

    A hint that lets the next request go out before this page is parsed; readers check it against
    the parsed page.
    """
    at = body.rfind(_NEXT_TOKEN_KEY)
    if at < 0:
        return None
    match = _STRING_VALUE.match(body, at + len(_NEXT_TOKEN_KEY))
    if match is None:
        return None
    try:
        token = json.loads(match.group(1))
    except ValueError:
        return None
    return token if isinstance(token, str) and token else None


class _Waiters:
    """The callers waiting for one upstream call, and the latest of their deadlines."""

    def __init__(self) -> None:
        self.deadlines: list[float | None] = []

    def deadline(self) -> float | None:
        """The call is worth making until the last caller's deadline (None: someone waits forever)."""
        if not self.deadlines or None in self.deadlines:
            return None
        return max(d for d in self.deadlines if d is not None)


class Observer(Protocol):
    """Hears what the AWS side does, by operation (metrics.py's `Metrics` is one)."""

    def attempt(self, operation: str, error: BaseException | None, seconds: float) -> None:
        """An attempt ended: with `error` (None: an answer) after `seconds`."""

    def retry(self, operation: str) -> None:
        """A failed attempt is retried."""

    def coalesce(self, operation: str) -> None:
        """A call joined an identical one in flight."""


@dataclass
class _Call:
    task: asyncio.Future[Any]
    waiters: _Waiters


class Aws:
    """Sends Step Functions operations: retries, deadlines, shared reads, bounded threads."""

    def __init__(
        self,
        settings: ClientSettings,
        retry: RetryPolicy,
        coalesce: bool = True,
        on_attempt: Callable[[BaseException | None, float], None] | None = None,
        observer: Observer | None = None,
        tracing: Tracing | None = None,
    ) -> None:
        """`on_attempt(error or None, seconds)` hears how each attempt ended (backend_health.py).

        `observer` hears attempts, retries and joined calls by operation (metrics); `tracing` puts
        each attempt in a span and in the call's access log record (tracing.py).
        """
        self.settings = settings
        self.retry = retry
        self.coalesce = coalesce
        self.on_attempt = on_attempt
        self.observer = observer
        self.tracing = tracing or Tracing(None)
        self._session = create_session(settings)
        self._clients: dict[float, RequestSender] = {}
        self._clients_lock = threading.Lock()
        # Built now, so that a bad configuration fails at start. None: no region is configured
        # anywhere; the server still starts, and every call fails with NoRegionError.
        first = self._client(_READ_TIMEOUTS[-1])
        self.client: Any = None if first is None else first.client
        self._pool = ThreadPoolExecutor(max_workers=settings.workers, thread_name_prefix="aws")
        self._long_pool = ThreadPoolExecutor(max_workers=settings.workers, thread_name_prefix="aws-long")
        self._in_flight: dict[str, _Call] = {}
        self.calls = 0  # attempts sent, for metrics
        self.calls_by_operation: Counter[str] = Counter()
        self.coalesced = 0  # calls that joined an identical call in flight
        # The account's quota (quota.py): a token is taken before each attempt. None: not kept.
        self.quota: Quota | None = None

    @property
    def endpoint_url(self) -> str:
        """Where requests go ("" without a region)."""
        return "" if self.client is None else str(self.client.meta.endpoint_url)

    @property
    def region(self) -> str | None:
        """The client's region (None without one)."""
        return None if self.client is None else str(self.client.meta.region_name)

    def _client(self, read_timeout: float) -> RequestSender | None:
        """The sender whose socket read timeout is `read_timeout` (made once, on first use; None: no region)."""
        sender = self._clients.get(read_timeout)
        if sender is None:
            with self._clients_lock:
                sender = self._clients.get(read_timeout)
                if sender is None:
                    settings = dataclasses.replace(
                        self.settings,
                        read_timeout=read_timeout,
                        connect_timeout=min(self.settings.connect_timeout, read_timeout),
                    )
                    client = create_client(settings, self._session)
                    if client is None:
                        return None
                    if client.meta.service_model.resolved_protocol != "json":
                        raise RuntimeError("sfn-grpc reads Step Functions' JSON protocol only")
                    sender = self._clients[read_timeout] = RequestSender(client)
        return sender

    # -- sending ------------------------------------------------------------------------------------

    async def send(
        self,
        operation: Operation,
        params: Mapping[str, Any],
        deadline: float | None,
        *,
        safe_to_retry: bool | None = None,
        on_result: Callable[[Message], None] | None = None,
    ) -> Message:
        """The response message of `operation` with boto3 `params`, retried as the policy says.

        The body is read into the message on the worker thread that received it. `safe_to_retry`
        overrides the operation's own trait for this call (see rpc.py's StartExecution stage).
        `on_result` (a cache's) sees the message inside the call, before it counts as finished: an
        identical call a moment later finds either this call in flight or what it left, never neither.
        """
        message: Message = await self._send(
            operation,
            params,
            deadline,
            safe_to_retry,
            None,
            lambda body: decode(operation.name, body, operation.response_type),
            on_result,
        )
        return message

    async def send_raw(
        self,
        operation: Operation,
        params: Mapping[str, Any],
        deadline: float | None,
        *,
        sent: threading.Event | None = None,
    ) -> bytes:
        """The successful body of `operation`, unparsed (`sent` is set once the request left)."""
        body: bytes = await self._send(operation, params, deadline, None, sent, None)
        return body

    async def _send(
        self,
        operation: Operation,
        params: Mapping[str, Any],
        deadline: float | None,
        safe_to_retry: bool | None,
        sent: threading.Event | None,
        finish: Callable[[bytes], Any] | None,
        on_result: Callable[[Any], None] | None = None,
    ) -> Any:
        safe = operation.safe_to_retry if safe_to_retry is None else safe_to_retry

        def run(sender: RequestSender | None, on_answer: Callable[[Mapping[str, str]], None]) -> Any:
            if sender is None:
                raise NoRegionError()
            try:
                body = sender.send(operation.name, dict(params), sent, on_answer)
            finally:
                if sent is not None:
                    sent.set()  # failed before it went: nobody should wait for it any longer
            return body if finish is None else finish(body)

        observer = self.observer
        on_retry = None if observer is None else lambda _error: observer.retry(operation.name)

        async def attempts(waiters: _Waiters) -> Any:
            numbers = itertools.count()

            async def attempt() -> Any:
                return await self._attempt(operation, run, waiters.deadline(), next(numbers))

            result = await self.retry.call(attempt, idempotent=safe, deadline=waiters.deadline, on_retry=on_retry)
            if on_result is not None:
                on_result(result)
            return result

        key = None
        if self.coalesce and operation.read:
            # Callers of `send` and of `send_raw` get different things: they never share a call.
            key = json.dumps([operation.name, finish is None, params], sort_keys=True, default=str)
        return await self._join(key, operation.name, deadline, attempts, on_join=None if sent is None else sent.set)

    async def _attempt(
        self,
        operation: Operation,
        run: Callable[[Any, Callable[[Mapping[str, str]], None]], T],
        deadline: float | None,
        number: int = 0,
    ) -> T:
        """One attempt (`number` from 0) on a worker thread, on the client whose socket timeouts fit `deadline`."""
        if self.quota is not None:
            try:
                await self.quota.take(operation.name, deadline)  # may wait for it, within the deadline
            except ServiceError as exc:
                # No token in time: this attempt is not sent. The retry policy ends the call with the
                # previous attempt's failure (what AWS said), or with QUOTA_EXHAUSTED if none was sent.
                raise NoFurtherAttemptError(exc) from None
        left = None if deadline is None else deadline - time.monotonic()
        if left is not None and left < _LEAST_ATTEMPT_SECONDS:
            raise deadline_exceeded(operation.name)  # no answer could come back in time: do not ask
        timeouts = _LONG_READ_TIMEOUTS if operation.long_running else _READ_TIMEOUTS
        index = len(timeouts) - 1 if left is None else min(len(timeouts) - 1, bisect.bisect_left(timeouts, left))
        read_timeout = timeouts[index]
        self.calls += 1
        self.calls_by_operation[operation.name] += 1
        pool = self._long_pool if operation.long_running else self._pool
        if self.client is None:
            raise NoRegionError()
        started = time.monotonic()
        # Its span (tracing on) and its request id in the call's access log record.
        with self.tracing.attempt(operation.name, number) as attempt:
            try:
                # Cancelled (its caller left) before a thread took it: it never runs. The client is
                # looked up (made, the first time) on the worker thread: that takes tens of milliseconds.
                result = await asyncio.get_running_loop().run_in_executor(
                    pool, lambda: run(self._client(read_timeout), attempt.answered)
                )
            except BaseException as exc:  # cancelled too: its callers left, after waiting how long?
                self._attempted(operation.name, exc, time.monotonic() - started)
                raise
        self._attempted(operation.name, None, time.monotonic() - started)
        return result

    def _attempted(self, operation: str, error: BaseException | None, seconds: float) -> None:
        if self.on_attempt is not None:
            self.on_attempt(error, seconds)
        if self.observer is not None:
            self.observer.attempt(operation, error, seconds)

    async def _join(
        self,
        key: str | None,
        operation: str,
        deadline: float | None,
        start: Callable[[_Waiters], Any],
        on_join: Callable[[], None] | None = None,
    ) -> Any:
        """Wait for the call `start` makes, or for an identical one in flight (same `key`).

        Each caller waits until its own deadline; the call itself lives, and retries, until the
        latest deadline of the callers still waiting, and is cancelled when the last one leaves.
        """
        call = None if key is None else self._in_flight.get(key)
        if call is None:
            waiters = _Waiters()
            call = _Call(asyncio.ensure_future(start(waiters)), waiters)
            if key is not None:
                self._in_flight[key] = call
                call.task.add_done_callback(lambda _: self._in_flight.pop(key, None))
        else:
            self.coalesced += 1
            access_log.note_coalesced()
            if self.observer is not None:
                self.observer.coalesce(operation)
            if on_join is not None:
                on_join()
        call.waiters.deadlines.append(deadline)
        try:
            async with asyncio.timeout_at(None if deadline is None else _loop_time(deadline)):
                return await asyncio.shield(call.task)
        except TimeoutError:
            raise deadline_exceeded(operation) from None
        finally:
            call.waiters.deadlines.remove(deadline)
            if not call.waiters.deadlines and not call.task.done():
                if key is not None:
                    self._in_flight.pop(key, None)
                call.task.cancel()
            elif call.task.done() and not call.task.cancelled():
                call.task.exception()  # retrieved: a failure every caller left is not "never retrieved"

    # -- conversion off the event loop --------------------------------------------------------------

    async def decode(
        self, operation: Operation, body: bytes, response_type: type[M], *, after: threading.Event | None = None
    ) -> M:
        """`decode` on a worker thread (a large page takes milliseconds).

        With `after` (the `sent` of the next page's request) the conversion waits until that request
        is on its way: converting holds the GIL for milliseconds at a time, and a thread waiting for
        the GIL waits a whole switch interval (5 ms), so a conversion that started first would hold
        up the request that paging waits for. Then the conversion overlaps the next round trip.
        """

        def convert() -> M:
            if after is not None and after.wait(_SEND_WAIT_LIMIT):
                time.sleep(_SEND_HEADSTART)  # from urllib3 to the socket is a little more Python
            return decode(operation.name, body, response_type)

        return await asyncio.get_running_loop().run_in_executor(self._pool, convert)

    def close(self) -> None:
        """Stop the worker threads (queued attempts are dropped)."""
        self._pool.shutdown(wait=False, cancel_futures=True)
        self._long_pool.shutdown(wait=False, cancel_futures=True)


def _loop_time(deadline: float) -> float:
    """A deadline on the monotonic clock, on the event loop's clock (they may differ)."""
    return asyncio.get_running_loop().time() + (deadline - time.monotonic())


def deadline_exceeded(operation: str) -> ServiceError:
    """The error of a caller whose deadline passed while Step Functions was still working."""
    return ServiceError(
        grpc.StatusCode.DEADLINE_EXCEEDED,
        "DEADLINE_EXCEEDED",
        f"the caller's deadline passed while waiting for Step Functions ({operation})",
    )


def discard(task: asyncio.Future[Any] | None) -> None:
    """Cancel a task nobody will await, and keep its failure (if it already failed) out of the log."""
    if task is None:
        return
    task.cancel()
    task.add_done_callback(lambda done: done.cancelled() or done.exception())
