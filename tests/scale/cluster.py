"""A school group's site on one machine, as the README's "Several app servers" deploys it: two
gunicorn app servers with the production settings behind nginx (``deploy/nginx.conf`` and its
proxy cache), sharing one PostgreSQL, one Redis and one S3 bucket (moto's server).

Everything runs on free ports of 127.0.0.1 with its files in one throwaway folder, and is
stopped and deleted when the block ends, whatever happened. Slow steps run side by side:
migrations beside ``collectstatic`` and moto's start, the two app servers beside nginx.
"""

import json
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

import boto3

from tests import nginx_server

from . import services
from .web_client import Client

BUCKET = "oakfield-media"
# Room the cluster's files need (about 100 MB), with a margin.
SCRATCH_BYTES = 1024**3
S3_CREDENTIALS = {"AWS_ACCESS_KEY_ID": "scale-test", "AWS_SECRET_ACCESS_KEY": "scale-test"}
# Settings from the developer's shell that would point the servers elsewhere.
FOREIGN_SETTINGS = (
    "DJANGO_",
    "DATABASE_",
    "REDIS_",
    "PAGE_CACHE_",
    "SCHOOLSITE_",
    "GUNICORN_",
    "WEB_CONCURRENCY",
    "AWS_",
    "FRONTEND_CACHE_",
    "CLOUDFLARE_",
)


@dataclass
class Cluster:
    """Where each part answers, and what ``tests/scale/seed.py`` made."""

    nginx: str
    apps: list[str]
    s3_endpoint: str
    school: dict
    access_log: Path
    start_up: dict[str, float]
    redis: services.Server
    folder: Path

    def visitor(self, source: str | None = None) -> Client:
        """A browser that goes through nginx, as every visitor does."""
        return Client(self.nginx, "nginx", source=source)

    def app(self, number: int) -> Client:
        """A browser whose every request nginx sends to app server ``number`` (1 or 2)."""
        return Client(self.apps[number - 1], f"app server {number}", as_forwarded_by=self.nginx)

    @contextmanager
    def redis_stopped(self) -> Iterator[None]:
        """Redis down for the block; started again, empty, after it."""
        self.redis.stop()
        try:
            yield
        finally:
            self.redis.start_again()

    def log_tails(self) -> dict[str, str]:
        """The end of each app server's log and of nginx's errors, to see why a test failed."""
        logs = {
            **{f"app server {n}": self.folder / f"app{n}" / "gunicorn.log" for n in (1, 2)},
            "nginx": self.folder / "nginx" / "error.log",
        }
        return {
            name: "\n".join(path.read_text(errors="replace").splitlines()[-30:])
            for name, path in logs.items()
            if path.exists()
        }

    def bucket(self):
        return boto3.resource("s3", endpoint_url=self.s3_endpoint, **_boto3_credentials()).Bucket(
            BUCKET
        )


def _boto3_credentials() -> dict:
    return {
        "aws_access_key_id": S3_CREDENTIALS["AWS_ACCESS_KEY_ID"],
        "aws_secret_access_key": S3_CREDENTIALS["AWS_SECRET_ACCESS_KEY"],
        "region_name": "us-east-1",
    }


def app_environment(folder: Path, database: str, redis: str, s3: str, nginx: str) -> dict:
    """The production settings every app server (and the seed) runs with: all shared state in
    PostgreSQL, Redis and the bucket; purges sent to nginx."""
    env = {key: value for key, value in os.environ.items() if not key.startswith(FOREIGN_SETTINGS)}
    return {
        **env,
        "DJANGO_SETTINGS_MODULE": "schoolsite.settings.production",
        # The same on every app server: it signs sessions, form tokens and rate-limit hashes.
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "CSRF_TRUSTED_ORIGINS": nginx,
        # Plain HTTP on the loopback; a deployment has TLS in front of nginx.
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": database,
        "REDIS_URL": redis,
        "AWS_STORAGE_BUCKET_NAME": BUCKET,
        "AWS_S3_ENDPOINT_URL": s3,
        "AWS_S3_REGION_NAME": "us-east-1",
        **S3_CREDENTIALS,
        "FRONTEND_CACHE_PURGE_URL": nginx,
        # nginx appends the visitor's address to X-Forwarded-For.
        "SCHOOLSITE_TRUSTED_PROXY_COUNT": "1",
        "STATIC_ROOT": str(folder / "static"),
        "MEDIA_ROOT": str(folder / "media"),
        "PRIVATE_MEDIA_ROOT": str(folder / "private-media"),
        "WEB_CONCURRENCY": "2",
        "LOG_LEVEL": "WARNING",
    }


def _scratch_space() -> str | None:
    """Memory (``/dev/shm``) when it has room, else the temporary folder: the cluster writes
    and deletes thousands of files (PostgreSQL's, ``collectstatic``'s) that need no disk."""
    memory = Path("/dev/shm")  # noqa: S108 - mkdtemp makes a folder of our own in it
    if memory.is_dir() and shutil.disk_usage(memory).free > SCRATCH_BYTES:
        return str(memory)
    return None


@contextmanager
def running_cluster() -> Iterator[Cluster]:
    folder = Path(tempfile.mkdtemp(prefix="schoolsite-scale-", dir=_scratch_space()))
    # PostgreSQL runs as its own user when the tests run as root, and must reach its folder.
    folder.chmod(0o755)
    clock = StartUpClock()
    with ExitStack() as stack:
        stack.callback(shutil.rmtree, folder, ignore_errors=True)
        database = services.postgresql(stack, folder / "postgresql")
        redis, redis_url = services.redis(stack, folder / "redis")
        s3, endpoint = services.s3(stack, folder / "s3")
        nginx_port = services.free_port()
        nginx = f"http://127.0.0.1:{nginx_port}"
        env = app_environment(folder, database, redis_url, endpoint, nginx)
        preparing = [
            services.Command(name, [sys.executable, "manage.py", *command], folder / log, env)
            for name, command, log in (
                ("migrate", ["migrate", "--noinput"], "migrate.log"),
                ("collectstatic", ["collectstatic", "--noinput"], "collectstatic.log"),
            )
        ]
        for command in preparing:
            stack.callback(command.stop)
        redis.wait()
        s3.wait()
        boto3.client("s3", endpoint_url=endpoint, **_boto3_credentials()).create_bucket(
            Bucket=BUCKET
        )
        for command in preparing:
            command.wait()
        clock.lap("PostgreSQL, Redis, S3; migrate, collectstatic")

        # nginx first, so that the seed's purges reach it; the app servers load while the school
        # is written (nothing is cached before it is).
        app_ports = [services.free_port() for _ in range(2)]
        site = nginx_server.site_config(
            nginx_port,
            app_ports,
            {
                "static_collected": folder / "static",
                "media": folder / "media",
                "private-media": folder / "private-media",
            },
            cache=folder / "nginx-cache",
        )
        access_log = stack.enter_context(nginx_server.running(folder / "nginx", nginx_port, site))
        apps = services.app_servers(stack, folder, env, app_ports)
        school = _seed(env, nginx)
        for server, _address in apps:
            server.wait()
        clock.lap("nginx, app servers, seed")
        yield Cluster(
            nginx=nginx,
            apps=[address for _server, address in apps],
            s3_endpoint=endpoint,
            school=school,
            access_log=access_log,
            start_up=clock.laps,
            redis=redis,
            folder=folder,
        )


class StartUpClock:
    """How long each step of the start took, for the test run's summary."""

    def __init__(self) -> None:
        self.laps: dict[str, float] = {}
        self._since = time.monotonic()

    def lap(self, step: str) -> None:
        now = time.monotonic()
        self.laps[step] = now - self._since
        self._since = now


def _seed(env: dict, nginx: str) -> dict:
    result = subprocess.run(
        [sys.executable, "-m", "tests.scale.seed", nginx],
        cwd=services.ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"seeding the school failed:\n{result.stdout}\n{result.stderr}")
    return json.loads(result.stdout.strip().splitlines()[-1])
