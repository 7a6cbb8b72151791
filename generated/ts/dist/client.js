// The hand-written part of @sfn-grpc/client: everything else under src/ is written by `make generate`
// (protobuf-es messages and service descriptors in src/gen/, src/index.ts), and dist/ by tsc from src/.
import { createClient } from "@connectrpc/connect";
import { createGrpcTransport } from "@connectrpc/connect-node";
import { StepFunctionsService } from "./gen/sfngrpc/stepfunctions/v1/service_pb.js";
/**
 * A client of the gateway over gRPC (HTTP/2): `http://host:port` for plaintext, `https://host:port` for TLS.
 * `options` go to Connect's gRPC transport (interceptors, TLS and HTTP/2 session settings, ...).
 */
export function createStepFunctionsClient(baseUrl, options = {}) {
    return createClient(StepFunctionsService, createGrpcTransport({ ...options, baseUrl }));
}
