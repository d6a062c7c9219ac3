"""Entry point of the PyInstaller bundle: the same `fieldapp` command as the installed script
(`fieldapp` alone opens the window; see DESIGN.md § Command line)."""

from __future__ import annotations

import multiprocessing
import sys

from fieldapp.cli import main

if __name__ == "__main__":
    # A large merge prepares batches in a spawned worker process (fieldapp/sync/merge_pipeline):
    # in a frozen bundle that worker starts this executable again, and this call turns it into
    # the worker instead of a second copy of the application.
    multiprocessing.freeze_support()
    sys.exit(main())
