// Command interop is a Go client of the sfn-grpc gateway built against the generated module
// (generated/go): tests/test_interop_go.py runs it against a live server and checks the JSON summary it
// prints. It starts an execution, follows its history stream to the terminal event, waits for it, and
// decodes the rich error details of a deliberately invalid call. The README's Go example is part of it.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	sfn "github.com/sfn-grpc/sfn-grpc/generated/go/sfngrpc/stepfunctions/v1"
	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/proto"
)

// summary is what the program prints: every field is checked by the test.
type summary struct {
	ExecutionArn   string   `json:"execution_arn"`
	EventTypes     []string `json:"event_types"`
	EventIDs       []int64  `json:"event_ids"`
	StreamStatus   string   `json:"stream_status"`
	WaitDone       bool     `json:"wait_done"`
	WaitStatus     string   `json:"wait_status"`
	Output         string   `json:"output"`
	ErrorCode      string   `json:"error_code"`
	ErrorReason    string   `json:"error_reason"`
	ErrorDomain    string   `json:"error_domain"`
	BadRequestKeys []string `json:"bad_request_fields"`
}

func main() {
	address := flag.String("address", "127.0.0.1:50051", "the gateway's host:port")
	machine := flag.String("state-machine", "", "ARN of the state machine to start")
	flag.Parse()
	// Bounded: the whole run, stream included, ends within this time or fails.
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	out, err := run(ctx, *address, *machine)
	if err != nil {
		fmt.Fprintln(os.Stderr, "interop:", err)
		os.Exit(1)
	}
	if err := json.NewEncoder(os.Stdout).Encode(out); err != nil {
		fmt.Fprintln(os.Stderr, "interop:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, address, machine string) (*summary, error) {
	conn, err := grpc.NewClient(address, grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	client := sfn.NewStepFunctionsServiceClient(conn)
	out := &summary{}

	started, err := client.StartExecution(ctx, &sfn.StartExecutionRequest{
		StateMachineArn: machine, Input: proto.String(`{"wait": false}`),
	})
	if err != nil {
		return nil, fmt.Errorf("StartExecution: %w", err)
	}
	out.ExecutionArn = started.GetExecutionArn()

	events, last, err := follow(ctx, client, out.ExecutionArn)
	if err != nil {
		return nil, fmt.Errorf("StreamExecutionHistory: %w", err)
	}
	for _, event := range events {
		out.EventTypes = append(out.EventTypes, event.GetType().String())
		out.EventIDs = append(out.EventIDs, event.GetId())
	}
	out.StreamStatus = last.String()

	waited, err := client.WaitExecution(ctx, &sfn.WaitExecutionRequest{ExecutionArn: out.ExecutionArn})
	if err != nil {
		return nil, fmt.Errorf("WaitExecution: %w", err)
	}
	out.WaitDone = waited.GetDone()
	out.WaitStatus = waited.GetExecution().GetStatus().String()
	out.Output = waited.GetExecution().GetOutput()

	// A deliberate error: the gateway explains it in google.rpc details on the status.
	_, err = client.DescribeExecution(ctx, &sfn.DescribeExecutionRequest{ExecutionArn: "not-an-arn"})
	out.ErrorCode = status.Code(err).String()
	info, fields := explain(err)
	out.ErrorReason, out.ErrorDomain, out.BadRequestKeys = info.GetReason(), info.GetDomain(), fields
	return out, nil
}

// follow returns an execution's history events as they happen; its terminal event ends the stream.
func follow(ctx context.Context, client sfn.StepFunctionsServiceClient, arn string) ([]*sfn.HistoryEvent, sfn.ExecutionStatus, error) {
	stream, err := client.StreamExecutionHistory(ctx, &sfn.StreamExecutionHistoryRequest{ExecutionArn: arn, Follow: true})
	if err != nil {
		return nil, 0, err
	}
	var events []*sfn.HistoryEvent
	var last sfn.ExecutionStatus
	for {
		page, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			return events, last, nil
		} else if err != nil {
			return nil, 0, err
		}
		events = append(events, page.GetEvents()...)
		last = page.GetExecutionStatus()
	}
}

// explain decodes the google.rpc details the gateway puts on an error's status.
func explain(err error) (info *errdetails.ErrorInfo, fields []string) {
	for _, detail := range status.Convert(err).Details() {
		switch d := detail.(type) {
		case *errdetails.ErrorInfo:
			info = d
		case *errdetails.BadRequest:
			for _, violation := range d.GetFieldViolations() {
				fields = append(fields, violation.GetField())
			}
		}
	}
	return info, fields
}
