"""sfn-grpc: a gRPC façade over AWS Step Functions."""
