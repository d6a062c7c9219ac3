"""Child process of the SIGKILL harness in test_keyfile.py.

Usage: keyfile_crash_child.py KEYFILE PREFIX START LIMIT

Changes the passphrase of KEYFILE from PREFIX+START to PREFIX+(START+1), then +2, … until LIMIT
or until the parent kills it. Prints "ready" once imported, then "done N" after each change has
fully returned (main file and backup written): the parent treats those lines as acknowledgements.
"""

from __future__ import annotations

import sys
from pathlib import Path

from fieldapp.storage.keyfile import change_passphrase


def main(argv: list[str]) -> None:
    path = Path(argv[1])
    prefix = argv[2]
    index = int(argv[3])
    limit = int(argv[4])
    print("ready", flush=True)
    while index < limit:
        change_passphrase(path, f"{prefix}{index}", f"{prefix}{index + 1}")
        index += 1
        print(f"done {index}", flush=True)


if __name__ == "__main__":
    main(sys.argv)
