"""The real servers of a school group's site, each on a free port of 127.0.0.1 with its files in
a throwaway folder: PostgreSQL 15, Redis, moto's S3 server and gunicorn app servers (nginx is
``tests/nginx_server.py``).

Each server's stop is registered on an ``ExitStack`` as it starts, so whatever fails, every
process the test started is stopped. Servers start at once and are waited for separately
(:meth:`Server.wait`), so that slow ones start side by side.
"""

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
START_SECONDS = 60


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def accepts_connections(port: int) -> Callable[[], bool]:
    def check() -> bool:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
        except OSError:
            return False
        return True

    return check


def answers_http(url: str) -> Callable[[], bool]:
    """Ready once it answers anything at all (a redirect, a 404 …)."""

    def check() -> bool:
        try:
            urllib.request.urlopen(url, timeout=5).close()
        except urllib.error.HTTPError:
            return True
        except OSError:
            return False
        return True

    return check


class Server:
    """A server process this test started, its log, and how to tell that it is ready."""

    def __init__(
        self,
        name: str,
        command: list,
        log: Path,
        ready: Callable[[], bool],
        env: dict | None = None,
        stop_signal: int = signal.SIGTERM,
    ) -> None:
        self.name, self.log, self.ready, self.stop_signal = name, log, ready, stop_signal
        self.command, self.env = command, env
        self.process = self._run()

    def _run(self) -> subprocess.Popen:
        with self.log.open("ab") as output:
            return subprocess.Popen(
                self.command, cwd=ROOT, env=self.env, stdout=output, stderr=subprocess.STDOUT
            )

    def wait(self) -> None:
        deadline = time.monotonic() + START_SECONDS
        while not self.ready():
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"{self.name} did not start:\n{self.log_tail()}")
            time.sleep(0.05)

    def log_tail(self, lines: int = 40) -> str:
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])

    def stop(self) -> None:
        stop_together([self])

    def start_again(self) -> None:
        """After :meth:`stop`: the same server on the same port (empty, for Redis)."""
        self.process = self._run()
        self.wait()


def stop_together(servers: list[Server]) -> None:
    """Ask every server to stop, then wait for each (gunicorn takes seconds to)."""
    running = [server for server in servers if server.process.poll() is None]
    for server in running:
        server.process.send_signal(server.stop_signal)
    for server in running:
        try:
            server.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.process.kill()
            server.process.wait()


class Command:
    """A command run to its end beside others (``migrate``, ``collectstatic``), its output in a
    log."""

    def __init__(self, name: str, command: list, log: Path, env: dict) -> None:
        self.name, self.log = name, log
        with log.open("wb") as output:
            self.process = subprocess.Popen(
                command, cwd=ROOT, env=env, stdout=output, stderr=subprocess.STDOUT
            )

    def wait(self) -> None:
        if self.process.wait() != 0:
            raise RuntimeError(f"{self.name} failed:\n{self.log.read_text(errors='replace')}")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()


def start(stack: ExitStack, *args, **kwargs) -> Server:
    server = Server(*args, **kwargs)
    stack.callback(server.stop)
    return server


def require(program: str, package: str) -> str:
    found = shutil.which(program) or shutil.which(program, path="/usr/sbin:/sbin")
    if not found:
        raise RuntimeError(f"{program} is missing: apt-get install {package} (make scale-deps)")
    return found


def postgresql(stack: ExitStack, folder: Path) -> str:
    """A PostgreSQL cluster with one empty database; its ``DATABASE_URL``."""
    binaries = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
    if not binaries:
        raise RuntimeError("PostgreSQL is missing: apt-get install postgresql")
    pg_bin = binaries[-1].parent
    folder.mkdir()
    # PostgreSQL refuses to run as root: as root (CI), it runs as Debian's postgres user.
    as_owner = []
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres", "postgres")
        as_owner = ["runuser", "-u", "postgres", "--"]
    data, port = folder / "data", free_port()

    def run(*command) -> None:
        subprocess.run([*as_owner, *command], check=True, capture_output=True, cwd=folder)

    run(pg_bin / "initdb", "-D", data, "-A", "trust", "-U", "postgres", "--encoding=UTF8")
    # Throwaway data: no waiting for the disk.
    options = f"-h 127.0.0.1 -p {port} -k {folder} -c fsync=off -c synchronous_commit=off"
    run(pg_bin / "pg_ctl", "-D", data, "-l", folder / "server.log", "-w", "-o", options, "start")
    stack.callback(
        subprocess.run,
        [*as_owner, pg_bin / "pg_ctl", "-D", data, "-m", "immediate", "stop"],
        capture_output=True,
        cwd=folder,
    )
    run(pg_bin / "createdb", "-h", "127.0.0.1", "-p", str(port), "-U", "postgres", "schoolsite")
    return f"postgres://postgres@127.0.0.1:{port}/schoolsite"


def redis(stack: ExitStack, folder: Path) -> tuple[Server, str]:
    """A Redis server that keeps nothing on disk; it and its ``REDIS_URL``."""
    folder.mkdir()
    port = free_port()
    command = [require("redis-server", "redis-server"), "--bind", "127.0.0.1"]
    command += ["--port", str(port), "--save", "", "--appendonly", "no", "--dir", str(folder)]
    server = start(stack, "redis", command, folder / "redis.log", accepts_connections(port))
    return server, f"redis://127.0.0.1:{port}/0"


def s3(stack: ExitStack, folder: Path) -> tuple[Server, str]:
    """moto's S3-compatible server; it and its endpoint URL."""
    folder.mkdir()
    port = free_port()
    endpoint = f"http://127.0.0.1:{port}"
    command = [BIN / "moto_server", "-H", "127.0.0.1", "-p", str(port)]
    return start(stack, "moto", command, folder / "moto.log", answers_http(endpoint)), endpoint


def app_servers(
    stack: ExitStack, folder: Path, env: dict, ports: list[int]
) -> list[tuple[Server, str]]:
    """gunicorn serving the app as deployed (``gunicorn.conf.py``), on each of ``ports``: each
    server and its address. They start, and stop, side by side."""
    servers: list[Server] = []
    stack.callback(stop_together, servers)
    started = []
    for number, port in enumerate(ports, start=1):
        address = f"http://127.0.0.1:{port}"
        own = folder / f"app{number}"
        own.mkdir()
        # Each its own control socket: gunicorn's default is one per user, in $HOME.
        command = [BIN / "gunicorn", "schoolsite.wsgi", "--control-socket", own / "gunicorn.ctl"]
        server = Server(
            f"app server {number}",
            command,
            own / "gunicorn.log",
            answers_http(address),
            env={**env, "GUNICORN_BIND": f"127.0.0.1:{port}"},
            # gunicorn's quick shutdown: its workers stop at once.
            stop_signal=signal.SIGINT,
        )
        servers.append(server)
        started.append((server, address))
    return started
