import type { GenFile, GenMessage } from "@bufbuild/protobuf/codegenv2";
import type { Timestamp } from "@bufbuild/protobuf/wkt";
import type { EncryptionConfiguration, Tag } from "./common_pb.js";
import type { Message } from "@bufbuild/protobuf";
/**
 * Describes the file sfngrpc/stepfunctions/v1/activities.proto.
 */
export declare const file_sfngrpc_stepfunctions_v1_activities: GenFile;
/**
 * Request of CreateActivity (model shape CreateActivityInput).
 *
 * @generated from message sfngrpc.stepfunctions.v1.CreateActivityRequest
 */
export type CreateActivityRequest = Message<"sfngrpc.stepfunctions.v1.CreateActivityRequest"> & {
    /**
     * The name of the activity to create. This name must be unique for your Amazon Web Services
     * account and region.
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
     * The list of tags to add to a resource.
     *
     * An array of key-value pairs. For more information, see Using Cost Allocation Tags
     * (https://docs.aws.amazon.com/awsaccountbilling/latest/aboutv2/cost-alloc-tags.html) in the
     * Amazon Web Services Billing and Cost Management User Guide, and Controlling Access Using IAM
     * Tags (https://docs.aws.amazon.com/IAM/latest/UserGuide/access_iam-tags.html).
     *
     * Tags may only contain Unicode letters, digits, white space, or these symbols: _ . : / = + - @.
     *
     * @generated from field: repeated sfngrpc.stepfunctions.v1.Tag tags = 2;
     */
    tags: Tag[];
    /**
     * Settings to configure server-side encryption.
     *
     * @generated from field: sfngrpc.stepfunctions.v1.EncryptionConfiguration encryption_configuration = 3;
     */
    encryptionConfiguration?: EncryptionConfiguration | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.CreateActivityRequest.
 * Use `create(CreateActivityRequestSchema)` to create a new message.
 */
export declare const CreateActivityRequestSchema: GenMessage<CreateActivityRequest>;
/**
 * Response of CreateActivity (model shape CreateActivityOutput).
 *
 * @generated from message sfngrpc.stepfunctions.v1.CreateActivityResponse
 */
export type CreateActivityResponse = Message<"sfngrpc.stepfunctions.v1.CreateActivityResponse"> & {
    /**
     * The Amazon Resource Name (ARN) that identifies the created activity.
     *
     * Required. Length (characters): 1 to 256.
     *
     * @generated from field: string activity_arn = 1;
     */
    activityArn: string;
    /**
     * The date the activity is created.
     *
     * Required.
     *
     * @generated from field: google.protobuf.Timestamp creation_date = 2;
     */
    creationDate?: Timestamp | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.CreateActivityResponse.
 * Use `create(CreateActivityResponseSchema)` to create a new message.
 */
export declare const CreateActivityResponseSchema: GenMessage<CreateActivityResponse>;
/**
 * Request of DeleteActivity (model shape DeleteActivityInput).
 *
 * @generated from message sfngrpc.stepfunctions.v1.DeleteActivityRequest
 */
export type DeleteActivityRequest = Message<"sfngrpc.stepfunctions.v1.DeleteActivityRequest"> & {
    /**
     * The Amazon Resource Name (ARN) of the activity to delete.
     *
     * Required. Length (characters): 1 to 256.
     *
     * @generated from field: string activity_arn = 1;
     */
    activityArn: string;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.DeleteActivityRequest.
 * Use `create(DeleteActivityRequestSchema)` to create a new message.
 */
export declare const DeleteActivityRequestSchema: GenMessage<DeleteActivityRequest>;
/**
 * Response of DeleteActivity (model shape DeleteActivityOutput).
 *
 * @generated from message sfngrpc.stepfunctions.v1.DeleteActivityResponse
 */
export type DeleteActivityResponse = Message<"sfngrpc.stepfunctions.v1.DeleteActivityResponse"> & {};
/**
 * Describes the message sfngrpc.stepfunctions.v1.DeleteActivityResponse.
 * Use `create(DeleteActivityResponseSchema)` to create a new message.
 */
export declare const DeleteActivityResponseSchema: GenMessage<DeleteActivityResponse>;
/**
 * Request of DescribeActivity (model shape DescribeActivityInput).
 *
 * @generated from message sfngrpc.stepfunctions.v1.DescribeActivityRequest
 */
export type DescribeActivityRequest = Message<"sfngrpc.stepfunctions.v1.DescribeActivityRequest"> & {
    /**
     * The Amazon Resource Name (ARN) of the activity to describe.
     *
     * Required. Length (characters): 1 to 256.
     *
     * @generated from field: string activity_arn = 1;
     */
    activityArn: string;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.DescribeActivityRequest.
 * Use `create(DescribeActivityRequestSchema)` to create a new message.
 */
export declare const DescribeActivityRequestSchema: GenMessage<DescribeActivityRequest>;
/**
 * Response of DescribeActivity (model shape DescribeActivityOutput).
 *
 * @generated from message sfngrpc.stepfunctions.v1.DescribeActivityResponse
 */
export type DescribeActivityResponse = Message<"sfngrpc.stepfunctions.v1.DescribeActivityResponse"> & {
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
    /**
     * Settings for configured server-side encryption.
     *
     * @generated from field: sfngrpc.stepfunctions.v1.EncryptionConfiguration encryption_configuration = 4;
     */
    encryptionConfiguration?: EncryptionConfiguration | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.DescribeActivityResponse.
 * Use `create(DescribeActivityResponseSchema)` to create a new message.
 */
export declare const DescribeActivityResponseSchema: GenMessage<DescribeActivityResponse>;
/**
 * Request of GetActivityTask (model shape GetActivityTaskInput).
 *
 * @generated from message sfngrpc.stepfunctions.v1.GetActivityTaskRequest
 */
export type GetActivityTaskRequest = Message<"sfngrpc.stepfunctions.v1.GetActivityTaskRequest"> & {
    /**
     * The Amazon Resource Name (ARN) of the activity to retrieve tasks from (assigned when you create
     * the task using CreateActivity.)
     *
     * Required. Length (characters): 1 to 256.
     *
     * @generated from field: string activity_arn = 1;
     */
    activityArn: string;
    /**
     * You can provide an arbitrary name in order to identify the worker that the task is assigned to.
     * This name is used when it is logged in the execution history.
     *
     * Length (characters): 1 to 80.
     *
     * @generated from field: optional string worker_name = 2;
     */
    workerName?: string | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.GetActivityTaskRequest.
 * Use `create(GetActivityTaskRequestSchema)` to create a new message.
 */
export declare const GetActivityTaskRequestSchema: GenMessage<GetActivityTaskRequest>;
/**
 * Response of GetActivityTask (model shape GetActivityTaskOutput).
 *
 * @generated from message sfngrpc.stepfunctions.v1.GetActivityTaskResponse
 */
export type GetActivityTaskResponse = Message<"sfngrpc.stepfunctions.v1.GetActivityTaskResponse"> & {
    /**
     * A token that identifies the scheduled task. This token must be copied and included in subsequent
     * calls to SendTaskHeartbeat, SendTaskSuccess or SendTaskFailure in order to report the progress
     * or completion of the task.
     *
     * Length (characters): 1 to 2048. Sensitive: never logged.
     *
     * @generated from field: optional string task_token = 1;
     */
    taskToken?: string | undefined;
    /**
     * The string that contains the JSON input data for the task. Length constraints apply to the
     * payload size, and are expressed as bytes in UTF-8 encoding.
     *
     * Length (characters): 0 to 1048576. Sensitive: never logged.
     *
     * @generated from field: optional string input = 2;
     */
    input?: string | undefined;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.GetActivityTaskResponse.
 * Use `create(GetActivityTaskResponseSchema)` to create a new message.
 */
export declare const GetActivityTaskResponseSchema: GenMessage<GetActivityTaskResponse>;
/**
 * Request of SendTaskFailure (model shape SendTaskFailureInput).
 *
 * @generated from message sfngrpc.stepfunctions.v1.SendTaskFailureRequest
 */
export type SendTaskFailureRequest = Message<"sfngrpc.stepfunctions.v1.SendTaskFailureRequest"> & {
    /**
     * The token that represents this task. Task tokens are generated by Step Functions when tasks are
     * assigned to a worker, or in the context object
     * (https://docs.aws.amazon.com/step-functions/latest/dg/input-output-contextobject.html) when a
     * workflow enters a task state. See GetActivityTaskOutput$taskToken.
     *
     * Required. Length (characters): 1 to 2048. Sensitive: never logged.
     *
     * @generated from field: string task_token = 1;
     */
    taskToken: string;
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
 * Describes the message sfngrpc.stepfunctions.v1.SendTaskFailureRequest.
 * Use `create(SendTaskFailureRequestSchema)` to create a new message.
 */
export declare const SendTaskFailureRequestSchema: GenMessage<SendTaskFailureRequest>;
/**
 * Response of SendTaskFailure (model shape SendTaskFailureOutput).
 *
 * @generated from message sfngrpc.stepfunctions.v1.SendTaskFailureResponse
 */
export type SendTaskFailureResponse = Message<"sfngrpc.stepfunctions.v1.SendTaskFailureResponse"> & {};
/**
 * Describes the message sfngrpc.stepfunctions.v1.SendTaskFailureResponse.
 * Use `create(SendTaskFailureResponseSchema)` to create a new message.
 */
export declare const SendTaskFailureResponseSchema: GenMessage<SendTaskFailureResponse>;
/**
 * Request of SendTaskHeartbeat (model shape SendTaskHeartbeatInput).
 *
 * @generated from message sfngrpc.stepfunctions.v1.SendTaskHeartbeatRequest
 */
export type SendTaskHeartbeatRequest = Message<"sfngrpc.stepfunctions.v1.SendTaskHeartbeatRequest"> & {
    /**
     * The token that represents this task. Task tokens are generated by Step Functions when tasks are
     * assigned to a worker, or in the context object
     * (https://docs.aws.amazon.com/step-functions/latest/dg/input-output-contextobject.html) when a
     * workflow enters a task state. See GetActivityTaskOutput$taskToken.
     *
     * Required. Length (characters): 1 to 2048. Sensitive: never logged.
     *
     * @generated from field: string task_token = 1;
     */
    taskToken: string;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.SendTaskHeartbeatRequest.
 * Use `create(SendTaskHeartbeatRequestSchema)` to create a new message.
 */
export declare const SendTaskHeartbeatRequestSchema: GenMessage<SendTaskHeartbeatRequest>;
/**
 * Response of SendTaskHeartbeat (model shape SendTaskHeartbeatOutput).
 *
 * @generated from message sfngrpc.stepfunctions.v1.SendTaskHeartbeatResponse
 */
export type SendTaskHeartbeatResponse = Message<"sfngrpc.stepfunctions.v1.SendTaskHeartbeatResponse"> & {};
/**
 * Describes the message sfngrpc.stepfunctions.v1.SendTaskHeartbeatResponse.
 * Use `create(SendTaskHeartbeatResponseSchema)` to create a new message.
 */
export declare const SendTaskHeartbeatResponseSchema: GenMessage<SendTaskHeartbeatResponse>;
/**
 * Request of SendTaskSuccess (model shape SendTaskSuccessInput).
 *
 * @generated from message sfngrpc.stepfunctions.v1.SendTaskSuccessRequest
 */
export type SendTaskSuccessRequest = Message<"sfngrpc.stepfunctions.v1.SendTaskSuccessRequest"> & {
    /**
     * The token that represents this task. Task tokens are generated by Step Functions when tasks are
     * assigned to a worker, or in the context object
     * (https://docs.aws.amazon.com/step-functions/latest/dg/input-output-contextobject.html) when a
     * workflow enters a task state. See GetActivityTaskOutput$taskToken.
     *
     * Required. Length (characters): 1 to 2048. Sensitive: never logged.
     *
     * @generated from field: string task_token = 1;
     */
    taskToken: string;
    /**
     * The JSON output of the task. Length constraints apply to the payload size, and are expressed as
     * bytes in UTF-8 encoding.
     *
     * Required. Length (characters): 0 to 262144. Sensitive: never logged.
     *
     * @generated from field: string output = 2;
     */
    output: string;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.SendTaskSuccessRequest.
 * Use `create(SendTaskSuccessRequestSchema)` to create a new message.
 */
export declare const SendTaskSuccessRequestSchema: GenMessage<SendTaskSuccessRequest>;
/**
 * Response of SendTaskSuccess (model shape SendTaskSuccessOutput).
 *
 * @generated from message sfngrpc.stepfunctions.v1.SendTaskSuccessResponse
 */
export type SendTaskSuccessResponse = Message<"sfngrpc.stepfunctions.v1.SendTaskSuccessResponse"> & {};
/**
 * Describes the message sfngrpc.stepfunctions.v1.SendTaskSuccessResponse.
 * Use `create(SendTaskSuccessResponseSchema)` to create a new message.
 */
export declare const SendTaskSuccessResponseSchema: GenMessage<SendTaskSuccessResponse>;
