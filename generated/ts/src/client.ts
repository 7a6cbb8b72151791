// The hand-written part of @sfn-grpc/client: everything else under src/ is written by `make generate`
// (protobuf-es messages and service descriptors in src/gen/, src/index.ts), and dist/ by tsc from src/.
import { createClient, type Client } from "@connectrpc/connect";
import { createGrpcTransport, type GrpcTransportOptions } from "@connectrpc/connect-node";

import { StepFunctionsService } from "./gen/sfngrpc/stepfunctions/v1/service_pb.js";

/** A client of the gateway's StepFunctionsService: one async method per RPC, async iterables for streams. */
export type StepFunctionsClient = Client<typeof StepFunctionsService>;

/**
 * A client of the gateway over gRPC (HTTP/2): `http://host:port` for plaintext, `https://host:port` for TLS.
 * `options` go to Connect's gRPC transport (interceptors, TLS and HTTP/2 session settings, ...).
 */
export function createStepFunctionsClient(
  baseUrl: string,
  options: Omit<GrpcTransportOptions, "baseUrl"> = {},
): StepFunctionsClient {
  return createClient(StepFunctionsService, createGrpcTransport({ ...options, baseUrl }));
}
