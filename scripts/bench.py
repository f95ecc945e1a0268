"""``make bench``: the public site under load, before and after, in one run.

1. Seeds a demo school with ``--posts`` posts into a database of its own (kept in
   ``--work``, and reused while it has that many posts).
2. Checks out ``--baseline`` (the version before the page cache) in a temporary git worktree.
3. Serves each of: the baseline, this version with its page cache (``cached``) and this version
   with the page cache switched off (``uncached``; the parts every page repeats still kept),
   one at a time, with the production settings under gunicorn as shipped (``gunicorn.conf.py``
   of each version), each on its own copy of the database.
4. Measures each page with ``wrk`` (req/s, p50/p95/p99), a static file through the same
   gunicorn, and counts the SQL queries of each page made without the page cache.
5. Prints one table and writes it, with the machine, into ``docs/benchmarks.md``.

Needs ``wrk`` (Debian: ``apt-get install wrk``). Run from the project folder.
"""

import argparse
import json
import os
import platform
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from datetime import date
from pathlib import Path
from urllib.request import urlopen

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"
LUA = Path(__file__).with_name("wrk_percentiles.lua")
DOC = ROOT / "docs" / "benchmarks.md"
BEGIN, END = "<!-- make bench: begin -->", "<!-- make bench: end -->"

PAGES = {
    "home": "/en-gb/",
    "class blog": "/en-gb/eagle/",
    "post": None,  # a benchmark post, found after seeding
    "timeline": "/en-gb/news/",
    "hashtag page": "/en-gb/news/tags/benchmark/",
    "search": "/en-gb/search/?q=learning",
}
COUNT_QUERIES = """
import json, sys
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
client = Client()
counts = {}
for name, url in json.loads(sys.argv[1]).items():
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        status = client.get(url).status_code
    counts[name] = len(queries) if status == 200 else f"HTTP {status}"
print(json.dumps(counts))
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run(command: list, cwd: Path = ROOT, env: dict | None = None) -> str:
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        sys.exit(f"{' '.join(map(str, command))} failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout


def environment(work: Path, name: str, database: Path, **extra) -> dict:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_", "REDIS_", "SCHOOLSITE_", "GUNICORN_"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="schoolsite.settings.production",
        SECRET_KEY="bench-only-" + "x" * 40,
        ALLOWED_HOSTS="127.0.0.1,localhost,testserver",
        DATABASE_URL=f"sqlite:///{database}",
        MEDIA_ROOT=str(work / "media"),
        PRIVATE_MEDIA_ROOT=str(work / "private-media"),
        STATIC_ROOT=str(work / name / "static"),
        PAGE_CACHE_DIR=str(work / name / "page-cache"),
        SECURE_SSL_REDIRECT="false",
        LOG_LEVEL="WARNING",
        **extra,
    )
    return env


def seed(work: Path, posts: int) -> Path:
    database = work / f"seed-{posts}.sqlite3"
    env = environment(work, "seed", database)
    env["DJANGO_SETTINGS_MODULE"] = "schoolsite.settings.dev"
    manage = [str(PYTHON), "manage.py"]
    fresh = not database.exists()
    if fresh:
        print(f"Seeding the demo school and {posts:,} posts (a few minutes, once)…", flush=True)
    # Also brings a database seeded by an older version up to this one's migrations.
    run([*manage, "migrate", "--noinput", "-v0"], env=env)
    if fresh:
        run([*manage, "seed_demo", "--verbosity", "0"], env=env)
    run([str(PYTHON), "manage.py", "seed_bench_posts", str(posts), "-v0"], env=env)
    return database


def baseline_tree(work: Path, ref: str) -> Path:
    tree = work / "baseline"
    if tree.exists():
        run(["git", "worktree", "remove", "--force", str(tree)])
    run(["git", "worktree", "add", "--detach", str(tree), ref])
    return tree


def collect_static(tree: Path, env: dict) -> None:
    env = {**env, "PYTHONPATH": str(tree)}
    run([str(PYTHON), "manage.py", "collectstatic", "--noinput", "-v0"], cwd=tree, env=env)


def start_server(tree: Path, env: dict) -> tuple[subprocess.Popen, str]:
    port = free_port()
    env = {**env, "GUNICORN_BIND": f"127.0.0.1:{port}", "PYTHONPATH": str(tree)}
    log = open(Path(env["STATIC_ROOT"]).parent / "gunicorn.log", "w")
    server = subprocess.Popen(
        [str(GUNICORN), "schoolsite.wsgi"],
        cwd=tree,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    address = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urlopen(address + "/en-gb/", timeout=30).read()
            return server, address
        except OSError:
            time.sleep(0.5)
    stop(server)
    sys.exit(f"gunicorn in {tree} did not start; see {log.name}")


def stop(server: subprocess.Popen) -> None:
    os.killpg(server.pid, signal.SIGTERM)
    server.wait(timeout=30)


def wrk(url: str, seconds: int, connections: int) -> dict:
    output = run(
        [
            "wrk",
            "-t2",
            f"-c{connections}",
            f"-d{seconds}s",
            "--timeout",
            "10s",
            "-s",
            str(LUA),
            url,
        ]
    )
    figures = json.loads(output.strip().splitlines()[-1])
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    figures["errors"] = int(errors[1]) if errors else 0
    return figures


def measure(address: str, pages: dict, seconds: int, connections: int) -> dict:
    results = {}
    for name, path in pages.items():
        urlopen(address + path, timeout=60).read()
        results[name] = wrk(address + path, seconds, connections)
        print(f"  {name:<14} {results[name]['rps']:>8.0f} req/s", flush=True)
    return results


def static_path(address: str) -> str:
    html = urlopen(address + "/en-gb/", timeout=60).read().decode()
    return re.search(r'href="(/static/css/site[^"]*\.css)"', html)[1]


def count_queries(tree: Path, env: dict, pages: dict) -> dict:
    """SQL queries of each page made afresh (no page cache), after a first view."""
    env = {**env, "SCHOOLSITE_PAGE_CACHE": "false", "PYTHONPATH": str(tree)}
    script = "import django\ndjango.setup()\n" + COUNT_QUERIES
    output = run([str(PYTHON), "-c", script, json.dumps(pages)], cwd=tree, env=env)
    return json.loads(output.strip().splitlines()[-1])


def machine() -> str:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    load = os.getloadavg()
    return (
        f"{os.cpu_count()} cores ({cpu}), Python {platform.python_version()}, "
        f"{platform.system()} {platform.release()}; load average before the run "
        f"{load[0]:.2f}"
    )


def table(runs: dict, queries: dict, static: dict) -> str:
    lines = [
        "| page | before: req/s | p50 / p99 ms | SQL | uncached: req/s | p50 / p95 / p99 ms "
        "| SQL | cached: req/s | p50 / p99 ms | cached ÷ static |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    static_rps = static["rps"]
    for name in runs["cached"]:
        before, uncached, cached = (runs[key][name] for key in ("baseline", "uncached", "cached"))
        lines.append(
            f"| {name} | {before['rps']:.0f} | {before['p50']:.0f} / {before['p99']:.0f} "
            f"| {queries['baseline'].get(name, '–')} | {uncached['rps']:.0f} "
            f"| {uncached['p50']:.0f} / {uncached['p95']:.0f} / {uncached['p99']:.0f} "
            f"| {queries['uncached'].get(name, '–')} | {cached['rps']:.0f} "
            f"| {cached['p50']:.1f} / {cached['p99']:.1f} | {cached['rps'] / static_rps:.2f} |"
        )
    lines.append(
        f"| static file | | | | | | | {static_rps:.0f} | {static['p50']:.1f} / "
        f"{static['p99']:.1f} | 1.00 |"
    )
    return "\n".join(lines)


def targets(runs: dict, static: dict) -> list[str]:
    checks = []
    for name, cached in runs["cached"].items():
        ratio = cached["rps"] / static["rps"]
        checks.append(f"cached {name}: {ratio:.2f}× static (target ≥ 0.6): {_ok(ratio >= 0.6)}")
    for name in ("class blog", "post"):
        ratio = runs["uncached"][name]["rps"] / runs["baseline"][name]["rps"]
        checks.append(f"uncached {name}: {ratio:.1f}× before (target ≥ 3): {_ok(ratio >= 3)}")
    p95 = runs["uncached"]["search"]["p95"]
    checks.append(f"uncached search p95: {p95:.0f} ms (target ≤ 100 ms): {_ok(p95 <= 100)}")
    return checks


def _ok(met: bool) -> str:
    return "met" if met else "NOT met"


def write_doc(report: str) -> None:
    text = DOC.read_text()
    block = f"{BEGIN}\n{report}\n{END}"
    if BEGIN in text:
        text = re.sub(re.escape(BEGIN) + ".*?" + re.escape(END), lambda m: block, text, flags=re.S)
    else:
        text = text.rstrip() + "\n\n## Public pages under load (`make bench`)\n\n" + block + "\n"
    DOC.write_text(text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=10_000)
    parser.add_argument("--baseline", default="4726807")
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--work", type=Path, default=ROOT / ".bench")
    parser.add_argument("--no-doc", action="store_true", help="print only")
    options = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed: apt-get install wrk")
    work = options.work.resolve()
    work.mkdir(parents=True, exist_ok=True)
    before_load = machine()
    database = seed(work, options.posts)
    baseline = baseline_tree(work, options.baseline)
    commit = run(["git", "rev-parse", "--short", "HEAD"]).strip()

    pages = dict(PAGES)
    post_slug = f"bench-week-{options.posts // 2}"
    variants = {
        "baseline": (baseline, {}),
        "uncached": (ROOT, {"SCHOOLSITE_PAGE_CACHE": "false"}),
        "cached": (ROOT, {}),
    }
    runs, queries, static = {}, {}, None
    for name, (tree, extra) in variants.items():
        copy = work / name / "db.sqlite3"
        copy.parent.mkdir(exist_ok=True)
        shutil.rmtree(work / name / "page-cache", ignore_errors=True)
        shutil.copy(database, copy)
        env = environment(work, name, copy, **extra)
        if pages["post"] is None:
            class_slug = run(
                [
                    str(PYTHON),
                    "-c",
                    "import django; django.setup()\n"
                    "from blogs.models import BlogPostPage\n"
                    f"print(BlogPostPage.objects.get(slug='{post_slug}').get_parent().slug)",
                ],
                env=env,
            ).strip()
            pages["post"] = f"/en-gb/{class_slug}/{post_slug}/"
        collect_static(tree, env)
        if name != "cached":
            queries[name] = count_queries(tree, env, pages)
        print(f"{name} ({tree.name}):", flush=True)
        server, address = start_server(tree, env)
        try:
            runs[name] = measure(address, pages, options.seconds, options.connections)
            if name == "cached":
                static = wrk(address + static_path(address), options.seconds, options.connections)
                print(f"  {'static file':<14} {static['rps']:>8.0f} req/s", flush=True)
        finally:
            stop(server)
    run(["git", "worktree", "remove", "--force", str(baseline)])

    report = "\n".join(
        [
            f"Measured {date.today().isoformat()} by `make bench` at {commit} (before: "
            f"{options.baseline}), {options.posts:,} posts, SQLite, production settings under "
            f"each version's gunicorn as shipped; `wrk -t2 -c{options.connections} "
            f"-d{options.seconds}s` on the same machine as the servers.",
            "",
            f"Machine: {before_load}.",
            "",
            table(runs, queries, static),
            "",
            *(f"- {check}" for check in targets(runs, static)),
        ]
    )
    print()
    print(report)
    if not options.no_doc:
        write_doc(report)
        print(f"\nWritten into {DOC.relative_to(ROOT)}.")


if __name__ == "__main__":
    main()
