"""A realistic execution history in AWS's wire JSON, for benchmarks (and nothing else)."""

from __future__ import annotations

import json
from typing import Any

_STATE_TYPES = ["Task", "Pass", "Choice", "Wait", "Map", "Parallel"]


def history_events(count: int, payload_bytes: int = 512) -> list[dict[str, Any]]:
    """`count` events of an execution that runs Lambda tasks in a loop, as AWS sends them."""
    payload = json.dumps({"items": ["x" * 16] * max(1, payload_bytes // 20), "note": "é中😀"})[:payload_bytes]
    events: list[dict[str, Any]] = [
        {
            "timestamp": 1_700_000_000.123,
            "type": "ExecutionStarted",
            "id": 1,
            "previousEventId": 0,
            "executionStartedEventDetails": {
                "input": payload,
                "inputDetails": {"truncated": False},
                "roleArn": "arn:aws:iam::123456789012:role/service-role/StepFunctions-role",
            },
        }
    ]
    cycle = [
        (
            "TaskStateEntered",
            "stateEnteredEventDetails",
            {"name": "Invoke", "input": payload, "inputDetails": {"truncated": False}},
        ),
        (
            "TaskScheduled",
            "taskScheduledEventDetails",
            {
                "resourceType": "lambda",
                "resource": "invoke",
                "region": "us-east-1",
                "parameters": payload,
                "timeoutInSeconds": 60,
            },
        ),
        ("TaskStarted", "taskStartedEventDetails", {"resourceType": "lambda", "resource": "invoke"}),
        (
            "TaskSucceeded",
            "taskSucceededEventDetails",
            {"resourceType": "lambda", "resource": "invoke", "output": payload, "outputDetails": {"truncated": False}},
        ),
        (
            "TaskStateExited",
            "stateExitedEventDetails",
            {"name": "Invoke", "output": payload, "outputDetails": {"truncated": False}},
        ),
    ]
    while len(events) < count:
        event_type, details_key, details = cycle[(len(events) - 1) % len(cycle)]
        event_id = len(events) + 1
        events.append(
            {
                "timestamp": 1_700_000_000.123 + event_id * 0.017,
                "type": event_type,
                "id": event_id,
                "previousEventId": event_id - 1,
                details_key: details,
            }
        )
    return events[:count]


def history_page_body(count: int, payload_bytes: int = 512) -> bytes:
    """A GetExecutionHistory response body with `count` events."""
    return json.dumps({"events": history_events(count, payload_bytes)}, ensure_ascii=False).encode()
