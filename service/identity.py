"""Who is calling: the one place that names a caller, for the access policy, per-caller limits and logs.

A caller is named by what the transport proves: the first URI or DNS subject alternative name of its
TLS client certificate (SPIFFE ids are URI SANs), else the certificate's common name. Without a
client certificate the caller is its peer host (``ipv4:10.0.0.7``), which names a machine, not a
service: good enough to keep one noisy client from crowding out the others, not to grant access.
"""

from __future__ import annotations

from typing import Any

import grpc

_SAN = "x509_subject_alternative_name"
_CN = "x509_common_name"


def caller_identity(context: grpc.aio.ServicerContext[Any, Any]) -> str:
    """The caller's name, as the policy and the per-caller limits see it."""
    auth = context.auth_context() or {}
    for key in (_SAN, _CN):
        for name in auth.get(key, ()):
            return bytes(name).decode("utf-8", "replace")
    return peer_host(context.peer() or "")


def peer_host(peer: str) -> str:
    """`ipv4:10.0.0.7:51234` -> `ipv4:10.0.0.7`; `ipv6:[::1]:5` -> `ipv6:[::1]`; anything else unchanged."""
    kind, sep, rest = peer.partition(":")
    if not sep or kind not in ("ipv4", "ipv6"):
        return peer
    host, colon, port = rest.rpartition(":")
    return f"{kind}:{host}" if colon and port.isdigit() else peer
