"""The caller's name as the policy, per-caller limits and the access log see it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import grpc
import pytest

from service.identity import caller_identity, forwarded_identity, parse_trusted_proxies, peer_host
from tests.certs import CertificateAuthority
from tests.security_helpers import secure


@pytest.mark.parametrize(
    ("peer", "host"),
    [
        ("ipv4:10.0.0.7:51234", "ipv4:10.0.0.7"),
        ("ipv6:[::1]:5", "ipv6:[::1]"),
        ("ipv6:%5B::1%5D:50051", "ipv6:[::1]"),  # as gRPC writes it: percent-encoded
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


@pytest.mark.parametrize(
    ("header", "caller"),
    [
        (
            "By=spiffe://mesh/proxy;Hash=ab;URI=spiffe://example.org/ns/a/sa/reader",
            "spiffe://example.org/ns/a/sa/reader",
        ),
        # The last element is the trusted proxy's; earlier ones came from hops it cannot vouch for.
        ("URI=spiffe://x/first,URI=spiffe://x/last", "spiffe://x/last"),
        # Quoted values keep their commas and semicolons; a quote inside is escaped.
        ('Hash=1;Subject="CN=a \\"b\\",OU=c;d";URI=spiffe://x/q', "spiffe://x/q"),
        ("Hash=1;DNS=first.example.org;DNS=second.example.org", "first.example.org"),
        ('Hash=1;Subject="CN=Test Client,OU=Lyft,L=San Francisco,ST=CA,C=US"', "Test Client"),
        ('Hash=1;Subject="/C=US/ST=CA/L=San Francisco/OU=Lyft/CN=Test Client"', "Test Client"),
        # A `/` in an RFC 4514 value is part of it (the probe saw `team-a/reader` cut to `team-a`).
        ('By=x;Subject="CN=team-a/reader"', "team-a/reader"),
        ('By=x;Subject="CN=spiffe://example.org/ns/ops/sa/cn,O=Example"', "spiffe://example.org/ns/ops/sa/cn"),
        ('By=x;Subject="O=Example\\, Inc.,CN=escaped"', "escaped"),
        ("By=spiffe://mesh/proxy;Hash=ab", None),  # names nobody
        ("URI=spiffe://x/a,garbage", None),  # the last element does not parse
        ("", None),
        ("URI=" + "a" * 20_000, None),  # bounded
    ],
)
def test_the_forwarded_caller_is_the_last_xfcc_element(header: str, caller: str | None) -> None:
    assert forwarded_identity(header) == caller


def test_trusted_proxies_are_a_comma_separated_setting() -> None:
    assert parse_trusted_proxies(" spiffe://a/b , ipv4:127.0.0.6,,") == {"spiffe://a/b", "ipv4:127.0.0.6"}
    assert parse_trusted_proxies(None) == frozenset()


@pytest.mark.parametrize(
    ("uri", "dns", "name"),
    [
        ("spiffe://example.org/ns/a/sa/reader", "reader.example.org", "spiffe://example.org/ns/a/sa/reader"),
        (None, "reader.example.org", "reader.example.org"),
        (None, None, "test client"),
    ],
)
async def test_a_client_certificate_names_the_caller(
    tmp_path: Path, uri: str | None, dns: str | None, name: str
) -> None:
    """Over a real mTLS channel: URI SAN, else DNS SAN, else the common name."""

    async def whoami(request: bytes, context: grpc.aio.ServicerContext[Any, Any]) -> bytes:
        return caller_identity(context).encode()

    ca = CertificateAuthority()
    issued = ca.server()
    credentials = grpc.ssl_server_credentials([(issued.key, issued.cert)], ca.pem, require_client_auth=True)
    server = grpc.aio.server()
    handler: grpc.RpcMethodHandler[bytes, bytes] = grpc.unary_unary_rpc_method_handler(whoami)
    server.add_generic_rpc_handlers((grpc.method_handlers_generic_handler("t.T", {"Who": handler}),))
    port = server.add_secure_port("127.0.0.1:0", credentials)
    await server.start()
    try:
        client = ca.client(uri=uri, dns=dns)
        async with secure(port, ca.pem, client) as channel:
            who: grpc.aio.UnaryUnaryMultiCallable[bytes, bytes] = channel.unary_unary("/t.T/Who")
            answer = await who(b"", timeout=10)
        assert answer.decode() == name
    finally:
        await server.stop(None)
