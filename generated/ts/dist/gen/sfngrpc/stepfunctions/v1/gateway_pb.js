// The gateway's own RPCs, beyond the AWS operations: streams of execution history and of execution
// changes, and a call that waits for an execution to finish. Written by hand (not generated); the
// RPCs are declared in service.proto, which `make generate` writes. Like the generated files, every
// field sets its `json_name` explicitly (protoc would derive the same spelling, but puts it in the
// descriptors that reflection serves only when it is written down).
//
// Each RPC's documentation is the comment block that starts `// rpc <Name>` above its request
// message: `make generate` copies it onto the RPC in service.proto, so it is written only here.
// The language options match what the generator writes on every generated file (a test checks).
import { enumDesc, fileDesc, messageDesc } from "@bufbuild/protobuf/codegenv2";
import { file_google_protobuf_duration } from "@bufbuild/protobuf/wkt";
import { file_sfngrpc_stepfunctions_v1_executions } from "./executions_pb.js";
import { file_sfngrpc_stepfunctions_v1_history } from "./history_pb.js";
/**
 * Describes the file sfngrpc/stepfunctions/v1/gateway.proto.
 */
export const file_sfngrpc_stepfunctions_v1_gateway = /*@__PURE__*/ fileDesc("CiZzZm5ncnBjL3N0ZXBmdW5jdGlvbnMvdjEvZ2F0ZXdheS5wcm90bxIYc2ZuZ3JwYy5zdGVwZnVuY3Rpb25zLnYxIsgBCh1TdHJlYW1FeGVjdXRpb25IaXN0b3J5UmVxdWVzdBIVCg1leGVjdXRpb25fYXJuGAEgASgJEhUKDXJldmVyc2Vfb3JkZXIYAiABKAgSIwoWaW5jbHVkZV9leGVjdXRpb25fZGF0YRgDIAEoCEgAiAEBEhYKDmFmdGVyX2V2ZW50X2lkGAQgASgDEg4KBmZvbGxvdxgFIAEoCBIRCglwYWdlX3NpemUYBiABKANCGQoXX2luY2x1ZGVfZXhlY3V0aW9uX2RhdGEitAEKHlN0cmVhbUV4ZWN1dGlvbkhpc3RvcnlSZXNwb25zZRI2CgZldmVudHMYASADKAsyJi5zZm5ncnBjLnN0ZXBmdW5jdGlvbnMudjEuSGlzdG9yeUV2ZW50EhUKDWxhc3RfZXZlbnRfaWQYAiABKAMSQwoQZXhlY3V0aW9uX3N0YXR1cxgDIAEoDjIpLnNmbmdycGMuc3RlcGZ1bmN0aW9ucy52MS5FeGVjdXRpb25TdGF0dXMiWgoUV2FpdEV4ZWN1dGlvblJlcXVlc3QSFQoNZXhlY3V0aW9uX2FybhgBIAEoCRIrCghtYXhfd2FpdBgCIAEoCzIZLmdvb2dsZS5wcm90b2J1Zi5EdXJhdGlvbiJtChVXYWl0RXhlY3V0aW9uUmVzcG9uc2USRgoJZXhlY3V0aW9uGAEgASgLMjMuc2ZuZ3JwYy5zdGVwZnVuY3Rpb25zLnYxLkRlc2NyaWJlRXhlY3V0aW9uUmVzcG9uc2USDAoEZG9uZRgCIAEoCCKjAQoWV2F0Y2hFeGVjdXRpb25zUmVxdWVzdBIZChFzdGF0ZV9tYWNoaW5lX2FybhgBIAEoCRJFCg1zdGF0dXNfZmlsdGVyGAIgASgOMikuc2ZuZ3JwYy5zdGVwZnVuY3Rpb25zLnYxLkV4ZWN1dGlvblN0YXR1c0gAiAEBEhUKDXJlc3VtZV9jdXJzb3IYAyABKAlCEAoOX3N0YXR1c19maWx0ZXIi6AEKF1dhdGNoRXhlY3V0aW9uc1Jlc3BvbnNlEjkKBmNoYW5nZRgBIAEoDjIpLnNmbmdycGMuc3RlcGZ1bmN0aW9ucy52MS5FeGVjdXRpb25DaGFuZ2USPgoJZXhlY3V0aW9uGAIgASgLMisuc2ZuZ3JwYy5zdGVwZnVuY3Rpb25zLnYxLkV4ZWN1dGlvbkxpc3RJdGVtEkIKD3ByZXZpb3VzX3N0YXR1cxgDIAEoDjIpLnNmbmdycGMuc3RlcGZ1bmN0aW9ucy52MS5FeGVjdXRpb25TdGF0dXMSDgoGY3Vyc29yGAQgASgJKpUBCg9FeGVjdXRpb25DaGFuZ2USIAocRVhFQ1VUSU9OX0NIQU5HRV9VTlNQRUNJRklFRBAAEh0KGUVYRUNVVElPTl9DSEFOR0VfRVhJU1RJTkcQARIcChhFWEVDVVRJT05fQ0hBTkdFX1NUQVJURUQQAhIjCh9FWEVDVVRJT05fQ0hBTkdFX1NUQVRVU19DSEFOR0VEEANC2wEKHGNvbS5zZm5ncnBjLnN0ZXBmdW5jdGlvbnMudjFCDEdhdGV3YXlQcm90b1ABWlJnaXRodWIuY29tL3Nmbi1ncnBjL3Nmbi1ncnBjL2dlbmVyYXRlZC9nby9zZm5ncnBjL3N0ZXBmdW5jdGlvbnMvdjE7c3RlcGZ1bmN0aW9uc3YxogIDU1NYqgIYU2ZuZ3JwYy5TdGVwZnVuY3Rpb25zLlYxygIYU2ZuZ3JwY1xTdGVwZnVuY3Rpb25zXFYx6gIaU2ZuZ3JwYzo6U3RlcGZ1bmN0aW9uczo6VjFiBnByb3RvMw", [file_google_protobuf_duration, file_sfngrpc_stepfunctions_v1_executions, file_sfngrpc_stepfunctions_v1_history]);
/**
 * Describes the message sfngrpc.stepfunctions.v1.StreamExecutionHistoryRequest.
 * Use `create(StreamExecutionHistoryRequestSchema)` to create a new message.
 */
export const StreamExecutionHistoryRequestSchema = /*@__PURE__*/ messageDesc(file_sfngrpc_stepfunctions_v1_gateway, 0);
/**
 * Describes the message sfngrpc.stepfunctions.v1.StreamExecutionHistoryResponse.
 * Use `create(StreamExecutionHistoryResponseSchema)` to create a new message.
 */
export const StreamExecutionHistoryResponseSchema = /*@__PURE__*/ messageDesc(file_sfngrpc_stepfunctions_v1_gateway, 1);
/**
 * Describes the message sfngrpc.stepfunctions.v1.WaitExecutionRequest.
 * Use `create(WaitExecutionRequestSchema)` to create a new message.
 */
export const WaitExecutionRequestSchema = /*@__PURE__*/ messageDesc(file_sfngrpc_stepfunctions_v1_gateway, 2);
/**
 * Describes the message sfngrpc.stepfunctions.v1.WaitExecutionResponse.
 * Use `create(WaitExecutionResponseSchema)` to create a new message.
 */
export const WaitExecutionResponseSchema = /*@__PURE__*/ messageDesc(file_sfngrpc_stepfunctions_v1_gateway, 3);
/**
 * Describes the message sfngrpc.stepfunctions.v1.WatchExecutionsRequest.
 * Use `create(WatchExecutionsRequestSchema)` to create a new message.
 */
export const WatchExecutionsRequestSchema = /*@__PURE__*/ messageDesc(file_sfngrpc_stepfunctions_v1_gateway, 4);
/**
 * Describes the message sfngrpc.stepfunctions.v1.WatchExecutionsResponse.
 * Use `create(WatchExecutionsResponseSchema)` to create a new message.
 */
export const WatchExecutionsResponseSchema = /*@__PURE__*/ messageDesc(file_sfngrpc_stepfunctions_v1_gateway, 5);
/**
 * What happened to an execution, in WatchExecutions.
 *
 * @generated from enum sfngrpc.stepfunctions.v1.ExecutionChange
 */
export var ExecutionChange;
(function (ExecutionChange) {
    /**
     * Not set.
     *
     * @generated from enum value: EXECUTION_CHANGE_UNSPECIFIED = 0;
     */
    ExecutionChange[ExecutionChange["UNSPECIFIED"] = 0] = "UNSPECIFIED";
    /**
     * The execution existed when the watch started (the initial snapshot).
     *
     * @generated from enum value: EXECUTION_CHANGE_EXISTING = 1;
     */
    ExecutionChange[ExecutionChange["EXISTING"] = 1] = "EXISTING";
    /**
     * The execution started after the watch began (or after the resume cursor).
     *
     * @generated from enum value: EXECUTION_CHANGE_STARTED = 2;
     */
    ExecutionChange[ExecutionChange["STARTED"] = 2] = "STARTED";
    /**
     * The execution's status changed (it finished, or was redriven).
     *
     * @generated from enum value: EXECUTION_CHANGE_STATUS_CHANGED = 3;
     */
    ExecutionChange[ExecutionChange["STATUS_CHANGED"] = 3] = "STATUS_CHANGED";
})(ExecutionChange || (ExecutionChange = {}));
/**
 * Describes the enum sfngrpc.stepfunctions.v1.ExecutionChange.
 */
export const ExecutionChangeSchema = /*@__PURE__*/ enumDesc(file_sfngrpc_stepfunctions_v1_gateway, 0);
