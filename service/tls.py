"""Transport security: TLS, or mTLS, from PEM files that are re-read when they change.

`SFN_GRPC_TLS_CERT_FILE` and `SFN_GRPC_TLS_KEY_FILE` together turn TLS on; `SFN_GRPC_TLS_CLIENT_CA_FILE`
as well makes it mTLS: every client must present a certificate that CA signed, and the handshake
refuses any other. Without a certificate the server speaks plaintext, which is meant for a mesh
whose sidecar terminates mTLS in front of it; plaintext on an address other than loopback is said
loudly at start.

Rotation: cert-manager (like any Kubernetes secret volume) replaces the files by swapping a symlink.
gRPC asks `CertificateFiles.fetch` for the configuration before every handshake (from one of its
own threads); it compares the files' stat signature (inode, size, mtime, following symlinks) with
the last one it loaded and reads them again only when it changed, so a handshake costs a few
`stat` calls. A new set is checked as at start (PEM, key matches certificate) before it is used;
a half-written or mismatching set is logged once and the previous one stays in use until the files
change again. Connections already open keep the certificate they were made with.

Files are checked with the `cryptography` package, in memory, before gRPC sees them, so that a bad
file is a one-line error at start (`ConfigurationError`) rather than a failure at the first
handshake.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import logging
import math
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import cast

import grpc
from cryptography import x509
from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization

from service.config import Config, ConfigurationError

log = logging.getLogger(__name__)

_CERT, _KEY, _CLIENT_CA = "SFN_GRPC_TLS_CERT_FILE", "SFN_GRPC_TLS_KEY_FILE", "SFN_GRPC_TLS_CLIENT_CA_FILE"


@dataclass(frozen=True)
class TlsFiles:
    """Where the server's certificate chain, its key and (for mTLS) the client CA bundle are."""

    cert: Path
    key: Path
    client_ca: Path | None = None

    def named(self) -> list[tuple[str, Path]]:
        """Each file with the setting that names it (for messages)."""
        files = [(_CERT, self.cert), (_KEY, self.key)]
        return files + ([(_CLIENT_CA, self.client_ca)] if self.client_ca is not None else [])


@dataclass(frozen=True)
class Material:
    """One checked set of PEM files, as gRPC takes them."""

    cert: bytes
    key: bytes
    client_ca: bytes | None
    leaf: x509.Certificate

    def configuration(self) -> grpc.ServerCertificateConfiguration:
        """The set as gRPC's certificate configuration."""
        return grpc.ssl_server_certificate_configuration([(self.key, self.cert)], root_certificates=self.client_ca)

    def describe(self) -> str:
        """Subject, serial and expiry of the server certificate, for the log."""
        return (
            f"subject {self.leaf.subject.rfc4514_string()!r}, serial {self.leaf.serial_number:x}, "
            f"valid until {self.leaf.not_valid_after_utc.isoformat()}"
        )


def tls_files(config: Config) -> TlsFiles | None:
    """The TLS files the settings name (None: plaintext); a ConfigurationError for an incomplete set."""
    cert, key, client_ca = config.tls_cert_file, config.tls_key_file, config.tls_client_ca_file
    if not cert and not key:
        if client_ca:
            raise ConfigurationError(
                f"{_CLIENT_CA} is set but {_CERT} and {_KEY} are not: mTLS needs the server's own certificate and key"
            )
        return None
    if not cert or not key:
        given, missing = (_CERT, _KEY) if cert else (_KEY, _CERT)
        raise ConfigurationError(f"{given} is set but {missing} is not: TLS needs both the certificate and its key")
    return TlsFiles(Path(cert), Path(key), Path(client_ca) if client_ca else None)


def _read(setting: str, path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise ConfigurationError(f"cannot read {setting} {path}: {exc.strerror or exc}") from None


def _certificates(setting: str, path: Path, data: bytes) -> list[x509.Certificate]:
    try:
        found = x509.load_pem_x509_certificates(data)
    except ValueError:
        found = []
    if not found:
        raise ConfigurationError(f"{setting} {path} holds no PEM certificate")
    return found


def _public(key: object) -> bytes:
    public = getattr(key, "public_key", None)
    if public is None:
        return b""
    encoded: bytes = public().public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    return encoded


def load(files: TlsFiles) -> Material:
    """Read and check the files: PEM certificates, an unencrypted key that matches the certificate."""
    cert = _read(_CERT, files.cert)
    key = _read(_KEY, files.key)
    client_ca = _read(_CLIENT_CA, files.client_ca) if files.client_ca is not None else None
    leaf = _certificates(_CERT, files.cert, cert)[0]
    try:
        private = serialization.load_pem_private_key(key, password=None)
    except TypeError:
        raise ConfigurationError(f"{_KEY} {files.key} is encrypted; give the key unencrypted") from None
    except (ValueError, UnsupportedAlgorithm) as exc:
        raise ConfigurationError(f"{_KEY} {files.key} holds no usable PEM private key ({exc})") from None
    if _public(private) != _public(leaf):
        raise ConfigurationError(
            f"{_KEY} {files.key} does not match the certificate in {_CERT} {files.cert} "
            "(the key is not the certificate's; the first certificate in the file must be the server's)"
        )
    if files.client_ca is not None and client_ca is not None:
        _certificates(_CLIENT_CA, files.client_ca, client_ca)
    return Material(cert, key, client_ca, leaf)


def _signature(files: TlsFiles) -> tuple[tuple[int, int, int, int], ...] | None:
    """What changes when a file is replaced (also through a symlink swap); None if one is missing now."""
    try:
        stats = [os.stat(path) for _, path in files.named()]
    except OSError:
        return None
    return tuple((s.st_dev, s.st_ino, s.st_size, s.st_mtime_ns) for s in stats)


# Files missing longer than this are not a swap in progress (the kubelet swaps in one rename).
MISSING_GRACE_SECONDS = 5.0


class CertificateFiles:
    """The TLS files, loaded at start and re-read by gRPC's fetcher when they change."""

    def __init__(self, files: TlsFiles, missing_grace: float = MISSING_GRACE_SECONDS) -> None:
        """`missing_grace`: how long the files may be missing (a swap in progress) before it is logged."""
        self.files = files
        self._missing_grace = missing_grace
        self._missing_since: float | None = None
        self._lock = threading.Lock()  # gRPC calls `fetch` from its own threads, possibly several at once
        self._signature = _signature(files)
        self.material = load(files)
        self._refused: tuple[tuple[int, int, int, int], ...] | None = None
        self.reloads = 0
        _warn_if_expired(self.material)

    @property
    def mutual(self) -> bool:
        """True when clients must present a certificate (a client CA is configured)."""
        return self.files.client_ca is not None

    def credentials(self) -> grpc.ServerCredentials:
        """Server credentials that ask `fetch` before each handshake."""
        # grpc's stubs type the fetcher as never answering None; gRPC itself takes None as "unchanged".
        fetch = cast(Callable[[], grpc.ServerCertificateConfiguration], self.fetch)
        return grpc.dynamic_ssl_server_credentials(
            self.material.configuration(), fetch, require_client_authentication=self.mutual
        )

    def fetch(self) -> grpc.ServerCertificateConfiguration | None:
        """The certificate fetcher gRPC calls before each handshake: a new configuration when the files changed, else None (keep)."""
        try:
            with self._lock:
                return self._fetch()
        except Exception:  # never into gRPC's thread: it keeps the previous configuration anyway
            log.exception("re-reading the TLS files failed; the previous certificate stays in use")
            return None

    def _fetch(self) -> grpc.ServerCertificateConfiguration | None:
        signature = _signature(self.files)
        if signature is None:  # in the middle of a swap, or gone: said once if it lasts
            now = time.monotonic()
            if self._missing_since is None:
                self._missing_since = now
            elif now - self._missing_since >= self._missing_grace and self._missing_since != -math.inf:
                self._missing_since = -math.inf
                log.warning(
                    "the TLS files %s are missing; the certificate loaded before stays in use",
                    ", ".join(str(path) for _, path in self.files.named()),
                )
            return None
        self._missing_since = None
        if signature in (self._signature, self._refused):
            return None  # unchanged, or already found unusable
        try:
            material = load(self.files)
        except ConfigurationError as exc:
            self._refused = signature
            log.warning("the TLS files changed but cannot be used (%s); the previous certificate stays in use", exc)
            return None
        self._signature = signature
        if material == self.material:
            return None  # touched, not changed
        self.material = material
        self.reloads += 1
        log.info("TLS files reloaded: server certificate %s", material.describe())
        _warn_if_expired(material)
        return material.configuration()


def _warn_if_expired(material: Material) -> None:
    if material.leaf.not_valid_after_utc <= dt.datetime.now(dt.UTC):
        log.warning("the server certificate has expired (%s): clients will refuse it", material.describe())


def is_loopback(listen: str) -> bool:
    """True when `host:port` listens on loopback only (127.0.0.0/8, ::1, localhost) or a Unix socket."""
    if listen.startswith(("unix:", "unix-abstract:")):
        return True
    host = listen.rpartition(":")[0].strip("[]") if ":" in listen else listen
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False  # a name or a wildcard: it may be reachable from elsewhere


def load_certificates(config: Config) -> CertificateFiles | None:
    """The TLS files the settings name, loaded and checked (None: plaintext); ConfigurationError if unusable."""
    files = tls_files(config)
    return None if files is None else CertificateFiles(files)


def _bind(server: grpc.aio.Server, listen: str, certificates: CertificateFiles | None) -> int:
    if certificates is None:
        return server.add_insecure_port(listen)
    return server.add_secure_port(listen, certificates.credentials())


def add_port(server: grpc.aio.Server, listen: str, certificates: CertificateFiles | None) -> int:
    """Bind `listen`, with TLS when there are certificates; say at start which transport it is."""
    try:
        port = _bind(server, listen, certificates)
    except RuntimeError as exc:  # gRPC's "Failed to bind to address ...": the port is taken, or not ours
        raise OSError(f"cannot listen on {listen}: {exc}") from None
    if certificates is None:
        if not is_loopback(listen):
            log.warning(
                "PLAINTEXT: gRPC on %s is neither encrypted nor authenticated (%s and %s are not set). Meant only "
                "for a mesh whose sidecar terminates mTLS in front of this server: anyone else who reaches this "
                "address acts with the gateway's AWS identity",
                listen,
                _CERT,
                _KEY,
            )
        return port
    client_ca = certificates.files.client_ca
    log.info(
        "%s on %s (port %d): server certificate %s%s; the files are re-read when they change",
        "mTLS" if client_ca else "TLS",
        listen,
        port,
        certificates.material.describe(),
        f"; clients must present a certificate signed by a CA in {client_ca}" if client_ca else "",
    )
    return port
