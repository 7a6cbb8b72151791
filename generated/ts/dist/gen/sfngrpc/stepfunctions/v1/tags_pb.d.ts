import type { GenFile, GenMessage } from "@bufbuild/protobuf/codegenv2";
import type { Tag } from "./common_pb.js";
import type { Message } from "@bufbuild/protobuf";
/**
 * Describes the file sfngrpc/stepfunctions/v1/tags.proto.
 */
export declare const file_sfngrpc_stepfunctions_v1_tags: GenFile;
/**
 * Request of ListTagsForResource (model shape ListTagsForResourceInput).
 *
 * @generated from message sfngrpc.stepfunctions.v1.ListTagsForResourceRequest
 */
export type ListTagsForResourceRequest = Message<"sfngrpc.stepfunctions.v1.ListTagsForResourceRequest"> & {
    /**
     * The Amazon Resource Name (ARN) for the Step Functions state machine or activity.
     *
     * Required. Length (characters): 1 to 256.
     *
     * @generated from field: string resource_arn = 1;
     */
    resourceArn: string;
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.ListTagsForResourceRequest.
 * Use `create(ListTagsForResourceRequestSchema)` to create a new message.
 */
export declare const ListTagsForResourceRequestSchema: GenMessage<ListTagsForResourceRequest>;
/**
 * Response of ListTagsForResource (model shape ListTagsForResourceOutput).
 *
 * @generated from message sfngrpc.stepfunctions.v1.ListTagsForResourceResponse
 */
export type ListTagsForResourceResponse = Message<"sfngrpc.stepfunctions.v1.ListTagsForResourceResponse"> & {
    /**
     * An array of tags associated with the resource.
     *
     * @generated from field: repeated sfngrpc.stepfunctions.v1.Tag tags = 1;
     */
    tags: Tag[];
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.ListTagsForResourceResponse.
 * Use `create(ListTagsForResourceResponseSchema)` to create a new message.
 */
export declare const ListTagsForResourceResponseSchema: GenMessage<ListTagsForResourceResponse>;
/**
 * Request of TagResource (model shape TagResourceInput).
 *
 * @generated from message sfngrpc.stepfunctions.v1.TagResourceRequest
 */
export type TagResourceRequest = Message<"sfngrpc.stepfunctions.v1.TagResourceRequest"> & {
    /**
     * The Amazon Resource Name (ARN) for the Step Functions state machine or activity.
     *
     * Required. Length (characters): 1 to 256.
     *
     * @generated from field: string resource_arn = 1;
     */
    resourceArn: string;
    /**
     * The list of tags to add to a resource.
     *
     * Tags may only contain Unicode letters, digits, white space, or these symbols: _ . : / = + - @.
     *
     * Required.
     *
     * @generated from field: repeated sfngrpc.stepfunctions.v1.Tag tags = 2;
     */
    tags: Tag[];
};
/**
 * Describes the message sfngrpc.stepfunctions.v1.TagResourceRequest.
 * Use `create(TagResourceRequestSchema)` to create a new message.
 */
export declare const TagResourceRequestSchema: GenMessage<TagResourceRequest>;
/**
 * Response of TagResource (model shape TagResourceOutput).
 *
 * @generated from message sfngrpc.stepfunctions.v1.TagResourceResponse
 */
export type TagResourceResponse = Message<"sfngrpc.stepfunctions.v1.TagResourceResponse"> & {};
/**
 * Describes the message sfngrpc.stepfunctions.v1.TagResourceResponse.
 * Use `create(TagResourceResponseSchema)` to create a new message.
 */
export declare const TagResourceResponseSchema: GenMessage<TagResourceResponse>;
