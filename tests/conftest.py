import pytest

from home.models import HomePage

from .factories import school_home


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log):
    """``pytest -n … --dist loadscope`` (``make test``), as this suite needs it.

    Each test class stays on one worker, so a TestCase class's ``setUpTestData`` runs once;
    module-level tests go out one by one; and each worker runs its share in pytest-django's
    order, TestCase tests before transactional ones (which empty the database). xdist's own
    loadscope keeps a module's tests together instead, so a transactional test could run
    before that worker's TestCase classes, and it reorders scopes by size.
    """
    if config.getvalue("dist") != "loadscope":
        return None
    # Imported only when xdist runs the suite: a plain ``pytest`` does not need it.
    from xdist.scheduler import LoadScopeScheduling

    class ClassScopeScheduling(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            module, _, name = nodeid.partition("::")
            test_class, in_class, _method = name.split("[", 1)[0].partition("::")
            return f"{module}::{test_class}" if in_class else nodeid

    config.option.loadscopereorder = False  # keep pytest-django's order
    return ClassScopeScheduling(config, log)


@pytest.fixture
def home_page(db) -> HomePage:
    return school_home()
