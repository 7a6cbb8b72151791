"""Events go into StreamExecutionHistory responses in runs (service/history_stream.py `messages`),
not one by one: the responses must say exactly what the event-by-event reading said (the same
events, each once and in order, the same `last_event_id` and `execution_status` after each event)
and keep to the size limits, whatever the order, resume point, sizes and status changes."""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import given, settings
from hypothesis import strategies as st
from sfngrpc.stepfunctions.v1 import executions_pb2, gateway_pb2, history_pb2

from service.history import Frames
from service.history_stream import _Progress, messages

E = history_pb2
TYPES = [
    E.HISTORY_EVENT_TYPE_PASS_STATE_ENTERED,
    E.HISTORY_EVENT_TYPE_TASK_SUCCEEDED,
    E.HISTORY_EVENT_TYPE_EXECUTION_FAILED,
    E.HISTORY_EVENT_TYPE_EXECUTION_REDRIVEN,
    E.HISTORY_EVENT_TYPE_EXECUTION_SUCCEEDED,
    E.HISTORY_EVENT_TYPE_EXECUTION_TIMED_OUT,
]
TERMINAL = {
    E.HISTORY_EVENT_TYPE_EXECUTION_SUCCEEDED: executions_pb2.EXECUTION_STATUS_SUCCEEDED,
    E.HISTORY_EVENT_TYPE_EXECUTION_FAILED: executions_pb2.EXECUTION_STATUS_FAILED,
    E.HISTORY_EVENT_TYPE_EXECUTION_ABORTED: executions_pb2.EXECUTION_STATUS_ABORTED,
    E.HISTORY_EVENT_TYPE_EXECUTION_TIMED_OUT: executions_pb2.EXECUTION_STATUS_TIMED_OUT,
}


def event(ident: int, kind: history_pb2.HistoryEventType.ValueType, size: int) -> history_pb2.HistoryEvent:
    return history_pb2.HistoryEvent(
        id=ident,
        type=kind,
        state_entered_event_details=history_pb2.StateEnteredEventDetails(name="s", input="x" * size),
    )


@dataclass
class Reference:
    """The event-by-event reading the runs replaced (service/history_stream.py before it)."""

    after: int
    reverse: bool
    status: int
    last_id: int = 0
    terminal_seen: bool = False

    def __post_init__(self) -> None:
        self.last_id = self.after

    def read(self, events: list[history_pb2.HistoryEvent]) -> list[tuple[int, int, int, bool]]:
        """(id, last_event_id, status, terminal_seen) after each event sent."""
        sent = []
        for e in events:
            wanted = (self.after == 0 or e.id < self.after) if self.reverse else e.id > self.last_id
            if not wanted:
                continue
            if self.reverse:
                self.after = e.id
            self.last_id = e.id
            if e.type in TERMINAL:
                self.terminal_seen, self.status = True, TERMINAL[e.type]
            elif e.type == E.HISTORY_EVENT_TYPE_EXECUTION_REDRIVEN:
                self.terminal_seen, self.status = False, executions_pb2.EXECUTION_STATUS_RUNNING
            sent.append((e.id, self.last_id, self.status, self.terminal_seen))
        return sent


@st.composite
def readings(draw: st.DrawFn) -> tuple[list[list[history_pb2.HistoryEvent]], int, bool, int, int]:
    count = draw(st.integers(0, 3_000))
    reverse = draw(st.booleans())
    ids = list(range(1, count + 1))
    if reverse:
        ids.reverse()
    if draw(st.integers(0, 9)) == 0 and ids:  # rarely: out of order or repeated (no AWS answer is)
        ids = draw(st.lists(st.sampled_from(ids), min_size=1, max_size=60))
    big = draw(st.sampled_from([0, 40, 2_000]))  # typical, or large payloads that split pages by size
    events = [
        event(i, draw(st.sampled_from(TYPES)) if draw(st.integers(0, 40)) == 0 else TYPES[0], big or 20) for i in ids
    ]
    cuts = sorted(draw(st.lists(st.integers(0, len(events)), max_size=4)))
    batches = [events[a:b] for a, b in zip([0, *cuts], [*cuts, len(events)], strict=True)]
    after = draw(st.sampled_from([0, 0, 1, count // 2, count, count + 5]))
    limit = draw(st.sampled_from([4_128_768, 60_000, 5_000, 100]))
    return batches, after, reverse, draw(st.sampled_from([0, 1, 4])), limit


@settings(max_examples=150, deadline=None)
@given(readings())
def test_runs_send_what_the_event_by_event_reading_sent(
    reading: tuple[list[list[history_pb2.HistoryEvent]], int, bool, executions_pb2.ExecutionStatus.ValueType, int],
) -> None:
    batches, after, reverse, status, limit = reading
    progress = _Progress(after, reverse)
    progress.status = status  # as DescribeExecution said
    reference = Reference(after, reverse, status)
    for batch in batches:
        expected = reference.read(batch)
        sent = [
            gateway_pb2.StreamExecutionHistoryResponse.FromString(m)
            for m in messages(frames_of(batch), progress, limit)
        ]
        got = [e.id for m in sent for e in m.events]
        assert got == [ident for ident, *_ in expected]
        # Each response tells where the reading was after its last event.
        ends = {ident: (last, state) for ident, last, state, _ in expected}
        for m in sent:
            assert m.events, "no empty responses"
            assert (m.last_event_id, m.execution_status) == ends[m.events[-1].id]
            assert m.ByteSize() <= limit or len(m.events) == 1
        assert (progress.last_id, progress.status, progress.terminal_seen) == (
            reference.last_id,
            reference.status,
            reference.terminal_seen,
        )
        if reverse:
            assert progress.after == reference.after


def test_the_first_response_is_small_and_the_rest_are_pages() -> None:
    events = [event(i, TYPES[0], 500) for i in range(1, 2_501)]
    sent = [
        gateway_pb2.StreamExecutionHistoryResponse.FromString(m)
        for m in messages(frames_of(events), _Progress(0, False), 4 * 1024 * 1024)
    ]
    assert sent[0].ByteSize() <= 32 * 1024
    assert [len(m.events) for m in sent[1:]] == [1000, 1000, 2500 - 1000 * 2 - len(sent[0].events)]


def frames_of(events: list[history_pb2.HistoryEvent]) -> Frames:
    return Frames.of(history_pb2.GetExecutionHistoryResponse(events=events))


def test_frames_are_the_serialized_events_and_slice_exactly() -> None:
    events = [event(i, TYPES[i % len(TYPES)], size) for i, size in enumerate([0, 5, 200, 70_000, 3], start=1)]
    frames = frames_of(events)
    assert frames.ids == [1, 2, 3, 4, 5]
    assert frames.nbytes == history_pb2.GetExecutionHistoryResponse(events=events).ByteSize()
    for start in range(5):
        for stop in range(start, 6):
            again = history_pb2.GetExecutionHistoryResponse.FromString(bytes(frames.slice(start, stop)))
            assert list(again.events) == events[start:stop]
    backwards = Frames.gather([(frames, range(4, -1, -1))])
    assert [e.id for e in history_pb2.GetExecutionHistoryResponse.FromString(backwards.data).events] == [5, 4, 3, 2, 1]
    assert backwards.ids == [5, 4, 3, 2, 1]
