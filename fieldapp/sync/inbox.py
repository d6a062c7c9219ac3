"""Reading the central drop on the coordinator's side: list the batch files, fetch one.

The drop is the same folder or WebDAV collection the devices deliver to (`transports.py`
writes it); files still under a temporary name are not batches yet and are skipped, and so are
symbolic links and anything that is not a regular file (a folder, a device, a pipe; on WebDAV a
collection). Reads are bounded: a file over `MAX_BATCH_BYTES` is refused (`TooLarge`) from its
size or as soon as that many bytes have come, never held whole; a WebDAV listing is parsed as
it streams in, up to `MAX_LISTING_BYTES`.
"""

from __future__ import annotations

import os
import stat
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Protocol
from urllib.parse import unquote, urlsplit

import httpx

from fieldapp.errors import UnavailableError
from fieldapp.sync.transports import DEFAULT_TIMEOUT_S, DropSettings

BATCH_SUFFIX = ".rbatch"
MAX_BATCH_BYTES = 80 * 1024 * 1024
MAX_LISTING_BYTES = 64 * 1024 * 1024  # a PROPFIND answer: some 200,000 files
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)  # POSIX; elsewhere the lstat check alone


class InboxError(UnavailableError):
    """The drop cannot be read; str() is one line."""


class TooLarge(InboxError):
    """A file of the drop over MAX_BATCH_BYTES: refused without being held."""

    def __init__(self, name: str) -> None:
        super().__init__("sync.inbox.too_large", name=name, mib=MAX_BATCH_BYTES // 2**20)


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
        try:
            with os.scandir(self.path) as entries:
                return sorted(
                    e.name
                    for e in entries
                    if _is_batch(e.name) and e.is_file(follow_symlinks=False)
                )
        except OSError as exc:
            raise InboxError(
                "sync.inbox.read_failed", name=self.path, detail=exc.strerror or exc
            ) from exc

    def read(self, name: str) -> bytes:
        path = self.path / name
        try:
            if not stat.S_ISREG(path.lstat().st_mode):  # replaced by a link since listed
                raise InboxError("sync.inbox.read_failed", name=name, detail="lien ou spécial")
            fd = os.open(path, os.O_RDONLY | _NOFOLLOW | getattr(os, "O_BINARY", 0))
            with os.fdopen(fd, "rb") as f:
                info = os.fstat(f.fileno())
                if not stat.S_ISREG(info.st_mode):
                    raise InboxError("sync.inbox.read_failed", name=name, detail="lien ou spécial")
                if info.st_size > MAX_BATCH_BYTES:
                    raise TooLarge(name)
                data = f.read(MAX_BATCH_BYTES + 1)
        except OSError as exc:
            raise InboxError(
                "sync.inbox.read_failed", name=name, detail=exc.strerror or exc
            ) from exc
        if len(data) > MAX_BATCH_BYTES:  # grew since its size was read
            raise TooLarge(name)
        return data

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
        base = urlsplit(self.url).path
        names = []
        try:
            with self._client.stream("PROPFIND", self.url, headers={"Depth": "1"}) as response:
                if response.status_code in (401, 403):
                    raise InboxError("sync.inbox.webdav_denied", url=self.url)
                if response.status_code != 207:
                    raise InboxError("sync.inbox.webdav_status", status=response.status_code)
                for href, collection in _listing(response):
                    path = unquote(urlsplit(href).path)
                    if collection or path.rstrip("/") == base.rstrip("/"):
                        continue
                    name = path.rsplit("/", 1)[-1]
                    if _is_batch(name):
                        names.append(name)
        except httpx.HTTPError as exc:
            raise InboxError("sync.inbox.webdav_unreachable", url=self.url, detail=exc) from exc
        return sorted(names)

    def read(self, name: str) -> bytes:
        """The file's bytes, streamed: refused (TooLarge) past MAX_BATCH_BYTES, never held."""
        try:
            with self._client.stream("GET", self.url + name) as response:
                if response.status_code != 200:
                    raise InboxError(
                        "sync.inbox.read_status", name=name, status=response.status_code
                    )
                announced = response.headers.get("Content-Length", "")
                if announced.isdigit() and int(announced) > MAX_BATCH_BYTES:
                    raise TooLarge(name)
                data = bytearray()
                for chunk in response.iter_bytes():
                    data += chunk
                    if len(data) > MAX_BATCH_BYTES:
                        raise TooLarge(name)
        except httpx.HTTPError as exc:
            raise InboxError("sync.inbox.read_failed", name=name, detail=exc) from exc
        return bytes(data)

    def close(self) -> None:
        self._client.close()


def _listing(response: httpx.Response) -> Iterator[tuple[str, bool]]:
    """(href, is a collection) of each `response` of a PROPFIND answer, parsed as it streams."""
    # expat, which bounds entity expansion
    parser: ET.XMLPullParser[ET.Element] = ET.XMLPullParser(events=("end",))
    size = 0
    try:
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > MAX_LISTING_BYTES:
                raise InboxError("sync.inbox.webdav_unreadable")
            parser.feed(chunk)
            yield from _responses(parser)
        parser.close()
        yield from _responses(parser)
    except ET.ParseError as exc:
        raise InboxError("sync.inbox.webdav_unreadable") from exc


def _responses(parser: ET.XMLPullParser[ET.Element]) -> Iterator[tuple[str, bool]]:
    for event in parser.read_events():
        element = event[-1] if isinstance(event, tuple) else None
        if not isinstance(element, ET.Element) or element.tag != f"{_DAV}response":
            continue
        href = element.findtext(f"{_DAV}href") or ""
        collection = element.find(f".//{_DAV}resourcetype/{_DAV}collection") is not None
        element.clear()
        yield href, collection
