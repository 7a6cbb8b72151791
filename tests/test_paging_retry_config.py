"""Page tokens and page cutting, the retry policy, and settings (no network)."""

from __future__ import annotations

import asyncio
import time
from typing import Any

import grpc
import pytest
from botocore.exceptions import ClientError, ConnectionClosedError, EndpointConnectionError
from sfngrpc.stepfunctions.v1 import history_pb2

from service.config import SETTINGS, load
from service.convert import to_message
from service.errors import ServiceError
from service.paging import PageTokens, Pagination, Position, fetch_page
from service.retry import RetryBudget, RetryPolicy, RetrySettings, classify

HISTORY = Pagination(result_key="events")
ARN = "arn:aws:states:us-east-1:123456789012:execution:m:e"


class Clock:
    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now


def test_a_token_opens_to_its_position() -> None:
    tokens = PageTokens(b"k" * 32)
    binding = tokens.binding("GetExecutionHistory", {"executionArn": ARN}, HISTORY)
    position = Position("aws-token", 100, 7)
    assert tokens.open(binding, tokens.issue(binding, position)) == position


def _refused(tokens: PageTokens, binding: str, token: str) -> str:
    with pytest.raises(ServiceError) as caught:
        tokens.open(binding, token)
    assert caught.value.code == grpc.StatusCode.INVALID_ARGUMENT
    assert caught.value.violations[0][0] == "next_token"
    return caught.value.reason


def test_tampered_foreign_replayed_and_expired_tokens_are_refused() -> None:
    clock = Clock()
    tokens = PageTokens(b"k" * 32, clock=clock)
    binding = tokens.binding("GetExecutionHistory", {"executionArn": ARN}, HISTORY)
    token = tokens.issue(binding, Position("t", 100, 0))
    payload, signature = token.split(".")
    assert _refused(tokens, binding, payload[:-2] + "xx." + signature) == "INVALID_PAGE_TOKEN"
    assert _refused(tokens, binding, "garbage") == "INVALID_PAGE_TOKEN"
    other_key = PageTokens(b"o" * 32, clock=clock)
    assert _refused(other_key, binding, token) == "INVALID_PAGE_TOKEN"
    reversed_binding = tokens.binding("GetExecutionHistory", {"executionArn": ARN, "reverseOrder": True}, HISTORY)
    assert _refused(tokens, reversed_binding, token) == "PAGE_TOKEN_MISMATCH"
    listing = tokens.binding("ListExecutions", {"executionArn": ARN}, HISTORY)
    assert _refused(tokens, listing, token) == "PAGE_TOKEN_MISMATCH"
    clock.now += 24 * 3600 + 1
    assert _refused(tokens, binding, token) == "PAGE_TOKEN_EXPIRED"


def test_binding_ignores_max_results_and_aws_defaults() -> None:
    tokens = PageTokens(b"k" * 32)
    base = tokens.binding("GetExecutionHistory", {"executionArn": ARN}, HISTORY)
    same = [
        {"executionArn": ARN, "maxResults": 5},
        {"executionArn": ARN, "includeExecutionData": True},
        {"executionArn": ARN, "reverseOrder": False},
    ]
    for params in same:
        assert tokens.binding("GetExecutionHistory", params, HISTORY) == base
    assert tokens.binding("GetExecutionHistory", {"executionArn": ARN, "includeExecutionData": False}, HISTORY) != base


class FakeHistory:
    """An upstream that pages like AWS, or ignores maxResults like moto."""

    def __init__(self, count: int, payload: int, honour_limit: bool = True) -> None:
        self.events = [
            {"id": i + 1, "type": "PassStateEntered", "stateEnteredEventDetails": {"name": "s", "input": "x" * payload}}
            for i in range(count)
        ]
        self.honour_limit = honour_limit
        self.calls: list[dict[str, Any]] = []

    async def fetch(self, params: dict[str, Any]) -> history_pb2.GetExecutionHistoryResponse:
        self.calls.append(dict(params))
        start = int(params.get("nextToken", "0"))
        limit = params.get("maxResults") or 100
        end = start + limit if self.honour_limit else len(self.events)
        result: dict[str, Any] = {"events": self.events[start:end]}
        if end < len(self.events):
            result["nextToken"] = str(end)
        return to_message(result, history_pb2.GetExecutionHistoryResponse)


def read_all(upstream: FakeHistory, max_results: int | list[int], max_bytes: int) -> list[int]:
    tokens = PageTokens(b"k" * 32)
    seen: list[int] = []
    params: dict[str, Any] = {"executionArn": ARN}
    sizes = max_results if isinstance(max_results, list) else [max_results]
    for page_number in range(10_000):
        params["maxResults"] = sizes[page_number % len(sizes)]
        page: Any = asyncio.run(  # a GetExecutionHistoryResponse, built from the descriptor
            fetch_page(
                "GetExecutionHistory",
                dict(params),
                HISTORY,
                tokens,
                upstream.fetch,
                max_bytes,
            )
        )
        assert page.ByteSize() <= max_bytes + 1024 or len(page.events) == 1
        assert len(page.events) <= params["maxResults"]
        seen += [e.id for e in page.events]
        if not page.HasField("next_token"):
            return seen
        params["nextToken"] = page.next_token
    raise AssertionError("paging did not end")


def test_pages_are_cut_to_the_byte_limit_and_continue_exactly() -> None:
    upstream = FakeHistory(100, payload=256 * 1024)
    assert read_all(upstream, 1000, max_bytes=4 * 1024 * 1024) == list(range(1, 101))
    assert len(upstream.calls) > 1


def test_pages_respect_max_results_when_upstream_ignores_it() -> None:
    upstream = FakeHistory(23, payload=10, honour_limit=False)
    assert read_all(upstream, 5, max_bytes=1 << 20) == list(range(1, 24))


def test_max_results_may_change_between_pages() -> None:
    upstream = FakeHistory(57, payload=100_000)
    assert read_all(upstream, [20, 3, 50, 1], max_bytes=900_000) == list(range(1, 58))


def test_one_item_larger_than_the_limit_is_still_delivered() -> None:
    upstream = FakeHistory(3, payload=2_000)
    assert read_all(upstream, 10, max_bytes=100) == [1, 2, 3]


# -- retries -------------------------------------------------------------------------------------


def throttled() -> ClientError:
    return ClientError(
        {"Error": {"Code": "ThrottlingException", "Message": "slow down"}, "ResponseMetadata": {"HTTPStatusCode": 400}},
        "X",
    )


def server_error() -> ClientError:
    return ClientError(
        {"Error": {"Code": "InternalFailure", "Message": "oops"}, "ResponseMetadata": {"HTTPStatusCode": 500}}, "X"
    )


def test_classification() -> None:
    assert classify(throttled()).retryable
    assert not classify(throttled()).may_have_reached_aws
    assert classify(server_error()).retryable
    assert classify(server_error()).may_have_reached_aws
    assert classify(EndpointConnectionError(endpoint_url="u")).may_have_reached_aws is False
    assert classify(ConnectionClosedError(endpoint_url="u")).may_have_reached_aws is True
    not_found = ClientError(
        {"Error": {"Code": "ExecutionDoesNotExist"}, "ResponseMetadata": {"HTTPStatusCode": 400}}, "X"
    )
    assert not classify(not_found).retryable


class VirtualTime:
    """An injected clock for the retry policy: reading it is `monotonic()`; `sleep()` moves it on at once."""

    def __init__(self) -> None:
        self.now = 1_000.0
        self.sleeps: list[float] = []

    def monotonic(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds
        await asyncio.sleep(0)  # still a real suspension point, as a sleep is


def run_policy(
    failures: list[Exception],
    *,
    idempotent: bool = True,
    deadline_in: float | None = None,
    settings: RetrySettings | None = None,
    budget: RetryBudget | None = None,
    clock: VirtualTime | None = None,
    attempt_seconds: float = 0.0,
    attempt_starts: list[float] | None = None,
) -> tuple[str | Exception, int]:
    """Run `failures` (then success) through a policy; with `clock`, on virtual time, each attempt taking
    `attempt_seconds` of it (their start times go to `attempt_starts`)."""
    settings = settings or RetrySettings(initial_backoff=0.001, max_backoff=0.002)
    if clock is not None:
        policy = RetryPolicy(settings, budget, clock=clock.monotonic, sleep=clock.sleep)
    else:
        policy = RetryPolicy(settings, budget)
    attempts = 0

    async def attempt() -> str:
        nonlocal attempts
        attempts += 1
        if clock is not None:
            if attempt_starts is not None:
                attempt_starts.append(clock.now)
            clock.now += attempt_seconds
        if failures:
            raise failures.pop(0)
        return "ok"

    now = clock.monotonic() if clock is not None else time.monotonic()
    deadline = None if deadline_in is None else now + deadline_in
    try:
        return asyncio.run(policy.call(attempt, idempotent=idempotent, deadline=deadline)), attempts
    except Exception as exc:
        return exc, attempts


def test_retries_until_success() -> None:
    assert run_policy([throttled(), throttled()]) == ("ok", 3)


def test_non_idempotent_calls_are_not_repeated_once_aws_may_have_acted() -> None:
    result, attempts = run_policy([ConnectionClosedError(endpoint_url="u")], idempotent=False)
    assert isinstance(result, ConnectionClosedError)
    assert attempts == 1
    assert run_policy([throttled()], idempotent=False) == ("ok", 2)  # throttled: AWS did nothing


@pytest.mark.parametrize("draw", range(5))  # the backoff is jittered: what is checked holds for every draw
def test_never_sleeps_past_the_deadline(draw: int) -> None:
    # On virtual time: a loaded machine can stretch a real sleep past any deadline, which is not what this tests.
    clock = VirtualTime()
    settings = RetrySettings(initial_backoff=0.2, max_backoff=0.2, max_attempts=100)
    deadline = clock.now + 0.5
    starts: list[float] = []
    result, attempts = run_policy(
        [throttled()] * 100,
        deadline_in=0.5,
        settings=settings,
        clock=clock,
        attempt_seconds=0.01,
        attempt_starts=starts,
    )
    assert isinstance(result, ClientError)  # the last attempt's own error, before the deadline
    assert attempts >= 2
    assert clock.sleeps  # it did back off between attempts
    # Never slept past the deadline, and every attempt started with at least `min_attempt_time` left.
    assert clock.now <= deadline
    assert all(start <= deadline - settings.min_attempt_time for start in starts)
    # And it gave up only when one more backoff and attempt could no longer fit.
    assert deadline - clock.now < settings.max_backoff + settings.min_attempt_time


def test_the_budget_stops_retry_storms() -> None:
    budget = RetryBudget(capacity=10)
    settings = RetrySettings(initial_backoff=0.001, max_backoff=0.001, max_attempts=100, retry_cost=5)
    result, attempts = run_policy([throttled()] * 100, settings=settings, budget=budget)
    assert isinstance(result, ClientError)
    assert attempts == 3  # two retries paid for, then the budget is empty
    assert budget.tokens == 0
    assert run_policy([throttled()], settings=settings, budget=budget)[1] == 1  # no retry without budget


# -- settings --------------------------------------------------------------------------------------


def test_flags_win_over_environment_and_defaults() -> None:
    env = {"SFN_GRPC_LISTEN": "127.0.0.1:6000", "SFN_GRPC_BACKEND": "embedded", "SFN_GRPC_WORKERS": "4"}
    config = load(["--listen", "127.0.0.1:7000"], env)
    assert (config.listen, config.backend, config.workers) == ("127.0.0.1:7000", "embedded", 4)
    assert load([], {}).backend == "aws"


def test_bad_settings_exit_with_usage(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        load([], {"SFN_GRPC_BACKEND": "azure"})
    assert "SFN_GRPC_BACKEND" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        load(["--workers", "0"], {})


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("SFN_GRPC_LISTEN", "127.0.0.1:99999"),  # gRPC would wrap it around to another port
        ("SFN_GRPC_LISTEN", "127.0.0.1:-1"),
        ("SFN_GRPC_LISTEN", ":0"),
        ("SFN_GRPC_LISTEN", "127.0.0.1:abc"),
        ("SFN_GRPC_LISTEN", "::1:50051"),  # IPv6 needs its brackets
        ("SFN_GRPC_METRICS_LISTEN", "9090"),
        ("SFN_GRPC_METRICS_LISTEN", "127.0.0.1:99999"),
        ("SFN_GRPC_METRICS_LISTEN", "unix:/tmp/metrics.sock"),
    ],
)
def test_addresses_are_checked_before_anything_binds(
    variable: str, value: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        load([], {variable: value})
    assert exited.value.code == 2
    assert variable in capsys.readouterr().err


def test_a_first_poll_interval_above_the_longest_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        load([], {"SFN_GRPC_POLL_MIN_SECONDS": "10", "SFN_GRPC_POLL_MAX_SECONDS": "5"})
    assert exited.value.code == 2
    assert "--poll-min-seconds (10) is more than --poll-max-seconds (5)" in capsys.readouterr().err


def test_good_addresses_pass() -> None:
    for listen in ("127.0.0.1:0", "0.0.0.0:50051", "[::1]:50051", "[::]:0", "localhost:65535", "unix:/run/s.sock"):
        assert load([], {"SFN_GRPC_LISTEN": listen}).listen == listen
    assert load([], {"SFN_GRPC_METRICS_LISTEN": ""}).metrics_listen == ""


def test_the_token_secret_comes_from_the_environment_and_is_never_shown() -> None:
    config = load([], {"SFN_GRPC_PAGE_TOKEN_KEY": "s3cret"})
    assert config.token_key() is not None
    assert "s3cret" not in config.describe()
    assert "s3cret" not in repr(config)


def test_help_names_every_variable_and_default(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        load(["--help"], {})
    text = " ".join(capsys.readouterr().out.split())  # argparse wraps lines
    for setting in SETTINGS:
        assert setting.env in text, setting.env
    assert "SFN_GRPC_LISTEN; default 127.0.0.1:50051" in text
    assert "SFN_GRPC_PAGE_TOKEN_KEY" in text  # environment only: a secret is no flag
    assert "OTEL_EXPORTER_OTLP_ENDPOINT" in text
