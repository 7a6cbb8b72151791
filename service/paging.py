"""Paging, in one place: the service's own page tokens, and pages cut to fit the caller.

A page token is opaque to callers and signed (HMAC-SHA256) with a key that all replicas share, so
any replica can continue any token. It is bound to its RPC and to every argument but `max_results`
(which, as in AWS, may change between pages), expires after 24 hours like AWS's, and carries AWS's
token for the upstream page plus an offset into it. The offset lets the service split an upstream
page that would exceed the caller's receive limit (1,000 events of 256 KiB would be 256 MiB against
gRPC's default 4 MiB) or that holds more items than asked for (moto ignores `maxResults`), and
continue exactly there on the next call: no item is lost or repeated.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import time
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from google.protobuf.message import Message

from service.errors import invalid_argument

TOKEN_TTL_SECONDS = 24 * 3600
# Arguments whose absence means a default in AWS: a token must not differ between the two spellings.
_AWS_DEFAULTS = {"includeExecutionData": True, "reverseOrder": False}
# Per item in a repeated field: a tag byte and up to five bytes of length.
ITEM_OVERHEAD = 6


@dataclass(frozen=True)
class Pagination:
    """How an operation pages: which input and output members hold tokens, limits and items."""

    result_key: str
    token_key: str = "nextToken"
    limit_key: str = "maxResults"
    default_limit: int = 100


@dataclass(frozen=True)
class Position:
    """Where a page starts.

    AWS's token for the upstream page, the upstream page size, an offset into that page, and the
    index of the page's first item in the whole result (which lets a page continue from a cached
    copy of the whole result).
    """

    aws_token: str | None = None
    aws_limit: int = 0
    offset: int = 0
    index: int = 0


class PageTokens:
    """Issues and opens the service's signed page tokens."""

    def __init__(self, key: bytes, ttl: float = TOKEN_TTL_SECONDS, clock: Callable[[], float] = time.time) -> None:
        self._key = key
        self._ttl = ttl
        self._clock = clock

    def binding(self, operation: str, params: Mapping[str, Any], pagination: Pagination) -> str:
        """A digest of the operation and every argument a token is bound to."""
        bound = {k: v for k, v in params.items() if k not in (pagination.token_key, pagination.limit_key)}
        for key, default in _AWS_DEFAULTS.items():
            if bound.get(key) == default:
                del bound[key]
        canonical = json.dumps([operation, bound], sort_keys=True, separators=(",", ":"), default=str)
        return hashlib.sha256(canonical.encode()).hexdigest()[:32]

    def issue(self, binding: str, position: Position) -> str:
        """A new token for the page at `position`."""
        body = {
            "b": binding,
            "t": position.aws_token,
            "l": position.aws_limit,
            "o": position.offset,
            "i": position.index,
            "e": int(self._clock() + self._ttl),
        }
        payload = json.dumps(body, separators=(",", ":")).encode()
        return f"{_b64(payload)}.{_b64(self._sign(payload))}"

    def open(self, binding: str, token: str, field: str = "next_token") -> Position:
        """The position a token points at; INVALID_ARGUMENT if tampered with, expired or misused."""
        try:
            payload_part, signature_part = token.split(".")
            payload = _unb64(payload_part)
            signature = _unb64(signature_part)
        except (ValueError, binascii.Error):
            raise _bad_token(field, "INVALID_PAGE_TOKEN", "is not a page token of this service") from None
        if not hmac.compare_digest(signature, self._sign(payload)):
            raise _bad_token(field, "INVALID_PAGE_TOKEN", "is not a page token of this service (bad signature)")
        body = json.loads(payload)
        if body["e"] < self._clock():
            raise _bad_token(
                field, "PAGE_TOKEN_EXPIRED", "has expired (page tokens last 24 hours); start again without it"
            )
        if body["b"] != binding:
            raise _bad_token(
                field,
                "PAGE_TOKEN_MISMATCH",
                "belongs to another call: keep every argument but max_results unchanged between pages",
            )
        return Position(aws_token=body["t"], aws_limit=int(body["l"]), offset=int(body["o"]), index=int(body["i"]))

    def _sign(self, payload: bytes) -> bytes:
        return hmac.new(self._key, payload, hashlib.sha256).digest()


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _bad_token(field: str, reason: str, text: str) -> Exception:
    return invalid_argument([(field, text)], reason=reason)


async def fetch_page(
    operation: str,
    params: dict[str, Any],
    pagination: Pagination,
    tokens: PageTokens,
    fetch: Callable[[dict[str, Any]], Awaitable[Message]],
    max_bytes: int,
) -> Message:
    """One page for the caller: at most `maxResults` items and at most `max_bytes` serialized.

    `fetch` calls AWS with boto3 parameters and answers the response message.
    """
    binding = tokens.binding(operation, params, pagination)
    position = start_position(operation, params, pagination, tokens)
    wanted = int(params.get(pagination.limit_key) or pagination.default_limit)

    upstream = {k: v for k, v in params.items() if k not in (pagination.token_key, pagination.limit_key)}
    # Continuing inside an upstream page must ask AWS for that same page, whatever max_results says now.
    aws_limit = position.aws_limit if position.offset else wanted
    upstream[pagination.limit_key] = aws_limit
    if position.aws_token:
        upstream[pagination.token_key] = position.aws_token
    response = await fetch(upstream)
    token_field = _field_name(response, pagination.token_key)
    aws_next = getattr(response, token_field)

    items = getattr(response, _field_name(response, pagination.result_key))
    start = min(position.offset, len(items))
    end = _cut(items, start, wanted, max_bytes)
    index = position.index + end - start
    if end < len(items):
        next_position: Position | None = Position(position.aws_token, aws_limit, end, index)
    elif aws_next:
        next_position = Position(aws_next, wanted, 0, index)
    else:
        next_position = None
    del items[end:]
    del items[:start]
    _set_token(response, pagination, tokens, binding, next_position)
    return response


def start_position(operation: str, params: Mapping[str, Any], pagination: Pagination, tokens: PageTokens) -> Position:
    """Where the caller's page starts: the opened token, or the beginning."""
    token = params.get(pagination.token_key)
    if not token:
        return Position()
    return tokens.open(tokens.binding(operation, params, pagination), token)


def _cut(items: Sequence[Message], start: int, wanted: int, max_bytes: int) -> int:
    """The end of a page from `start`: at most `wanted` items and `max_bytes`, at least one item."""
    size = 0
    end = start
    while end < len(items) and end - start < wanted:
        item_size = items[end].ByteSize() + ITEM_OVERHEAD
        if end > start and size + item_size > max_bytes:
            break  # always at least one item, else a huge item could never be delivered
        size += item_size
        end += 1
    return end


def _set_token(
    response: Message, pagination: Pagination, tokens: PageTokens, binding: str, position: Position | None
) -> None:
    token_field = _field_name(response, pagination.token_key)
    if position is not None:
        setattr(response, token_field, tokens.issue(binding, position))
    else:
        response.ClearField(token_field)


def _field_name(message: Message, json_name: str) -> str:
    for field in message.DESCRIPTOR.fields:
        if field.json_name == json_name:
            return field.name
    raise KeyError(json_name)
