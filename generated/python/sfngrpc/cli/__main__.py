"""``python -m sfngrpc.cli``: the same as the ``sfn-grpc`` console script."""

import sys

from sfngrpc.cli.app import main

sys.exit(main())
