"""What a cache in front of the site (nginx, Varnish: ``FRONTEND_CACHE_PURGE_URL``) is told as
each change commits: a ``PURGE`` for every address it may keep that the change touched, received
here by a real HTTP server standing in for nginx. A cache in front is sent exact addresses, so a
page made private must be sent with every page below it, or nginx would keep serving them."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import PageViewRestriction

from blogs.consent.models import Kind
from blogs.school.pupils import create_pupils
from home.page_cache import frontend
from tests.consent import consent_to_everything, withhold
from tests.factories import BlogPostPageFactory
from tests.school import build_school


class PurgeListener(ThreadingHTTPServer):
    """Records each PURGE as (Host header, path) and answers as nginx does: 404, not kept."""

    def __init__(self) -> None:
        self.purged: list[tuple[str, str]] = []
        listener = self

        class Handler(BaseHTTPRequestHandler):
            def do_PURGE(self) -> None:
                listener.purged.append((self.headers["Host"], self.path))
                self.send_response(404)
                self.end_headers()

            def log_message(self, *args) -> None:
                pass

        super().__init__(("127.0.0.1", 0), Handler)

    @property
    def paths(self) -> set[str]:
        return {path for _host, path in self.purged}


@pytest.fixture
def nginx(settings):
    """A frontend cache on a free port of 127.0.0.1, configured as ``FRONTEND_CACHE_PURGE_URL``
    configures one."""
    listener = PurgeListener()
    thread = threading.Thread(target=listener.serve_forever, daemon=True)
    thread.start()
    settings.WAGTAILFRONTENDCACHE = {
        "proxy": {
            "BACKEND": "home.page_cache.frontend.PurgeRequestBackend",
            "LOCATION": f"http://127.0.0.1:{listener.server_address[1]}",
        }
    }
    yield listener
    listener.shutdown()
    listener.server_close()


@pytest.mark.django_db
def test_a_published_post_is_purged_in_front_with_the_pages_that_list_it(
    nginx, django_capture_on_commit_callbacks
):
    school = build_school()
    post = school.posts["eagle"][0]
    with django_capture_on_commit_callbacks(execute=True):
        post.title = "Castle models with drawbridges"
        post.save_revision().publish()
    assert {post.url, school.eagle.url, school.home.url, school.timeline.url} <= nginx.paths
    # Each by the address visitors use (the Site's), whatever the purge is sent to.
    assert {host for host, _path in nginx.purged} == {school.home.get_site().hostname}


@pytest.mark.django_db
def test_a_class_blog_made_private_is_purged_in_front_with_every_post_in_it(
    nginx, django_capture_on_commit_callbacks
):
    school = build_school()
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(
            page=school.eagle, restriction_type=PageViewRestriction.LOGIN
        )
    assert {school.eagle.url, *(post.url for post in school.posts["eagle"])} <= nginx.paths
    # Falcon Class is still public; its posts stay where they are.
    assert not {post.url for post in school.posts["falcon"]} & nginx.paths


@pytest.mark.django_db
def test_a_cache_in_front_that_cannot_be_reached_never_stops_a_publish(
    settings, django_capture_on_commit_callbacks, caplog
):
    school = build_school()
    with ThreadingHTTPServer(("127.0.0.1", 0), BaseHTTPRequestHandler) as closed:
        address = f"http://127.0.0.1:{closed.server_address[1]}"
    # Nothing listens there any more.
    settings.WAGTAILFRONTENDCACHE = {
        "proxy": {"BACKEND": "home.page_cache.frontend.PurgeRequestBackend", "LOCATION": address}
    }
    post = school.posts["eagle"][0]
    with django_capture_on_commit_callbacks(execute=True):
        post.title = "Castle models with drawbridges"
        post.save_revision().publish()
    post.refresh_from_db()
    assert post.title == "Castle models with drawbridges"
    assert post.live
    assert any(
        record.name == frontend.logger.name and "Could not purge" in record.getMessage()
        for record in caplog.records
    )


@pytest.mark.django_db
def test_a_pupils_name_withdrawn_purges_their_posts_in_front(
    nginx, django_capture_on_commit_callbacks
):
    """A byline changes on pages nobody published: the pupil's posts (and the lists showing
    them) are still sent to the cache in front, not only the home pages."""
    school = build_school()
    [card] = create_pupils(["Leo"], school.eagle)
    leo = get_user_model().objects.get(username=card.username)
    consent_to_everything(leo)
    rocket = BlogPostPageFactory(parent=school.eagle, title="Leo's rocket", owner=leo)
    nginx.purged.clear()
    with django_capture_on_commit_callbacks(execute=True):
        withhold(leo, Kind.NAME)
    assert {rocket.url, school.eagle.url, school.timeline.url} <= nginx.paths


@pytest.mark.django_db
def test_a_class_blog_given_a_new_slug_is_purged_in_front_at_its_old_addresses(
    nginx, django_capture_on_commit_callbacks
):
    """Nginx keeps pages by address: after a rename it must forget the class blog and every
    post under it where they were, or visitors with old links keep reading them."""
    school = build_school()
    old_urls = {school.eagle.url, *(post.url for post in school.posts["eagle"])}
    with django_capture_on_commit_callbacks(execute=True):
        school.eagle.slug = "eagles"
        school.eagle.save_revision().publish()
    assert old_urls <= nginx.paths
    assert all("/eagle/" in url for url in old_urls)
