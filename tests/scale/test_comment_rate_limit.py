"""Five comments a minute from one visitor, counted in the shared Redis: the sixth is refused
whichever app server gets it, and through nginx."""

import json
import re
import time

import pytest

from .cluster import Cluster
from .web_client import Client

pytestmark = pytest.mark.scale

COMMENT_FORM = re.compile(
    r'<form class="comment-form" [^>]*action="([^"]+)" data-token-url="([^"]+)"'
)
# The form refuses a token younger than this: people take longer to write (tokens.py).
SECONDS_TO_WRITE = 3.1
TOO_MANY = "You have sent several comments in the last minute."


def test_the_sixth_comment_in_a_minute_is_refused_whichever_app_server_gets_it(cluster: Cluster):
    post = cluster.visitor().get(cluster.school["posts"]["castle-models"]["url"])
    action, token_url = COMMENT_FORM.search(post.body.decode()).groups()
    # One visitor's browser; nginx would send each of its requests to either app server.
    first, second, through_nginx = cluster.app(1), cluster.app(2), cluster.visitor()
    # As comment-form.js does when the visitor starts writing: one one-use token per comment.
    tokens = [json.loads(first.get(token_url).body)["token"] for _ in range(8)]
    time.sleep(SECONDS_TO_WRITE)

    def send(server: Client, number: int):
        fields = {
            "name": "Grandma Rose",
            "relation": "grandparent",
            "email": "",
            "body": f"What wonderful castles! ({number})",
            "website": "",
            "started": tokens[number],
        }
        return server.post(action, fields)

    for number in range(5):
        sent = send((first, second)[number % 2], number)
        assert sent.status == 302, (number, sent.text[:500])

    for number, server in enumerate((first, second, through_nginx), start=5):
        refused = send(server, number)
        assert refused.status == 429, server
        assert TOO_MANY in refused.text, server
