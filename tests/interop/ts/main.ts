// Interop check of the TypeScript client (@sfn-grpc/client, generated/ts) against a live gateway, run by
// tests/test_interop_ts.py: `tsx main.ts http://127.0.0.1:PORT` prints one JSON summary on stdout.
// The README's TypeScript example is the part between the "example" markers.
import { Code, ConnectError } from "@connectrpc/connect";
import {
  BadRequestSchema,
  createStepFunctionsClient,
  ErrorInfoSchema,
  ExecutionStatusSchema,
  HistoryEventTypeSchema,
  type HistoryEvent,
} from "@sfn-grpc/client";

const DEMO = "arn:aws:states:us-east-1:123456789012:stateMachine:sfn-grpc-demo";

// The proto name of an enum value (EXECUTION_STATUS_SUCCEEDED), as the Python stubs print it.
const enumName = (schema: typeof ExecutionStatusSchema | typeof HistoryEventTypeSchema, n: number) =>
  schema.values.find((v) => v.number === n)?.name ?? String(n);

async function run(baseUrl: string) {
  // example: start
  const client = createStepFunctionsClient(baseUrl); // "http://127.0.0.1:50051": gRPC over plaintext HTTP/2
  const options = { timeoutMs: 30_000 }; // a deadline on every call
  const input = JSON.stringify({ wait: true }); // the demo's 2-second Wait: the stream follows a running execution
  const { executionArn } = await client.startExecution({ stateMachineArn: DEMO, input }, options);
  const events: HistoryEvent[] = [];
  const sizes: number[] = [];
  let status = 0;
  // A message may have no events (a followed run's last one says only the final status): protobuf-es
  // gives an empty array, never undefined, so it needs no special case.
  for await (const message of client.streamExecutionHistory({ executionArn, follow: true }, options)) {
    events.push(...message.events);
    sizes.push(message.events.length);
    status = message.executionStatus;
  }
  const waited = await client.waitExecution({ executionArn }, options);
  try {
    await client.describeExecution({ executionArn: "not-an-arn" }, options);
  } catch (e) {
    const error = ConnectError.from(e);
    const [info] = error.findDetails(ErrorInfoSchema); // reason, domain, metadata
    const [badRequest] = error.findDetails(BadRequestSchema); // fieldViolations
    // example: end
    return { executionArn, events, sizes, status, waited, error, info, badRequest };
  }
  throw new Error("DescribeExecution accepted an invalid ARN");
}

const { executionArn, events, sizes, status, waited, error, info, badRequest } = await run(process.argv[2]);
const last = events[events.length - 1];
const summary = {
  executionArn,
  eventIds: events.map((e) => e.id.toString()), // int64 fields are bigints
  lastEventType: enumName(HistoryEventTypeSchema, last.type),
  lastEventDetails: last.details.case ?? null,
  streamStatus: enumName(ExecutionStatusSchema, status),
  messageSizes: sizes,
  wait: {
    done: waited.done,
    status: enumName(ExecutionStatusSchema, waited.execution?.status ?? 0),
    output: waited.execution?.output ?? null,
    stopDateSet: waited.execution?.stopDate !== undefined,
  },
  error: {
    code: Code[error.code],
    message: error.rawMessage,
    errorInfo: info ? { reason: info.reason, domain: info.domain, metadata: info.metadata } : null,
    badRequest: badRequest?.fieldViolations.map((v) => ({ field: v.field, description: v.description })) ?? null,
  },
};
console.log(JSON.stringify(summary));
