"""Redis stopped under both app servers: visitors still get every page, made from the database
instead of the shared cache, and teachers still sign in and publish. Once Redis is back (empty,
as after a restart), the app servers keep pages in it again."""

import pytest

from .cluster import Cluster
from .visitors import answered, everyone, kept_again

pytestmark = pytest.mark.scale

# The app servers leave an unreachable cache alone for 5 seconds before asking again.
BACK_WITHIN = 10.0


def test_with_redis_stopped_visitors_get_pages_and_teachers_publish(cluster: Cluster):
    school = cluster.school
    post = school["posts"]["coding-a-robot"]
    paths = [school["home"], school["other_class_blog"], post["url"], school["timeline"]]
    with cluster.redis_stopped():
        for server in (cluster.app(1), cluster.app(2)):
            for path in paths:
                page = server.get(path)
                assert page.status == 200, (server, path)
                assert page.headers["x-page-cache"] == "off", (server, path)

        teacher = cluster.app(2)
        teacher.sign_in("falcon.teacher", school["password"])
        unpublish = f"/admin/pages/{post['id']}/unpublish/"
        form = teacher.get(unpublish)
        assert teacher.post(unpublish, {"csrfmiddlewaretoken": form.csrf_token()}).status == 302
        for visitor in everyone(cluster):
            assert answered(visitor, post["url"], 404), visitor

    for server in (cluster.app(1), cluster.app(2)):
        assert kept_again(server, school["home"], BACK_WITHIN), server
