"""``python -m vigil`` is the ``vigil`` command."""
import sys

from vigil.cli.main import main

sys.exit(main())
