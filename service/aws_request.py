"""One Step Functions request through botocore's own parts, without its per-call event pipeline.

A boto3 call runs a dozen events, parameter hooks, endpoint-ruleset resolution and botocore's retry
handler around what actually makes a request: the serializer, the signer, the HTTP session and, for
an error, the parser. This module calls exactly those parts, in botocore's order, with botocore's
own request dict, so the bytes on the wire are what `client.<operation>(**params)` sends (a test
compares them, signature included). What it leaves out does nothing for Step Functions' JSON
protocol with the gateway's configuration: botocore's retries are off, the gateway fills
idempotency tokens itself, and no checksum or compression trait applies. The endpoint is resolved
once per operation (its rules depend only on the client's region and settings).

A successful answer is its body, unparsed; an error raises the `ClientError` botocore would.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable, Mapping
from typing import Any

from botocore.awsrequest import create_request_object
from botocore.endpoint import convert_to_response_dict


class RequestSender:
    """Sends operations of one boto3 client (thread-safe: what it caches is immutable)."""

    def __init__(self, client: Any) -> None:
        self.client = client
        model = client.meta.service_model
        self._model = model
        self._service_id = model.service_id.hyphenize()
        self._events = client.meta.events
        self._endpoint = client._endpoint
        self._parser = self._endpoint._response_parser_factory.create_parser(model.resolved_protocol)
        self._resolved: dict[str, tuple[str, dict[str, str], dict[str, Any], dict[str, Any]]] = {}
        self._lock = threading.Lock()

    def send(
        self,
        operation_name: str,
        params: dict[str, Any],
        sent: threading.Event | None = None,
        on_answer: Callable[[Mapping[str, str]], None] | None = None,
    ) -> bytes:
        """The body of a successful answer; botocore's exceptions otherwise.

        `sent`, if given, is set as the request goes to the socket (see aws.py's `decode`);
        `on_answer`, if given, sees the headers of every answer, error or not (its request id).
        """
        operation = self._model.operation_model(operation_name)
        context = self._context(operation)
        url, headers, _, _ = self._resolved[operation_name]
        request_dict = self.client._convert_to_request_dict(
            api_params=params, operation_model=operation, endpoint_url=url, context=context, headers=dict(headers)
        )
        request = create_request_object(request_dict)  # the context travels with it, to the signer
        # Signs the request (botocore's signer listens here) and adds its retry headers.
        self._events.emit(
            f"request-created.{self._service_id}.{operation_name}", request=request, operation_name=operation_name
        )
        prepared = self._endpoint.prepare_request(request)
        answered = self._events.emit_until_response(
            f"before-send.{self._service_id}.{operation_name}", request=prepared
        )[1]
        if sent is not None:
            sent.set()
        http_response = answered if answered is not None else self._endpoint.http_session.send(prepared)
        if on_answer is not None:
            on_answer(http_response.headers)
        if http_response.status_code < 300:
            return bytes(http_response.content)
        response_dict = convert_to_response_dict(http_response, operation)
        parsed = self._parser.parse(response_dict, operation.output_shape)
        code = parsed.get("Error", {}).get("Code")
        raise self.client.exceptions.from_code(code)(parsed, operation_name)

    def _context(self, operation: Any) -> dict[str, Any]:
        """The request context botocore would make, with the operation's endpoint resolved once."""
        name = operation.name
        context: dict[str, Any] = {
            "client_region": self.client.meta.region_name,
            "client_config": self.client.meta.config,
            "has_streaming_input": operation.has_streaming_input,
            "auth_type": operation.resolved_auth_type,
            "unsigned_payload": operation.unsigned_payload,
            "auth_options": self._model.metadata.get("auth"),
            "retries": {"attempt": 1, "invocation-id": str(uuid.uuid4())},
        }
        if name not in self._resolved:
            with self._lock:
                probe = dict(context)
                url, headers, properties = self.client._resolve_endpoint_ruleset(operation, {}, probe)
                self._resolved[name] = (
                    url,
                    headers,
                    properties,
                    {k: probe[k] for k in ("auth_type", "signing") if k in probe},
                )
        _, _, properties, resolved = self._resolved[name]
        if properties:
            context["endpoint_properties"] = properties
        for key, value in resolved.items():
            context[key] = dict(value) if isinstance(value, dict) else value
        return context
