import type { GenEnum, GenFile, GenMessage } from "@bufbuild/protobuf/codegenv2";
import type { Message } from "@bufbuild/protobuf";
/**
 * Describes the file sfngrpc/stepfunctions/v1/common.proto.
 */
export declare const file_sfngrpc_stepfunctions_v1_common: GenFile;
/**
 * @generated from message sfngrpc.stepfunctions.v1.CloudWatchLogsLogGroup
 */
export type CloudWatchLogsLogGroup = Message<"sfngrpc.stepfunctions.v1.CloudWatchLogsLogGroup"> & {
    /**
     * The ARN of the the CloudWatch log group to which you want your logs emitted to. The ARN must end
     * with :*
     *
     * Length (characters): 1 to 256.
     *
     * @generated from field: optional string log_group_arn = 1;
     */
    logGroupArn?: string | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.CloudWatchLogsLogGroup.
 * Use `create(CloudWatchLogsLogGroupSchema)` to create a new message.
 */
export declare const CloudWatchLogsLogGroupSchema: GenMessage<CloudWatchLogsLogGroup>;
/**
 * Settings to configure server-side encryption.
 *
 * For additional control over security, you can encrypt your data using a customer-managed key for
 * Step Functions state machines and activities. You can configure a symmetric KMS key and data key
 * reuse period when creating or updating a State Machine, and when creating an Activity. The
 * execution history and state machine definition will be encrypted with the key applied to the
 * State Machine. Activity inputs will be encrypted with the key applied to the Activity.
 *
 * Note: Step Functions automatically enables encryption at rest using Amazon Web Services owned
 * keys at no charge. However, KMS charges apply when using a customer managed key. For more
 * information about pricing, see Key Management Service pricing
 * (https://aws.amazon.com/kms/pricing/).
 *
 * For more information on KMS, see What is Key Management Service?
 * (https://docs.aws.amazon.com/kms/latest/developerguide/overview.html)
 *
 * @generated from message sfngrpc.stepfunctions.v1.EncryptionConfiguration
 */
export type EncryptionConfiguration = Message<"sfngrpc.stepfunctions.v1.EncryptionConfiguration"> & {
    /**
     * An alias, alias ARN, key ID, or key ARN of a symmetric encryption KMS key to encrypt data. To
     * specify a KMS key in a different Amazon Web Services account, you must use the key ARN or alias
     * ARN.
     *
     * Length (characters): 1 to 2048.
     *
     * @generated from field: optional string kms_key_id = 1;
     */
    kmsKeyId?: string | undefined;
    /**
     * Maximum duration that Step Functions will reuse data keys. When the period expires, Step
     * Functions will call GenerateDataKey. Only applies to customer managed keys.
     *
     * Range: 60 to 900.
     *
     * @generated from field: optional int64 kms_data_key_reuse_period_seconds = 2;
     */
    kmsDataKeyReusePeriodSeconds?: bigint | undefined;
    /**
     * Encryption type
     *
     * Required.
     *
     * @generated from field: sfngrpc.stepfunctions.v1.EncryptionType type = 3;
     */
    type: EncryptionType;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.EncryptionConfiguration.
 * Use `create(EncryptionConfigurationSchema)` to create a new message.
 */
export declare const EncryptionConfigurationSchema: GenMessage<EncryptionConfiguration>;
/**
 * @generated from message sfngrpc.stepfunctions.v1.LogDestination
 */
export type LogDestination = Message<"sfngrpc.stepfunctions.v1.LogDestination"> & {
    /**
     * An object describing a CloudWatch log group. For more information, see AWS::Logs::LogGroup
     * (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-logs-loggroup.html)
     * in the CloudFormation User Guide.
     *
     * @generated from field: sfngrpc.stepfunctions.v1.CloudWatchLogsLogGroup cloud_watch_logs_log_group = 1;
     */
    cloudWatchLogsLogGroup?: CloudWatchLogsLogGroup | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.LogDestination.
 * Use `create(LogDestinationSchema)` to create a new message.
 */
export declare const LogDestinationSchema: GenMessage<LogDestination>;
/**
 * The LoggingConfiguration data type is used to set CloudWatch Logs options.
 *
 * @generated from message sfngrpc.stepfunctions.v1.LoggingConfiguration
 */
export type LoggingConfiguration = Message<"sfngrpc.stepfunctions.v1.LoggingConfiguration"> & {
    /**
     * Defines which category of execution history events are logged.
     *
     * @generated from field: optional sfngrpc.stepfunctions.v1.LogLevel level = 1;
     */
    level?: LogLevel | undefined;
    /**
     * Determines whether execution data is included in your log. When set to false, data is excluded.
     *
     * @generated from field: optional bool include_execution_data = 2;
     */
    includeExecutionData?: boolean | undefined;
    /**
     * An array of objects that describes where your execution history events will be logged. Limited
     * to size 1. Required, if your log level is not set to OFF.
     *
     * @generated from field: repeated sfngrpc.stepfunctions.v1.LogDestination destinations = 3;
     */
    destinations: LogDestination[];
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.LoggingConfiguration.
 * Use `create(LoggingConfigurationSchema)` to create a new message.
 */
export declare const LoggingConfigurationSchema: GenMessage<LoggingConfiguration>;
/**
 * Tags are key-value pairs that can be associated with Step Functions state machines and
 * activities.
 *
 * An array of key-value pairs. For more information, see Using Cost Allocation Tags
 * (https://docs.aws.amazon.com/awsaccountbilling/latest/aboutv2/cost-alloc-tags.html) in the
 * Amazon Web Services Billing and Cost Management User Guide, and Controlling Access Using IAM
 * Tags (https://docs.aws.amazon.com/IAM/latest/UserGuide/access_iam-tags.html).
 *
 * Tags may only contain Unicode letters, digits, white space, or these symbols: _ . : / = + - @.
 *
 * @generated from message sfngrpc.stepfunctions.v1.Tag
 */
export type Tag = Message<"sfngrpc.stepfunctions.v1.Tag"> & {
    /**
     * The key of a tag.
     *
     * Length (characters): 1 to 128.
     *
     * @generated from field: optional string key = 1;
     */
    key?: string | undefined;
    /**
     * The value of a tag.
     *
     * Length (characters): 0 to 256.
     *
     * @generated from field: optional string value = 2;
     */
    value?: string | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.Tag.
 * Use `create(TagSchema)` to create a new message.
 */
export declare const TagSchema: GenMessage<Tag>;
/**
 * Selects whether or not the state machine's X-Ray tracing is enabled. Default is false
 *
 * @generated from message sfngrpc.stepfunctions.v1.TracingConfiguration
 */
export type TracingConfiguration = Message<"sfngrpc.stepfunctions.v1.TracingConfiguration"> & {
    /**
     * When set to true, X-Ray tracing is enabled.
     *
     * @generated from field: optional bool enabled = 1;
     */
    enabled?: boolean | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.TracingConfiguration.
 * Use `create(TracingConfigurationSchema)` to create a new message.
 */
export declare const TracingConfigurationSchema: GenMessage<TracingConfiguration>;
/**
 * A list of string values; wraps the model's VariableNameList where proto cannot nest a repeated
 * field (a map value or list element). The converter hides the wrapper.
 *
 * @generated from message sfngrpc.stepfunctions.v1.VariableNameList
 */
export type VariableNameList = Message<"sfngrpc.stepfunctions.v1.VariableNameList"> & {
    /**
     * The list's items.
     *
     * @generated from field: repeated string values = 1;
     */
    values: string[];
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.VariableNameList.
 * Use `create(VariableNameListSchema)` to create a new message.
 */
export declare const VariableNameListSchema: GenMessage<VariableNameList>;
/**
 * The values of the model's EncryptionType.
 *
 * @generated from enum sfngrpc.stepfunctions.v1.EncryptionType
 */
export declare enum EncryptionType {
    /**
     * Not set, or a value this version of the API does not know yet.
     *
     * @generated from enum value: ENCRYPTION_TYPE_UNSPECIFIED = 0;
     */
    UNSPECIFIED = 0,
    /**
     * @generated from enum value: ENCRYPTION_TYPE_AWS_OWNED_KEY = 1;
     */
    AWS_OWNED_KEY = 1,
    /**
     * @generated from enum value: ENCRYPTION_TYPE_CUSTOMER_MANAGED_KMS_KEY = 2;
     */
    CUSTOMER_MANAGED_KMS_KEY = 2
}
/**
 * Describes the enum sfngrpc.stepfunctions.v1.EncryptionType.
 */
export declare const EncryptionTypeSchema: GenEnum<EncryptionType>;
/**
 * The values of the model's IncludedData.
 *
 * @generated from enum sfngrpc.stepfunctions.v1.IncludedData
 */
export declare enum IncludedData {
    /**
     * Not set, or a value this version of the API does not know yet.
     *
     * @generated from enum value: INCLUDED_DATA_UNSPECIFIED = 0;
     */
    UNSPECIFIED = 0,
    /**
     * @generated from enum value: INCLUDED_DATA_ALL_DATA = 1;
     */
    ALL_DATA = 1,
    /**
     * @generated from enum value: INCLUDED_DATA_METADATA_ONLY = 2;
     */
    METADATA_ONLY = 2
}
/**
 * Describes the enum sfngrpc.stepfunctions.v1.IncludedData.
 */
export declare const IncludedDataSchema: GenEnum<IncludedData>;
/**
 * The values of the model's LogLevel.
 *
 * @generated from enum sfngrpc.stepfunctions.v1.LogLevel
 */
export declare enum LogLevel {
    /**
     * Not set, or a value this version of the API does not know yet.
     *
     * @generated from enum value: LOG_LEVEL_UNSPECIFIED = 0;
     */
    UNSPECIFIED = 0,
    /**
     * @generated from enum value: LOG_LEVEL_ALL = 1;
     */
    ALL = 1,
    /**
     * @generated from enum value: LOG_LEVEL_ERROR = 2;
     */
    ERROR = 2,
    /**
     * @generated from enum value: LOG_LEVEL_FATAL = 3;
     */
    FATAL = 3,
    /**
     * @generated from enum value: LOG_LEVEL_OFF = 4;
     */
    OFF = 4
}
/**
 * Describes the enum sfngrpc.stepfunctions.v1.LogLevel.
 */
export declare const LogLevelSchema: GenEnum<LogLevel>;
