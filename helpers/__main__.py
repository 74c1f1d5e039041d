"""`python -m helpers ...`: the command line (see `helpers.cli`)."""
import sys

from .cli import main

if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        sys.exit(130)
