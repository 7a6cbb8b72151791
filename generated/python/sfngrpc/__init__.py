"""Generated protobuf and gRPC modules of the sfngrpc.stepfunctions.v1 API (see proto/)."""
