import type { GenEnum, GenFile, GenMessage } from "@bufbuild/protobuf/codegenv2";
import type { Timestamp } from "@bufbuild/protobuf/wkt";
import type { EncryptionConfiguration, IncludedData, LoggingConfiguration, TracingConfiguration, VariableNameList } from "./common_pb.js";
import type { Message } from "@bufbuild/protobuf";
/**
 * Describes the file sfngrpc/stepfunctions/v1/executions.proto.
 */
export declare const file_sfngrpc_stepfunctions_v1_executions: GenFile;
/**
 * Request of DescribeExecution (model shape DescribeExecutionInput).
 *
 * @generated from message sfngrpc.stepfunctions.v1.DescribeExecutionRequest
 */
export type DescribeExecutionRequest = Message<"sfngrpc.stepfunctions.v1.DescribeExecutionRequest"> & {
    /**
     * The Amazon Resource Name (ARN) of the execution to describe.
     *
     * Required. Length (characters): 1 to 256.
     *
     * @generated from field: string execution_arn = 1;
     */
    executionArn: string;
    /**
     * If your state machine definition is encrypted with a KMS key, callers must have kms:Decrypt
     * permission to decrypt the definition. Alternatively, you can call DescribeStateMachine API with
     * includedData = METADATA_ONLY to get a successful response without the encrypted definition.
     *
     * @generated from field: optional sfngrpc.stepfunctions.v1.IncludedData included_data = 2;
     */
    includedData?: IncludedData | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.DescribeExecutionRequest.
 * Use `create(DescribeExecutionRequestSchema)` to create a new message.
 */
export declare const DescribeExecutionRequestSchema: GenMessage<DescribeExecutionRequest>;
/**
 * Response of DescribeExecution (model shape DescribeExecutionOutput).
 *
 * @generated from message sfngrpc.stepfunctions.v1.DescribeExecutionResponse
 */
export type DescribeExecutionResponse = Message<"sfngrpc.stepfunctions.v1.DescribeExecutionResponse"> & {
    /**
     * The Amazon Resource Name (ARN) that identifies the execution.
     *
     * Required. Length (characters): 1 to 256.
     *
     * @generated from field: string execution_arn = 1;
     */
    executionArn: string;
    /**
     * The Amazon Resource Name (ARN) of the executed stated machine.
     *
     * Required. Length (characters): 1 to 256.
     *
     * @generated from field: string state_machine_arn = 2;
     */
    stateMachineArn: string;
    /**
     * The name of the execution.
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
     * Length (characters): 1 to 80.
     *
     * @generated from field: optional string name = 3;
     */
    name?: string | undefined;
    /**
     * The current status of the execution.
     *
     * Required.
     *
     * @generated from field: sfngrpc.stepfunctions.v1.ExecutionStatus status = 4;
     */
    status: ExecutionStatus;
    /**
     * The date the execution is started.
     *
     * Required.
     *
     * @generated from field: google.protobuf.Timestamp start_date = 5;
     */
    startDate?: Timestamp | undefined;
    /**
     * If the execution ended, the date the execution stopped.
     *
     * @generated from field: google.protobuf.Timestamp stop_date = 6;
     */
    stopDate?: Timestamp | undefined;
    /**
     * The string that contains the JSON input data of the execution. Length constraints apply to the
     * payload size, and are expressed as bytes in UTF-8 encoding.
     *
     * Length (characters): 0 to 262144. Sensitive: never logged.
     *
     * @generated from field: optional string input = 7;
     */
    input?: string | undefined;
    /**
     * Provides details about execution input or output.
     *
     * @generated from field: sfngrpc.stepfunctions.v1.CloudWatchEventsExecutionDataDetails input_details = 8;
     */
    inputDetails?: CloudWatchEventsExecutionDataDetails | undefined;
    /**
     * The JSON output data of the execution. Length constraints apply to the payload size, and are
     * expressed as bytes in UTF-8 encoding.
     *
     * Note: This field is set only if the execution succeeds. If the execution fails, this field is
     * null.
     *
     * Length (characters): 0 to 262144. Sensitive: never logged.
     *
     * @generated from field: optional string output = 9;
     */
    output?: string | undefined;
    /**
     * Provides details about execution input or output.
     *
     * @generated from field: sfngrpc.stepfunctions.v1.CloudWatchEventsExecutionDataDetails output_details = 10;
     */
    outputDetails?: CloudWatchEventsExecutionDataDetails | undefined;
    /**
     * The X-Ray trace header that was passed to the execution.
     *
     * Note: For X-Ray traces, all Amazon Web Services services use the X-Amzn-Trace-Id header from the
     * HTTP request. Using the header is the preferred mechanism to identify a trace. StartExecution
     * and StartSyncExecution API operations can also use traceHeader from the body of the request
     * payload. If both sources are provided, Step Functions will use the header value (preferred) over
     * the value in the request body.
     *
     * Length (characters): 0 to 256. Pattern: \p{ASCII}*
     *
     * @generated from field: optional string trace_header = 11;
     */
    traceHeader?: string | undefined;
    /**
     * The Amazon Resource Name (ARN) that identifies a Map Run, which dispatched this execution.
     *
     * Length (characters): 1 to 2000.
     *
     * @generated from field: optional string map_run_arn = 12;
     */
    mapRunArn?: string | undefined;
    /**
     * The error string if the state machine execution failed.
     *
     * Length (characters): 0 to 256. Sensitive: never logged.
     *
     * @generated from field: optional string error = 13;
     */
    error?: string | undefined;
    /**
     * The cause string if the state machine execution failed.
     *
     * Length (characters): 0 to 32768. Sensitive: never logged.
     *
     * @generated from field: optional string cause = 14;
     */
    cause?: string | undefined;
    /**
     * The Amazon Resource Name (ARN) of the state machine version associated with the execution. The
     * version ARN is a combination of state machine ARN and the version number separated by a colon
     * (:). For example, stateMachineARN:1.
     *
     * If you start an execution from a StartExecution request without specifying a state machine
     * version or alias ARN, Step Functions returns a null value.
     *
     * Length (characters): 1 to 256.
     *
     * @generated from field: optional string state_machine_version_arn = 15;
     */
    stateMachineVersionArn?: string | undefined;
    /**
     * The Amazon Resource Name (ARN) of the state machine alias associated with the execution. The
     * alias ARN is a combination of state machine ARN and the alias name separated by a colon (:). For
     * example, stateMachineARN:PROD.
     *
     * If you start an execution from a StartExecution request with a state machine version ARN, this
     * field will be null.
     *
     * Length (characters): 1 to 256.
     *
     * @generated from field: optional string state_machine_alias_arn = 16;
     */
    stateMachineAliasArn?: string | undefined;
    /**
     * The number of times you've redriven an execution. If you have not yet redriven an execution, the
     * redriveCount is 0. This count is only updated if you successfully redrive an execution.
     *
     * @generated from field: optional int64 redrive_count = 17;
     */
    redriveCount?: bigint | undefined;
    /**
     * The date the execution was last redriven. If you have not yet redriven an execution, the
     * redriveDate is null.
     *
     * The redriveDate is unavailable if you redrive a Map Run that starts child workflow executions of
     * type EXPRESS.
     *
     * @generated from field: google.protobuf.Timestamp redrive_date = 18;
     */
    redriveDate?: Timestamp | undefined;
    /**
     * Indicates whether or not an execution can be redriven at a given point in time.
     * - For executions of type STANDARD, redriveStatus is NOT_REDRIVABLE if calling the
     *   RedriveExecution API action would return the ExecutionNotRedrivable error.
     * - For a Distributed Map that includes child workflows of type STANDARD, redriveStatus indicates
     *   whether or not the Map Run can redrive child workflow executions.
     * - For a Distributed Map that includes child workflows of type EXPRESS, redriveStatus indicates
     *   whether or not the Map Run can redrive child workflow executions.
     *   You can redrive failed or timed out EXPRESS workflows only if they're a part of a Map Run.
     *   When you redrive (https://docs.aws.amazon.com/step-functions/latest/dg/redrive-map-run.html)
     *   the Map Run, these workflows are restarted using the StartExecution API action.
     *
     * @generated from field: optional sfngrpc.stepfunctions.v1.ExecutionRedriveStatus redrive_status = 19;
     */
    redriveStatus?: ExecutionRedriveStatus | undefined;
    /**
     * When redriveStatus is NOT_REDRIVABLE, redriveStatusReason specifies the reason why an execution
     * cannot be redriven.
     * - For executions of type STANDARD, or for a Distributed Map that includes child workflows of
     *   type STANDARD, redriveStatusReason can include one of the following reasons:
     *   - State machine is in DELETING status.
     *   - Execution is RUNNING and cannot be redriven.
     *   - Execution is SUCCEEDED and cannot be redriven.
     *   - Execution was started before the launch of RedriveExecution.
     *   - Execution history event limit exceeded.
     *   - Execution has exceeded the max execution time.
     *   - Execution redrivable period exceeded.
     * - For a Distributed Map that includes child workflows of type EXPRESS, redriveStatusReason is
     *   only returned if the child workflows are not redrivable. This happens when the child workflow
     *   executions have completed successfully.
     *
     * Length (characters): 0 to 262144. Sensitive: never logged.
     *
     * @generated from field: optional string redrive_status_reason = 20;
     */
    redriveStatusReason?: string | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.DescribeExecutionResponse.
 * Use `create(DescribeExecutionResponseSchema)` to create a new message.
 */
export declare const DescribeExecutionResponseSchema: GenMessage<DescribeExecutionResponse>;
/**
 * Request of DescribeStateMachineForExecution (model shape DescribeStateMachineForExecutionInput).
 *
 * @generated from message sfngrpc.stepfunctions.v1.DescribeStateMachineForExecutionRequest
 */
export type DescribeStateMachineForExecutionRequest = Message<"sfngrpc.stepfunctions.v1.DescribeStateMachineForExecutionRequest"> & {
    /**
     * The Amazon Resource Name (ARN) of the execution you want state machine information for.
     *
     * Required. Length (characters): 1 to 256.
     *
     * @generated from field: string execution_arn = 1;
     */
    executionArn: string;
    /**
     * If your state machine definition is encrypted with a KMS key, callers must have kms:Decrypt
     * permission to decrypt the definition. Alternatively, you can call the API with includedData =
     * METADATA_ONLY to get a successful response without the encrypted definition.
     *
     * @generated from field: optional sfngrpc.stepfunctions.v1.IncludedData included_data = 2;
     */
    includedData?: IncludedData | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.DescribeStateMachineForExecutionRequest.
 * Use `create(DescribeStateMachineForExecutionRequestSchema)` to create a new message.
 */
export declare const DescribeStateMachineForExecutionRequestSchema: GenMessage<DescribeStateMachineForExecutionRequest>;
/**
 * Response of DescribeStateMachineForExecution (model shape DescribeStateMachineForExecutionOutput).
 *
 * @generated from message sfngrpc.stepfunctions.v1.DescribeStateMachineForExecutionResponse
 */
export type DescribeStateMachineForExecutionResponse = Message<"sfngrpc.stepfunctions.v1.DescribeStateMachineForExecutionResponse"> & {
    /**
     * The Amazon Resource Name (ARN) of the state machine associated with the execution.
     *
     * Required. Length (characters): 1 to 256.
     *
     * @generated from field: string state_machine_arn = 1;
     */
    stateMachineArn: string;
    /**
     * The name of the state machine associated with the execution.
     *
     * Required. Length (characters): 1 to 80.
     *
     * @generated from field: string name = 2;
     */
    name: string;
    /**
     * The Amazon States Language definition of the state machine. See Amazon States Language
     * (https://docs.aws.amazon.com/step-functions/latest/dg/concepts-amazon-states-language.html).
     *
     * Required. Length (characters): 1 to 1048576. Sensitive: never logged.
     *
     * @generated from field: string definition = 3;
     */
    definition: string;
    /**
     * The Amazon Resource Name (ARN) of the IAM role of the State Machine for the execution.
     *
     * Required. Length (characters): 1 to 256.
     *
     * @generated from field: string role_arn = 4;
     */
    roleArn: string;
    /**
     * The date and time the state machine associated with an execution was updated. For a newly
     * created state machine, this is the creation date.
     *
     * Required.
     *
     * @generated from field: google.protobuf.Timestamp update_date = 5;
     */
    updateDate?: Timestamp | undefined;
    /**
     * The LoggingConfiguration data type is used to set CloudWatch Logs options.
     *
     * @generated from field: sfngrpc.stepfunctions.v1.LoggingConfiguration logging_configuration = 6;
     */
    loggingConfiguration?: LoggingConfiguration | undefined;
    /**
     * Selects whether X-Ray tracing is enabled.
     *
     * @generated from field: sfngrpc.stepfunctions.v1.TracingConfiguration tracing_configuration = 7;
     */
    tracingConfiguration?: TracingConfiguration | undefined;
    /**
     * The Amazon Resource Name (ARN) of the Map Run that started the child workflow execution. This
     * field is returned only if the executionArn is a child workflow execution that was started by a
     * Distributed Map state.
     *
     * Length (characters): 1 to 2000.
     *
     * @generated from field: optional string map_run_arn = 8;
     */
    mapRunArn?: string | undefined;
    /**
     * A user-defined or an auto-generated string that identifies a Map state. This field is returned
     * only if the executionArn is a child workflow execution that was started by a Distributed Map
     * state.
     *
     * @generated from field: optional string label = 9;
     */
    label?: string | undefined;
    /**
     * The revision identifier for the state machine. The first revision ID when you create the state
     * machine is null.
     *
     * Use the state machine revisionId parameter to compare the revision of a state machine with the
     * configuration of the state machine used for executions without performing a diff of the
     * properties, such as definition and roleArn.
     *
     * @generated from field: optional string revision_id = 10;
     */
    revisionId?: string | undefined;
    /**
     * Settings to configure server-side encryption.
     *
     * @generated from field: sfngrpc.stepfunctions.v1.EncryptionConfiguration encryption_configuration = 11;
     */
    encryptionConfiguration?: EncryptionConfiguration | undefined;
    /**
     * A map of state name to a list of variables referenced by that state. States that do not use
     * variable references will not be shown in the response.
     *
     * Sensitive: never logged.
     *
     * @generated from field: map<string, sfngrpc.stepfunctions.v1.VariableNameList> variable_references = 12;
     */
    variableReferences: {
        [key: string]: VariableNameList;
    };
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.DescribeStateMachineForExecutionResponse.
 * Use `create(DescribeStateMachineForExecutionResponseSchema)` to create a new message.
 */
export declare const DescribeStateMachineForExecutionResponseSchema: GenMessage<DescribeStateMachineForExecutionResponse>;
/**
 * Request of ListExecutions (model shape ListExecutionsInput).
 *
 * @generated from message sfngrpc.stepfunctions.v1.ListExecutionsRequest
 */
export type ListExecutionsRequest = Message<"sfngrpc.stepfunctions.v1.ListExecutionsRequest"> & {
    /**
     * The Amazon Resource Name (ARN) of the state machine whose executions is listed.
     *
     * You can specify either a mapRunArn or a stateMachineArn, but not both.
     *
     * You can also return a list of executions associated with a specific alias
     * (https://docs.aws.amazon.com/step-functions/latest/dg/concepts-state-machine-alias.html) or
     * version
     * (https://docs.aws.amazon.com/step-functions/latest/dg/concepts-state-machine-version.html), by
     * specifying an alias ARN or a version ARN in the stateMachineArn parameter.
     *
     * Length (characters): 1 to 256.
     *
     * @generated from field: optional string state_machine_arn = 1;
     */
    stateMachineArn?: string | undefined;
    /**
     * If specified, only list the executions whose current execution status matches the given filter.
     *
     * If you provide a PENDING_REDRIVE statusFilter, you must specify mapRunArn. For more information,
     * see Child workflow execution redrive behaviour
     * (https://docs.aws.amazon.com/step-functions/latest/dg/redrive-map-run.html#redrive-child-workflow-behavior)
     * in the Step Functions Developer Guide.
     *
     * If you provide a stateMachineArn and a PENDING_REDRIVE statusFilter, the API returns a
     * validation exception.
     *
     * @generated from field: optional sfngrpc.stepfunctions.v1.ExecutionStatus status_filter = 2;
     */
    statusFilter?: ExecutionStatus | undefined;
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
     * @generated from field: optional int64 max_results = 3;
     */
    maxResults?: bigint | undefined;
    /**
     * If nextToken is returned, there are more results available. The value of nextToken is a unique
     * pagination token for each page. Make the call again using the returned token to retrieve the
     * next page. Keep all other arguments unchanged. Each pagination token expires after 24 hours.
     * Using an expired pagination token will return an HTTP 400 InvalidToken error.
     *
     * Length (characters): 1 to 3096.
     *
     * @generated from field: optional string next_token = 4;
     */
    nextToken?: string | undefined;
    /**
     * The Amazon Resource Name (ARN) of the Map Run that started the child workflow executions. If the
     * mapRunArn field is specified, a list of all of the child workflow executions started by a Map
     * Run is returned. For more information, see Examining Map Run
     * (https://docs.aws.amazon.com/step-functions/latest/dg/concepts-examine-map-run.html) in the Step
     * Functions Developer Guide.
     *
     * You can specify either a mapRunArn or a stateMachineArn, but not both.
     *
     * Length (characters): 1 to 2000.
     *
     * @generated from field: optional string map_run_arn = 5;
     */
    mapRunArn?: string | undefined;
    /**
     * Sets a filter to list executions based on whether or not they have been redriven.
     *
     * For a Distributed Map, redriveFilter sets a filter to list child workflow executions based on
     * whether or not they have been redriven.
     *
     * If you do not provide a redriveFilter, Step Functions returns a list of both redriven and
     * non-redriven executions.
     *
     * If you provide a state machine ARN in redriveFilter, the API returns a validation exception.
     *
     * @generated from field: optional sfngrpc.stepfunctions.v1.ExecutionRedriveFilter redrive_filter = 6;
     */
    redriveFilter?: ExecutionRedriveFilter | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.ListExecutionsRequest.
 * Use `create(ListExecutionsRequestSchema)` to create a new message.
 */
export declare const ListExecutionsRequestSchema: GenMessage<ListExecutionsRequest>;
/**
 * Response of ListExecutions (model shape ListExecutionsOutput).
 *
 * @generated from message sfngrpc.stepfunctions.v1.ListExecutionsResponse
 */
export type ListExecutionsResponse = Message<"sfngrpc.stepfunctions.v1.ListExecutionsResponse"> & {
    /**
     * The list of matching executions.
     *
     * Required.
     *
     * @generated from field: repeated sfngrpc.stepfunctions.v1.ExecutionListItem executions = 1;
     */
    executions: ExecutionListItem[];
    /**
     * If nextToken is returned, there are more results available. The value of nextToken is a unique
     * pagination token for each page. Make the call again using the returned token to retrieve the
     * next page. Keep all other arguments unchanged. Each pagination token expires after 24 hours.
     * Using an expired pagination token will return an HTTP 400 InvalidToken error.
     *
     * Length (characters): 1 to 3096.
     *
     * @generated from field: optional string next_token = 2;
     */
    nextToken?: string | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.ListExecutionsResponse.
 * Use `create(ListExecutionsResponseSchema)` to create a new message.
 */
export declare const ListExecutionsResponseSchema: GenMessage<ListExecutionsResponse>;
/**
 * Request of RedriveExecution (model shape RedriveExecutionInput).
 *
 * @generated from message sfngrpc.stepfunctions.v1.RedriveExecutionRequest
 */
export type RedriveExecutionRequest = Message<"sfngrpc.stepfunctions.v1.RedriveExecutionRequest"> & {
    /**
     * The Amazon Resource Name (ARN) of the execution to be redriven.
     *
     * Required. Length (characters): 1 to 256.
     *
     * @generated from field: string execution_arn = 1;
     */
    executionArn: string;
    /**
     * A unique, case-sensitive identifier that you provide to ensure the idempotency of the request.
     * If you don’t specify a client token, the Amazon Web Services SDK automatically generates a
     * client token and uses it for the request to ensure idempotency. The API will return idempotent
     * responses for the last 10 client tokens used to successfully redrive the execution. These client
     * tokens are valid for up to 15 minutes after they are first used.
     *
     * Length (characters): 1 to 64. Pattern: [!-~]+
     *
     * @generated from field: optional string client_token = 2;
     */
    clientToken?: string | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.RedriveExecutionRequest.
 * Use `create(RedriveExecutionRequestSchema)` to create a new message.
 */
export declare const RedriveExecutionRequestSchema: GenMessage<RedriveExecutionRequest>;
/**
 * Response of RedriveExecution (model shape RedriveExecutionOutput).
 *
 * @generated from message sfngrpc.stepfunctions.v1.RedriveExecutionResponse
 */
export type RedriveExecutionResponse = Message<"sfngrpc.stepfunctions.v1.RedriveExecutionResponse"> & {
    /**
     * The date the execution was last redriven.
     *
     * Required.
     *
     * @generated from field: google.protobuf.Timestamp redrive_date = 1;
     */
    redriveDate?: Timestamp | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.RedriveExecutionResponse.
 * Use `create(RedriveExecutionResponseSchema)` to create a new message.
 */
export declare const RedriveExecutionResponseSchema: GenMessage<RedriveExecutionResponse>;
/**
 * Request of StartExecution (model shape StartExecutionInput).
 *
 * @generated from message sfngrpc.stepfunctions.v1.StartExecutionRequest
 */
export type StartExecutionRequest = Message<"sfngrpc.stepfunctions.v1.StartExecutionRequest"> & {
    /**
     * The Amazon Resource Name (ARN) of the state machine to execute.
     *
     * The stateMachineArn parameter accepts one of the following inputs:
     * - An unqualified state machine ARN – Refers to a state machine ARN that isn't qualified with a
     *   version or alias ARN. The following is an example of an unqualified state machine ARN.
     *   arn:<partition>:states:<region>:<account-id>:stateMachine:<myStateMachine>
     *   Step Functions doesn't associate state machine executions that you start with an unqualified
     *   ARN with a version. This is true even if that version uses the same revision that the
     *   execution used.
     * - A state machine version ARN – Refers to a version ARN, which is a combination of state machine
     *   ARN and the version number separated by a colon (:). The following is an example of the ARN
     *   for version 10.
     *   arn:<partition>:states:<region>:<account-id>:stateMachine:<myStateMachine>:10
     *   Step Functions doesn't associate executions that you start with a version ARN with any aliases
     *   that point to that version.
     * - A state machine alias ARN – Refers to an alias ARN, which is a combination of state machine
     *   ARN and the alias name separated by a colon (:). The following is an example of the ARN for an
     *   alias named PROD.
     *   arn:<partition>:states:<region>:<account-id>:stateMachine:<myStateMachine:PROD>
     *   Step Functions associates executions that you start with an alias ARN with that alias and the
     *   state machine version used for that execution.
     *
     * Required. Length (characters): 1 to 256.
     *
     * @generated from field: string state_machine_arn = 1;
     */
    stateMachineArn: string;
    /**
     * Optional name of the execution. For STANDARD workflows, this name must be unique for your Amazon
     * Web Services account, region, and state machine. If a previous execution with the same name
     * exists, you can reuse the name 90 days after it closes. For EXPRESS workflows, execution names
     * can be reused immediately. For more information, see Limits Related to State Machine Executions
     * (https://docs.aws.amazon.com/step-functions/latest/dg/limits.html#service-limits-state-machine-executions)
     * in the Step Functions Developer Guide.
     *
     * If you don't provide a name for the execution, Step Functions automatically generates a
     * universally unique identifier (UUID) as the execution name.
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
     * Length (characters): 1 to 80.
     *
     * @generated from field: optional string name = 2;
     */
    name?: string | undefined;
    /**
     * The string that contains the JSON input data for the execution, for example:
     *
     * "{\"first_name\" : \"Alejandro\"}"
     *
     * Note: If you don't include any JSON input data, you still must include the two braces, for
     * example: "{}"
     *
     * Length constraints apply to the payload size, and are expressed as bytes in UTF-8 encoding.
     *
     * Length (characters): 0 to 262144. Sensitive: never logged.
     *
     * @generated from field: optional string input = 3;
     */
    input?: string | undefined;
    /**
     * Passes the X-Ray trace header. The trace header can also be passed in the request payload.
     *
     * Note: For X-Ray traces, all Amazon Web Services services use the X-Amzn-Trace-Id header from the
     * HTTP request. Using the header is the preferred mechanism to identify a trace. StartExecution
     * and StartSyncExecution API operations can also use traceHeader from the body of the request
     * payload. If both sources are provided, Step Functions will use the header value (preferred) over
     * the value in the request body.
     *
     * Length (characters): 0 to 256. Pattern: \p{ASCII}*
     *
     * @generated from field: optional string trace_header = 4;
     */
    traceHeader?: string | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.StartExecutionRequest.
 * Use `create(StartExecutionRequestSchema)` to create a new message.
 */
export declare const StartExecutionRequestSchema: GenMessage<StartExecutionRequest>;
/**
 * Response of StartExecution (model shape StartExecutionOutput).
 *
 * @generated from message sfngrpc.stepfunctions.v1.StartExecutionResponse
 */
export type StartExecutionResponse = Message<"sfngrpc.stepfunctions.v1.StartExecutionResponse"> & {
    /**
     * The Amazon Resource Name (ARN) that identifies the execution.
     *
     * Required. Length (characters): 1 to 256.
     *
     * @generated from field: string execution_arn = 1;
     */
    executionArn: string;
    /**
     * The date the execution is started.
     *
     * Required.
     *
     * @generated from field: google.protobuf.Timestamp start_date = 2;
     */
    startDate?: Timestamp | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.StartExecutionResponse.
 * Use `create(StartExecutionResponseSchema)` to create a new message.
 */
export declare const StartExecutionResponseSchema: GenMessage<StartExecutionResponse>;
/**
 * Request of StartSyncExecution (model shape StartSyncExecutionInput).
 *
 * @generated from message sfngrpc.stepfunctions.v1.StartSyncExecutionRequest
 */
export type StartSyncExecutionRequest = Message<"sfngrpc.stepfunctions.v1.StartSyncExecutionRequest"> & {
    /**
     * The Amazon Resource Name (ARN) of the state machine to execute.
     *
     * Required. Length (characters): 1 to 256.
     *
     * @generated from field: string state_machine_arn = 1;
     */
    stateMachineArn: string;
    /**
     * The name of the execution.
     *
     * Length (characters): 1 to 80.
     *
     * @generated from field: optional string name = 2;
     */
    name?: string | undefined;
    /**
     * The string that contains the JSON input data for the execution, for example:
     *
     * "{\"first_name\" : \"Alejandro\"}"
     *
     * Note: If you don't include any JSON input data, you still must include the two braces, for
     * example: "{}"
     *
     * Length constraints apply to the payload size, and are expressed as bytes in UTF-8 encoding.
     *
     * Length (characters): 0 to 262144. Sensitive: never logged.
     *
     * @generated from field: optional string input = 3;
     */
    input?: string | undefined;
    /**
     * Passes the X-Ray trace header. The trace header can also be passed in the request payload.
     *
     * Note: For X-Ray traces, all Amazon Web Services services use the X-Amzn-Trace-Id header from the
     * HTTP request. Using the header is the preferred mechanism to identify a trace. StartExecution
     * and StartSyncExecution API operations can also use traceHeader from the body of the request
     * payload. If both sources are provided, Step Functions will use the header value (preferred) over
     * the value in the request body.
     *
     * Length (characters): 0 to 256. Pattern: \p{ASCII}*
     *
     * @generated from field: optional string trace_header = 4;
     */
    traceHeader?: string | undefined;
    /**
     * If your state machine definition is encrypted with a KMS key, callers must have kms:Decrypt
     * permission to decrypt the definition. Alternatively, you can call the API with includedData =
     * METADATA_ONLY to get a successful response without the encrypted definition.
     *
     * @generated from field: optional sfngrpc.stepfunctions.v1.IncludedData included_data = 5;
     */
    includedData?: IncludedData | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.StartSyncExecutionRequest.
 * Use `create(StartSyncExecutionRequestSchema)` to create a new message.
 */
export declare const StartSyncExecutionRequestSchema: GenMessage<StartSyncExecutionRequest>;
/**
 * Response of StartSyncExecution (model shape StartSyncExecutionOutput).
 *
 * @generated from message sfngrpc.stepfunctions.v1.StartSyncExecutionResponse
 */
export type StartSyncExecutionResponse = Message<"sfngrpc.stepfunctions.v1.StartSyncExecutionResponse"> & {
    /**
     * The Amazon Resource Name (ARN) that identifies the execution.
     *
     * Required. Length (characters): 1 to 256.
     *
     * @generated from field: string execution_arn = 1;
     */
    executionArn: string;
    /**
     * The Amazon Resource Name (ARN) that identifies the state machine.
     *
     * Length (characters): 1 to 256.
     *
     * @generated from field: optional string state_machine_arn = 2;
     */
    stateMachineArn?: string | undefined;
    /**
     * The name of the execution.
     *
     * Length (characters): 1 to 80.
     *
     * @generated from field: optional string name = 3;
     */
    name?: string | undefined;
    /**
     * The date the execution is started.
     *
     * Required.
     *
     * @generated from field: google.protobuf.Timestamp start_date = 4;
     */
    startDate?: Timestamp | undefined;
    /**
     * If the execution has already ended, the date the execution stopped.
     *
     * Required.
     *
     * @generated from field: google.protobuf.Timestamp stop_date = 5;
     */
    stopDate?: Timestamp | undefined;
    /**
     * The current status of the execution.
     *
     * Required.
     *
     * @generated from field: sfngrpc.stepfunctions.v1.SyncExecutionStatus status = 6;
     */
    status: SyncExecutionStatus;
    /**
     * The error code of the failure.
     *
     * Length (characters): 0 to 256. Sensitive: never logged.
     *
     * @generated from field: optional string error = 7;
     */
    error?: string | undefined;
    /**
     * A more detailed explanation of the cause of the failure.
     *
     * Length (characters): 0 to 32768. Sensitive: never logged.
     *
     * @generated from field: optional string cause = 8;
     */
    cause?: string | undefined;
    /**
     * The string that contains the JSON input data of the execution. Length constraints apply to the
     * payload size, and are expressed as bytes in UTF-8 encoding.
     *
     * Length (characters): 0 to 262144. Sensitive: never logged.
     *
     * @generated from field: optional string input = 9;
     */
    input?: string | undefined;
    /**
     * Provides details about execution input or output.
     *
     * @generated from field: sfngrpc.stepfunctions.v1.CloudWatchEventsExecutionDataDetails input_details = 10;
     */
    inputDetails?: CloudWatchEventsExecutionDataDetails | undefined;
    /**
     * The JSON output data of the execution. Length constraints apply to the payload size, and are
     * expressed as bytes in UTF-8 encoding.
     *
     * Note: This field is set only if the execution succeeds. If the execution fails, this field is
     * null.
     *
     * Length (characters): 0 to 262144. Sensitive: never logged.
     *
     * @generated from field: optional string output = 11;
     */
    output?: string | undefined;
    /**
     * Provides details about execution input or output.
     *
     * @generated from field: sfngrpc.stepfunctions.v1.CloudWatchEventsExecutionDataDetails output_details = 12;
     */
    outputDetails?: CloudWatchEventsExecutionDataDetails | undefined;
    /**
     * The X-Ray trace header that was passed to the execution.
     *
     * Note: For X-Ray traces, all Amazon Web Services services use the X-Amzn-Trace-Id header from the
     * HTTP request. Using the header is the preferred mechanism to identify a trace. StartExecution
     * and StartSyncExecution API operations can also use traceHeader from the body of the request
     * payload. If both sources are provided, Step Functions will use the header value (preferred) over
     * the value in the request body.
     *
     * Length (characters): 0 to 256. Pattern: \p{ASCII}*
     *
     * @generated from field: optional string trace_header = 13;
     */
    traceHeader?: string | undefined;
    /**
     * An object that describes workflow billing details, including billed duration and memory use.
     *
     * @generated from field: sfngrpc.stepfunctions.v1.BillingDetails billing_details = 14;
     */
    billingDetails?: BillingDetails | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.StartSyncExecutionResponse.
 * Use `create(StartSyncExecutionResponseSchema)` to create a new message.
 */
export declare const StartSyncExecutionResponseSchema: GenMessage<StartSyncExecutionResponse>;
/**
 * Request of StopExecution (model shape StopExecutionInput).
 *
 * @generated from message sfngrpc.stepfunctions.v1.StopExecutionRequest
 */
export type StopExecutionRequest = Message<"sfngrpc.stepfunctions.v1.StopExecutionRequest"> & {
    /**
     * The Amazon Resource Name (ARN) of the execution to stop.
     *
     * Required. Length (characters): 1 to 256.
     *
     * @generated from field: string execution_arn = 1;
     */
    executionArn: string;
    /**
     * The error code of the failure.
     *
     * Length (characters): 0 to 256. Sensitive: never logged.
     *
     * @generated from field: optional string error = 2;
     */
    error?: string | undefined;
    /**
     * A more detailed explanation of the cause of the failure.
     *
     * Length (characters): 0 to 32768. Sensitive: never logged.
     *
     * @generated from field: optional string cause = 3;
     */
    cause?: string | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.StopExecutionRequest.
 * Use `create(StopExecutionRequestSchema)` to create a new message.
 */
export declare const StopExecutionRequestSchema: GenMessage<StopExecutionRequest>;
/**
 * Response of StopExecution (model shape StopExecutionOutput).
 *
 * @generated from message sfngrpc.stepfunctions.v1.StopExecutionResponse
 */
export type StopExecutionResponse = Message<"sfngrpc.stepfunctions.v1.StopExecutionResponse"> & {
    /**
     * The date the execution is stopped.
     *
     * Required.
     *
     * @generated from field: google.protobuf.Timestamp stop_date = 1;
     */
    stopDate?: Timestamp | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.StopExecutionResponse.
 * Use `create(StopExecutionResponseSchema)` to create a new message.
 */
export declare const StopExecutionResponseSchema: GenMessage<StopExecutionResponse>;
/**
 * An object that describes workflow billing details.
 *
 * @generated from message sfngrpc.stepfunctions.v1.BillingDetails
 */
export type BillingDetails = Message<"sfngrpc.stepfunctions.v1.BillingDetails"> & {
    /**
     * Billed memory consumption of your workflow, in MB.
     *
     * Range: 0 to any.
     *
     * @generated from field: optional int64 billed_memory_used_in_mb = 1 [json_name = "billedMemoryUsedInMB"];
     */
    billedMemoryUsedInMb?: bigint | undefined;
    /**
     * Billed duration of your workflow, in milliseconds.
     *
     * Range: 0 to any.
     *
     * @generated from field: optional int64 billed_duration_in_milliseconds = 2;
     */
    billedDurationInMilliseconds?: bigint | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.BillingDetails.
 * Use `create(BillingDetailsSchema)` to create a new message.
 */
export declare const BillingDetailsSchema: GenMessage<BillingDetails>;
/**
 * Provides details about execution input or output.
 *
 * @generated from message sfngrpc.stepfunctions.v1.CloudWatchEventsExecutionDataDetails
 */
export type CloudWatchEventsExecutionDataDetails = Message<"sfngrpc.stepfunctions.v1.CloudWatchEventsExecutionDataDetails"> & {
    /**
     * Indicates whether input or output was included in the response. Always true for API calls.
     *
     * @generated from field: optional bool included = 1;
     */
    included?: boolean | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.CloudWatchEventsExecutionDataDetails.
 * Use `create(CloudWatchEventsExecutionDataDetailsSchema)` to create a new message.
 */
export declare const CloudWatchEventsExecutionDataDetailsSchema: GenMessage<CloudWatchEventsExecutionDataDetails>;
/**
 * Contains details about an execution.
 *
 * @generated from message sfngrpc.stepfunctions.v1.ExecutionListItem
 */
export type ExecutionListItem = Message<"sfngrpc.stepfunctions.v1.ExecutionListItem"> & {
    /**
     * The Amazon Resource Name (ARN) that identifies the execution.
     *
     * Required. Length (characters): 1 to 256.
     *
     * @generated from field: string execution_arn = 1;
     */
    executionArn: string;
    /**
     * The Amazon Resource Name (ARN) of the state machine that ran the execution.
     *
     * Required. Length (characters): 1 to 256.
     *
     * @generated from field: string state_machine_arn = 2;
     */
    stateMachineArn: string;
    /**
     * The name of the execution.
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
     * @generated from field: string name = 3;
     */
    name: string;
    /**
     * The current status of the execution.
     *
     * Required.
     *
     * @generated from field: sfngrpc.stepfunctions.v1.ExecutionStatus status = 4;
     */
    status: ExecutionStatus;
    /**
     * The date the execution started.
     *
     * Required.
     *
     * @generated from field: google.protobuf.Timestamp start_date = 5;
     */
    startDate?: Timestamp | undefined;
    /**
     * If the execution already ended, the date the execution stopped.
     *
     * @generated from field: google.protobuf.Timestamp stop_date = 6;
     */
    stopDate?: Timestamp | undefined;
    /**
     * The Amazon Resource Name (ARN) of a Map Run. This field is returned only if mapRunArn was
     * specified in the ListExecutions API action. If stateMachineArn was specified in ListExecutions,
     * the mapRunArn isn't returned.
     *
     * Length (characters): 1 to 2000.
     *
     * @generated from field: optional string map_run_arn = 7;
     */
    mapRunArn?: string | undefined;
    /**
     * The total number of items processed in a child workflow execution. This field is returned only
     * if mapRunArn was specified in the ListExecutions API action. If stateMachineArn was specified in
     * ListExecutions, the itemCount field isn't returned.
     *
     * Range: 0 to any.
     *
     * @generated from field: optional int64 item_count = 8;
     */
    itemCount?: bigint | undefined;
    /**
     * The Amazon Resource Name (ARN) of the state machine version associated with the execution.
     *
     * If the state machine execution was started with an unqualified ARN, it returns null.
     *
     * If the execution was started using a stateMachineAliasArn, both the stateMachineAliasArn and
     * stateMachineVersionArn parameters contain the respective values.
     *
     * Length (characters): 1 to 256.
     *
     * @generated from field: optional string state_machine_version_arn = 9;
     */
    stateMachineVersionArn?: string | undefined;
    /**
     * The Amazon Resource Name (ARN) of the state machine alias used to start an execution.
     *
     * If the state machine execution was started with an unqualified ARN or a version ARN, it returns
     * null.
     *
     * Length (characters): 1 to 256.
     *
     * @generated from field: optional string state_machine_alias_arn = 10;
     */
    stateMachineAliasArn?: string | undefined;
    /**
     * The number of times you've redriven an execution. If you have not yet redriven an execution, the
     * redriveCount is 0. This count is only updated when you successfully redrive an execution.
     *
     * @generated from field: optional int64 redrive_count = 11;
     */
    redriveCount?: bigint | undefined;
    /**
     * The date the execution was last redriven.
     *
     * @generated from field: google.protobuf.Timestamp redrive_date = 12;
     */
    redriveDate?: Timestamp | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.ExecutionListItem.
 * Use `create(ExecutionListItemSchema)` to create a new message.
 */
export declare const ExecutionListItemSchema: GenMessage<ExecutionListItem>;
/**
 * The values of the model's ExecutionRedriveFilter.
 *
 * @generated from enum sfngrpc.stepfunctions.v1.ExecutionRedriveFilter
 */
export declare enum ExecutionRedriveFilter {
    /**
     * Not set, or a value this version of the API does not know yet.
     *
     * @generated from enum value: EXECUTION_REDRIVE_FILTER_UNSPECIFIED = 0;
     */
    UNSPECIFIED = 0,
    /**
     * @generated from enum value: EXECUTION_REDRIVE_FILTER_REDRIVEN = 1;
     */
    REDRIVEN = 1,
    /**
     * @generated from enum value: EXECUTION_REDRIVE_FILTER_NOT_REDRIVEN = 2;
     */
    NOT_REDRIVEN = 2
}
/**
 * Describes the enum sfngrpc.stepfunctions.v1.ExecutionRedriveFilter.
 */
export declare const ExecutionRedriveFilterSchema: GenEnum<ExecutionRedriveFilter>;
/**
 * The values of the model's ExecutionRedriveStatus.
 *
 * @generated from enum sfngrpc.stepfunctions.v1.ExecutionRedriveStatus
 */
export declare enum ExecutionRedriveStatus {
    /**
     * Not set, or a value this version of the API does not know yet.
     *
     * @generated from enum value: EXECUTION_REDRIVE_STATUS_UNSPECIFIED = 0;
     */
    UNSPECIFIED = 0,
    /**
     * @generated from enum value: EXECUTION_REDRIVE_STATUS_REDRIVABLE = 1;
     */
    REDRIVABLE = 1,
    /**
     * @generated from enum value: EXECUTION_REDRIVE_STATUS_NOT_REDRIVABLE = 2;
     */
    NOT_REDRIVABLE = 2,
    /**
     * @generated from enum value: EXECUTION_REDRIVE_STATUS_REDRIVABLE_BY_MAP_RUN = 3;
     */
    REDRIVABLE_BY_MAP_RUN = 3
}
/**
 * Describes the enum sfngrpc.stepfunctions.v1.ExecutionRedriveStatus.
 */
export declare const ExecutionRedriveStatusSchema: GenEnum<ExecutionRedriveStatus>;
/**
 * The values of the model's ExecutionStatus.
 *
 * @generated from enum sfngrpc.stepfunctions.v1.ExecutionStatus
 */
export declare enum ExecutionStatus {
    /**
     * Not set, or a value this version of the API does not know yet.
     *
     * @generated from enum value: EXECUTION_STATUS_UNSPECIFIED = 0;
     */
    UNSPECIFIED = 0,
    /**
     * @generated from enum value: EXECUTION_STATUS_RUNNING = 1;
     */
    RUNNING = 1,
    /**
     * @generated from enum value: EXECUTION_STATUS_SUCCEEDED = 2;
     */
    SUCCEEDED = 2,
    /**
     * @generated from enum value: EXECUTION_STATUS_FAILED = 3;
     */
    FAILED = 3,
    /**
     * @generated from enum value: EXECUTION_STATUS_TIMED_OUT = 4;
     */
    TIMED_OUT = 4,
    /**
     * @generated from enum value: EXECUTION_STATUS_ABORTED = 5;
     */
    ABORTED = 5,
    /**
     * @generated from enum value: EXECUTION_STATUS_PENDING_REDRIVE = 6;
     */
    PENDING_REDRIVE = 6
}
/**
 * Describes the enum sfngrpc.stepfunctions.v1.ExecutionStatus.
 */
export declare const ExecutionStatusSchema: GenEnum<ExecutionStatus>;
/**
 * The values of the model's SyncExecutionStatus.
 *
 * @generated from enum sfngrpc.stepfunctions.v1.SyncExecutionStatus
 */
export declare enum SyncExecutionStatus {
    /**
     * Not set, or a value this version of the API does not know yet.
     *
     * @generated from enum value: SYNC_EXECUTION_STATUS_UNSPECIFIED = 0;
     */
    UNSPECIFIED = 0,
    /**
     * @generated from enum value: SYNC_EXECUTION_STATUS_SUCCEEDED = 1;
     */
    SUCCEEDED = 1,
    /**
     * @generated from enum value: SYNC_EXECUTION_STATUS_FAILED = 2;
     */
    FAILED = 2,
    /**
     * @generated from enum value: SYNC_EXECUTION_STATUS_TIMED_OUT = 3;
     */
    TIMED_OUT = 3
}
/**
 * Describes the enum sfngrpc.stepfunctions.v1.SyncExecutionStatus.
 */
export declare const SyncExecutionStatusSchema: GenEnum<SyncExecutionStatus>;
