"""``make bench``: the public site under load, before and after, in one run.

1. Seeds a demo school with ``--posts`` posts into a database of its own (kept in
   ``--work``, and reused while it has that many posts), with its search index built.
2. Checks out ``--baseline`` (the version before the page cache) in a temporary git worktree;
   its copy of the database is migrated back to that version's migrations.
3. Serves each of: the baseline, this version with its page cache (``cached``) and this version
   with the page cache switched off (``uncached``; the parts pages share still kept), one at a
   time, with the production settings under gunicorn as shipped (``gunicorn.conf.py`` of each
   version), each on its own copy of the database.
4. Measures each page with ``wrk`` (req/s, p50/p95/p99), a static file through the same
   gunicorn, and counts the SQL queries of each page made without the page cache; then one
   visitor searching at a time (the search's own latency, p50/p95/p99), on SQLite and, with
   ``--postgres``, on a PostgreSQL database seeded the same way.
5. Prints one table and writes it, with the machine and its load, into ``docs/benchmarks.md``.

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


def environment(work: Path, name: str, database_url: str, **extra) -> dict:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_", "REDIS_", "SCHOOLSITE_", "GUNICORN_"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="schoolsite.settings.production",
        SECRET_KEY="bench-only-" + "x" * 40,
        ALLOWED_HOSTS="127.0.0.1,localhost,testserver",
        DATABASE_URL=database_url,
        MEDIA_ROOT=str(work / "media"),
        PRIVATE_MEDIA_ROOT=str(work / "private-media"),
        STATIC_ROOT=str(work / name / "static"),
        PAGE_CACHE_DIR=str(work / name / "page-cache"),
        SECURE_SSL_REDIRECT="false",
        LOG_LEVEL="WARNING",
        **extra,
    )
    return env


def seed(work: Path, posts: int, database_url: str) -> None:
    """The demo school with ``posts`` posts in ``database_url``, its search index built."""
    env = environment(work, "seed", database_url)
    env["DJANGO_SETTINGS_MODULE"] = "schoolsite.settings.dev"
    manage = [str(PYTHON), "manage.py"]
    # Also brings a database seeded by an older version up to this one's migrations.
    run([*manage, "migrate", "--noinput", "-v0"], env=env)
    counted = json.loads(run([str(PYTHON), "-c", COUNT_PAGES], env=env).strip().splitlines()[-1])
    if counted["posts"] < posts:
        print(f"Seeding the demo school and {posts:,} posts (a few minutes, once)…", flush=True)
        run([*manage, "seed_demo", "--verbosity", "0"], env=env)
        run([*manage, "seed_bench_posts", str(posts), "-v0"], env=env)
    if counted["posts"] < posts or counted["indexed"] < counted["pages"]:
        # Pages are indexed by the task worker, which a seeded database never had.
        print("Building the search index…", flush=True)
        run([*manage, "update_index"], env=env)


COUNT_PAGES = """
import json, django
django.setup()
from modelsearch.conf import get_app_config
from modelsearch.utils import get_descendants_content_types_pks
from wagtail.models import Page
from blogs.models import BlogPostPage
from home.languages import in_default_language
entries = get_app_config().get_model("IndexEntry").objects
print(json.dumps({
    "posts": in_default_language(BlogPostPage.objects.all()).count(),
    "pages": Page.objects.filter(depth__gt=1).count(),
    "indexed": entries.filter(content_type__in=get_descendants_content_types_pks(Page)).count(),
}))
"""


def migrate_back(tree: Path, database_url: str, work: Path) -> None:
    """Undo, in a copy for ``tree`` (an older version), the migrations it does not have."""
    env = environment(work, "seed", database_url)
    env["DJANGO_SETTINGS_MODULE"] = "schoolsite.settings.dev"
    for app in ("home", "blogs"):
        theirs = sorted(p.stem for p in (tree / app / "migrations").glob("0*.py"))
        ours = sorted(p.stem for p in (ROOT / app / "migrations").glob("0*.py"))
        if theirs and theirs != ours:
            run([str(PYTHON), "manage.py", "migrate", app, theirs[-1], "-v0"], env=env)


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
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        # A worker still inside a long request (the version before's search of a word in
        # every post): its answer is not wanted.
        os.killpg(server.pid, signal.SIGKILL)
        server.wait()


def wrk(url: str, seconds: int, connections: int) -> dict:
    output = run(
        [
            "wrk",
            f"-t{min(2, connections)}",
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
        try:
            urlopen(address + path, timeout=WARM_UP_SECONDS).read()
        except OSError as error:
            # The version before this one took about half a minute per search of a word in
            # every post: no answer is the figure.
            print(f"  {name:<14} no answer in {WARM_UP_SECONDS} s ({error})", flush=True)
            results[name] = None
            continue
        results[name] = wrk(address + path, seconds, connections)
        print(f"  {name:<14} {results[name]['rps']:>8.0f} req/s", flush=True)
    return results


WARM_UP_SECONDS = 60


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
    return (
        f"{os.cpu_count()} cores ({cpu}), Python {platform.python_version()}, "
        f"{platform.system()} {platform.release()}"
    )


def load_average() -> str:
    """The 1, 5 and 15 minute load averages: how busy the machine was with other work."""
    return " / ".join(f"{load:.2f}" for load in os.getloadavg())


def _cell(figures: dict | None, keys: tuple[str, ...], digits: int = 0) -> tuple[str, str]:
    """(req/s, latencies) of one measurement, or a note that there was no answer."""
    if figures is None:
        return f"no answer in {WARM_UP_SECONDS} s", ""
    if not figures["rps"]:
        return "0 (none answered)", "–"
    latencies = " / ".join(f"{figures[key]:.{digits}f}" for key in keys)
    return f"{figures['rps']:.0f}", latencies


def table(runs: dict, queries: dict, static: dict) -> str:
    lines = [
        "| page | before: req/s | p50 / p99 ms | SQL | uncached: req/s | p50 / p95 / p99 ms "
        "| SQL | cached: req/s | p50 / p99 ms | cached ÷ static |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    static_rps = static["rps"]
    for name in runs["cached"]:
        before = _cell(runs["baseline"][name], ("p50", "p99"))
        uncached = _cell(runs["uncached"][name], ("p50", "p95", "p99"))
        cached = _cell(runs["cached"][name], ("p50", "p99"), digits=1)
        ratio = f"{runs['cached'][name]['rps'] / static_rps:.2f}" if runs["cached"][name] else "–"
        lines.append(
            f"| {name} | {before[0]} | {before[1]} | {queries['baseline'].get(name, '–')} "
            f"| {uncached[0]} | {uncached[1]} | {queries['uncached'].get(name, '–')} "
            f"| {cached[0]} | {cached[1]} | {ratio} |"
        )
    lines.append(
        f"| static file | | | | | | | {static_rps:.0f} | {static['p50']:.1f} / "
        f"{static['p99']:.1f} | 1.00 |"
    )
    return "\n".join(lines)


def search_table(searches: dict) -> str:
    lines = [
        "| one visitor searching, uncached | req/s | p50 / p95 / p99 ms |",
        "|---|---:|---:|",
    ]
    for database, figures in searches.items():
        rps, latencies = _cell(figures, ("p50", "p95", "p99"))
        lines.append(f"| {database} | {rps} | {latencies} |")
    return "\n".join(lines)


def targets(runs: dict, static: dict, searches: dict) -> list[str]:
    checks = []
    for name, cached in runs["cached"].items():
        ratio = cached["rps"] / static["rps"]
        checks.append(f"cached {name}: {ratio:.2f}× static (target ≥ 0.6): {_ok(ratio >= 0.6)}")
    for name in ("class blog", "post"):
        ratio = runs["uncached"][name]["rps"] / runs["baseline"][name]["rps"]
        checks.append(f"uncached {name}: {ratio:.1f}× before (target ≥ 3): {_ok(ratio >= 3)}")
    for database, figures in searches.items():
        p95 = figures["p95"] if figures else float("inf")
        checks.append(
            f"search p95 on {database}, one visitor at a time: {p95:.0f} ms "
            f"(target ≤ 100 ms): {_ok(p95 <= 100)}"
        )
    p95 = runs["uncached"]["search"]["p95"]
    checks.append(
        f"(uncached search p95 under the load above, {runs['uncached']['search']['rps']:.0f} "
        f"req/s: {p95:.0f} ms)"
    )
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


def post_address(env: dict, posts: int) -> str:
    """The benchmark's post in the middle of the list, in its class blog."""
    slug = f"bench-week-{posts // 2}"
    class_slug = run(
        [
            str(PYTHON),
            "-c",
            "import django; django.setup()\n"
            "from blogs.models import BlogPostPage\n"
            f"print(BlogPostPage.objects.get(slug='{slug}').get_parent().slug)",
        ],
        env=env,
    ).strip()
    return f"/en-gb/{class_slug}/{slug}/"


def search_alone(work: Path, name: str, database_url: str, seconds: int) -> dict | None:
    """One visitor searching at a time, this version without the page cache."""
    env = environment(work, name, database_url, SCHOOLSITE_PAGE_CACHE="false")
    collect_static(ROOT, env)
    server, address = start_server(ROOT, env)
    try:
        return measure(address, {"search": PAGES["search"]}, seconds, 1)["search"]
    finally:
        stop(server)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=10_000)
    parser.add_argument("--baseline", default="4726807")
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--work", type=Path, default=ROOT / ".bench")
    parser.add_argument(
        "--postgres",
        default=os.environ.get("BENCH_POSTGRES_URL", ""),
        help="a PostgreSQL database URL the benchmark may fill, for the search on PostgreSQL",
    )
    parser.add_argument("--no-doc", action="store_true", help="print only")
    options = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed: apt-get install wrk")
    work = options.work.resolve()
    work.mkdir(parents=True, exist_ok=True)
    load_before = load_average()
    database = work / f"seed-{options.posts}.sqlite3"
    seed(work, options.posts, f"sqlite:///{database}")
    baseline = baseline_tree(work, options.baseline)
    commit = run(["git", "rev-parse", "--short", "HEAD"]).strip()

    pages = dict(PAGES)
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
        if tree != ROOT:
            migrate_back(tree, f"sqlite:///{copy}", work)
        env = environment(work, name, f"sqlite:///{copy}", **extra)
        if pages["post"] is None:
            pages["post"] = post_address(env, options.posts)
        collect_static(tree, env)
        if name != "cached":
            # The version before answered a search of a word in every post in about half a
            # minute: its queries are not counted.
            counted = {k: v for k, v in pages.items() if name != "baseline" or k != "search"}
            queries[name] = count_queries(tree, env, counted)
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

    print("one visitor searching at a time:", flush=True)
    searches = {
        "SQLite": search_alone(
            work, "uncached", f"sqlite:///{work / 'uncached' / 'db.sqlite3'}", options.seconds
        )
    }
    if options.postgres:
        seed(work, options.posts, options.postgres)
        searches["PostgreSQL"] = search_alone(work, "postgres", options.postgres, options.seconds)

    report = "\n".join(
        [
            f"Measured {date.today().isoformat()} by `make bench` at {commit} (before: "
            f"{options.baseline}), {options.posts:,} posts, SQLite, production settings under "
            f"each version's gunicorn as shipped; `wrk -t2 -c{options.connections} "
            f"-d{options.seconds}s` on the same machine as the servers. Uncached: the page "
            "cache switched off, the parts pages share kept, as in a running school.",
            "",
            f"Machine: {machine()}; load average (1 / 5 / 15 min) {load_before} before the "
            f"run, {load_average()} after it.",
            "",
            table(runs, queries, static),
            "",
            search_table(searches),
            "",
            *(f"- {check}" for check in targets(runs, static, searches)),
        ]
    )
    print()
    print(report)
    if not options.no_doc:
        write_doc(report)
        print(f"\nWritten into {DOC.relative_to(ROOT)}.")


if __name__ == "__main__":
    main()
