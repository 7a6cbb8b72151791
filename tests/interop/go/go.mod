// The Go interop client the tests build (tests/test_interop_go.py). It uses the generated module from
// this repository through the replace directive, as the README shows a Go user doing it.
module github.com/sfn-grpc/sfn-grpc/tests/interop/go

go 1.25.0

require (
	github.com/sfn-grpc/sfn-grpc/generated/go v0.0.0
	google.golang.org/genproto/googleapis/rpc v0.0.0-20260526163538-3dc84a4a5aaa
	google.golang.org/grpc v1.83.2
	google.golang.org/protobuf v1.36.12
)

require (
	golang.org/x/net v0.58.0 // indirect
	golang.org/x/sys v0.47.0 // indirect
	golang.org/x/text v0.41.0 // indirect
)

replace github.com/sfn-grpc/sfn-grpc/generated/go => ../../../generated/go
