"""Is the backend usable? The state behind grpc.health.v1, fed by how calls to AWS end.

Every attempt the backend makes reports how it ended (`record`). An answer, even an AWS error
such as ExecutionDoesNotExist or a throttle (a 4xx), says the backend works. A connection that
cannot be made or is dropped, a socket timeout, a 5xx, or an attempt abandoned at its caller's
deadline (or cancelled when its callers left) after waiting at least `slow_after` seconds says it
does not. After
`failures_before_unusable` such attempts in a row (with no answer in between) the backend is
unusable; the next answer makes it usable again. Anything else (a request botocore refused to
send, a caller that gave up early) says nothing either way.

It starts unusable: health is NOT_SERVING until the backend has answered once. The server runs a
probe while the backend is unusable (see server.py); the probe's outcome is recorded here too.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging

import grpc
from botocore.exceptions import ClientError, ConnectionClosedError, ConnectTimeoutError, EndpointConnectionError
from botocore.exceptions import ReadTimeoutError as BotoReadTimeoutError

from service.errors import ServiceError, http_status

log = logging.getLogger(__name__)

# Errors that mean "no answer came": the backend cannot be reached, hung up, or was too slow for
# its socket timeouts. (botocore's ReadTimeoutError is not a ConnectionError; list both.)
_NO_ANSWER = (EndpointConnectionError, ConnectionClosedError, ConnectTimeoutError, BotoReadTimeoutError, OSError)


def is_answer(outcome: BaseException | None) -> bool:
    """True when the backend answered (success or an AWS error below 500)."""
    if outcome is None:
        return True
    if isinstance(outcome, ClientError):
        return http_status(outcome) < 500
    return False


def is_failure(outcome: BaseException | None, seconds: float, slow_after: float) -> bool:
    """True when this attempt shows the backend unusable (see the module docstring)."""
    if isinstance(outcome, ClientError):
        return http_status(outcome) >= 500
    if isinstance(outcome, _NO_ANSWER):
        return True
    abandoned = isinstance(outcome, asyncio.CancelledError) or (
        isinstance(outcome, ServiceError) and outcome.code == grpc.StatusCode.DEADLINE_EXCEEDED
    )
    if abandoned:
        return seconds >= slow_after  # waited as long as the probe would have, and no answer
    return False


class BackendHealth:
    """Usable or not, from the attempts' outcomes; `changed()` waits for the next flip."""

    def __init__(self, slow_after: float, failures_before_unusable: int = 5) -> None:
        self.slow_after = slow_after
        self.failures_before_unusable = failures_before_unusable
        self.usable = False  # until the backend first answers
        self._failures = 0
        self._flipped = asyncio.Event()

    def record(self, outcome: BaseException | None, seconds: float) -> None:
        """How one attempt ended: `outcome` is None for a success, else the error; `seconds` it took."""
        if is_answer(outcome):
            self._failures = 0
            if not self.usable:
                log.info("the backend answers; health is SERVING")
                self._flip(True)
        elif is_failure(outcome, seconds, self.slow_after):
            self._failures += 1
            if self.usable and self._failures >= self.failures_before_unusable:
                log.warning(
                    "the backend failed %d attempts in a row (last: %s); health is NOT_SERVING until it answers",
                    self._failures,
                    outcome,
                )
                self._flip(False)

    def _flip(self, usable: bool) -> None:
        self.usable = usable
        self._flipped.set()
        self._flipped = asyncio.Event()

    async def changed(self, timeout: float | None = None) -> None:
        """Return once `usable` flips (or after `timeout` seconds, whichever comes first)."""
        flipped = self._flipped
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(flipped.wait(), timeout)
