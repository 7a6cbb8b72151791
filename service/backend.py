"""The boto3 side: one Step Functions client per process, called off the event loop, with retries.

boto3 is synchronous, so its calls run in a bounded thread pool whose size matches the client's
connection pool. botocore's own retries are switched off (`total_max_attempts=1`): retry.py is the
only place that retries, so attempts never multiply.
"""

from __future__ import annotations

import asyncio
import functools
import json
import logging
import time
from collections import Counter
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlparse

import boto3
import grpc
from botocore import xform_name
from botocore.config import Config

from service.errors import ServiceError
from service.retry import RetryPolicy

log = logging.getLogger(__name__)

_AWS_HOST_SUFFIXES = (".amazonaws.com", ".amazonaws.com.cn", ".api.aws", ".c2s.ic.gov", ".sc2s.sgov.gov")


@dataclass(frozen=True)
class ClientSettings:
    """How to build the boto3 client."""

    region: str | None = None
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


def create_client(settings: ClientSettings) -> Any:
    """The process's Step Functions client.

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

    client = build(inject_host_prefix=True)
    if not is_aws_endpoint(client.meta.endpoint_url):
        client = build(inject_host_prefix=False)
    return client


class Backend:
    """Calls Step Functions operations by name, with the retry policy and the caller's deadline."""

    def __init__(self, client: Any, retry: RetryPolicy, workers: int, coalesce: bool = True) -> None:
        self.client = client
        self.retry = retry
        self.coalesce = coalesce
        self.executor = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="boto3")
        self.calls = 0  # attempts sent to the backend, for tests and (later) metrics
        self.calls_by_operation: Counter[str] = Counter()
        self.coalesced = 0  # calls that joined an identical call in flight instead of making their own
        self._in_flight: dict[str, _Shared] = {}

    @property
    def endpoint_url(self) -> str:
        """Where the client sends its requests."""
        return str(self.client.meta.endpoint_url)

    @property
    def region(self) -> str:
        """The client's region."""
        return str(self.client.meta.region_name)

    async def call(
        self, operation: str, params: Mapping[str, Any], *, deadline: float | None, idempotent: bool
    ) -> dict[str, Any]:
        """Call `operation` (e.g. "DescribeExecution") with boto3 parameters; return boto3's result.

        Identical concurrent reads are coalesced into one backend call whose result every caller
        gets (each its own copy of the top-level dict); the last caller to give up cancels it.
        """
        if not (self.coalesce and operation.startswith(_READS) and operation not in _NOT_COALESCED):
            return await self._call(operation, params, deadline, idempotent)
        key = json.dumps([operation, params], sort_keys=True, default=str)
        shared = self._in_flight.get(key)
        if shared is None:
            task = asyncio.ensure_future(self._call(operation, params, deadline, idempotent))
            shared = self._in_flight[key] = _Shared(task)
            task.add_done_callback(lambda _: self._in_flight.pop(key, None))
        else:
            self.coalesced += 1
        shared.waiters += 1
        try:
            remaining = None if deadline is None else max(0.0, deadline - time.monotonic())
            result = await asyncio.wait_for(asyncio.shield(shared.task), timeout=remaining)
        except TimeoutError:
            raise _deadline_exceeded(operation) from None
        finally:
            shared.waiters -= 1
            if shared.waiters == 0 and not shared.task.done():
                shared.task.cancel()
        return dict(result)

    async def _call(
        self, operation: str, params: Mapping[str, Any], deadline: float | None, idempotent: bool
    ) -> dict[str, Any]:
        method = getattr(self.client, xform_name(operation))
        loop = asyncio.get_running_loop()

        async def attempt() -> dict[str, Any]:
            self.calls += 1
            self.calls_by_operation[operation] += 1
            future = loop.run_in_executor(self.executor, functools.partial(method, **params))
            if deadline is None:
                result: dict[str, Any] = await future
                return result
            left = deadline - time.monotonic()
            if left <= 0:
                raise _deadline_exceeded(operation)
            try:
                return await asyncio.wait_for(future, timeout=left)
            except TimeoutError:
                # The thread finishes on its own; the caller gets its answer now.
                raise _deadline_exceeded(operation) from None

        result = await self.retry.call(attempt, idempotent=idempotent, deadline=deadline)
        result.pop("ResponseMetadata", None)
        return result

    def close(self) -> None:
        """Stop the worker threads (after in-flight calls finish)."""
        self.executor.shutdown(wait=False, cancel_futures=True)


# Reads that may be coalesced: identical arguments give the same answer at the same moment.
_READS = ("Describe", "Get", "List")
_NOT_COALESCED = frozenset({"GetActivityTask"})  # each long poll may hand out a different task


@dataclass
class _Shared:
    """A backend call in flight and how many callers wait for it."""

    task: asyncio.Future[dict[str, Any]]
    waiters: int = 0


def _deadline_exceeded(operation: str) -> ServiceError:
    return ServiceError(
        grpc.StatusCode.DEADLINE_EXCEEDED,
        "DEADLINE_EXCEEDED",
        f"the caller's deadline passed while waiting for Step Functions ({operation})",
    )
