"""The command line's pure parts: events -> timeline, its drawing in text, durations, exit codes, TLS flags."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path
from typing import Any

import grpc
import pytest
from google.protobuf import json_format
from sfngrpc.cli import app
from sfngrpc.cli.draw import MAX_IMAGE_ROWS, draw_image, draw_text
from sfngrpc.cli.output import human_duration
from sfngrpc.cli.timeline import build_timeline, event_type_name
from sfngrpc.stepfunctions.v1 import history_pb2

from tests.certs import CertificateAuthority

DATA = Path(__file__).resolve().parent / "data"
# A real history of the embedded backend's demo (input {"wait": false}), as `sfn-grpc history --json` wrote it.
DEMO_HISTORY = DATA / "demo_history.jsonl"
T0 = dt.datetime(2026, 11, 26, 8, 0, 0, tzinfo=dt.UTC)

_TYPE_VALUES: dict[str, history_pb2.HistoryEventType.ValueType] = {
    event_type_name(v.number): history_pb2.HistoryEventType.ValueType(v.number)
    for v in history_pb2.HistoryEventType.DESCRIPTOR.values
}


def demo_events() -> list[history_pb2.HistoryEvent]:
    lines = DEMO_HISTORY.read_text().splitlines()
    return [json_format.Parse(line, history_pb2.HistoryEvent()) for line in lines]


def event(
    event_id: int, previous: int, type_name: str, ms: int, details: str = "", **fields: Any
) -> history_pb2.HistoryEvent:
    """A history event as AWS would send it: `details` is the AWS member (stateEnteredEventDetails, ...)."""
    message = history_pb2.HistoryEvent(id=event_id, previous_event_id=previous, type=_TYPE_VALUES[type_name])
    message.timestamp.FromDatetime(T0 + dt.timedelta(milliseconds=ms))
    if details:
        json_format.ParseDict({details: fields}, message, ignore_unknown_fields=False)
    return message


def shape(events: list[history_pb2.HistoryEvent]) -> list[tuple[int, str, str, str]]:
    return [(r.depth, r.span.label, r.span.kind, r.span.status) for r in build_timeline(events).rows()]


def test_event_type_names_are_the_aws_spellings_from_the_protos() -> None:
    assert event_type_name(history_pb2.HISTORY_EVENT_TYPE_PASS_STATE_ENTERED) == "PassStateEntered"
    assert event_type_name(history_pb2.HISTORY_EVENT_TYPE_MAP_ITERATION_STARTED) == "MapIterationStarted"
    assert len(_TYPE_VALUES) == len(history_pb2.HistoryEventType.DESCRIPTOR.values)  # every one distinct


def test_the_demo_history_nests_parallel_branches_and_map_iterations_under_their_state() -> None:
    timeline = build_timeline(demo_events())
    assert timeline.status == "SUCCEEDED"
    assert timeline.start is not None
    assert timeline.end is not None
    assert shape(demo_events()) == [
        (0, "ApplyDefaults", "Pass", "SUCCEEDED"),
        (0, "ShouldWait", "Choice", "SUCCEEDED"),
        (0, "FanOut", "Parallel", "SUCCEEDED"),
        (1, "branch 1", "Branch", "SUCCEEDED"),
        (2, "Greet", "Pass", "SUCCEEDED"),
        (1, "branch 2", "Branch", "SUCCEEDED"),
        (2, "CountItems", "Pass", "SUCCEEDED"),
        (0, "ForEachItem", "Map", "SUCCEEDED"),
        (1, "iteration 0", "Iteration", "SUCCEEDED"),
        (2, "Describe", "Pass", "SUCCEEDED"),
        (1, "iteration 1", "Iteration", "SUCCEEDED"),
        (2, "Describe", "Pass", "SUCCEEDED"),
        (1, "iteration 2", "Iteration", "SUCCEEDED"),
        (2, "Describe", "Pass", "SUCCEEDED"),
    ]
    rows = timeline.rows()
    # Every span lies within its parent and within the execution; a branch ends with its last state.
    for row in rows:
        assert row.span.end is not None
        assert timeline.start <= row.span.start <= row.span.end <= timeline.end
        for child in row.span.children:
            assert child.end is not None
            assert row.span.start <= child.start <= child.end <= row.span.end
        if row.span.kind == "Branch":
            assert row.span.end == max(c.end for c in row.span.children if c.end is not None)
    iterations = [r.span for r in rows if r.span.kind == "Iteration"]
    assert [s.index for s in iterations] == [0, 1, 2]
    # In the demo's history, iteration 1's first event follows an event of iteration 0 (moto's worker
    # threads): found by its Map state's name and its index, not by previousEventId.
    by_id = {e.id: e for e in demo_events()}
    starts = [e for e in by_id.values() if event_type_name(e.type) == "MapIterationStarted"]
    assert any(event_type_name(by_id[e.previous_event_id].type) != "MapStateStarted" for e in starts)


def test_events_out_of_order_give_the_same_timeline() -> None:
    events = demo_events()
    shuffled = events[:]
    random.Random(7).shuffle(shuffled)
    assert shuffled != events
    assert shape(shuffled) == shape(events)
    assert build_timeline(shuffled).end == build_timeline(events).end


def test_a_failed_task_is_failed_and_ends_with_the_execution() -> None:
    events = [
        event(1, 0, "ExecutionStarted", 0, "executionStartedEventDetails", input="{}"),
        event(2, 1, "PassStateEntered", 1, "stateEnteredEventDetails", name="Prepare"),
        event(3, 2, "PassStateExited", 3, "stateExitedEventDetails", name="Prepare"),
        event(4, 3, "TaskStateEntered", 4, "stateEnteredEventDetails", name="Charge"),
        event(
            5,
            4,
            "TaskScheduled",
            5,
            "taskScheduledEventDetails",
            resourceType="lambda",
            resource="invoke",
            region="us-east-1",
            parameters="{}",
        ),
        event(6, 5, "TaskStarted", 6, "taskStartedEventDetails", resourceType="lambda", resource="invoke"),
        event(
            7, 6, "TaskFailed", 900, "taskFailedEventDetails", resourceType="lambda", resource="invoke", error="Boom"
        ),
        event(8, 7, "ExecutionFailed", 901, "executionFailedEventDetails", error="Boom"),
    ]
    timeline = build_timeline(events)
    assert timeline.status == "FAILED"
    assert shape(events) == [(0, "Prepare", "Pass", "SUCCEEDED"), (0, "Charge", "Task", "FAILED")]
    charge = timeline.rows()[1].span
    assert charge.end == T0 + dt.timedelta(milliseconds=901)
    text = "\n".join(line.plain for line in draw_text(timeline, 100))
    assert "Execution FAILED after 901 ms" in text
    assert "Charge" in text
    assert "FAILED" in text.splitlines()[2]


def test_a_caught_error_leaves_the_state_failed_and_the_execution_goes_on() -> None:
    events = [
        event(1, 0, "ExecutionStarted", 0, "executionStartedEventDetails", input="{}"),
        event(2, 1, "TaskStateEntered", 1, "stateEnteredEventDetails", name="Try"),
        event(3, 2, "TaskFailed", 5, "taskFailedEventDetails", resourceType="lambda", resource="invoke", error="Boom"),
        event(4, 3, "TaskStateExited", 6, "stateExitedEventDetails", name="Try"),
        event(5, 4, "PassStateEntered", 7, "stateEnteredEventDetails", name="Recover"),
        event(6, 5, "PassStateExited", 8, "stateExitedEventDetails", name="Recover"),
        event(7, 6, "ExecutionSucceeded", 9, "executionSucceededEventDetails", output="{}"),
    ]
    assert shape(events) == [(0, "Try", "Task", "FAILED"), (0, "Recover", "Pass", "SUCCEEDED")]
    assert build_timeline(events).status == "SUCCEEDED"


def test_a_redriven_execution_runs_again_after_its_failure() -> None:
    events = [
        event(1, 0, "ExecutionStarted", 0, "executionStartedEventDetails", input="{}"),
        event(2, 1, "TaskStateEntered", 1, "stateEnteredEventDetails", name="Charge"),
        event(3, 2, "TaskFailed", 5, "taskFailedEventDetails", resourceType="lambda", resource="invoke", error="Boom"),
        event(4, 3, "ExecutionFailed", 6, "executionFailedEventDetails", error="Boom"),
        event(5, 4, "ExecutionRedriven", 1000, "executionRedrivenEventDetails", redriveCount=1),
        event(6, 5, "TaskStateEntered", 1001, "stateEnteredEventDetails", name="Charge"),
    ]
    timeline = build_timeline(events)
    assert (timeline.status, timeline.end) == ("RUNNING", None)
    assert shape(events) == [(0, "Charge", "Task", "FAILED"), (0, "Charge", "Task", "RUNNING")]


def test_a_running_execution_leaves_its_current_state_open_and_draws_it_up_to_now() -> None:
    events = [
        event(1, 0, "ExecutionStarted", 0, "executionStartedEventDetails", input="{}"),
        event(2, 1, "PassStateEntered", 10, "stateEnteredEventDetails", name="First"),
        event(3, 2, "PassStateExited", 20, "stateExitedEventDetails", name="First"),
        event(4, 3, "MapStateEntered", 30, "stateEnteredEventDetails", name="Each"),
        event(5, 4, "MapStateStarted", 31, "mapStateStartedEventDetails", length=2),
        event(6, 5, "MapIterationStarted", 32, "mapIterationStartedEventDetails", name="Each", index=0),
        event(7, 6, "MapIterationFailed", 40, "mapIterationFailedEventDetails", name="Each", index=0),
        event(8, 5, "MapIterationStarted", 41, "mapIterationStartedEventDetails", name="Each", index=1),
        event(9, 8, "WaitStateEntered", 42, "stateEnteredEventDetails", name="Nap"),
    ]
    timeline = build_timeline(events)
    assert timeline.status == "RUNNING"
    assert timeline.end is None
    assert shape(events) == [
        (0, "First", "Pass", "SUCCEEDED"),
        (0, "Each", "Map", "RUNNING"),
        (1, "iteration 0", "Iteration", "FAILED"),
        (1, "iteration 1", "Iteration", "RUNNING"),
        (2, "Nap", "Wait", "RUNNING"),
    ]
    assert [r.span.end is None for r in timeline.rows()] == [False, True, False, True, True]
    now = T0 + dt.timedelta(seconds=1)
    lines = [line.plain for line in draw_text(timeline, 100, now=now)]
    assert lines[-1] == "Execution RUNNING, 1.00 s so far"
    nap = next(line for line in lines if "Nap" in line)
    first = next(line for line in lines if "First" in line)
    assert nap.endswith("█")
    assert len(nap) == 100  # up to the right edge: it runs until now
    assert len(first.rstrip()) < len(nap.rstrip())


def test_the_text_drawing_fits_the_width_and_aligns_its_columns() -> None:
    timeline = build_timeline(demo_events())
    for width in (80, 120, 200):
        lines = [line.plain for line in draw_text(timeline, width)]
        assert max(len(line) for line in lines) <= width
        header = lines[0]
        bar_column = header.index("TIME")
        for line in lines[1:-2]:
            assert line[bar_column - 2 : bar_column] == "  "  # the bars start in one column
            assert set(line[bar_column:]) <= set(" █▏▎▍▌▋▊▉")
        # The Map starts after the Parallel ended: its bar starts further right.
        fan_out = next(line for line in lines if line.startswith("FanOut"))
        for_each = next(line for line in lines if line.startswith("ForEachItem"))
        assert for_each.index("█") > fan_out.index("█")


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (0.0004, "0 ms"),
        (0.25, "250 ms"),
        (2.046, "2.05 s"),
        (42.0, "42.0 s"),
        (184, "3 min 4 s"),
        (7500, "2 h 5 min"),
        (3 * 86400 + 4 * 3600, "3 d 4 h"),
    ],
)
def test_human_durations(seconds: float, text: str) -> None:
    assert human_duration(seconds) == text


def test_exit_codes_follow_the_grpc_status_like_grpcurl() -> None:
    assert app.exit_code(grpc.StatusCode.OK) == 0
    assert app.exit_code(grpc.StatusCode.NOT_FOUND) == 64 + 5
    assert app.exit_code(grpc.StatusCode.INVALID_ARGUMENT) == 64 + 3
    assert app.exit_code(grpc.StatusCode.UNAVAILABLE) == 64 + 14
    assert "69 NOT_FOUND" in app.EXIT_CODES_HELP


def test_tls_flags_build_credentials_and_no_flag_is_plaintext(tmp_path: Path) -> None:
    assert app.build_credentials(None, None, None) is None
    authority = CertificateAuthority()
    client = authority.client(uri="spiffe://example.org/cli")
    pem, cert, key = tmp_path / "ca.pem", tmp_path / "client.pem", tmp_path / "client.key"
    pem.write_bytes(authority.pem)
    cert.write_bytes(client.cert)
    key.write_bytes(client.key)
    assert isinstance(app.build_credentials(str(pem), None, None), grpc.ChannelCredentials)
    assert isinstance(app.build_credentials(str(pem), str(cert), str(key)), grpc.ChannelCredentials)
    # Checked before any handshake: a CA file that holds no certificate, a key that is not the certificate's.
    bogus = tmp_path / "bogus.pem"
    bogus.write_text("-----BEGIN CERTIFICATE-----\nnot a certificate\n-----END CERTIFICATE-----\n")
    with pytest.raises(app.LocalError, match="--tls-ca-file"):
        app.build_credentials(str(bogus), None, None)
    with pytest.raises(app.LocalError, match="not a PEM certificate and its"):
        app.build_credentials(str(pem), str(cert), str(pem))
    with pytest.raises(app.LocalError, match="go together"):
        app.build_credentials(None, str(pem), None)
    with pytest.raises(app.LocalError, match="cannot read"):
        app.build_credentials(str(tmp_path / "missing.pem"), None, None)


def test_an_image_of_a_failed_running_and_huge_execution_is_bounded_and_says_what_it_left_out(tmp_path: Path) -> None:
    import xml.etree.ElementTree as ET

    from PIL import Image

    iterations = MAX_IMAGE_ROWS  # 1 + 2 rows each: far over the bound
    events = [
        event(1, 0, "ExecutionStarted", 0, "executionStartedEventDetails", input="{}"),
        event(2, 1, "MapStateEntered", 1, "stateEnteredEventDetails", name="Each"),
        event(3, 2, "MapStateStarted", 2, "mapStateStartedEventDetails", length=iterations),
    ]
    for index in range(iterations):
        first = 4 + 3 * index
        events += [
            event(
                first, 3, "MapIterationStarted", 3 + index, "mapIterationStartedEventDetails", name="Each", index=index
            ),
            event(first + 1, first, "TaskStateEntered", 3 + index, "stateEnteredEventDetails", name="Work"),
            event(
                first + 2, first + 1, "TaskFailed", 4 + index, "taskFailedEventDetails", resource="r", resourceType="t"
            ),
        ]
    timeline = build_timeline(events)
    assert len(timeline.rows()) == 1 + 2 * iterations
    png, svg = tmp_path / "t.png", tmp_path / "t.svg"
    now = T0 + dt.timedelta(seconds=2)
    draw_image(timeline, png, "huge", now=now)
    draw_image(timeline, svg, "huge", now=now)
    with Image.open(png) as image:
        assert image.height < 0.3 * 100 * (MAX_IMAGE_ROWS + 10)
    texts = "".join(ET.parse(svg).getroot().itertext())
    assert f"huge: RUNNING, 2.00 s (the first {MAX_IMAGE_ROWS} of {1 + 2 * iterations} rows)" in texts
    assert "failed" in texts  # the legend names the red of failed states
