"""The embedded backend of ``make run``: moto's Step Functions emulator, served in-process on loopback.

``SFN_GRPC_BACKEND=embedded`` starts :class:`EmbeddedBackend`, which runs moto's threaded server
(``moto.server.ThreadedMotoServer``, werkzeug in a daemon thread) on 127.0.0.1, switches on moto's
state machine *execution* and seeds a demo state machine (:data:`DEMO_DEFINITION`: Pass, Choice, Wait,
Parallel and Map). The gRPC server then builds its ordinary boto3 client against
:attr:`EmbeddedEndpoint.endpoint_url`, so the embedded backend exercises the same code path as AWS.

How execution is switched on
    moto keeps two Step Functions backends per account and region: a plain one that only records
    executions (they stay RUNNING forever and have no history) and the "parser" backend that
    interprets the ASL. ``moto.core.config.default_user_config["stepfunctions"]["execute_state_machine"]``
    picks one on every request. In server mode the supported way to set it is
    ``POST /moto-api/config`` with ``{"stepfunctions": {"execute_state_machine": true}}``, which is what
    :meth:`EmbeddedBackend.start` does (``@mock_aws(config=...)`` is the decorator-mode equivalent).
    A ``GET`` of that endpoint reports only ``batch`` and ``lambda``, so the result is checked in the
    in-process dict instead. The switch is process-global; the last backend to stop restores it.

moto 5.2.5 behaviours a gateway must know about (each observed against this server)
    * The two backends hold separate state: a state machine created *before* execution is switched
      on is invisible afterwards (and vice versa). That is why the switch comes before seeding.
    * An execution started without ``name`` is named ``None``: its ARN ends in ``:None`` and
      DescribeExecution/ListExecutions omit ``name``. Because moto compares names literally, a second
      unnamed StartExecution on the same state machine fails with ExecutionAlreadyExists (or, while the
      first is still RUNNING with the same input, returns the first). AWS would generate a UUID, so a
      gateway should fill in a name itself when the client leaves it out.
    * Reusing a name: same input while RUNNING returns the running execution; a closed execution or a
      different input gives ExecutionAlreadyExists (as on AWS).
    * GetExecutionHistory ignores ``maxResults``, ``nextToken``, ``reverseOrder`` and
      ``includeExecutionData``: it always returns every event, oldest first, with all data and no
      ``nextToken``. A gateway that promises paging or reverse order must do it itself.
    * History for the demo (default input): ExecutionStarted, then ``<Type>StateEntered`` /
      ``<Type>StateExited`` per state (Pass, Choice, Wait, Parallel, Map), ParallelStateStarted /
      ParallelStateSucceeded around the branches' Pass events, MapStateStarted (``length``),
      MapIterationStarted / MapIterationSucceeded per item around the iterations' Pass events,
      MapStateSucceeded, and ExecutionSucceeded last. ``previousEventId`` is 0 for both
      ExecutionStarted and the first StateEntered (AWS uses 1 for the latter). Events of the Map
      iterations and Parallel branches interleave as the worker threads run.
    * Wait really waits (wall-clock): the demo stays RUNNING for about 2 s, then DescribeExecution
      reports SUCCEEDED with ``output`` and ``stopDate``. ListExecutions honours ``maxResults`` and
      ``nextToken`` (moto's paginator).
    * StopExecution on a running execution interrupts the Wait and gives ABORTED with an
      ExecutionAborted event, but drops the ``error`` and ``cause`` it was given (DescribeExecution
      has neither). History read while RUNNING is the partial list so far.
    * CreateStateMachine with an existing name silently returns the existing state machine even if
      the definition or role differ (AWS raises StateMachineAlreadyExists); :meth:`EmbeddedBackend.start`
      therefore compares the definition and updates it when it differs.
    * Errors raised by moto's ASL layer carry an *empty* error code: a malformed definition gives HTTP
      400 with ``Code == ""`` rather than InvalidDefinition, and so does StartExecution with input
      that is not JSON (rather than InvalidExecutionInput); a gateway must not rely on the code alone
      for those. Errors of the plain layer (ExecutionDoesNotExist, ExecutionAlreadyExists,
      InvalidArn, ...) have their usual codes.
    * IAM is not consulted: the role ARN only has to match moto's ARN pattern (``"nope"`` gives
      InvalidArn), so :data:`DEMO_ROLE_ARN` needs no role behind it. The account is moto's default,
      123456789012, for any dummy credentials.
    * moto's ASL interpreter logs at ERROR level (logger ``moto.stepfunctions.parser...``, very long
      messages) whenever a JSONPath is missing, even inside ``IsPresent`` or a rule that falls through
      to ``Default``, and for every failing execution; it logs INFO lines for every Parallel branch
      it launches; ANTLR prints syntax errors of bad definitions to stderr. The demo avoids missing paths by merging its defaults into the input first.
    * werkzeug logs every request at INFO through its own stderr handler unless told otherwise; the
      backend raises that logger to WARNING when nobody has configured it.
    * moto's state is global per process (module-level backends keyed by account and region): two
      backends in one process are two doors to the same emulator, state outlives :meth:`stop` (a
      restart finds the demo again), and a ``mock_aws`` started in the same process resets it.
    * ``ThreadedMotoServer.start`` blocks forever if the port cannot be bound (werkzeug's
      ``sys.exit`` ends the server thread before it signals readiness); :meth:`EmbeddedBackend.start`
      checks the port first and bounds the wait.
"""

from __future__ import annotations

import json
import logging
import socket
import threading
import urllib.request
from dataclasses import dataclass
from types import TracebackType
from typing import Any, Final

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError
from moto.core.config import default_user_config
from moto.server import ThreadedMotoServer

__all__ = [
    "DEMO_DEFINITION",
    "DEMO_ROLE_ARN",
    "DEMO_STATE_MACHINE_NAME",
    "EmbeddedBackend",
    "EmbeddedEndpoint",
    "demo_instructions",
]

logger = logging.getLogger(__name__)

DEMO_STATE_MACHINE_NAME: Final = "sfn-grpc-demo"
"""Name of the demo state machine seeded by :meth:`EmbeddedBackend.start`."""

DEMO_ROLE_ARN: Final = "arn:aws:iam::123456789012:role/sfn-grpc-demo"
"""Role of the demo. moto only checks the ARN's shape, so no role has to exist behind it."""

# What the demo does without input; a client's input object overrides these keys.
_DEMO_DEFAULTS: Final[dict[str, Any]] = {"wait": True, "items": ["alpha", "beta", "gamma"]}
# The input shown in demo_instructions().
_DEMO_EXAMPLE_INPUT: Final[dict[str, Any]] = {"items": ["alpha", "beta"]}

_DEMO_DEFINITION_DOC: Final[dict[str, Any]] = {
    "Comment": (
        "sfn-grpc demo: Pass, Choice, Wait, Parallel and Map. Input (optional): "
        '{"items": [...], "wait": true|false}; wait=false skips the 2-second Wait.'
    ),
    "StartAt": "ApplyDefaults",
    "States": {
        # Merging defaults first means every path read later exists: moto logs an ERROR for each
        # missing JSONPath, even in a Choice rule that falls through to Default.
        "ApplyDefaults": {
            "Type": "Pass",
            "Parameters": {
                "merged.$": (
                    f"States.JsonMerge(States.StringToJson('{json.dumps(_DEMO_DEFAULTS, separators=(',', ':'))}'), $, false)"
                )
            },
            "OutputPath": "$.merged",
            "Next": "ShouldWait",
        },
        "ShouldWait": {
            "Type": "Choice",
            "Choices": [{"Variable": "$.wait", "BooleanEquals": True, "Next": "Pause"}],
            "Default": "FanOut",
        },
        # Long enough to see RUNNING in a DescribeExecution, short enough for tests.
        "Pause": {"Type": "Wait", "Seconds": 2, "Next": "FanOut"},
        "FanOut": {
            "Type": "Parallel",
            "Branches": [
                {
                    "StartAt": "Greet",
                    "States": {"Greet": {"Type": "Pass", "Result": "Hello from sfn-grpc", "End": True}},
                },
                {
                    "StartAt": "CountItems",
                    "States": {
                        "CountItems": {
                            "Type": "Pass",
                            "Parameters": {"count.$": "States.ArrayLength($.items)"},
                            "End": True,
                        }
                    },
                },
            ],
            "ResultPath": "$.parallel",
            "Next": "ForEachItem",
        },
        "ForEachItem": {
            "Type": "Map",
            "ItemsPath": "$.items",
            "ItemSelector": {"index.$": "$$.Map.Item.Index", "value.$": "$$.Map.Item.Value"},
            "ItemProcessor": {
                "ProcessorConfig": {"Mode": "INLINE"},
                "StartAt": "Describe",
                "States": {
                    "Describe": {
                        "Type": "Pass",
                        "Parameters": {"item.$": "States.Format('item {} is {}', $.index, $.value)"},
                        "End": True,
                    }
                },
            },
            "ResultPath": "$.results",
            "End": True,
        },
    },
}

DEMO_DEFINITION: Final[str] = json.dumps(_DEMO_DEFINITION_DOC, indent=2)
"""The demo's Amazon States Language definition (JSON): Pass, Choice, Wait, Parallel and Map states."""

# Dummy credentials for the seeding client: moto accepts any, and explicit ones keep a developer's
# real credentials (environment, ~/.aws) out of traffic that never leaves loopback.
_DUMMY_ACCESS_KEY_ID: Final = "testing"
_DUMMY_SECRET_ACCESS_KEY: Final = "testing"

# ThreadedMotoServer.start() waits for the server thread without a timeout; this bounds our wait.
_START_TIMEOUT_S: Final = 10.0

# moto's configuration is process-global, so it is switched on by the first backend to start and
# restored by the last one to stop (another backend in the same process may still be serving).
_config_lock = threading.Lock()
_config_users = 0
_saved_sfn_config: dict[str, Any] | None = None


@dataclass(frozen=True)
class EmbeddedEndpoint:
    """Where a started :class:`EmbeddedBackend` serves, and the demo state machine it seeded."""

    endpoint_url: str
    """Base URL of moto's server, ``http://127.0.0.1:<port>``; pass it to boto3 as ``endpoint_url``."""
    region: str
    """Region to give the boto3 client; moto keeps separate state per region."""
    demo_state_machine_arn: str
    """ARN of the demo state machine (:data:`DEMO_STATE_MACHINE_NAME`)."""


class EmbeddedBackend:
    """moto's Step Functions emulator, served in-process on loopback."""

    def __init__(self, region: str = "us-east-1", host: str = "127.0.0.1", port: int = 0) -> None:
        # port 0 lets the OS choose; werkzeug binds it as given and the bound port is read back.
        self._region = region
        self._host = host
        self._port = port
        self._lock = threading.Lock()
        self._server: ThreadedMotoServer | None = None
        self._endpoint: EmbeddedEndpoint | None = None
        self._holds_config = False

    def start(self) -> EmbeddedEndpoint:
        """Start the server, switch execution on, seed the demo and return where it all is.

        Calling it again while started returns the same endpoint.
        """
        with self._lock:
            if self._endpoint is not None:
                return self._endpoint
            _quiet_noisy_loggers()
            server = self._start_server()
            self._server = server
            try:
                host, port = server.get_host_and_port()
                endpoint_url = _http_url(host, port)
                _acquire_execution_config(endpoint_url)
                self._holds_config = True
                arn = _seed_demo(endpoint_url, self._region)
            except BaseException:
                self._stop_locked()
                raise
            self._endpoint = EmbeddedEndpoint(
                endpoint_url=endpoint_url, region=self._region, demo_state_machine_arn=arn
            )
            logger.info(
                "embedded Step Functions emulator (moto) listening on %s, region %s; demo state machine %s",
                endpoint_url,
                self._region,
                arn,
            )
            return self._endpoint

    def stop(self) -> None:
        """Stop the server, free its port and threads; does nothing if not started.

        moto's state (state machines, executions) is module-global and survives; see the module notes.
        """
        with self._lock:
            self._stop_locked()

    def __enter__(self) -> EmbeddedEndpoint:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

    def _start_server(self) -> ThreadedMotoServer:
        if self._port != 0:
            # werkzeug reports a busy port by printing and calling sys.exit() in the server thread,
            # which leaves ThreadedMotoServer.start() waiting forever: fail first, with an OSError.
            _check_bindable(self._host, self._port)
        server = ThreadedMotoServer(ip_address=self._host, port=self._port, verbose=False)
        # Still bounded, in case the port is taken between the check and werkzeug's bind. On that
        # (unlikely) path the starter thread stays blocked; it is a daemon and holds no socket.
        starter = threading.Thread(target=server.start, name="sfn-grpc-moto-start", daemon=True)
        starter.start()
        starter.join(_START_TIMEOUT_S)
        if starter.is_alive():
            raise RuntimeError(
                f"moto's server did not start on {self._host}:{self._port} within {_START_TIMEOUT_S:g} s"
            )
        return server

    def _stop_locked(self) -> None:
        server, self._server = self._server, None
        self._endpoint = None
        if server is None:
            return
        try:
            if self._holds_config:
                self._holds_config = False
                host, port = server.get_host_and_port()
                _release_execution_config(_http_url(host, port))
        finally:
            # shutdown() ends serve_forever(), which closes the listening socket; the thread is joined.
            server.stop()
            logger.info("embedded Step Functions emulator stopped")


def demo_instructions(endpoint: EmbeddedEndpoint, grpc_listen: str) -> str:
    """Multi-line text telling a user how to run the demo through the gRPC server at ``grpc_listen``.

    Shows the `sfn-grpc` command line (installed into .venv by make run), grpcurl (server reflection
    is on) and a Python client using the generated stubs.
    """
    cli = "sfn-grpc" if grpc_listen == "127.0.0.1:50051" else f"sfn-grpc --address {grpc_listen}"
    arn = endpoint.demo_state_machine_arn
    example_input = json.dumps(_DEMO_EXAMPLE_INPUT)
    start_body = json.dumps({"stateMachineArn": arn, "input": example_input})
    describe_body = json.dumps({"executionArn": "<executionArn from the reply>"})
    return "\n".join(
        [
            f"Embedded backend: moto's Step Functions emulator at {endpoint.endpoint_url} (region {endpoint.region}).",
            f"Demo state machine {DEMO_STATE_MACHINE_NAME} (Pass, Choice, Wait, Parallel, Map): {arn}",
            'It stays RUNNING for about 2 s (Wait), then SUCCEEDED; input {"wait": false} skips the Wait.',
            "",
            "In another shell, with the command line (.venv/bin/sfn-grpc):",
            f"  ARN=$({cli} start {DEMO_STATE_MACHINE_NAME})",
            f'  {cli} history --follow "$ARN"',
            f'  {cli} timeline "$ARN"',
            "",
            "Start an execution with grpcurl:",
            f"  grpcurl -plaintext -d '{start_body}' \\",
            f"    {grpc_listen} sfngrpc.stepfunctions.v1.StepFunctionsService/StartExecution",
            "and see how it is doing:",
            f"  grpcurl -plaintext -d '{describe_body}' \\",
            f"    {grpc_listen} sfngrpc.stepfunctions.v1.StepFunctionsService/DescribeExecution",
            "",
            "Or from Python:",
            "  import grpc",
            "  from sfngrpc.stepfunctions.v1 import executions_pb2, service_pb2_grpc",
            f"  with grpc.insecure_channel({grpc_listen!r}) as channel:",
            "      stub = service_pb2_grpc.StepFunctionsServiceStub(channel)",
            "      reply = stub.StartExecution(executions_pb2.StartExecutionRequest(",
            f"          state_machine_arn={arn!r},",
            f"          input={example_input!r}))",
            "      print(reply.execution_arn)",
        ]
    )


def _quiet_noisy_loggers() -> None:
    # werkzeug gives its logger level INFO and a stderr handler on first use unless a level is set,
    # which would print every boto3 call the gateway makes. Respect a level someone chose.
    # moto's ASL interpreter also logs a line per Parallel branch and Map iteration at INFO.
    for name in ("werkzeug", "moto"):
        noisy = logging.getLogger(name)
        if noisy.level == logging.NOTSET:
            noisy.setLevel(logging.WARNING)


def _http_url(host: str, port: int) -> str:
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"


def _check_bindable(host: str, port: int) -> None:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        # SO_REUSEADDR as werkzeug sets it, so connections in TIME_WAIT don't count as "in use".
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        probe.bind((host, port))


def _post_sfn_config(endpoint_url: str, sfn_config: dict[str, Any]) -> None:
    """Set moto's ``stepfunctions`` configuration the documented server-mode way."""
    request = urllib.request.Request(
        f"{endpoint_url}/moto-api/config",
        data=json.dumps({"stepfunctions": sfn_config}).encode(),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    # No proxies: an http_proxy in the environment must not divert loopback traffic.
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    with opener.open(request, timeout=5) as response:
        response.read()


def _acquire_execution_config(endpoint_url: str) -> None:
    global _config_users, _saved_sfn_config
    with _config_lock:
        if _config_users == 0:
            _saved_sfn_config = dict(default_user_config.get("stepfunctions", {}))
        _post_sfn_config(endpoint_url, {"execute_state_machine": True})
        # GET /moto-api/config does not report "stepfunctions"; we share the process, so look.
        if not default_user_config.get("stepfunctions", {}).get("execute_state_machine", False):
            raise RuntimeError("moto did not switch on Step Functions execution")
        _config_users += 1


def _release_execution_config(endpoint_url: str) -> None:
    global _config_users, _saved_sfn_config
    with _config_lock:
        _config_users -= 1
        if _config_users == 0 and _saved_sfn_config is not None:
            _post_sfn_config(endpoint_url, _saved_sfn_config)
            _saved_sfn_config = None


def _seed_demo(endpoint_url: str, region: str) -> str:
    """Create the demo state machine, or reuse (and if needed update) one left by an earlier start."""
    session = boto3.session.Session(
        aws_access_key_id=_DUMMY_ACCESS_KEY_ID,
        aws_secret_access_key=_DUMMY_SECRET_ACCESS_KEY,
        region_name=region,
    )
    client = session.client(
        "stepfunctions",
        endpoint_url=endpoint_url,
        # proxies={} keeps botocore from sending loopback traffic to an environment proxy.
        config=Config(proxies={}, connect_timeout=5, read_timeout=15, retries={"max_attempts": 2}),
    )
    try:
        try:
            created = client.create_state_machine(
                name=DEMO_STATE_MACHINE_NAME, definition=DEMO_DEFINITION, roleArn=DEMO_ROLE_ARN
            )
            arn = str(created["stateMachineArn"])
        except ClientError as error:
            # moto returns the existing state machine instead; AWS-like behaviour is handled anyway.
            if error.response.get("Error", {}).get("Code") != "StateMachineAlreadyExists":
                raise
            arn = _find_state_machine(client, DEMO_STATE_MACHINE_NAME)
        current = client.describe_state_machine(stateMachineArn=arn)
        if json.loads(current["definition"]) != _DEMO_DEFINITION_DOC or current["roleArn"] != DEMO_ROLE_ARN:
            logger.info("updating the existing demo state machine %s to the current definition", arn)
            client.update_state_machine(stateMachineArn=arn, definition=DEMO_DEFINITION, roleArn=DEMO_ROLE_ARN)
        return arn
    finally:
        client.close()


def _find_state_machine(client: Any, name: str) -> str:
    for page in client.get_paginator("list_state_machines").paginate():
        for machine in page["stateMachines"]:
            if machine["name"] == name:
                return str(machine["stateMachineArn"])
    raise LookupError(f"state machine {name!r} reported as existing but not listed")
