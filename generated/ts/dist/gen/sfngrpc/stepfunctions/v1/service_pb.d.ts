import type { GenFile, GenService } from "@bufbuild/protobuf/codegenv2";
import type { CreateActivityRequestSchema, CreateActivityResponseSchema, DeleteActivityRequestSchema, DeleteActivityResponseSchema, DescribeActivityRequestSchema, DescribeActivityResponseSchema, GetActivityTaskRequestSchema, GetActivityTaskResponseSchema, SendTaskFailureRequestSchema, SendTaskFailureResponseSchema, SendTaskHeartbeatRequestSchema, SendTaskHeartbeatResponseSchema, SendTaskSuccessRequestSchema, SendTaskSuccessResponseSchema } from "./activities_pb.js";
import type { DescribeExecutionRequestSchema, DescribeExecutionResponseSchema, DescribeStateMachineForExecutionRequestSchema, DescribeStateMachineForExecutionResponseSchema, ListExecutionsRequestSchema, ListExecutionsResponseSchema, RedriveExecutionRequestSchema, RedriveExecutionResponseSchema, StartExecutionRequestSchema, StartExecutionResponseSchema, StartSyncExecutionRequestSchema, StartSyncExecutionResponseSchema, StopExecutionRequestSchema, StopExecutionResponseSchema } from "./executions_pb.js";
import type { StreamExecutionHistoryRequestSchema, StreamExecutionHistoryResponseSchema, WaitExecutionRequestSchema, WaitExecutionResponseSchema, WatchExecutionsRequestSchema, WatchExecutionsResponseSchema } from "./gateway_pb.js";
import type { GetExecutionHistoryRequestSchema, GetExecutionHistoryResponseSchema } from "./history_pb.js";
import type { DescribeMapRunRequestSchema, DescribeMapRunResponseSchema, ListMapRunsRequestSchema, ListMapRunsResponseSchema, UpdateMapRunRequestSchema, UpdateMapRunResponseSchema } from "./map_runs_pb.js";
import type { CreateStateMachineAliasRequestSchema, CreateStateMachineAliasResponseSchema, CreateStateMachineRequestSchema, CreateStateMachineResponseSchema, DeleteStateMachineAliasRequestSchema, DeleteStateMachineAliasResponseSchema, DeleteStateMachineRequestSchema, DeleteStateMachineResponseSchema, DeleteStateMachineVersionRequestSchema, DeleteStateMachineVersionResponseSchema, DescribeStateMachineAliasRequestSchema, DescribeStateMachineAliasResponseSchema, DescribeStateMachineRequestSchema, DescribeStateMachineResponseSchema, ListActivitiesRequestSchema, ListActivitiesResponseSchema, ListStateMachineAliasesRequestSchema, ListStateMachineAliasesResponseSchema, ListStateMachinesRequestSchema, ListStateMachinesResponseSchema, ListStateMachineVersionsRequestSchema, ListStateMachineVersionsResponseSchema, PublishStateMachineVersionRequestSchema, PublishStateMachineVersionResponseSchema, TestStateRequestSchema, TestStateResponseSchema, UntagResourceRequestSchema, UntagResourceResponseSchema, UpdateStateMachineAliasRequestSchema, UpdateStateMachineAliasResponseSchema, UpdateStateMachineRequestSchema, UpdateStateMachineResponseSchema, ValidateStateMachineDefinitionRequestSchema, ValidateStateMachineDefinitionResponseSchema } from "./state_machines_pb.js";
import type { ListTagsForResourceRequestSchema, ListTagsForResourceResponseSchema, TagResourceRequestSchema, TagResourceResponseSchema } from "./tags_pb.js";
/**
 * Describes the file sfngrpc/stepfunctions/v1/service.proto.
 */
export declare const file_sfngrpc_stepfunctions_v1_service: GenFile;
/**
 * Step Functions
 *
 * With Step Functions, you can create workflows, also called state machines, to build distributed
 * applications, automate processes, orchestrate microservices, and create data and machine
 * learning pipelines.
 *
 * Through the Step Functions API, you can create, list, update, and delete state machines,
 * activities, and other data types. You can start, stop, and redrive your state machines. Your
 * activity workers can send task success, heartbeat, and failure responses.
 *
 * With API calls, you can also manage other aspects of your workflow, such as tags, versions, and
 * aliases.
 *
 * For more information about developing solutions with Step Functions, see the Step Functions
 * Developer Guide (https://docs.aws.amazon.com/step-functions/latest/dg/welcome.html) .
 *
 * Important: If you use the Step Functions API actions using Amazon Web Services SDK integrations,
 * make sure the API actions are in camel case and parameter names are in Pascal case. For example,
 * you might use Step Functions API action startSyncExecution and specify its parameter as
 * StateMachineArn.
 *
 * sfn-grpc serves every operation of the Step Functions API as a unary RPC of the same name,
 * and, after them, RPCs of its own (gateway.proto).
 *
 * @generated from service sfngrpc.stepfunctions.v1.StepFunctionsService
 */
export declare const StepFunctionsService: GenService<{
    /**
     * Creates an activity. An activity is a task that you write in any programming language and host
     * on any machine that has access to Step Functions. Activities must poll Step Functions using the
     * GetActivityTask API action and respond using SendTask* API actions. This function lets Step
     * Functions know the existence of your activity and returns an identifier for use in a state
     * machine and when polling from the activity.
     *
     * Note: This operation is eventually consistent. The results are best effort and may not reflect
     * very recent updates and changes.
     *
     * Note: CreateActivity is an idempotent API. Subsequent requests won’t create a duplicate resource
     * if it was already created. CreateActivity's idempotency check is based on the activity name. If
     * a following request has different tags values, Step Functions will ignore these differences and
     * treat it as an idempotent request of the previous. In this case, tags will not be updated, even
     * if they are different.
     *
     * @generated from rpc sfngrpc.stepfunctions.v1.StepFunctionsService.CreateActivity
     */
    createActivity: {
        methodKind: "unary";
        input: typeof CreateActivityRequestSchema;
        output: typeof CreateActivityResponseSchema;
    };
    /**
     * Creates a state machine. A state machine consists of a collection of states that can do work
     * (Task states), determine to which states to transition next (Choice states), stop an execution
     * with an error (Fail states), and so on. State machines are specified using a JSON-based,
     * structured language. For more information, see Amazon States Language
     * (https://docs.aws.amazon.com/step-functions/latest/dg/concepts-amazon-states-language.html) in
     * the Step Functions User Guide.
     *
     * If you set the publish parameter of this API action to true, it publishes version 1 as the first
     * revision of the state machine.
     *
     * For additional control over security, you can encrypt your data using a customer-managed key for
     * Step Functions state machines. You can configure a symmetric KMS key and data key reuse period
     * when creating or updating a State Machine. The execution history and state machine definition
     * will be encrypted with the key applied to the State Machine.
     *
     * Note: This operation is eventually consistent. The results are best effort and may not reflect
     * very recent updates and changes.
     *
     * Note: CreateStateMachine is an idempotent API. Subsequent requests won’t create a duplicate
     * resource if it was already created. CreateStateMachine's idempotency check is based on the state
     * machine name, definition, type, LoggingConfiguration, TracingConfiguration, and
     * EncryptionConfiguration The check is also based on the publish and versionDescription
     * parameters. If a following request has a different roleArn or tags, Step Functions will ignore
     * these differences and treat it as an idempotent request of the previous. In this case, roleArn
     * and tags will not be updated, even if they are different.
     *
     * @generated from rpc sfngrpc.stepfunctions.v1.StepFunctionsService.CreateStateMachine
     */
    createStateMachine: {
        methodKind: "unary";
        input: typeof CreateStateMachineRequestSchema;
        output: typeof CreateStateMachineResponseSchema;
    };
    /**
     * Creates an alias
     * (https://docs.aws.amazon.com/step-functions/latest/dg/concepts-state-machine-alias.html) for a
     * state machine that points to one or two versions
     * (https://docs.aws.amazon.com/step-functions/latest/dg/concepts-state-machine-version.html) of
     * the same state machine. You can set your application to call StartExecution with an alias and
     * update the version the alias uses without changing the client's code.
     *
     * You can also map an alias to split StartExecution requests between two versions of a state
     * machine. To do this, add a second RoutingConfig object in the routingConfiguration parameter.
     * You must also specify the percentage of execution run requests each version should receive in
     * both RoutingConfig objects. Step Functions randomly chooses which version runs a given execution
     * based on the percentage you specify.
     *
     * To create an alias that points to a single version, specify a single RoutingConfig object with a
     * weight set to 100.
     *
     * You can create up to 100 aliases for each state machine. You must delete unused aliases using
     * the DeleteStateMachineAlias API action.
     *
     * CreateStateMachineAlias is an idempotent API. Step Functions bases the idempotency check on the
     * stateMachineArn, description, name, and routingConfiguration parameters. Requests that contain
     * the same values for these parameters return a successful idempotent response without creating a
     * duplicate resource.
     *
     * Related operations:
     * - DescribeStateMachineAlias
     * - ListStateMachineAliases
     * - UpdateStateMachineAlias
     * - DeleteStateMachineAlias
     *
     * @generated from rpc sfngrpc.stepfunctions.v1.StepFunctionsService.CreateStateMachineAlias
     */
    createStateMachineAlias: {
        methodKind: "unary";
        input: typeof CreateStateMachineAliasRequestSchema;
        output: typeof CreateStateMachineAliasResponseSchema;
    };
    /**
     * Deletes an activity.
     *
     * @generated from rpc sfngrpc.stepfunctions.v1.StepFunctionsService.DeleteActivity
     */
    deleteActivity: {
        methodKind: "unary";
        input: typeof DeleteActivityRequestSchema;
        output: typeof DeleteActivityResponseSchema;
    };
    /**
     * Deletes a state machine. This is an asynchronous operation. It sets the state machine's status
     * to DELETING and begins the deletion process. A state machine is deleted only when all its
     * executions are completed. On the next state transition, the state machine's executions are
     * terminated.
     *
     * A qualified state machine ARN can either refer to a Distributed Map state defined within a state
     * machine, a version ARN, or an alias ARN.
     *
     * The following are some examples of qualified and unqualified state machine ARNs:
     * - The following qualified state machine ARN refers to a Distributed Map state with a label
     *   mapStateLabel in a state machine named myStateMachine.
     *   arn:partition:states:region:account-id:stateMachine:myStateMachine/mapStateLabel
     *   Note: If you provide a qualified state machine ARN that refers to a Distributed Map state, the
     *   request fails with ValidationException.
     * - The following unqualified state machine ARN refers to a state machine named myStateMachine.
     *   arn:partition:states:region:account-id:stateMachine:myStateMachine
     *
     * This API action also deletes all versions
     * (https://docs.aws.amazon.com/step-functions/latest/dg/concepts-state-machine-version.html) and
     * aliases (https://docs.aws.amazon.com/step-functions/latest/dg/concepts-state-machine-alias.html)
     * associated with a state machine.
     *
     * Note: For EXPRESS state machines, the deletion happens eventually (usually in less than a
     * minute). Running executions may emit logs after DeleteStateMachine API is called.
     *
     * @generated from rpc sfngrpc.stepfunctions.v1.StepFunctionsService.DeleteStateMachine
     */
    deleteStateMachine: {
        methodKind: "unary";
        input: typeof DeleteStateMachineRequestSchema;
        output: typeof DeleteStateMachineResponseSchema;
    };
    /**
     * Deletes a state machine alias
     * (https://docs.aws.amazon.com/step-functions/latest/dg/concepts-state-machine-alias.html).
     *
     * After you delete a state machine alias, you can't use it to start executions. When you delete a
     * state machine alias, Step Functions doesn't delete the state machine versions that alias
     * references.
     *
     * Related operations:
     * - CreateStateMachineAlias
     * - DescribeStateMachineAlias
     * - ListStateMachineAliases
     * - UpdateStateMachineAlias
     *
     * @generated from rpc sfngrpc.stepfunctions.v1.StepFunctionsService.DeleteStateMachineAlias
     */
    deleteStateMachineAlias: {
        methodKind: "unary";
        input: typeof DeleteStateMachineAliasRequestSchema;
        output: typeof DeleteStateMachineAliasResponseSchema;
    };
    /**
     * Deletes a state machine version
     * (https://docs.aws.amazon.com/step-functions/latest/dg/concepts-state-machine-version.html).
     * After you delete a version, you can't call StartExecution using that version's ARN or use the
     * version with a state machine alias
     * (https://docs.aws.amazon.com/step-functions/latest/dg/concepts-state-machine-alias.html).
     *
     * Note: Deleting a state machine version won't terminate its in-progress executions.
     *
     * Note: You can't delete a state machine version currently referenced by one or more aliases.
     * Before you delete a version, you must either delete the aliases or update them to point to
     * another state machine version.
     *
     * Related operations:
     * - PublishStateMachineVersion
     * - ListStateMachineVersions
     *
     * @generated from rpc sfngrpc.stepfunctions.v1.StepFunctionsService.DeleteStateMachineVersion
     */
    deleteStateMachineVersion: {
        methodKind: "unary";
        input: typeof DeleteStateMachineVersionRequestSchema;
        output: typeof DeleteStateMachineVersionResponseSchema;
    };
    /**
     * Describes an activity.
     *
     * Note: This operation is eventually consistent. The results are best effort and may not reflect
     * very recent updates and changes.
     *
     * @generated from rpc sfngrpc.stepfunctions.v1.StepFunctionsService.DescribeActivity
     */
    describeActivity: {
        methodKind: "unary";
        input: typeof DescribeActivityRequestSchema;
        output: typeof DescribeActivityResponseSchema;
    };
    /**
     * Provides information about a state machine execution, such as the state machine associated with
     * the execution, the execution input and output, and relevant execution metadata. If you've
     * redriven (https://docs.aws.amazon.com/step-functions/latest/dg/redrive-executions.html) an
     * execution, you can use this API action to return information about the redrives of that
     * execution. In addition, you can use this API action to return the Map Run Amazon Resource Name
     * (ARN) if the execution was dispatched by a Map Run.
     *
     * If you specify a version or alias ARN when you call the StartExecution API action,
     * DescribeExecution returns that ARN.
     *
     * Note: This operation is eventually consistent. The results are best effort and may not reflect
     * very recent updates and changes.
     *
     * Executions of an EXPRESS state machine aren't supported by DescribeExecution unless a Map Run
     * dispatched them.
     *
     * @generated from rpc sfngrpc.stepfunctions.v1.StepFunctionsService.DescribeExecution
     */
    describeExecution: {
        methodKind: "unary";
        input: typeof DescribeExecutionRequestSchema;
        output: typeof DescribeExecutionResponseSchema;
    };
    /**
     * Provides information about a Map Run's configuration, progress, and results. If you've redriven
     * (https://docs.aws.amazon.com/step-functions/latest/dg/redrive-map-run.html) a Map Run, this API
     * action also returns information about the redrives of that Map Run. For more information, see
     * Examining Map Run
     * (https://docs.aws.amazon.com/step-functions/latest/dg/concepts-examine-map-run.html) in the Step
     * Functions Developer Guide.
     *
     * @generated from rpc sfngrpc.stepfunctions.v1.StepFunctionsService.DescribeMapRun
     */
    describeMapRun: {
        methodKind: "unary";
        input: typeof DescribeMapRunRequestSchema;
        output: typeof DescribeMapRunResponseSchema;
    };
    /**
     * Provides information about a state machine's definition, its IAM role Amazon Resource Name
     * (ARN), and configuration.
     *
     * A qualified state machine ARN can either refer to a Distributed Map state defined within a state
     * machine, a version ARN, or an alias ARN.
     *
     * The following are some examples of qualified and unqualified state machine ARNs:
     * - The following qualified state machine ARN refers to a Distributed Map state with a label
     *   mapStateLabel in a state machine named myStateMachine.
     *   arn:partition:states:region:account-id:stateMachine:myStateMachine/mapStateLabel
     *   Note: If you provide a qualified state machine ARN that refers to a Distributed Map state, the
     *   request fails with ValidationException.
     * - The following qualified state machine ARN refers to an alias named PROD.
     *   arn:<partition>:states:<region>:<account-id>:stateMachine:<myStateMachine:PROD>
     *   Note: If you provide a qualified state machine ARN that refers to a version ARN or an alias
     *   ARN, the request starts execution for that version or alias.
     * - The following unqualified state machine ARN refers to a state machine named myStateMachine.
     *   arn:<partition>:states:<region>:<account-id>:stateMachine:<myStateMachine>
     *
     * This API action returns the details for a state machine version if the stateMachineArn you
     * specify is a state machine version ARN.
     *
     * Note: This operation is eventually consistent. The results are best effort and may not reflect
     * very recent updates and changes.
     *
     * @generated from rpc sfngrpc.stepfunctions.v1.StepFunctionsService.DescribeStateMachine
     */
    describeStateMachine: {
        methodKind: "unary";
        input: typeof DescribeStateMachineRequestSchema;
        output: typeof DescribeStateMachineResponseSchema;
    };
    /**
     * Returns details about a state machine alias
     * (https://docs.aws.amazon.com/step-functions/latest/dg/concepts-state-machine-alias.html).
     *
     * Related operations:
     * - CreateStateMachineAlias
     * - ListStateMachineAliases
     * - UpdateStateMachineAlias
     * - DeleteStateMachineAlias
     *
     * @generated from rpc sfngrpc.stepfunctions.v1.StepFunctionsService.DescribeStateMachineAlias
     */
    describeStateMachineAlias: {
        methodKind: "unary";
        input: typeof DescribeStateMachineAliasRequestSchema;
        output: typeof DescribeStateMachineAliasResponseSchema;
    };
    /**
     * Provides information about a state machine's definition, its execution role ARN, and
     * configuration. If a Map Run dispatched the execution, this action returns the Map Run Amazon
     * Resource Name (ARN) in the response. The state machine returned is the state machine associated
     * with the Map Run.
     *
     * Note: This operation is eventually consistent. The results are best effort and may not reflect
     * very recent updates and changes.
     *
     * This API action is not supported by EXPRESS state machines.
     *
     * @generated from rpc sfngrpc.stepfunctions.v1.StepFunctionsService.DescribeStateMachineForExecution
     */
    describeStateMachineForExecution: {
        methodKind: "unary";
        input: typeof DescribeStateMachineForExecutionRequestSchema;
        output: typeof DescribeStateMachineForExecutionResponseSchema;
    };
    /**
     * Used by workers to retrieve a task (with the specified activity ARN) which has been scheduled
     * for execution by a running state machine. This initiates a long poll, where the service holds
     * the HTTP connection open and responds as soon as a task becomes available (i.e. an execution of
     * a task of this type is needed.) The maximum time the service holds on to the request before
     * responding is 60 seconds. If no task is available within 60 seconds, the poll returns a
     * taskToken with a null string.
     *
     * Important: Workers should set their client side socket timeout to at least 65 seconds (5 seconds
     * higher than the maximum time the service may hold the poll request).
     *
     * Polling with GetActivityTask can cause latency in some implementations. See Avoid Latency When
     * Polling for Activity Tasks
     * (https://docs.aws.amazon.com/step-functions/latest/dg/bp-activity-pollers.html) in the Step
     * Functions Developer Guide.
     *
     * @generated from rpc sfngrpc.stepfunctions.v1.StepFunctionsService.GetActivityTask
     */
    getActivityTask: {
        methodKind: "unary";
        input: typeof GetActivityTaskRequestSchema;
        output: typeof GetActivityTaskResponseSchema;
    };
    /**
     * Returns the history of the specified execution as a list of events. By default, the results are
     * returned in ascending order of the timeStamp of the events. Use the reverseOrder parameter to
     * get the latest events first.
     *
     * If nextToken is returned, there are more results available. The value of nextToken is a unique
     * pagination token for each page. Make the call again using the returned token to retrieve the
     * next page. Keep all other arguments unchanged. Each pagination token expires after 24 hours.
     * Using an expired pagination token will return an HTTP 400 InvalidToken error.
     *
     * This API action is not supported by EXPRESS state machines.
     *
     * @generated from rpc sfngrpc.stepfunctions.v1.StepFunctionsService.GetExecutionHistory
     */
    getExecutionHistory: {
        methodKind: "unary";
        input: typeof GetExecutionHistoryRequestSchema;
        output: typeof GetExecutionHistoryResponseSchema;
    };
    /**
     * Lists the existing activities.
     *
     * If nextToken is returned, there are more results available. The value of nextToken is a unique
     * pagination token for each page. Make the call again using the returned token to retrieve the
     * next page. Keep all other arguments unchanged. Each pagination token expires after 24 hours.
     * Using an expired pagination token will return an HTTP 400 InvalidToken error.
     *
     * Note: This operation is eventually consistent. The results are best effort and may not reflect
     * very recent updates and changes.
     *
     * @generated from rpc sfngrpc.stepfunctions.v1.StepFunctionsService.ListActivities
     */
    listActivities: {
        methodKind: "unary";
        input: typeof ListActivitiesRequestSchema;
        output: typeof ListActivitiesResponseSchema;
    };
    /**
     * Lists all executions of a state machine or a Map Run. You can list all executions related to a
     * state machine by specifying a state machine Amazon Resource Name (ARN), or those related to a
     * Map Run by specifying a Map Run ARN. Using this API action, you can also list all redriven
     * (https://docs.aws.amazon.com/step-functions/latest/dg/redrive-executions.html) executions.
     *
     * You can also provide a state machine alias
     * (https://docs.aws.amazon.com/step-functions/latest/dg/concepts-state-machine-alias.html) ARN or
     * version
     * (https://docs.aws.amazon.com/step-functions/latest/dg/concepts-state-machine-version.html) ARN
     * to list the executions associated with a specific alias or version.
     *
     * Results are sorted by time, with the most recent execution first. Running executions are sorted
     * by their startDate or redriveDate, and other executions are sorted by their stopDate.
     *
     * If nextToken is returned, there are more results available. The value of nextToken is a unique
     * pagination token for each page. Make the call again using the returned token to retrieve the
     * next page. Keep all other arguments unchanged. Each pagination token expires after 24 hours.
     * Using an expired pagination token will return an HTTP 400 InvalidToken error.
     *
     * Note: This operation is eventually consistent. The results are best effort and may not reflect
     * very recent updates and changes.
     *
     * This API action is not supported by EXPRESS state machines. However, you may list EXPRESS
     * children started by a map run using the mapRunArn parameter.
     *
     * @generated from rpc sfngrpc.stepfunctions.v1.StepFunctionsService.ListExecutions
     */
    listExecutions: {
        methodKind: "unary";
        input: typeof ListExecutionsRequestSchema;
        output: typeof ListExecutionsResponseSchema;
    };
    /**
     * Lists all Map Runs that were started by a given state machine execution. Use this API action to
     * obtain Map Run ARNs, and then call DescribeMapRun to obtain more information, if needed.
     *
     * @generated from rpc sfngrpc.stepfunctions.v1.StepFunctionsService.ListMapRuns
     */
    listMapRuns: {
        methodKind: "unary";
        input: typeof ListMapRunsRequestSchema;
        output: typeof ListMapRunsResponseSchema;
    };
    /**
     * Lists aliases
     * (https://docs.aws.amazon.com/step-functions/latest/dg/concepts-state-machine-alias.html) for a
     * specified state machine ARN. Results are sorted by time, with the most recently created aliases
     * listed first.
     *
     * To list aliases that reference a state machine version
     * (https://docs.aws.amazon.com/step-functions/latest/dg/concepts-state-machine-version.html), you
     * can specify the version ARN in the stateMachineArn parameter.
     *
     * If nextToken is returned, there are more results available. The value of nextToken is a unique
     * pagination token for each page. Make the call again using the returned token to retrieve the
     * next page. Keep all other arguments unchanged. Each pagination token expires after 24 hours.
     * Using an expired pagination token will return an HTTP 400 InvalidToken error.
     *
     * Related operations:
     * - CreateStateMachineAlias
     * - DescribeStateMachineAlias
     * - UpdateStateMachineAlias
     * - DeleteStateMachineAlias
     *
     * @generated from rpc sfngrpc.stepfunctions.v1.StepFunctionsService.ListStateMachineAliases
     */
    listStateMachineAliases: {
        methodKind: "unary";
        input: typeof ListStateMachineAliasesRequestSchema;
        output: typeof ListStateMachineAliasesResponseSchema;
    };
    /**
     * Lists versions
     * (https://docs.aws.amazon.com/step-functions/latest/dg/concepts-state-machine-version.html) for
     * the specified state machine Amazon Resource Name (ARN).
     *
     * The results are sorted in descending order of the version creation time.
     *
     * If nextToken is returned, there are more results available. The value of nextToken is a unique
     * pagination token for each page. Make the call again using the returned token to retrieve the
     * next page. Keep all other arguments unchanged. Each pagination token expires after 24 hours.
     * Using an expired pagination token will return an HTTP 400 InvalidToken error.
     *
     * Related operations:
     * - PublishStateMachineVersion
     * - DeleteStateMachineVersion
     *
     * @generated from rpc sfngrpc.stepfunctions.v1.StepFunctionsService.ListStateMachineVersions
     */
    listStateMachineVersions: {
        methodKind: "unary";
        input: typeof ListStateMachineVersionsRequestSchema;
        output: typeof ListStateMachineVersionsResponseSchema;
    };
    /**
     * Lists the existing state machines.
     *
     * If nextToken is returned, there are more results available. The value of nextToken is a unique
     * pagination token for each page. Make the call again using the returned token to retrieve the
     * next page. Keep all other arguments unchanged. Each pagination token expires after 24 hours.
     * Using an expired pagination token will return an HTTP 400 InvalidToken error.
     *
     * Note: This operation is eventually consistent. The results are best effort and may not reflect
     * very recent updates and changes.
     *
     * @generated from rpc sfngrpc.stepfunctions.v1.StepFunctionsService.ListStateMachines
     */
    listStateMachines: {
        methodKind: "unary";
        input: typeof ListStateMachinesRequestSchema;
        output: typeof ListStateMachinesResponseSchema;
    };
    /**
     * List tags for a given resource.
     *
     * Tags may only contain Unicode letters, digits, white space, or these symbols: _ . : / = + - @.
     *
     * @generated from rpc sfngrpc.stepfunctions.v1.StepFunctionsService.ListTagsForResource
     */
    listTagsForResource: {
        methodKind: "unary";
        input: typeof ListTagsForResourceRequestSchema;
        output: typeof ListTagsForResourceResponseSchema;
    };
    /**
     * Creates a version
     * (https://docs.aws.amazon.com/step-functions/latest/dg/concepts-state-machine-version.html) from
     * the current revision of a state machine. Use versions to create immutable snapshots of your
     * state machine. You can start executions from versions either directly or with an alias. To
     * create an alias, use CreateStateMachineAlias.
     *
     * You can publish up to 1000 versions for each state machine. You must manually delete unused
     * versions using the DeleteStateMachineVersion API action.
     *
     * PublishStateMachineVersion is an idempotent API. It doesn't create a duplicate state machine
     * version if it already exists for the current revision. Step Functions bases
     * PublishStateMachineVersion's idempotency check on the stateMachineArn, name, and revisionId
     * parameters. Requests with the same parameters return a successful idempotent response. If you
     * don't specify a revisionId, Step Functions checks for a previously published version of the
     * state machine's current revision.
     *
     * Related operations:
     * - DeleteStateMachineVersion
     * - ListStateMachineVersions
     *
     * @generated from rpc sfngrpc.stepfunctions.v1.StepFunctionsService.PublishStateMachineVersion
     */
    publishStateMachineVersion: {
        methodKind: "unary";
        input: typeof PublishStateMachineVersionRequestSchema;
        output: typeof PublishStateMachineVersionResponseSchema;
    };
    /**
     * Restarts unsuccessful executions of Standard workflows that didn't complete successfully in the
     * last 14 days. These include failed, aborted, or timed out executions. When you redrive
     * (https://docs.aws.amazon.com/step-functions/latest/dg/redrive-executions.html) an execution, it
     * continues the failed execution from the unsuccessful step and uses the same input. Step
     * Functions preserves the results and execution history of the successful steps, and doesn't rerun
     * these steps when you redrive an execution. Redriven executions use the same state machine
     * definition and execution ARN as the original execution attempt.
     *
     * For workflows that include an Inline Map
     * (https://docs.aws.amazon.com/step-functions/latest/dg/amazon-states-language-map-state.html) or
     * Parallel
     * (https://docs.aws.amazon.com/step-functions/latest/dg/amazon-states-language-parallel-state.html)
     * state, RedriveExecution API action reschedules and redrives only the iterations and branches
     * that failed or aborted.
     *
     * To redrive a workflow that includes a Distributed Map state whose Map Run failed, you must
     * redrive the parent workflow
     * (https://docs.aws.amazon.com/step-functions/latest/dg/use-dist-map-orchestrate-large-scale-parallel-workloads.html#dist-map-orchestrate-parallel-workloads-key-terms).
     * The parent workflow redrives all the unsuccessful states, including a failed Map Run. If a Map
     * Run was not started in the original execution attempt, the redriven parent workflow starts the
     * Map Run.
     *
     * Note: This API action is not supported by EXPRESS state machines.
     *
     * However, you can restart the unsuccessful executions of Express child workflows in a Distributed
     * Map by redriving its Map Run. When you redrive a Map Run, the Express child workflows are rerun
     * using the StartExecution API action. For more information, see Redriving Map Runs
     * (https://docs.aws.amazon.com/step-functions/latest/dg/redrive-map-run.html).
     *
     * You can redrive executions if your original execution meets the following conditions:
     * - The execution status isn't SUCCEEDED.
     * - Your workflow execution has not exceeded the redrivable period of 14 days. Redrivable period
     *   refers to the time during which you can redrive a given execution. This period starts from the
     *   day a state machine completes its execution.
     * - The workflow execution has not exceeded the maximum open time of one year. For more
     *   information about state machine quotas, see Quotas related to state machine executions
     *   (https://docs.aws.amazon.com/step-functions/latest/dg/limits-overview.html#service-limits-state-machine-executions).
     * - The execution event history count is less than 24,999. Redriven executions append their event
     *   history to the existing event history. Make sure your workflow execution contains less than
     *   24,999 events to accommodate the ExecutionRedriven history event and at least one other
     *   history event.
     *
     * @generated from rpc sfngrpc.stepfunctions.v1.StepFunctionsService.RedriveExecution
     */
    redriveExecution: {
        methodKind: "unary";
        input: typeof RedriveExecutionRequestSchema;
        output: typeof RedriveExecutionResponseSchema;
    };
    /**
     * Used by activity workers, Task states using the callback
     * (https://docs.aws.amazon.com/step-functions/latest/dg/connect-to-resource.html#connect-wait-token)
     * pattern, and optionally Task states using the job run
     * (https://docs.aws.amazon.com/step-functions/latest/dg/connect-to-resource.html#connect-sync)
     * pattern to report that the task identified by the taskToken failed.
     *
     * For an execution with encryption enabled, Step Functions will encrypt the error and cause fields
     * using the KMS key for the execution role.
     *
     * A caller can mark a task as fail without using any KMS permissions in the execution role if the
     * caller provides a null value for both error and cause fields because no data needs to be
     * encrypted.
     *
     * @generated from rpc sfngrpc.stepfunctions.v1.StepFunctionsService.SendTaskFailure
     */
    sendTaskFailure: {
        methodKind: "unary";
        input: typeof SendTaskFailureRequestSchema;
        output: typeof SendTaskFailureResponseSchema;
    };
    /**
     * Used by activity workers and Task states using the callback
     * (https://docs.aws.amazon.com/step-functions/latest/dg/connect-to-resource.html#connect-wait-token)
     * pattern, and optionally Task states using the job run
     * (https://docs.aws.amazon.com/step-functions/latest/dg/connect-to-resource.html#connect-sync)
     * pattern to report to Step Functions that the task represented by the specified taskToken is
     * still making progress. This action resets the Heartbeat clock. The Heartbeat threshold is
     * specified in the state machine's Amazon States Language definition (HeartbeatSeconds). This
     * action does not in itself create an event in the execution history. However, if the task times
     * out, the execution history contains an ActivityTimedOut entry for activities, or a TaskTimedOut
     * entry for tasks using the job run
     * (https://docs.aws.amazon.com/step-functions/latest/dg/connect-to-resource.html#connect-sync) or
     * callback
     * (https://docs.aws.amazon.com/step-functions/latest/dg/connect-to-resource.html#connect-wait-token)
     * pattern.
     *
     * Note: The Timeout of a task, defined in the state machine's Amazon States Language definition,
     * is its maximum allowed duration, regardless of the number of SendTaskHeartbeat requests
     * received. Use HeartbeatSeconds to configure the timeout interval for heartbeats.
     *
     * @generated from rpc sfngrpc.stepfunctions.v1.StepFunctionsService.SendTaskHeartbeat
     */
    sendTaskHeartbeat: {
        methodKind: "unary";
        input: typeof SendTaskHeartbeatRequestSchema;
        output: typeof SendTaskHeartbeatResponseSchema;
    };
    /**
     * Used by activity workers, Task states using the callback
     * (https://docs.aws.amazon.com/step-functions/latest/dg/connect-to-resource.html#connect-wait-token)
     * pattern, and optionally Task states using the job run
     * (https://docs.aws.amazon.com/step-functions/latest/dg/connect-to-resource.html#connect-sync)
     * pattern to report that the task identified by the taskToken completed successfully.
     *
     * @generated from rpc sfngrpc.stepfunctions.v1.StepFunctionsService.SendTaskSuccess
     */
    sendTaskSuccess: {
        methodKind: "unary";
        input: typeof SendTaskSuccessRequestSchema;
        output: typeof SendTaskSuccessResponseSchema;
    };
    /**
     * Starts a state machine execution.
     *
     * A qualified state machine ARN can either refer to a Distributed Map state defined within a state
     * machine, a version ARN, or an alias ARN.
     *
     * The following are some examples of qualified and unqualified state machine ARNs:
     * - The following qualified state machine ARN refers to a Distributed Map state with a label
     *   mapStateLabel in a state machine named myStateMachine.
     *   arn:partition:states:region:account-id:stateMachine:myStateMachine/mapStateLabel
     *   Note: If you provide a qualified state machine ARN that refers to a Distributed Map state, the
     *   request fails with ValidationException.
     * - The following qualified state machine ARN refers to an alias named PROD.
     *   arn:<partition>:states:<region>:<account-id>:stateMachine:<myStateMachine:PROD>
     *   Note: If you provide a qualified state machine ARN that refers to a version ARN or an alias
     *   ARN, the request starts execution for that version or alias.
     * - The following unqualified state machine ARN refers to a state machine named myStateMachine.
     *   arn:<partition>:states:<region>:<account-id>:stateMachine:<myStateMachine>
     *
     * If you start an execution with an unqualified state machine ARN, Step Functions uses the latest
     * revision of the state machine for the execution.
     *
     * To start executions of a state machine version
     * (https://docs.aws.amazon.com/step-functions/latest/dg/concepts-state-machine-version.html), call
     * StartExecution and provide the version ARN or the ARN of an alias
     * (https://docs.aws.amazon.com/step-functions/latest/dg/concepts-state-machine-alias.html) that
     * points to the version.
     *
     * Note: StartExecution is idempotent for STANDARD workflows. For a STANDARD workflow, if you call
     * StartExecution with the same name and input as a running execution, the call succeeds and return
     * the same response as the original request. If the execution is closed or if the input is
     * different, it returns a 400 ExecutionAlreadyExists error. You can reuse the name 90 days after
     * it closes.
     *
     * StartExecution isn't idempotent for EXPRESS workflows.
     *
     * @generated from rpc sfngrpc.stepfunctions.v1.StepFunctionsService.StartExecution
     */
    startExecution: {
        methodKind: "unary";
        input: typeof StartExecutionRequestSchema;
        output: typeof StartExecutionResponseSchema;
    };
    /**
     * Starts a Synchronous Express state machine execution. StartSyncExecution is not available for
     * STANDARD workflows.
     *
     * Note: StartSyncExecution will return a 200 OK response, even if your execution fails, because
     * the status code in the API response doesn't reflect function errors. Error codes are reserved
     * for errors that prevent your execution from running, such as permissions errors, limit errors,
     * or issues with your state machine code and configuration.
     *
     * @generated from rpc sfngrpc.stepfunctions.v1.StepFunctionsService.StartSyncExecution
     */
    startSyncExecution: {
        methodKind: "unary";
        input: typeof StartSyncExecutionRequestSchema;
        output: typeof StartSyncExecutionResponseSchema;
    };
    /**
     * Stops an execution.
     *
     * This API action is not supported by EXPRESS state machines.
     *
     * For an execution with encryption enabled, Step Functions will encrypt the error and cause fields
     * using the KMS key for the execution role.
     *
     * A caller can stop an execution without using any KMS permissions in the execution role if the
     * caller provides a null value for both error and cause fields because no data needs to be
     * encrypted.
     *
     * @generated from rpc sfngrpc.stepfunctions.v1.StepFunctionsService.StopExecution
     */
    stopExecution: {
        methodKind: "unary";
        input: typeof StopExecutionRequestSchema;
        output: typeof StopExecutionResponseSchema;
    };
    /**
     * Add a tag to a Step Functions resource.
     *
     * An array of key-value pairs. For more information, see Using Cost Allocation Tags
     * (https://docs.aws.amazon.com/awsaccountbilling/latest/aboutv2/cost-alloc-tags.html) in the
     * Amazon Web Services Billing and Cost Management User Guide, and Controlling Access Using IAM
     * Tags (https://docs.aws.amazon.com/IAM/latest/UserGuide/access_iam-tags.html).
     *
     * Tags may only contain Unicode letters, digits, white space, or these symbols: _ . : / = + - @.
     *
     * @generated from rpc sfngrpc.stepfunctions.v1.StepFunctionsService.TagResource
     */
    tagResource: {
        methodKind: "unary";
        input: typeof TagResourceRequestSchema;
        output: typeof TagResourceResponseSchema;
    };
    /**
     * Accepts the definition of a single state and executes it. You can test a state without creating
     * a state machine or updating an existing state machine. Using this API, you can test the
     * following:
     * - A state's input and output processing
     *   (https://docs.aws.amazon.com/step-functions/latest/dg/test-state-isolation.html#test-state-input-output-dataflow)
     *   data flow
     * - An Amazon Web Services service integration
     *   (https://docs.aws.amazon.com/step-functions/latest/dg/connect-to-services.html) request and
     *   response
     * - An HTTP Task (https://docs.aws.amazon.com/step-functions/latest/dg/call-https-apis.html)
     *   request and response
     *
     * You can call this API on only one state at a time. The states that you can test include the
     * following:
     * - All Task types
     *   (https://docs.aws.amazon.com/step-functions/latest/dg/amazon-states-language-task-state.html#task-types)
     *   except Activity
     *   (https://docs.aws.amazon.com/step-functions/latest/dg/concepts-activities.html)
     * - Pass
     *   (https://docs.aws.amazon.com/step-functions/latest/dg/amazon-states-language-pass-state.html)
     * - Wait
     *   (https://docs.aws.amazon.com/step-functions/latest/dg/amazon-states-language-wait-state.html)
     * - Choice
     *   (https://docs.aws.amazon.com/step-functions/latest/dg/amazon-states-language-choice-state.html)
     * - Succeed
     *   (https://docs.aws.amazon.com/step-functions/latest/dg/amazon-states-language-succeed-state.html)
     * - Fail
     *   (https://docs.aws.amazon.com/step-functions/latest/dg/amazon-states-language-fail-state.html)
     *
     * The TestState API assumes an IAM role which must contain the required IAM permissions for the
     * resources your state is accessing. For information about the permissions a state might need, see
     * IAM permissions to test a state
     * (https://docs.aws.amazon.com/step-functions/latest/dg/test-state-isolation.html#test-state-permissions).
     *
     * The TestState API can run for up to five minutes. If the execution of a state exceeds this
     * duration, it fails with the States.Timeout error.
     *
     * TestState only supports the following when a mock is specified: Activity tasks
     * (https://docs.aws.amazon.com/step-functions/latest/dg/concepts-activities.html), .sync or
     * .waitForTaskToken service integration patterns
     * (https://docs.aws.amazon.com/step-functions/latest/dg/connect-to-resource.html), Parallel
     * (https://docs.aws.amazon.com/step-functions/latest/dg/amazon-states-language-parallel-state.html),
     * or Map
     * (https://docs.aws.amazon.com/step-functions/latest/dg/amazon-states-language-map-state.html)
     * states.
     *
     * @generated from rpc sfngrpc.stepfunctions.v1.StepFunctionsService.TestState
     */
    testState: {
        methodKind: "unary";
        input: typeof TestStateRequestSchema;
        output: typeof TestStateResponseSchema;
    };
    /**
     * Remove a tag from a Step Functions resource
     *
     * @generated from rpc sfngrpc.stepfunctions.v1.StepFunctionsService.UntagResource
     */
    untagResource: {
        methodKind: "unary";
        input: typeof UntagResourceRequestSchema;
        output: typeof UntagResourceResponseSchema;
    };
    /**
     * Updates an in-progress Map Run's configuration to include changes to the settings that control
     * maximum concurrency and Map Run failure.
     *
     * @generated from rpc sfngrpc.stepfunctions.v1.StepFunctionsService.UpdateMapRun
     */
    updateMapRun: {
        methodKind: "unary";
        input: typeof UpdateMapRunRequestSchema;
        output: typeof UpdateMapRunResponseSchema;
    };
    /**
     * Updates an existing state machine by modifying its definition, roleArn, loggingConfiguration, or
     * EncryptionConfiguration. Running executions will continue to use the previous definition and
     * roleArn. You must include at least one of definition or roleArn or you will receive a
     * MissingRequiredParameter error.
     *
     * A qualified state machine ARN refers to a Distributed Map state defined within a state machine.
     * For example, the qualified state machine ARN
     * arn:partition:states:region:account-id:stateMachine:stateMachineName/mapStateLabel refers to a
     * Distributed Map state with a label mapStateLabel in the state machine named stateMachineName.
     *
     * A qualified state machine ARN can either refer to a Distributed Map state defined within a state
     * machine, a version ARN, or an alias ARN.
     *
     * The following are some examples of qualified and unqualified state machine ARNs:
     * - The following qualified state machine ARN refers to a Distributed Map state with a label
     *   mapStateLabel in a state machine named myStateMachine.
     *   arn:partition:states:region:account-id:stateMachine:myStateMachine/mapStateLabel
     *   Note: If you provide a qualified state machine ARN that refers to a Distributed Map state, the
     *   request fails with ValidationException.
     * - The following qualified state machine ARN refers to an alias named PROD.
     *   arn:<partition>:states:<region>:<account-id>:stateMachine:<myStateMachine:PROD>
     *   Note: If you provide a qualified state machine ARN that refers to a version ARN or an alias
     *   ARN, the request starts execution for that version or alias.
     * - The following unqualified state machine ARN refers to a state machine named myStateMachine.
     *   arn:<partition>:states:<region>:<account-id>:stateMachine:<myStateMachine>
     *
     * After you update your state machine, you can set the publish parameter to true in the same
     * action to publish a new version
     * (https://docs.aws.amazon.com/step-functions/latest/dg/concepts-state-machine-version.html). This
     * way, you can opt-in to strict versioning of your state machine.
     *
     * Note: Step Functions assigns monotonically increasing integers for state machine versions,
     * starting at version number 1.
     *
     * Note: All StartExecution calls within a few seconds use the updated definition and roleArn.
     * Executions started immediately after you call UpdateStateMachine may use the previous state
     * machine definition and roleArn.
     *
     * @generated from rpc sfngrpc.stepfunctions.v1.StepFunctionsService.UpdateStateMachine
     */
    updateStateMachine: {
        methodKind: "unary";
        input: typeof UpdateStateMachineRequestSchema;
        output: typeof UpdateStateMachineResponseSchema;
    };
    /**
     * Updates the configuration of an existing state machine alias
     * (https://docs.aws.amazon.com/step-functions/latest/dg/concepts-state-machine-alias.html) by
     * modifying its description or routingConfiguration.
     *
     * You must specify at least one of the description or routingConfiguration parameters to update a
     * state machine alias.
     *
     * Note: UpdateStateMachineAlias is an idempotent API. Step Functions bases the idempotency check
     * on the stateMachineAliasArn, description, and routingConfiguration parameters. Requests with the
     * same parameters return an idempotent response.
     *
     * Note: This operation is eventually consistent. All StartExecution requests made within a few
     * seconds use the latest alias configuration. Executions started immediately after calling
     * UpdateStateMachineAlias may use the previous routing configuration.
     *
     * Related operations:
     * - CreateStateMachineAlias
     * - DescribeStateMachineAlias
     * - ListStateMachineAliases
     * - DeleteStateMachineAlias
     *
     * @generated from rpc sfngrpc.stepfunctions.v1.StepFunctionsService.UpdateStateMachineAlias
     */
    updateStateMachineAlias: {
        methodKind: "unary";
        input: typeof UpdateStateMachineAliasRequestSchema;
        output: typeof UpdateStateMachineAliasResponseSchema;
    };
    /**
     * Validates the syntax of a state machine definition specified in Amazon States Language
     * (https://docs.aws.amazon.com/step-functions/latest/dg/concepts-amazon-states-language.html)
     * (ASL), a JSON-based, structured language.
     *
     * You can validate that a state machine definition is correct without creating a state machine
     * resource.
     *
     * Suggested uses for ValidateStateMachineDefinition:
     * - Integrate automated checks into your code review or Continuous Integration (CI) process to
     *   check state machine definitions before starting deployments.
     * - Run validation from a Git pre-commit hook to verify the definition before committing to your
     *   source repository.
     *
     * Validation will look for problems in your state machine definition and return a result and a
     * list of diagnostic elements.
     *
     * The result value will be OK when your workflow definition can be successfully created or
     * updated. Note the result can be OK even when diagnostic warnings are present in the response.
     * The result value will be FAIL when the workflow definition contains errors that would prevent
     * you from creating or updating your state machine.
     *
     * The list of ValidateStateMachineDefinitionDiagnostic
     * (https://docs.aws.amazon.com/step-functions/latest/apireference/API_ValidateStateMachineDefinitionDiagnostic.html)
     * data elements can contain zero or more WARNING and/or ERROR elements.
     *
     * Note: The ValidateStateMachineDefinition API might add new diagnostics in the future, adjust
     * diagnostic codes, or change the message wording. Your automated processes should only rely on
     * the value of the result field value (OK, FAIL). Do not rely on the exact order, count, or
     * wording of diagnostic messages.
     *
     * @generated from rpc sfngrpc.stepfunctions.v1.StepFunctionsService.ValidateStateMachineDefinition
     */
    validateStateMachineDefinition: {
        methodKind: "unary";
        input: typeof ValidateStateMachineDefinitionRequestSchema;
        output: typeof ValidateStateMachineDefinitionResponseSchema;
    };
    /**
     * Streams every event of an execution's history, in order, exactly once: pages are fetched
     * ahead (never more than one page ahead of the caller) and split to fit the configured message
     * size. Resumes after a given event id, and with `follow` keeps the stream open while the
     * execution runs, ending after its terminal event. Histories that can no longer change are
     * served from a cache.
     *
     * @generated from rpc sfngrpc.stepfunctions.v1.StepFunctionsService.StreamExecutionHistory
     */
    streamExecutionHistory: {
        methodKind: "server_streaming";
        input: typeof StreamExecutionHistoryRequestSchema;
        output: typeof StreamExecutionHistoryResponseSchema;
    };
    /**
     * Waits until an execution reaches a terminal status (or the wait or the caller's deadline
     * ends) and returns what DescribeExecution returns: the polling loop callers of Standard
     * workflows would otherwise write.
     *
     * @generated from rpc sfngrpc.stepfunctions.v1.StepFunctionsService.WaitExecution
     */
    waitExecution: {
        methodKind: "unary";
        input: typeof WaitExecutionRequestSchema;
        output: typeof WaitExecutionResponseSchema;
    };
    /**
     * Streams the executions of a state machine and their changes (new executions, status
     * transitions) by polling ListExecutions; resumable on any replica with a cursor.
     *
     * @generated from rpc sfngrpc.stepfunctions.v1.StepFunctionsService.WatchExecutions
     */
    watchExecutions: {
        methodKind: "server_streaming";
        input: typeof WatchExecutionsRequestSchema;
        output: typeof WatchExecutionsResponseSchema;
    };
}>;
