"""``sfn-grpc``: the command line of sfn-grpc-client (start, watch, tail and draw Step Functions executions).

Written by hand (``make generate`` leaves this package alone); it uses only the generated stubs of
``sfngrpc.stepfunctions.v1``, so it talks to any sfn-grpc gateway.
"""
