"""Load shedding: how many calls the gateway takes at once, and what a call past the limits gets.

Three limits, each a setting (config.py), each checked when a call arrives, before its request is
decoded:

- concurrent unary calls (`max_concurrent_calls`);
- concurrent long calls (`max_concurrent_streams`): the server streams `StreamExecutionHistory`
  and `WatchExecutions`, and `WaitExecution`, which is unary on the wire but may wait minutes. They
  hold their slot for their whole life while mostly idle, so they have a limit of their own: many
  followers cannot take the slots short calls need, and a burst of short calls cannot refuse a
  follower. (The same calls the drain ends at once: `ends_on_drain` in server.py.)
- concurrent calls of one caller, of both kinds (`max_calls_per_caller`), the caller named by
  identity.py: one noisy client cannot take the whole gateway.

A call past a limit gets `RESOURCE_EXHAUSTED` at once, with an ErrorInfo reason (`TOO_MANY_CALLS`,
`TOO_MANY_STREAMS`, `CALLER_LIMIT`) and a RetryInfo: the time a unary call takes these days (an
average of the recent ones), which is when a slot is likely free again. Nothing waits in a queue:
gRPC's own limits are set above these (server.py), so it is the gateway that decides, and a caller
learns at once that it should back off or try another replica.

Everything here runs on the event loop: no lock.
"""

from __future__ import annotations

import collections
import time
from collections.abc import Callable
from dataclasses import dataclass

import grpc

from service.config import Config
from service.errors import ServiceError

# RetryInfo bounds for a shed call: not sooner than this (a caller retrying at once only adds load)...
_MIN_RETRY_DELAY = 0.05
# ... nor later than this (a slot frees when any call ends).
_MAX_RETRY_DELAY = 5.0
# Calls gRPC holds for the gateway while the event loop is busy (`grpc.server.max_pending_requests`,
# 1,000 by default, past which gRPC cancels calls at random with a bare CANCELLED): room for bursts
# of thousands of callers, so that it is the gateway that sheds them, with details. A pending call
# holds its headers, a few KiB: 10,000 of them are tens of MiB at most.
PENDING_REQUESTS = 10_000
# gRPC's largest value for a connection's concurrent streams: no limit.
_NO_STREAM_LIMIT = 2**31 - 1
# Weight of the latest unary call's duration in the running average (about the last 20 calls).
_AVERAGE_WEIGHT = 0.05


@dataclass(frozen=True)
class Limits:
    """The limits; 0 means no limit."""

    max_calls: int = 0
    max_streams: int = 0
    max_per_caller: int = 0

    @classmethod
    def from_config(cls, config: Config) -> Limits:
        """The limits the settings ask for."""
        return cls(config.max_concurrent_calls, config.max_concurrent_streams, config.max_calls_per_caller)

    def streams_per_connection(self) -> int:
        """The limit of gRPC's own on one connection's concurrent calls (`grpc.max_concurrent_streams`): none.

        Past it gRPC refuses a call with a bare UNAVAILABLE (RST_STREAM REFUSED_STREAM), which says
        neither why nor when to come back; and callers share connections (gRPC Python channels to
        one address share one). Without it every call reaches the gateway, which admits it or sheds
        it at once (`Admission.enter`), so a connection holds at most our limits' worth of calls
        that do anything.
        """
        return _NO_STREAM_LIMIT


@dataclass(eq=False)
class Ticket:
    """One admitted call: what `leave` gives back."""

    caller: str
    long: bool
    started: float


class Admission:
    """Counts the calls in flight, admits new ones within the limits, sheds the rest at once."""

    def __init__(self, limits: Limits, clock: Callable[[], float] = time.monotonic) -> None:
        """`clock` (monotonic seconds) times unary calls for the RetryInfo of shed ones."""
        self.limits = limits
        self.clock = clock
        self.calls = 0  # unary calls in flight
        self.streams = 0  # long calls in flight
        self.shed: collections.Counter[str] = collections.Counter()  # calls refused since start, by reason
        self._by_caller: dict[str, int] = {}
        self._average_seconds = _MIN_RETRY_DELAY

    def enter(self, caller: str, long: bool) -> Ticket:
        """Admit a call of `caller` (`long`: a stream or a wait), or raise RESOURCE_EXHAUSTED."""
        limits = self.limits
        if long:
            if limits.max_streams and self.streams >= limits.max_streams:
                raise self._refuse("TOO_MANY_STREAMS", f"this server follows {self.streams} streams and waits")
        elif limits.max_calls and self.calls >= limits.max_calls:
            raise self._refuse("TOO_MANY_CALLS", f"this server has {self.calls} calls in flight")
        mine = self._by_caller.get(caller, 0)
        if limits.max_per_caller and mine >= limits.max_per_caller:
            raise self._refuse("CALLER_LIMIT", f"this caller has {mine} calls in flight on this server")
        self._by_caller[caller] = mine + 1
        if long:
            self.streams += 1
        else:
            self.calls += 1
        return Ticket(caller, long, self.clock())

    def leave(self, ticket: Ticket) -> None:
        """The admitted call ended, whichever way."""
        left = self._by_caller[ticket.caller] - 1
        if left:
            self._by_caller[ticket.caller] = left
        else:
            del self._by_caller[ticket.caller]
        if ticket.long:
            self.streams -= 1
            return
        self.calls -= 1
        seconds = self.clock() - ticket.started
        self._average_seconds += _AVERAGE_WEIGHT * (seconds - self._average_seconds)

    def retry_delay(self) -> float:
        """When a slot is likely free again: about one unary call's time (seconds)."""
        return min(_MAX_RETRY_DELAY, max(_MIN_RETRY_DELAY, self._average_seconds))

    def _refuse(self, reason: str, why: str) -> ServiceError:
        self.shed[reason] += 1
        return ServiceError(
            grpc.StatusCode.RESOURCE_EXHAUSTED,
            reason,
            f"{why}, its limit: try again shortly (RetryInfo says when), or another replica",
            retry_delay=self.retry_delay(),
        )
