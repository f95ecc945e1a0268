"""A teacher signs in once, whichever app server nginx sends her to next: sessions are kept in
the shared database, signed with the one SECRET_KEY every app server has."""

import pytest

from .cluster import Cluster

pytestmark = pytest.mark.scale


def test_signing_in_through_one_app_server_signs_in_through_the_other(cluster: Cluster):
    first, second = cluster.app(1), cluster.app(2)
    first.sign_in("eagle.teacher", cluster.school["password"])
    # The same browser: its next requests happen to go to the other app server.
    second.cookies = dict(first.cookies)
    dashboard = second.get("/admin/")
    assert dashboard.status == 200
    assert "Sam Patel" in dashboard.text
    post = cluster.school["posts"]["castle-models"]
    editor = second.get(f"/admin/pages/{post['id']}/edit/")
    assert editor.status == 200
    assert post["title"] in editor.text


def test_signing_out_through_one_app_server_signs_out_of_both(cluster: Cluster):
    first, second = cluster.app(1), cluster.app(2)
    first.sign_in("eagle.teacher", cluster.school["password"])
    session = dict(first.cookies)
    second.cookies = dict(session)
    # The admin's "Log out" button, pressed on a page the other app server made.
    dashboard = second.get("/admin/")
    signed_out = second.post("/admin/logout/", {"csrfmiddlewaretoken": dashboard.csrf_token()})
    assert signed_out.status == 302

    # The session is gone everywhere, even for a browser that kept its cookie.
    for server in (first, second):
        server.cookies = dict(session)
        refused = server.get("/admin/")
        assert refused.status == 302, server
        assert "/admin/login/" in refused.headers["location"], server
