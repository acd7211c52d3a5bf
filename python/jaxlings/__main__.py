"""`python -m jaxlings …` runs the `jaxlings` command (editors start `jaxlings serve` this way)."""

import sys

from .cli import main

sys.exit(main())
