import type { GenEnum, GenFile, GenMessage } from "@bufbuild/protobuf/codegenv2";
import type { Message } from "@bufbuild/protobuf";
/**
 * Describes the file sfngrpc/stepfunctions/v1/errors.proto.
 */
export declare const file_sfngrpc_stepfunctions_v1_errors: GenFile;
/**
 * Activity already exists. EncryptionConfiguration may not be updated.
 *
 * @generated from message sfngrpc.stepfunctions.v1.ActivityAlreadyExists
 */
export type ActivityAlreadyExists = Message<"sfngrpc.stepfunctions.v1.ActivityAlreadyExists"> & {
    /**
     * @generated from field: optional string message = 1;
     */
    message?: string | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.ActivityAlreadyExists.
 * Use `create(ActivityAlreadyExistsSchema)` to create a new message.
 */
export declare const ActivityAlreadyExistsSchema: GenMessage<ActivityAlreadyExists>;
/**
 * The specified activity does not exist.
 *
 * @generated from message sfngrpc.stepfunctions.v1.ActivityDoesNotExist
 */
export type ActivityDoesNotExist = Message<"sfngrpc.stepfunctions.v1.ActivityDoesNotExist"> & {
    /**
     * @generated from field: optional string message = 1;
     */
    message?: string | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.ActivityDoesNotExist.
 * Use `create(ActivityDoesNotExistSchema)` to create a new message.
 */
export declare const ActivityDoesNotExistSchema: GenMessage<ActivityDoesNotExist>;
/**
 * The maximum number of activities has been reached. Existing activities must be deleted before a
 * new activity can be created.
 *
 * @generated from message sfngrpc.stepfunctions.v1.ActivityLimitExceeded
 */
export type ActivityLimitExceeded = Message<"sfngrpc.stepfunctions.v1.ActivityLimitExceeded"> & {
    /**
     * @generated from field: optional string message = 1;
     */
    message?: string | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.ActivityLimitExceeded.
 * Use `create(ActivityLimitExceededSchema)` to create a new message.
 */
export declare const ActivityLimitExceededSchema: GenMessage<ActivityLimitExceeded>;
/**
 * The maximum number of workers concurrently polling for activity tasks has been reached.
 *
 * @generated from message sfngrpc.stepfunctions.v1.ActivityWorkerLimitExceeded
 */
export type ActivityWorkerLimitExceeded = Message<"sfngrpc.stepfunctions.v1.ActivityWorkerLimitExceeded"> & {
    /**
     * @generated from field: optional string message = 1;
     */
    message?: string | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.ActivityWorkerLimitExceeded.
 * Use `create(ActivityWorkerLimitExceededSchema)` to create a new message.
 */
export declare const ActivityWorkerLimitExceededSchema: GenMessage<ActivityWorkerLimitExceeded>;
/**
 * Updating or deleting a resource can cause an inconsistent state. This error occurs when there're
 * concurrent requests for DeleteStateMachineVersion, PublishStateMachineVersion, or
 * UpdateStateMachine with the publish parameter set to true.
 *
 * HTTP Status Code: 409
 *
 * @generated from message sfngrpc.stepfunctions.v1.ConflictException
 */
export type ConflictException = Message<"sfngrpc.stepfunctions.v1.ConflictException"> & {
    /**
     * @generated from field: optional string message = 1;
     */
    message?: string | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.ConflictException.
 * Use `create(ConflictExceptionSchema)` to create a new message.
 */
export declare const ConflictExceptionSchema: GenMessage<ConflictException>;
/**
 * The execution has the same name as another execution (but a different input).
 *
 * Note: Executions with the same name and input are considered idempotent.
 *
 * @generated from message sfngrpc.stepfunctions.v1.ExecutionAlreadyExists
 */
export type ExecutionAlreadyExists = Message<"sfngrpc.stepfunctions.v1.ExecutionAlreadyExists"> & {
    /**
     * @generated from field: optional string message = 1;
     */
    message?: string | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.ExecutionAlreadyExists.
 * Use `create(ExecutionAlreadyExistsSchema)` to create a new message.
 */
export declare const ExecutionAlreadyExistsSchema: GenMessage<ExecutionAlreadyExists>;
/**
 * The specified execution does not exist.
 *
 * @generated from message sfngrpc.stepfunctions.v1.ExecutionDoesNotExist
 */
export type ExecutionDoesNotExist = Message<"sfngrpc.stepfunctions.v1.ExecutionDoesNotExist"> & {
    /**
     * @generated from field: optional string message = 1;
     */
    message?: string | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.ExecutionDoesNotExist.
 * Use `create(ExecutionDoesNotExistSchema)` to create a new message.
 */
export declare const ExecutionDoesNotExistSchema: GenMessage<ExecutionDoesNotExist>;
/**
 * The maximum number of running executions has been reached. Running executions must end or be
 * stopped before a new execution can be started.
 *
 * @generated from message sfngrpc.stepfunctions.v1.ExecutionLimitExceeded
 */
export type ExecutionLimitExceeded = Message<"sfngrpc.stepfunctions.v1.ExecutionLimitExceeded"> & {
    /**
     * @generated from field: optional string message = 1;
     */
    message?: string | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.ExecutionLimitExceeded.
 * Use `create(ExecutionLimitExceededSchema)` to create a new message.
 */
export declare const ExecutionLimitExceededSchema: GenMessage<ExecutionLimitExceeded>;
/**
 * The execution Amazon Resource Name (ARN) that you specified for executionArn cannot be redriven.
 *
 * @generated from message sfngrpc.stepfunctions.v1.ExecutionNotRedrivable
 */
export type ExecutionNotRedrivable = Message<"sfngrpc.stepfunctions.v1.ExecutionNotRedrivable"> & {
    /**
     * @generated from field: optional string message = 1;
     */
    message?: string | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.ExecutionNotRedrivable.
 * Use `create(ExecutionNotRedrivableSchema)` to create a new message.
 */
export declare const ExecutionNotRedrivableSchema: GenMessage<ExecutionNotRedrivable>;
/**
 * The provided Amazon Resource Name (ARN) is not valid.
 *
 * @generated from message sfngrpc.stepfunctions.v1.InvalidArn
 */
export type InvalidArn = Message<"sfngrpc.stepfunctions.v1.InvalidArn"> & {
    /**
     * @generated from field: optional string message = 1;
     */
    message?: string | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.InvalidArn.
 * Use `create(InvalidArnSchema)` to create a new message.
 */
export declare const InvalidArnSchema: GenMessage<InvalidArn>;
/**
 * The provided Amazon States Language definition is not valid.
 *
 * @generated from message sfngrpc.stepfunctions.v1.InvalidDefinition
 */
export type InvalidDefinition = Message<"sfngrpc.stepfunctions.v1.InvalidDefinition"> & {
    /**
     * @generated from field: optional string message = 1;
     */
    message?: string | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.InvalidDefinition.
 * Use `create(InvalidDefinitionSchema)` to create a new message.
 */
export declare const InvalidDefinitionSchema: GenMessage<InvalidDefinition>;
/**
 * Received when encryptionConfiguration is specified but various conditions exist which make the
 * configuration invalid. For example, if type is set to CUSTOMER_MANAGED_KMS_KEY, but kmsKeyId is
 * null, or kmsDataKeyReusePeriodSeconds is not between 60 and 900, or the KMS key is not symmetric
 * or inactive.
 *
 * @generated from message sfngrpc.stepfunctions.v1.InvalidEncryptionConfiguration
 */
export type InvalidEncryptionConfiguration = Message<"sfngrpc.stepfunctions.v1.InvalidEncryptionConfiguration"> & {
    /**
     * @generated from field: optional string message = 1;
     */
    message?: string | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.InvalidEncryptionConfiguration.
 * Use `create(InvalidEncryptionConfigurationSchema)` to create a new message.
 */
export declare const InvalidEncryptionConfigurationSchema: GenMessage<InvalidEncryptionConfiguration>;
/**
 * The provided JSON input data is not valid.
 *
 * @generated from message sfngrpc.stepfunctions.v1.InvalidExecutionInput
 */
export type InvalidExecutionInput = Message<"sfngrpc.stepfunctions.v1.InvalidExecutionInput"> & {
    /**
     * @generated from field: optional string message = 1;
     */
    message?: string | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.InvalidExecutionInput.
 * Use `create(InvalidExecutionInputSchema)` to create a new message.
 */
export declare const InvalidExecutionInputSchema: GenMessage<InvalidExecutionInput>;
/**
 * Configuration is not valid.
 *
 * @generated from message sfngrpc.stepfunctions.v1.InvalidLoggingConfiguration
 */
export type InvalidLoggingConfiguration = Message<"sfngrpc.stepfunctions.v1.InvalidLoggingConfiguration"> & {
    /**
     * @generated from field: optional string message = 1;
     */
    message?: string | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.InvalidLoggingConfiguration.
 * Use `create(InvalidLoggingConfigurationSchema)` to create a new message.
 */
export declare const InvalidLoggingConfigurationSchema: GenMessage<InvalidLoggingConfiguration>;
/**
 * The provided name is not valid.
 *
 * @generated from message sfngrpc.stepfunctions.v1.InvalidName
 */
export type InvalidName = Message<"sfngrpc.stepfunctions.v1.InvalidName"> & {
    /**
     * @generated from field: optional string message = 1;
     */
    message?: string | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.InvalidName.
 * Use `create(InvalidNameSchema)` to create a new message.
 */
export declare const InvalidNameSchema: GenMessage<InvalidName>;
/**
 * The provided JSON output data is not valid.
 *
 * @generated from message sfngrpc.stepfunctions.v1.InvalidOutput
 */
export type InvalidOutput = Message<"sfngrpc.stepfunctions.v1.InvalidOutput"> & {
    /**
     * @generated from field: optional string message = 1;
     */
    message?: string | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.InvalidOutput.
 * Use `create(InvalidOutputSchema)` to create a new message.
 */
export declare const InvalidOutputSchema: GenMessage<InvalidOutput>;
/**
 * The provided token is not valid.
 *
 * @generated from message sfngrpc.stepfunctions.v1.InvalidToken
 */
export type InvalidToken = Message<"sfngrpc.stepfunctions.v1.InvalidToken"> & {
    /**
     * @generated from field: optional string message = 1;
     */
    message?: string | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.InvalidToken.
 * Use `create(InvalidTokenSchema)` to create a new message.
 */
export declare const InvalidTokenSchema: GenMessage<InvalidToken>;
/**
 * Your tracingConfiguration key does not match, or enabled has not been set to true or false.
 *
 * @generated from message sfngrpc.stepfunctions.v1.InvalidTracingConfiguration
 */
export type InvalidTracingConfiguration = Message<"sfngrpc.stepfunctions.v1.InvalidTracingConfiguration"> & {
    /**
     * @generated from field: optional string message = 1;
     */
    message?: string | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.InvalidTracingConfiguration.
 * Use `create(InvalidTracingConfigurationSchema)` to create a new message.
 */
export declare const InvalidTracingConfigurationSchema: GenMessage<InvalidTracingConfiguration>;
/**
 * Either your KMS key policy or API caller does not have the required permissions.
 *
 * @generated from message sfngrpc.stepfunctions.v1.KmsAccessDeniedException
 */
export type KmsAccessDeniedException = Message<"sfngrpc.stepfunctions.v1.KmsAccessDeniedException"> & {
    /**
     * @generated from field: optional string message = 1;
     */
    message?: string | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.KmsAccessDeniedException.
 * Use `create(KmsAccessDeniedExceptionSchema)` to create a new message.
 */
export declare const KmsAccessDeniedExceptionSchema: GenMessage<KmsAccessDeniedException>;
/**
 * The KMS key is not in valid state, for example: Disabled or Deleted.
 *
 * @generated from message sfngrpc.stepfunctions.v1.KmsInvalidStateException
 */
export type KmsInvalidStateException = Message<"sfngrpc.stepfunctions.v1.KmsInvalidStateException"> & {
    /**
     * Current status of the KMS; key. For example: DISABLED, PENDING_DELETION, PENDING_IMPORT,
     * UNAVAILABLE, CREATING.
     *
     * @generated from field: optional sfngrpc.stepfunctions.v1.KmsKeyState kms_key_state = 1;
     */
    kmsKeyState?: KmsKeyState | undefined;
    /**
     * @generated from field: optional string message = 2;
     */
    message?: string | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.KmsInvalidStateException.
 * Use `create(KmsInvalidStateExceptionSchema)` to create a new message.
 */
export declare const KmsInvalidStateExceptionSchema: GenMessage<KmsInvalidStateException>;
/**
 * Received when KMS returns ThrottlingException for a KMS call that Step Functions makes on behalf
 * of the caller.
 *
 * @generated from message sfngrpc.stepfunctions.v1.KmsThrottlingException
 */
export type KmsThrottlingException = Message<"sfngrpc.stepfunctions.v1.KmsThrottlingException"> & {
    /**
     * @generated from field: optional string message = 1;
     */
    message?: string | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.KmsThrottlingException.
 * Use `create(KmsThrottlingExceptionSchema)` to create a new message.
 */
export declare const KmsThrottlingExceptionSchema: GenMessage<KmsThrottlingException>;
/**
 * Request is missing a required parameter. This error occurs if both definition and roleArn are
 * not specified.
 *
 * @generated from message sfngrpc.stepfunctions.v1.MissingRequiredParameter
 */
export type MissingRequiredParameter = Message<"sfngrpc.stepfunctions.v1.MissingRequiredParameter"> & {
    /**
     * @generated from field: optional string message = 1;
     */
    message?: string | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.MissingRequiredParameter.
 * Use `create(MissingRequiredParameterSchema)` to create a new message.
 */
export declare const MissingRequiredParameterSchema: GenMessage<MissingRequiredParameter>;
/**
 * Could not find the referenced resource.
 *
 * @generated from message sfngrpc.stepfunctions.v1.ResourceNotFound
 */
export type ResourceNotFound = Message<"sfngrpc.stepfunctions.v1.ResourceNotFound"> & {
    /**
     * @generated from field: optional string message = 1;
     */
    message?: string | undefined;
    /**
     * Length (characters): 1 to 256.
     *
     * @generated from field: optional string resource_name = 2;
     */
    resourceName?: string | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.ResourceNotFound.
 * Use `create(ResourceNotFoundSchema)` to create a new message.
 */
export declare const ResourceNotFoundSchema: GenMessage<ResourceNotFound>;
/**
 * The request would cause a service quota to be exceeded.
 *
 * HTTP Status Code: 402
 *
 * @generated from message sfngrpc.stepfunctions.v1.ServiceQuotaExceededException
 */
export type ServiceQuotaExceededException = Message<"sfngrpc.stepfunctions.v1.ServiceQuotaExceededException"> & {
    /**
     * @generated from field: optional string message = 1;
     */
    message?: string | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.ServiceQuotaExceededException.
 * Use `create(ServiceQuotaExceededExceptionSchema)` to create a new message.
 */
export declare const ServiceQuotaExceededExceptionSchema: GenMessage<ServiceQuotaExceededException>;
/**
 * A state machine with the same name but a different definition or role ARN already exists.
 *
 * @generated from message sfngrpc.stepfunctions.v1.StateMachineAlreadyExists
 */
export type StateMachineAlreadyExists = Message<"sfngrpc.stepfunctions.v1.StateMachineAlreadyExists"> & {
    /**
     * @generated from field: optional string message = 1;
     */
    message?: string | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.StateMachineAlreadyExists.
 * Use `create(StateMachineAlreadyExistsSchema)` to create a new message.
 */
export declare const StateMachineAlreadyExistsSchema: GenMessage<StateMachineAlreadyExists>;
/**
 * The specified state machine is being deleted.
 *
 * @generated from message sfngrpc.stepfunctions.v1.StateMachineDeleting
 */
export type StateMachineDeleting = Message<"sfngrpc.stepfunctions.v1.StateMachineDeleting"> & {
    /**
     * @generated from field: optional string message = 1;
     */
    message?: string | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.StateMachineDeleting.
 * Use `create(StateMachineDeletingSchema)` to create a new message.
 */
export declare const StateMachineDeletingSchema: GenMessage<StateMachineDeleting>;
/**
 * The specified state machine does not exist.
 *
 * @generated from message sfngrpc.stepfunctions.v1.StateMachineDoesNotExist
 */
export type StateMachineDoesNotExist = Message<"sfngrpc.stepfunctions.v1.StateMachineDoesNotExist"> & {
    /**
     * @generated from field: optional string message = 1;
     */
    message?: string | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.StateMachineDoesNotExist.
 * Use `create(StateMachineDoesNotExistSchema)` to create a new message.
 */
export declare const StateMachineDoesNotExistSchema: GenMessage<StateMachineDoesNotExist>;
/**
 * The maximum number of state machines has been reached. Existing state machines must be deleted
 * before a new state machine can be created.
 *
 * @generated from message sfngrpc.stepfunctions.v1.StateMachineLimitExceeded
 */
export type StateMachineLimitExceeded = Message<"sfngrpc.stepfunctions.v1.StateMachineLimitExceeded"> & {
    /**
     * @generated from field: optional string message = 1;
     */
    message?: string | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.StateMachineLimitExceeded.
 * Use `create(StateMachineLimitExceededSchema)` to create a new message.
 */
export declare const StateMachineLimitExceededSchema: GenMessage<StateMachineLimitExceeded>;
/**
 * State machine type is not supported.
 *
 * @generated from message sfngrpc.stepfunctions.v1.StateMachineTypeNotSupported
 */
export type StateMachineTypeNotSupported = Message<"sfngrpc.stepfunctions.v1.StateMachineTypeNotSupported"> & {
    /**
     * @generated from field: optional string message = 1;
     */
    message?: string | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.StateMachineTypeNotSupported.
 * Use `create(StateMachineTypeNotSupportedSchema)` to create a new message.
 */
export declare const StateMachineTypeNotSupportedSchema: GenMessage<StateMachineTypeNotSupported>;
/**
 * The activity does not exist.
 *
 * @generated from message sfngrpc.stepfunctions.v1.TaskDoesNotExist
 */
export type TaskDoesNotExist = Message<"sfngrpc.stepfunctions.v1.TaskDoesNotExist"> & {
    /**
     * @generated from field: optional string message = 1;
     */
    message?: string | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.TaskDoesNotExist.
 * Use `create(TaskDoesNotExistSchema)` to create a new message.
 */
export declare const TaskDoesNotExistSchema: GenMessage<TaskDoesNotExist>;
/**
 * The task token has either expired or the task associated with the token has already been closed.
 *
 * @generated from message sfngrpc.stepfunctions.v1.TaskTimedOut
 */
export type TaskTimedOut = Message<"sfngrpc.stepfunctions.v1.TaskTimedOut"> & {
    /**
     * @generated from field: optional string message = 1;
     */
    message?: string | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.TaskTimedOut.
 * Use `create(TaskTimedOutSchema)` to create a new message.
 */
export declare const TaskTimedOutSchema: GenMessage<TaskTimedOut>;
/**
 * You've exceeded the number of tags allowed for a resource. See the Limits Topic
 * (https://docs.aws.amazon.com/step-functions/latest/dg/limits.html) in the Step Functions
 * Developer Guide.
 *
 * @generated from message sfngrpc.stepfunctions.v1.TooManyTags
 */
export type TooManyTags = Message<"sfngrpc.stepfunctions.v1.TooManyTags"> & {
    /**
     * @generated from field: optional string message = 1;
     */
    message?: string | undefined;
    /**
     * Length (characters): 1 to 256.
     *
     * @generated from field: optional string resource_name = 2;
     */
    resourceName?: string | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.TooManyTags.
 * Use `create(TooManyTagsSchema)` to create a new message.
 */
export declare const TooManyTagsSchema: GenMessage<TooManyTags>;
/**
 * The input does not satisfy the constraints specified by an Amazon Web Services service.
 *
 * @generated from message sfngrpc.stepfunctions.v1.ValidationException
 */
export type ValidationException = Message<"sfngrpc.stepfunctions.v1.ValidationException"> & {
    /**
     * @generated from field: optional string message = 1;
     */
    message?: string | undefined;
    /**
     * The input does not satisfy the constraints specified by an Amazon Web Services service.
     *
     * @generated from field: optional sfngrpc.stepfunctions.v1.ValidationExceptionReason reason = 2;
     */
    reason?: ValidationExceptionReason | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.ValidationException.
 * Use `create(ValidationExceptionSchema)` to create a new message.
 */
export declare const ValidationExceptionSchema: GenMessage<ValidationException>;
/**
 * The values of the model's KmsKeyState.
 *
 * @generated from enum sfngrpc.stepfunctions.v1.KmsKeyState
 */
export declare enum KmsKeyState {
    /**
     * Not set, or a value this version of the API does not know yet.
     *
     * @generated from enum value: KMS_KEY_STATE_UNSPECIFIED = 0;
     */
    UNSPECIFIED = 0,
    /**
     * @generated from enum value: KMS_KEY_STATE_DISABLED = 1;
     */
    DISABLED = 1,
    /**
     * @generated from enum value: KMS_KEY_STATE_PENDING_DELETION = 2;
     */
    PENDING_DELETION = 2,
    /**
     * @generated from enum value: KMS_KEY_STATE_PENDING_IMPORT = 3;
     */
    PENDING_IMPORT = 3,
    /**
     * @generated from enum value: KMS_KEY_STATE_UNAVAILABLE = 4;
     */
    UNAVAILABLE = 4,
    /**
     * @generated from enum value: KMS_KEY_STATE_CREATING = 5;
     */
    CREATING = 5
}
/**
 * Describes the enum sfngrpc.stepfunctions.v1.KmsKeyState.
 */
export declare const KmsKeyStateSchema: GenEnum<KmsKeyState>;
/**
 * The values of the model's ValidationExceptionReason.
 *
 * @generated from enum sfngrpc.stepfunctions.v1.ValidationExceptionReason
 */
export declare enum ValidationExceptionReason {
    /**
     * Not set, or a value this version of the API does not know yet.
     *
     * @generated from enum value: VALIDATION_EXCEPTION_REASON_UNSPECIFIED = 0;
     */
    UNSPECIFIED = 0,
    /**
     * @generated from enum value: VALIDATION_EXCEPTION_REASON_API_DOES_NOT_SUPPORT_LABELED_ARNS = 1;
     */
    API_DOES_NOT_SUPPORT_LABELED_ARNS = 1,
    /**
     * @generated from enum value: VALIDATION_EXCEPTION_REASON_MISSING_REQUIRED_PARAMETER = 2;
     */
    MISSING_REQUIRED_PARAMETER = 2,
    /**
     * @generated from enum value: VALIDATION_EXCEPTION_REASON_CANNOT_UPDATE_COMPLETED_MAP_RUN = 3;
     */
    CANNOT_UPDATE_COMPLETED_MAP_RUN = 3,
    /**
     * @generated from enum value: VALIDATION_EXCEPTION_REASON_INVALID_ROUTING_CONFIGURATION = 4;
     */
    INVALID_ROUTING_CONFIGURATION = 4
}
/**
 * Describes the enum sfngrpc.stepfunctions.v1.ValidationExceptionReason.
 */
export declare const ValidationExceptionReasonSchema: GenEnum<ValidationExceptionReason>;
