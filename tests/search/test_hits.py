"""Search counts under gunicorn's preload_app: a worker forked from a process that counted
starts with none of its counts, so nothing is written twice."""

import os

from django.test import SimpleTestCase

from search import hits


class ForkTests(SimpleTestCase):
    def test_a_forked_worker_starts_with_no_counts_and_a_free_lock(self):
        hits.count("volcanoes")
        before = hits.pending()
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:  # the worker: reports what it would write, then leaves at once
            os.close(read)
            hits.count("castles")  # the lock is free: this would hang if it were held
            os.write(write, str(hits.pending()).encode())
            os._exit(0)
        os.close(write)
        in_worker = int(os.read(read, 16))
        os.waitpid(pid, 0)
        self.assertEqual(in_worker, 1)
        self.assertEqual(hits.pending(), before)
