"""``python -m refcheck`` is the ``refcheck`` command."""

import sys

from refcheck.cli import main

sys.exit(main())
