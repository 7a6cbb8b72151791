"""The one retry policy: tenacity, exponential backoff with full jitter, bounded by the caller's deadline.

botocore's own retries are off (see backend.py), so attempts never multiply. What is retried:
throttling, 5xx, connection errors and timeouts. What is not: anything else, and any request of a
non-idempotent operation that may already have reached AWS (a 5xx, a dropped connection, a read
timeout), because repeating it could act twice. A retry budget (a token bucket shared by the
process, as in the AWS SDKs' standard mode) stops a failing AWS from getting several times the
traffic: each retry spends tokens, each success earns one back.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TypeVar

from botocore.exceptions import (
    ClientError,
    ConnectionClosedError,
    ConnectTimeoutError,
    EndpointConnectionError,
    ReadTimeoutError,
)
from tenacity import AsyncRetrying, RetryCallState, stop_after_attempt, wait_random_exponential
from tenacity.stop import stop_base

from service.errors import http_status, is_throttled, suggest_retry

T = TypeVar("T")


@dataclass(frozen=True)
class RetrySettings:
    """Knobs of the retry policy (see config.py for where they come from)."""

    max_attempts: int = 5
    initial_backoff: float = 0.05  # seconds; the first retry waits up to this, then it doubles
    max_backoff: float = 5.0
    min_attempt_time: float = 0.05  # never start an attempt with less of the deadline left than this
    budget_capacity: int = 500
    retry_cost: int = 5
    timeout_retry_cost: int = 10
    success_refund: int = 1


class NoFurtherAttemptError(Exception):
    """Raised by an attempt function that cannot send its attempt (no quota token before the deadline).

    The call ends there, with what AWS said last: the previous attempt's failure, which the caller
    needs (a throttle is not "nothing was sent"). Raised by the first attempt, it ends the call
    with `reason`, since nothing was sent at all.
    """

    def __init__(self, reason: BaseException) -> None:
        super().__init__(str(reason))
        self.reason = reason


class RetryBudget:
    """A token bucket shared by every call of the process; retries spend, successes refill."""

    def __init__(self, capacity: int) -> None:
        self.capacity = capacity
        self._tokens = capacity
        self._lock = threading.Lock()

    @property
    def tokens(self) -> int:
        """Tokens left now."""
        return self._tokens

    def try_spend(self, cost: int) -> bool:
        """Take `cost` tokens for a retry; False (and nothing taken) when the budget is spent."""
        with self._lock:
            if self._tokens < cost:
                return False
            self._tokens -= cost
            return True

    def refill(self, amount: int) -> None:
        """Give back tokens after a success."""
        with self._lock:
            self._tokens = min(self.capacity, self._tokens + amount)


@dataclass(frozen=True)
class Failure:
    """What a failed attempt means for retrying."""

    retryable: bool
    may_have_reached_aws: bool
    timeout: bool = False


def classify(exc: BaseException) -> Failure:
    """Decide whether an attempt's failure is worth retrying and whether AWS may have acted on it."""
    if isinstance(exc, ClientError):
        if is_throttled(exc):
            return Failure(retryable=True, may_have_reached_aws=False)  # refused before acting
        if http_status(exc) >= 500:
            return Failure(retryable=True, may_have_reached_aws=True)
        return Failure(retryable=False, may_have_reached_aws=True)
    if isinstance(exc, EndpointConnectionError | ConnectTimeoutError):
        return Failure(retryable=True, may_have_reached_aws=False, timeout=isinstance(exc, ConnectTimeoutError))
    if isinstance(exc, ReadTimeoutError):
        return Failure(retryable=True, may_have_reached_aws=True, timeout=True)
    if isinstance(exc, ConnectionClosedError | ConnectionError):
        return Failure(retryable=True, may_have_reached_aws=True)
    return Failure(retryable=False, may_have_reached_aws=True)


class _DeadlineStop(stop_base):
    """Stop when the next sleep plus a minimal attempt would not fit before the caller's deadline."""

    def __init__(
        self, deadline: Callable[[], float | None], min_attempt_time: float, clock: Callable[[], float]
    ) -> None:
        self.deadline = deadline
        self.min_attempt_time = min_attempt_time
        self.clock = clock

    def __call__(self, retry_state: RetryCallState) -> bool:
        deadline = self.deadline()  # read each time: a shared call's deadline grows as callers join
        if deadline is None:
            return False
        left = deadline - self.clock()
        return left < retry_state.upcoming_sleep + self.min_attempt_time


class _BudgetStop(stop_base):
    """Stop when the retry budget cannot pay for another attempt (checked last: it spends)."""

    def __init__(
        self, budget: RetryBudget, settings: RetrySettings, on_exhausted: Callable[[], None] | None = None
    ) -> None:
        self.budget = budget
        self.settings = settings
        self.on_exhausted = on_exhausted

    def __call__(self, retry_state: RetryCallState) -> bool:
        outcome = retry_state.outcome
        exc = outcome.exception() if outcome is not None else None
        timeout = exc is not None and classify(exc).timeout
        cost = self.settings.timeout_retry_cost if timeout else self.settings.retry_cost
        if self.budget.try_spend(cost):
            return False
        if self.on_exhausted is not None:
            self.on_exhausted()
        return True


class RetryPolicy:
    """Runs an attempt function under the retry rules; the call site just wraps its function."""

    def __init__(
        self,
        settings: RetrySettings,
        budget: RetryBudget | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        on_budget_exhausted: Callable[[], None] | None = None,
    ) -> None:
        """`clock` (the monotonic clock deadlines are on) and `sleep` are injectable, for tests.

        `on_budget_exhausted()` hears each retry the budget refused (metrics).
        """
        self.settings = settings
        self.budget = budget or RetryBudget(settings.budget_capacity)
        self.clock = clock
        self.sleep = sleep
        self.on_budget_exhausted = on_budget_exhausted

    def backoff_hint(self, attempt: int) -> float:
        """How long a caller should wait before trying again after `attempt` attempts (RetryInfo)."""
        return float(min(self.settings.max_backoff, self.settings.initial_backoff * 2 ** max(0, attempt)))

    async def call(
        self,
        attempt: Callable[[], Awaitable[T]],
        *,
        idempotent: bool,
        deadline: float | Callable[[], float | None] | None,
        on_retry: Callable[[BaseException], None] | None = None,
    ) -> T:
        """Run `attempt` until it succeeds or the rules say stop; then re-raise the last error.

        `deadline` is the caller's (monotonic clock), or a function that tells it when asked.
        """
        # Most calls succeed at once: the first attempt runs without tenacity's machinery (about
        # 50 us a call). A first failure worth retrying is handed to tenacity as its own first
        # attempt, so counting, backoff, deadline and budget are exactly tenacity's.
        try:
            result: T = await attempt()
        except NoFurtherAttemptError as unsent:
            raise unsent.reason from None  # nothing was sent
        except Exception as exc:
            failure = classify(exc)
            if not (failure.retryable and (idempotent or not failure.may_have_reached_aws)):
                raise
            first: list[BaseException] = [exc]
        else:
            self.budget.refill(self.settings.success_refund)
            return result

        last: list[BaseException] = list(first)  # the latest failure AWS answered
        refused: list[NoFurtherAttemptError] = []

        async def again() -> T:
            if first:
                raise first.pop()  # the first attempt's failure, already had
            try:
                return await attempt()
            except NoFurtherAttemptError as exc:
                refused.append(exc)
                raise last[-1] from None  # the call ends with what AWS said last (not retried again)
            except Exception as exc:
                last.append(exc)
                raise

        deadline_now = deadline if callable(deadline) else (lambda: deadline)

        def worth_retrying(state: RetryCallState) -> bool:
            exc = state.outcome.exception() if state.outcome is not None else None
            if exc is None or refused:
                return False
            failure = classify(exc)
            return failure.retryable and (idempotent or not failure.may_have_reached_aws)

        def before_sleep(state: RetryCallState) -> None:
            if on_retry is not None and state.outcome is not None and state.outcome.exception() is not None:
                on_retry(state.outcome.exception())  # type: ignore[arg-type]

        retrying = AsyncRetrying(
            retry=worth_retrying,
            wait=wait_random_exponential(multiplier=self.settings.initial_backoff, max=self.settings.max_backoff),
            stop=(
                stop_after_attempt(self.settings.max_attempts)
                | _DeadlineStop(deadline_now, self.settings.min_attempt_time, self.clock)
                | _BudgetStop(self.budget, self.settings, self.on_budget_exhausted)
            ),
            before_sleep=before_sleep,
            sleep=self.sleep,
            reraise=True,
        )
        try:
            result = await retrying(again)
        except Exception as exc:
            # The caller's RetryInfo: the wait this policy would have taken next, not a constant (after
            # the attempts sent: one refused for want of a quota token was not).
            sent = retrying.statistics.get("attempt_number", 1) - len(refused)
            suggest_retry(exc, self.backoff_hint(sent))
            raise
        self.budget.refill(self.settings.success_refund)
        return result
