"""The frozen command-line program (verzuimdesk.exe: a console program)."""

import multiprocessing
import sys

from verzuimdesk.cli import main

if __name__ == "__main__":
    # spawned signal workers of a frozen program must run their task, not main()
    multiprocessing.freeze_support()
    sys.exit(main())
