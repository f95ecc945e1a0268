import pytest
from django.core.management import call_command

from home.models import HomePage

from .factories import school_home


@pytest.fixture
def home_page(db) -> HomePage:
    return school_home()


@pytest.fixture
def demo_school(db) -> HomePage:
    call_command("seed_demo", verbosity=0)
    return HomePage.objects.get(locale__language_code="en-gb")
