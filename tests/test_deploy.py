"""The container and Kubernetes files agree with the server's settings."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

import yaml

from service.config import SETTINGS, load

ROOT = Path(__file__).resolve().parent.parent
KNOWN = {s.env for s in SETTINGS}


def deployment() -> dict[str, Any]:
    document: dict[str, Any] = yaml.safe_load((ROOT / "deploy" / "kubernetes" / "deployment.yaml").read_text())
    return document


def test_every_kustomize_resource_exists_and_parses() -> None:
    folder = ROOT / "deploy" / "kubernetes"
    kustomization = yaml.safe_load((folder / "kustomization.yaml").read_text())
    for resource in kustomization["resources"]:
        assert yaml.safe_load((folder / resource).read_text())["kind"]


def test_the_deployment_sets_only_real_settings_and_drains_in_time() -> None:
    manifest = deployment()
    spec = manifest["spec"]["template"]["spec"]
    container = spec["containers"][0]
    env = {e["name"]: e.get("value") for e in container["env"]}
    assert {name for name in env if name.startswith("SFN_GRPC_")} <= KNOWN
    config = load([], {k: v for k, v in env.items() if v is not None})
    assert config.listen.endswith(f":{container['ports'][0]['containerPort']}")
    assert config.backend == "aws"
    assert spec["terminationGracePeriodSeconds"] > config.grace_seconds
    assert container["readinessProbe"]["grpc"]["port"] == container["ports"][0]["containerPort"]
    ports = {port["name"]: port["containerPort"] for port in container["ports"]}
    assert config.metrics_listen == f"0.0.0.0:{ports['metrics']}"
    annotations = manifest["spec"]["template"]["metadata"]["annotations"]
    assert annotations["prometheus.io/port"] == str(ports["metrics"])
    assert annotations["prometheus.io/scrape"] == "true"


def test_the_dockerfile_defaults_match_the_contract() -> None:
    text = (ROOT / "Dockerfile").read_text()
    assert "SFN_GRPC_LISTEN=0.0.0.0:50051" in text
    assert "SFN_GRPC_BACKEND=aws" in text
    assert "SFN_GRPC_METRICS_LISTEN=0.0.0.0:9090" in text
    assert set(re.findall(r"\b(SFN_GRPC_[A-Z_]+)=", text)) <= KNOWN
    for line in re.findall(r"^COPY (?!--)(.+)$", text, flags=re.MULTILINE):
        for path in line.split()[:-1]:
            assert (ROOT / path).exists(), path


EMBEDDED = {"moto", "flask", "flask-cors"}


def _names(requirements: list[str]) -> set[str]:
    return {re.split(r"[\[<>=!~; ]", r, maxsplit=1)[0].lower() for r in requirements}


def test_the_emulator_is_an_optional_extra_that_make_run_installs_and_the_container_does_not() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert not _names(project["dependencies"]) & EMBEDDED
    assert _names(project["optional-dependencies"]["embedded"]) == EMBEDDED
    pinned = dict(
        line.lower().split("==") for line in (ROOT / "constraints.txt").read_text().splitlines() if "==" in line
    )
    assert pinned.keys() >= EMBEDDED  # exact versions for the extra too

    makefile = (ROOT / "Makefile").read_text()
    run = re.search(r"^run: (.+)$", makefile, flags=re.MULTILINE)
    assert run is not None
    stamp = run.group(1).split()[0]
    recipe = re.search(rf"^{re.escape(stamp)}:.*\n((?:\t.*\n)+)", makefile, flags=re.MULTILINE)
    assert recipe is not None
    assert re.search(r"pip install .*-c constraints\.txt .*'\.\[[^]]*\bembedded\b[^]]*\]'", recipe.group(1))

    dockerfile = (ROOT / "Dockerfile").read_text()
    installs = re.findall(r"pip install (.*)$", dockerfile, flags=re.MULTILINE)
    assert installs == ["-c constraints.txt ./generated/python ."]  # the runtime dependencies only: no extra


def test_the_server_depends_on_the_client_distribution_which_every_install_takes_from_the_repository() -> None:
    client = tomllib.loads((ROOT / "generated" / "python" / "pyproject.toml").read_text())["project"]
    server = tomllib.loads((ROOT / "pyproject.toml").read_text())
    assert f"{client['name']}=={client['version']}" in server["project"]["dependencies"]
    assert server["tool"]["setuptools"]["packages"] == ["service"]  # the stubs are the client's alone
    # No index has sfn-grpc-client: each install names the path beside the server, or pip would look it up.
    makefile = (ROOT / "Makefile").read_text()
    assert re.search(r"^CLIENT := \./generated/python$", makefile, flags=re.MULTILINE)
    venv = re.search(r"^\$\(VENV_STAMP\):.*\n((?:\t.*\n)+)", makefile, flags=re.MULTILINE)
    assert venv is not None
    # The client with its `timeline` extra (matplotlib, for the command line's images) in the dev venv.
    assert re.search(r"pip install .*-c constraints\.txt -e '\$\(CLIENT\)\[timeline\]' -e '\.\[", venv.group(1))
    lock = re.search(r"^lock:.*\n((?:\t.*\n)+)", makefile, flags=re.MULTILINE)
    assert lock is not None
    assert "'$(CLIENT)[timeline]' '.[" in lock.group(1)
    # The client's dependencies have exact versions too.
    pinned = {line.split("==")[0].lower() for line in (ROOT / "constraints.txt").read_text().splitlines()}
    assert _names(client["dependencies"]) <= pinned
    assert _names(client["optional-dependencies"]["timeline"]) <= pinned
