"""Public pages are kept by nginx and by the app servers' shared cache, and a change a teacher
makes through one app server is what every visitor sees at once: through nginx, and through
either app server. Only the app servers may tell nginx to forget a page."""

import re

import pytest

from .cluster import Cluster
from .visitors import answered, everyone, kept_everywhere, not_shown, shown
from .web_client import Client

pytestmark = pytest.mark.scale

# The post's decision form in the teacher's "To check" queue.
DECIDE = re.compile(r'action="(/admin/to-check/posts/\d+/)"')


def signed_in_teacher(cluster: Cluster, server: int) -> Client:
    teacher = cluster.app(server)
    teacher.sign_in("eagle.teacher", cluster.school["password"])
    return teacher


def test_a_public_page_is_kept_by_nginx_and_by_both_app_servers(cluster):
    path = cluster.school["posts"]["times-tables-rock"]["url"]
    assert "Times tables rock!" in kept_everywhere(cluster, path)

    # nginx answered the repeat itself: the app servers saw the page asked for once.
    asked = [line for line in cluster.access_log.read_text().splitlines() if f" {path} " in line]
    assert [line.rsplit("cache=", 1)[1] for line in asked][:2] == ["MISS", "HIT"]


def test_a_post_a_teacher_approves_through_one_app_server_shows_at_once_everywhere(cluster):
    """Amara's post waits for her teacher; the class blog, the home page and the timeline are
    kept everywhere without it. Her teacher approves it on app server 1; at once every visitor
    sees it on all three pages, whichever way their request goes."""
    school = cluster.school
    title = school["waiting_post"]["title"]
    lists = [school["class_blog"], school["home"], school["timeline"]]
    for path in lists:
        assert title not in kept_everywhere(cluster, path)

    teacher = signed_in_teacher(cluster, server=1)
    queue = teacher.get("/admin/to-check/")
    decide = DECIDE.search(queue.text)
    assert decide, "the teacher's To check offers no post to approve"
    approved = teacher.post(
        decide.group(1), {"csrfmiddlewaretoken": queue.csrf_token(), "action": "approve"}
    )
    assert approved.status == 302

    for path in [*lists, school["waiting_post"]["url"]]:
        for visitor in everyone(cluster):
            assert shown(visitor, path, title), (visitor, path)


def test_a_post_a_teacher_unpublishes_through_one_app_server_is_gone_at_once_everywhere(cluster):
    """A post that should not be public (a child's full name slipped in): once her teacher
    unpublishes it on app server 1, nobody gets it, from any cache."""
    post = cluster.school["posts"]["maps-of-our-local-area"]
    kept_everywhere(cluster, post["url"])
    assert post["title"] in kept_everywhere(cluster, cluster.school["class_blog"])

    teacher = signed_in_teacher(cluster, server=1)
    form = teacher.get(f"/admin/pages/{post['id']}/unpublish/")
    unpublished = teacher.post(
        f"/admin/pages/{post['id']}/unpublish/", {"csrfmiddlewaretoken": form.csrf_token()}
    )
    assert unpublished.status == 302

    for visitor in everyone(cluster):
        assert answered(visitor, post["url"], 404), visitor
        assert not_shown(visitor, cluster.school["class_blog"], post["title"]), visitor


def test_only_the_app_servers_may_tell_nginx_to_forget_a_page(cluster):
    path = cluster.school["home"]
    kept_everywhere(cluster, path)
    # Another machine (here another loopback address), not an app server.
    stranger = cluster.visitor(source="127.0.0.2")
    assert stranger.request("PURGE", path).status == 403
    assert cluster.visitor().get(path).headers["x-proxy-cache"] == "HIT"
