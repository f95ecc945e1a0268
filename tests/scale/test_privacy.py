"""nginx never keeps what is someone's own: a signed-in teacher's pages, the admin, a staff-only
help sheet. Whoever comes first, nobody is ever answered with them from nginx's cache, and a
page made private through one app server is at once private everywhere."""

import pytest

from .cluster import Cluster
from .visitors import answered, everyone, kept_everywhere

pytestmark = pytest.mark.scale

# The public site's header shows this to a signed-in visitor only.
SIGNED_IN_ONLY = "Sign out"


def answered_by_nginx(response) -> bool:
    return response.headers.get("x-proxy-cache") == "HIT"


def test_a_signed_in_teachers_pages_are_never_kept_by_nginx(cluster: Cluster):
    path = cluster.school["class_blog"]
    teacher = cluster.visitor()
    teacher.sign_in("eagle.teacher", cluster.school["password"])
    for _ in range(2):
        for address in (path, "/admin/"):
            page = teacher.get(address)
            assert page.status == 200, address
            assert page.headers["x-proxy-cache"] == "BYPASS", address
            assert "no-store" in page.headers["cache-control"], address
        assert SIGNED_IN_ONLY in teacher.get(path).text

    # Another visitor after her gets the public page, not hers.
    for _ in range(2):
        visitor = cluster.visitor().get(path)
        assert visitor.status == 200
        assert SIGNED_IN_ONLY not in visitor.text
        assert "Sam Patel" not in visitor.text


def test_a_staff_only_help_sheet_is_never_kept_by_nginx(cluster: Cluster):
    sheet = cluster.school["staff_only"]
    staff = cluster.visitor()
    staff.sign_in("staff", cluster.school["password"], page="/en-gb/login/")
    for _ in range(2):
        page = staff.get(sheet["url"])
        assert page.status == 200
        assert sheet["summary"] in page.text
        assert not answered_by_nginx(page)
        assert "no-store" in page.headers["cache-control"]

    # A visitor straight after staff read it: sent to sign in, every time, and never shown it.
    for _ in range(2):
        visitor = cluster.visitor().get(sheet["url"])
        assert visitor.status == 302
        assert "/login/" in visitor.headers["location"]
        assert sheet["summary"] not in visitor.text
        assert not answered_by_nginx(visitor)


def test_a_post_made_private_through_one_app_server_is_private_at_once_everywhere(cluster):
    """A post kept by nginx and the app servers; the head teacher makes it private (for signed-
    in users only) on app server 1. At once nobody signed out is shown it, from any cache."""
    post = cluster.school["posts"]["painting-like-monet"]
    assert post["title"] in kept_everywhere(cluster, post["url"])

    head = cluster.app(1)
    head.sign_in("head", cluster.school["password"])
    privacy = f"/admin/pages/{post['id']}/privacy/"
    form = head.get(privacy)
    made_private = head.post(
        privacy, {"csrfmiddlewaretoken": form.csrf_token(), "restriction_type": "login"}
    )
    assert made_private.status == 200
    assert '"is_public": false' in made_private.text

    for visitor in everyone(cluster):
        assert answered(visitor, post["url"], 302), visitor
        assert post["title"] not in visitor.get(post["url"]).text, visitor
