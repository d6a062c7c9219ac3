"""Relais: offline, encrypted field notebook for outreach work and warm handovers."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("fieldapp")
except PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0+unknown"
