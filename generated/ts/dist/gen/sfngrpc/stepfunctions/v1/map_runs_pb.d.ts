import type { GenEnum, GenFile, GenMessage } from "@bufbuild/protobuf/codegenv2";
import type { Timestamp } from "@bufbuild/protobuf/wkt";
import type { Message } from "@bufbuild/protobuf";
/**
 * Describes the file sfngrpc/stepfunctions/v1/map_runs.proto.
 */
export declare const file_sfngrpc_stepfunctions_v1_map_runs: GenFile;
/**
 * Request of DescribeMapRun (model shape DescribeMapRunInput).
 *
 * @generated from message sfngrpc.stepfunctions.v1.DescribeMapRunRequest
 */
export type DescribeMapRunRequest = Message<"sfngrpc.stepfunctions.v1.DescribeMapRunRequest"> & {
    /**
     * The Amazon Resource Name (ARN) that identifies a Map Run.
     *
     * Required. Length (characters): 1 to 2000.
     *
     * @generated from field: string map_run_arn = 1;
     */
    mapRunArn: string;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.DescribeMapRunRequest.
 * Use `create(DescribeMapRunRequestSchema)` to create a new message.
 */
export declare const DescribeMapRunRequestSchema: GenMessage<DescribeMapRunRequest>;
/**
 * Response of DescribeMapRun (model shape DescribeMapRunOutput).
 *
 * @generated from message sfngrpc.stepfunctions.v1.DescribeMapRunResponse
 */
export type DescribeMapRunResponse = Message<"sfngrpc.stepfunctions.v1.DescribeMapRunResponse"> & {
    /**
     * The Amazon Resource Name (ARN) that identifies a Map Run.
     *
     * Required. Length (characters): 1 to 2000.
     *
     * @generated from field: string map_run_arn = 1;
     */
    mapRunArn: string;
    /**
     * The Amazon Resource Name (ARN) that identifies the execution in which the Map Run was started.
     *
     * Required. Length (characters): 1 to 256.
     *
     * @generated from field: string execution_arn = 2;
     */
    executionArn: string;
    /**
     * The current status of the Map Run.
     *
     * Required.
     *
     * @generated from field: sfngrpc.stepfunctions.v1.MapRunStatus status = 3;
     */
    status: MapRunStatus;
    /**
     * The date when the Map Run was started.
     *
     * Required.
     *
     * @generated from field: google.protobuf.Timestamp start_date = 4;
     */
    startDate?: Timestamp | undefined;
    /**
     * The date when the Map Run was stopped.
     *
     * @generated from field: google.protobuf.Timestamp stop_date = 5;
     */
    stopDate?: Timestamp | undefined;
    /**
     * The maximum number of child workflow executions configured to run in parallel for the Map Run at
     * the same time.
     *
     * Required. Range: 0 to any.
     *
     * @generated from field: int64 max_concurrency = 6;
     */
    maxConcurrency: bigint;
    /**
     * The maximum percentage of failed child workflow executions before the Map Run fails.
     *
     * Required. Range: 0 to 100.
     *
     * @generated from field: double tolerated_failure_percentage = 7;
     */
    toleratedFailurePercentage: number;
    /**
     * The maximum number of failed child workflow executions before the Map Run fails.
     *
     * Required. Range: 0 to any.
     *
     * @generated from field: int64 tolerated_failure_count = 8;
     */
    toleratedFailureCount: bigint;
    /**
     * A JSON object that contains information about the total number of items, and the item count for
     * each processing status, such as pending and failed.
     *
     * Required.
     *
     * @generated from field: sfngrpc.stepfunctions.v1.MapRunItemCounts item_counts = 9;
     */
    itemCounts?: MapRunItemCounts | undefined;
    /**
     * A JSON object that contains information about the total number of child workflow executions for
     * the Map Run, and the count of child workflow executions for each status, such as failed and
     * succeeded.
     *
     * Required.
     *
     * @generated from field: sfngrpc.stepfunctions.v1.MapRunExecutionCounts execution_counts = 10;
     */
    executionCounts?: MapRunExecutionCounts | undefined;
    /**
     * The number of times you've redriven a Map Run. If you have not yet redriven a Map Run, the
     * redriveCount is 0. This count is only updated if you successfully redrive a Map Run.
     *
     * @generated from field: optional int64 redrive_count = 11;
     */
    redriveCount?: bigint | undefined;
    /**
     * The date a Map Run was last redriven. If you have not yet redriven a Map Run, the redriveDate is
     * null.
     *
     * @generated from field: google.protobuf.Timestamp redrive_date = 12;
     */
    redriveDate?: Timestamp | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.DescribeMapRunResponse.
 * Use `create(DescribeMapRunResponseSchema)` to create a new message.
 */
export declare const DescribeMapRunResponseSchema: GenMessage<DescribeMapRunResponse>;
/**
 * Request of ListMapRuns (model shape ListMapRunsInput).
 *
 * @generated from message sfngrpc.stepfunctions.v1.ListMapRunsRequest
 */
export type ListMapRunsRequest = Message<"sfngrpc.stepfunctions.v1.ListMapRunsRequest"> & {
    /**
     * The Amazon Resource Name (ARN) of the execution for which the Map Runs must be listed.
     *
     * Required. Length (characters): 1 to 256.
     *
     * @generated from field: string execution_arn = 1;
     */
    executionArn: string;
    /**
     * The maximum number of results that are returned per call. You can use nextToken to obtain
     * further pages of results. The default is 100 and the maximum allowed page size is 1000. A value
     * of 0 uses the default.
     *
     * This is only an upper limit. The actual number of results returned per call might be fewer than
     * the specified maximum.
     *
     * Range: 0 to 1000.
     *
     * @generated from field: optional int64 max_results = 2;
     */
    maxResults?: bigint | undefined;
    /**
     * If nextToken is returned, there are more results available. The value of nextToken is a unique
     * pagination token for each page. Make the call again using the returned token to retrieve the
     * next page. Keep all other arguments unchanged. Each pagination token expires after 24 hours.
     * Using an expired pagination token will return an HTTP 400 InvalidToken error.
     *
     * Length (characters): 1 to 1024.
     *
     * @generated from field: optional string next_token = 3;
     */
    nextToken?: string | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.ListMapRunsRequest.
 * Use `create(ListMapRunsRequestSchema)` to create a new message.
 */
export declare const ListMapRunsRequestSchema: GenMessage<ListMapRunsRequest>;
/**
 * Response of ListMapRuns (model shape ListMapRunsOutput).
 *
 * @generated from message sfngrpc.stepfunctions.v1.ListMapRunsResponse
 */
export type ListMapRunsResponse = Message<"sfngrpc.stepfunctions.v1.ListMapRunsResponse"> & {
    /**
     * An array that lists information related to a Map Run, such as the Amazon Resource Name (ARN) of
     * the Map Run and the ARN of the state machine that started the Map Run.
     *
     * Required.
     *
     * @generated from field: repeated sfngrpc.stepfunctions.v1.MapRunListItem map_runs = 1;
     */
    mapRuns: MapRunListItem[];
    /**
     * If nextToken is returned, there are more results available. The value of nextToken is a unique
     * pagination token for each page. Make the call again using the returned token to retrieve the
     * next page. Keep all other arguments unchanged. Each pagination token expires after 24 hours.
     * Using an expired pagination token will return an HTTP 400 InvalidToken error.
     *
     * Length (characters): 1 to 1024.
     *
     * @generated from field: optional string next_token = 2;
     */
    nextToken?: string | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.ListMapRunsResponse.
 * Use `create(ListMapRunsResponseSchema)` to create a new message.
 */
export declare const ListMapRunsResponseSchema: GenMessage<ListMapRunsResponse>;
/**
 * Request of UpdateMapRun (model shape UpdateMapRunInput).
 *
 * @generated from message sfngrpc.stepfunctions.v1.UpdateMapRunRequest
 */
export type UpdateMapRunRequest = Message<"sfngrpc.stepfunctions.v1.UpdateMapRunRequest"> & {
    /**
     * The Amazon Resource Name (ARN) of a Map Run.
     *
     * Required. Length (characters): 1 to 2000.
     *
     * @generated from field: string map_run_arn = 1;
     */
    mapRunArn: string;
    /**
     * The maximum number of child workflow executions that can be specified to run in parallel for the
     * Map Run at the same time.
     *
     * Range: 0 to any.
     *
     * @generated from field: optional int64 max_concurrency = 2;
     */
    maxConcurrency?: bigint | undefined;
    /**
     * The maximum percentage of failed items before the Map Run fails.
     *
     * Range: 0 to 100.
     *
     * @generated from field: optional double tolerated_failure_percentage = 3;
     */
    toleratedFailurePercentage?: number | undefined;
    /**
     * The maximum number of failed items before the Map Run fails.
     *
     * Range: 0 to any.
     *
     * @generated from field: optional int64 tolerated_failure_count = 4;
     */
    toleratedFailureCount?: bigint | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.UpdateMapRunRequest.
 * Use `create(UpdateMapRunRequestSchema)` to create a new message.
 */
export declare const UpdateMapRunRequestSchema: GenMessage<UpdateMapRunRequest>;
/**
 * Response of UpdateMapRun (model shape UpdateMapRunOutput).
 *
 * @generated from message sfngrpc.stepfunctions.v1.UpdateMapRunResponse
 */
export type UpdateMapRunResponse = Message<"sfngrpc.stepfunctions.v1.UpdateMapRunResponse"> & {};
/**
 * Describes the message sfngrpc.stepfunctions.v1.UpdateMapRunResponse.
 * Use `create(UpdateMapRunResponseSchema)` to create a new message.
 */
export declare const UpdateMapRunResponseSchema: GenMessage<UpdateMapRunResponse>;
/**
 * Contains details about all of the child workflow executions started by a Map Run.
 *
 * @generated from message sfngrpc.stepfunctions.v1.MapRunExecutionCounts
 */
export type MapRunExecutionCounts = Message<"sfngrpc.stepfunctions.v1.MapRunExecutionCounts"> & {
    /**
     * The total number of child workflow executions that were started by a Map Run, but haven't
     * started executing yet.
     *
     * Required. Range: 0 to any.
     *
     * @generated from field: int64 pending = 1;
     */
    pending: bigint;
    /**
     * The total number of child workflow executions that were started by a Map Run and are currently
     * in-progress.
     *
     * Required. Range: 0 to any.
     *
     * @generated from field: int64 running = 2;
     */
    running: bigint;
    /**
     * The total number of child workflow executions that were started by a Map Run and have completed
     * successfully.
     *
     * Required. Range: 0 to any.
     *
     * @generated from field: int64 succeeded = 3;
     */
    succeeded: bigint;
    /**
     * The total number of child workflow executions that were started by a Map Run, but have failed.
     *
     * Required. Range: 0 to any.
     *
     * @generated from field: int64 failed = 4;
     */
    failed: bigint;
    /**
     * The total number of child workflow executions that were started by a Map Run and have timed out.
     *
     * Required. Range: 0 to any.
     *
     * @generated from field: int64 timed_out = 5;
     */
    timedOut: bigint;
    /**
     * The total number of child workflow executions that were started by a Map Run and were running,
     * but were either stopped by the user or by Step Functions because the Map Run failed.
     *
     * Required. Range: 0 to any.
     *
     * @generated from field: int64 aborted = 6;
     */
    aborted: bigint;
    /**
     * The total number of child workflow executions that were started by a Map Run.
     *
     * Required. Range: 0 to any.
     *
     * @generated from field: int64 total = 7;
     */
    total: bigint;
    /**
     * Returns the count of child workflow executions whose results were written by ResultWriter. For
     * more information, see ResultWriter
     * (https://docs.aws.amazon.com/step-functions/latest/dg/input-output-resultwriter.html) in the
     * Step Functions Developer Guide.
     *
     * Required. Range: 0 to any.
     *
     * @generated from field: int64 results_written = 8;
     */
    resultsWritten: bigint;
    /**
     * The number of FAILED, ABORTED, or TIMED_OUT child workflow executions that cannot be redriven
     * because their execution status is terminal. For example, child workflows with an execution
     * status of FAILED, ABORTED, or TIMED_OUT and a redriveStatus of NOT_REDRIVABLE.
     *
     * @generated from field: optional int64 failures_not_redrivable = 9;
     */
    failuresNotRedrivable?: bigint | undefined;
    /**
     * The number of unsuccessful child workflow executions currently waiting to be redriven. The
     * status of these child workflow executions could be FAILED, ABORTED, or TIMED_OUT in the original
     * execution attempt or a previous redrive attempt.
     *
     * @generated from field: optional int64 pending_redrive = 10;
     */
    pendingRedrive?: bigint | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.MapRunExecutionCounts.
 * Use `create(MapRunExecutionCountsSchema)` to create a new message.
 */
export declare const MapRunExecutionCountsSchema: GenMessage<MapRunExecutionCounts>;
/**
 * Contains details about items that were processed in all of the child workflow executions that
 * were started by a Map Run.
 *
 * @generated from message sfngrpc.stepfunctions.v1.MapRunItemCounts
 */
export type MapRunItemCounts = Message<"sfngrpc.stepfunctions.v1.MapRunItemCounts"> & {
    /**
     * The total number of items to process in child workflow executions that haven't started running
     * yet.
     *
     * Required. Range: 0 to any.
     *
     * @generated from field: int64 pending = 1;
     */
    pending: bigint;
    /**
     * The total number of items being processed in child workflow executions that are currently
     * in-progress.
     *
     * Required. Range: 0 to any.
     *
     * @generated from field: int64 running = 2;
     */
    running: bigint;
    /**
     * The total number of items processed in child workflow executions that have completed
     * successfully.
     *
     * Required. Range: 0 to any.
     *
     * @generated from field: int64 succeeded = 3;
     */
    succeeded: bigint;
    /**
     * The total number of items processed in child workflow executions that have failed.
     *
     * Required. Range: 0 to any.
     *
     * @generated from field: int64 failed = 4;
     */
    failed: bigint;
    /**
     * The total number of items processed in child workflow executions that have timed out.
     *
     * Required. Range: 0 to any.
     *
     * @generated from field: int64 timed_out = 5;
     */
    timedOut: bigint;
    /**
     * The total number of items processed in child workflow executions that were either stopped by the
     * user or by Step Functions, because the Map Run failed.
     *
     * Required. Range: 0 to any.
     *
     * @generated from field: int64 aborted = 6;
     */
    aborted: bigint;
    /**
     * The total number of items processed in all the child workflow executions started by a Map Run.
     *
     * Required. Range: 0 to any.
     *
     * @generated from field: int64 total = 7;
     */
    total: bigint;
    /**
     * Returns the count of items whose results were written by ResultWriter. For more information, see
     * ResultWriter
     * (https://docs.aws.amazon.com/step-functions/latest/dg/input-output-resultwriter.html) in the
     * Step Functions Developer Guide.
     *
     * Required. Range: 0 to any.
     *
     * @generated from field: int64 results_written = 8;
     */
    resultsWritten: bigint;
    /**
     * The number of FAILED, ABORTED, or TIMED_OUT items in child workflow executions that cannot be
     * redriven because the execution status of those child workflows is terminal. For example, child
     * workflows with an execution status of FAILED, ABORTED, or TIMED_OUT and a redriveStatus of
     * NOT_REDRIVABLE.
     *
     * @generated from field: optional int64 failures_not_redrivable = 9;
     */
    failuresNotRedrivable?: bigint | undefined;
    /**
     * The number of unsuccessful items in child workflow executions currently waiting to be redriven.
     *
     * @generated from field: optional int64 pending_redrive = 10;
     */
    pendingRedrive?: bigint | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.MapRunItemCounts.
 * Use `create(MapRunItemCountsSchema)` to create a new message.
 */
export declare const MapRunItemCountsSchema: GenMessage<MapRunItemCounts>;
/**
 * Contains details about a specific Map Run.
 *
 * @generated from message sfngrpc.stepfunctions.v1.MapRunListItem
 */
export type MapRunListItem = Message<"sfngrpc.stepfunctions.v1.MapRunListItem"> & {
    /**
     * The executionArn of the execution from which the Map Run was started.
     *
     * Required. Length (characters): 1 to 256.
     *
     * @generated from field: string execution_arn = 1;
     */
    executionArn: string;
    /**
     * The Amazon Resource Name (ARN) of the Map Run.
     *
     * Required. Length (characters): 1 to 2000.
     *
     * @generated from field: string map_run_arn = 2;
     */
    mapRunArn: string;
    /**
     * The Amazon Resource Name (ARN) of the executed state machine.
     *
     * Required. Length (characters): 1 to 256.
     *
     * @generated from field: string state_machine_arn = 3;
     */
    stateMachineArn: string;
    /**
     * The date on which the Map Run started.
     *
     * Required.
     *
     * @generated from field: google.protobuf.Timestamp start_date = 4;
     */
    startDate?: Timestamp | undefined;
    /**
     * The date on which the Map Run stopped.
     *
     * @generated from field: google.protobuf.Timestamp stop_date = 5;
     */
    stopDate?: Timestamp | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.MapRunListItem.
 * Use `create(MapRunListItemSchema)` to create a new message.
 */
export declare const MapRunListItemSchema: GenMessage<MapRunListItem>;
/**
 * The values of the model's MapRunStatus.
 *
 * @generated from enum sfngrpc.stepfunctions.v1.MapRunStatus
 */
export declare enum MapRunStatus {
    /**
     * Not set, or a value this version of the API does not know yet.
     *
     * @generated from enum value: MAP_RUN_STATUS_UNSPECIFIED = 0;
     */
    UNSPECIFIED = 0,
    /**
     * @generated from enum value: MAP_RUN_STATUS_RUNNING = 1;
     */
    RUNNING = 1,
    /**
     * @generated from enum value: MAP_RUN_STATUS_SUCCEEDED = 2;
     */
    SUCCEEDED = 2,
    /**
     * @generated from enum value: MAP_RUN_STATUS_FAILED = 3;
     */
    FAILED = 3,
    /**
     * @generated from enum value: MAP_RUN_STATUS_ABORTED = 4;
     */
    ABORTED = 4
}
/**
 * Describes the enum sfngrpc.stepfunctions.v1.MapRunStatus.
 */
export declare const MapRunStatusSchema: GenEnum<MapRunStatus>;
