"""The README is a user's document that stays true: its examples run, its tables match the code."""

from __future__ import annotations

import asyncio
import re
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from service.config import SETTINGS
from service.errors import AWS_ERROR_CODES
from service.server import Server
from tests.grpc_helpers import server_config

README = Path(__file__).resolve().parent.parent / "README.md"
TEXT = README.read_text()
EXAMPLES = re.findall(r"```python\n(.*?)```", TEXT, flags=re.DOTALL)


def test_the_two_commands_come_first() -> None:
    first = TEXT.split("\n\n")[1]
    assert first == "On a fresh machine, `make run` sets up and serves, and `make test` sets up and passes every test."


@pytest.fixture(scope="module")
def embedded_server() -> Iterator[int]:
    """A server on the embedded backend, in its own thread and event loop (the examples are sync)."""
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    server = Server(server_config(backend="embedded"))
    asyncio.run_coroutine_threadsafe(server.start(), loop).result(timeout=30)
    try:
        yield server.port
    finally:
        asyncio.run_coroutine_threadsafe(server.stop(), loop).result(timeout=30)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(timeout=10)


@pytest.mark.parametrize("code", EXAMPLES)
def test_readme_example_runs(code: str, embedded_server: int) -> None:
    namespace: dict[str, object] = {}
    exec(compile(code, str(README), "exec"), namespace)
    run_demo = namespace.get("run_demo")
    if callable(run_demo):  # the quick-start client: every event once, in order, in pages of five
        ids = run_demo(f"127.0.0.1:{embedded_server}")
        assert ids == list(range(1, len(ids) + 1))
        assert len(ids) > 10


def test_every_setting_is_documented() -> None:
    for setting in SETTINGS:
        assert f"`{setting.env}`" in TEXT, setting.env
        if not setting.secret:
            assert f"`--{setting.name.replace('_', '-')}`" in TEXT, setting.name


def test_the_error_table_is_complete() -> None:
    rows = dict(re.findall(r"^\| `([A-Z_]+)` \| ([A-Za-z, ]+) \|$", TEXT, flags=re.MULTILINE))
    for aws_code, grpc_code in AWS_ERROR_CODES.items():
        assert aws_code in rows.get(grpc_code.name, "").split(", "), aws_code
