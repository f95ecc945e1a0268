import pytest
from django.core.management import call_command
from wagtail.models import Page, Site

from home.models import HomePage

from .factories import HomePageFactory


@pytest.fixture
def home_page(db) -> HomePage:
    """A school home page served as the default site, in place of Wagtail's welcome page."""
    root = Page.get_first_root_node()
    root.get_children().filter(slug="home").delete()
    home = HomePageFactory(parent=root)
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home},
    )
    return home


@pytest.fixture
def demo_school(db) -> HomePage:
    call_command("seed_demo", verbosity=0)
    return HomePage.objects.get()
