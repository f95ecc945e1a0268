"""The demo school that `make demo` builds."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.images import get_image_model
from wagtail.models import Page, PageLogEntry, Revision, Site

from blogs.models import ClassBlogIndexPage
from home.demo import DEFAULT_DEMO_PASSWORD
from home.site_settings import SchoolSettings

pytestmark = pytest.mark.django_db

DEMO_USERNAMES = {
    "head",
    "eagle.teacher",
    "eagle.pupil",
    "falcon.teacher",
    "digital.leader",
    "staff",
}
CLASSES = ["Blackbird", "Eagle", "Falcon", "Heron", "Goldfinch", "Kingfisher"]


def snapshot() -> dict:
    """Everything seed_demo writes, in a form two runs can be compared by."""
    User = get_user_model()
    return {
        "pages": list(Page.objects.order_by("path").values_list("path", "title", "live")),
        "revisions": Revision.objects.count(),
        "log_entries": PageLogEntry.objects.count(),
        "images": list(get_image_model().objects.order_by("pk").values_list("pk", "file")),
        "users": list(User.objects.order_by("username").values_list("username", "password")),
        "settings": list(SchoolSettings.objects.values()),
        "sites": list(Site.objects.values()),
    }


def test_the_demo_home_page_links_to_all_six_classes(demo_school, client):
    html = client.get("/").content.decode()
    for name in CLASSES:
        class_blog = ClassBlogIndexPage.objects.get(title=f"{name} Class")
        assert f'href="{class_blog.url}"' in html
        assert client.get(class_blog.url).status_code == 200


def test_the_demo_has_about_contact_and_policies_in_the_menu(demo_school, client):
    html = client.get("/").content.decode()
    for title, url in [
        ("About us", "/about/"),
        ("Contact us", "/contact/"),
        ("Policies", "/policies/"),
    ]:
        assert f'<a href="{url}">{title}</a>' in html
        assert client.get(url).status_code == 200


def test_running_seed_demo_twice_changes_nothing(demo_school):
    before = snapshot()
    call_command("seed_demo", verbosity=0)
    assert snapshot() == before


def test_the_demo_accounts_sign_in_with_the_documented_password(demo_school, client):
    User = get_user_model()
    assert set(User.objects.values_list("username", flat=True)) == DEMO_USERNAMES
    assert User.objects.get(username="head").is_superuser
    assert not User.objects.get(username="eagle.pupil").is_superuser
    for username in DEMO_USERNAMES:
        assert client.login(username=username, password=DEFAULT_DEMO_PASSWORD), username


def test_the_demo_password_can_be_set_from_the_environment(db, monkeypatch, client):
    monkeypatch.setenv("DEMO_PASSWORD", "another-demo-secret")
    call_command("seed_demo", verbosity=0)
    assert client.login(username="eagle.teacher", password="another-demo-secret")
    assert not client.login(username="eagle.teacher", password=DEFAULT_DEMO_PASSWORD)


def test_seed_demo_prints_the_demo_logins(db, capsys):
    call_command("seed_demo")
    output = capsys.readouterr().out
    assert DEFAULT_DEMO_PASSWORD in output
    for username in DEMO_USERNAMES:
        assert username in output


def test_the_demo_school_details_fill_the_footer(demo_school, client):
    html = client.get("/").content.decode()
    assert "Oakfield Primary School" in html
    assert "safeguarding lead" in html
    assert "#OakfieldLearns" in html
