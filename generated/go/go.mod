// The Go client of the sfn-grpc gateway: messages and gRPC clients generated from proto/ by
// `make generate`. The module path is GO_MODULE in codegen/model.py (`make generate` writes it here
// and into every go_package); the versions below are pinned by hand.
module github.com/sfn-grpc/sfn-grpc/generated/go

go 1.25.0

require (
	google.golang.org/grpc v1.83.2
	google.golang.org/protobuf v1.36.12
)

require (
	golang.org/x/net v0.58.0 // indirect
	golang.org/x/sys v0.47.0 // indirect
	golang.org/x/text v0.41.0 // indirect
	google.golang.org/genproto/googleapis/rpc v0.0.0-20260526163538-3dc84a4a5aaa // indirect
)
