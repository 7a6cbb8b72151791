"""`python -m service`: run the sfn-grpc server (settings: flags, else SFN_GRPC_* variables)."""

from __future__ import annotations

import asyncio
import ctypes
import logging
import os
import sys
import threading

# gRPC's C core logs on stderr in its own format, one INFO line per refused TLS handshake (anyone
# can cause them); only its errors belong in the gateway's log. Read when grpc is first imported, so
# set before that; an operator's own GRPC_VERBOSITY wins.
os.environ.setdefault("GRPC_VERBOSITY", "ERROR")

from service.access_log import configure_logging
from service.config import ConfigurationError, load
from service.server import Server

# glibc's mallopt parameters (malloc.h) and the values the gateway runs with.
_M_MMAP_THRESHOLD = -3
_M_ARENA_MAX = -8
_MMAP_THRESHOLD_BYTES = 128 * 1024
_ARENAS = 2


def _tune_malloc() -> None:
    """Give large buffers back to the system as soon as they are freed (glibc only; else nothing).

    History pages, their payloads and messages are buffers of up to megabytes that come and go
    with every page. glibc serves blocks above 128 KiB with mmap, and so returns them when freed,
    but raises that threshold after the first such free, after which they stay in its heap and the
    process's memory only grows (measured: one slow reader of 256 KiB events, 212 MiB of growth
    with glibc's defaults, 98 MiB with these). A fixed threshold and two arenas (not eight per core,
    one per thread that happens to allocate) keep it to what the gateway holds. An operator's own
    MALLOC_* variables win.
    """
    if os.environ.get("MALLOC_MMAP_THRESHOLD_") or os.environ.get("MALLOC_ARENA_MAX"):
        return
    try:
        libc = ctypes.CDLL("libc.so.6")
        libc.mallopt(_M_MMAP_THRESHOLD, _MMAP_THRESHOLD_BYTES)
        libc.mallopt(_M_ARENA_MAX, _ARENAS)
    except (OSError, AttributeError):
        pass  # not glibc: its allocator decides


def main(argv: list[str] | None = None) -> int:
    """Serve until SIGTERM or SIGINT; return the process exit code (1: cannot listen, 2: bad settings)."""
    _tune_malloc()
    config = load(argv)
    configure_logging(config.log_level)  # access lines as bare JSON; botocore's wire log held back
    try:
        asyncio.run(Server(config).run())
    except ConfigurationError as exc:
        logging.getLogger("service").error("cannot start: %s", exc)
        return 2
    except OSError as exc:
        logging.getLogger("service").error("cannot start: %s", exc)
        return 1
    return 0


def _exit(code: int) -> None:
    """Exit now, even if worker threads are still blocked in AWS requests.

    The drain has answered every caller by now. A thread still waiting on a socket works for a call
    that has ended, and Python would wait for it at exit: up to its socket timeout (70 s for a call
    without a deadline, 320 s for a long-running one), past Kubernetes' termination grace.
    """
    main = threading.main_thread()
    if any(t.is_alive() and not t.daemon and t is not main for t in threading.enumerate()):
        logging.shutdown()  # the log is flushed; nothing else is left to do
        sys.stderr.flush()
        os._exit(code)
    sys.exit(code)


if __name__ == "__main__":
    _exit(main())
