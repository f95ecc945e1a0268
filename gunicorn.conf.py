"""gunicorn settings for production; every value can be overridden from the environment.

Run: gunicorn schoolsite.wsgi  (this file is read automatically from the working directory).
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", f"0.0.0.0:{os.environ.get('PORT', '8000')}")
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "2"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
# Load Django and Wagtail once in the master, before forking: workers start in milliseconds
# and share the imported code's memory. Database connections are opened per worker after
# the fork (Django opens them lazily), so nothing is shared that must not be.
preload_app = os.environ.get("GUNICORN_PRELOAD", "true").lower() not in {"0", "false", "no"}
# Recycle a worker now and then so that a slow leak never takes a school's site down, but
# rarely: each restart re-imports nothing (preload_app) yet starts with cold caches, and at
# 1,000 requests a worker restarted every few seconds under load. 50,000 is a day or more of
# a busy school's traffic; the jitter keeps the workers from restarting together.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "50000"))
max_requests_jitter = max_requests // 10
accesslog = os.environ.get("GUNICORN_ACCESSLOG", "-") or None
errorlog = "-"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")


def post_fork(server, worker):
    """A forked worker never uses a connection the master may have opened while loading."""
    from django.db import connections

    for connection in connections.all(initialized_only=True):
        connection.close()
