"""Who is calling: the one place that names a caller, for the access policy, per-caller limits and logs.

A caller is named by what the transport proves: the first URI subject alternative name of its TLS
client certificate (SPIFFE ids are URI SANs), else its first DNS SAN, else the certificate's common
name. Without a client certificate the caller is its peer host (``ipv4:10.0.0.7``), which names a
machine, not a service: good enough to keep one noisy client from crowding out the others, not to
grant access.

Behind a proxy that terminates mTLS (an Envoy sidecar or gateway), the transport only proves the
proxy. Envoy then says who its client was in the ``x-forwarded-client-cert`` header (XFCC). Anyone
can send that header, so it is believed only from the proxies named in `SFN_GRPC_TRUSTED_PROXIES`
(their own identity as named above: a certificate's URI/DNS SAN or CN, or a peer host such as
``ipv4:127.0.0.6`` for a sidecar on the same pod), and ignored from everyone else.

Which XFCC element: the header is a comma-separated list of elements, each added by one proxy that
forwarded the request, in order; Envoy appends its element at the end (APPEND_FORWARD) or replaces
the whole header with it (SANITIZE_SET). So the LAST element is the one the trusted proxy wrote,
about the client it saw itself; the earlier ones were written by hops the gateway cannot check (or
by the client). The caller is that element's first ``URI=``, else its first ``DNS=``, else the
``CN`` of its ``Subject=``, the same order as for a certificate. An element naming nobody (or a
header that does not parse) leaves the caller named as the proxy itself.

The trusted proxies are a process-wide setting (one server per process): `Server.start` sets them
with `trust_proxies`.
"""

from __future__ import annotations

import re
import urllib.parse
from collections.abc import Iterable, Sequence
from typing import Any

import grpc
from cryptography import x509
from cryptography.x509.oid import NameOID

XFCC_HEADER = "x-forwarded-client-cert"
# gRPC's auth context: the certificate's URI SANs, DNS SANs and common name, in the order we prefer.
_CERTIFICATE_NAMES = ("peer_uri", "peer_dns", "x509_common_name")
_ONELINE_COMMON_NAME = re.compile(r"/CN=([^/]+)")
# Bounds on what a caller's header may make us parse.
_MAX_XFCC_CHARS = 16 * 1024

_trusted: frozenset[str] = frozenset()


def parse_trusted_proxies(value: str | None) -> frozenset[str]:
    """`SFN_GRPC_TRUSTED_PROXIES` (comma-separated identities) as a set."""
    return frozenset(part.strip() for part in (value or "").split(",") if part.strip())


def trust_proxies(identities: Iterable[str]) -> None:
    """Believe the XFCC header from exactly these callers (by their transport identity) from now on."""
    global _trusted
    _trusted = frozenset(identities)


def trusted_proxies() -> frozenset[str]:
    """The proxies whose XFCC header names the caller."""
    return _trusted


def caller_identity(context: grpc.aio.ServicerContext[Any, Any]) -> str:
    """The caller's name, as the policy and the per-caller limits see it."""
    direct = transport_identity(context)
    if direct in _trusted:
        values = [str(value) for key, value in (context.invocation_metadata() or ()) if key == XFCC_HEADER]
        forwarded = forwarded_identity(",".join(values)) if values else None
        if forwarded:
            return forwarded
    return direct


def transport_identity(context: grpc.aio.ServicerContext[Any, Any]) -> str:
    """The name the connection proves: the client certificate's URI SAN, DNS SAN or CN, else the peer host."""
    auth = context.auth_context() or {}
    for key in _CERTIFICATE_NAMES:
        for name in auth.get(key, ()):
            return bytes(name).decode("utf-8", "replace")
    return peer_host(context.peer() or "")


def peer_host(peer: str) -> str:
    """`ipv4:10.0.0.7:51234` -> `ipv4:10.0.0.7`; `ipv6:[::1]:5` -> `ipv6:[::1]`; anything else unchanged."""
    kind, sep, rest = peer.partition(":")
    if not sep or kind not in ("ipv4", "ipv6"):
        return peer
    host, colon, port = rest.rpartition(":")
    # gRPC writes an IPv6 peer percent-encoded (`ipv6:%5B::1%5D:5`): named as people write it.
    return f"{kind}:{urllib.parse.unquote(host)}" if colon and port.isdigit() else peer


def forwarded_identity(header: str) -> str | None:
    """The caller an XFCC header names (see the module docstring), or None."""
    if len(header) > _MAX_XFCC_CHARS:
        return None
    elements = parse_xfcc(header)
    if not elements:
        return None
    last = elements[-1]
    for key in ("uri", "dns"):
        for value in last.get(key, ()):
            if value:
                return value
    for subject in last.get("subject", ()):
        name = common_name(subject)
        if name:
            return name
    return None


def common_name(subject: str) -> str | None:
    """The CN of a distinguished name as Envoy writes it (RFC 4514: `CN=a/b,O=Example`), else None.

    Parsed by `cryptography` (commas separate attributes; a `/` is part of a value); the OpenSSL
    one-line form (`/O=Example/CN=a`) is read too.
    """
    if subject.startswith("/"):
        found = _ONELINE_COMMON_NAME.search(subject)
        return found.group(1) if found else None
    try:
        name = x509.Name.from_rfc4514_string(subject)
    except ValueError:
        return None
    for attribute in name.get_attributes_for_oid(NameOID.COMMON_NAME):
        value = attribute.value
        return value if isinstance(value, str) else bytes(value).decode("utf-8", "replace")
    return None


def parse_xfcc(header: str) -> list[dict[str, list[str]]]:
    """Envoy's XFCC: elements split by `,`, pairs by `;`, `key=value`, values optionally double-quoted.

    Keys are lower-cased (Envoy writes By, Hash, Cert, Chain, Subject, URI, DNS); a key may repeat
    (several URI or DNS). Commas and semicolons inside quotes belong to the value. An element that
    does not parse is kept empty, so that it still counts as an element (the last one names nobody).
    """
    elements: list[dict[str, list[str]]] = []
    for raw in _split(header, ","):
        element: dict[str, list[str]] = {}
        for pair in _split(raw, ";"):
            key, sep, value = pair.partition("=")
            if not sep:
                element = {}
                break
            element.setdefault(key.strip().lower(), []).append(_unquote(value.strip()))
        elements.append(element)
    return elements


def _split(text: str, separator: str) -> Sequence[str]:
    """`text` split at `separator` outside double quotes (a backslash escapes the next character)."""
    parts: list[str] = []
    current: list[str] = []
    quoted = escaped = False
    for char in text:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == '"':
            quoted = not quoted
        elif char == separator and not quoted:
            parts.append("".join(current))
            current = []
            continue
        current.append(char)
    parts.append("".join(current))
    return [part for part in parts if part.strip()]


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] == '"':
        return value[1:-1].replace('\\"', '"')
    return value
