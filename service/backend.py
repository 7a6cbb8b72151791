"""How the process's boto3 Step Functions clients are made (aws.py sends through them).

botocore's own retries are off (`total_max_attempts=1`): retry.py is the only place that retries,
so attempts never multiply.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlparse

import boto3
from botocore.config import Config
from botocore.exceptions import NoRegionError

_AWS_HOST_SUFFIXES = (".amazonaws.com", ".amazonaws.com.cn", ".api.aws", ".c2s.ic.gov", ".sc2s.sgov.gov")


@dataclass(frozen=True)
class ClientSettings:
    """How to build the boto3 client."""

    region: str | None = None  # None: boto3's own resolution (AWS_DEFAULT_REGION, the config files)
    endpoint_url: str | None = None  # None: boto3's own resolution (AWS_ENDPOINT_URL_SFN, config files, AWS)
    workers: int = 32
    connect_timeout: float = 5.0
    read_timeout: float = 70.0  # above GetActivityTask's 60 s long poll
    aws_access_key_id: str | None = None  # only for the embedded backend; never logged
    aws_secret_access_key: str | None = None


def is_aws_endpoint(url: str) -> bool:
    """True for AWS's own endpoints, False for a custom one (LocalStack, moto, a test fake, ...)."""
    host = urlparse(url).hostname or ""
    return host.endswith(_AWS_HOST_SUFFIXES)


def create_session(settings: ClientSettings) -> Any:
    """The boto3 session the process's clients share (credentials are resolved, and refreshed, once)."""
    return boto3.session.Session(
        region_name=settings.region,
        aws_access_key_id=settings.aws_access_key_id,
        aws_secret_access_key=settings.aws_secret_access_key,
    )


def create_client(settings: ClientSettings, session: Any = None) -> Any | None:
    """A Step Functions client (of `session`, else of a new one); None when no region is configured anywhere.

    Without a region there is no endpoint to call, but the server still starts (health
    NOT_SERVING, every call FAILED_PRECONDITION / NO_AWS_REGION) rather than dying at start.

    StartSyncExecution and TestState carry the model's `sync-` host prefix, which AWS needs but a
    custom endpoint (http://127.0.0.1:PORT) must not get: host-prefix injection is switched off
    exactly when the endpoint is not AWS's own.
    """
    session = session or create_session(settings)

    def build(inject_host_prefix: bool) -> Any:
        config = Config(
            retries={"total_max_attempts": 1, "mode": "standard"},
            max_pool_connections=settings.workers,
            connect_timeout=settings.connect_timeout,
            read_timeout=settings.read_timeout,
            inject_host_prefix=inject_host_prefix,
            user_agent_extra="sfn-grpc",
        )
        return session.client("stepfunctions", endpoint_url=settings.endpoint_url, config=config)

    try:
        client = build(inject_host_prefix=True)
    except NoRegionError:
        return None
    if not is_aws_endpoint(client.meta.endpoint_url):
        client = build(inject_host_prefix=False)
    return client
