"""The boto3 side: one Step Functions client per process, called off the event loop, with retries.

boto3 is synchronous, so its calls run in a bounded thread pool whose size matches the client's
connection pool. botocore's own retries are switched off (`total_max_attempts=1`): retry.py is the
only place that retries, so attempts never multiply.

GetExecutionHistory, the operation that streams and the history cache call page after page, has a
fast path (`Backend.history_page`, `Backend.history_pages`): the request still goes through boto3's
whole stack (parameter validation, serialization, endpoint resolution, signing, the connection
pool, and botocore's parsing of error responses), but the body of a *successful* response is handed
over unparsed, then read with `json.loads` and converted to the message by `to_message` in a worker
thread. botocore's parser turns every event into dicts with timezone-aware datetimes and costs about
3x as much as that (see the converter benchmark in README.md). `HistoryPages` also sends each next
request as soon as the previous body is in, before converting it.
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
import threading
import time
from collections import Counter
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any, TypeVar
from urllib.parse import urlparse

import boto3
import grpc
from botocore import xform_name
from botocore.config import Config
from botocore.exceptions import BotoCoreError, NoRegionError
from stepfunctions.v1 import history_pb2

from service.convert import to_message
from service.errors import ServiceError
from service.retry import RetryPolicy

log = logging.getLogger(__name__)

_AWS_HOST_SUFFIXES = (".amazonaws.com", ".amazonaws.com.cn", ".api.aws", ".c2s.ic.gov", ".sc2s.sgov.gov")

T = TypeVar("T")
HistoryPage = history_pb2.GetExecutionHistoryResponse
# How long a page's conversion waits for the next page's request to leave (it only waits that long
# if the request is stuck behind other calls for a worker thread), and the head start it then gives
# the request: from botocore's `before-send` to the socket is about 0.5 ms of Python.
_SEND_WAIT_LIMIT = 0.05
_SEND_HEADSTART = 0.001

# -- the GetExecutionHistory fast path ------------------------------------------------------------
#
# botocore has no per-call switch for "give me the body", and its events do not see the call that
# caused them. The call is synchronous on one worker thread, though, so a context variable set
# around it on that thread tells the handlers below what this call wants; every other call of the
# same operation on the same client (the unary GetExecutionHistory RPC, tests, ...) is untouched.
_RAW_BODY_KEY = "SfnGrpcRawBody"  # where the handler leaves the body, in botocore's parsed result
_HANDLER_ID = "sfn-grpc-fast-history-{}"  # botocore's unique ids are global to the emitter


@dataclass(frozen=True)
class _FastCall:
    """What one GetExecutionHistory call, on its worker thread, asks of the handlers."""

    raw_body: bool  # hand the successful body over unparsed
    sent: threading.Event | None  # set when the request is about to be sent (see HistoryPages)


_fast_call: ContextVar[_FastCall | None] = ContextVar("sfn_grpc_fast_call", default=None)


def _keep_raw_body(response_dict: dict[str, Any], customized_response_dict: dict[str, Any], **_: Any) -> None:
    """The `before-parse` handler: pass a successful body through unparsed, when the call asked for it.

    The body botocore goes on to parse becomes `{}`, so its parser still runs (and still fills
    `ResponseMetadata` from the headers) at no cost; `customized_response_dict` is merged into its
    result. Error responses are left alone: botocore parses them as always, so `ClientError`, its
    code, the retry policy and the error table behave exactly as for any other call.
    """
    call = _fast_call.get()
    if call is None or not call.raw_body or response_dict["status_code"] >= 300:
        return
    customized_response_dict[_RAW_BODY_KEY] = response_dict["body"]
    response_dict["body"] = b"{}"


def _note_sending(**_: Any) -> None:
    """The `before-send` handler: the request is signed and goes to urllib3 now."""
    call = _fast_call.get()
    if call is not None and call.sent is not None:
        call.sent.set()


class MalformedResponseError(BotoCoreError):  # type: ignore[misc]  # botocore is untyped
    """A successful answer whose body is not what the protocol promises (the backend is broken).

    A BotoCoreError, so it reaches the caller as UNAVAILABLE / BACKEND_ERROR like botocore's own.
    """

    fmt = "{operation}: {problem}"


# nextToken, looked up in a body before it is parsed. A JSON string cannot hold an unescaped quote,
# so `"nextToken"` followed by `:` outside a key is impossible; no event member has that name
# either. AWS writes it after the events, so the search from the end is short.
_NEXT_TOKEN_KEY = b'"nextToken"'
_STRING_VALUE = re.compile(rb'\s*:\s*("(?:[^"\\]|\\.)*")')


def peek_next_token(body: bytes) -> str | None:
    """The `nextToken` of a GetExecutionHistory body, found without parsing it (None: not found).

    A hint that lets the next request go out before this page is parsed; `HistoryPages` checks it
    against the parsed page and corrects course if they ever differ.
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


@dataclass(frozen=True)
class RawHistoryPage:
    """A successful GetExecutionHistory answer, not parsed yet (immutable: coalesced callers share it)."""

    body: bytes | None  # the HTTP body; None when botocore parsed the answer (see `from_boto3`)
    parsed: Mapping[str, Any]  # what boto3 returned (only ResponseMetadata besides the body, on the fast path)
    next_token: str | None  # read before parsing: a hint

    @classmethod
    def from_boto3(cls, parsed: Mapping[str, Any]) -> RawHistoryPage:
        """From what `client.get_execution_history` returned, with or without the fast path.

        Without a raw body (the fast path is off, or a `before-call` hook such as botocore's
        Stubber answered before any HTTP response existed) botocore's own dict is kept instead.
        """
        body = parsed.get(_RAW_BODY_KEY)
        if body is None:
            token = parsed.get("nextToken")
            return cls(None, parsed, token if isinstance(token, str) and token else None)
        return cls(body, parsed, peek_next_token(body))

    def message(self) -> HistoryPage:
        """The page as a message: `json.loads` + `to_message` (or `to_message` on botocore's dict)."""
        if self.body is None:
            return to_message(self.parsed, HistoryPage)
        try:
            wire = json.loads(self.body) if self.body else {}
        except ValueError as exc:  # not JSON, or not UTF-8
            # botocore would have made this an empty page ({"message": body}) and a stream would end
            # early without a word; a 200 that is not JSON is a broken backend: say so.
            raise MalformedResponseError(
                operation="GetExecutionHistory", problem=f"the response body is not JSON ({exc})"
            ) from exc
        if not isinstance(wire, dict):
            raise MalformedResponseError(
                operation="GetExecutionHistory", problem="the response body is not a JSON object"
            )
        return to_message(wire, HistoryPage)


@dataclass(frozen=True)
class ClientSettings:
    """How to build the boto3 client."""

    region: str | None = None  # None: boto3's own resolution (AWS_DEFAULT_REGION, the config files)
    endpoint_url: str | None = None  # None: boto3's own resolution (AWS_ENDPOINT_URL_SFN, config files, AWS)
    workers: int = 32
    connect_timeout: float = 5.0
    read_timeout: float = 70.0  # above GetActivityTask's 60 s long poll
    aws_access_key_id: str | None = None  # only for the embedded backend; never logged
    aws_secret_access_key: str | None = None


def is_aws_endpoint(url: str) -> bool:
    """True for AWS's own endpoints, False for a custom one (LocalStack, moto, a test fake, ...)."""
    host = urlparse(url).hostname or ""
    return host.endswith(_AWS_HOST_SUFFIXES)


def create_client(settings: ClientSettings) -> Any | None:
    """The process's Step Functions client; None when no region is configured anywhere.

    Without a region there is no endpoint to call, but the server still starts (health
    NOT_SERVING, every call FAILED_PRECONDITION / NO_AWS_REGION) rather than dying at start.

    StartSyncExecution and TestState carry the model's `sync-` host prefix, which AWS needs but a
    custom endpoint (http://127.0.0.1:PORT) must not get: host-prefix injection is switched off
    exactly when the endpoint is not AWS's own.
    """
    session = boto3.session.Session(
        region_name=settings.region,
        aws_access_key_id=settings.aws_access_key_id,
        aws_secret_access_key=settings.aws_secret_access_key,
    )

    def build(inject_host_prefix: bool) -> Any:
        config = Config(
            retries={"total_max_attempts": 1, "mode": "standard"},
            max_pool_connections=settings.workers,
            connect_timeout=settings.connect_timeout,
            read_timeout=settings.read_timeout,
            inject_host_prefix=inject_host_prefix,
            user_agent_extra="sfn-grpc",
        )
        return session.client("stepfunctions", endpoint_url=settings.endpoint_url, config=config)

    try:
        client = build(inject_host_prefix=True)
    except NoRegionError:
        return None
    if not is_aws_endpoint(client.meta.endpoint_url):
        client = build(inject_host_prefix=False)
    return client


class Backend:
    """Calls Step Functions operations by name, with the retry policy and the caller's deadline.

    `client` None (no region configured): every call fails with NoRegionError, before any attempt.
    `on_attempt(error or None, seconds)` hears how each attempt ended (backend_health.py).
    """

    def __init__(
        self,
        client: Any | None,
        retry: RetryPolicy,
        workers: int,
        coalesce: bool = True,
        on_attempt: Callable[[BaseException | None, float], None] | None = None,
    ) -> None:
        self.client = client
        self.on_attempt = on_attempt
        self.retry = retry
        self.coalesce = coalesce
        self.executor = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="boto3")
        self.calls = 0  # attempts sent to the backend, for tests and (later) metrics
        self.calls_by_operation: Counter[str] = Counter()
        self.coalesced = 0  # calls that joined an identical call in flight instead of making their own
        self._in_flight: dict[str, _Shared] = {}
        # The fast path reads JSON bodies; a client speaking another protocol (botocore may one day
        # resolve Step Functions to CBOR) keeps botocore's parser for every call.
        self.fast_history = client is not None and client.meta.service_model.resolved_protocol == "json"
        if client is None:
            return
        service_id = client.meta.service_model.service_id.hyphenize()
        events = client.meta.events
        events.register(
            f"before-parse.{service_id}.GetExecutionHistory", _keep_raw_body, unique_id=_HANDLER_ID.format("body")
        )
        events.register(
            f"before-send.{service_id}.GetExecutionHistory", _note_sending, unique_id=_HANDLER_ID.format("sent")
        )

    @property
    def endpoint_url(self) -> str:
        """Where the client sends its requests ("" without a client)."""
        return "" if self.client is None else str(self.client.meta.endpoint_url)

    @property
    def region(self) -> str | None:
        """The client's region (None without a client)."""
        return None if self.client is None else str(self.client.meta.region_name)

    async def call(
        self,
        operation: str,
        params: Mapping[str, Any],
        *,
        deadline: float | None,
        idempotent: bool,
        on_result: Callable[[dict[str, Any]], None] | None = None,
    ) -> dict[str, Any]:
        """Call `operation` (e.g. "DescribeExecution") with boto3 parameters; return boto3's result.

        Identical concurrent reads are coalesced into one backend call whose result every caller
        gets (each its own copy of the top-level dict); the last caller to give up cancels it.
        `on_result` (e.g. a cache's) sees the result first, before the call counts as finished:
        an identical call that starts a moment later cannot miss both this call and what it left.
        """

        def run() -> dict[str, Any]:
            result: dict[str, Any] = getattr(self.client, xform_name(operation))(**params)
            result.pop("ResponseMetadata", None)
            return result

        result = await self._shared(operation, operation, params, deadline, idempotent, run, on_result=on_result)
        return dict(result)

    async def history_page(self, params: Mapping[str, Any], *, deadline: float | None) -> HistoryPage:
        """One GetExecutionHistory page (boto3 parameters) as a message, through the fast path.

        The same as `to_message(await call("GetExecutionHistory", ...))`, with the same request,
        errors, retries, deadline, coalescing and call counting, but about 3x cheaper for a large
        page: the body is parsed by `json.loads` and converted in a worker thread, not by
        botocore's parser (see the module docstring).
        """
        return await self.parse_history_page(await self.raw_history_page(params, deadline=deadline))

    def history_pages(self, params: Mapping[str, Any], *, deadline: float | None) -> HistoryPages:
        """Every page from `params` on, as messages, read ahead by one request (see `HistoryPages`).

        The first request goes out now, before the first page is asked for.
        """
        return HistoryPages(self, params, deadline)

    async def raw_history_page(
        self, params: Mapping[str, Any], *, deadline: float | None, sent: threading.Event | None = None
    ) -> RawHistoryPage:
        """One GetExecutionHistory answer, unparsed; like `call` in every other way.

        `sent`, if given, is set once the request is about to leave (or the call ended, or it
        joined an identical call already in flight).
        """
        client: Any = self.client
        fast_call = _FastCall(raw_body=self.fast_history, sent=sent)

        def run() -> RawHistoryPage:
            token = _fast_call.set(fast_call)
            try:
                parsed = client.get_execution_history(**params)
            finally:
                _fast_call.reset(token)
                if sent is not None:
                    sent.set()  # sent, or failed before: nobody should wait for it any longer
            return RawHistoryPage.from_boto3(parsed)

        # Its own coalescing key: a caller of `call` must never be handed a raw page.
        return await self._shared(
            "GetExecutionHistory",
            "GetExecutionHistory/raw",
            params,
            deadline,
            True,
            run,
            on_join=None if sent is None else sent.set,
        )

    async def parse_history_page(self, raw: RawHistoryPage, *, after: threading.Event | None = None) -> HistoryPage:
        """The message of a raw page, converted in a worker thread (a large page takes milliseconds).

        With `after` (the `sent` of the next page's request), the conversion waits until that
        request is on its way: converting holds the GIL for milliseconds at a time, and a thread
        waiting for the GIL waits a whole switch interval (5 ms) each time, so a conversion that
        started first would hold up the request, which is the one thing that paging must not wait
        for. Then the conversion overlaps the next round trip instead.
        """

        def convert() -> HistoryPage:
            if after is not None and after.wait(_SEND_WAIT_LIMIT):
                time.sleep(_SEND_HEADSTART)  # from urllib3 to the socket is a little more Python
            return raw.message()

        return await asyncio.get_running_loop().run_in_executor(self.executor, convert)

    async def _shared(
        self,
        operation: str,
        key_name: str,
        params: Mapping[str, Any],
        deadline: float | None,
        idempotent: bool,
        run: Callable[[], T],
        on_join: Callable[[], None] | None = None,
        on_result: Callable[[T], None] | None = None,
    ) -> T:
        """`_call`, joined with an identical read in flight when coalescing applies (then `on_join()`).

        `on_result` of the caller that makes the call sees its result inside the call.
        """

        async def call() -> T:
            result = await self._call(operation, deadline, idempotent, run)
            if on_result is not None:
                on_result(result)
            return result

        if not (self.coalesce and operation.startswith(_READS) and operation not in _NOT_COALESCED):
            return await call()
        key = json.dumps([key_name, params], sort_keys=True, default=str)
        shared = self._in_flight.get(key)
        if shared is None:
            task = asyncio.ensure_future(call())
            shared = self._in_flight[key] = _Shared(task)
            task.add_done_callback(lambda _: self._in_flight.pop(key, None))
        else:
            self.coalesced += 1
            if on_join is not None:
                on_join()
        shared.waiters += 1
        try:
            remaining = None if deadline is None else max(0.0, deadline - time.monotonic())
            result: T = await asyncio.wait_for(asyncio.shield(shared.task), timeout=remaining)
        except TimeoutError:
            raise _deadline_exceeded(operation) from None
        finally:
            shared.waiters -= 1
            if shared.waiters == 0 and not shared.task.done():
                shared.task.cancel()
        return result

    async def _call(self, operation: str, deadline: float | None, idempotent: bool, run: Callable[[], T]) -> T:
        """`run` (one boto3 call) in the worker pool, attempt after attempt as the retry policy says."""
        if self.client is None:
            raise NoRegionError()
        loop = asyncio.get_running_loop()

        async def answer(future: asyncio.Future[T]) -> T:
            if deadline is None:
                return await future
            left = deadline - time.monotonic()
            if left <= 0:
                raise _deadline_exceeded(operation)
            try:
                return await asyncio.wait_for(future, timeout=left)
            except TimeoutError:
                # The thread finishes on its own; the caller gets its answer now.
                raise _deadline_exceeded(operation) from None

        async def attempt() -> T:
            self.calls += 1
            self.calls_by_operation[operation] += 1
            started = time.monotonic()
            try:
                result = await answer(loop.run_in_executor(self.executor, run))
            except BaseException as exc:  # cancelled too: its callers left, after waiting how long?
                if self.on_attempt is not None:
                    self.on_attempt(exc, time.monotonic() - started)
                raise
            if self.on_attempt is not None:
                self.on_attempt(None, time.monotonic() - started)
            return result

        return await self.retry.call(attempt, idempotent=idempotent, deadline=deadline)

    def close(self) -> None:
        """Stop the worker threads (after in-flight calls finish)."""
        self.executor.shutdown(wait=False, cancel_futures=True)


# Reads that may be coalesced: identical arguments give the same answer at the same moment.
_READS = ("Describe", "Get", "List")
_NOT_COALESCED = frozenset({"GetActivityTask"})  # each long poll may hand out a different task


@dataclass
class _Shared:
    """A backend call in flight and how many callers wait for it."""

    task: asyncio.Future[Any]  # a dict from `call`, a RawHistoryPage from `raw_history_page`
    waiters: int = 0


class HistoryPages:
    """The pages of one GetExecutionHistory read, in order, each request sent as early as it can go.

    Paging is a chain: each request needs the previous page's nextToken. So the next request goes
    out as soon as the current page's body is in, before that page is parsed and converted (work
    which then overlaps the next request's round trip), but not before the reader asks for the
    current page: the read stays at most one page ahead of its reader, whose memory stays flat.

    An async iterator of `GetExecutionHistoryResponse`; `close()` when done early (it cancels the
    request in flight). `deadline` applies to requests not sent yet, and may be changed.
    """

    def __init__(self, backend: Backend, params: Mapping[str, Any], deadline: float | None) -> None:
        self.deadline = deadline
        self._backend = backend
        self._params = {k: v for k, v in params.items() if k != "nextToken"}
        self._pending: asyncio.Future[RawHistoryPage] | None = self._request(params.get("nextToken"))

    def _request(self, token: str | None, sent: threading.Event | None = None) -> asyncio.Future[RawHistoryPage]:
        params = {**self._params, "nextToken": token} if token else self._params
        return asyncio.ensure_future(self._backend.raw_history_page(params, deadline=self.deadline, sent=sent))

    def __aiter__(self) -> HistoryPages:
        return self

    async def __anext__(self) -> HistoryPage:
        if self._pending is None:
            raise StopAsyncIteration
        try:
            raw = await self._pending
            hint = raw.next_token
            sent = threading.Event() if hint else None
            self._pending = self._request(hint, sent) if hint else None
            page = await self._backend.parse_history_page(raw, after=sent)
            if page.next_token != (hint or ""):
                # The look ahead missed (the body is not what AWS writes): ask for the right page.
                discard(self._pending)
                self._pending = self._request(page.next_token) if page.next_token else None
            return page
        except BaseException:
            self.close()
            raise

    def close(self) -> None:
        """Stop reading: no further request is sent, the one in flight is cancelled."""
        discard(self._pending)
        self._pending = None


def discard(task: asyncio.Future[Any] | None) -> None:
    """Cancel a task nobody will await, and keep its failure (if it already failed) out of the log."""
    if task is None:
        return
    task.cancel()
    task.add_done_callback(lambda done: done.cancelled() or done.exception())


def _deadline_exceeded(operation: str) -> ServiceError:
    return ServiceError(
        grpc.StatusCode.DEADLINE_EXCEEDED,
        "DEADLINE_EXCEEDED",
        f"the caller's deadline passed while waiting for Step Functions ({operation})",
    )
