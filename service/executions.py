"""Facts about executions, in one place: which statuses are terminal, which executions are final.

Everything here works on the typed messages (enum numbers), never on AWS spellings.
"""

from __future__ import annotations

from typing import TypeAlias

from sfngrpc.stepfunctions.v1 import executions_pb2, history_pb2

Status: TypeAlias = executions_pb2.ExecutionStatus.ValueType

RUNNING = executions_pb2.EXECUTION_STATUS_RUNNING
PENDING_REDRIVE = executions_pb2.EXECUTION_STATUS_PENDING_REDRIVE
SUCCEEDED = executions_pb2.EXECUTION_STATUS_SUCCEEDED

# Statuses an execution ends in (it may still be redriven out of all but SUCCEEDED).
TERMINAL_STATUSES: frozenset[Status] = frozenset(
    {
        executions_pb2.EXECUTION_STATUS_SUCCEEDED,
        executions_pb2.EXECUTION_STATUS_FAILED,
        executions_pb2.EXECUTION_STATUS_TIMED_OUT,
        executions_pb2.EXECUTION_STATUS_ABORTED,
    }
)
# Statuses of an execution that may still change by itself.
ACTIVE_STATUSES: frozenset[Status] = frozenset({RUNNING, PENDING_REDRIVE})

# The history event that ends an execution, and the status it ends in.
TERMINAL_EVENTS: dict[history_pb2.HistoryEventType.ValueType, Status] = {
    history_pb2.HISTORY_EVENT_TYPE_EXECUTION_SUCCEEDED: executions_pb2.EXECUTION_STATUS_SUCCEEDED,
    history_pb2.HISTORY_EVENT_TYPE_EXECUTION_FAILED: executions_pb2.EXECUTION_STATUS_FAILED,
    history_pb2.HISTORY_EVENT_TYPE_EXECUTION_ABORTED: executions_pb2.EXECUTION_STATUS_ABORTED,
    history_pb2.HISTORY_EVENT_TYPE_EXECUTION_TIMED_OUT: executions_pb2.EXECUTION_STATUS_TIMED_OUT,
}
REDRIVEN_EVENT = history_pb2.HISTORY_EVENT_TYPE_EXECUTION_REDRIVEN


def is_final(description: executions_pb2.DescribeExecutionResponse) -> bool:
    """True when nothing about the execution can change any more (so its history is final too).

    SUCCEEDED is final; another terminal status is final only once AWS says it cannot be redriven.
    """
    if description.status == SUCCEEDED:
        return True
    return (
        description.status in TERMINAL_STATUSES
        and description.redrive_status == executions_pb2.EXECUTION_REDRIVE_STATUS_NOT_REDRIVABLE
    )
