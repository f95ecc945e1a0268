"""The comment form's defences hold under a burst, behind a proxy, against replays and disguises.

Every comment waits for a teacher; these defences keep bots out of the queue and mark the
comments a teacher should read closely.
"""

import json
import os
import re
import shutil
import socket
import sqlite3
import subprocess
import threading
import time

import pytest
import redis
from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.core.management import call_command
from django.db import connection, connections
from django.test import Client, override_settings
from wagtail.models import Locale, Page

from blogs.comments import tokens
from blogs.models import Comment, DefenceCounter
from tests.factories import BlogPostPageFactory

REPLAYED = "This form was already used to send a comment"
TOO_MANY = "Please wait a minute"
BEHIND_ONE_PROXY = override_settings(SCHOOLSITE_TRUSTED_PROXY_COUNT=1)
PROXY_ADDRESS = "10.0.0.2"


@pytest.fixture
def post(eagle):
    return BlogPostPageFactory(parent=eagle, title="Our rockets")


def form_data(**overrides) -> dict:
    """A comment as a visitor sends it, written over half a minute from a freshly shown form."""
    return {
        "name": "Grandma Rose",
        "relation": "grandparent",
        "email": "",
        "body": "What lovely rockets!",
        "website": "",
        "started": tokens.issue(started=time.time() - 30),
        **overrides,
    }


def comment_url(post) -> str:
    return f"/en-gb/comments/{post.pk}/"


def form_token_in(html: str) -> str:
    return re.search(r'name="started" value="([^"]+)"', html)[1]


# The rate limit --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def database_left_as_found(django_db_setup, django_db_blocker):
    """Puts back what the database held before these threaded tests: a transactional test ends
    by emptying it, and the tests after it expect what migrations made (Wagtail's root page …).
    """
    with django_db_blocker.unblock():
        before = json.loads(connection.creation.serialize_db_to_string())
    yield
    # Content types first: restoring some rows looks their content type up, and would make a
    # new one (clashing with the restored row) if it were not there yet.
    before.sort(key=lambda row: row["model"] != "contenttypes.contenttype")
    with django_db_blocker.unblock():
        # Sequences carry on past the restored ids, so later inserts do not collide with them.
        flush = {"inhibit_post_migrate": True, "reset_sequences": False}
        call_command("flush", verbosity=0, interactive=False, **flush)
        ContentType.objects.clear_cache()
        connection.creation.deserialize_db_from_string(json.dumps(before))


@pytest.fixture
def wagtail_root(transactional_db, settings):
    """Wagtail's default locale and root page, which its migrations make and a transactional
    test run before this one empties away (pytest-django runs those tests last)."""
    locale, _ = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    if Page.get_first_root_node() is None:
        Page.add_root(instance=Page(title="Root", slug="root", locale=locale))


@pytest.fixture
def shared_database(tmp_path):
    """A database that several threads can write to at once, as app servers do.

    PostgreSQL is one already. SQLite's in-memory test database is not (its shared cache
    refuses a second writer outright, where a real file makes it wait), so on SQLite the test
    database is copied to a file for the threads. Yields a function counting a model's rows.
    """
    if connection.vendor != "sqlite" or not connection.is_in_memory_db():
        yield lambda model: model.objects.count()
        return
    path = tmp_path / "school.sqlite3"
    connection.ensure_connection()
    with sqlite3.connect(path) as copy:
        connection.connection.backup(copy)
    in_memory = connection.settings_dict["NAME"]
    # Threads open their own connections from these settings; this thread's stays in memory.
    connection.settings_dict["NAME"] = str(path)
    try:
        with sqlite3.connect(path) as copy:
            yield lambda model: copy.execute(
                f"SELECT count(*) FROM {model._meta.db_table}"  # noqa: S608 - a model's table
            ).fetchone()[0]
    finally:
        connection.settings_dict["NAME"] = in_memory


@pytest.fixture(scope="module")
def redis_url(tmp_path_factory):
    """A real Redis server on 127.0.0.1, started for these tests (.ci/run installs it)."""
    server = shutil.which("redis-server")
    if not server:
        if os.environ.get("CI"):
            pytest.fail("redis-server is missing: .ci/run installs it with apt")
        pytest.skip("needs redis-server (apt-get install redis-server); CI always runs this")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    folder = tmp_path_factory.mktemp("redis")
    arguments = ["--bind", "127.0.0.1", "--port", str(port), "--save", "", "--dir", str(folder)]
    process = subprocess.Popen([server, *arguments], stdout=subprocess.DEVNULL)
    url = f"redis://127.0.0.1:{port}/0"
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                redis.Redis.from_url(url).ping()
                break
            except redis.ConnectionError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.mark.parametrize("store", ["database", "redis"])
@pytest.mark.django_db(transaction=True)
def test_a_simultaneous_burst_from_one_address_stores_at_most_five(
    request, settings, database_left_as_found, wagtail_root, post, shared_database, store
):
    """Eight comments sent at the same moment: the check and the count are one atomic step,
    in the database, or in Redis when the site has it (``REDIS_URL``)."""
    if store == "redis":
        settings.CACHES = {
            "default": {
                "BACKEND": "django.core.cache.backends.redis.RedisCache",
                "LOCATION": request.getfixturevalue("redis_url"),
                "KEY_PREFIX": f"burst-{time.time()}",
            }
        }
    url = comment_url(post)
    start = threading.Barrier(8)
    statuses = []

    def send(number: int) -> None:
        try:
            data = form_data(body=f"Comment number {number}")
            client = Client(REMOTE_ADDR="192.0.2.50")
            start.wait()
            statuses.append(client.post(url, data).status_code)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=send, args=(number,)) for number in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(statuses) == [302] * 5 + [429] * 3
    assert shared_database(Comment) == 5
    # Counted where the site keeps its shared state: Redis if it has it, else the database.
    assert (shared_database(DefenceCounter) == 0) == (store == "redis")


@BEHIND_ONE_PROXY
@pytest.mark.django_db
def test_behind_the_tls_proxy_each_visitor_has_their_own_limit(client, post):
    """Every request arrives from the proxy; the proxy says who sent it."""
    for number in range(5):
        response = client.post(
            comment_url(post),
            form_data(body=f"Comment {number}"),
            REMOTE_ADDR=PROXY_ADDRESS,
            HTTP_X_FORWARDED_FOR="198.51.100.7",
        )
        assert response.status_code == 302
    other_visitor = client.post(
        comment_url(post),
        form_data(body="Hello from Grandad"),
        REMOTE_ADDR=PROXY_ADDRESS,
        HTTP_X_FORWARDED_FOR="203.0.113.9",
    )
    assert other_visitor.status_code == 302
    assert Comment.objects.count() == 6


@BEHIND_ONE_PROXY
@pytest.mark.django_db
def test_a_forged_forwarded_address_does_not_reset_the_limit(client, post):
    """Only the address our proxy appended counts: what the sender wrote before it is ignored."""
    for number in range(6):
        response = client.post(
            comment_url(post),
            form_data(body=f"Spam {number}"),
            REMOTE_ADDR=PROXY_ADDRESS,
            HTTP_X_FORWARDED_FOR=f"192.0.2.{number}, 198.51.100.7",
        )
    assert response.status_code == 429
    assert TOO_MANY in response.content.decode()
    assert Comment.objects.count() == 5


# The one-use token --------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_form_sent_again_is_refused_with_a_fresh_form(client, post):
    data = form_data()
    assert client.post(comment_url(post), data).status_code == 302
    replay = client.post(comment_url(post), data)
    assert replay.status_code == 400
    html = replay.content.decode()
    assert REPLAYED in html
    assert "What lovely rockets!" in html  # the text is kept, in case it was not a replay
    assert Comment.objects.count() == 1
    # The form shown again has an unused token, so a real second comment goes through.
    fresh = form_token_in(html)
    assert fresh != data["started"]
    again = client.post(comment_url(post), {**data, "body": "And the stars!", "started": fresh})
    assert again.status_code == 302
    assert Comment.objects.count() == 2


@pytest.mark.django_db
def test_the_shared_page_carries_no_token_and_each_writer_fetches_one_that_works_once(client, post):
    page = client.get(post.url)
    # The same page for every visitor (it is cached): no token in it, and no cookie.
    assert 'name="started" value=' not in page.content.decode()
    assert not page.cookies
    token_url = re.search(r'data-token-url="([^"]+)"', page.content.decode())[1]
    answer = client.get(token_url)
    assert "no-store" in answer["Cache-Control"] and not answer.cookies
    token = answer.json()["token"]
    assert client.get(token_url).json()["token"] != token  # one per writer
    time.sleep(tokens.MIN_SECONDS_TO_WRITE + 0.2)  # a person takes a moment to write
    assert client.post(comment_url(post), form_data(started=token)).status_code == 302
    assert client.post(comment_url(post), form_data(started=token)).status_code == 400
    assert Comment.objects.count() == 1


@pytest.mark.django_db
def test_without_javascript_the_form_asks_to_be_sent_again_with_the_text_kept(client, post):
    response = client.post(comment_url(post), form_data(started=""))
    assert response.status_code == 400
    html = response.content.decode()
    assert "Please check your comment and press Send again." in html
    assert "What lovely rockets!" in html
    assert not Comment.objects.exists()
    # The form shown again carries a token whose clock started when it was first sent.
    time.sleep(tokens.MIN_SECONDS_TO_WRITE + 0.2)
    retry = client.post(comment_url(post), form_data(started=form_token_in(html)))
    assert retry.status_code == 302
    assert Comment.objects.count() == 1


class _SignedTwoDaysAgo(signing.TimestampSigner):
    def timestamp(self) -> str:
        return signing.b62_encode(int(time.time()) - 2 * 24 * 60 * 60)


@pytest.mark.django_db
def test_a_form_left_open_for_days_asks_to_be_sent_again(client, post):
    stale = _SignedTwoDaysAgo(salt=tokens.TOKEN_SALT).sign_object(
        {"s": time.time() - 2 * 24 * 60 * 60, "n": "left-open"}
    )
    response = client.post(comment_url(post), form_data(started=stale))
    assert response.status_code == 400
    html = response.content.decode()
    assert "This page was open for a long time" in html
    assert "What lovely rockets!" in html
    assert not Comment.objects.exists()
    retry = client.post(comment_url(post), form_data(started=form_token_in(html)))
    assert retry.status_code == 302


# What a teacher should look at ---------------------------------------------------------------


@pytest.mark.parametrize(
    "body, reason",
    [
        ("You are a 1d1ot", "idiot"),
        ("That is st*pid", "stupid"),
        ("I will k i l l you", "kill"),
        ("I will k.i.l.l you", "kill"),
        ("ｓｔｕｐｉｄ ｒｏｂｏｔｓ", "stupid"),
        ("You are all LOSERS", "loser"),
        ("He killed it", "kill"),
        ("Stu\u200bpid", "stupid"),
        ("Great! See https://cheap-pills.example and www.casino.example", "2 web addresses"),
        ("Visit free-robux.xyz now", "1 web address"),
        ("Can you send me a photo of your rocket?", "asks for a photo"),
        ("Lovely. Send me a pic of yourself", "asks for a photo"),
        ("Where do you live?", "asks where someone lives"),
        ("What is your address?", "asks where someone lives"),
        ("Shall we meet at the park after school?", "asks to meet"),
        ("We could meet up on Saturday", "asks to meet"),
        ("Add me on Snapchat", "asks to talk privately"),
        ("What's your phone number?", "asks to talk privately"),
        ("Message me on WhatsApp", "asks to talk privately"),
        ("Don't tell your mum, it's our secret", "asks for a secret"),
        ("Text me on 07700 900123", "a phone number"),
        ("Email me at friend@example.com", "an email address"),
    ],
)
@pytest.mark.django_db
def test_disguised_words_links_and_personal_requests_are_flagged(client, post, body, reason):
    response = client.post(comment_url(post), form_data(body=body))
    assert response.status_code == 302
    comment = Comment.objects.get()
    assert reason in comment.flagged_words.split(", ")
    assert comment.status == "pending"


@pytest.mark.parametrize(
    "body",
    [
        "What a skilful dribble!",
        "A skillful catch, Leo",
        "Dumbledore would love your potions",
        "We flew kites at Kill Devil Hills, where the Wright brothers flew",
        "Class 3 scored 10/10 in the 2024 quiz",
        "We love the sunflower you grew. Well done everybody!",
    ],
)
@pytest.mark.django_db
def test_harmless_comments_are_not_flagged(client, post, body):
    assert client.post(comment_url(post), form_data(body=body)).status_code == 302
    assert Comment.objects.get().flagged_words == ""


@pytest.mark.django_db
def test_a_listed_word_beside_an_allowed_place_name_is_still_flagged(client, post):
    client.post(comment_url(post), form_data(body="I will kill you at Kill Devil Hills"))
    assert Comment.objects.get().flagged_words == "kill"


# Invisible characters ------------------------------------------------------------------------


@pytest.mark.django_db
def test_bidirectional_overrides_and_control_characters_are_removed(client, post):
    client.post(
        comment_url(post),
        form_data(
            name="\u202eesoR\u202c Grandma\u200b\x07",
            body="Line one\u2066\r\nLine\u00adtwo\x00\tend \U0001f3f4\U000e0067\U000e0062"
            "\U000e0077\U000e006c\U000e0073\U000e007f",
        ),
    )
    comment = Comment.objects.get()
    assert comment.name == "esoR Grandma"
    # Line breaks and tabs stay, and so does the Welsh flag (its tag characters are part of it).
    assert comment.body == (
        "Line one\nLinetwo\tend \U0001f3f4\U000e0067\U000e0062\U000e0077\U000e006c\U000e0073"
        "\U000e007f"
    )


@pytest.mark.django_db
def test_a_name_made_only_of_invisible_characters_is_refused(client, post):
    response = client.post(comment_url(post), form_data(name="\u202e\u200b\u2066"))
    assert response.status_code == 400
    assert "Please tell us your name." in response.content.decode()
    assert not Comment.objects.exists()


@pytest.mark.django_db
def test_the_daily_purge_forgets_expired_counters(client, post):
    client.post(comment_url(post), form_data())
    assert DefenceCounter.objects.count() == 2  # this client's minute, and the used token
    DefenceCounter.objects.filter(key__startswith="comment-rate:").update(
        expires_at="2000-01-01T00:00:00Z"
    )
    call_command("purge_comment_client_hashes", verbosity=0)
    assert [c.key.split(":")[0] for c in DefenceCounter.objects.all()] == ["comment-token"]
