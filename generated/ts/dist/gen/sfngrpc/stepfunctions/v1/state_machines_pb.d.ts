import type { GenEnum, GenFile, GenMessage } from "@bufbuild/protobuf/codegenv2";
import type { Timestamp } from "@bufbuild/protobuf/wkt";
import type { EncryptionConfiguration, IncludedData, LoggingConfiguration, Tag, TracingConfiguration, VariableNameList } from "./common_pb.js";
import type { Message } from "@bufbuild/protobuf";
/**
 * Describes the file sfngrpc/stepfunctions/v1/state_machines.proto.
 */
export declare const file_sfngrpc_stepfunctions_v1_state_machines: GenFile;
/**
 * Request of CreateStateMachine (model shape CreateStateMachineInput).
 *
 * @generated from message sfngrpc.stepfunctions.v1.CreateStateMachineRequest
 */
export type CreateStateMachineRequest = Message<"sfngrpc.stepfunctions.v1.CreateStateMachineRequest"> & {
    /**
     * The name of the state machine.
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
     * The Amazon States Language definition of the state machine. See Amazon States Language
     * (https://docs.aws.amazon.com/step-functions/latest/dg/concepts-amazon-states-language.html).
     *
     * Required. Length (characters): 1 to 1048576. Sensitive: never logged.
     *
     * @generated from field: string definition = 2;
     */
    definition: string;
    /**
     * The Amazon Resource Name (ARN) of the IAM role to use for this state machine.
     *
     * Required. Length (characters): 1 to 256.
     *
     * @generated from field: string role_arn = 3;
     */
    roleArn: string;
    /**
     * Determines whether a Standard or Express state machine is created. The default is STANDARD. You
     * cannot update the type of a state machine once it has been created.
     *
     * @generated from field: optional sfngrpc.stepfunctions.v1.StateMachineType type = 4;
     */
    type?: StateMachineType | undefined;
    /**
     * Defines what execution history events are logged and where they are logged.
     *
     * Note: By default, the level is set to OFF. For more information see Log Levels
     * (https://docs.aws.amazon.com/step-functions/latest/dg/cloudwatch-log-level.html) in the Step
     * Functions User Guide.
     *
     * @generated from field: sfngrpc.stepfunctions.v1.LoggingConfiguration logging_configuration = 5;
     */
    loggingConfiguration?: LoggingConfiguration | undefined;
    /**
     * Tags to be added when creating a state machine.
     *
     * An array of key-value pairs. For more information, see Using Cost Allocation Tags
     * (https://docs.aws.amazon.com/awsaccountbilling/latest/aboutv2/cost-alloc-tags.html) in the
     * Amazon Web Services Billing and Cost Management User Guide, and Controlling Access Using IAM
     * Tags (https://docs.aws.amazon.com/IAM/latest/UserGuide/access_iam-tags.html).
     *
     * Tags may only contain Unicode letters, digits, white space, or these symbols: _ . : / = + - @.
     *
     * @generated from field: repeated sfngrpc.stepfunctions.v1.Tag tags = 6;
     */
    tags: Tag[];
    /**
     * Selects whether X-Ray tracing is enabled.
     *
     * @generated from field: sfngrpc.stepfunctions.v1.TracingConfiguration tracing_configuration = 7;
     */
    tracingConfiguration?: TracingConfiguration | undefined;
    /**
     * Set to true to publish the first version of the state machine during creation. The default is
     * false.
     *
     * @generated from field: optional bool publish = 8;
     */
    publish?: boolean | undefined;
    /**
     * Sets description about the state machine version. You can only set the description if the
     * publish parameter is set to true. Otherwise, if you set versionDescription, but publish to
     * false, this API action throws ValidationException.
     *
     * Length (characters): 0 to 256. Sensitive: never logged.
     *
     * @generated from field: optional string version_description = 9;
     */
    versionDescription?: string | undefined;
    /**
     * Settings to configure server-side encryption.
     *
     * @generated from field: sfngrpc.stepfunctions.v1.EncryptionConfiguration encryption_configuration = 10;
     */
    encryptionConfiguration?: EncryptionConfiguration | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.CreateStateMachineRequest.
 * Use `create(CreateStateMachineRequestSchema)` to create a new message.
 */
export declare const CreateStateMachineRequestSchema: GenMessage<CreateStateMachineRequest>;
/**
 * Response of CreateStateMachine (model shape CreateStateMachineOutput).
 *
 * @generated from message sfngrpc.stepfunctions.v1.CreateStateMachineResponse
 */
export type CreateStateMachineResponse = Message<"sfngrpc.stepfunctions.v1.CreateStateMachineResponse"> & {
    /**
     * The Amazon Resource Name (ARN) that identifies the created state machine.
     *
     * Required. Length (characters): 1 to 256.
     *
     * @generated from field: string state_machine_arn = 1;
     */
    stateMachineArn: string;
    /**
     * The date the state machine is created.
     *
     * Required.
     *
     * @generated from field: google.protobuf.Timestamp creation_date = 2;
     */
    creationDate?: Timestamp | undefined;
    /**
     * The Amazon Resource Name (ARN) that identifies the created state machine version. If you do not
     * set the publish parameter to true, this field returns null value.
     *
     * Length (characters): 1 to 256.
     *
     * @generated from field: optional string state_machine_version_arn = 3;
     */
    stateMachineVersionArn?: string | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.CreateStateMachineResponse.
 * Use `create(CreateStateMachineResponseSchema)` to create a new message.
 */
export declare const CreateStateMachineResponseSchema: GenMessage<CreateStateMachineResponse>;
/**
 * Request of CreateStateMachineAlias (model shape CreateStateMachineAliasInput).
 *
 * @generated from message sfngrpc.stepfunctions.v1.CreateStateMachineAliasRequest
 */
export type CreateStateMachineAliasRequest = Message<"sfngrpc.stepfunctions.v1.CreateStateMachineAliasRequest"> & {
    /**
     * A description for the state machine alias.
     *
     * Length (characters): 0 to 256. Sensitive: never logged.
     *
     * @generated from field: optional string description = 1;
     */
    description?: string | undefined;
    /**
     * The name of the state machine alias.
     *
     * To avoid conflict with version ARNs, don't use an integer in the name of the alias.
     *
     * Required. Length (characters): 1 to 80. Pattern: ^(?=.*[a-zA-Z_\-\.])[a-zA-Z0-9_\-\.]+$
     *
     * @generated from field: string name = 2;
     */
    name: string;
    /**
     * The routing configuration of a state machine alias. The routing configuration shifts execution
     * traffic between two state machine versions. routingConfiguration contains an array of
     * RoutingConfig objects that specify up to two state machine versions. Step Functions then
     * randomly choses which version to run an execution with based on the weight assigned to each
     * RoutingConfig.
     *
     * Required. Items: 1 to 2.
     *
     * @generated from field: repeated sfngrpc.stepfunctions.v1.RoutingConfigurationListItem routing_configuration = 3;
     */
    routingConfiguration: RoutingConfigurationListItem[];
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.CreateStateMachineAliasRequest.
 * Use `create(CreateStateMachineAliasRequestSchema)` to create a new message.
 */
export declare const CreateStateMachineAliasRequestSchema: GenMessage<CreateStateMachineAliasRequest>;
/**
 * Response of CreateStateMachineAlias (model shape CreateStateMachineAliasOutput).
 *
 * @generated from message sfngrpc.stepfunctions.v1.CreateStateMachineAliasResponse
 */
export type CreateStateMachineAliasResponse = Message<"sfngrpc.stepfunctions.v1.CreateStateMachineAliasResponse"> & {
    /**
     * The Amazon Resource Name (ARN) that identifies the created state machine alias.
     *
     * Required. Length (characters): 1 to 256.
     *
     * @generated from field: string state_machine_alias_arn = 1;
     */
    stateMachineAliasArn: string;
    /**
     * The date the state machine alias was created.
     *
     * Required.
     *
     * @generated from field: google.protobuf.Timestamp creation_date = 2;
     */
    creationDate?: Timestamp | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.CreateStateMachineAliasResponse.
 * Use `create(CreateStateMachineAliasResponseSchema)` to create a new message.
 */
export declare const CreateStateMachineAliasResponseSchema: GenMessage<CreateStateMachineAliasResponse>;
/**
 * Request of DeleteStateMachine (model shape DeleteStateMachineInput).
 *
 * @generated from message sfngrpc.stepfunctions.v1.DeleteStateMachineRequest
 */
export type DeleteStateMachineRequest = Message<"sfngrpc.stepfunctions.v1.DeleteStateMachineRequest"> & {
    /**
     * The Amazon Resource Name (ARN) of the state machine to delete.
     *
     * Required. Length (characters): 1 to 256.
     *
     * @generated from field: string state_machine_arn = 1;
     */
    stateMachineArn: string;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.DeleteStateMachineRequest.
 * Use `create(DeleteStateMachineRequestSchema)` to create a new message.
 */
export declare const DeleteStateMachineRequestSchema: GenMessage<DeleteStateMachineRequest>;
/**
 * Response of DeleteStateMachine (model shape DeleteStateMachineOutput).
 *
 * @generated from message sfngrpc.stepfunctions.v1.DeleteStateMachineResponse
 */
export type DeleteStateMachineResponse = Message<"sfngrpc.stepfunctions.v1.DeleteStateMachineResponse"> & {};
/**
 * Describes the message sfngrpc.stepfunctions.v1.DeleteStateMachineResponse.
 * Use `create(DeleteStateMachineResponseSchema)` to create a new message.
 */
export declare const DeleteStateMachineResponseSchema: GenMessage<DeleteStateMachineResponse>;
/**
 * Request of DeleteStateMachineAlias (model shape DeleteStateMachineAliasInput).
 *
 * @generated from message sfngrpc.stepfunctions.v1.DeleteStateMachineAliasRequest
 */
export type DeleteStateMachineAliasRequest = Message<"sfngrpc.stepfunctions.v1.DeleteStateMachineAliasRequest"> & {
    /**
     * The Amazon Resource Name (ARN) of the state machine alias to delete.
     *
     * Required. Length (characters): 1 to 256.
     *
     * @generated from field: string state_machine_alias_arn = 1;
     */
    stateMachineAliasArn: string;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.DeleteStateMachineAliasRequest.
 * Use `create(DeleteStateMachineAliasRequestSchema)` to create a new message.
 */
export declare const DeleteStateMachineAliasRequestSchema: GenMessage<DeleteStateMachineAliasRequest>;
/**
 * Response of DeleteStateMachineAlias (model shape DeleteStateMachineAliasOutput).
 *
 * @generated from message sfngrpc.stepfunctions.v1.DeleteStateMachineAliasResponse
 */
export type DeleteStateMachineAliasResponse = Message<"sfngrpc.stepfunctions.v1.DeleteStateMachineAliasResponse"> & {};
/**
 * Describes the message sfngrpc.stepfunctions.v1.DeleteStateMachineAliasResponse.
 * Use `create(DeleteStateMachineAliasResponseSchema)` to create a new message.
 */
export declare const DeleteStateMachineAliasResponseSchema: GenMessage<DeleteStateMachineAliasResponse>;
/**
 * Request of DeleteStateMachineVersion (model shape DeleteStateMachineVersionInput).
 *
 * @generated from message sfngrpc.stepfunctions.v1.DeleteStateMachineVersionRequest
 */
export type DeleteStateMachineVersionRequest = Message<"sfngrpc.stepfunctions.v1.DeleteStateMachineVersionRequest"> & {
    /**
     * The Amazon Resource Name (ARN) of the state machine version to delete.
     *
     * Required. Length (characters): 1 to 2000.
     *
     * @generated from field: string state_machine_version_arn = 1;
     */
    stateMachineVersionArn: string;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.DeleteStateMachineVersionRequest.
 * Use `create(DeleteStateMachineVersionRequestSchema)` to create a new message.
 */
export declare const DeleteStateMachineVersionRequestSchema: GenMessage<DeleteStateMachineVersionRequest>;
/**
 * Response of DeleteStateMachineVersion (model shape DeleteStateMachineVersionOutput).
 *
 * @generated from message sfngrpc.stepfunctions.v1.DeleteStateMachineVersionResponse
 */
export type DeleteStateMachineVersionResponse = Message<"sfngrpc.stepfunctions.v1.DeleteStateMachineVersionResponse"> & {};
/**
 * Describes the message sfngrpc.stepfunctions.v1.DeleteStateMachineVersionResponse.
 * Use `create(DeleteStateMachineVersionResponseSchema)` to create a new message.
 */
export declare const DeleteStateMachineVersionResponseSchema: GenMessage<DeleteStateMachineVersionResponse>;
/**
 * Request of DescribeStateMachine (model shape DescribeStateMachineInput).
 *
 * @generated from message sfngrpc.stepfunctions.v1.DescribeStateMachineRequest
 */
export type DescribeStateMachineRequest = Message<"sfngrpc.stepfunctions.v1.DescribeStateMachineRequest"> & {
    /**
     * The Amazon Resource Name (ARN) of the state machine for which you want the information.
     *
     * If you specify a state machine version ARN, this API returns details about that version. The
     * version ARN is a combination of state machine ARN and the version number separated by a colon
     * (:). For example, stateMachineARN:1.
     *
     * Required. Length (characters): 1 to 256.
     *
     * @generated from field: string state_machine_arn = 1;
     */
    stateMachineArn: string;
    /**
     * If your state machine definition is encrypted with a KMS key, callers must have kms:Decrypt
     * permission to decrypt the definition. Alternatively, you can call the API with includedData =
     * METADATA_ONLY to get a successful response without the encrypted definition.
     *
     * Note: When calling a labelled ARN for an encrypted state machine, the includedData =
     * METADATA_ONLY parameter will not apply because Step Functions needs to decrypt the entire state
     * machine definition to get the Distributed Map state’s definition. In this case, the API caller
     * needs to have kms:Decrypt permission.
     *
     * @generated from field: optional sfngrpc.stepfunctions.v1.IncludedData included_data = 2;
     */
    includedData?: IncludedData | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.DescribeStateMachineRequest.
 * Use `create(DescribeStateMachineRequestSchema)` to create a new message.
 */
export declare const DescribeStateMachineRequestSchema: GenMessage<DescribeStateMachineRequest>;
/**
 * Response of DescribeStateMachine (model shape DescribeStateMachineOutput).
 *
 * @generated from message sfngrpc.stepfunctions.v1.DescribeStateMachineResponse
 */
export type DescribeStateMachineResponse = Message<"sfngrpc.stepfunctions.v1.DescribeStateMachineResponse"> & {
    /**
     * The Amazon Resource Name (ARN) that identifies the state machine.
     *
     * If you specified a state machine version ARN in your request, the API returns the version ARN.
     * The version ARN is a combination of state machine ARN and the version number separated by a
     * colon (:). For example, stateMachineARN:1.
     *
     * Required. Length (characters): 1 to 256.
     *
     * @generated from field: string state_machine_arn = 1;
     */
    stateMachineArn: string;
    /**
     * The name of the state machine.
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
     * @generated from field: string name = 2;
     */
    name: string;
    /**
     * The current status of the state machine.
     *
     * @generated from field: optional sfngrpc.stepfunctions.v1.StateMachineStatus status = 3;
     */
    status?: StateMachineStatus | undefined;
    /**
     * The Amazon States Language definition of the state machine. See Amazon States Language
     * (https://docs.aws.amazon.com/step-functions/latest/dg/concepts-amazon-states-language.html).
     *
     * If called with includedData = METADATA_ONLY, the returned definition will be {}.
     *
     * Required. Length (characters): 1 to 1048576. Sensitive: never logged.
     *
     * @generated from field: string definition = 4;
     */
    definition: string;
    /**
     * The Amazon Resource Name (ARN) of the IAM role used when creating this state machine. (The IAM
     * role maintains security by granting Step Functions access to Amazon Web Services resources.)
     *
     * Required. Length (characters): 1 to 256.
     *
     * @generated from field: string role_arn = 5;
     */
    roleArn: string;
    /**
     * The type of the state machine (STANDARD or EXPRESS).
     *
     * Required.
     *
     * @generated from field: sfngrpc.stepfunctions.v1.StateMachineType type = 6;
     */
    type: StateMachineType;
    /**
     * The date the state machine is created.
     *
     * For a state machine version, creationDate is the date the version was created.
     *
     * Required.
     *
     * @generated from field: google.protobuf.Timestamp creation_date = 7;
     */
    creationDate?: Timestamp | undefined;
    /**
     * The LoggingConfiguration data type is used to set CloudWatch Logs options.
     *
     * @generated from field: sfngrpc.stepfunctions.v1.LoggingConfiguration logging_configuration = 8;
     */
    loggingConfiguration?: LoggingConfiguration | undefined;
    /**
     * Selects whether X-Ray tracing is enabled.
     *
     * @generated from field: sfngrpc.stepfunctions.v1.TracingConfiguration tracing_configuration = 9;
     */
    tracingConfiguration?: TracingConfiguration | undefined;
    /**
     * A user-defined or an auto-generated string that identifies a Map state. This parameter is
     * present only if the stateMachineArn specified in input is a qualified state machine ARN.
     *
     * @generated from field: optional string label = 10;
     */
    label?: string | undefined;
    /**
     * The revision identifier for the state machine.
     *
     * Use the revisionId parameter to compare between versions of a state machine configuration used
     * for executions without performing a diff of the properties, such as definition and roleArn.
     *
     * @generated from field: optional string revision_id = 11;
     */
    revisionId?: string | undefined;
    /**
     * The description of the state machine version.
     *
     * Length (characters): 0 to 256. Sensitive: never logged.
     *
     * @generated from field: optional string description = 12;
     */
    description?: string | undefined;
    /**
     * Settings to configure server-side encryption.
     *
     * @generated from field: sfngrpc.stepfunctions.v1.EncryptionConfiguration encryption_configuration = 13;
     */
    encryptionConfiguration?: EncryptionConfiguration | undefined;
    /**
     * A map of state name to a list of variables referenced by that state. States that do not use
     * variable references will not be shown in the response.
     *
     * Sensitive: never logged.
     *
     * @generated from field: map<string, sfngrpc.stepfunctions.v1.VariableNameList> variable_references = 14;
     */
    variableReferences: {
        [key: string]: VariableNameList;
    };
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.DescribeStateMachineResponse.
 * Use `create(DescribeStateMachineResponseSchema)` to create a new message.
 */
export declare const DescribeStateMachineResponseSchema: GenMessage<DescribeStateMachineResponse>;
/**
 * Request of DescribeStateMachineAlias (model shape DescribeStateMachineAliasInput).
 *
 * @generated from message sfngrpc.stepfunctions.v1.DescribeStateMachineAliasRequest
 */
export type DescribeStateMachineAliasRequest = Message<"sfngrpc.stepfunctions.v1.DescribeStateMachineAliasRequest"> & {
    /**
     * The Amazon Resource Name (ARN) of the state machine alias.
     *
     * Required. Length (characters): 1 to 256.
     *
     * @generated from field: string state_machine_alias_arn = 1;
     */
    stateMachineAliasArn: string;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.DescribeStateMachineAliasRequest.
 * Use `create(DescribeStateMachineAliasRequestSchema)` to create a new message.
 */
export declare const DescribeStateMachineAliasRequestSchema: GenMessage<DescribeStateMachineAliasRequest>;
/**
 * Response of DescribeStateMachineAlias (model shape DescribeStateMachineAliasOutput).
 *
 * @generated from message sfngrpc.stepfunctions.v1.DescribeStateMachineAliasResponse
 */
export type DescribeStateMachineAliasResponse = Message<"sfngrpc.stepfunctions.v1.DescribeStateMachineAliasResponse"> & {
    /**
     * The Amazon Resource Name (ARN) of the state machine alias.
     *
     * Length (characters): 1 to 256.
     *
     * @generated from field: optional string state_machine_alias_arn = 1;
     */
    stateMachineAliasArn?: string | undefined;
    /**
     * The name of the state machine alias.
     *
     * Length (characters): 1 to 80.
     *
     * @generated from field: optional string name = 2;
     */
    name?: string | undefined;
    /**
     * A description of the alias.
     *
     * Length (characters): 0 to 256. Sensitive: never logged.
     *
     * @generated from field: optional string description = 3;
     */
    description?: string | undefined;
    /**
     * The routing configuration of the alias.
     *
     * Items: 1 to 2.
     *
     * @generated from field: repeated sfngrpc.stepfunctions.v1.RoutingConfigurationListItem routing_configuration = 4;
     */
    routingConfiguration: RoutingConfigurationListItem[];
    /**
     * The date the state machine alias was created.
     *
     * @generated from field: google.protobuf.Timestamp creation_date = 5;
     */
    creationDate?: Timestamp | undefined;
    /**
     * The date the state machine alias was last updated.
     *
     * For a newly created state machine, this is the same as the creation date.
     *
     * @generated from field: google.protobuf.Timestamp update_date = 6;
     */
    updateDate?: Timestamp | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.DescribeStateMachineAliasResponse.
 * Use `create(DescribeStateMachineAliasResponseSchema)` to create a new message.
 */
export declare const DescribeStateMachineAliasResponseSchema: GenMessage<DescribeStateMachineAliasResponse>;
/**
 * Request of ListActivities (model shape ListActivitiesInput).
 *
 * @generated from message sfngrpc.stepfunctions.v1.ListActivitiesRequest
 */
export type ListActivitiesRequest = Message<"sfngrpc.stepfunctions.v1.ListActivitiesRequest"> & {
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
     * @generated from field: optional int64 max_results = 1;
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
     * @generated from field: optional string next_token = 2;
     */
    nextToken?: string | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.ListActivitiesRequest.
 * Use `create(ListActivitiesRequestSchema)` to create a new message.
 */
export declare const ListActivitiesRequestSchema: GenMessage<ListActivitiesRequest>;
/**
 * Response of ListActivities (model shape ListActivitiesOutput).
 *
 * @generated from message sfngrpc.stepfunctions.v1.ListActivitiesResponse
 */
export type ListActivitiesResponse = Message<"sfngrpc.stepfunctions.v1.ListActivitiesResponse"> & {
    /**
     * The list of activities.
     *
     * Required.
     *
     * @generated from field: repeated sfngrpc.stepfunctions.v1.ActivityListItem activities = 1;
     */
    activities: ActivityListItem[];
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
 * Describes the message sfngrpc.stepfunctions.v1.ListActivitiesResponse.
 * Use `create(ListActivitiesResponseSchema)` to create a new message.
 */
export declare const ListActivitiesResponseSchema: GenMessage<ListActivitiesResponse>;
/**
 * Request of ListStateMachineAliases (model shape ListStateMachineAliasesInput).
 *
 * @generated from message sfngrpc.stepfunctions.v1.ListStateMachineAliasesRequest
 */
export type ListStateMachineAliasesRequest = Message<"sfngrpc.stepfunctions.v1.ListStateMachineAliasesRequest"> & {
    /**
     * The Amazon Resource Name (ARN) of the state machine for which you want to list aliases.
     *
     * If you specify a state machine version ARN, this API returns a list of aliases for that version.
     *
     * Required. Length (characters): 1 to 256.
     *
     * @generated from field: string state_machine_arn = 1;
     */
    stateMachineArn: string;
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
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.ListStateMachineAliasesRequest.
 * Use `create(ListStateMachineAliasesRequestSchema)` to create a new message.
 */
export declare const ListStateMachineAliasesRequestSchema: GenMessage<ListStateMachineAliasesRequest>;
/**
 * Response of ListStateMachineAliases (model shape ListStateMachineAliasesOutput).
 *
 * @generated from message sfngrpc.stepfunctions.v1.ListStateMachineAliasesResponse
 */
export type ListStateMachineAliasesResponse = Message<"sfngrpc.stepfunctions.v1.ListStateMachineAliasesResponse"> & {
    /**
     * Aliases for the state machine.
     *
     * Required.
     *
     * @generated from field: repeated sfngrpc.stepfunctions.v1.StateMachineAliasListItem state_machine_aliases = 1;
     */
    stateMachineAliases: StateMachineAliasListItem[];
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
 * Describes the message sfngrpc.stepfunctions.v1.ListStateMachineAliasesResponse.
 * Use `create(ListStateMachineAliasesResponseSchema)` to create a new message.
 */
export declare const ListStateMachineAliasesResponseSchema: GenMessage<ListStateMachineAliasesResponse>;
/**
 * Request of ListStateMachineVersions (model shape ListStateMachineVersionsInput).
 *
 * @generated from message sfngrpc.stepfunctions.v1.ListStateMachineVersionsRequest
 */
export type ListStateMachineVersionsRequest = Message<"sfngrpc.stepfunctions.v1.ListStateMachineVersionsRequest"> & {
    /**
     * The Amazon Resource Name (ARN) of the state machine.
     *
     * Required. Length (characters): 1 to 256.
     *
     * @generated from field: string state_machine_arn = 1;
     */
    stateMachineArn: string;
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
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.ListStateMachineVersionsRequest.
 * Use `create(ListStateMachineVersionsRequestSchema)` to create a new message.
 */
export declare const ListStateMachineVersionsRequestSchema: GenMessage<ListStateMachineVersionsRequest>;
/**
 * Response of ListStateMachineVersions (model shape ListStateMachineVersionsOutput).
 *
 * @generated from message sfngrpc.stepfunctions.v1.ListStateMachineVersionsResponse
 */
export type ListStateMachineVersionsResponse = Message<"sfngrpc.stepfunctions.v1.ListStateMachineVersionsResponse"> & {
    /**
     * Versions for the state machine.
     *
     * Required.
     *
     * @generated from field: repeated sfngrpc.stepfunctions.v1.StateMachineVersionListItem state_machine_versions = 1;
     */
    stateMachineVersions: StateMachineVersionListItem[];
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
 * Describes the message sfngrpc.stepfunctions.v1.ListStateMachineVersionsResponse.
 * Use `create(ListStateMachineVersionsResponseSchema)` to create a new message.
 */
export declare const ListStateMachineVersionsResponseSchema: GenMessage<ListStateMachineVersionsResponse>;
/**
 * Request of ListStateMachines (model shape ListStateMachinesInput).
 *
 * @generated from message sfngrpc.stepfunctions.v1.ListStateMachinesRequest
 */
export type ListStateMachinesRequest = Message<"sfngrpc.stepfunctions.v1.ListStateMachinesRequest"> & {
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
     * @generated from field: optional int64 max_results = 1;
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
     * @generated from field: optional string next_token = 2;
     */
    nextToken?: string | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.ListStateMachinesRequest.
 * Use `create(ListStateMachinesRequestSchema)` to create a new message.
 */
export declare const ListStateMachinesRequestSchema: GenMessage<ListStateMachinesRequest>;
/**
 * Response of ListStateMachines (model shape ListStateMachinesOutput).
 *
 * @generated from message sfngrpc.stepfunctions.v1.ListStateMachinesResponse
 */
export type ListStateMachinesResponse = Message<"sfngrpc.stepfunctions.v1.ListStateMachinesResponse"> & {
    /**
     * Required.
     *
     * @generated from field: repeated sfngrpc.stepfunctions.v1.StateMachineListItem state_machines = 1;
     */
    stateMachines: StateMachineListItem[];
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
 * Describes the message sfngrpc.stepfunctions.v1.ListStateMachinesResponse.
 * Use `create(ListStateMachinesResponseSchema)` to create a new message.
 */
export declare const ListStateMachinesResponseSchema: GenMessage<ListStateMachinesResponse>;
/**
 * Request of PublishStateMachineVersion (model shape PublishStateMachineVersionInput).
 *
 * @generated from message sfngrpc.stepfunctions.v1.PublishStateMachineVersionRequest
 */
export type PublishStateMachineVersionRequest = Message<"sfngrpc.stepfunctions.v1.PublishStateMachineVersionRequest"> & {
    /**
     * The Amazon Resource Name (ARN) of the state machine.
     *
     * Required. Length (characters): 1 to 256.
     *
     * @generated from field: string state_machine_arn = 1;
     */
    stateMachineArn: string;
    /**
     * Only publish the state machine version if the current state machine's revision ID matches the
     * specified ID.
     *
     * Use this option to avoid publishing a version if the state machine changed since you last
     * updated it. If the specified revision ID doesn't match the state machine's current revision ID,
     * the API returns ConflictException.
     *
     * Note: To specify an initial revision ID for a state machine with no revision ID assigned,
     * specify the string INITIAL for the revisionId parameter. For example, you can specify a
     * revisionID of INITIAL when you create a state machine using the CreateStateMachine API action.
     *
     * @generated from field: optional string revision_id = 2;
     */
    revisionId?: string | undefined;
    /**
     * An optional description of the state machine version.
     *
     * Length (characters): 0 to 256. Sensitive: never logged.
     *
     * @generated from field: optional string description = 3;
     */
    description?: string | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.PublishStateMachineVersionRequest.
 * Use `create(PublishStateMachineVersionRequestSchema)` to create a new message.
 */
export declare const PublishStateMachineVersionRequestSchema: GenMessage<PublishStateMachineVersionRequest>;
/**
 * Response of PublishStateMachineVersion (model shape PublishStateMachineVersionOutput).
 *
 * @generated from message sfngrpc.stepfunctions.v1.PublishStateMachineVersionResponse
 */
export type PublishStateMachineVersionResponse = Message<"sfngrpc.stepfunctions.v1.PublishStateMachineVersionResponse"> & {
    /**
     * The date the version was created.
     *
     * Required.
     *
     * @generated from field: google.protobuf.Timestamp creation_date = 1;
     */
    creationDate?: Timestamp | undefined;
    /**
     * The Amazon Resource Name (ARN) (ARN) that identifies the state machine version.
     *
     * Required. Length (characters): 1 to 256.
     *
     * @generated from field: string state_machine_version_arn = 2;
     */
    stateMachineVersionArn: string;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.PublishStateMachineVersionResponse.
 * Use `create(PublishStateMachineVersionResponseSchema)` to create a new message.
 */
export declare const PublishStateMachineVersionResponseSchema: GenMessage<PublishStateMachineVersionResponse>;
/**
 * Request of TestState (model shape TestStateInput).
 *
 * @generated from message sfngrpc.stepfunctions.v1.TestStateRequest
 */
export type TestStateRequest = Message<"sfngrpc.stepfunctions.v1.TestStateRequest"> & {
    /**
     * The Amazon States Language
     * (https://docs.aws.amazon.com/step-functions/latest/dg/concepts-amazon-states-language.html)
     * (ASL) definition of the state or state machine.
     *
     * Required. Length (characters): 1 to 1048576. Sensitive: never logged.
     *
     * @generated from field: string definition = 1;
     */
    definition: string;
    /**
     * The Amazon Resource Name (ARN) of the execution role with the required IAM permissions for the
     * state.
     *
     * Length (characters): 1 to 256.
     *
     * @generated from field: optional string role_arn = 2;
     */
    roleArn?: string | undefined;
    /**
     * A string that contains the JSON input data for the state.
     *
     * Length (characters): 0 to 262144. Sensitive: never logged.
     *
     * @generated from field: optional string input = 3;
     */
    input?: string | undefined;
    /**
     * Determines the values to return when a state is tested. You can specify one of the following
     * types:
     * - INFO: Shows the final state output. By default, Step Functions sets inspectionLevel to INFO if
     *   you don't specify a level.
     * - DEBUG: Shows the final state output along with the input and output data processing result.
     * - TRACE: Shows the HTTP request and response for an HTTP Task. This level also shows the final
     *   state output along with the input and output data processing result.
     *
     * Each of these levels also provide information about the status of the state execution and the
     * next state to transition to.
     *
     * @generated from field: optional sfngrpc.stepfunctions.v1.InspectionLevel inspection_level = 4;
     */
    inspectionLevel?: InspectionLevel | undefined;
    /**
     * Specifies whether or not to include secret information in the test result. For HTTP Tasks, a
     * secret includes the data that an EventBridge connection adds to modify the HTTP request headers,
     * query parameters, and body. Step Functions doesn't omit any information included in the state
     * definition or the HTTP response.
     *
     * If you set revealSecrets to true, you must make sure that the IAM user that calls the TestState
     * API has permission for the states:RevealSecrets action. For an example of IAM policy that sets
     * the states:RevealSecrets permission, see IAM permissions to test a state
     * (https://docs.aws.amazon.com/step-functions/latest/dg/test-state-isolation.html#test-state-permissions).
     * Without this permission, Step Functions throws an access denied error.
     *
     * By default, revealSecrets is set to false.
     *
     * @generated from field: optional bool reveal_secrets = 5;
     */
    revealSecrets?: boolean | undefined;
    /**
     * JSON object literal that sets variables used in the state under test. Object keys are the
     * variable names and values are the variable values.
     *
     * Length (characters): 0 to 262144. Sensitive: never logged.
     *
     * @generated from field: optional string variables = 6;
     */
    variables?: string | undefined;
    /**
     * Denotes the particular state within a state machine definition to be tested. If this field is
     * specified, the definition must contain a fully-formed state machine definition.
     *
     * Length (characters): 1 to 80. Sensitive: never logged.
     *
     * @generated from field: optional string state_name = 7;
     */
    stateName?: string | undefined;
    /**
     * Defines a mocked result or error for the state under test.
     *
     * A mock can only be specified for Task, Map, or Parallel states. If it is specified for another
     * state type, an exception will be thrown.
     *
     * @generated from field: sfngrpc.stepfunctions.v1.MockInput mock = 8;
     */
    mock?: MockInput | undefined;
    /**
     * A JSON string representing a valid Context object for the state under test. This field may only
     * be specified if a mock is specified in the same request.
     *
     * Length (characters): 0 to 262144. Sensitive: never logged.
     *
     * @generated from field: optional string context = 9;
     */
    context?: string | undefined;
    /**
     * Contains configurations for the state under test.
     *
     * @generated from field: sfngrpc.stepfunctions.v1.TestStateConfiguration state_configuration = 10;
     */
    stateConfiguration?: TestStateConfiguration | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.TestStateRequest.
 * Use `create(TestStateRequestSchema)` to create a new message.
 */
export declare const TestStateRequestSchema: GenMessage<TestStateRequest>;
/**
 * Response of TestState (model shape TestStateOutput).
 *
 * @generated from message sfngrpc.stepfunctions.v1.TestStateResponse
 */
export type TestStateResponse = Message<"sfngrpc.stepfunctions.v1.TestStateResponse"> & {
    /**
     * The JSON output data of the state. Length constraints apply to the payload size, and are
     * expressed as bytes in UTF-8 encoding.
     *
     * Length (characters): 0 to 262144. Sensitive: never logged.
     *
     * @generated from field: optional string output = 1;
     */
    output?: string | undefined;
    /**
     * The error returned when the execution of a state fails.
     *
     * Length (characters): 0 to 256. Sensitive: never logged.
     *
     * @generated from field: optional string error = 2;
     */
    error?: string | undefined;
    /**
     * A detailed explanation of the cause for the error when the execution of a state fails.
     *
     * Length (characters): 0 to 32768. Sensitive: never logged.
     *
     * @generated from field: optional string cause = 3;
     */
    cause?: string | undefined;
    /**
     * Returns additional details about the state's execution, including its input and output data
     * processing flow, and HTTP request and response information. The inspectionLevel request
     * parameter specifies which details are returned.
     *
     * Sensitive: never logged.
     *
     * @generated from field: sfngrpc.stepfunctions.v1.InspectionData inspection_data = 4;
     */
    inspectionData?: InspectionData | undefined;
    /**
     * The name of the next state to transition to. If you haven't defined a next state in your
     * definition or if the execution of the state fails, this field doesn't contain a value.
     *
     * Length (characters): 1 to 80.
     *
     * @generated from field: optional string next_state = 5;
     */
    nextState?: string | undefined;
    /**
     * The execution status of the state.
     *
     * @generated from field: optional sfngrpc.stepfunctions.v1.TestExecutionStatus status = 6;
     */
    status?: TestExecutionStatus | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.TestStateResponse.
 * Use `create(TestStateResponseSchema)` to create a new message.
 */
export declare const TestStateResponseSchema: GenMessage<TestStateResponse>;
/**
 * Request of UntagResource (model shape UntagResourceInput).
 *
 * @generated from message sfngrpc.stepfunctions.v1.UntagResourceRequest
 */
export type UntagResourceRequest = Message<"sfngrpc.stepfunctions.v1.UntagResourceRequest"> & {
    /**
     * The Amazon Resource Name (ARN) for the Step Functions state machine or activity.
     *
     * Required. Length (characters): 1 to 256.
     *
     * @generated from field: string resource_arn = 1;
     */
    resourceArn: string;
    /**
     * The list of tags to remove from the resource.
     *
     * Required.
     *
     * @generated from field: repeated string tag_keys = 2;
     */
    tagKeys: string[];
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.UntagResourceRequest.
 * Use `create(UntagResourceRequestSchema)` to create a new message.
 */
export declare const UntagResourceRequestSchema: GenMessage<UntagResourceRequest>;
/**
 * Response of UntagResource (model shape UntagResourceOutput).
 *
 * @generated from message sfngrpc.stepfunctions.v1.UntagResourceResponse
 */
export type UntagResourceResponse = Message<"sfngrpc.stepfunctions.v1.UntagResourceResponse"> & {};
/**
 * Describes the message sfngrpc.stepfunctions.v1.UntagResourceResponse.
 * Use `create(UntagResourceResponseSchema)` to create a new message.
 */
export declare const UntagResourceResponseSchema: GenMessage<UntagResourceResponse>;
/**
 * Request of UpdateStateMachine (model shape UpdateStateMachineInput).
 *
 * @generated from message sfngrpc.stepfunctions.v1.UpdateStateMachineRequest
 */
export type UpdateStateMachineRequest = Message<"sfngrpc.stepfunctions.v1.UpdateStateMachineRequest"> & {
    /**
     * The Amazon Resource Name (ARN) of the state machine.
     *
     * Required. Length (characters): 1 to 256.
     *
     * @generated from field: string state_machine_arn = 1;
     */
    stateMachineArn: string;
    /**
     * The Amazon States Language definition of the state machine. See Amazon States Language
     * (https://docs.aws.amazon.com/step-functions/latest/dg/concepts-amazon-states-language.html).
     *
     * Length (characters): 1 to 1048576. Sensitive: never logged.
     *
     * @generated from field: optional string definition = 2;
     */
    definition?: string | undefined;
    /**
     * The Amazon Resource Name (ARN) of the IAM role of the state machine.
     *
     * Length (characters): 1 to 256.
     *
     * @generated from field: optional string role_arn = 3;
     */
    roleArn?: string | undefined;
    /**
     * Use the LoggingConfiguration data type to set CloudWatch Logs options.
     *
     * @generated from field: sfngrpc.stepfunctions.v1.LoggingConfiguration logging_configuration = 4;
     */
    loggingConfiguration?: LoggingConfiguration | undefined;
    /**
     * Selects whether X-Ray tracing is enabled.
     *
     * @generated from field: sfngrpc.stepfunctions.v1.TracingConfiguration tracing_configuration = 5;
     */
    tracingConfiguration?: TracingConfiguration | undefined;
    /**
     * Specifies whether the state machine version is published. The default is false. To publish a
     * version after updating the state machine, set publish to true.
     *
     * @generated from field: optional bool publish = 6;
     */
    publish?: boolean | undefined;
    /**
     * An optional description of the state machine version to publish.
     *
     * You can only specify the versionDescription parameter if you've set publish to true.
     *
     * Length (characters): 0 to 256. Sensitive: never logged.
     *
     * @generated from field: optional string version_description = 7;
     */
    versionDescription?: string | undefined;
    /**
     * Settings to configure server-side encryption.
     *
     * @generated from field: sfngrpc.stepfunctions.v1.EncryptionConfiguration encryption_configuration = 8;
     */
    encryptionConfiguration?: EncryptionConfiguration | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.UpdateStateMachineRequest.
 * Use `create(UpdateStateMachineRequestSchema)` to create a new message.
 */
export declare const UpdateStateMachineRequestSchema: GenMessage<UpdateStateMachineRequest>;
/**
 * Response of UpdateStateMachine (model shape UpdateStateMachineOutput).
 *
 * @generated from message sfngrpc.stepfunctions.v1.UpdateStateMachineResponse
 */
export type UpdateStateMachineResponse = Message<"sfngrpc.stepfunctions.v1.UpdateStateMachineResponse"> & {
    /**
     * The date and time the state machine was updated.
     *
     * Required.
     *
     * @generated from field: google.protobuf.Timestamp update_date = 1;
     */
    updateDate?: Timestamp | undefined;
    /**
     * The revision identifier for the updated state machine.
     *
     * @generated from field: optional string revision_id = 2;
     */
    revisionId?: string | undefined;
    /**
     * The Amazon Resource Name (ARN) of the published state machine version.
     *
     * If the publish parameter isn't set to true, this field returns null.
     *
     * Length (characters): 1 to 256.
     *
     * @generated from field: optional string state_machine_version_arn = 3;
     */
    stateMachineVersionArn?: string | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.UpdateStateMachineResponse.
 * Use `create(UpdateStateMachineResponseSchema)` to create a new message.
 */
export declare const UpdateStateMachineResponseSchema: GenMessage<UpdateStateMachineResponse>;
/**
 * Request of UpdateStateMachineAlias (model shape UpdateStateMachineAliasInput).
 *
 * @generated from message sfngrpc.stepfunctions.v1.UpdateStateMachineAliasRequest
 */
export type UpdateStateMachineAliasRequest = Message<"sfngrpc.stepfunctions.v1.UpdateStateMachineAliasRequest"> & {
    /**
     * The Amazon Resource Name (ARN) of the state machine alias.
     *
     * Required. Length (characters): 1 to 256.
     *
     * @generated from field: string state_machine_alias_arn = 1;
     */
    stateMachineAliasArn: string;
    /**
     * A description of the state machine alias.
     *
     * Length (characters): 0 to 256. Sensitive: never logged.
     *
     * @generated from field: optional string description = 2;
     */
    description?: string | undefined;
    /**
     * The routing configuration of the state machine alias.
     *
     * An array of RoutingConfig objects that specifies up to two state machine versions that the alias
     * starts executions for.
     *
     * Items: 1 to 2.
     *
     * @generated from field: repeated sfngrpc.stepfunctions.v1.RoutingConfigurationListItem routing_configuration = 3;
     */
    routingConfiguration: RoutingConfigurationListItem[];
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.UpdateStateMachineAliasRequest.
 * Use `create(UpdateStateMachineAliasRequestSchema)` to create a new message.
 */
export declare const UpdateStateMachineAliasRequestSchema: GenMessage<UpdateStateMachineAliasRequest>;
/**
 * Response of UpdateStateMachineAlias (model shape UpdateStateMachineAliasOutput).
 *
 * @generated from message sfngrpc.stepfunctions.v1.UpdateStateMachineAliasResponse
 */
export type UpdateStateMachineAliasResponse = Message<"sfngrpc.stepfunctions.v1.UpdateStateMachineAliasResponse"> & {
    /**
     * The date and time the state machine alias was updated.
     *
     * Required.
     *
     * @generated from field: google.protobuf.Timestamp update_date = 1;
     */
    updateDate?: Timestamp | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.UpdateStateMachineAliasResponse.
 * Use `create(UpdateStateMachineAliasResponseSchema)` to create a new message.
 */
export declare const UpdateStateMachineAliasResponseSchema: GenMessage<UpdateStateMachineAliasResponse>;
/**
 * Request of ValidateStateMachineDefinition (model shape ValidateStateMachineDefinitionInput).
 *
 * @generated from message sfngrpc.stepfunctions.v1.ValidateStateMachineDefinitionRequest
 */
export type ValidateStateMachineDefinitionRequest = Message<"sfngrpc.stepfunctions.v1.ValidateStateMachineDefinitionRequest"> & {
    /**
     * The Amazon States Language definition of the state machine. For more information, see Amazon
     * States Language
     * (https://docs.aws.amazon.com/step-functions/latest/dg/concepts-amazon-states-language.html)
     * (ASL).
     *
     * Required. Length (characters): 1 to 1048576. Sensitive: never logged.
     *
     * @generated from field: string definition = 1;
     */
    definition: string;
    /**
     * The target type of state machine for this definition. The default is STANDARD.
     *
     * @generated from field: optional sfngrpc.stepfunctions.v1.StateMachineType type = 2;
     */
    type?: StateMachineType | undefined;
    /**
     * Minimum level of diagnostics to return. ERROR returns only ERROR diagnostics, whereas WARNING
     * returns both WARNING and ERROR diagnostics. The default is ERROR.
     *
     * @generated from field: optional sfngrpc.stepfunctions.v1.ValidateStateMachineDefinitionSeverity severity = 3;
     */
    severity?: ValidateStateMachineDefinitionSeverity | undefined;
    /**
     * The maximum number of diagnostics that are returned per call. The default and maximum value is
     * 100. Setting the value to 0 will also use the default of 100.
     *
     * If the number of diagnostics returned in the response exceeds maxResults, the value of the
     * truncated field in the response will be set to true.
     *
     * Range: 0 to 100.
     *
     * @generated from field: optional int64 max_results = 4;
     */
    maxResults?: bigint | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.ValidateStateMachineDefinitionRequest.
 * Use `create(ValidateStateMachineDefinitionRequestSchema)` to create a new message.
 */
export declare const ValidateStateMachineDefinitionRequestSchema: GenMessage<ValidateStateMachineDefinitionRequest>;
/**
 * Response of ValidateStateMachineDefinition (model shape ValidateStateMachineDefinitionOutput).
 *
 * @generated from message sfngrpc.stepfunctions.v1.ValidateStateMachineDefinitionResponse
 */
export type ValidateStateMachineDefinitionResponse = Message<"sfngrpc.stepfunctions.v1.ValidateStateMachineDefinitionResponse"> & {
    /**
     * The result value will be OK when no syntax errors are found, or FAIL if the workflow definition
     * does not pass verification.
     *
     * Required.
     *
     * @generated from field: sfngrpc.stepfunctions.v1.ValidateStateMachineDefinitionResultCode result = 1;
     */
    result: ValidateStateMachineDefinitionResultCode;
    /**
     * An array of diagnostic errors and warnings found during validation of the state machine
     * definition. Since warnings do not prevent deploying your workflow definition, the result value
     * could be OK even when warning diagnostics are present in the response.
     *
     * Required.
     *
     * @generated from field: repeated sfngrpc.stepfunctions.v1.ValidateStateMachineDefinitionDiagnostic diagnostics = 2;
     */
    diagnostics: ValidateStateMachineDefinitionDiagnostic[];
    /**
     * The result value will be true if the number of diagnostics found in the workflow definition
     * exceeds maxResults. When all diagnostics results are returned, the value will be false.
     *
     * @generated from field: optional bool truncated = 3;
     */
    truncated?: boolean | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.ValidateStateMachineDefinitionResponse.
 * Use `create(ValidateStateMachineDefinitionResponseSchema)` to create a new message.
 */
export declare const ValidateStateMachineDefinitionResponseSchema: GenMessage<ValidateStateMachineDefinitionResponse>;
/**
 * Contains details about an activity.
 *
 * @generated from message sfngrpc.stepfunctions.v1.ActivityListItem
 */
export type ActivityListItem = Message<"sfngrpc.stepfunctions.v1.ActivityListItem"> & {
    /**
     * The Amazon Resource Name (ARN) that identifies the activity.
     *
     * Required. Length (characters): 1 to 256.
     *
     * @generated from field: string activity_arn = 1;
     */
    activityArn: string;
    /**
     * The name of the activity.
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
     * @generated from field: string name = 2;
     */
    name: string;
    /**
     * The date the activity is created.
     *
     * Required.
     *
     * @generated from field: google.protobuf.Timestamp creation_date = 3;
     */
    creationDate?: Timestamp | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.ActivityListItem.
 * Use `create(ActivityListItemSchema)` to create a new message.
 */
export declare const ActivityListItemSchema: GenMessage<ActivityListItem>;
/**
 * Contains additional details about the state's execution, including its input and output data
 * processing flow, and HTTP request and response information.
 *
 * @generated from message sfngrpc.stepfunctions.v1.InspectionData
 */
export type InspectionData = Message<"sfngrpc.stepfunctions.v1.InspectionData"> & {
    /**
     * The raw state input.
     *
     * Length (characters): 0 to 262144. Sensitive: never logged.
     *
     * @generated from field: optional string input = 1;
     */
    input?: string | undefined;
    /**
     * The input after Step Functions applies an Arguments filter. This event will only be present when
     * QueryLanguage for the state machine or individual states is set to JSONata. For more info, see
     * Transforming data with Step Functions
     * (https://docs.aws.amazon.com/step-functions/latest/dg/data-transform.html).
     *
     * Length (characters): 0 to 262144. Sensitive: never logged.
     *
     * @generated from field: optional string after_arguments = 2;
     */
    afterArguments?: string | undefined;
    /**
     * The input after Step Functions applies the InputPath
     * (https://docs.aws.amazon.com/step-functions/latest/dg/input-output-inputpath-params.html#input-output-inputpath)
     * filter. Not populated when QueryLanguage is JSONata.
     *
     * Length (characters): 0 to 262144. Sensitive: never logged.
     *
     * @generated from field: optional string after_input_path = 3;
     */
    afterInputPath?: string | undefined;
    /**
     * The effective input after Step Functions applies the Parameters
     * (https://docs.aws.amazon.com/step-functions/latest/dg/input-output-inputpath-params.html#input-output-parameters)
     * filter. Not populated when QueryLanguage is JSONata.
     *
     * Length (characters): 0 to 262144. Sensitive: never logged.
     *
     * @generated from field: optional string after_parameters = 4;
     */
    afterParameters?: string | undefined;
    /**
     * The state's raw result.
     *
     * Length (characters): 0 to 262144. Sensitive: never logged.
     *
     * @generated from field: optional string result = 5;
     */
    result?: string | undefined;
    /**
     * The effective result after Step Functions applies the ResultSelector
     * (https://docs.aws.amazon.com/step-functions/latest/dg/input-output-inputpath-params.html#input-output-resultselector)
     * filter. Not populated when QueryLanguage is JSONata.
     *
     * Length (characters): 0 to 262144. Sensitive: never logged.
     *
     * @generated from field: optional string after_result_selector = 6;
     */
    afterResultSelector?: string | undefined;
    /**
     * The effective result combined with the raw state input after Step Functions applies the
     * ResultPath (https://docs.aws.amazon.com/step-functions/latest/dg/input-output-resultpath.html)
     * filter. Not populated when QueryLanguage is JSONata.
     *
     * Length (characters): 0 to 262144. Sensitive: never logged.
     *
     * @generated from field: optional string after_result_path = 7;
     */
    afterResultPath?: string | undefined;
    /**
     * The raw HTTP request that is sent when you test an HTTP Task.
     *
     * @generated from field: sfngrpc.stepfunctions.v1.InspectionDataRequest request = 8;
     */
    request?: InspectionDataRequest | undefined;
    /**
     * The raw HTTP response that is returned when you test an HTTP Task.
     *
     * @generated from field: sfngrpc.stepfunctions.v1.InspectionDataResponse response = 9;
     */
    response?: InspectionDataResponse | undefined;
    /**
     * JSON string that contains the set of workflow variables after execution of the state. The set
     * will include variables assigned in the state and variables set up as test state input.
     *
     * Length (characters): 0 to 262144. Sensitive: never logged.
     *
     * @generated from field: optional string variables = 10;
     */
    variables?: string | undefined;
    /**
     * An object containing data about a handled exception in the tested state.
     *
     * @generated from field: sfngrpc.stepfunctions.v1.InspectionErrorDetails error_details = 11;
     */
    errorDetails?: InspectionErrorDetails | undefined;
    /**
     * The effective input after the ItemsPath filter is applied. Not populated when the QueryLanguage
     * is JSONata.
     *
     * Length (characters): 0 to 262144. Sensitive: never logged.
     *
     * @generated from field: optional string after_items_path = 12;
     */
    afterItemsPath?: string | undefined;
    /**
     * An array containing the inputs for each Map iteration, transformed by the ItemSelector specified
     * in a Map state.
     *
     * Length (characters): 0 to 262144. Sensitive: never logged.
     *
     * @generated from field: optional string after_item_selector = 13;
     */
    afterItemSelector?: string | undefined;
    /**
     * The effective input after the ItemBatcher filter is applied in a Map state.
     *
     * Length (characters): 0 to 262144. Sensitive: never logged.
     *
     * @generated from field: optional string after_item_batcher = 14;
     */
    afterItemBatcher?: string | undefined;
    /**
     * The effective input after the ItemsPointer filter is applied in a Map state.
     *
     * Length (characters): 0 to 262144. Sensitive: never logged.
     *
     * @generated from field: optional string after_items_pointer = 15;
     */
    afterItemsPointer?: string | undefined;
    /**
     * The tolerated failure threshold for a Map state as defined in number of Map state iterations.
     *
     * Range: 0 to any. Sensitive: never logged.
     *
     * @generated from field: optional int64 tolerated_failure_count = 16;
     */
    toleratedFailureCount?: bigint | undefined;
    /**
     * The tolerated failure threshold for a Map state as defined in percentage of Map state
     * iterations.
     *
     * Range: 0 to 100. Sensitive: never logged.
     *
     * @generated from field: optional double tolerated_failure_percentage = 17;
     */
    toleratedFailurePercentage?: number | undefined;
    /**
     * The max concurrency of the Map state.
     *
     * Range: 0 to any. Sensitive: never logged.
     *
     * @generated from field: optional int64 max_concurrency = 18;
     */
    maxConcurrency?: bigint | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.InspectionData.
 * Use `create(InspectionDataSchema)` to create a new message.
 */
export declare const InspectionDataSchema: GenMessage<InspectionData>;
/**
 * Contains additional details about the state's execution, including its input and output data
 * processing flow, and HTTP request information.
 *
 * @generated from message sfngrpc.stepfunctions.v1.InspectionDataRequest
 */
export type InspectionDataRequest = Message<"sfngrpc.stepfunctions.v1.InspectionDataRequest"> & {
    /**
     * The protocol used to make the HTTP request.
     *
     * @generated from field: optional string protocol = 1;
     */
    protocol?: string | undefined;
    /**
     * The HTTP method used for the HTTP request.
     *
     * @generated from field: optional string method = 2;
     */
    method?: string | undefined;
    /**
     * The API endpoint used for the HTTP request.
     *
     * @generated from field: optional string url = 3;
     */
    url?: string | undefined;
    /**
     * The request headers associated with the HTTP request.
     *
     * @generated from field: optional string headers = 4;
     */
    headers?: string | undefined;
    /**
     * The request body for the HTTP request.
     *
     * @generated from field: optional string body = 5;
     */
    body?: string | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.InspectionDataRequest.
 * Use `create(InspectionDataRequestSchema)` to create a new message.
 */
export declare const InspectionDataRequestSchema: GenMessage<InspectionDataRequest>;
/**
 * Contains additional details about the state's execution, including its input and output data
 * processing flow, and HTTP response information. The inspectionLevel request parameter specifies
 * which details are returned.
 *
 * @generated from message sfngrpc.stepfunctions.v1.InspectionDataResponse
 */
export type InspectionDataResponse = Message<"sfngrpc.stepfunctions.v1.InspectionDataResponse"> & {
    /**
     * The protocol used to return the HTTP response.
     *
     * @generated from field: optional string protocol = 1;
     */
    protocol?: string | undefined;
    /**
     * The HTTP response status code for the HTTP response.
     *
     * @generated from field: optional string status_code = 2;
     */
    statusCode?: string | undefined;
    /**
     * The message associated with the HTTP status code.
     *
     * @generated from field: optional string status_message = 3;
     */
    statusMessage?: string | undefined;
    /**
     * The response headers associated with the HTTP response.
     *
     * @generated from field: optional string headers = 4;
     */
    headers?: string | undefined;
    /**
     * The HTTP response returned.
     *
     * @generated from field: optional string body = 5;
     */
    body?: string | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.InspectionDataResponse.
 * Use `create(InspectionDataResponseSchema)` to create a new message.
 */
export declare const InspectionDataResponseSchema: GenMessage<InspectionDataResponse>;
/**
 * An object containing data about a handled exception in the tested state.
 *
 * @generated from message sfngrpc.stepfunctions.v1.InspectionErrorDetails
 */
export type InspectionErrorDetails = Message<"sfngrpc.stepfunctions.v1.InspectionErrorDetails"> & {
    /**
     * The array index of the Catch which handled the exception.
     *
     * Range: 0 to any. Sensitive: never logged.
     *
     * @generated from field: optional int64 catch_index = 1;
     */
    catchIndex?: bigint | undefined;
    /**
     * The array index of the Retry which handled the exception.
     *
     * Range: 0 to any. Sensitive: never logged.
     *
     * @generated from field: optional int64 retry_index = 2;
     */
    retryIndex?: bigint | undefined;
    /**
     * The duration in seconds of the backoff for a retry on a failed state invocation.
     *
     * Range: 0 to any. Sensitive: never logged.
     *
     * @generated from field: optional int64 retry_backoff_interval_seconds = 3;
     */
    retryBackoffIntervalSeconds?: bigint | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.InspectionErrorDetails.
 * Use `create(InspectionErrorDetailsSchema)` to create a new message.
 */
export declare const InspectionErrorDetailsSchema: GenMessage<InspectionErrorDetails>;
/**
 * A JSON object that contains a mocked error.
 *
 * @generated from message sfngrpc.stepfunctions.v1.MockErrorOutput
 */
export type MockErrorOutput = Message<"sfngrpc.stepfunctions.v1.MockErrorOutput"> & {
    /**
     * A string denoting the error code of the exception thrown when invoking the tested state. This
     * field is required if mock.errorOutput is specified.
     *
     * Length (characters): 0 to 256. Sensitive: never logged.
     *
     * @generated from field: optional string error = 1;
     */
    error?: string | undefined;
    /**
     * A string containing the cause of the exception thrown when executing the state's logic.
     *
     * Length (characters): 0 to 32768. Sensitive: never logged.
     *
     * @generated from field: optional string cause = 2;
     */
    cause?: string | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.MockErrorOutput.
 * Use `create(MockErrorOutputSchema)` to create a new message.
 */
export declare const MockErrorOutputSchema: GenMessage<MockErrorOutput>;
/**
 * A JSON object that contains a mocked result or errorOutput.
 *
 * @generated from message sfngrpc.stepfunctions.v1.MockInput
 */
export type MockInput = Message<"sfngrpc.stepfunctions.v1.MockInput"> & {
    /**
     * A JSON string containing the mocked result of the state invocation.
     *
     * Length (characters): 0 to 262144. Sensitive: never logged.
     *
     * @generated from field: optional string result = 1;
     */
    result?: string | undefined;
    /**
     * The mocked error output when calling TestState. When specified, the mocked response is returned
     * as a JSON object that contains an error and cause field.
     *
     * @generated from field: sfngrpc.stepfunctions.v1.MockErrorOutput error_output = 2;
     */
    errorOutput?: MockErrorOutput | undefined;
    /**
     * Determines the level of strictness when validating mocked results against their respective API
     * models. Values include:
     * - STRICT: All required fields must be present, and all present fields must conform to the API's
     *   schema.
     * - PRESENT: All present fields must conform to the API's schema.
     * - NONE: No validation is performed.
     *
     * If no value is specified, the default value is STRICT.
     *
     * @generated from field: optional sfngrpc.stepfunctions.v1.MockResponseValidationMode field_validation_mode = 3;
     */
    fieldValidationMode?: MockResponseValidationMode | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.MockInput.
 * Use `create(MockInputSchema)` to create a new message.
 */
export declare const MockInputSchema: GenMessage<MockInput>;
/**
 * Contains details about the routing configuration of a state machine alias. In a routing
 * configuration, you define an array of objects that specify up to two state machine versions. You
 * also specify the percentage of traffic to be routed to each version.
 *
 * @generated from message sfngrpc.stepfunctions.v1.RoutingConfigurationListItem
 */
export type RoutingConfigurationListItem = Message<"sfngrpc.stepfunctions.v1.RoutingConfigurationListItem"> & {
    /**
     * The Amazon Resource Name (ARN) that identifies one or two state machine versions defined in the
     * routing configuration.
     *
     * If you specify the ARN of a second version, it must belong to the same state machine as the
     * first version.
     *
     * Required. Length (characters): 1 to 256.
     *
     * @generated from field: string state_machine_version_arn = 1;
     */
    stateMachineVersionArn: string;
    /**
     * The percentage of traffic you want to route to a state machine version. The sum of the weights
     * in the routing configuration must be equal to 100.
     *
     * Required. Range: 0 to 100.
     *
     * @generated from field: int64 weight = 2;
     */
    weight: bigint;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.RoutingConfigurationListItem.
 * Use `create(RoutingConfigurationListItemSchema)` to create a new message.
 */
export declare const RoutingConfigurationListItemSchema: GenMessage<RoutingConfigurationListItem>;
/**
 * Contains details about a specific state machine alias.
 *
 * @generated from message sfngrpc.stepfunctions.v1.StateMachineAliasListItem
 */
export type StateMachineAliasListItem = Message<"sfngrpc.stepfunctions.v1.StateMachineAliasListItem"> & {
    /**
     * The Amazon Resource Name (ARN) that identifies a state machine alias. The alias ARN is a
     * combination of state machine ARN and the alias name separated by a colon (:). For example,
     * stateMachineARN:PROD.
     *
     * Required. Length (characters): 1 to 2000.
     *
     * @generated from field: string state_machine_alias_arn = 1;
     */
    stateMachineAliasArn: string;
    /**
     * The creation date of a state machine alias.
     *
     * Required.
     *
     * @generated from field: google.protobuf.Timestamp creation_date = 2;
     */
    creationDate?: Timestamp | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.StateMachineAliasListItem.
 * Use `create(StateMachineAliasListItemSchema)` to create a new message.
 */
export declare const StateMachineAliasListItemSchema: GenMessage<StateMachineAliasListItem>;
/**
 * Contains details about the state machine.
 *
 * @generated from message sfngrpc.stepfunctions.v1.StateMachineListItem
 */
export type StateMachineListItem = Message<"sfngrpc.stepfunctions.v1.StateMachineListItem"> & {
    /**
     * The Amazon Resource Name (ARN) that identifies the state machine.
     *
     * Required. Length (characters): 1 to 256.
     *
     * @generated from field: string state_machine_arn = 1;
     */
    stateMachineArn: string;
    /**
     * The name of the state machine.
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
     * @generated from field: string name = 2;
     */
    name: string;
    /**
     * Required.
     *
     * @generated from field: sfngrpc.stepfunctions.v1.StateMachineType type = 3;
     */
    type: StateMachineType;
    /**
     * The date the state machine is created.
     *
     * Required.
     *
     * @generated from field: google.protobuf.Timestamp creation_date = 4;
     */
    creationDate?: Timestamp | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.StateMachineListItem.
 * Use `create(StateMachineListItemSchema)` to create a new message.
 */
export declare const StateMachineListItemSchema: GenMessage<StateMachineListItem>;
/**
 * Contains details about a specific state machine version.
 *
 * @generated from message sfngrpc.stepfunctions.v1.StateMachineVersionListItem
 */
export type StateMachineVersionListItem = Message<"sfngrpc.stepfunctions.v1.StateMachineVersionListItem"> & {
    /**
     * The Amazon Resource Name (ARN) that identifies a state machine version. The version ARN is a
     * combination of state machine ARN and the version number separated by a colon (:). For example,
     * stateMachineARN:1.
     *
     * Required. Length (characters): 1 to 2000.
     *
     * @generated from field: string state_machine_version_arn = 1;
     */
    stateMachineVersionArn: string;
    /**
     * The creation date of a state machine version.
     *
     * Required.
     *
     * @generated from field: google.protobuf.Timestamp creation_date = 2;
     */
    creationDate?: Timestamp | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.StateMachineVersionListItem.
 * Use `create(StateMachineVersionListItemSchema)` to create a new message.
 */
export declare const StateMachineVersionListItemSchema: GenMessage<StateMachineVersionListItem>;
/**
 * Contains configurations for the tested state.
 *
 * @generated from message sfngrpc.stepfunctions.v1.TestStateConfiguration
 */
export type TestStateConfiguration = Message<"sfngrpc.stepfunctions.v1.TestStateConfiguration"> & {
    /**
     * The number of retry attempts that have occurred for the state's Retry that applies to the mocked
     * error.
     *
     * Range: 0 to any.
     *
     * @generated from field: optional int64 retrier_retry_count = 1;
     */
    retrierRetryCount?: bigint | undefined;
    /**
     * The name of the state from which an error originates when an error is mocked for a Map or
     * Parallel state.
     *
     * Length (characters): 1 to 80. Sensitive: never logged.
     *
     * @generated from field: optional string error_caused_by_state = 2;
     */
    errorCausedByState?: string | undefined;
    /**
     * The number of Map state iterations that failed during the Map state invocation.
     *
     * Range: 0 to any.
     *
     * @generated from field: optional int64 map_iteration_failure_count = 3;
     */
    mapIterationFailureCount?: bigint | undefined;
    /**
     * The data read by ItemReader in Distributed Map states as found in its original source.
     *
     * Length (characters): 0 to 262144. Sensitive: never logged.
     *
     * @generated from field: optional string map_item_reader_data = 4;
     */
    mapItemReaderData?: string | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.TestStateConfiguration.
 * Use `create(TestStateConfigurationSchema)` to create a new message.
 */
export declare const TestStateConfigurationSchema: GenMessage<TestStateConfiguration>;
/**
 * Describes potential issues found during state machine validation. Rather than raise an
 * exception, validation will return a list of diagnostic elements containing diagnostic
 * information.
 *
 * Note: The ValidateStateMachineDefinitionlAPI
 * (https://docs.aws.amazon.com/step-functions/latest/apireference/API_ValidateStateMachineDefinition.html)
 * might add new diagnostics in the future, adjust diagnostic codes, or change the message wording.
 * Your automated processes should only rely on the value of the result field value (OK, FAIL). Do
 * not rely on the exact order, count, or wording of diagnostic messages.
 *
 * List of warning codes
 * - NO_DOLLAR
 *   No .$ on a field that appears to be a JSONPath or Intrinsic Function.
 * - NO_PATH
 *   Field value looks like a path, but field name does not end with 'Path'.
 * - PASS_RESULT_IS_STATIC
 *   Attempt to use a path in the result of a pass state.
 *
 * List of error codes
 * - INVALID_JSON_DESCRIPTION
 *   JSON syntax problem found.
 * - MISSING_DESCRIPTION
 *   Received a null or empty workflow input.
 * - SCHEMA_VALIDATION_FAILED
 *   Schema validation reported errors.
 * - INVALID_RESOURCE
 *   The value of a Task-state resource field is invalid.
 * - MISSING_END_STATE
 *   The workflow does not have a terminal state.
 * - DUPLICATE_STATE_NAME
 *   The same state name appears more than once.
 * - INVALID_STATE_NAME
 *   The state name does not follow the naming convention.
 * - STATE_MACHINE_NAME_EMPTY
 *   The state machine name has not been specified.
 * - STATE_MACHINE_NAME_INVALID
 *   The state machine name does not follow the naming convention.
 * - STATE_MACHINE_NAME_TOO_LONG
 *   The state name exceeds the allowed length.
 * - STATE_MACHINE_NAME_ALREADY_EXISTS
 *   The state name already exists.
 * - DUPLICATE_LABEL_NAME
 *   A label name appears more than once.
 * - INVALID_LABEL_NAME
 *   You have provided an invalid label name.
 * - MISSING_TRANSITION_TARGET
 *   The value of "Next" field doesn't match a known state name.
 * - TOO_DEEPLY_NESTED
 *   The states are too deeply nested.
 *
 * @generated from message sfngrpc.stepfunctions.v1.ValidateStateMachineDefinitionDiagnostic
 */
export type ValidateStateMachineDefinitionDiagnostic = Message<"sfngrpc.stepfunctions.v1.ValidateStateMachineDefinitionDiagnostic"> & {
    /**
     * A value of ERROR means that you cannot create or update a state machine with this definition.
     *
     * WARNING level diagnostics alert you to potential issues, but they will not prevent you from
     * creating or updating your state machine.
     *
     * Required.
     *
     * @generated from field: sfngrpc.stepfunctions.v1.ValidateStateMachineDefinitionSeverity severity = 1;
     */
    severity: ValidateStateMachineDefinitionSeverity;
    /**
     * Identifying code for the diagnostic.
     *
     * Required. Sensitive: never logged.
     *
     * @generated from field: string code = 2;
     */
    code: string;
    /**
     * Message describing the diagnostic condition.
     *
     * Required. Sensitive: never logged.
     *
     * @generated from field: string message = 3;
     */
    message: string;
    /**
     * Location of the issue in the state machine, if available.
     *
     * For errors specific to a field, the location could be in the format:
     * /States/<StateName>/<FieldName>, for example: /States/FailState/ErrorPath.
     *
     * Sensitive: never logged.
     *
     * @generated from field: optional string location = 4;
     */
    location?: string | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.ValidateStateMachineDefinitionDiagnostic.
 * Use `create(ValidateStateMachineDefinitionDiagnosticSchema)` to create a new message.
 */
export declare const ValidateStateMachineDefinitionDiagnosticSchema: GenMessage<ValidateStateMachineDefinitionDiagnostic>;
/**
 * The values of the model's InspectionLevel.
 *
 * @generated from enum sfngrpc.stepfunctions.v1.InspectionLevel
 */
export declare enum InspectionLevel {
    /**
     * Not set, or a value this version of the API does not know yet.
     *
     * @generated from enum value: INSPECTION_LEVEL_UNSPECIFIED = 0;
     */
    UNSPECIFIED = 0,
    /**
     * @generated from enum value: INSPECTION_LEVEL_INFO = 1;
     */
    INFO = 1,
    /**
     * @generated from enum value: INSPECTION_LEVEL_DEBUG = 2;
     */
    DEBUG = 2,
    /**
     * @generated from enum value: INSPECTION_LEVEL_TRACE = 3;
     */
    TRACE = 3
}
/**
 * Describes the enum sfngrpc.stepfunctions.v1.InspectionLevel.
 */
export declare const InspectionLevelSchema: GenEnum<InspectionLevel>;
/**
 * The values of the model's MockResponseValidationMode.
 *
 * @generated from enum sfngrpc.stepfunctions.v1.MockResponseValidationMode
 */
export declare enum MockResponseValidationMode {
    /**
     * Not set, or a value this version of the API does not know yet.
     *
     * @generated from enum value: MOCK_RESPONSE_VALIDATION_MODE_UNSPECIFIED = 0;
     */
    UNSPECIFIED = 0,
    /**
     * @generated from enum value: MOCK_RESPONSE_VALIDATION_MODE_STRICT = 1;
     */
    STRICT = 1,
    /**
     * @generated from enum value: MOCK_RESPONSE_VALIDATION_MODE_PRESENT = 2;
     */
    PRESENT = 2,
    /**
     * @generated from enum value: MOCK_RESPONSE_VALIDATION_MODE_NONE = 3;
     */
    NONE = 3
}
/**
 * Describes the enum sfngrpc.stepfunctions.v1.MockResponseValidationMode.
 */
export declare const MockResponseValidationModeSchema: GenEnum<MockResponseValidationMode>;
/**
 * The values of the model's StateMachineStatus.
 *
 * @generated from enum sfngrpc.stepfunctions.v1.StateMachineStatus
 */
export declare enum StateMachineStatus {
    /**
     * Not set, or a value this version of the API does not know yet.
     *
     * @generated from enum value: STATE_MACHINE_STATUS_UNSPECIFIED = 0;
     */
    UNSPECIFIED = 0,
    /**
     * @generated from enum value: STATE_MACHINE_STATUS_ACTIVE = 1;
     */
    ACTIVE = 1,
    /**
     * @generated from enum value: STATE_MACHINE_STATUS_DELETING = 2;
     */
    DELETING = 2
}
/**
 * Describes the enum sfngrpc.stepfunctions.v1.StateMachineStatus.
 */
export declare const StateMachineStatusSchema: GenEnum<StateMachineStatus>;
/**
 * The values of the model's StateMachineType.
 *
 * @generated from enum sfngrpc.stepfunctions.v1.StateMachineType
 */
export declare enum StateMachineType {
    /**
     * Not set, or a value this version of the API does not know yet.
     *
     * @generated from enum value: STATE_MACHINE_TYPE_UNSPECIFIED = 0;
     */
    UNSPECIFIED = 0,
    /**
     * @generated from enum value: STATE_MACHINE_TYPE_STANDARD = 1;
     */
    STANDARD = 1,
    /**
     * @generated from enum value: STATE_MACHINE_TYPE_EXPRESS = 2;
     */
    EXPRESS = 2
}
/**
 * Describes the enum sfngrpc.stepfunctions.v1.StateMachineType.
 */
export declare const StateMachineTypeSchema: GenEnum<StateMachineType>;
/**
 * The values of the model's TestExecutionStatus.
 *
 * @generated from enum sfngrpc.stepfunctions.v1.TestExecutionStatus
 */
export declare enum TestExecutionStatus {
    /**
     * Not set, or a value this version of the API does not know yet.
     *
     * @generated from enum value: TEST_EXECUTION_STATUS_UNSPECIFIED = 0;
     */
    UNSPECIFIED = 0,
    /**
     * @generated from enum value: TEST_EXECUTION_STATUS_SUCCEEDED = 1;
     */
    SUCCEEDED = 1,
    /**
     * @generated from enum value: TEST_EXECUTION_STATUS_FAILED = 2;
     */
    FAILED = 2,
    /**
     * @generated from enum value: TEST_EXECUTION_STATUS_RETRIABLE = 3;
     */
    RETRIABLE = 3,
    /**
     * @generated from enum value: TEST_EXECUTION_STATUS_CAUGHT_ERROR = 4;
     */
    CAUGHT_ERROR = 4
}
/**
 * Describes the enum sfngrpc.stepfunctions.v1.TestExecutionStatus.
 */
export declare const TestExecutionStatusSchema: GenEnum<TestExecutionStatus>;
/**
 * The values of the model's ValidateStateMachineDefinitionResultCode.
 *
 * @generated from enum sfngrpc.stepfunctions.v1.ValidateStateMachineDefinitionResultCode
 */
export declare enum ValidateStateMachineDefinitionResultCode {
    /**
     * Not set, or a value this version of the API does not know yet.
     *
     * @generated from enum value: VALIDATE_STATE_MACHINE_DEFINITION_RESULT_CODE_UNSPECIFIED = 0;
     */
    UNSPECIFIED = 0,
    /**
     * @generated from enum value: VALIDATE_STATE_MACHINE_DEFINITION_RESULT_CODE_OK = 1;
     */
    OK = 1,
    /**
     * @generated from enum value: VALIDATE_STATE_MACHINE_DEFINITION_RESULT_CODE_FAIL = 2;
     */
    FAIL = 2
}
/**
 * Describes the enum sfngrpc.stepfunctions.v1.ValidateStateMachineDefinitionResultCode.
 */
export declare const ValidateStateMachineDefinitionResultCodeSchema: GenEnum<ValidateStateMachineDefinitionResultCode>;
/**
 * The values of the model's ValidateStateMachineDefinitionSeverity.
 *
 * @generated from enum sfngrpc.stepfunctions.v1.ValidateStateMachineDefinitionSeverity
 */
export declare enum ValidateStateMachineDefinitionSeverity {
    /**
     * Not set, or a value this version of the API does not know yet.
     *
     * @generated from enum value: VALIDATE_STATE_MACHINE_DEFINITION_SEVERITY_UNSPECIFIED = 0;
     */
    UNSPECIFIED = 0,
    /**
     * @generated from enum value: VALIDATE_STATE_MACHINE_DEFINITION_SEVERITY_ERROR = 1;
     */
    ERROR = 1,
    /**
     * @generated from enum value: VALIDATE_STATE_MACHINE_DEFINITION_SEVERITY_WARNING = 2;
     */
    WARNING = 2
}
/**
 * Describes the enum sfngrpc.stepfunctions.v1.ValidateStateMachineDefinitionSeverity.
 */
export declare const ValidateStateMachineDefinitionSeveritySchema: GenEnum<ValidateStateMachineDefinitionSeverity>;
