"""`python -m service`: run the sfn-grpc server (settings: flags, else SFN_GRPC_* variables)."""

from __future__ import annotations

import asyncio
import logging
import os
import sys
import threading

from service.config import ConfigurationError, load
from service.server import Server


def main(argv: list[str] | None = None) -> int:
    """Serve until SIGTERM or SIGINT; return the process exit code (1: cannot listen, 2: bad settings)."""
    config = load(argv)
    logging.basicConfig(
        level=config.log_level.upper(),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
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
