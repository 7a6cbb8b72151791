"""Fixtures shared by the test modules."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.fake_sfn import FakeStepFunctions


@pytest.fixture
def fake() -> Iterator[FakeStepFunctions]:
    """A fake Step Functions endpoint (AWS JSON 1.0 over HTTP) on 127.0.0.1, for one test."""
    with FakeStepFunctions() as running:
        yield running
