"""Entry point of the PyInstaller bundle: the same `fieldapp` command as the installed script
(`fieldapp` alone opens the window; see DESIGN.md § Command line)."""

from __future__ import annotations

import sys

from fieldapp.cli import main

if __name__ == "__main__":
    sys.exit(main())
