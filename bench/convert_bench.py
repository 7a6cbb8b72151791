"""How fast the converter is, in history events per second, against botocore's own parsing.

Paths measured on one 1,000-event GetExecutionHistory page (512-byte payloads):
- botocore parse: what boto3 spends turning the HTTP body into its dict (the baseline);
- dict -> message: `to_message` on botocore's dict;
- wire JSON -> message: `json.loads` + `to_message`, the path that skips botocore's parser;
- message -> dict: `to_dict`, what a request or a re-read costs;
- serialize: the message to protobuf bytes, as gRPC sends it.
"""

from __future__ import annotations

import json
import statistics
import time
from collections.abc import Callable
from typing import Any

import botocore.parsers
import botocore.session
from sfngrpc.stepfunctions.v1 import history_pb2

from bench.history_fixture import history_page_body
from service.convert import to_dict, to_message

EVENTS = 1000
REPEATS = 15


def _rate(fn: Callable[[], Any], events: int) -> dict[str, float]:
    fn()  # warm up: plans compiled, caches filled
    times = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    median = statistics.median(times)
    return {
        "events_per_second": events / median,
        "median_ms_per_page": median * 1000,
        "best_ms_per_page": min(times) * 1000,
    }


def run() -> dict[str, Any]:
    """Measure every path; return the results keyed by path."""
    body = history_page_body(EVENTS)
    shape = (
        botocore.session.get_session()
        .get_service_model("stepfunctions")
        .operation_model("GetExecutionHistory")
        .output_shape
    )
    parser = botocore.parsers.create_parser("json")

    def botocore_parse() -> dict[str, Any]:
        return parser.parse({"status_code": 200, "headers": {}, "body": body}, shape)  # type: ignore[no-any-return]

    parsed = botocore_parse()
    message = to_message(parsed, history_pb2.GetExecutionHistoryResponse)
    assert to_message(json.loads(body), history_pb2.GetExecutionHistoryResponse) == message
    results = {
        "botocore parse (baseline)": _rate(botocore_parse, EVENTS),
        "dict -> message": _rate(lambda: to_message(parsed, history_pb2.GetExecutionHistoryResponse), EVENTS),
        "wire JSON -> message": _rate(
            lambda: to_message(json.loads(body), history_pb2.GetExecutionHistoryResponse), EVENTS
        ),
        "message -> dict": _rate(lambda: to_dict(message), EVENTS),
        "serialize message": _rate(message.SerializeToString, EVENTS),
    }
    return {"page_events": EVENTS, "page_bytes": len(body), "repeats": REPEATS, "paths": results}
