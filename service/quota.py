"""The account's Step Functions API quota, as token buckets per operation, spent before each attempt.

AWS throttles Step Functions API actions per account and region with a token bucket per action (a
bucket size: the burst; a refill rate: the sustained calls per second). A gateway that sends bursts
straight through gets them throttled, retries, and spends its retry budget; one that keeps its own
copy of the buckets lets each call wait its turn, within its caller's deadline, and tells a caller
that cannot wait long enough when a token will be there.

`take` is called before every attempt (aws.py `Aws._attempt`), so a retry costs a token as it does
at AWS, and a read shared by several callers (coalesced) costs one. A call that would have to wait
past its deadline does not wait: it gets `RESOURCE_EXHAUSTED` / `QUOTA_EXHAUSTED` with a RetryInfo
saying when its token would have come, and takes nothing.

The waits are reservations: a call takes its token now, even if the bucket goes below zero, and
sleeps until the refill has paid for it. So waiting calls are served in arrival order without a
queue, and the cost of a call that needs no wait is a dict lookup and some arithmetic. A caller that
leaves while waiting gives its token back.

The defaults are AWS's published quotas (`AWS_QUOTAS`, one table, with its source); an operator sets
the account's own (`SFN_GRPC_QUOTA_FILE`), scales them or turns them off (`SFN_GRPC_QUOTA_SCALE`),
and divides them among replicas (`SFN_GRPC_REPLICAS`). Everything here runs on the event loop: no lock.
"""

from __future__ import annotations

import asyncio
import difflib
import functools
import json
import logging
import math
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

import grpc

from service.config import Config, ConfigurationError
from service.errors import ServiceError

log = logging.getLogger(__name__)

# A token that comes less than this before the deadline is too late: the attempt needs time too
# (aws.py sends no attempt with less than this left).
LEAST_ATTEMPT_SECONDS = 0.005

SOURCE = "https://docs.aws.amazon.com/step-functions/latest/dg/service-quotas.html"


@dataclass(frozen=True)
class Rate:
    """One bucket: `bucket` tokens at most (the burst), `refill` tokens a second (the sustained rate)."""

    bucket: float
    refill: float


# AWS's published API action throttling quotas (SOURCE, "Quotas related to API action throttling"),
# per account and region: (US East (N. Virginia), US West (Oregon), Europe (Ireland)), (all other
# regions). StartExecution is the Standard workflows' quota: the gateway cannot tell an Express
# machine's start from the request, and Express's own (6,000/6,000) is larger. Operations not here
# (StartSyncExecution, "capacity on demand") have no bucket.
LARGE_REGIONS = frozenset({"us-east-1", "us-west-2", "eu-west-1"})
AWS_QUOTAS: dict[str, tuple[Rate, Rate]] = {
    "CreateActivity": (Rate(100, 1), Rate(100, 1)),
    "CreateStateMachine": (Rate(100, 1), Rate(100, 1)),
    "CreateStateMachineAlias": (Rate(100, 1), Rate(100, 1)),
    "DeleteActivity": (Rate(100, 1), Rate(100, 1)),
    "DeleteStateMachine": (Rate(100, 1), Rate(100, 1)),
    "DeleteStateMachineAlias": (Rate(100, 1), Rate(100, 1)),
    "DeleteStateMachineVersion": (Rate(100, 1), Rate(100, 1)),
    "DescribeActivity": (Rate(200, 1), Rate(200, 1)),
    "DescribeExecution": (Rate(300, 15), Rate(250, 10)),
    "DescribeMapRun": (Rate(200, 1), Rate(200, 1)),
    "DescribeStateMachine": (Rate(200, 20), Rate(200, 20)),
    "DescribeStateMachineAlias": (Rate(200, 1), Rate(200, 1)),
    "DescribeStateMachineForExecution": (Rate(200, 1), Rate(200, 1)),
    "GetActivityTask": (Rate(3000, 500), Rate(1500, 300)),
    "GetExecutionHistory": (Rate(400, 20), Rate(400, 20)),
    "ListActivities": (Rate(100, 10), Rate(100, 5)),
    "ListExecutions": (Rate(200, 5), Rate(100, 2)),
    "ListMapRuns": (Rate(100, 1), Rate(100, 1)),
    "ListStateMachineAliases": (Rate(100, 1), Rate(100, 1)),
    "ListStateMachines": (Rate(100, 5), Rate(100, 5)),
    "ListStateMachineVersions": (Rate(100, 1), Rate(100, 1)),
    "ListTagsForResource": (Rate(100, 1), Rate(100, 1)),
    "PublishStateMachineVersion": (Rate(100, 1), Rate(100, 1)),
    "RedriveExecution": (Rate(1300, 300), Rate(800, 150)),
    "SendTaskFailure": (Rate(3000, 500), Rate(1500, 300)),
    "SendTaskHeartbeat": (Rate(3000, 500), Rate(1500, 300)),
    "SendTaskSuccess": (Rate(3000, 500), Rate(1500, 300)),
    "StartExecution": (Rate(1300, 300), Rate(800, 150)),
    "StopExecution": (Rate(1000, 200), Rate(500, 25)),
    "TagResource": (Rate(200, 1), Rate(200, 1)),
    "TestState": (Rate(50, 10), Rate(50, 10)),
    "UntagResource": (Rate(200, 1), Rate(200, 1)),
    "UpdateMapRun": (Rate(100, 1), Rate(100, 1)),
    "UpdateStateMachine": (Rate(100, 1), Rate(100, 1)),
    "UpdateStateMachineAlias": (Rate(100, 1), Rate(100, 1)),
    "ValidateStateMachineDefinition": (Rate(100, 1), Rate(100, 1)),
}


class QuotaFileError(ValueError):
    """A quota file that cannot be used; says which entry and why."""


def aws_defaults(region: str | None) -> dict[str, Rate]:
    """AWS's published quotas for `region` (None, unknown: the smaller, "all other regions" ones)."""
    column = 0 if region in LARGE_REGIONS else 1
    return {operation: rates[column] for operation, rates in AWS_QUOTAS.items()}


def read_quota_file(path: str) -> dict[str, Rate | None]:
    """The per-operation overrides in a JSON file (null: no bucket for that operation).

    `{"StartExecution": {"bucket": 5000, "refill": 1000}, "ListExecutions": null}`
    """
    try:
        data = json.loads(Path(path).read_text())
    except (OSError, ValueError) as exc:
        raise QuotaFileError(f"{path}: cannot read a JSON object from it: {exc}") from None
    if not isinstance(data, dict):
        raise QuotaFileError(f"{path}: must be a JSON object of operation names")
    rates: dict[str, Rate | None] = {}
    known = _operation_names()
    for operation, entry in data.items():
        if operation not in known:
            close = difflib.get_close_matches(operation, sorted(known), n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise QuotaFileError(f"{path}: {operation!r} is not a Step Functions API operation{hint}")
        if entry is None:
            rates[operation] = None
            continue
        if not isinstance(entry, dict) or set(entry) != {"bucket", "refill"}:
            raise QuotaFileError(f"{path}: {operation}: must be null or {{'bucket': number, 'refill': number}}")
        bucket, refill = entry["bucket"], entry["refill"]
        if not all(
            isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v) for v in (bucket, refill)
        ):
            raise QuotaFileError(f"{path}: {operation}: bucket and refill must be numbers")
        if bucket < 1 or refill <= 0:
            raise QuotaFileError(f"{path}: {operation}: bucket must be at least 1 and refill above 0")
        rates[operation] = Rate(float(bucket), float(refill))
    return rates


def configured_rates(
    region: str | None,
    overrides: Mapping[str, Rate | None] | None = None,
    scale: float = 1.0,
    replicas: int = 1,
) -> dict[str, Rate]:
    """The buckets this replica keeps (`scale` 0: none).

    AWS's defaults for `region`, with `overrides`, times `scale`, shared by `replicas` replicas
    (each keeps its share of the burst and of the refill).
    """
    if scale <= 0:
        return {}
    rates: dict[str, Rate | None] = dict(aws_defaults(region))
    rates.update(overrides or {})
    share = scale / replicas
    # A bucket smaller than one token could never pay for a call.
    return {op: Rate(max(1.0, r.bucket * share), r.refill * share) for op, r in rates.items() if r is not None}


@functools.cache
def _operation_names() -> frozenset[str]:
    """The Step Functions API's operations (botocore's model): the names a quota file may use."""
    import botocore.session

    return frozenset(botocore.session.get_session().get_service_model("stepfunctions").operation_names)


class TokenBucket:
    """One operation's bucket; the balance may go below zero: those are tokens promised to waiters."""

    __slots__ = ("_at", "_tokens", "bucket", "refill")

    def __init__(self, rate: Rate, now: float) -> None:
        self.bucket = rate.bucket
        self.refill = rate.refill
        self._tokens = rate.bucket
        self._at = now

    def reserve(self, now: float, patience: float | None) -> float:
        """Take a token; return how long to wait for it (0: here now).

        When the wait would be longer than `patience` (None: any wait is fine), take nothing and
        raise `_WaitTooLongError` with the wait.
        """
        tokens = min(self.bucket, self._tokens + (now - self._at) * self.refill)
        self._at = now
        if tokens >= 1.0:
            self._tokens = tokens - 1.0
            return 0.0
        wait = (1.0 - tokens) / self.refill
        if patience is not None and wait > patience:
            self._tokens = tokens
            raise _WaitTooLongError(wait)
        self._tokens = tokens - 1.0
        return wait

    def give_back(self) -> None:
        """A waiter left before its token came: the next one waits that much less."""
        self._tokens += 1.0


class _WaitTooLongError(Exception):
    def __init__(self, wait: float) -> None:
        super().__init__(wait)
        self.wait = wait


class Quota:
    """The buckets, by operation; `take` before each attempt."""

    def __init__(
        self,
        rates: Mapping[str, Rate],
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        least_attempt_seconds: float = 0.0,
    ) -> None:
        """`clock` (the monotonic clock deadlines are on) and `sleep` are injectable, for tests.

        `least_attempt_seconds`: a token that comes later than this before the deadline comes too
        late to be of use (the attempt needs time too).
        """
        now = clock()
        self.rates = dict(rates)
        self._buckets = {operation: TokenBucket(rate, now) for operation, rate in rates.items()}
        self.clock = clock
        self.sleep = sleep
        self.least_attempt_seconds = least_attempt_seconds
        self.waited = 0  # calls that waited for a token
        self.refused = 0  # calls that could not wait long enough

    async def take(self, operation: str, deadline: float | None) -> None:
        """Take a token of `operation`, waiting for it until `deadline` (monotonic; None: no deadline).

        Raises RESOURCE_EXHAUSTED / QUOTA_EXHAUSTED (with a RetryInfo: when the token would come)
        when it would come too late.
        """
        bucket = self._buckets.get(operation)
        if bucket is None:
            return
        now = self.clock()
        patience = None if deadline is None else deadline - now - self.least_attempt_seconds
        if patience is not None and patience < 0:
            return  # too late for any attempt: the caller's deadline answers it, and no token is spent
        try:
            wait = bucket.reserve(now, patience)
        except _WaitTooLongError as too_long:
            self.refused += 1
            raise quota_exhausted(operation, too_long.wait) from None
        if wait <= 0.0:
            return
        self.waited += 1
        try:
            await self.sleep(wait)
        except asyncio.CancelledError:
            bucket.give_back()
            raise


def quota_exhausted(operation: str, wait: float) -> ServiceError:
    """The error of a call whose token would come after its deadline."""
    return ServiceError(
        grpc.StatusCode.RESOURCE_EXHAUSTED,
        "QUOTA_EXHAUSTED",
        f"the account's Step Functions quota for {operation} has no token for this call before its deadline: "
        f"one is there in {wait:.3g} s (RetryInfo)",
        metadata={"operation": operation},
        retry_delay=wait,
    )


def quota_from_config(config: Config, region: str | None) -> Quota | None:
    """The quota the settings ask for, in `region` (None: turned off, SFN_GRPC_QUOTA_SCALE=0).

    A quota file that cannot be used stops the start (ConfigurationError), as a bad flag does.
    """
    try:
        overrides = read_quota_file(config.quota_file) if config.quota_file else None
    except QuotaFileError as exc:
        raise ConfigurationError(f"SFN_GRPC_QUOTA_FILE: {exc}") from None
    rates = configured_rates(region, overrides, config.quota_scale, config.replicas)
    if not rates:
        log.info("the gateway keeps no Step Functions quota of its own (SFN_GRPC_QUOTA_SCALE=0)")
        return None
    return Quota(rates, least_attempt_seconds=LEAST_ATTEMPT_SECONDS)
