"""Where sealed batches go: a folder (share, USB key, synced cloud folder) or a WebDAV collection.

Both transports implement the same small protocol (`Transport`): `check()` says whether the
destination answers, `put(name, data, sha256)` delivers one batch file and returns only once the
destination has confirmed its **name, size and SHA-256**; anything else raises `DeliveryError`
with a stable short `reason` and a catalogue message (`str()` in the current language; never a
secret: no password, no URL userinfo).

Delivery is idempotent, so a batch may safely be sent again after a crash or a lost answer:

* the file is written under a temporary name beginning with "." (never taken for a batch by the
  merge, which reads `*.rbatch` only), then moved to its final name *without overwriting*;
* if the final name already holds the same bytes, the batch counts as delivered;
* if it holds different bytes, nothing is replaced and the delivery fails with an alarm
  (`conflict`): a batch is never delivered twice under two names, nor replaced silently.

The coordinator's return files (sync/returns.py) are the one kind of file that is replaced on
purpose: `replace` moves the new file over the old one atomically (temporary name, then rename
or `MOVE` with `Overwrite: T`) and reads it back; `get` reads a file, None when absent.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import ipaddress
import os
import re
import secrets
import ssl
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final, Literal, Protocol
from urllib.parse import quote, urlsplit, urlunsplit

import httpx

from fieldapp.errors import InputError, UnavailableError
from fieldapp.messages import Text, render

__all__ = [
    "DEFAULT_TIMEOUT_S",
    "CheckResult",
    "Delivery",
    "DeliveryError",
    "DropError",
    "DropSettings",
    "FolderTransport",
    "Transport",
    "WebDavTransport",
    "make_transport",
]

DEFAULT_TIMEOUT_S: Final = 30.0
# A batch is at most 64 MiB of ciphertext plus its small header: never read more than this back.
_MAX_READBACK: Final = 65 * 1024 * 1024
_CHUNK: Final = 1024 * 1024

DropKind = Literal["folder", "webdav"]


# --- Settings -------------------------------------------------------------------------------


class DropError(InputError, ValueError):
    """A destination that cannot be used as given; str() is one line in the current language."""


@dataclass(frozen=True, repr=False)
class DropSettings:
    """A delivery destination. `password` is a secret: keep it in the encrypted profile only."""

    kind: DropKind
    location: str
    username: str | None = None
    password: str | None = None

    def __repr__(self) -> str:
        # Never the password, even in a traceback or a debug log.
        return f"DropSettings({self.describe()!r})"

    @classmethod
    def parse(
        cls,
        text: str,
        *,
        username: str | None = None,
        password: str | None = None,
        allow_insecure: bool = False,
    ) -> DropSettings:
        """A folder path or an http(s) URL, as typed by a person; raises DropError."""
        text = text.strip()
        if not text:
            raise DropError("sync.drop.empty")
        if text.lower().startswith(("http://", "https://")):
            return cls.webdav(
                text, username=username, password=password, allow_insecure=allow_insecure
            )
        if username or password:
            raise DropError("sync.drop.account_without_webdav")
        return cls(kind="folder", location=str(Path(text).expanduser().absolute()))

    @classmethod
    def webdav(
        cls,
        url: str,
        *,
        username: str | None = None,
        password: str | None = None,
        allow_insecure: bool = False,
    ) -> DropSettings:
        parts = urlsplit(url.strip())
        if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
            raise DropError("sync.drop.webdav_invalid")
        if parts.username is not None or parts.password is not None:
            # Credentials inside a URL end up in logs and screenshots: keep them apart.
            raise DropError("sync.drop.credentials_in_url")
        if parts.query or parts.fragment:
            raise DropError("sync.drop.query_in_url")
        if (
            parts.scheme.lower() == "http"
            and (username or password)
            and not (allow_insecure or _is_loopback(parts.hostname))
        ):
            raise DropError("sync.drop.insecure_http")
        path = parts.path if parts.path.endswith("/") else parts.path + "/"
        location = urlunsplit((parts.scheme.lower(), parts.netloc, path, "", ""))
        return cls(kind="webdav", location=location, username=username, password=password)

    def describe(self) -> str:
        """For people and logs: where, never the password."""
        if self.kind == "folder":
            return render("sync.drop.folder", {"path": self.location})
        if self.username:
            return render("sync.drop.webdav_account", {"url": self.location, "user": self.username})
        return self.location

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "location": self.location,
            "username": self.username,
            "password": self.password,
        }

    def public_json(self) -> dict[str, Any]:
        """Everything but the password (for the GUI, `--json` output and logs)."""
        return {
            "kind": self.kind,
            "location": self.location,
            "username": self.username,
            "has_password": bool(self.password),
        }

    @classmethod
    def from_json(cls, data: Any) -> DropSettings:
        if not isinstance(data, dict) or data.get("kind") not in ("folder", "webdav"):
            raise DropError("sync.drop.settings_unreadable")
        location, username, password = (
            data.get("location"),
            data.get("username"),
            data.get("password"),
        )
        if not isinstance(location, str) or not location:
            raise DropError("sync.drop.settings_unreadable")
        for value in (username, password):
            if value is not None and not isinstance(value, str):
                raise DropError("sync.drop.settings_unreadable")
        return cls(kind=data["kind"], location=location, username=username, password=password)


def _is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


# --- Protocol -------------------------------------------------------------------------------


@dataclass(frozen=True)
class CheckResult:
    """ "Connection available": the destination answered. `reason` as DeliveryError's.

    `text` is rendered when shown (`message`), so a result read later is in the reader's language.
    """

    ok: bool
    text: Text
    reason: str = "ok"

    @property
    def message(self) -> str:
        return str(self.text)

    @classmethod
    def failed(cls, error: DeliveryError) -> CheckResult:
        return cls(False, error.text, error.reason)


@dataclass(frozen=True)
class Delivery:
    """A confirmed delivery: `location` is where the file now is (no secret)."""

    location: str
    already_present: bool = False


class DeliveryError(UnavailableError):
    """A batch that did not arrive, or whose arrival could not be confirmed.

    `reason` is a short stable category (tests, outbox column `reason_code`); `code` is the
    catalogue key of the message and `text` the message itself, stored with the failure so that
    the outbox shows it in the reader's language. `stop` means the destination itself is the
    problem (unreachable, refused, full): the other batches of the run would fail the same way,
    so the run stops there.
    """

    def __init__(self, reason: str, code: str, /, *, stop: bool = True, **params: object) -> None:
        super().__init__(code, **params)
        self.reason = reason
        self.stop = stop

    @property
    def text(self) -> Text:
        return Text(self.code, **self.params)


class Transport(Protocol):
    @property
    def description(self) -> str: ...

    def check(self) -> CheckResult: ...

    def put(self, name: str, data: bytes, sha256: str) -> Delivery: ...

    def replace(self, name: str, data: bytes, sha256: str) -> Delivery: ...

    def get(self, name: str) -> bytes | None: ...

    def close(self) -> None: ...


def make_transport(drop: DropSettings, *, timeout: float = DEFAULT_TIMEOUT_S) -> Transport:
    if drop.kind == "folder":
        return FolderTransport(Path(drop.location))
    return WebDavTransport(drop.location, drop.username, drop.password, timeout=timeout)


def _temp_name(name: str) -> str:
    # Not ".part": Nextcloud reserves that extension for its own partial files and refuses it.
    return f".{name}.upload"


def _same(actual: bytes, size: int, sha256: str) -> bool:
    return len(actual) == size and hashlib.sha256(actual).hexdigest() == sha256


def _conflict(name: str, where: Text) -> DeliveryError:
    return DeliveryError("conflict", "sync.delivery.conflict", name=name, where=where, stop=False)


# --- Folder ---------------------------------------------------------------------------------

# Indirections that tests use to inject faults at the exact system call (disk full...).
_os_write = os.write
_os_fsync = os.fsync

# Errors of os.link that only mean "this file system cannot make hard links".
_NO_HARDLINK = frozenset(
    {errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK, errno.ENOSYS}
)


class FolderTransport:
    """Delivery into a folder: write a temporary file, fsync, move into place, read back."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)

    @property
    def description(self) -> str:
        return render("sync.drop.folder", {"path": self.path})

    def close(self) -> None:
        pass

    def check(self) -> CheckResult:
        if not self.path.is_dir():
            return CheckResult.failed(self._missing())
        if not os.access(self.path, os.W_OK):
            return CheckResult.failed(self._os_error(PermissionError(errno.EACCES, "")))
        return CheckResult(True, Text("sync.check.folder_ok", path=self.path))

    def put(self, name: str, data: bytes, sha256: str) -> Delivery:
        # Never create the folder: a missing mount point (USB key unplugged, share offline) must
        # not turn into a "delivery" onto the local disk.
        if not self.path.is_dir():
            raise self._missing()
        final = self.path / name
        temp = self.path / f"{_temp_name(name)}.{secrets.token_hex(4)}"
        try:
            try:
                self._write_temp(temp, data)
                placed = self._place(temp, final)
            finally:
                with contextlib.suppress(OSError):
                    temp.unlink()
            if not placed:
                existing = self._read(final)
                if existing is not None and _same(existing, len(data), sha256):
                    self._remove_leftovers(name)
                    return Delivery(str(final), already_present=True)
                if existing is not None:
                    raise _conflict(name, Text("sync.delivery.in_folder", path=self.path))
                # It vanished between the two steps: say so, a later attempt will retry.
                raise self._vanished(name)
            _fsync_dir(self.path)
        except OSError as exc:
            raise self._os_error(exc) from None
        back = self._read(final)
        if back is None:
            raise self._vanished(name)
        if not _same(back, len(data), sha256):
            raise DeliveryError(
                "mismatch", "sync.delivery.folder_mismatch", name=name, path=self.path
            )
        self._remove_leftovers(name)
        return Delivery(str(final))

    def replace(self, name: str, data: bytes, sha256: str) -> Delivery:
        if not self.path.is_dir():
            raise self._missing()
        final = self.path / name
        temp = self.path / f"{_temp_name(name)}.{secrets.token_hex(4)}"
        try:
            try:
                self._write_temp(temp, data)
                temp.replace(final)  # atomic: a reader sees the old file or the new one
            finally:
                with contextlib.suppress(OSError):
                    temp.unlink()
            _fsync_dir(self.path)
        except OSError as exc:
            raise self._os_error(exc) from None
        back = self._read(final)
        if back is None:
            raise self._vanished(name)
        if not _same(back, len(data), sha256):
            raise DeliveryError(
                "mismatch", "sync.delivery.folder_mismatch", name=name, path=self.path
            )
        return Delivery(str(final))

    def get(self, name: str) -> bytes | None:
        if not self.path.is_dir():
            raise self._missing()
        return self._read(self.path / name)

    def _write_temp(self, temp: Path, data: bytes) -> None:
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
        fd = os.open(temp, flags, 0o600)  # user-only, like every file Relais writes
        try:
            view = memoryview(data)
            while view:
                written = _os_write(fd, view[:_CHUNK])
                view = view[written:]
            _os_fsync(fd)
        finally:
            os.close(fd)

    def _place(self, temp: Path, final: Path) -> bool:
        """Move temp to final without replacing anything; False if final already exists."""
        if sys.platform != "win32":
            try:
                os.link(temp, final)  # atomic, and fails if the name is taken
                return True
            except FileExistsError:
                return False
            except OSError as exc:
                if exc.errno not in _NO_HARDLINK:
                    raise
        # No hard links here (FAT USB keys, some shares). Windows' rename never overwrites; on
        # POSIX the check-then-rename leaves a tiny window, acceptable on such media.
        if final.exists():
            return False
        try:
            temp.rename(final)
        except FileExistsError:
            return False
        return True

    def _read(self, path: Path) -> bytes | None:
        try:
            with path.open("rb") as handle:
                return handle.read(_MAX_READBACK)
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise self._os_error(exc) from None

    def _remove_leftovers(self, name: str) -> None:
        # Temporary files of earlier interrupted attempts at this same batch.
        prefix = _temp_name(name) + "."
        with contextlib.suppress(OSError):
            for leftover in self.path.iterdir():
                if leftover.name.startswith(prefix):
                    with contextlib.suppress(OSError):
                        leftover.unlink()

    def _missing(self) -> DeliveryError:
        return DeliveryError("unreachable", "sync.delivery.folder_missing", path=self.path)

    def _vanished(self, name: str) -> DeliveryError:
        return DeliveryError(
            "vanished", "sync.delivery.folder_vanished", name=name, path=self.path, stop=False
        )

    def _os_error(self, exc: OSError) -> DeliveryError:
        code = exc.errno
        if code in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
            return DeliveryError("disk_full", "sync.delivery.disk_full", path=self.path)
        if code in (errno.ENOENT, errno.ENOTDIR):
            return self._missing()
        if code in (errno.EACCES, errno.EPERM):
            return DeliveryError("permission", "sync.delivery.permission", path=self.path)
        if code == errno.EROFS:
            return DeliveryError("read_only", "sync.delivery.read_only", path=self.path)
        detail = exc.strerror or type(exc).__name__
        return DeliveryError("io", "sync.delivery.io", path=self.path, detail=detail)


def _fsync_dir(folder: Path) -> None:
    if sys.platform == "win32":
        return  # a folder cannot be opened as a file there; NTFS journals the rename
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError as exc:
        # Network and FUSE file systems refuse a folder fsync: only "not supported" there.
        if exc.errno not in (errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EBADF):
            raise
    finally:
        os.close(fd)


# --- WebDAV ---------------------------------------------------------------------------------

_COLLECTION_RE: Final = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?collection[\s/>]")
_PROPFIND_BODY: Final = (
    b'<?xml version="1.0" encoding="utf-8"?>'
    b'<D:propfind xmlns:D="DAV:"><D:prop><D:resourcetype/></D:prop></D:propfind>'
)


def _system_tls() -> ssl.SSLContext:
    # The system's certificate store (Windows store, /etc/ssl...), as the organisation's IT
    # department manages it, rather than a bundle shipped with the app.
    return ssl.create_default_context()


class WebDavTransport:
    """Delivery to a WebDAV collection (Nextcloud and the like) through httpx.

    PUT to a temporary name, MOVE to the final name with `Overwrite: F`, then GET it back to
    confirm size and SHA-256. Basic authentication; TLS checked against the system store.
    """

    def __init__(
        self,
        url: str,
        username: str | None = None,
        password: str | None = None,
        *,
        timeout: float = DEFAULT_TIMEOUT_S,
        verify: ssl.SSLContext | bool | None = None,
    ) -> None:
        self.url = url if url.endswith("/") else url + "/"
        self.timeout = timeout
        auth = httpx.BasicAuth(username, password or "") if username else None
        self._client = httpx.Client(
            auth=auth,
            timeout=httpx.Timeout(timeout),
            verify=_system_tls() if verify is None else verify,
            follow_redirects=False,
            headers={"User-Agent": "Relais"},
        )

    @property
    def description(self) -> str:
        return self.url

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> WebDavTransport:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def _target(self, name: str) -> str:
        return self.url + quote(name)

    def check(self) -> CheckResult:
        try:
            response = self._client.request(
                "PROPFIND",
                self.url,
                headers={"Depth": "0", "Content-Type": "application/xml"},
                content=_PROPFIND_BODY,
            )
        except httpx.HTTPError as exc:
            return CheckResult.failed(self._network_error(exc))
        if response.status_code != 207:
            return CheckResult.failed(self._status_error(response.status_code, "check"))
        if not _is_collection(response.content):
            return CheckResult(False, Text("sync.check.not_webdav", url=self.url), "not_found")
        return CheckResult(True, Text("sync.check.webdav_ok", url=self.url))

    def put(self, name: str, data: bytes, sha256: str) -> Delivery:
        final = self._target(name)
        # A fixed temporary name per batch: a retry overwrites what an interrupted upload left,
        # and two runs sending the same batch at once upload the same bytes there.
        temp = self._target(_temp_name(name))
        try:
            self._put_temp(temp, data)
            response = self._client.request(
                "MOVE", temp, headers={"Destination": final, "Overwrite": "F"}
            )
            if response.status_code in (412, 404):
                # 412: the final name exists (an earlier attempt arrived after all, or someone
                # else's file). 404: our temporary file is gone (another run moved it).
                existing = self._fetch(final)
                if response.status_code == 412:
                    self._delete_quietly(temp)
                if existing is not None and _same(existing, len(data), sha256):
                    return Delivery(final, already_present=True)
                if existing is not None:
                    raise _conflict(name, Text("sync.delivery.on_server"))
                raise self._vanished(name)
            if response.status_code not in (201, 204):
                raise self._status_error(response.status_code, "move")
            back = self._fetch(final)
        except httpx.HTTPError as exc:
            raise self._network_error(exc) from None
        if back is None:
            raise self._vanished(name)
        if not _same(back, len(data), sha256):
            raise DeliveryError("mismatch", "sync.delivery.server_mismatch", name=name)
        return Delivery(final)

    def _put_temp(self, temp: str, data: bytes) -> None:
        """Upload to the temporary name a MOVE then makes final (put and replace alike)."""
        response = self._client.put(
            temp, content=data, headers={"Content-Type": "application/octet-stream"}
        )
        if response.status_code not in (200, 201, 204):
            raise self._status_error(response.status_code, "put")

    def replace(self, name: str, data: bytes, sha256: str) -> Delivery:
        final = self._target(name)
        temp = self._target(_temp_name(name))
        try:
            self._put_temp(temp, data)
            response = self._client.request(
                "MOVE", temp, headers={"Destination": final, "Overwrite": "T"}
            )
            if response.status_code not in (201, 204):
                raise self._status_error(response.status_code, "move")
            back = self._fetch(final)
        except httpx.HTTPError as exc:
            raise self._network_error(exc) from None
        if back is None:
            raise self._vanished(name)
        if not _same(back, len(data), sha256):
            raise DeliveryError("mismatch", "sync.delivery.server_mismatch", name=name)
        return Delivery(final)

    def get(self, name: str) -> bytes | None:
        try:
            return self._fetch(self._target(name))
        except httpx.HTTPError as exc:
            raise self._network_error(exc) from None

    def _fetch(self, url: str) -> bytes | None:
        """The file's bytes, None if absent; raises DeliveryError on other answers."""
        with self._client.stream("GET", url) as response:
            if response.status_code == 404:
                return None
            if response.status_code != 200:
                raise self._status_error(response.status_code, "get")
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > _MAX_READBACK:
                    break
                chunks.append(chunk)
            return b"".join(chunks)

    def _delete_quietly(self, url: str) -> None:
        with contextlib.suppress(httpx.HTTPError):
            self._client.delete(url)

    def _vanished(self, name: str) -> DeliveryError:
        return DeliveryError("vanished", "sync.delivery.server_vanished", name=name, stop=False)

    def _status_error(self, status: int, step: str) -> DeliveryError:
        if status == 401:
            return DeliveryError("auth", "sync.delivery.auth")
        if status == 403:
            return DeliveryError("forbidden", "sync.delivery.forbidden")
        if status in (404, 409):
            return DeliveryError(
                "not_found", "sync.delivery.not_found", status=status, url=self.url
            )
        if status == 405:
            return DeliveryError("not_allowed", "sync.delivery.not_allowed")
        if status == 507:
            return DeliveryError("storage_full", "sync.delivery.storage_full")
        if 300 <= status < 400:
            return DeliveryError("redirect", "sync.delivery.redirect", status=status)
        if status >= 500:
            return DeliveryError("server", "sync.delivery.server", status=status)
        return DeliveryError("http", "sync.delivery.http", status=status, step=step)

    def _network_error(self, exc: httpx.HTTPError) -> DeliveryError:
        if isinstance(exc, httpx.TimeoutException):
            return DeliveryError("timeout", "sync.delivery.timeout", seconds=f"{self.timeout:g}")
        if isinstance(exc, httpx.ConnectError):
            if _is_tls_error(exc):
                return DeliveryError("tls", "sync.delivery.tls")
            return DeliveryError("unreachable", "sync.delivery.server_unreachable")
        if isinstance(exc, (httpx.ReadError, httpx.WriteError, httpx.RemoteProtocolError)):
            return DeliveryError("interrupted", "sync.delivery.interrupted")
        return DeliveryError("network", "sync.delivery.network", error=type(exc).__name__)


def _is_tls_error(exc: BaseException) -> bool:
    seen: BaseException | None = exc
    for _ in range(6):
        if seen is None:
            return False
        if isinstance(seen, ssl.SSLError) or "CERTIFICATE_VERIFY_FAILED" in str(seen):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def _is_collection(body: bytes) -> bool:
    # A pattern rather than an XML parser: the answer comes from the network, and one element
    # name is all we need from it.
    return _COLLECTION_RE.search(body) is not None
