import multiprocessing
import sys

from verzuimdesk.cli import main

if __name__ == "__main__":
    # a frozen (PyInstaller) program must let spawned signal workers run their task, not main()
    multiprocessing.freeze_support()
    sys.exit(main())
