"""TLS and mTLS from files, as users configure them: real channels, certificates made at test time.

Rotation is done as Kubernetes does it for a secret volume (and so cert-manager's certificates): the
files are symlinks into a `..data` symlink, and the new set is written aside and swapped in with
one rename.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import re
import shlex
import socket
import ssl
import subprocess
from pathlib import Path

import grpc
import pytest
from cryptography import x509
from grpc_health.v1 import health_pb2
from grpc_reflection.v1alpha import reflection_pb2
from sfngrpc.stepfunctions.v1 import service_pb2_grpc, state_machines_pb2

from service.config import ConfigurationError
from service.server import SERVICE_NAME
from service.tls import CertificateFiles, add_port, is_loopback, load_certificates, tls_files
from tests.certs import CertificateAuthority
from tests.fake_sfn import FakeStepFunctions
from tests.grpc_helpers import health_stub, reflection_stub, server_config
from tests.security_helpers import SecretVolume, secure, started, tls_config, tls_volume
from tests.server_process import ROOT, ServerProcess, loopback_environment
from tests.test_health_probe import PROBE, serving

LIST = state_machines_pb2.ListStateMachinesRequest()


def served(fake: FakeStepFunctions) -> int:
    """How many ListStateMachines calls of the test reached the backend (the health probe asks for 1 item)."""
    return sum(1 for call in fake.calls_of("ListStateMachines") if call.params.get("maxResults") != 1)


def peer_serial(port: int) -> int:
    """The serial of the certificate the server presents to a new TLS connection (no client certificate)."""
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    context.set_alpn_protocols(["h2"])
    with (
        socket.create_connection(("127.0.0.1", port), timeout=10) as raw,
        context.wrap_socket(raw, server_hostname="localhost") as tls,
    ):
        der = tls.getpeercert(binary_form=True)
    assert der is not None
    return x509.load_der_x509_certificate(der).serial_number


@pytest.fixture
def ca() -> CertificateAuthority:
    return CertificateAuthority()


@pytest.fixture
def volume(tmp_path: Path, ca: CertificateAuthority) -> SecretVolume:
    return tls_volume(tmp_path / "tls", ca)


async def test_tls_is_required_once_configured(
    fake: FakeStepFunctions, volume: SecretVolume, ca: CertificateAuthority
) -> None:
    async with started(tls_config(volume, mutual=False), fake) as server:
        async with secure(server.port, ca.pem) as channel:
            answer = await service_pb2_grpc.StepFunctionsServiceStub(channel).ListStateMachines(LIST, timeout=10)
            assert list(answer.state_machines) == []
        async with grpc.aio.insecure_channel(f"127.0.0.1:{server.port}") as plain:
            with pytest.raises(grpc.aio.AioRpcError) as refused:
                await service_pb2_grpc.StepFunctionsServiceStub(plain).ListStateMachines(LIST, timeout=10)
            assert refused.value.code() == grpc.StatusCode.UNAVAILABLE
    assert served(fake) == 1  # only the TLS client's call got through


async def test_mtls_refuses_clients_without_a_certificate_of_its_ca(
    fake: FakeStepFunctions, volume: SecretVolume, ca: CertificateAuthority
) -> None:
    stranger = CertificateAuthority("another CA").client(uri="spiffe://example.org/ns/a/sa/reader")
    async with started(tls_config(volume, mutual=True), fake) as server:
        for client in (None, stranger):
            async with secure(server.port, ca.pem, client) as channel:
                with pytest.raises(grpc.aio.AioRpcError) as refused:
                    await service_pb2_grpc.StepFunctionsServiceStub(channel).ListStateMachines(LIST, timeout=10)
                assert refused.value.code() == grpc.StatusCode.UNAVAILABLE
        assert served(fake) == 0
        good = ca.client(uri="spiffe://example.org/ns/a/sa/reader")
        async with secure(server.port, ca.pem, good) as channel:
            await service_pb2_grpc.StepFunctionsServiceStub(channel).ListStateMachines(LIST, timeout=10)
    assert served(fake) == 1


async def test_health_and_reflection_work_over_mtls(
    fake: FakeStepFunctions, volume: SecretVolume, ca: CertificateAuthority
) -> None:
    client = ca.client(uri="spiffe://example.org/ns/ops/sa/prober")
    async with started(tls_config(volume, mutual=True), fake) as server, secure(server.port, ca.pem, client) as channel:
        await serving(channel, SERVICE_NAME)
        answer = await health_stub(channel).Check(health_pb2.HealthCheckRequest(service=""), timeout=10)
        assert answer.status == health_pb2.HealthCheckResponse.SERVING
        reflection = reflection_stub(channel)
        request = reflection_pb2.ServerReflectionRequest(list_services="")
        async for reply in reflection.ServerReflectionInfo(iter([request]), timeout=10):
            names = {service.name for service in reply.list_services_response.service}
            assert SERVICE_NAME in names
            break


def documented_probe_commands() -> list[list[str]]:
    """The grpc_health_probe commands for a TLS deployment: the README's, and the manifest's comment."""
    readme = (ROOT / "README.md").read_text()
    lines = [line for line in readme.splitlines() if line.startswith("grpc_health_probe ")]
    manifest = (ROOT / "deploy" / "kubernetes" / "deployment.yaml").read_text()
    found = re.search(r"command: (\[\"grpc_health_probe\".*?\])", manifest, flags=re.DOTALL)
    assert found is not None, "deployment.yaml shows the exec probe for TLS"
    listed = json.loads(re.sub(r"\n\s*#\s*", " ", found.group(1)))
    assert len(lines) == 1, lines
    return [shlex.split(lines[0]), listed]


async def test_grpc_health_probe_with_the_documented_tls_flags(
    fake: FakeStepFunctions, volume: SecretVolume, ca: CertificateAuthority, tmp_path: Path
) -> None:
    """The probe command the README and deployment.yaml give for a TLS deployment, run against mTLS."""
    assert PROBE.is_file(), "grpc-health-probe is missing: run `make go-tools` (`make test` does)"
    probe_cert, probe_key = ca.client(uri="spiffe://example.org/ns/ops/sa/prober").write(tmp_path, "probe")
    async with started(tls_config(volume, mutual=True), fake) as server:
        async with secure(server.port, ca.pem, ca.client(uri="spiffe://x/y")) as channel:
            await serving(channel, SERVICE_NAME)
        ours = {
            "-addr": f"127.0.0.1:{server.port}",
            "-tls-ca-cert": volume.path("ca.crt"),
            "-tls-client-cert": str(probe_cert),
            "-tls-client-key": str(probe_key),
            "-tls-server-name": "localhost",
        }
        for documented in documented_probe_commands():
            assert documented[0] == "grpc_health_probe"
            names = [word.split("=", 1)[0] for word in documented[1:]]
            assert sorted(names) == sorted([*ours, "-tls"])
            command = [str(PROBE)]
            for word in documented[1:]:
                name = word.split("=", 1)[0]
                command.append(f"{name}={ours[name]}" if name in ours else word)
            command += ["-connect-timeout=10s", "-rpc-timeout=10s"]
            ran = await asyncio.to_thread(subprocess.run, command, capture_output=True, text=True, timeout=60)
            assert ran.returncode == 0, ran.stderr
        # Refused at the handshake: the probe fails to connect (briefly: it retries until its timeout).
        quick = ["-connect-timeout=2s", "-rpc-timeout=2s"]
        plain = [str(PROBE), f"-addr=127.0.0.1:{server.port}", *quick]
        no_certificate = [w for w in command if not w.startswith(("-tls-client-", "-connect-", "-rpc-"))] + quick
        for refused_command in (plain, no_certificate):
            refused = await asyncio.to_thread(
                subprocess.run, refused_command, capture_output=True, text=True, timeout=60
            )
            assert refused.returncode != 0
            assert "SERVING" not in refused.stdout


async def _new_connections_see(port: int, serial: int, attempts: int = 50) -> bool:
    """True once a new handshake presents the certificate `serial` (each try is a real handshake, no sleep)."""
    for _ in range(attempts):
        if await asyncio.to_thread(peer_serial, port) == serial:
            return True
    return False


async def test_rotated_files_are_served_to_new_connections(
    fake: FakeStepFunctions, volume: SecretVolume, ca: CertificateAuthority
) -> None:
    first = peer = None
    async with started(tls_config(volume, mutual=False), fake) as server:
        first = await asyncio.to_thread(peer_serial, server.port)
        old = secure(server.port, ca.pem)
        stub = service_pb2_grpc.StepFunctionsServiceStub(old)
        await stub.ListStateMachines(LIST, timeout=10)

        renewed_ca = CertificateAuthority("renewed CA")
        renewed = renewed_ca.server()
        assert renewed.serial != first
        volume.publish({"tls.crt": renewed.cert, "tls.key": renewed.key, "ca.crt": renewed_ca.pem})
        assert await _new_connections_see(server.port, renewed.serial)
        peer = renewed.serial
        # A client that trusts only the new CA connects; the connection made before keeps working.
        async with secure(server.port, renewed_ca.pem) as channel:
            await service_pb2_grpc.StepFunctionsServiceStub(channel).ListStateMachines(LIST, timeout=10)
        await stub.ListStateMachines(LIST, timeout=10)
        await old.close()
        assert server.certificates is not None
        assert server.certificates.reloads == 1
    assert first != peer


async def test_an_unusable_new_set_keeps_the_old_certificate_until_a_good_one_arrives(
    fake: FakeStepFunctions, volume: SecretVolume, ca: CertificateAuthority, caplog: pytest.LogCaptureFixture
) -> None:
    async with started(tls_config(volume, mutual=False), fake) as server:
        first = await asyncio.to_thread(peer_serial, server.port)
        one, other = ca.server(), ca.server()
        with caplog.at_level(logging.WARNING, logger="service.tls"):
            volume.publish({"tls.crt": one.cert, "tls.key": other.key, "ca.crt": ca.pem})  # key of another cert
            for _ in range(3):
                assert await asyncio.to_thread(peer_serial, server.port) == first
        refusals = [r for r in caplog.records if "cannot be used" in r.getMessage()]
        assert len(refusals) == 1  # said once, not at every handshake
        assert "does not match" in refusals[0].getMessage()
        volume.publish({"tls.crt": other.cert, "tls.key": other.key, "ca.crt": ca.pem})
        assert await _new_connections_see(server.port, other.serial)


@pytest.mark.parametrize(
    ("setting", "expected"),
    [
        ({"tls_cert_file": "CERT"}, "SFN_GRPC_TLS_CERT_FILE is set but SFN_GRPC_TLS_KEY_FILE is not"),
        ({"tls_key_file": "KEY"}, "SFN_GRPC_TLS_KEY_FILE is set but SFN_GRPC_TLS_CERT_FILE is not"),
        ({"tls_client_ca_file": "CA"}, "SFN_GRPC_TLS_CLIENT_CA_FILE is set but"),
        ({"tls_cert_file": "MISSING", "tls_key_file": "KEY"}, "cannot read SFN_GRPC_TLS_CERT_FILE"),
        ({"tls_cert_file": "KEY", "tls_key_file": "KEY"}, "holds no PEM certificate"),
        ({"tls_cert_file": "CERT", "tls_key_file": "CERT"}, "holds no usable PEM private key"),
        ({"tls_cert_file": "CERT", "tls_key_file": "OTHER_KEY"}, "does not match the certificate"),
        ({"tls_cert_file": "CERT", "tls_key_file": "KEY", "tls_client_ca_file": "KEY"}, "holds no PEM certificate"),
    ],
)
def test_unusable_files_are_one_clear_error(
    tmp_path: Path, ca: CertificateAuthority, setting: dict[str, str], expected: str
) -> None:
    cert, key = ca.server().write(tmp_path, "server")
    _, other_key = ca.server().write(tmp_path, "other")
    paths = {"CERT": str(cert), "KEY": str(key), "OTHER_KEY": str(other_key), "CA": str(cert)}
    paths["MISSING"] = str(tmp_path / "missing.crt")
    config = server_config(**{name: paths[value] for name, value in setting.items()})
    with pytest.raises(ConfigurationError) as error:
        load_certificates(config)
    assert expected in str(error.value)
    assert "\n" not in str(error.value)


def test_a_bad_file_stops_the_server_at_start_with_one_line(
    fake: FakeStepFunctions, tmp_path: Path, ca: CertificateAuthority
) -> None:
    cert, _ = ca.server().write(tmp_path, "server")
    _, other_key = ca.server().write(tmp_path, "other")
    env = {**os.environ, **loopback_environment(fake.endpoint_url, tmp_path / "home"), "AWS_REGION": "us-east-1"}
    env.pop("AWS_DEFAULT_REGION", None)
    env |= {"SFN_GRPC_TLS_CERT_FILE": str(cert), "SFN_GRPC_TLS_KEY_FILE": str(other_key)}
    with ServerProcess(env) as process:
        assert process.wait() == 2
        log = process.log
    assert "Traceback" not in log
    errors = [line for line in log.splitlines() if "ERROR" in line]
    assert len(errors) == 1
    assert "cannot start: SFN_GRPC_TLS_KEY_FILE" in errors[0]
    assert "does not match" in errors[0]
    assert fake.calls == []


@pytest.mark.parametrize(
    ("listen", "loopback"),
    [
        ("127.0.0.1:50051", True),
        ("127.0.0.2:1", True),
        ("[::1]:50051", True),
        ("localhost:50051", True),
        ("unix:/run/sfn-grpc.sock", True),
        ("0.0.0.0:50051", False),
        ("[::]:50051", False),
        ("10.1.2.3:50051", False),
        ("sfn-grpc.example:50051", False),
    ],
)
def test_loopback_addresses(listen: str, loopback: bool) -> None:
    assert is_loopback(listen) is loopback


@pytest.mark.parametrize(("listen", "loud"), [("0.0.0.0:0", True), ("127.0.0.1:0", False)])
async def test_plaintext_beyond_loopback_is_said_loudly(
    listen: str, loud: bool, caplog: pytest.LogCaptureFixture
) -> None:
    server = grpc.aio.server()  # bound but never started: nothing can connect
    try:
        with caplog.at_level(logging.INFO, logger="service.tls"):
            assert add_port(server, listen, None) > 0
    finally:
        await server.stop(None)
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING and "PLAINTEXT" in r.getMessage()]
    assert len(warnings) == (1 if loud else 0)


def test_refused_handshakes_leave_no_grpc_core_lines_in_the_log(
    fake: FakeStepFunctions, tmp_path: Path, ca: CertificateAuthority
) -> None:
    """gRPC's C core logs each failed handshake (anyone's) at INFO in its own format; `python -m service`
    keeps it to errors, so the log keeps the gateway's format."""
    cert, key = ca.server().write(tmp_path, "server")
    env = {**os.environ, **loopback_environment(fake.endpoint_url, tmp_path / "home"), "AWS_REGION": "us-east-1"}
    env.pop("GRPC_VERBOSITY", None)
    env |= {"SFN_GRPC_TLS_CERT_FILE": str(cert), "SFN_GRPC_TLS_KEY_FILE": str(key)}
    with ServerProcess(env) as process:
        with grpc.insecure_channel(f"127.0.0.1:{process.port()}") as plain:  # not TLS: refused
            health: grpc.UnaryUnaryMultiCallable[bytes, bytes] = plain.unary_unary("/grpc.health.v1.Health/Check")
            with pytest.raises(grpc.RpcError):
                health(b"", timeout=5)
        process.wait_for_line(r"sfn-grpc serving on")
        process.terminate()
        process.wait()
        log = process.log
    assert "ssl_transport_security" not in log
    assert not [line for line in log.splitlines() if line[:1] in "IWE" and line[1:5].isdigit()]


@pytest.mark.parametrize("setting", ["SFN_GRPC_LISTEN", "SFN_GRPC_METRICS_LISTEN"])
def test_a_port_in_use_is_one_line_not_a_traceback(fake: FakeStepFunctions, tmp_path: Path, setting: str) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        address = f"127.0.0.1:{taken.getsockname()[1]}"
        env = {**os.environ, **loopback_environment(fake.endpoint_url, tmp_path / "home"), "AWS_REGION": "us-east-1"}
        env[setting] = address
        with ServerProcess(env) as process:
            assert process.wait() == 1
            log = process.log
    assert "Traceback" not in log
    errors = [line for line in log.splitlines() if "ERROR" in line]
    assert len(errors) == 1, log
    assert "cannot start:" in errors[0]
    assert address in errors[0]


def test_files_that_stay_missing_are_said_once(
    volume: SecretVolume, caplog: pytest.LogCaptureFixture, ca: CertificateAuthority
) -> None:
    """A swap leaves the files missing for an instant, which is not logged; files gone for longer are, once."""
    files = tls_files(tls_config(volume, mutual=False))
    assert files is not None
    certificates = CertificateFiles(files, missing_grace=0.0)
    os.remove(volume.folder / "..data")  # every file's link now points nowhere
    with caplog.at_level(logging.WARNING, logger="service.tls"):
        for _ in range(3):
            assert certificates.fetch() is None  # the certificate loaded before stays
    missing = [r.getMessage() for r in caplog.records if "are missing" in r.getMessage()]
    assert len(missing) == 1
    assert "tls.crt" in missing[0]
    issued = ca.server()
    volume.publish({"tls.crt": issued.cert, "tls.key": issued.key, "ca.crt": ca.pem})
    assert certificates.fetch() is not None  # back: the new files are served
