"""A server with TLS files and real channels to it, for the TLS and access policy tests."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import grpc

from service.backend import ClientSettings
from service.config import Config
from service.server import Server
from tests.certs import CertificateAuthority, Issued
from tests.fake_sfn import FakeStepFunctions
from tests.grpc_helpers import server_config


class SecretVolume:
    """A folder laid out like a Kubernetes secret volume: tls.crt -> ..data/tls.crt, ..data -> a versioned dir.

    `publish` writes a new version aside and swaps `..data` to it with one rename, as the kubelet (and
    so cert-manager's renewals) does.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.version = 0

    def publish(self, files: dict[str, bytes]) -> None:
        """Write a new version aside, then swap `..data` to it atomically."""
        self.version += 1
        target = self.folder / f"..v{self.version}"
        target.mkdir()
        for name, data in files.items():
            (target / name).write_bytes(data)
            link = self.folder / name
            if not link.is_symlink():
                link.symlink_to(Path("..data") / name)
        temporary = self.folder / "..data_tmp"
        temporary.symlink_to(target.name)
        os.replace(temporary, self.folder / "..data")

    def path(self, name: str) -> str:
        """The path of `name` (through its symlink)."""
        return str(self.folder / name)


def tls_volume(folder: Path, ca: CertificateAuthority) -> SecretVolume:
    """A secret volume with a server certificate of `ca`, its key, and `ca` as the client CA."""
    folder.mkdir()
    volume = SecretVolume(folder)
    issued = ca.server()
    volume.publish({"tls.crt": issued.cert, "tls.key": issued.key, "ca.crt": ca.pem})
    return volume


def tls_config(volume: SecretVolume, mutual: bool, **overrides: object) -> Config:
    """Settings for a TLS (mTLS when `mutual`) server on a free loopback port, from the volume's files."""
    return server_config(
        tls_cert_file=volume.path("tls.crt"),
        tls_key_file=volume.path("tls.key"),
        tls_client_ca_file=volume.path("ca.crt") if mutual else None,
        **overrides,
    )


@asynccontextmanager
async def started(config: Config, fake: FakeStepFunctions) -> AsyncIterator[Server]:
    """A started server against the fake endpoint; stopped at the end."""
    settings = ClientSettings(
        region="us-east-1",
        endpoint_url=fake.endpoint_url,
        workers=config.workers,
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )
    server = Server(config, settings)
    await server.start()
    try:
        yield server
    finally:
        await server.stop()


def secure(port: int, ca: bytes, client: Issued | None = None) -> grpc.aio.Channel:
    """A TLS channel to 127.0.0.1:port that trusts `ca`, presenting `client`'s certificate if given."""
    credentials = grpc.ssl_channel_credentials(ca, client.key if client else None, client.cert if client else None)
    # The server certificate names localhost and 127.0.0.1; connect by address, check the name localhost.
    return grpc.aio.secure_channel(
        f"127.0.0.1:{port}", credentials, options=[("grpc.ssl_target_name_override", "localhost")]
    )
