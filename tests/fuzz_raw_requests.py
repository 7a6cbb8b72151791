"""atheris over raw request bytes: every input is sent as it is to one RPC of a live gateway.

The first byte of an input picks the RPC (of every RPC of the service), the rest is the request's
bytes as they travel on the wire: anything from a valid message to truncated varints, wrong wire
types, invalid UTF-8 in strings, unknown and repeated fields, nesting past protobuf's depth limit.
The gateway's own modules are instrumented, so libFuzzer's mutations are guided by what the
server's decoding, validation and handlers do with them. Each answer is judged as the hypothesis
suite judges its calls (tests/fuzz_support.py): only documented client-error codes, each with an
ErrorInfo, and no invalid request at the backend. A failing input stops the run with an exception
and is written as `crash-<sha1>` under `-artifact_prefix`.

Run by tests/test_raw_request_fuzz.py with a bounded number of runs and time; by hand, for longer:

    .venv/bin/python -m tests.fuzz_raw_requests CORPUS_DIR -max_total_time=600

CORPUS_DIR (created when missing) gets a seed per RPC first: an empty request, a sensible one,
and for the paged RPCs one with a real page token; libFuzzer adds what it finds to it.
"""

from __future__ import annotations

import hashlib
import pathlib
import sys

import atheris

# Coverage feedback from the gateway's own code, whichever thread runs it (the server's loop).
with atheris.instrument_imports(include=["service"]):
    import service.server  # noqa: F401  # instrumented here, before fuzz_support imports it

from tests.fuzz_support import (  # after the instrumented imports
    METHODS,
    UNARY_SECONDS,
    WAITING,
    Live,
    live_gateway,
    plausible_request,
)

# A wait that does not end at once is judged as waiting after this long (keeps the run's pace).
WAIT_SECONDS = 0.2


def write_seeds(corpus: pathlib.Path, live: Live) -> None:
    """One file per seed input: the method's index byte, then the request's bytes."""
    corpus.mkdir(parents=True, exist_ok=True)
    for index, method in enumerate(METHODS):
        request = plausible_request(method.input_type)
        seeds = [b"", request.SerializeToString()]
        token_fields = [f.name for f in method.input_type.fields if f.json_name in ("nextToken", "resumeCursor")]
        for token in live.tokens.get(method.name, []):
            for name in token_fields:
                with_token = request.__class__()
                with_token.CopyFrom(request)
                setattr(with_token, name, token)
                seeds.append(with_token.SerializeToString())
        for seed in seeds:
            data = bytes([index]) + seed
            (corpus / f"seed-{hashlib.sha1(data).hexdigest()}").write_bytes(data)


def main() -> None:
    """Start the gateway, seed the corpus (the first argument that is not a libFuzzer flag), fuzz."""
    corpora = [arg for arg in sys.argv[1:] if not arg.startswith("-")]
    with live_gateway() as live:
        for corpus in corpora[:1]:
            write_seeds(pathlib.Path(corpus), live)

        def one_input(data: bytes) -> None:
            if not data:
                return
            method = METHODS[data[0] % len(METHODS)]
            live.judge_call(method, data[1:], WAIT_SECONDS if method.name in WAITING else UNARY_SECONDS)

        atheris.Setup(sys.argv, one_input)
        atheris.Fuzz()  # libFuzzer exits the process when the runs or the time are used up


if __name__ == "__main__":
    main()
