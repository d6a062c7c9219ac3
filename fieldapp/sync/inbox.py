"""Reading the central drop on the coordinator's side: list the batch files, fetch one.

The drop is the same folder or WebDAV collection the devices deliver to (`transports.py`
writes it); files still under a temporary name are not batches yet and are skipped.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Protocol
from urllib.parse import unquote, urlsplit

import httpx

from fieldapp.errors import UnavailableError
from fieldapp.sync.transports import DEFAULT_TIMEOUT_S, DropSettings

BATCH_SUFFIX = ".rbatch"
MAX_BATCH_BYTES = 80 * 1024 * 1024


class InboxError(UnavailableError):
    """The drop cannot be read; str() is one line."""


class Inbox(Protocol):
    def names(self) -> list[str]: ...

    def read(self, name: str) -> bytes: ...

    def close(self) -> None: ...


def open_inbox(drop: DropSettings, *, timeout: float = DEFAULT_TIMEOUT_S) -> Inbox:
    if drop.kind == "folder":
        return FolderInbox(Path(drop.location))
    return WebDavInbox(drop.location, drop.username, drop.password, timeout=timeout)


def _is_batch(name: str) -> bool:
    return name.endswith(BATCH_SUFFIX) and not name.startswith(".")


class FolderInbox:
    def __init__(self, path: Path) -> None:
        if not path.is_dir():
            raise InboxError("sync.inbox.folder_missing", path=path)
        self.path = path

    def names(self) -> list[str]:
        return sorted(p.name for p in self.path.iterdir() if p.is_file() and _is_batch(p.name))

    def read(self, name: str) -> bytes:
        try:
            with (self.path / name).open("rb") as f:
                return f.read(MAX_BATCH_BYTES + 1)
        except OSError as exc:
            raise InboxError(
                "sync.inbox.read_failed", name=name, detail=exc.strerror or exc
            ) from exc

    def close(self) -> None:
        pass


_DAV = "{DAV:}"


class WebDavInbox:
    def __init__(
        self,
        url: str,
        username: str | None,
        password: str | None,
        *,
        timeout: float = DEFAULT_TIMEOUT_S,
    ) -> None:
        self.url = url if url.endswith("/") else url + "/"
        auth = httpx.BasicAuth(username, password or "") if username else None
        self._client = httpx.Client(auth=auth, timeout=timeout, headers={"User-Agent": "Relais"})

    def names(self) -> list[str]:
        try:
            response = self._client.request("PROPFIND", self.url, headers={"Depth": "1"})
        except httpx.HTTPError as exc:
            raise InboxError("sync.inbox.webdav_unreachable", url=self.url, detail=exc) from exc
        if response.status_code in (401, 403):
            raise InboxError("sync.inbox.webdav_denied", url=self.url)
        if response.status_code != 207:
            raise InboxError("sync.inbox.webdav_status", status=response.status_code)
        try:
            root = ET.fromstring(response.content)  # noqa: S314 -- see the import note
        except ET.ParseError as exc:
            raise InboxError("sync.inbox.webdav_unreadable") from exc
        base = urlsplit(self.url).path
        names = []
        for href in root.iter(f"{_DAV}href"):
            path = unquote(urlsplit(href.text or "").path)
            if path.rstrip("/") == base.rstrip("/"):
                continue
            name = path.rsplit("/", 1)[-1]
            if _is_batch(name):
                names.append(name)
        return sorted(names)

    def read(self, name: str) -> bytes:
        try:
            response = self._client.get(self.url + name)
        except httpx.HTTPError as exc:
            raise InboxError("sync.inbox.read_failed", name=name, detail=exc) from exc
        if response.status_code != 200:
            raise InboxError("sync.inbox.read_status", name=name, status=response.status_code)
        return response.content[: MAX_BATCH_BYTES + 1]

    def close(self) -> None:
        self._client.close()
