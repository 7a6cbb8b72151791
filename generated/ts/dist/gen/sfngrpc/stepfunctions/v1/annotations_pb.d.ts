import type { GenExtension, GenFile } from "@bufbuild/protobuf/codegenv2";
import type { EnumValueOptions, FieldOptions, MessageOptions } from "@bufbuild/protobuf/wkt";
/**
 * Describes the file sfngrpc/stepfunctions/v1/annotations.proto.
 */
export declare const file_sfngrpc_stepfunctions_v1_annotations: GenFile;
/**
 * The botocore model shape this message was generated from, e.g. "DescribeExecutionInput".
 *
 * @generated from extension: string aws_shape = 51000;
 */
export declare const aws_shape: GenExtension<MessageOptions, string>;
/**
 * The message only wraps a list (one field, `repeated ... values = 1`) because proto cannot put a
 * repeated field inside a map value or a list. In AWS's JSON the wrapper is absent: the map's value
 * is the list itself.
 *
 * @generated from extension: bool aws_list_wrapper = 51001;
 */
export declare const aws_list_wrapper: GenExtension<MessageOptions, boolean>;
/**
 * AWS marks this member required: in a response it is always present, in a request it must be set.
 *
 * @generated from extension: bool aws_required = 51000;
 */
export declare const aws_required: GenExtension<FieldOptions, boolean>;
/**
 * The value as AWS spells it on the wire, e.g. "ExecutionStarted" for
 * HISTORY_EVENT_TYPE_EXECUTION_STARTED.
 *
 * @generated from extension: string aws_value = 51000;
 */
export declare const aws_value: GenExtension<EnumValueOptions, string>;
