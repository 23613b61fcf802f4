import sys

from verzuimdesk.cli import main

sys.exit(main())
