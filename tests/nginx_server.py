"""Debian's nginx running ``deploy/nginx.conf`` for a test: its paths and ports replaced, the
rest as written, in a folder of the test's own.

``tests/schoolsite/test_nginx.py`` puts it in front of one live server, ``tests/scale/`` in front
of two gunicorn app servers. CI installs nginx and its cache-purge module with apt (``.ci/run``).
"""

import os
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CONFIG = ROOT / "deploy" / "nginx.conf"
MIME_TYPES = Path("/etc/nginx/mime.types")
# Debian's libnginx-mod-http-cache-purge, which answers the app's PURGE requests.
CACHE_PURGE_MODULE = Path("/usr/lib/nginx/modules/ngx_http_cache_purge_module.so")
MISSING = (
    "nginx or its cache-purge module is not installed: "
    "apt-get install nginx-light libnginx-mod-http-cache-purge (.ci/run does)"
)
# The access log says which app server answered and what the cache did, for the tests to read.
LOG_FORMAT = '$remote_addr "$request" $status upstream=$upstream_addr cache=$upstream_cache_status'


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def binary() -> str | None:
    """nginx, if it and the cache-purge module are installed."""
    found = shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin:/sbin")
    if found and MIME_TYPES.exists() and CACHE_PURGE_MODULE.exists():
        return found
    return None


def site_config(port: int, app_ports: list[int], folders: dict[str, Path], cache: Path) -> str:
    """deploy/nginx.conf with this machine's ports and folders in place of the examples.

    ``folders`` names the replacements for ``static_collected``, ``media`` and ``private-media``.
    """
    config = CONFIG.read_text()
    servers = "\n    ".join(f"server 127.0.0.1:{app_port};" for app_port in app_ports)
    replacements = {
        "listen 80;": f"listen 127.0.0.1:{port};",
        "server 127.0.0.1:8000;": servers,
        "/var/cache/nginx/schoolsite": str(cache),
        **{f"/srv/schoolsite/{name}/": f"{folder}/" for name, folder in folders.items()},
    }
    for example, here in replacements.items():
        assert example in config, f"deploy/nginx.conf no longer has {example!r}"
        config = config.replace(example, here)
    return config


def main_config(folder: Path, site: str) -> str:
    """What /etc/nginx/nginx.conf gives a site file, with every path inside ``folder``."""
    # Run as root (as CI is), workers would be "nobody" and could not read the test's folders.
    user = "user root;" if os.geteuid() == 0 else ""
    temp_paths = "\n".join(
        f"    {kind}_temp_path {folder / kind};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    return f"""
{user}
load_module {CACHE_PURGE_MODULE};
worker_processes 1;
pid {folder / "nginx.pid"};
error_log {folder / "error.log"};
events {{ worker_connections 256; }}
http {{
    include {MIME_TYPES};
    default_type application/octet-stream;
    log_format test '{LOG_FORMAT}';
    access_log {folder / "access.log"} test;
{temp_paths}
{site}
}}
"""


@contextmanager
def running(folder: Path, port: int, site: str) -> Iterator[Path]:
    """nginx with ``site`` on 127.0.0.1:``port`` until the block ends; yields its access log.

    Raises AssertionError (with nginx's words) if it is missing or will not start.
    """
    nginx = binary()
    assert nginx, MISSING
    folder.mkdir(parents=True, exist_ok=True)
    config = folder / "nginx.conf"
    config.write_text(main_config(folder, site))
    command = [nginx, "-p", str(folder), "-e", str(folder / "error.log"), "-c", str(config)]
    checked = subprocess.run([*command, "-t"], capture_output=True, text=True, check=False)
    assert checked.returncode == 0, checked.stderr
    server = subprocess.Popen([*command, "-g", "daemon off;"], stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise AssertionError(f"nginx did not start: {_log(folder)}") from None
                time.sleep(0.05)
        yield folder / "access.log"
    finally:
        server.terminate()
        server.wait(timeout=10)


def _log(folder: Path) -> str:
    path = folder / "error.log"
    return path.read_text() if path.exists() else ""
