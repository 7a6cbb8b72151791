"""Generated protobuf and gRPC modules of the stepfunctions.v1 API (see proto/)."""
