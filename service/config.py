"""Settings of the server, from command-line flags and environment variables (flags win).

Each setting is declared once in SETTINGS: its flag, its variable, its type, its default and its
help. The AWS endpoint and credentials are boto3's own resolution (the standard AWS variables and
files). The region is resolved here first, because the pinned botocore reads only
`AWS_DEFAULT_REGION` and the config files, while containers and the AWS SDKs' own rule set
`AWS_REGION`: `--region`, else `SFN_GRPC_REGION`, else `AWS_REGION`, else `AWS_DEFAULT_REGION`,
else (None here) boto3's config files.
"""

from __future__ import annotations

import argparse
import hashlib
import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

BACKENDS = ("aws", "embedded")


@dataclass(frozen=True)
class Setting:
    """One setting: `--flag`, `ENV_VAR`, how to parse it, its default and what it does."""

    name: str
    env: str
    parse: Callable[[str], Any]
    default: Any
    help: str
    secret: bool = False  # from the environment only, never a flag (flags show in `ps`), never logged
    fallback_env: tuple[str, ...] = ()  # other variables read, in this order, when `env` is not set
    empty_means_off: bool = False  # an empty value is a value (it turns the thing off), not "unset"


class ConfigurationError(Exception):
    """A setting that cannot work in this installation; the server exits with status 2, as for a bad flag."""


def _backend(value: str) -> str:
    if value not in BACKENDS:
        raise argparse.ArgumentTypeError(f"backend must be one of {', '.join(BACKENDS)}, not {value!r}")
    return value


def _address(value: str) -> str:
    """`host:port` (IPv6 as `[::1]:port`; port 0..65535, 0 for any free one), or gRPC's `unix:PATH`."""
    if value.startswith("unix:") and len(value) > len("unix:"):
        return value
    host, colon, port = value.rpartition(":")
    bracketed = host.startswith("[") and host.endswith("]")
    if not colon or not host or not port.isdigit() or int(port) > 65535 or (":" in host and not bracketed):
        raise argparse.ArgumentTypeError(
            f"must be host:port with a port from 0 to 65535 ([::1]:port for IPv6, or unix:PATH), not {value!r}"
        )
    return value


def _tcp_address(value: str) -> str:
    if value == "":
        return value  # off (empty_means_off)
    if value.startswith("unix:"):
        raise argparse.ArgumentTypeError(f"must be host:port, not {value!r}")
    return _address(value)


def _positive_int(value: str) -> int:
    number = int(value)
    if number <= 0:
        raise argparse.ArgumentTypeError(f"must be a positive integer, not {value!r}")
    return number


def _non_negative_int(value: str) -> int:
    number = int(value)
    if number < 0:
        raise argparse.ArgumentTypeError(f"must not be negative, not {value!r}")
    return number


def _switch(value: str) -> bool:
    lowered = value.strip().lower()
    if lowered not in ("true", "false", "1", "0", "on", "off", "yes", "no"):
        raise argparse.ArgumentTypeError(f"must be true or false, not {value!r}")
    return lowered in ("true", "1", "on", "yes")


def _positive_float(value: str) -> float:
    number = float(value)
    if number <= 0:
        raise argparse.ArgumentTypeError(f"must be a positive number, not {value!r}")
    return number


def _non_negative_float(value: str) -> float:
    number = float(value)
    if not number >= 0 or number == float("inf"):  # also refuses nan
        raise argparse.ArgumentTypeError(f"must be a number, 0 or more, not {value!r}")
    return number


def _log_level(value: str) -> str:
    level = value.strip().upper()
    if level not in ("DEBUG", "INFO", "WARNING", "ERROR"):
        raise argparse.ArgumentTypeError(f"must be DEBUG, INFO, WARNING or ERROR, not {value!r}")
    return level


SETTINGS = (
    Setting("listen", "SFN_GRPC_LISTEN", _address, "127.0.0.1:50051", "address and port to serve gRPC on"),
    Setting(
        "metrics_listen",
        "SFN_GRPC_METRICS_LISTEN",
        _tcp_address,
        "127.0.0.1:9090",
        "address and port to serve Prometheus metrics on (/metrics); empty turns metrics off",
        empty_means_off=True,
    ),
    Setting("backend", "SFN_GRPC_BACKEND", _backend, "aws", "aws (boto3's configuration) or embedded (moto)"),
    Setting(
        "region",
        "SFN_GRPC_REGION",
        str,
        None,
        "AWS region (else AWS_REGION, else AWS_DEFAULT_REGION, else the AWS config files)",
        fallback_env=("AWS_REGION", "AWS_DEFAULT_REGION"),
    ),
    Setting("workers", "SFN_GRPC_WORKERS", _positive_int, 32, "threads (and HTTP connections) for boto3 calls"),
    Setting("grace_seconds", "SFN_GRPC_GRACE_SECONDS", _positive_float, 15.0, "shutdown grace for in-flight calls"),
    Setting(
        "max_response_bytes",
        "SFN_GRPC_MAX_RESPONSE_BYTES",
        _positive_int,
        4 * 1024 * 1024 - 64 * 1024,
        "largest page sent to a caller; pages are split to fit (gRPC clients accept 4 MiB by default)",
    ),
    Setting("retry_max_attempts", "SFN_GRPC_RETRY_MAX_ATTEMPTS", _positive_int, 5, "attempts per AWS call, at most"),
    Setting(
        "max_connection_age_seconds",
        "SFN_GRPC_MAX_CONNECTION_AGE_SECONDS",
        _positive_float,
        600.0,
        "close client connections after this long, so clients re-balance across replicas",
    ),
    Setting(
        "history_cache_bytes",
        "SFN_GRPC_HISTORY_CACHE_BYTES",
        _non_negative_int,
        256 * 1024 * 1024,
        "memory for histories that can no longer change; 0 turns the caches off",
    ),
    Setting(
        "history_page_bytes",
        "SFN_GRPC_HISTORY_PAGE_BYTES",
        _positive_int,
        4 * 1024 * 1024,
        "the most bytes one upstream history page may hold: pages ask for fewer events when events are big "
        "(memory per stream; smaller means more GetExecutionHistory calls for histories of big events)",
    ),
    Setting(
        "describe_cache_bytes",
        "SFN_GRPC_DESCRIBE_CACHE_BYTES",
        _non_negative_int,
        16 * 1024 * 1024,
        "memory for DescribeExecution results of executions that can no longer change",
    ),
    Setting(
        "coalesce",
        "SFN_GRPC_COALESCE",
        _switch,
        True,
        "join identical concurrent reads into one AWS call",
    ),
    Setting(
        "poll_min_seconds",
        "SFN_GRPC_POLL_MIN_SECONDS",
        _positive_float,
        0.2,
        "first polling interval of follow and wait",
    ),
    Setting("poll_max_seconds", "SFN_GRPC_POLL_MAX_SECONDS", _positive_float, 5.0, "longest polling interval"),
    Setting(
        "health_probe_timeout_seconds",
        "SFN_GRPC_HEALTH_PROBE_TIMEOUT_SECONDS",
        _positive_float,
        2.0,
        "how long the backend may take to answer before it counts as unusable (health NOT_SERVING)",
    ),
    # Load shedding and the AWS quota (admission.py, quota.py; README "Reliability").
    Setting(
        "max_concurrent_calls",
        "SFN_GRPC_MAX_CONCURRENT_CALLS",
        _non_negative_int,
        256,
        "unary calls served at once; more get RESOURCE_EXHAUSTED / TOO_MANY_CALLS at once (0: no limit)",
    ),
    Setting(
        "max_concurrent_streams",
        "SFN_GRPC_MAX_CONCURRENT_STREAMS",
        _non_negative_int,
        1000,
        "streams and waits (StreamExecutionHistory, WatchExecutions, WaitExecution) served at once; "
        "more get RESOURCE_EXHAUSTED / TOO_MANY_STREAMS (0: no limit)",
    ),
    Setting(
        "max_calls_per_caller",
        "SFN_GRPC_MAX_CALLS_PER_CALLER",
        _non_negative_int,
        128,
        "calls of one caller (its certificate's name, else its host) served at once; "
        "more get RESOURCE_EXHAUSTED / CALLER_LIMIT (0: no limit)",
    ),
    Setting(
        "quota_file",
        "SFN_GRPC_QUOTA_FILE",
        str,
        None,
        "JSON file of the account's Step Functions API quotas, per operation, over AWS's published defaults",
    ),
    Setting(
        "quota_scale",
        "SFN_GRPC_QUOTA_SCALE",
        _non_negative_float,
        1.0,
        "multiplies every quota bucket and refill rate; 0 turns the gateway's quota off",
    ),
    Setting(
        "replicas",
        "SFN_GRPC_REPLICAS",
        _positive_int,
        1,
        "how many replicas share the account's quota (each keeps 1/replicas of it)",
    ),
    # Security (service/tls.py, service/policy.py, service/identity.py).
    Setting("tls_cert_file", "SFN_GRPC_TLS_CERT_FILE", str, None, "server certificate chain, PEM (with the key: TLS)"),
    Setting("tls_key_file", "SFN_GRPC_TLS_KEY_FILE", str, None, "the server certificate's private key, PEM"),
    Setting(
        "tls_client_ca_file",
        "SFN_GRPC_TLS_CLIENT_CA_FILE",
        str,
        None,
        "CA certificates, PEM: clients must present a certificate one of them signed (mTLS)",
    ),
    Setting(
        "policy_file",
        "SFN_GRPC_POLICY_FILE",
        str,
        None,
        "access policy, YAML: which callers may call which RPCs on which ARNs (default: everyone everything)",
    ),
    Setting(
        "trusted_proxies",
        "SFN_GRPC_TRUSTED_PROXIES",
        str,
        None,
        "comma-separated identities of proxies whose x-forwarded-client-cert header names the caller",
    ),
    Setting("log_level", "SFN_GRPC_LOG_LEVEL", _log_level, "INFO", "DEBUG, INFO, WARNING or ERROR"),
    Setting(
        "access_log",
        "SFN_GRPC_ACCESS_LOG",
        _switch,
        True,
        "one JSON line per call on the log (logger sfn_grpc.access, INFO; no payloads, no secrets)",
    ),
    Setting(
        "page_token_key",
        "SFN_GRPC_PAGE_TOKEN_KEY",
        str,
        None,
        "secret that signs page tokens; the same on every replica (default: random per process)",
        secret=True,
    ),
)


@dataclass(frozen=True)
class Config:
    """The server's settings, resolved."""

    listen: str = "127.0.0.1:50051"
    metrics_listen: str = "127.0.0.1:9090"  # "": no metrics
    backend: str = "aws"
    region: str | None = None  # None: boto3's config files decide (or nothing does)
    workers: int = 32
    grace_seconds: float = 15.0
    max_response_bytes: int = 4 * 1024 * 1024 - 64 * 1024
    retry_max_attempts: int = 5
    max_connection_age_seconds: float = 600.0
    history_cache_bytes: int = 256 * 1024 * 1024
    history_page_bytes: int = 4 * 1024 * 1024
    describe_cache_bytes: int = 16 * 1024 * 1024
    coalesce: bool = True
    poll_min_seconds: float = 0.2
    poll_max_seconds: float = 5.0
    health_probe_timeout_seconds: float = 2.0
    max_concurrent_calls: int = 256
    max_concurrent_streams: int = 1000
    max_calls_per_caller: int = 128
    quota_file: str | None = None
    quota_scale: float = 1.0
    replicas: int = 1
    log_level: str = "INFO"
    tls_cert_file: str | None = None  # with tls_key_file: TLS (service/tls.py)
    tls_key_file: str | None = None
    tls_client_ca_file: str | None = None  # also: mTLS
    policy_file: str | None = None  # None: every caller may call everything (service/policy.py)
    trusted_proxies: str | None = None  # comma-separated identities (service/identity.py)
    access_log: bool = True
    page_token_key: str | None = field(default=None, repr=False)

    def token_key(self) -> bytes | None:
        """The HMAC key for page tokens, derived from the configured secret (None: not configured)."""
        if self.page_token_key is None:
            return None
        return hashlib.sha256(b"sfn-grpc page tokens\0" + self.page_token_key.encode()).digest()

    def describe(self) -> str:
        """The settings for the start-up log line; secrets are shown only as set or not."""
        parts = []
        for setting in SETTINGS:
            value = getattr(self, setting.name)
            parts.append(f"{setting.name}={'<set>' if setting.secret and value else value}")
        return " ".join(parts)


_EPILOG = """\
environment only:
  SFN_GRPC_PAGE_TOKEN_KEY   secret that signs page tokens (random per process when unset);
                            the same on every replica
  AWS_*                     boto3's own: region, endpoint (AWS_ENDPOINT_URL_SFN), credentials
  OTEL_*                    OpenTelemetry: traces go out by OTLP when OTEL_EXPORTER_OTLP_ENDPOINT
                            or OTEL_TRACES_EXPORTER asks for them (README, Tracing)
  GRPC_VERBOSITY            gRPC core's own log level (ERROR unless set)
"""


def _shown(value: object) -> str:
    return "none" if value is None else repr(value) if value == "" else str(value)


def load(argv: Sequence[str] | None = None, environ: Mapping[str, str] | None = None) -> Config:
    """Settings from flags, else the environment, else the defaults; exits with usage on bad values."""
    env = os.environ if environ is None else environ
    parser = argparse.ArgumentParser(
        prog="python -m service",
        description="sfn-grpc: gRPC for AWS Step Functions. Every flag has its variable (shown); flags win.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    values: dict[str, Any] = {}
    for setting in SETTINGS:
        source = next(
            (
                name
                for name in (setting.env, *setting.fallback_env)
                if env.get(name) or (setting.empty_means_off and name in env)
            ),
            None,
        )
        if source is not None:
            try:
                values[setting.name] = setting.parse(env[source])
            except (ValueError, argparse.ArgumentTypeError) as exc:
                parser.error(f"{source}: {exc}")
        else:
            values[setting.name] = setting.default
        if not setting.secret:
            flag = "--" + setting.name.replace("_", "-")
            parser.add_argument(
                flag,
                type=setting.parse,
                default=values[setting.name],
                help=f"{setting.help} ({setting.env}; default {_shown(setting.default)})",
            )
    args = parser.parse_args(argv)
    for setting in SETTINGS:
        if not setting.secret:
            values[setting.name] = getattr(args, setting.name)
    if values["poll_min_seconds"] > values["poll_max_seconds"]:
        parser.error(
            f"--poll-min-seconds ({values['poll_min_seconds']:g}) is more than --poll-max-seconds "
            f"({values['poll_max_seconds']:g}) (SFN_GRPC_POLL_MIN_SECONDS, SFN_GRPC_POLL_MAX_SECONDS)"
        )
    return Config(**values)
