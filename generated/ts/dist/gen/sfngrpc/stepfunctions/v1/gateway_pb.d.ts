import type { GenEnum, GenFile, GenMessage } from "@bufbuild/protobuf/codegenv2";
import type { Duration } from "@bufbuild/protobuf/wkt";
import type { DescribeExecutionResponse, ExecutionListItem, ExecutionStatus } from "./executions_pb.js";
import type { HistoryEvent } from "./history_pb.js";
import type { Message } from "@bufbuild/protobuf";
/**
 * Describes the file sfngrpc/stepfunctions/v1/gateway.proto.
 */
export declare const file_sfngrpc_stepfunctions_v1_gateway: GenFile;
/**
 * Request of StreamExecutionHistory.
 *
 * @generated from message sfngrpc.stepfunctions.v1.StreamExecutionHistoryRequest
 */
export type StreamExecutionHistoryRequest = Message<"sfngrpc.stepfunctions.v1.StreamExecutionHistoryRequest"> & {
    /**
     * The ARN of the execution (a Standard workflow's; Express executions have no history API).
     *
     * @generated from field: string execution_arn = 1;
     */
    executionArn: string;
    /**
     * Newest event first. Cannot be combined with `follow`.
     *
     * @generated from field: bool reverse_order = 2;
     */
    reverseOrder: boolean;
    /**
     * Whether events carry their input and output payloads. Absent means true, as in AWS.
     *
     * @generated from field: optional bool include_execution_data = 3;
     */
    includeExecutionData?: boolean | undefined;
    /**
     * Resume: only events after this one, that is with a greater id (a smaller one in reverse order).
     * 0 streams from the first event (or, in reverse order, from the last).
     *
     * @generated from field: int64 after_event_id = 4;
     */
    afterEventId: bigint;
    /**
     * Keep the stream open while the execution runs and send new events as they appear; the stream
     * ends after the execution's terminal event (a redriven execution is followed through its redrive).
     *
     * @generated from field: bool follow = 5;
     */
    follow: boolean;
    /**
     * Events per upstream GetExecutionHistory call, 1 to 1000; 0 means 1000. Messages are also
     * split so that none exceeds the server's configured response size.
     *
     * @generated from field: int64 page_size = 6;
     */
    pageSize: bigint;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.StreamExecutionHistoryRequest.
 * Use `create(StreamExecutionHistoryRequestSchema)` to create a new message.
 */
export declare const StreamExecutionHistoryRequestSchema: GenMessage<StreamExecutionHistoryRequest>;
/**
 * One batch of events of StreamExecutionHistory, in order, each event exactly once.
 *
 * @generated from message sfngrpc.stepfunctions.v1.StreamExecutionHistoryResponse
 */
export type StreamExecutionHistoryResponse = Message<"sfngrpc.stepfunctions.v1.StreamExecutionHistoryResponse"> & {
    /**
     * The events of this batch (part of one upstream page).
     *
     * @generated from field: repeated sfngrpc.stepfunctions.v1.HistoryEvent events = 1;
     */
    events: HistoryEvent[];
    /**
     * The id of the last event sent so far: pass it as `after_event_id` to resume after a broken stream.
     *
     * @generated from field: int64 last_event_id = 2;
     */
    lastEventId: bigint;
    /**
     * The execution's status when the server knows it (always on the last message of a stream that
     * ends with the execution's terminal event); EXECUTION_STATUS_UNSPECIFIED otherwise.
     *
     * @generated from field: sfngrpc.stepfunctions.v1.ExecutionStatus execution_status = 3;
     */
    executionStatus: ExecutionStatus;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.StreamExecutionHistoryResponse.
 * Use `create(StreamExecutionHistoryResponseSchema)` to create a new message.
 */
export declare const StreamExecutionHistoryResponseSchema: GenMessage<StreamExecutionHistoryResponse>;
/**
 * Request of WaitExecution.
 *
 * @generated from message sfngrpc.stepfunctions.v1.WaitExecutionRequest
 */
export type WaitExecutionRequest = Message<"sfngrpc.stepfunctions.v1.WaitExecutionRequest"> & {
    /**
     * The ARN of the execution to wait for.
     *
     * @generated from field: string execution_arn = 1;
     */
    executionArn: string;
    /**
     * Return after at most this long even if the execution still runs (long polling); unset waits
     * until the caller's deadline, and the server answers shortly before the deadline passes.
     *
     * @generated from field: google.protobuf.Duration max_wait = 2;
     */
    maxWait?: Duration | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.WaitExecutionRequest.
 * Use `create(WaitExecutionRequestSchema)` to create a new message.
 */
export declare const WaitExecutionRequestSchema: GenMessage<WaitExecutionRequest>;
/**
 * Response of WaitExecution.
 *
 * @generated from message sfngrpc.stepfunctions.v1.WaitExecutionResponse
 */
export type WaitExecutionResponse = Message<"sfngrpc.stepfunctions.v1.WaitExecutionResponse"> & {
    /**
     * What DescribeExecution returned last.
     *
     * @generated from field: sfngrpc.stepfunctions.v1.DescribeExecutionResponse execution = 1;
     */
    execution?: DescribeExecutionResponse | undefined;
    /**
     * True when the execution reached a terminal status (SUCCEEDED, FAILED, TIMED_OUT, ABORTED);
     * false when the wait ended first.
     *
     * @generated from field: bool done = 2;
     */
    done: boolean;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.WaitExecutionResponse.
 * Use `create(WaitExecutionResponseSchema)` to create a new message.
 */
export declare const WaitExecutionResponseSchema: GenMessage<WaitExecutionResponse>;
/**
 * Request of WatchExecutions.
 *
 * @generated from message sfngrpc.stepfunctions.v1.WatchExecutionsRequest
 */
export type WatchExecutionsRequest = Message<"sfngrpc.stepfunctions.v1.WatchExecutionsRequest"> & {
    /**
     * The state machine whose executions to watch.
     *
     * @generated from field: string state_machine_arn = 1;
     */
    stateMachineArn: string;
    /**
     * Only executions with this status; unset for every status.
     *
     * @generated from field: optional sfngrpc.stepfunctions.v1.ExecutionStatus status_filter = 2;
     */
    statusFilter?: ExecutionStatus | undefined;
    /**
     * Resume: the `cursor` of the last response the caller processed. Empty starts with a snapshot of
     * the executions as they are now.
     *
     * @generated from field: string resume_cursor = 3;
     */
    resumeCursor: string;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.WatchExecutionsRequest.
 * Use `create(WatchExecutionsRequestSchema)` to create a new message.
 */
export declare const WatchExecutionsRequestSchema: GenMessage<WatchExecutionsRequest>;
/**
 * One change of WatchExecutions.
 *
 * @generated from message sfngrpc.stepfunctions.v1.WatchExecutionsResponse
 */
export type WatchExecutionsResponse = Message<"sfngrpc.stepfunctions.v1.WatchExecutionsResponse"> & {
    /**
     * What happened.
     *
     * @generated from field: sfngrpc.stepfunctions.v1.ExecutionChange change = 1;
     */
    change: ExecutionChange;
    /**
     * The execution as ListExecutions shows it after the change.
     *
     * @generated from field: sfngrpc.stepfunctions.v1.ExecutionListItem execution = 2;
     */
    execution?: ExecutionListItem | undefined;
    /**
     * Its status before the change, for EXECUTION_CHANGE_STATUS_CHANGED.
     *
     * @generated from field: sfngrpc.stepfunctions.v1.ExecutionStatus previous_status = 3;
     */
    previousStatus: ExecutionStatus;
    /**
     * Pass as `resume_cursor` to continue after this change on any replica.
     *
     * @generated from field: string cursor = 4;
     */
    cursor: string;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.WatchExecutionsResponse.
 * Use `create(WatchExecutionsResponseSchema)` to create a new message.
 */
export declare const WatchExecutionsResponseSchema: GenMessage<WatchExecutionsResponse>;
/**
 * What happened to an execution, in WatchExecutions.
 *
 * @generated from enum sfngrpc.stepfunctions.v1.ExecutionChange
 */
export declare enum ExecutionChange {
    /**
     * Not set.
     *
     * @generated from enum value: EXECUTION_CHANGE_UNSPECIFIED = 0;
     */
    UNSPECIFIED = 0,
    /**
     * The execution existed when the watch started (the initial snapshot).
     *
     * @generated from enum value: EXECUTION_CHANGE_EXISTING = 1;
     */
    EXISTING = 1,
    /**
     * The execution started after the watch began (or after the resume cursor).
     *
     * @generated from enum value: EXECUTION_CHANGE_STARTED = 2;
     */
    STARTED = 2,
    /**
     * The execution's status changed (it finished, or was redriven).
     *
     * @generated from enum value: EXECUTION_CHANGE_STATUS_CHANGED = 3;
     */
    STATUS_CHANGED = 3
}
/**
 * Describes the enum sfngrpc.stepfunctions.v1.ExecutionChange.
 */
export declare const ExecutionChangeSchema: GenEnum<ExecutionChange>;
