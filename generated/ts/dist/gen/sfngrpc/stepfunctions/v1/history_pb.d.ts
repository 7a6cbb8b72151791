import type { GenEnum, GenFile, GenMessage } from "@bufbuild/protobuf/codegenv2";
import type { Timestamp } from "@bufbuild/protobuf/wkt";
import type { Message } from "@bufbuild/protobuf";
/**
 * Describes the file sfngrpc/stepfunctions/v1/history.proto.
 */
export declare const file_sfngrpc_stepfunctions_v1_history: GenFile;
/**
 * Request of GetExecutionHistory (model shape GetExecutionHistoryInput).
 *
 * @generated from message sfngrpc.stepfunctions.v1.GetExecutionHistoryRequest
 */
export type GetExecutionHistoryRequest = Message<"sfngrpc.stepfunctions.v1.GetExecutionHistoryRequest"> & {
    /**
     * The Amazon Resource Name (ARN) of the execution.
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
     * Lists events in descending order of their timeStamp.
     *
     * @generated from field: optional bool reverse_order = 3;
     */
    reverseOrder?: boolean | undefined;
    /**
     * If nextToken is returned, there are more results available. The value of nextToken is a unique
     * pagination token for each page. Make the call again using the returned token to retrieve the
     * next page. Keep all other arguments unchanged. Each pagination token expires after 24 hours.
     * Using an expired pagination token will return an HTTP 400 InvalidToken error.
     *
     * Length (characters): 1 to 1024.
     *
     * @generated from field: optional string next_token = 4;
     */
    nextToken?: string | undefined;
    /**
     * You can select whether execution data (input or output of a history event) is returned. The
     * default is true.
     *
     * @generated from field: optional bool include_execution_data = 5;
     */
    includeExecutionData?: boolean | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.GetExecutionHistoryRequest.
 * Use `create(GetExecutionHistoryRequestSchema)` to create a new message.
 */
export declare const GetExecutionHistoryRequestSchema: GenMessage<GetExecutionHistoryRequest>;
/**
 * Response of GetExecutionHistory (model shape GetExecutionHistoryOutput).
 *
 * @generated from message sfngrpc.stepfunctions.v1.GetExecutionHistoryResponse
 */
export type GetExecutionHistoryResponse = Message<"sfngrpc.stepfunctions.v1.GetExecutionHistoryResponse"> & {
    /**
     * The list of events that occurred in the execution.
     *
     * Required.
     *
     * @generated from field: repeated sfngrpc.stepfunctions.v1.HistoryEvent events = 1;
     */
    events: HistoryEvent[];
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
 * Describes the message sfngrpc.stepfunctions.v1.GetExecutionHistoryResponse.
 * Use `create(GetExecutionHistoryResponseSchema)` to create a new message.
 */
export declare const GetExecutionHistoryResponseSchema: GenMessage<GetExecutionHistoryResponse>;
/**
 * Contains details about the events of an execution.
 *
 * @generated from message sfngrpc.stepfunctions.v1.HistoryEvent
 */
export type HistoryEvent = Message<"sfngrpc.stepfunctions.v1.HistoryEvent"> & {
    /**
     * The date and time the event occurred, expressed in seconds and fractional milliseconds since the
     * Unix epoch, which is defined as January 1, 1970, at 00:00:00 Coordinated Universal Time (UTC).
     *
     * Required.
     *
     * @generated from field: google.protobuf.Timestamp timestamp = 1;
     */
    timestamp?: Timestamp | undefined;
    /**
     * The type of the event.
     *
     * Required.
     *
     * @generated from field: sfngrpc.stepfunctions.v1.HistoryEventType type = 2;
     */
    type: HistoryEventType;
    /**
     * The id of the event. Events are numbered sequentially, starting at one.
     *
     * Required.
     *
     * @generated from field: int64 id = 3;
     */
    id: bigint;
    /**
     * The id of the previous event.
     *
     * @generated from field: optional int64 previous_event_id = 4;
     */
    previousEventId?: bigint | undefined;
    /**
     * The event's details: at most one member is set, the one that matches `type` (some
     * event types carry no details).
     *
     * @generated from oneof sfngrpc.stepfunctions.v1.HistoryEvent.details
     */
    details: {
        /**
         * Contains details about an activity that failed during an execution.
         *
         * @generated from field: sfngrpc.stepfunctions.v1.ActivityFailedEventDetails activity_failed_event_details = 5;
         */
        value: ActivityFailedEventDetails;
        case: "activityFailedEventDetails";
    } | {
        /**
         * Contains details about an activity schedule event that failed during an execution.
         *
         * @generated from field: sfngrpc.stepfunctions.v1.ActivityScheduleFailedEventDetails activity_schedule_failed_event_details = 6;
         */
        value: ActivityScheduleFailedEventDetails;
        case: "activityScheduleFailedEventDetails";
    } | {
        /**
         * Contains details about an activity scheduled during an execution.
         *
         * @generated from field: sfngrpc.stepfunctions.v1.ActivityScheduledEventDetails activity_scheduled_event_details = 7;
         */
        value: ActivityScheduledEventDetails;
        case: "activityScheduledEventDetails";
    } | {
        /**
         * Contains details about the start of an activity during an execution.
         *
         * @generated from field: sfngrpc.stepfunctions.v1.ActivityStartedEventDetails activity_started_event_details = 8;
         */
        value: ActivityStartedEventDetails;
        case: "activityStartedEventDetails";
    } | {
        /**
         * Contains details about an activity that successfully terminated during an execution.
         *
         * @generated from field: sfngrpc.stepfunctions.v1.ActivitySucceededEventDetails activity_succeeded_event_details = 9;
         */
        value: ActivitySucceededEventDetails;
        case: "activitySucceededEventDetails";
    } | {
        /**
         * Contains details about an activity timeout that occurred during an execution.
         *
         * @generated from field: sfngrpc.stepfunctions.v1.ActivityTimedOutEventDetails activity_timed_out_event_details = 10;
         */
        value: ActivityTimedOutEventDetails;
        case: "activityTimedOutEventDetails";
    } | {
        /**
         * Contains details about the failure of a task.
         *
         * @generated from field: sfngrpc.stepfunctions.v1.TaskFailedEventDetails task_failed_event_details = 11;
         */
        value: TaskFailedEventDetails;
        case: "taskFailedEventDetails";
    } | {
        /**
         * Contains details about a task that was scheduled.
         *
         * @generated from field: sfngrpc.stepfunctions.v1.TaskScheduledEventDetails task_scheduled_event_details = 12;
         */
        value: TaskScheduledEventDetails;
        case: "taskScheduledEventDetails";
    } | {
        /**
         * Contains details about a task that failed to start.
         *
         * @generated from field: sfngrpc.stepfunctions.v1.TaskStartFailedEventDetails task_start_failed_event_details = 13;
         */
        value: TaskStartFailedEventDetails;
        case: "taskStartFailedEventDetails";
    } | {
        /**
         * Contains details about a task that was started.
         *
         * @generated from field: sfngrpc.stepfunctions.v1.TaskStartedEventDetails task_started_event_details = 14;
         */
        value: TaskStartedEventDetails;
        case: "taskStartedEventDetails";
    } | {
        /**
         * Contains details about a task that where the submit failed.
         *
         * @generated from field: sfngrpc.stepfunctions.v1.TaskSubmitFailedEventDetails task_submit_failed_event_details = 15;
         */
        value: TaskSubmitFailedEventDetails;
        case: "taskSubmitFailedEventDetails";
    } | {
        /**
         * Contains details about a submitted task.
         *
         * @generated from field: sfngrpc.stepfunctions.v1.TaskSubmittedEventDetails task_submitted_event_details = 16;
         */
        value: TaskSubmittedEventDetails;
        case: "taskSubmittedEventDetails";
    } | {
        /**
         * Contains details about a task that succeeded.
         *
         * @generated from field: sfngrpc.stepfunctions.v1.TaskSucceededEventDetails task_succeeded_event_details = 17;
         */
        value: TaskSucceededEventDetails;
        case: "taskSucceededEventDetails";
    } | {
        /**
         * Contains details about a task that timed out.
         *
         * @generated from field: sfngrpc.stepfunctions.v1.TaskTimedOutEventDetails task_timed_out_event_details = 18;
         */
        value: TaskTimedOutEventDetails;
        case: "taskTimedOutEventDetails";
    } | {
        /**
         * Contains details about an execution failure event.
         *
         * @generated from field: sfngrpc.stepfunctions.v1.ExecutionFailedEventDetails execution_failed_event_details = 19;
         */
        value: ExecutionFailedEventDetails;
        case: "executionFailedEventDetails";
    } | {
        /**
         * Contains details about the start of the execution.
         *
         * @generated from field: sfngrpc.stepfunctions.v1.ExecutionStartedEventDetails execution_started_event_details = 20;
         */
        value: ExecutionStartedEventDetails;
        case: "executionStartedEventDetails";
    } | {
        /**
         * Contains details about the successful termination of the execution.
         *
         * @generated from field: sfngrpc.stepfunctions.v1.ExecutionSucceededEventDetails execution_succeeded_event_details = 21;
         */
        value: ExecutionSucceededEventDetails;
        case: "executionSucceededEventDetails";
    } | {
        /**
         * Contains details about an abort of an execution.
         *
         * @generated from field: sfngrpc.stepfunctions.v1.ExecutionAbortedEventDetails execution_aborted_event_details = 22;
         */
        value: ExecutionAbortedEventDetails;
        case: "executionAbortedEventDetails";
    } | {
        /**
         * Contains details about the execution timeout that occurred during the execution.
         *
         * @generated from field: sfngrpc.stepfunctions.v1.ExecutionTimedOutEventDetails execution_timed_out_event_details = 23;
         */
        value: ExecutionTimedOutEventDetails;
        case: "executionTimedOutEventDetails";
    } | {
        /**
         * Contains details about the redrive attempt of an execution.
         *
         * @generated from field: sfngrpc.stepfunctions.v1.ExecutionRedrivenEventDetails execution_redriven_event_details = 24;
         */
        value: ExecutionRedrivenEventDetails;
        case: "executionRedrivenEventDetails";
    } | {
        /**
         * Contains details about Map state that was started.
         *
         * @generated from field: sfngrpc.stepfunctions.v1.MapStateStartedEventDetails map_state_started_event_details = 25;
         */
        value: MapStateStartedEventDetails;
        case: "mapStateStartedEventDetails";
    } | {
        /**
         * Contains details about an iteration of a Map state that was started.
         *
         * @generated from field: sfngrpc.stepfunctions.v1.MapIterationEventDetails map_iteration_started_event_details = 26;
         */
        value: MapIterationEventDetails;
        case: "mapIterationStartedEventDetails";
    } | {
        /**
         * Contains details about an iteration of a Map state that succeeded.
         *
         * @generated from field: sfngrpc.stepfunctions.v1.MapIterationEventDetails map_iteration_succeeded_event_details = 27;
         */
        value: MapIterationEventDetails;
        case: "mapIterationSucceededEventDetails";
    } | {
        /**
         * Contains details about an iteration of a Map state that failed.
         *
         * @generated from field: sfngrpc.stepfunctions.v1.MapIterationEventDetails map_iteration_failed_event_details = 28;
         */
        value: MapIterationEventDetails;
        case: "mapIterationFailedEventDetails";
    } | {
        /**
         * Contains details about an iteration of a Map state that was aborted.
         *
         * @generated from field: sfngrpc.stepfunctions.v1.MapIterationEventDetails map_iteration_aborted_event_details = 29;
         */
        value: MapIterationEventDetails;
        case: "mapIterationAbortedEventDetails";
    } | {
        /**
         * Contains details about a Lambda function that failed during an execution.
         *
         * @generated from field: sfngrpc.stepfunctions.v1.LambdaFunctionFailedEventDetails lambda_function_failed_event_details = 30;
         */
        value: LambdaFunctionFailedEventDetails;
        case: "lambdaFunctionFailedEventDetails";
    } | {
        /**
         * Contains details about a failed Lambda function schedule event that occurred during an
         * execution.
         *
         * @generated from field: sfngrpc.stepfunctions.v1.LambdaFunctionScheduleFailedEventDetails lambda_function_schedule_failed_event_details = 31;
         */
        value: LambdaFunctionScheduleFailedEventDetails;
        case: "lambdaFunctionScheduleFailedEventDetails";
    } | {
        /**
         * Contains details about a Lambda function scheduled during an execution.
         *
         * @generated from field: sfngrpc.stepfunctions.v1.LambdaFunctionScheduledEventDetails lambda_function_scheduled_event_details = 32;
         */
        value: LambdaFunctionScheduledEventDetails;
        case: "lambdaFunctionScheduledEventDetails";
    } | {
        /**
         * Contains details about a lambda function that failed to start during an execution.
         *
         * @generated from field: sfngrpc.stepfunctions.v1.LambdaFunctionStartFailedEventDetails lambda_function_start_failed_event_details = 33;
         */
        value: LambdaFunctionStartFailedEventDetails;
        case: "lambdaFunctionStartFailedEventDetails";
    } | {
        /**
         * Contains details about a Lambda function that terminated successfully during an execution.
         *
         * @generated from field: sfngrpc.stepfunctions.v1.LambdaFunctionSucceededEventDetails lambda_function_succeeded_event_details = 34;
         */
        value: LambdaFunctionSucceededEventDetails;
        case: "lambdaFunctionSucceededEventDetails";
    } | {
        /**
         * Contains details about a Lambda function timeout that occurred during an execution.
         *
         * @generated from field: sfngrpc.stepfunctions.v1.LambdaFunctionTimedOutEventDetails lambda_function_timed_out_event_details = 35;
         */
        value: LambdaFunctionTimedOutEventDetails;
        case: "lambdaFunctionTimedOutEventDetails";
    } | {
        /**
         * Contains details about a state entered during an execution.
         *
         * @generated from field: sfngrpc.stepfunctions.v1.StateEnteredEventDetails state_entered_event_details = 36;
         */
        value: StateEnteredEventDetails;
        case: "stateEnteredEventDetails";
    } | {
        /**
         * Contains details about an exit from a state during an execution.
         *
         * @generated from field: sfngrpc.stepfunctions.v1.StateExitedEventDetails state_exited_event_details = 37;
         */
        value: StateExitedEventDetails;
        case: "stateExitedEventDetails";
    } | {
        /**
         * Contains details, such as mapRunArn, and the start date and time of a Map Run. mapRunArn is the
         * Amazon Resource Name (ARN) of the Map Run that was started.
         *
         * @generated from field: sfngrpc.stepfunctions.v1.MapRunStartedEventDetails map_run_started_event_details = 38;
         */
        value: MapRunStartedEventDetails;
        case: "mapRunStartedEventDetails";
    } | {
        /**
         * Contains error and cause details about a Map Run that failed.
         *
         * @generated from field: sfngrpc.stepfunctions.v1.MapRunFailedEventDetails map_run_failed_event_details = 39;
         */
        value: MapRunFailedEventDetails;
        case: "mapRunFailedEventDetails";
    } | {
        /**
         * Contains details about the redrive attempt of a Map Run.
         *
         * @generated from field: sfngrpc.stepfunctions.v1.MapRunRedrivenEventDetails map_run_redriven_event_details = 40;
         */
        value: MapRunRedrivenEventDetails;
        case: "mapRunRedrivenEventDetails";
    } | {
        /**
         * Contains details about an evaluation failure that occurred while processing a state.
         *
         * @generated from field: sfngrpc.stepfunctions.v1.EvaluationFailedEventDetails evaluation_failed_event_details = 41;
         */
        value: EvaluationFailedEventDetails;
        case: "evaluationFailedEventDetails";
    } | {
        case: undefined;
        value?: undefined;
    };
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.HistoryEvent.
 * Use `create(HistoryEventSchema)` to create a new message.
 */
export declare const HistoryEventSchema: GenMessage<HistoryEvent>;
/**
 * Contains details about an activity that failed during an execution.
 *
 * @generated from message sfngrpc.stepfunctions.v1.ActivityFailedEventDetails
 */
export type ActivityFailedEventDetails = Message<"sfngrpc.stepfunctions.v1.ActivityFailedEventDetails"> & {
    /**
     * The error code of the failure.
     *
     * Length (characters): 0 to 256. Sensitive: never logged.
     *
     * @generated from field: optional string error = 1;
     */
    error?: string | undefined;
    /**
     * A more detailed explanation of the cause of the failure.
     *
     * Length (characters): 0 to 32768. Sensitive: never logged.
     *
     * @generated from field: optional string cause = 2;
     */
    cause?: string | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.ActivityFailedEventDetails.
 * Use `create(ActivityFailedEventDetailsSchema)` to create a new message.
 */
export declare const ActivityFailedEventDetailsSchema: GenMessage<ActivityFailedEventDetails>;
/**
 * Contains details about an activity schedule failure that occurred during an execution.
 *
 * @generated from message sfngrpc.stepfunctions.v1.ActivityScheduleFailedEventDetails
 */
export type ActivityScheduleFailedEventDetails = Message<"sfngrpc.stepfunctions.v1.ActivityScheduleFailedEventDetails"> & {
    /**
     * The error code of the failure.
     *
     * Length (characters): 0 to 256. Sensitive: never logged.
     *
     * @generated from field: optional string error = 1;
     */
    error?: string | undefined;
    /**
     * A more detailed explanation of the cause of the failure.
     *
     * Length (characters): 0 to 32768. Sensitive: never logged.
     *
     * @generated from field: optional string cause = 2;
     */
    cause?: string | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.ActivityScheduleFailedEventDetails.
 * Use `create(ActivityScheduleFailedEventDetailsSchema)` to create a new message.
 */
export declare const ActivityScheduleFailedEventDetailsSchema: GenMessage<ActivityScheduleFailedEventDetails>;
/**
 * Contains details about an activity scheduled during an execution.
 *
 * @generated from message sfngrpc.stepfunctions.v1.ActivityScheduledEventDetails
 */
export type ActivityScheduledEventDetails = Message<"sfngrpc.stepfunctions.v1.ActivityScheduledEventDetails"> & {
    /**
     * The Amazon Resource Name (ARN) of the scheduled activity.
     *
     * Required. Length (characters): 1 to 256.
     *
     * @generated from field: string resource = 1;
     */
    resource: string;
    /**
     * The JSON data input to the activity task. Length constraints apply to the payload size, and are
     * expressed as bytes in UTF-8 encoding.
     *
     * Length (characters): 0 to 262144. Sensitive: never logged.
     *
     * @generated from field: optional string input = 2;
     */
    input?: string | undefined;
    /**
     * Contains details about the input for an execution history event.
     *
     * @generated from field: sfngrpc.stepfunctions.v1.HistoryEventExecutionDataDetails input_details = 3;
     */
    inputDetails?: HistoryEventExecutionDataDetails | undefined;
    /**
     * The maximum allowed duration of the activity task.
     *
     * @generated from field: optional int64 timeout_in_seconds = 4;
     */
    timeoutInSeconds?: bigint | undefined;
    /**
     * The maximum allowed duration between two heartbeats for the activity task.
     *
     * @generated from field: optional int64 heartbeat_in_seconds = 5;
     */
    heartbeatInSeconds?: bigint | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.ActivityScheduledEventDetails.
 * Use `create(ActivityScheduledEventDetailsSchema)` to create a new message.
 */
export declare const ActivityScheduledEventDetailsSchema: GenMessage<ActivityScheduledEventDetails>;
/**
 * Contains details about the start of an activity during an execution.
 *
 * @generated from message sfngrpc.stepfunctions.v1.ActivityStartedEventDetails
 */
export type ActivityStartedEventDetails = Message<"sfngrpc.stepfunctions.v1.ActivityStartedEventDetails"> & {
    /**
     * The name of the worker that the task is assigned to. These names are provided by the workers
     * when calling GetActivityTask.
     *
     * Length (characters): 0 to 256.
     *
     * @generated from field: optional string worker_name = 1;
     */
    workerName?: string | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.ActivityStartedEventDetails.
 * Use `create(ActivityStartedEventDetailsSchema)` to create a new message.
 */
export declare const ActivityStartedEventDetailsSchema: GenMessage<ActivityStartedEventDetails>;
/**
 * Contains details about an activity that successfully terminated during an execution.
 *
 * @generated from message sfngrpc.stepfunctions.v1.ActivitySucceededEventDetails
 */
export type ActivitySucceededEventDetails = Message<"sfngrpc.stepfunctions.v1.ActivitySucceededEventDetails"> & {
    /**
     * The JSON data output by the activity task. Length constraints apply to the payload size, and are
     * expressed as bytes in UTF-8 encoding.
     *
     * Length (characters): 0 to 262144. Sensitive: never logged.
     *
     * @generated from field: optional string output = 1;
     */
    output?: string | undefined;
    /**
     * Contains details about the output of an execution history event.
     *
     * @generated from field: sfngrpc.stepfunctions.v1.HistoryEventExecutionDataDetails output_details = 2;
     */
    outputDetails?: HistoryEventExecutionDataDetails | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.ActivitySucceededEventDetails.
 * Use `create(ActivitySucceededEventDetailsSchema)` to create a new message.
 */
export declare const ActivitySucceededEventDetailsSchema: GenMessage<ActivitySucceededEventDetails>;
/**
 * Contains details about an activity timeout that occurred during an execution.
 *
 * @generated from message sfngrpc.stepfunctions.v1.ActivityTimedOutEventDetails
 */
export type ActivityTimedOutEventDetails = Message<"sfngrpc.stepfunctions.v1.ActivityTimedOutEventDetails"> & {
    /**
     * The error code of the failure.
     *
     * Length (characters): 0 to 256. Sensitive: never logged.
     *
     * @generated from field: optional string error = 1;
     */
    error?: string | undefined;
    /**
     * A more detailed explanation of the cause of the timeout.
     *
     * Length (characters): 0 to 32768. Sensitive: never logged.
     *
     * @generated from field: optional string cause = 2;
     */
    cause?: string | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.ActivityTimedOutEventDetails.
 * Use `create(ActivityTimedOutEventDetailsSchema)` to create a new message.
 */
export declare const ActivityTimedOutEventDetailsSchema: GenMessage<ActivityTimedOutEventDetails>;
/**
 * Provides details about assigned variables in an execution history event.
 *
 * @generated from message sfngrpc.stepfunctions.v1.AssignedVariablesDetails
 */
export type AssignedVariablesDetails = Message<"sfngrpc.stepfunctions.v1.AssignedVariablesDetails"> & {
    /**
     * Indicates whether assigned variables were truncated in the response. Always false for API calls.
     * In CloudWatch logs, the value will be true if the data is truncated due to size limits.
     *
     * @generated from field: optional bool truncated = 1;
     */
    truncated?: boolean | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.AssignedVariablesDetails.
 * Use `create(AssignedVariablesDetailsSchema)` to create a new message.
 */
export declare const AssignedVariablesDetailsSchema: GenMessage<AssignedVariablesDetails>;
/**
 * Contains details about an evaluation failure that occurred while processing a state, for
 * example, when a JSONata expression throws an error. This event will only be present in state
 * machines that have QueryLanguage set to JSONata, or individual states set to JSONata.
 *
 * @generated from message sfngrpc.stepfunctions.v1.EvaluationFailedEventDetails
 */
export type EvaluationFailedEventDetails = Message<"sfngrpc.stepfunctions.v1.EvaluationFailedEventDetails"> & {
    /**
     * The error code of the failure.
     *
     * Length (characters): 0 to 256. Sensitive: never logged.
     *
     * @generated from field: optional string error = 1;
     */
    error?: string | undefined;
    /**
     * A more detailed explanation of the cause of the failure.
     *
     * Length (characters): 0 to 32768. Sensitive: never logged.
     *
     * @generated from field: optional string cause = 2;
     */
    cause?: string | undefined;
    /**
     * The location of the field in the state in which the evaluation error occurred.
     *
     * Length (characters): 0 to 256. Sensitive: never logged.
     *
     * @generated from field: optional string location = 3;
     */
    location?: string | undefined;
    /**
     * The name of the state in which the evaluation error occurred.
     *
     * Required. Length (characters): 1 to 80.
     *
     * @generated from field: string state = 4;
     */
    state: string;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.EvaluationFailedEventDetails.
 * Use `create(EvaluationFailedEventDetailsSchema)` to create a new message.
 */
export declare const EvaluationFailedEventDetailsSchema: GenMessage<EvaluationFailedEventDetails>;
/**
 * Contains details about an abort of an execution.
 *
 * @generated from message sfngrpc.stepfunctions.v1.ExecutionAbortedEventDetails
 */
export type ExecutionAbortedEventDetails = Message<"sfngrpc.stepfunctions.v1.ExecutionAbortedEventDetails"> & {
    /**
     * The error code of the failure.
     *
     * Length (characters): 0 to 256. Sensitive: never logged.
     *
     * @generated from field: optional string error = 1;
     */
    error?: string | undefined;
    /**
     * A more detailed explanation of the cause of the failure.
     *
     * Length (characters): 0 to 32768. Sensitive: never logged.
     *
     * @generated from field: optional string cause = 2;
     */
    cause?: string | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.ExecutionAbortedEventDetails.
 * Use `create(ExecutionAbortedEventDetailsSchema)` to create a new message.
 */
export declare const ExecutionAbortedEventDetailsSchema: GenMessage<ExecutionAbortedEventDetails>;
/**
 * Contains details about an execution failure event.
 *
 * @generated from message sfngrpc.stepfunctions.v1.ExecutionFailedEventDetails
 */
export type ExecutionFailedEventDetails = Message<"sfngrpc.stepfunctions.v1.ExecutionFailedEventDetails"> & {
    /**
     * The error code of the failure.
     *
     * Length (characters): 0 to 256. Sensitive: never logged.
     *
     * @generated from field: optional string error = 1;
     */
    error?: string | undefined;
    /**
     * A more detailed explanation of the cause of the failure.
     *
     * Length (characters): 0 to 32768. Sensitive: never logged.
     *
     * @generated from field: optional string cause = 2;
     */
    cause?: string | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.ExecutionFailedEventDetails.
 * Use `create(ExecutionFailedEventDetailsSchema)` to create a new message.
 */
export declare const ExecutionFailedEventDetailsSchema: GenMessage<ExecutionFailedEventDetails>;
/**
 * Contains details about a redriven execution.
 *
 * @generated from message sfngrpc.stepfunctions.v1.ExecutionRedrivenEventDetails
 */
export type ExecutionRedrivenEventDetails = Message<"sfngrpc.stepfunctions.v1.ExecutionRedrivenEventDetails"> & {
    /**
     * The number of times you've redriven an execution. If you have not yet redriven an execution, the
     * redriveCount is 0. This count is not updated for redrives that failed to start or are pending to
     * be redriven.
     *
     * @generated from field: optional int64 redrive_count = 1;
     */
    redriveCount?: bigint | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.ExecutionRedrivenEventDetails.
 * Use `create(ExecutionRedrivenEventDetailsSchema)` to create a new message.
 */
export declare const ExecutionRedrivenEventDetailsSchema: GenMessage<ExecutionRedrivenEventDetails>;
/**
 * Contains details about the start of the execution.
 *
 * @generated from message sfngrpc.stepfunctions.v1.ExecutionStartedEventDetails
 */
export type ExecutionStartedEventDetails = Message<"sfngrpc.stepfunctions.v1.ExecutionStartedEventDetails"> & {
    /**
     * The JSON data input to the execution. Length constraints apply to the payload size, and are
     * expressed as bytes in UTF-8 encoding.
     *
     * Length (characters): 0 to 262144. Sensitive: never logged.
     *
     * @generated from field: optional string input = 1;
     */
    input?: string | undefined;
    /**
     * Contains details about the input for an execution history event.
     *
     * @generated from field: sfngrpc.stepfunctions.v1.HistoryEventExecutionDataDetails input_details = 2;
     */
    inputDetails?: HistoryEventExecutionDataDetails | undefined;
    /**
     * The Amazon Resource Name (ARN) of the IAM role used for executing Lambda tasks.
     *
     * Length (characters): 1 to 256.
     *
     * @generated from field: optional string role_arn = 3;
     */
    roleArn?: string | undefined;
    /**
     * The Amazon Resource Name (ARN) that identifies a state machine alias used for starting the state
     * machine execution.
     *
     * Length (characters): 1 to 256.
     *
     * @generated from field: optional string state_machine_alias_arn = 4;
     */
    stateMachineAliasArn?: string | undefined;
    /**
     * The Amazon Resource Name (ARN) that identifies a state machine version used for starting the
     * state machine execution.
     *
     * Length (characters): 1 to 256.
     *
     * @generated from field: optional string state_machine_version_arn = 5;
     */
    stateMachineVersionArn?: string | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.ExecutionStartedEventDetails.
 * Use `create(ExecutionStartedEventDetailsSchema)` to create a new message.
 */
export declare const ExecutionStartedEventDetailsSchema: GenMessage<ExecutionStartedEventDetails>;
/**
 * Contains details about the successful termination of the execution.
 *
 * @generated from message sfngrpc.stepfunctions.v1.ExecutionSucceededEventDetails
 */
export type ExecutionSucceededEventDetails = Message<"sfngrpc.stepfunctions.v1.ExecutionSucceededEventDetails"> & {
    /**
     * The JSON data output by the execution. Length constraints apply to the payload size, and are
     * expressed as bytes in UTF-8 encoding.
     *
     * Length (characters): 0 to 262144. Sensitive: never logged.
     *
     * @generated from field: optional string output = 1;
     */
    output?: string | undefined;
    /**
     * Contains details about the output of an execution history event.
     *
     * @generated from field: sfngrpc.stepfunctions.v1.HistoryEventExecutionDataDetails output_details = 2;
     */
    outputDetails?: HistoryEventExecutionDataDetails | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.ExecutionSucceededEventDetails.
 * Use `create(ExecutionSucceededEventDetailsSchema)` to create a new message.
 */
export declare const ExecutionSucceededEventDetailsSchema: GenMessage<ExecutionSucceededEventDetails>;
/**
 * Contains details about the execution timeout that occurred during the execution.
 *
 * @generated from message sfngrpc.stepfunctions.v1.ExecutionTimedOutEventDetails
 */
export type ExecutionTimedOutEventDetails = Message<"sfngrpc.stepfunctions.v1.ExecutionTimedOutEventDetails"> & {
    /**
     * The error code of the failure.
     *
     * Length (characters): 0 to 256. Sensitive: never logged.
     *
     * @generated from field: optional string error = 1;
     */
    error?: string | undefined;
    /**
     * A more detailed explanation of the cause of the timeout.
     *
     * Length (characters): 0 to 32768. Sensitive: never logged.
     *
     * @generated from field: optional string cause = 2;
     */
    cause?: string | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.ExecutionTimedOutEventDetails.
 * Use `create(ExecutionTimedOutEventDetailsSchema)` to create a new message.
 */
export declare const ExecutionTimedOutEventDetailsSchema: GenMessage<ExecutionTimedOutEventDetails>;
/**
 * Provides details about input or output in an execution history event.
 *
 * @generated from message sfngrpc.stepfunctions.v1.HistoryEventExecutionDataDetails
 */
export type HistoryEventExecutionDataDetails = Message<"sfngrpc.stepfunctions.v1.HistoryEventExecutionDataDetails"> & {
    /**
     * Indicates whether input or output was truncated in the response. Always false for API calls. In
     * CloudWatch logs, the value will be true if the data is truncated due to size limits.
     *
     * @generated from field: optional bool truncated = 1;
     */
    truncated?: boolean | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.HistoryEventExecutionDataDetails.
 * Use `create(HistoryEventExecutionDataDetailsSchema)` to create a new message.
 */
export declare const HistoryEventExecutionDataDetailsSchema: GenMessage<HistoryEventExecutionDataDetails>;
/**
 * Contains details about a Lambda function that failed during an execution.
 *
 * @generated from message sfngrpc.stepfunctions.v1.LambdaFunctionFailedEventDetails
 */
export type LambdaFunctionFailedEventDetails = Message<"sfngrpc.stepfunctions.v1.LambdaFunctionFailedEventDetails"> & {
    /**
     * The error code of the failure.
     *
     * Length (characters): 0 to 256. Sensitive: never logged.
     *
     * @generated from field: optional string error = 1;
     */
    error?: string | undefined;
    /**
     * A more detailed explanation of the cause of the failure.
     *
     * Length (characters): 0 to 32768. Sensitive: never logged.
     *
     * @generated from field: optional string cause = 2;
     */
    cause?: string | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.LambdaFunctionFailedEventDetails.
 * Use `create(LambdaFunctionFailedEventDetailsSchema)` to create a new message.
 */
export declare const LambdaFunctionFailedEventDetailsSchema: GenMessage<LambdaFunctionFailedEventDetails>;
/**
 * Contains details about a failed Lambda function schedule event that occurred during an
 * execution.
 *
 * @generated from message sfngrpc.stepfunctions.v1.LambdaFunctionScheduleFailedEventDetails
 */
export type LambdaFunctionScheduleFailedEventDetails = Message<"sfngrpc.stepfunctions.v1.LambdaFunctionScheduleFailedEventDetails"> & {
    /**
     * The error code of the failure.
     *
     * Length (characters): 0 to 256. Sensitive: never logged.
     *
     * @generated from field: optional string error = 1;
     */
    error?: string | undefined;
    /**
     * A more detailed explanation of the cause of the failure.
     *
     * Length (characters): 0 to 32768. Sensitive: never logged.
     *
     * @generated from field: optional string cause = 2;
     */
    cause?: string | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.LambdaFunctionScheduleFailedEventDetails.
 * Use `create(LambdaFunctionScheduleFailedEventDetailsSchema)` to create a new message.
 */
export declare const LambdaFunctionScheduleFailedEventDetailsSchema: GenMessage<LambdaFunctionScheduleFailedEventDetails>;
/**
 * Contains details about a Lambda function scheduled during an execution.
 *
 * @generated from message sfngrpc.stepfunctions.v1.LambdaFunctionScheduledEventDetails
 */
export type LambdaFunctionScheduledEventDetails = Message<"sfngrpc.stepfunctions.v1.LambdaFunctionScheduledEventDetails"> & {
    /**
     * The Amazon Resource Name (ARN) of the scheduled Lambda function.
     *
     * Required. Length (characters): 1 to 256.
     *
     * @generated from field: string resource = 1;
     */
    resource: string;
    /**
     * The JSON data input to the Lambda function. Length constraints apply to the payload size, and
     * are expressed as bytes in UTF-8 encoding.
     *
     * Length (characters): 0 to 262144. Sensitive: never logged.
     *
     * @generated from field: optional string input = 2;
     */
    input?: string | undefined;
    /**
     * Contains details about input for an execution history event.
     *
     * @generated from field: sfngrpc.stepfunctions.v1.HistoryEventExecutionDataDetails input_details = 3;
     */
    inputDetails?: HistoryEventExecutionDataDetails | undefined;
    /**
     * The maximum allowed duration of the Lambda function.
     *
     * @generated from field: optional int64 timeout_in_seconds = 4;
     */
    timeoutInSeconds?: bigint | undefined;
    /**
     * The credentials that Step Functions uses for the task.
     *
     * @generated from field: sfngrpc.stepfunctions.v1.TaskCredentials task_credentials = 5;
     */
    taskCredentials?: TaskCredentials | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.LambdaFunctionScheduledEventDetails.
 * Use `create(LambdaFunctionScheduledEventDetailsSchema)` to create a new message.
 */
export declare const LambdaFunctionScheduledEventDetailsSchema: GenMessage<LambdaFunctionScheduledEventDetails>;
/**
 * Contains details about a lambda function that failed to start during an execution.
 *
 * @generated from message sfngrpc.stepfunctions.v1.LambdaFunctionStartFailedEventDetails
 */
export type LambdaFunctionStartFailedEventDetails = Message<"sfngrpc.stepfunctions.v1.LambdaFunctionStartFailedEventDetails"> & {
    /**
     * The error code of the failure.
     *
     * Length (characters): 0 to 256. Sensitive: never logged.
     *
     * @generated from field: optional string error = 1;
     */
    error?: string | undefined;
    /**
     * A more detailed explanation of the cause of the failure.
     *
     * Length (characters): 0 to 32768. Sensitive: never logged.
     *
     * @generated from field: optional string cause = 2;
     */
    cause?: string | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.LambdaFunctionStartFailedEventDetails.
 * Use `create(LambdaFunctionStartFailedEventDetailsSchema)` to create a new message.
 */
export declare const LambdaFunctionStartFailedEventDetailsSchema: GenMessage<LambdaFunctionStartFailedEventDetails>;
/**
 * Contains details about a Lambda function that successfully terminated during an execution.
 *
 * @generated from message sfngrpc.stepfunctions.v1.LambdaFunctionSucceededEventDetails
 */
export type LambdaFunctionSucceededEventDetails = Message<"sfngrpc.stepfunctions.v1.LambdaFunctionSucceededEventDetails"> & {
    /**
     * The JSON data output by the Lambda function. Length constraints apply to the payload size, and
     * are expressed as bytes in UTF-8 encoding.
     *
     * Length (characters): 0 to 262144. Sensitive: never logged.
     *
     * @generated from field: optional string output = 1;
     */
    output?: string | undefined;
    /**
     * Contains details about the output of an execution history event.
     *
     * @generated from field: sfngrpc.stepfunctions.v1.HistoryEventExecutionDataDetails output_details = 2;
     */
    outputDetails?: HistoryEventExecutionDataDetails | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.LambdaFunctionSucceededEventDetails.
 * Use `create(LambdaFunctionSucceededEventDetailsSchema)` to create a new message.
 */
export declare const LambdaFunctionSucceededEventDetailsSchema: GenMessage<LambdaFunctionSucceededEventDetails>;
/**
 * Contains details about a Lambda function timeout that occurred during an execution.
 *
 * @generated from message sfngrpc.stepfunctions.v1.LambdaFunctionTimedOutEventDetails
 */
export type LambdaFunctionTimedOutEventDetails = Message<"sfngrpc.stepfunctions.v1.LambdaFunctionTimedOutEventDetails"> & {
    /**
     * The error code of the failure.
     *
     * Length (characters): 0 to 256. Sensitive: never logged.
     *
     * @generated from field: optional string error = 1;
     */
    error?: string | undefined;
    /**
     * A more detailed explanation of the cause of the timeout.
     *
     * Length (characters): 0 to 32768. Sensitive: never logged.
     *
     * @generated from field: optional string cause = 2;
     */
    cause?: string | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.LambdaFunctionTimedOutEventDetails.
 * Use `create(LambdaFunctionTimedOutEventDetailsSchema)` to create a new message.
 */
export declare const LambdaFunctionTimedOutEventDetailsSchema: GenMessage<LambdaFunctionTimedOutEventDetails>;
/**
 * Contains details about an iteration of a Map state.
 *
 * @generated from message sfngrpc.stepfunctions.v1.MapIterationEventDetails
 */
export type MapIterationEventDetails = Message<"sfngrpc.stepfunctions.v1.MapIterationEventDetails"> & {
    /**
     * The name of the iteration’s parent Map state.
     *
     * Length (characters): 1 to 80.
     *
     * @generated from field: optional string name = 1;
     */
    name?: string | undefined;
    /**
     * The index of the array belonging to the Map state iteration.
     *
     * Range: 0 to any.
     *
     * @generated from field: optional int64 index = 2;
     */
    index?: bigint | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.MapIterationEventDetails.
 * Use `create(MapIterationEventDetailsSchema)` to create a new message.
 */
export declare const MapIterationEventDetailsSchema: GenMessage<MapIterationEventDetails>;
/**
 * Contains details about a Map Run failure event that occurred during a state machine execution.
 *
 * @generated from message sfngrpc.stepfunctions.v1.MapRunFailedEventDetails
 */
export type MapRunFailedEventDetails = Message<"sfngrpc.stepfunctions.v1.MapRunFailedEventDetails"> & {
    /**
     * The error code of the Map Run failure.
     *
     * Length (characters): 0 to 256. Sensitive: never logged.
     *
     * @generated from field: optional string error = 1;
     */
    error?: string | undefined;
    /**
     * A more detailed explanation of the cause of the failure.
     *
     * Length (characters): 0 to 32768. Sensitive: never logged.
     *
     * @generated from field: optional string cause = 2;
     */
    cause?: string | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.MapRunFailedEventDetails.
 * Use `create(MapRunFailedEventDetailsSchema)` to create a new message.
 */
export declare const MapRunFailedEventDetailsSchema: GenMessage<MapRunFailedEventDetails>;
/**
 * Contains details about a Map Run that was redriven.
 *
 * @generated from message sfngrpc.stepfunctions.v1.MapRunRedrivenEventDetails
 */
export type MapRunRedrivenEventDetails = Message<"sfngrpc.stepfunctions.v1.MapRunRedrivenEventDetails"> & {
    /**
     * The Amazon Resource Name (ARN) of a Map Run that was redriven.
     *
     * Length (characters): 1 to 2000.
     *
     * @generated from field: optional string map_run_arn = 1;
     */
    mapRunArn?: string | undefined;
    /**
     * The number of times the Map Run has been redriven at this point in the execution's history
     * including this event. The redrive count for a redriven Map Run is always greater than 0.
     *
     * @generated from field: optional int64 redrive_count = 2;
     */
    redriveCount?: bigint | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.MapRunRedrivenEventDetails.
 * Use `create(MapRunRedrivenEventDetailsSchema)` to create a new message.
 */
export declare const MapRunRedrivenEventDetailsSchema: GenMessage<MapRunRedrivenEventDetails>;
/**
 * Contains details about a Map Run that was started during a state machine execution.
 *
 * @generated from message sfngrpc.stepfunctions.v1.MapRunStartedEventDetails
 */
export type MapRunStartedEventDetails = Message<"sfngrpc.stepfunctions.v1.MapRunStartedEventDetails"> & {
    /**
     * The Amazon Resource Name (ARN) of a Map Run that was started.
     *
     * Length (characters): 1 to 2000.
     *
     * @generated from field: optional string map_run_arn = 1;
     */
    mapRunArn?: string | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.MapRunStartedEventDetails.
 * Use `create(MapRunStartedEventDetailsSchema)` to create a new message.
 */
export declare const MapRunStartedEventDetailsSchema: GenMessage<MapRunStartedEventDetails>;
/**
 * Details about a Map state that was started.
 *
 * @generated from message sfngrpc.stepfunctions.v1.MapStateStartedEventDetails
 */
export type MapStateStartedEventDetails = Message<"sfngrpc.stepfunctions.v1.MapStateStartedEventDetails"> & {
    /**
     * The size of the array for Map state iterations.
     *
     * Range: 0 to any.
     *
     * @generated from field: optional int64 length = 1;
     */
    length?: bigint | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.MapStateStartedEventDetails.
 * Use `create(MapStateStartedEventDetailsSchema)` to create a new message.
 */
export declare const MapStateStartedEventDetailsSchema: GenMessage<MapStateStartedEventDetails>;
/**
 * Contains details about a state entered during an execution.
 *
 * @generated from message sfngrpc.stepfunctions.v1.StateEnteredEventDetails
 */
export type StateEnteredEventDetails = Message<"sfngrpc.stepfunctions.v1.StateEnteredEventDetails"> & {
    /**
     * The name of the state.
     *
     * Required. Length (characters): 1 to 80.
     *
     * @generated from field: string name = 1;
     */
    name: string;
    /**
     * The string that contains the JSON input data for the state. Length constraints apply to the
     * payload size, and are expressed as bytes in UTF-8 encoding.
     *
     * Length (characters): 0 to 262144. Sensitive: never logged.
     *
     * @generated from field: optional string input = 2;
     */
    input?: string | undefined;
    /**
     * Contains details about the input for an execution history event.
     *
     * @generated from field: sfngrpc.stepfunctions.v1.HistoryEventExecutionDataDetails input_details = 3;
     */
    inputDetails?: HistoryEventExecutionDataDetails | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.StateEnteredEventDetails.
 * Use `create(StateEnteredEventDetailsSchema)` to create a new message.
 */
export declare const StateEnteredEventDetailsSchema: GenMessage<StateEnteredEventDetails>;
/**
 * Contains details about an exit from a state during an execution.
 *
 * @generated from message sfngrpc.stepfunctions.v1.StateExitedEventDetails
 */
export type StateExitedEventDetails = Message<"sfngrpc.stepfunctions.v1.StateExitedEventDetails"> & {
    /**
     * The name of the state.
     *
     * A name must not contain:
     * - white space
     * - brackets < > { } [ ]
     * - wildcard characters ? *
     * - special characters " # % \ ^ | ~ ` $ & , ; : /
     * - control characters (U+0000-001F, U+007F-009F, U+FFFE-FFFF)
     * - surrogates (U+D800-DFFF)
     * - invalid characters ( U+10FFFF)
     *
     * To enable logging with CloudWatch Logs, the name should only contain 0-9, A-Z, a-z, - and _.
     *
     * Required. Length (characters): 1 to 80.
     *
     * @generated from field: string name = 1;
     */
    name: string;
    /**
     * The JSON output data of the state. Length constraints apply to the payload size, and are
     * expressed as bytes in UTF-8 encoding.
     *
     * Length (characters): 0 to 262144. Sensitive: never logged.
     *
     * @generated from field: optional string output = 2;
     */
    output?: string | undefined;
    /**
     * Contains details about the output of an execution history event.
     *
     * @generated from field: sfngrpc.stepfunctions.v1.HistoryEventExecutionDataDetails output_details = 3;
     */
    outputDetails?: HistoryEventExecutionDataDetails | undefined;
    /**
     * Map of variable name and value as a serialized JSON representation.
     *
     * @generated from field: map<string, string> assigned_variables = 4;
     */
    assignedVariables: {
        [key: string]: string;
    };
    /**
     * Provides details about input or output in an execution history event.
     *
     * @generated from field: sfngrpc.stepfunctions.v1.AssignedVariablesDetails assigned_variables_details = 5;
     */
    assignedVariablesDetails?: AssignedVariablesDetails | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.StateExitedEventDetails.
 * Use `create(StateExitedEventDetailsSchema)` to create a new message.
 */
export declare const StateExitedEventDetailsSchema: GenMessage<StateExitedEventDetails>;
/**
 * Contains details about the credentials that Step Functions uses for a task.
 *
 * @generated from message sfngrpc.stepfunctions.v1.TaskCredentials
 */
export type TaskCredentials = Message<"sfngrpc.stepfunctions.v1.TaskCredentials"> & {
    /**
     * The ARN of an IAM role that Step Functions assumes for the task. The role can allow
     * cross-account access to resources.
     *
     * Length (characters): 1 to 2000.
     *
     * @generated from field: optional string role_arn = 1;
     */
    roleArn?: string | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.TaskCredentials.
 * Use `create(TaskCredentialsSchema)` to create a new message.
 */
export declare const TaskCredentialsSchema: GenMessage<TaskCredentials>;
/**
 * Contains details about a task failure event.
 *
 * @generated from message sfngrpc.stepfunctions.v1.TaskFailedEventDetails
 */
export type TaskFailedEventDetails = Message<"sfngrpc.stepfunctions.v1.TaskFailedEventDetails"> & {
    /**
     * The service name of the resource in a task state.
     *
     * Required. Length (characters): 1 to 80.
     *
     * @generated from field: string resource_type = 1;
     */
    resourceType: string;
    /**
     * The action of the resource called by a task state.
     *
     * Required. Length (characters): 1 to 80.
     *
     * @generated from field: string resource = 2;
     */
    resource: string;
    /**
     * The error code of the failure.
     *
     * Length (characters): 0 to 256. Sensitive: never logged.
     *
     * @generated from field: optional string error = 3;
     */
    error?: string | undefined;
    /**
     * A more detailed explanation of the cause of the failure.
     *
     * Length (characters): 0 to 32768. Sensitive: never logged.
     *
     * @generated from field: optional string cause = 4;
     */
    cause?: string | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.TaskFailedEventDetails.
 * Use `create(TaskFailedEventDetailsSchema)` to create a new message.
 */
export declare const TaskFailedEventDetailsSchema: GenMessage<TaskFailedEventDetails>;
/**
 * Contains details about a task scheduled during an execution.
 *
 * @generated from message sfngrpc.stepfunctions.v1.TaskScheduledEventDetails
 */
export type TaskScheduledEventDetails = Message<"sfngrpc.stepfunctions.v1.TaskScheduledEventDetails"> & {
    /**
     * The service name of the resource in a task state.
     *
     * Required. Length (characters): 1 to 80.
     *
     * @generated from field: string resource_type = 1;
     */
    resourceType: string;
    /**
     * The action of the resource called by a task state.
     *
     * Required. Length (characters): 1 to 80.
     *
     * @generated from field: string resource = 2;
     */
    resource: string;
    /**
     * The region of the scheduled task
     *
     * Required. Length (characters): 1 to 80.
     *
     * @generated from field: string region = 3;
     */
    region: string;
    /**
     * The JSON data passed to the resource referenced in a task state. Length constraints apply to the
     * payload size, and are expressed as bytes in UTF-8 encoding.
     *
     * Required. Length (characters): 0 to 262144. Sensitive: never logged.
     *
     * @generated from field: string parameters = 4;
     */
    parameters: string;
    /**
     * The maximum allowed duration of the task.
     *
     * @generated from field: optional int64 timeout_in_seconds = 5;
     */
    timeoutInSeconds?: bigint | undefined;
    /**
     * The maximum allowed duration between two heartbeats for the task.
     *
     * @generated from field: optional int64 heartbeat_in_seconds = 6;
     */
    heartbeatInSeconds?: bigint | undefined;
    /**
     * The credentials that Step Functions uses for the task.
     *
     * @generated from field: sfngrpc.stepfunctions.v1.TaskCredentials task_credentials = 7;
     */
    taskCredentials?: TaskCredentials | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.TaskScheduledEventDetails.
 * Use `create(TaskScheduledEventDetailsSchema)` to create a new message.
 */
export declare const TaskScheduledEventDetailsSchema: GenMessage<TaskScheduledEventDetails>;
/**
 * Contains details about a task that failed to start during an execution.
 *
 * @generated from message sfngrpc.stepfunctions.v1.TaskStartFailedEventDetails
 */
export type TaskStartFailedEventDetails = Message<"sfngrpc.stepfunctions.v1.TaskStartFailedEventDetails"> & {
    /**
     * The service name of the resource in a task state.
     *
     * Required. Length (characters): 1 to 80.
     *
     * @generated from field: string resource_type = 1;
     */
    resourceType: string;
    /**
     * The action of the resource called by a task state.
     *
     * Required. Length (characters): 1 to 80.
     *
     * @generated from field: string resource = 2;
     */
    resource: string;
    /**
     * The error code of the failure.
     *
     * Length (characters): 0 to 256. Sensitive: never logged.
     *
     * @generated from field: optional string error = 3;
     */
    error?: string | undefined;
    /**
     * A more detailed explanation of the cause of the failure.
     *
     * Length (characters): 0 to 32768. Sensitive: never logged.
     *
     * @generated from field: optional string cause = 4;
     */
    cause?: string | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.TaskStartFailedEventDetails.
 * Use `create(TaskStartFailedEventDetailsSchema)` to create a new message.
 */
export declare const TaskStartFailedEventDetailsSchema: GenMessage<TaskStartFailedEventDetails>;
/**
 * Contains details about the start of a task during an execution.
 *
 * @generated from message sfngrpc.stepfunctions.v1.TaskStartedEventDetails
 */
export type TaskStartedEventDetails = Message<"sfngrpc.stepfunctions.v1.TaskStartedEventDetails"> & {
    /**
     * The service name of the resource in a task state.
     *
     * Required. Length (characters): 1 to 80.
     *
     * @generated from field: string resource_type = 1;
     */
    resourceType: string;
    /**
     * The action of the resource called by a task state.
     *
     * Required. Length (characters): 1 to 80.
     *
     * @generated from field: string resource = 2;
     */
    resource: string;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.TaskStartedEventDetails.
 * Use `create(TaskStartedEventDetailsSchema)` to create a new message.
 */
export declare const TaskStartedEventDetailsSchema: GenMessage<TaskStartedEventDetails>;
/**
 * Contains details about a task that failed to submit during an execution.
 *
 * @generated from message sfngrpc.stepfunctions.v1.TaskSubmitFailedEventDetails
 */
export type TaskSubmitFailedEventDetails = Message<"sfngrpc.stepfunctions.v1.TaskSubmitFailedEventDetails"> & {
    /**
     * The service name of the resource in a task state.
     *
     * Required. Length (characters): 1 to 80.
     *
     * @generated from field: string resource_type = 1;
     */
    resourceType: string;
    /**
     * The action of the resource called by a task state.
     *
     * Required. Length (characters): 1 to 80.
     *
     * @generated from field: string resource = 2;
     */
    resource: string;
    /**
     * The error code of the failure.
     *
     * Length (characters): 0 to 256. Sensitive: never logged.
     *
     * @generated from field: optional string error = 3;
     */
    error?: string | undefined;
    /**
     * A more detailed explanation of the cause of the failure.
     *
     * Length (characters): 0 to 32768. Sensitive: never logged.
     *
     * @generated from field: optional string cause = 4;
     */
    cause?: string | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.TaskSubmitFailedEventDetails.
 * Use `create(TaskSubmitFailedEventDetailsSchema)` to create a new message.
 */
export declare const TaskSubmitFailedEventDetailsSchema: GenMessage<TaskSubmitFailedEventDetails>;
/**
 * Contains details about a task submitted to a resource .
 *
 * @generated from message sfngrpc.stepfunctions.v1.TaskSubmittedEventDetails
 */
export type TaskSubmittedEventDetails = Message<"sfngrpc.stepfunctions.v1.TaskSubmittedEventDetails"> & {
    /**
     * The service name of the resource in a task state.
     *
     * Required. Length (characters): 1 to 80.
     *
     * @generated from field: string resource_type = 1;
     */
    resourceType: string;
    /**
     * The action of the resource called by a task state.
     *
     * Required. Length (characters): 1 to 80.
     *
     * @generated from field: string resource = 2;
     */
    resource: string;
    /**
     * The response from a resource when a task has started. Length constraints apply to the payload
     * size, and are expressed as bytes in UTF-8 encoding.
     *
     * Length (characters): 0 to 262144. Sensitive: never logged.
     *
     * @generated from field: optional string output = 3;
     */
    output?: string | undefined;
    /**
     * Contains details about the output of an execution history event.
     *
     * @generated from field: sfngrpc.stepfunctions.v1.HistoryEventExecutionDataDetails output_details = 4;
     */
    outputDetails?: HistoryEventExecutionDataDetails | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.TaskSubmittedEventDetails.
 * Use `create(TaskSubmittedEventDetailsSchema)` to create a new message.
 */
export declare const TaskSubmittedEventDetailsSchema: GenMessage<TaskSubmittedEventDetails>;
/**
 * Contains details about the successful completion of a task state.
 *
 * @generated from message sfngrpc.stepfunctions.v1.TaskSucceededEventDetails
 */
export type TaskSucceededEventDetails = Message<"sfngrpc.stepfunctions.v1.TaskSucceededEventDetails"> & {
    /**
     * The service name of the resource in a task state.
     *
     * Required. Length (characters): 1 to 80.
     *
     * @generated from field: string resource_type = 1;
     */
    resourceType: string;
    /**
     * The action of the resource called by a task state.
     *
     * Required. Length (characters): 1 to 80.
     *
     * @generated from field: string resource = 2;
     */
    resource: string;
    /**
     * The full JSON response from a resource when a task has succeeded. This response becomes the
     * output of the related task. Length constraints apply to the payload size, and are expressed as
     * bytes in UTF-8 encoding.
     *
     * Length (characters): 0 to 262144. Sensitive: never logged.
     *
     * @generated from field: optional string output = 3;
     */
    output?: string | undefined;
    /**
     * Contains details about the output of an execution history event.
     *
     * @generated from field: sfngrpc.stepfunctions.v1.HistoryEventExecutionDataDetails output_details = 4;
     */
    outputDetails?: HistoryEventExecutionDataDetails | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.TaskSucceededEventDetails.
 * Use `create(TaskSucceededEventDetailsSchema)` to create a new message.
 */
export declare const TaskSucceededEventDetailsSchema: GenMessage<TaskSucceededEventDetails>;
/**
 * Contains details about a resource timeout that occurred during an execution.
 *
 * @generated from message sfngrpc.stepfunctions.v1.TaskTimedOutEventDetails
 */
export type TaskTimedOutEventDetails = Message<"sfngrpc.stepfunctions.v1.TaskTimedOutEventDetails"> & {
    /**
     * The service name of the resource in a task state.
     *
     * Required. Length (characters): 1 to 80.
     *
     * @generated from field: string resource_type = 1;
     */
    resourceType: string;
    /**
     * The action of the resource called by a task state.
     *
     * Required. Length (characters): 1 to 80.
     *
     * @generated from field: string resource = 2;
     */
    resource: string;
    /**
     * The error code of the failure.
     *
     * Length (characters): 0 to 256. Sensitive: never logged.
     *
     * @generated from field: optional string error = 3;
     */
    error?: string | undefined;
    /**
     * A more detailed explanation of the cause of the failure.
     *
     * Length (characters): 0 to 32768. Sensitive: never logged.
     *
     * @generated from field: optional string cause = 4;
     */
    cause?: string | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.TaskTimedOutEventDetails.
 * Use `create(TaskTimedOutEventDetailsSchema)` to create a new message.
 */
export declare const TaskTimedOutEventDetailsSchema: GenMessage<TaskTimedOutEventDetails>;
/**
 * The values of the model's HistoryEventType.
 *
 * @generated from enum sfngrpc.stepfunctions.v1.HistoryEventType
 */
export declare enum HistoryEventType {
    /**
     * Not set, or a value this version of the API does not know yet.
     *
     * @generated from enum value: HISTORY_EVENT_TYPE_UNSPECIFIED = 0;
     */
    UNSPECIFIED = 0,
    /**
     * @generated from enum value: HISTORY_EVENT_TYPE_ACTIVITY_FAILED = 1;
     */
    ACTIVITY_FAILED = 1,
    /**
     * @generated from enum value: HISTORY_EVENT_TYPE_ACTIVITY_SCHEDULED = 2;
     */
    ACTIVITY_SCHEDULED = 2,
    /**
     * @generated from enum value: HISTORY_EVENT_TYPE_ACTIVITY_SCHEDULE_FAILED = 3;
     */
    ACTIVITY_SCHEDULE_FAILED = 3,
    /**
     * @generated from enum value: HISTORY_EVENT_TYPE_ACTIVITY_STARTED = 4;
     */
    ACTIVITY_STARTED = 4,
    /**
     * @generated from enum value: HISTORY_EVENT_TYPE_ACTIVITY_SUCCEEDED = 5;
     */
    ACTIVITY_SUCCEEDED = 5,
    /**
     * @generated from enum value: HISTORY_EVENT_TYPE_ACTIVITY_TIMED_OUT = 6;
     */
    ACTIVITY_TIMED_OUT = 6,
    /**
     * @generated from enum value: HISTORY_EVENT_TYPE_CHOICE_STATE_ENTERED = 7;
     */
    CHOICE_STATE_ENTERED = 7,
    /**
     * @generated from enum value: HISTORY_EVENT_TYPE_CHOICE_STATE_EXITED = 8;
     */
    CHOICE_STATE_EXITED = 8,
    /**
     * @generated from enum value: HISTORY_EVENT_TYPE_EXECUTION_ABORTED = 9;
     */
    EXECUTION_ABORTED = 9,
    /**
     * @generated from enum value: HISTORY_EVENT_TYPE_EXECUTION_FAILED = 10;
     */
    EXECUTION_FAILED = 10,
    /**
     * @generated from enum value: HISTORY_EVENT_TYPE_EXECUTION_STARTED = 11;
     */
    EXECUTION_STARTED = 11,
    /**
     * @generated from enum value: HISTORY_EVENT_TYPE_EXECUTION_SUCCEEDED = 12;
     */
    EXECUTION_SUCCEEDED = 12,
    /**
     * @generated from enum value: HISTORY_EVENT_TYPE_EXECUTION_TIMED_OUT = 13;
     */
    EXECUTION_TIMED_OUT = 13,
    /**
     * @generated from enum value: HISTORY_EVENT_TYPE_FAIL_STATE_ENTERED = 14;
     */
    FAIL_STATE_ENTERED = 14,
    /**
     * @generated from enum value: HISTORY_EVENT_TYPE_LAMBDA_FUNCTION_FAILED = 15;
     */
    LAMBDA_FUNCTION_FAILED = 15,
    /**
     * @generated from enum value: HISTORY_EVENT_TYPE_LAMBDA_FUNCTION_SCHEDULED = 16;
     */
    LAMBDA_FUNCTION_SCHEDULED = 16,
    /**
     * @generated from enum value: HISTORY_EVENT_TYPE_LAMBDA_FUNCTION_SCHEDULE_FAILED = 17;
     */
    LAMBDA_FUNCTION_SCHEDULE_FAILED = 17,
    /**
     * @generated from enum value: HISTORY_EVENT_TYPE_LAMBDA_FUNCTION_STARTED = 18;
     */
    LAMBDA_FUNCTION_STARTED = 18,
    /**
     * @generated from enum value: HISTORY_EVENT_TYPE_LAMBDA_FUNCTION_START_FAILED = 19;
     */
    LAMBDA_FUNCTION_START_FAILED = 19,
    /**
     * @generated from enum value: HISTORY_EVENT_TYPE_LAMBDA_FUNCTION_SUCCEEDED = 20;
     */
    LAMBDA_FUNCTION_SUCCEEDED = 20,
    /**
     * @generated from enum value: HISTORY_EVENT_TYPE_LAMBDA_FUNCTION_TIMED_OUT = 21;
     */
    LAMBDA_FUNCTION_TIMED_OUT = 21,
    /**
     * @generated from enum value: HISTORY_EVENT_TYPE_MAP_ITERATION_ABORTED = 22;
     */
    MAP_ITERATION_ABORTED = 22,
    /**
     * @generated from enum value: HISTORY_EVENT_TYPE_MAP_ITERATION_FAILED = 23;
     */
    MAP_ITERATION_FAILED = 23,
    /**
     * @generated from enum value: HISTORY_EVENT_TYPE_MAP_ITERATION_STARTED = 24;
     */
    MAP_ITERATION_STARTED = 24,
    /**
     * @generated from enum value: HISTORY_EVENT_TYPE_MAP_ITERATION_SUCCEEDED = 25;
     */
    MAP_ITERATION_SUCCEEDED = 25,
    /**
     * @generated from enum value: HISTORY_EVENT_TYPE_MAP_STATE_ABORTED = 26;
     */
    MAP_STATE_ABORTED = 26,
    /**
     * @generated from enum value: HISTORY_EVENT_TYPE_MAP_STATE_ENTERED = 27;
     */
    MAP_STATE_ENTERED = 27,
    /**
     * @generated from enum value: HISTORY_EVENT_TYPE_MAP_STATE_EXITED = 28;
     */
    MAP_STATE_EXITED = 28,
    /**
     * @generated from enum value: HISTORY_EVENT_TYPE_MAP_STATE_FAILED = 29;
     */
    MAP_STATE_FAILED = 29,
    /**
     * @generated from enum value: HISTORY_EVENT_TYPE_MAP_STATE_STARTED = 30;
     */
    MAP_STATE_STARTED = 30,
    /**
     * @generated from enum value: HISTORY_EVENT_TYPE_MAP_STATE_SUCCEEDED = 31;
     */
    MAP_STATE_SUCCEEDED = 31,
    /**
     * @generated from enum value: HISTORY_EVENT_TYPE_PARALLEL_STATE_ABORTED = 32;
     */
    PARALLEL_STATE_ABORTED = 32,
    /**
     * @generated from enum value: HISTORY_EVENT_TYPE_PARALLEL_STATE_ENTERED = 33;
     */
    PARALLEL_STATE_ENTERED = 33,
    /**
     * @generated from enum value: HISTORY_EVENT_TYPE_PARALLEL_STATE_EXITED = 34;
     */
    PARALLEL_STATE_EXITED = 34,
    /**
     * @generated from enum value: HISTORY_EVENT_TYPE_PARALLEL_STATE_FAILED = 35;
     */
    PARALLEL_STATE_FAILED = 35,
    /**
     * @generated from enum value: HISTORY_EVENT_TYPE_PARALLEL_STATE_STARTED = 36;
     */
    PARALLEL_STATE_STARTED = 36,
    /**
     * @generated from enum value: HISTORY_EVENT_TYPE_PARALLEL_STATE_SUCCEEDED = 37;
     */
    PARALLEL_STATE_SUCCEEDED = 37,
    /**
     * @generated from enum value: HISTORY_EVENT_TYPE_PASS_STATE_ENTERED = 38;
     */
    PASS_STATE_ENTERED = 38,
    /**
     * @generated from enum value: HISTORY_EVENT_TYPE_PASS_STATE_EXITED = 39;
     */
    PASS_STATE_EXITED = 39,
    /**
     * @generated from enum value: HISTORY_EVENT_TYPE_SUCCEED_STATE_ENTERED = 40;
     */
    SUCCEED_STATE_ENTERED = 40,
    /**
     * @generated from enum value: HISTORY_EVENT_TYPE_SUCCEED_STATE_EXITED = 41;
     */
    SUCCEED_STATE_EXITED = 41,
    /**
     * @generated from enum value: HISTORY_EVENT_TYPE_TASK_FAILED = 42;
     */
    TASK_FAILED = 42,
    /**
     * @generated from enum value: HISTORY_EVENT_TYPE_TASK_SCHEDULED = 43;
     */
    TASK_SCHEDULED = 43,
    /**
     * @generated from enum value: HISTORY_EVENT_TYPE_TASK_STARTED = 44;
     */
    TASK_STARTED = 44,
    /**
     * @generated from enum value: HISTORY_EVENT_TYPE_TASK_START_FAILED = 45;
     */
    TASK_START_FAILED = 45,
    /**
     * @generated from enum value: HISTORY_EVENT_TYPE_TASK_STATE_ABORTED = 46;
     */
    TASK_STATE_ABORTED = 46,
    /**
     * @generated from enum value: HISTORY_EVENT_TYPE_TASK_STATE_ENTERED = 47;
     */
    TASK_STATE_ENTERED = 47,
    /**
     * @generated from enum value: HISTORY_EVENT_TYPE_TASK_STATE_EXITED = 48;
     */
    TASK_STATE_EXITED = 48,
    /**
     * @generated from enum value: HISTORY_EVENT_TYPE_TASK_SUBMIT_FAILED = 49;
     */
    TASK_SUBMIT_FAILED = 49,
    /**
     * @generated from enum value: HISTORY_EVENT_TYPE_TASK_SUBMITTED = 50;
     */
    TASK_SUBMITTED = 50,
    /**
     * @generated from enum value: HISTORY_EVENT_TYPE_TASK_SUCCEEDED = 51;
     */
    TASK_SUCCEEDED = 51,
    /**
     * @generated from enum value: HISTORY_EVENT_TYPE_TASK_TIMED_OUT = 52;
     */
    TASK_TIMED_OUT = 52,
    /**
     * @generated from enum value: HISTORY_EVENT_TYPE_WAIT_STATE_ABORTED = 53;
     */
    WAIT_STATE_ABORTED = 53,
    /**
     * @generated from enum value: HISTORY_EVENT_TYPE_WAIT_STATE_ENTERED = 54;
     */
    WAIT_STATE_ENTERED = 54,
    /**
     * @generated from enum value: HISTORY_EVENT_TYPE_WAIT_STATE_EXITED = 55;
     */
    WAIT_STATE_EXITED = 55,
    /**
     * @generated from enum value: HISTORY_EVENT_TYPE_MAP_RUN_ABORTED = 56;
     */
    MAP_RUN_ABORTED = 56,
    /**
     * @generated from enum value: HISTORY_EVENT_TYPE_MAP_RUN_FAILED = 57;
     */
    MAP_RUN_FAILED = 57,
    /**
     * @generated from enum value: HISTORY_EVENT_TYPE_MAP_RUN_STARTED = 58;
     */
    MAP_RUN_STARTED = 58,
    /**
     * @generated from enum value: HISTORY_EVENT_TYPE_MAP_RUN_SUCCEEDED = 59;
     */
    MAP_RUN_SUCCEEDED = 59,
    /**
     * @generated from enum value: HISTORY_EVENT_TYPE_EXECUTION_REDRIVEN = 60;
     */
    EXECUTION_REDRIVEN = 60,
    /**
     * @generated from enum value: HISTORY_EVENT_TYPE_MAP_RUN_REDRIVEN = 61;
     */
    MAP_RUN_REDRIVEN = 61,
    /**
     * @generated from enum value: HISTORY_EVENT_TYPE_EVALUATION_FAILED = 62;
     */
    EVALUATION_FAILED = 62
}
/**
 * Describes the enum sfngrpc.stepfunctions.v1.HistoryEventType.
 */
export declare const HistoryEventTypeSchema: GenEnum<HistoryEventType>;
