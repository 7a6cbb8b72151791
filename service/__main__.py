"""`python -m service`: run the sfn-grpc server (settings: flags, else SFN_GRPC_* variables)."""

from __future__ import annotations

import asyncio
import logging
import sys

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


if __name__ == "__main__":
    sys.exit(main())
