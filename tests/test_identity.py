"""The caller's name as the policy, per-caller limits and the access log see it."""

from __future__ import annotations

from typing import Any

import grpc
import pytest

from service.identity import caller_identity, peer_host


@pytest.mark.parametrize(
    ("peer", "host"),
    [
        ("ipv4:10.0.0.7:51234", "ipv4:10.0.0.7"),
        ("ipv6:[::1]:5", "ipv6:[::1]"),
        ("unix:/tmp/s", "unix:/tmp/s"),
        ("ipv4:10.0.0.7", "ipv4:10.0.0.7"),
        ("", ""),
    ],
)
def test_peer_host_drops_the_port_only(peer: str, host: str) -> None:
    assert peer_host(peer) == host


async def test_a_plaintext_caller_is_its_peer_host() -> None:
    """Over a real channel without a certificate, the caller is named by its loopback address."""

    async def whoami(request: bytes, context: grpc.aio.ServicerContext[Any, Any]) -> bytes:
        return caller_identity(context).encode()

    server = grpc.aio.server()
    handler: grpc.RpcMethodHandler[bytes, bytes] = grpc.unary_unary_rpc_method_handler(whoami)
    server.add_generic_rpc_handlers((grpc.method_handlers_generic_handler("t.T", {"Who": handler}),))
    port = server.add_insecure_port("127.0.0.1:0")
    await server.start()
    try:
        async with grpc.aio.insecure_channel(f"127.0.0.1:{port}") as channel:
            who: grpc.aio.UnaryUnaryMultiCallable[bytes, bytes] = channel.unary_unary("/t.T/Who")
            answer = await who(b"", timeout=10)
        assert answer == b"ipv4:127.0.0.1"
    finally:
        await server.stop(None)
