"""An execution's history as a timeline: its states as spans in time, Map iterations and Parallel branches nested.

:func:`build_timeline` is a pure function of the history events (messages of the generated stubs): no
I/O, no clock. Event kinds are read from each event type's AWS spelling (the ``aws_value`` option the
protos carry, e.g. ``"PassStateEntered"``), never from a list of state types, so a new state type of the
model needs no code here.

How events are placed (what AWS and the embedded emulator both do)
    Each event names the event it follows (``previousEventId``). An event belongs to the innermost span
    still open around the event it follows. A state's entry opens a span under that one; its exit closes
    the nearest open state of the same name above the event it follows (a Parallel's exit follows the
    last event of one of its branches). A state entered right inside a Parallel starts a new branch.
    Map iterations name their Map state and index in their details, and their events can follow an event
    of another iteration, so an iteration is found by its Map state's name and its index instead.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from sfngrpc.stepfunctions.v1 import annotations_pb2, history_pb2

__all__ = ["Row", "Span", "Timeline", "build_timeline", "event_type_name"]

_ENTERED = "StateEntered"
_EXITED = "StateExited"
_EXECUTION = "Execution"
_ITERATION = "MapIteration"
# Outcome suffixes of event types (ExecutionSucceeded, TaskFailed, MapIterationAborted, TaskTimedOut, ...).
_OUTCOMES = {"Succeeded": "SUCCEEDED", "Failed": "FAILED", "Aborted": "ABORTED", "TimedOut": "TIMED_OUT"}
_FAILURES = {"FAILED", "ABORTED", "TIMED_OUT"}
RUNNING = "RUNNING"

_TYPE_NAMES: dict[int, str] = {
    value.number: value.GetOptions().Extensions[annotations_pb2.aws_value] or value.name
    for value in history_pb2.HistoryEventType.DESCRIPTOR.values
}


def event_type_name(event_type: int) -> str:
    """The AWS spelling of a history event type (``PassStateEntered``), from the protos' ``aws_value``."""
    return _TYPE_NAMES.get(event_type, f"UnknownEvent{event_type}")


def _outcome(type_name: str) -> str | None:
    return next((status for suffix, status in _OUTCOMES.items() if type_name.endswith(suffix)), None)


@dataclass
class Span:
    """A state, a Parallel branch or a Map iteration, from when it began to when it ended."""

    label: str
    """The state's name, ``branch N`` (from 1) or ``iteration N`` (the Map's index, from 0)."""
    kind: str
    """The state's type as AWS names it (``Pass``, ``Map``, ...), or ``Branch`` / ``Iteration``."""
    start: dt.datetime
    end: dt.datetime | None = None
    """None while it runs (the history has not closed it)."""
    status: str = RUNNING
    """``RUNNING``, ``SUCCEEDED``, ``FAILED``, ``ABORTED`` or ``TIMED_OUT``."""
    index: int | None = None
    """A Map iteration's index."""
    parent: Span | None = field(default=None, repr=False, compare=False)
    children: list[Span] = field(default_factory=list, repr=False)

    @property
    def open(self) -> bool:
        """Whether the span has not ended yet."""
        return self.end is None

    def _close(self, when: dt.datetime, status: str) -> None:
        """End this span and whatever inside it is still open (a branch ends with its Parallel)."""
        for child in self.children:
            if child.open:
                # A branch ends with its last state, when that ended before the Parallel did.
                ends = [c.end for c in child.children]
                done = child.kind == "Branch" and ends and all(e is not None for e in ends)
                child._close(max(e for e in ends if e is not None) if done else when, status)
        self.end = max(when, self.start)
        if self.status == RUNNING or status in _FAILURES:
            self.status = status


@dataclass(frozen=True)
class Row:
    """One line of a drawn timeline: a span and how deep it is nested (0: a top-level state)."""

    span: Span
    depth: int


@dataclass
class Timeline:
    """An execution's spans in time."""

    start: dt.datetime | None
    """When the execution started (the first event's time); None for an empty history."""
    end: dt.datetime | None
    """When it ended; None while it runs."""
    status: str
    """The execution's status as its history tells it (``RUNNING`` until an Execution* outcome event)."""
    last_event: dt.datetime | None
    """The time of the latest event, the right edge of a running execution's chart."""
    spans: list[Span]
    """The top-level states, in the order they were entered; nested spans are their children."""

    def rows(self) -> list[Row]:
        """Every span, depth first, each after its parent: the lines of a chart."""
        out: list[Row] = []

        def walk(spans: list[Span], depth: int) -> None:
            for span in sorted(spans, key=lambda s: (s.start, s.index if s.index is not None else -1)):
                out.append(Row(span, depth))
                walk(span.children, depth + 1)

        walk(self.spans, 0)
        return out


def _details_field(event: history_pb2.HistoryEvent, name: str) -> object | None:
    which = event.WhichOneof("details")
    if which is None:
        return None
    details = getattr(event, which)
    if name not in details.DESCRIPTOR.fields_by_name:
        return None
    if details.DESCRIPTOR.fields_by_name[name].has_presence and not details.HasField(name):
        return None
    value: object = getattr(details, name)
    return value


def build_timeline(events: Iterable[history_pb2.HistoryEvent]) -> Timeline:
    """The timeline of an execution from its history events, in any order (they are sorted by id)."""
    ordered = sorted(events, key=lambda e: e.id)
    root = Span(label="", kind=_EXECUTION, start=dt.datetime.min.replace(tzinfo=dt.UTC))
    owner: dict[int, Span] = {}  # event id -> the span it happened in
    timeline = Timeline(start=None, end=None, status=RUNNING, last_event=None, spans=root.children)

    def around(previous_id: int) -> Span:
        """The innermost open span around the event `previous_id` (the root when unknown)."""
        span: Span | None = owner.get(previous_id, root)
        while span is not None and span is not root and not span.open:
            span = span.parent
        return span or root

    def find_open(start: Span, name: str, kind: str | None = None) -> Span | None:
        """The nearest open state named `name` (of type `kind`) from `start` up."""
        span: Span | None = start
        while span is not None and span is not root:
            named = span.open and span.label == name and span.kind not in ("Branch", "Iteration")
            if named and (kind is None or span.kind == kind):
                return span
            span = span.parent
        return None

    def add(parent: Span, child: Span) -> Span:
        child.parent = parent if parent is not root else None
        parent.children.append(child)
        return child

    for event in ordered:
        when = event.timestamp.ToDatetime(tzinfo=dt.UTC)
        timeline.start = min(timeline.start or when, when)
        timeline.last_event = max(timeline.last_event or when, when)
        type_name = event_type_name(event.type)
        here = around(event.previous_event_id)
        name = _details_field(event, "name")
        outcome = _outcome(type_name)

        if type_name.startswith(_EXECUTION):
            owner[event.id] = root
            if outcome is None:  # ExecutionStarted, or ExecutionRedriven: it runs (again)
                timeline.status, timeline.end = RUNNING, None
                continue
            timeline.status, timeline.end = outcome, when
            for span in root.children:
                if span.open:
                    span._close(when, outcome if outcome in _FAILURES else "SUCCEEDED")
            continue

        if type_name.endswith(_ENTERED) and isinstance(name, str):
            parent = here
            if parent.kind == "Parallel":  # a branch's first state
                number = sum(1 for c in parent.children if c.kind == "Branch") + 1
                parent = add(parent, Span(label=f"branch {number}", kind="Branch", start=when))
            owner[event.id] = add(parent, Span(label=name, kind=type_name[: -len(_ENTERED)], start=when))
            continue

        if type_name.endswith(_EXITED) and isinstance(name, str):
            state = find_open(here, name)
            if state is not None:
                state._close(when, "SUCCEEDED")
            owner[event.id] = state or here
            continue

        if type_name.startswith(_ITERATION) and isinstance(name, str):
            index = _details_field(event, "index")
            index = index if isinstance(index, int) else -1
            map_state = find_open(here, name, "Map") or _find_open_map(root, name)
            if map_state is None:
                owner[event.id] = here
                continue
            iteration = next((c for c in map_state.children if c.kind == "Iteration" and c.index == index), None)
            if iteration is None:
                iteration = add(map_state, Span(label=f"iteration {index}", kind="Iteration", start=when, index=index))
            if outcome is not None:
                iteration._close(when, outcome)
            owner[event.id] = iteration
            continue

        # Anything else (TaskScheduled, MapStateStarted, TaskFailed, ParallelStateSucceeded, ...) happens
        # in the span around it; a failure marks it (a state whose error is caught still failed once).
        owner[event.id] = here
        if outcome in _FAILURES and here is not root:
            here.status = outcome

    # An execution that ended without closing a state (a failure inside it) ends it too.
    if timeline.end is not None:
        for span in root.children:
            if span.open:
                span._close(timeline.end, timeline.status)
    return timeline


def _find_open_map(root: Span, name: str) -> Span | None:
    """An open Map state named `name` anywhere (an iteration's event may follow another iteration's)."""
    stack = list(root.children)
    found: Span | None = None
    while stack:
        span = stack.pop()
        if span.open and span.kind == "Map" and span.label == name and (found is None or span.start > found.start):
            found = span
        stack.extend(span.children)
    return found
