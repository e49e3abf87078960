"""Entry point for ``python -m lkjip``."""

import sys

from lkjip.cli import main

sys.exit(main())
