"""The scale-out test's one cluster (``cluster.py``), started once for all its tests.

Every module here is marked ``scale``. They run only when asked for, as ``make scale-test``
does (``pytest -m scale tests/scale``): ``make test-unit`` leaves them out, and any other run
skips them, so a plain ``pytest`` starts no servers.
"""

import pytest

from .cluster import Cluster, running_cluster

START_UP = pytest.StashKey[dict]()
LOG_TAILS = pytest.StashKey[dict]()


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if "scale" in (config.getoption("markexpr") or ""):
        return
    skip = pytest.mark.skip(reason="the scale-out test runs with make scale-test")
    for item in items:
        if item.get_closest_marker("scale"):
            item.add_marker(skip)


@pytest.fixture(scope="session")
def cluster(request: pytest.FixtureRequest) -> Cluster:
    with running_cluster() as running:
        request.config.stash[START_UP] = running.start_up
        yield running
        if request.session.testsfailed:
            # The servers' logs go with their folder: keep what they said for the summary.
            request.config.stash[LOG_TAILS] = running.log_tails()


def pytest_terminal_summary(terminalreporter, config: pytest.Config) -> None:
    """How long the cluster took to start, step by step; the servers' last words on failure."""
    start_up = config.stash.get(START_UP, None)
    if start_up:
        steps = ", ".join(f"{step} {seconds:.1f} s" for step, seconds in start_up.items())
        terminalreporter.write_line(f"Scale-out cluster started: {steps}")
    for name, tail in config.stash.get(LOG_TAILS, {}).items():
        terminalreporter.write_sep("-", f"the end of {name}'s log")
        terminalreporter.write_line(tail)
