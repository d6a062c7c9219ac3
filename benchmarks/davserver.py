"""A real WebDAV server (wsgidav on cheroot) on 127.0.0.1, with a fault-injecting WSGI wrapper.

Used by the sync tests (fixture `dav` in tests/conftest.py) and by benchmarks/bench_sync.py. Nothing
is mocked: requests go through httpx, TCP, cheroot and wsgidav to real files in a folder. The
wrapper sits in front of wsgidav and, when a fault is armed, answers instead of it, delays the
answer, cuts the connection in the middle of an upload, or deletes a file right after wsgidav
stored it.
"""

from __future__ import annotations

import errno
import logging
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from cheroot import wsgi
from wsgidav.wsgidav_app import WsgiDAVApp

USER = "terrain"
PASSWORD = "mot-de-passe-de-test"  # test-only

StartResponse = Callable[..., Any]


@dataclass
class Fault:
    """One armed fault: applies to the next `times` requests matching `method` (None: any).

    kind: "status" (answer `status` instead of the server), "slow" (sleep `delay` s, then let the
    server answer), "reset" (read `partial` bytes of the body, leave them as a partial file under
    the request's name, then drop the connection), "remove_after" (let the server answer, then
    delete the destination file it just stored).
    """

    kind: str
    method: str | None = None
    status: int = 500
    delay: float = 0.0
    partial: int = 100
    times: int = 1
    hits: int = 0


_REASONS = {
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not Found",
    500: "Internal Server Error",
    502: "Bad Gateway",
    503: "Service Unavailable",
    507: "Insufficient Storage",
}


class FaultInjector:
    def __init__(self, app: Any, root: Path) -> None:
        self.app = app
        self.root = root
        self.faults: list[Fault] = []
        self.log: list[tuple[str, str]] = []
        self._lock = threading.Lock()

    def arm(self, fault: Fault) -> Fault:
        with self._lock:
            self.faults.append(fault)
        return fault

    def clear(self) -> None:
        with self._lock:
            self.faults.clear()

    def _take(self, method: str) -> Fault | None:
        with self._lock:
            for fault in self.faults:
                if fault.method in (None, method) and fault.hits < fault.times:
                    fault.hits += 1
                    return fault
        return None

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        method = environ["REQUEST_METHOD"]
        path = unquote(environ.get("PATH_INFO", ""))
        with self._lock:
            self.log.append((method, path))
        fault = self._take(method)
        if fault is None:
            return self.app(environ, start_response)  # type: ignore[no-any-return]
        if fault.kind == "status":
            body = f"fault {fault.status}".encode()
            headers = [("Content-Type", "text/plain"), ("Content-Length", str(len(body)))]
            if fault.status == 401:
                headers.append(("WWW-Authenticate", 'Basic realm="test"'))
            start_response(f"{fault.status} {_REASONS.get(fault.status, 'Error')}", headers)
            return [body]
        if fault.kind == "slow":
            time.sleep(fault.delay)
            return self.app(environ, start_response)  # type: ignore[no-any-return]
        if fault.kind == "reset":
            stream = environ["wsgi.input"]
            data = stream.read(fault.partial)
            # What a server may keep of an interrupted upload: a partial file under its name.
            target = self.root / path.lstrip("/")
            if target.parent.is_dir():
                target.write_bytes(data)
            # cheroot drops the connection without an answer on ECONNRESET from the app; the
            # unread rest of the body makes the kernel send a TCP reset to the client.
            raise ConnectionResetError(errno.ECONNRESET, "fault: connection reset")
        if fault.kind == "remove_after":
            result = list(self.app(environ, start_response))
            destination = environ.get("HTTP_DESTINATION")
            victim = destination.split("/", 3)[-1] if destination else path.lstrip("/")
            (self.root / unquote(victim)).unlink(missing_ok=True)
            return result
        raise AssertionError(f"unknown fault {fault.kind}")


class DavServer:
    """wsgidav + cheroot in a thread; `url` is the collection, `root` the folder it serves."""

    def __init__(self, root: Path, *, auth: bool = True, tls_dir: Path | None = None) -> None:
        self.root = root
        root.mkdir(parents=True, exist_ok=True)
        config: dict[str, Any] = {
            "host": "127.0.0.1",
            "port": 0,
            "provider_mapping": {"/": str(root)},
            "verbose": 0,
            "logging": {"enable": False, "enable_loggers": []},
            "property_manager": True,
            "lock_storage": True,
            "dir_browser": {"enable": False},
            "http_authenticator": {
                "domain_controller": None,
                "accept_basic": True,
                "accept_digest": False,
                "default_to_digest": False,
            },
            "simple_dc": {"user_mapping": {"*": {USER: {"password": PASSWORD}} if auth else True}},
        }
        logging.getLogger("wsgidav").setLevel(logging.CRITICAL)
        self.faults = FaultInjector(WsgiDAVApp(config), root)
        self.server = wsgi.Server(("127.0.0.1", 0), self.faults, numthreads=8)
        self.server.expiration_interval = 0.05  # so that stop() returns at once
        scheme = "http"
        if tls_dir is not None:
            from cheroot.ssl.builtin import BuiltinSSLAdapter

            cert, key = _self_signed(tls_dir)
            self.server.ssl_adapter = BuiltinSSLAdapter(str(cert), str(key))
            scheme = "https"
        self.server.prepare()
        self.port = self.server.bind_addr[1]
        self.url = f"{scheme}://127.0.0.1:{self.port}/"
        self._thread = threading.Thread(target=self.server.serve, daemon=True)
        self._thread.start()

    def files(self, pattern: str = "*") -> dict[str, bytes]:
        """Files now on the server (name → bytes), hidden temporary files included."""
        return {p.name: p.read_bytes() for p in sorted(self.root.glob(pattern)) if p.is_file()}

    def batches(self) -> dict[str, bytes]:
        return self.files("*.rbatch")

    def stop(self) -> None:
        self.server.stop()
        self._thread.join(timeout=5)


def _self_signed(folder: Path) -> tuple[Path, Path]:
    """A throwaway self-signed certificate for 127.0.0.1 (that no system store trusts)."""
    import datetime
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(hours=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .sign(key, hashes.SHA256())
    )
    folder.mkdir(parents=True, exist_ok=True)
    cert_path, key_path = folder / "cert.pem", folder / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path
