"""End to end, as it runs in production: the site served at its own address, every email
queued for the task worker (the database backend), and delivered by SMTP to a real server on
loopback (aiosmtpd).

A Welsh grandmother subscribes to Eagle Class, confirms, and receives the week's digest in
Welsh; every link in it answers at the school's address; one click unsubscribes her, and a mail
app's ``List-Unsubscribe-Post`` unsubscribes another reader. A round that crashes half way
through is finished by the next without anyone getting the digest twice, and an address the
mail server turns away is tried again later.
"""

import re
import socket
import time
from datetime import timedelta
from email import message_from_bytes
from email.header import decode_header, make_header

import pytest
from aiosmtpd.controller import Controller
from django.core.management import call_command
from django.db import DatabaseError, connection
from django.test import Client, override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from wagtail.models import Locale

from blogs.demo.translations import translate
from blogs.models import AwardCategory, AwardPage, BlogPostPage, Subscriber
from blogs.subscriptions.schedule import latest_digest_time
from blogs.subscriptions.sending import run_round
from home.site_address import set_site_address
from tests.factories import ImageFactory
from tests.school import build_school

from .helpers import HREF, SRC, html_part, path_of, text_links, text_part

HOST = "oakfield.test:8080"
ROOT = f"http://{HOST}"
DATABASE_TASKS = {
    "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default", "email"]}
}


class Inbox:
    """An SMTP server's handler that keeps what it receives, and can turn addresses away."""

    def __init__(self):
        self.messages = []
        self.refuse = set()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refuse:
            return "451 4.3.0 Mailbox busy, try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        for recipient in envelope.rcpt_tos:
            self.messages.append((recipient, message_from_bytes(envelope.content)))
        return "250 Message accepted for delivery"

    def to(self, address: str) -> list:
        return [message for recipient, message in self.messages if recipient == address]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp():
    inbox, port = Inbox(), _free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    settings = {
        "EMAIL_BACKEND": "home.mail.TaskEmailBackend",
        "TASKS": DATABASE_TASKS,
        "SCHOOLSITE_EMAIL_DELIVERY_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": port,
        "EMAIL_TIMEOUT": 5,
    }
    with override_settings(**settings):
        yield inbox
    controller.stop()


# Transactional, as the worker and the server run in their own transactions; each test starts
# from what migrations made (see conftest.py).
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def school(database_left_as_found):
    school = build_school(languages=True)
    set_site_address(school.home.get_site(), ROOT)
    # Published this week, as teachers' publishing would have recorded.
    yesterday = timezone.now() - timedelta(days=1)
    BlogPostPage.objects.filter(locale=school.home.locale).update(first_published_at=yesterday)
    return school


def run_worker() -> None:
    call_command("db_worker", batch=True, queue_name="*", startup_delay=False, verbosity=0)


def subject(message) -> str:
    return str(make_header(decode_header(message["Subject"])))


def visitor() -> Client:
    return Client(HTTP_HOST=HOST)


def _award_for_eagle(school) -> AwardPage:
    award = AwardPage(
        title="Star post: castles",
        slug="star-post-castles",
        week_start=timezone.localdate() - timedelta(days=timezone.localdate().weekday()),
        category=AwardCategory.objects.get(name="Star post"),
        winner_kind="pupil",
        winner_name="Amara",
        winning_class=school.eagle,
        citation="The drawbridges really work!",
    )
    school.awards.add_child(instance=award)
    AwardPage.objects.filter(pk=award.pk).update(first_published_at=timezone.now())
    translate(
        award,
        Locale.objects.get(language_code="cy"),
        {"The drawbridges really work!": "Mae’r pontydd codi’n gweithio go iawn!"},
    )
    return award


def test_a_welsh_grandmother_subscribes_confirms_reads_the_digest_and_unsubscribes(school, smtp):
    _award_for_eagle(school)
    castles = school.posts["eagle"][0]
    castles.featured_image = ImageFactory(description="Cardboard castles in a row")
    castles.save_revision().publish()
    client = visitor()

    # The follow link on Eagle Class's Welsh blog opens the form with Eagle chosen.
    welsh_eagle = client.get("/cy/eagle/").content.decode()
    follow = re.search(r'href="(/cy/subscribe/\?class=\d+)"', welsh_eagle)[1]
    form_page = client.get(follow).content.decode()
    action = re.search(r'<form class="subscribe-form" method="post" action="([^"]+)"', form_page)
    token = re.search(r'name="started" value="([^"]+)"', form_page)[1]
    eagle = re.search(r'name="classes" value="(\d+)"[^>]*checked', form_page)[1]
    time.sleep(3.2)  # a person takes a moment to type their address
    response = client.post(
        action[1].replace("&amp;", "&"),
        {
            "email": "Nain@Example.com",
            "classes": [eagle],
            "frequency": "weekly",
            "language": "cy",
            "website": "",
            "started": token,
        },
    )
    assert response.status_code == 302

    # The confirmation, and nothing else, goes out through the worker.
    run_worker()
    [confirmation] = smtp.to("nain@example.com")
    assert confirmation["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    confirm = next(link for link in text_links(text_part(confirmation)) if "/confirm/" in link)
    assert confirm.startswith(f"{ROOT}/cy/subscribe/confirm/")
    assert client.get(path_of(confirm, ROOT)).status_code == 200
    assert client.post(path_of(confirm, ROOT)).status_code == 200
    assert Subscriber.objects.get().is_confirmed

    # Friday's digest (sent at once here): the week's posts and awards, in Welsh.
    call_command("send_subscription_emails", digest_now=True, verbosity=0)
    run_worker()
    [digest] = smtp.to("nain@example.com")[1:]
    assert subject(digest) == "Yr wythnos hon yn Oakfield Primary School"
    html, text = html_part(digest), text_part(digest)
    assert '<html lang="cy" dir="ltr">' in html
    assert "Modelau castell" in html and "Dosbarth yr Eryr" in html
    assert "Mae’r pontydd codi’n gweithio go iawn!" in html
    assert "Amara, Dosbarth yr Eryr" in html
    assert "Gwobrau Blogio" in html and "Gwobrau Blogio" in text
    assert "Falcon" not in html

    # Every link and picture answers at the school's own address.
    links = {url.split("#")[0] for url in HREF.findall(html) + SRC.findall(html)}
    links |= {url.split("#")[0] for url in text_links(text)}
    unsubscribe = next(url for url in links if "/unsubscribe/" in url)
    for url in sorted(links - {unsubscribe}):
        response = client.get(path_of(url, ROOT))
        assert response.status_code == 200, url
    assert any(url.startswith(f"{ROOT}/media/images/") for url in links)  # the picture

    # One click, and the address is gone.
    response = client.get(path_of(unsubscribe, ROOT))
    assert response.status_code == 200
    assert not Subscriber.objects.exists()


def test_a_mail_apps_unsubscribe_button_posts_to_the_header_address(school, smtp):
    reader = Subscriber.objects.create(
        site=school.home.get_site(),
        email="reader@example.com",
        language="en-gb",
        whole_school=True,
        confirmed_at=timezone.now() - timedelta(days=30),
    )
    call_command("send_subscription_emails", digest_now=True, verbosity=0)
    run_worker()
    [digest] = smtp.to(reader.email)
    # Long headers are folded onto a second line, as RFC 5322 allows; mail apps unfold them.
    header = re.fullmatch(r"<([^>]+)>", "".join(digest["List-Unsubscribe"].split()))[1]
    assert header.startswith(f"{ROOT}/en-gb/subscribe/unsubscribe/")
    assert digest["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    # RFC 8058: the mail app POSTs this body, with no cookie and no other request first.
    response = Client(HTTP_HOST=HOST, enforce_csrf_checks=True).post(
        path_of(header, ROOT),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert not Subscriber.objects.exists()


# A crash half way through ------------------------------------------------------------------

TASKS_TABLE = DBTaskResult._meta.db_table
CRASH_AFTER = 3


def _crash_after_queued_emails(count: int) -> None:
    """A real database failure (as a full disk would give) once ``count`` emails are queued."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "CREATE FUNCTION crash() RETURNS trigger AS $$ BEGIN "  # noqa: S608 - our table
                f"IF (SELECT count(*) FROM {TASKS_TABLE}) >= {count} THEN "
                "RAISE EXCEPTION 'disk full'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql"
            )
            cursor.execute(
                f"CREATE TRIGGER crash BEFORE INSERT ON {TASKS_TABLE} "
                "FOR EACH ROW EXECUTE FUNCTION crash()"
            )
        else:
            cursor.execute(
                f"CREATE TRIGGER crash BEFORE INSERT ON {TASKS_TABLE} "  # noqa: S608 - our table
                f"WHEN (SELECT count(*) FROM {TASKS_TABLE}) >= {count} "
                "BEGIN SELECT RAISE(ABORT, 'disk full'); END"
            )


def _mend_the_disk() -> None:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"DROP TRIGGER crash ON {TASKS_TABLE}")
            cursor.execute("DROP FUNCTION crash()")
        else:
            cursor.execute("DROP TRIGGER crash")


def test_a_crash_half_way_through_a_send_is_resumed_without_sending_anyone_twice(school, smtp):
    site = school.home.get_site()
    friday = latest_digest_time(site, timezone.now())
    BlogPostPage.objects.filter(pk=school.posts["eagle"][0].pk).update(
        first_published_at=friday - timedelta(days=1)
    )
    addresses = [f"family{number}@example.com" for number in range(7)]
    for address in addresses:
        subscriber = Subscriber.objects.create(
            site=site, email=address, confirmed_at=friday - timedelta(days=30)
        )
        subscriber.classes.set([school.eagle])
    smtp.refuse.add("family5@example.com")  # its mail server is busy at first
    round_time = friday + timedelta(minutes=5)

    _crash_after_queued_emails(CRASH_AFTER)
    with pytest.raises(DatabaseError):
        run_round(round_time)
    _mend_the_disk()
    assert DBTaskResult.objects.count() == CRASH_AFTER
    assert Subscriber.objects.filter(sent_until=friday).count() == CRASH_AFTER

    # The next round (cron five minutes on) finishes the job; the one after finds nothing.
    run_round(round_time + timedelta(minutes=5))
    run_round(round_time + timedelta(minutes=10))
    assert DBTaskResult.objects.count() == len(addresses)
    run_worker()
    assert sorted(recipient for recipient, _message in smtp.messages) == sorted(
        set(addresses) - {"family5@example.com"}
    )

    # The busy address is tried again later, with a growing wait, and gets its one digest.
    [retry] = DBTaskResult.objects.filter(status="READY")
    assert retry.run_after > timezone.now()
    smtp.refuse.clear()
    DBTaskResult.objects.filter(pk=retry.pk).update(run_after=timezone.now())
    run_worker()
    assert sorted(recipient for recipient, _message in smtp.messages) == sorted(addresses)


def test_the_worker_can_run_the_rounds_by_itself(school, smtp):
    """``send_subscription_emails --schedule`` once; each round then queues the next."""
    reader = Subscriber.objects.create(
        site=school.home.get_site(),
        email="dad@example.com",
        frequency="post",
        whole_school=True,
        confirmed_at=timezone.now() - timedelta(days=2),
        sent_until=timezone.now() - timedelta(days=2),
    )
    call_command("send_subscription_emails", schedule=True, verbosity=0)
    call_command("send_subscription_emails", schedule=True, verbosity=0)  # still one chain
    rounds = DBTaskResult.objects.filter(task_path="blogs.subscriptions.tasks.subscription_round")
    assert rounds.filter(status="READY").count() == 1
    run_worker()
    # The round queued the week's new posts for the reader, and the worker delivered them.
    [email] = smtp.to(reader.email)
    assert "new posts from Oakfield Primary School" in subject(email)
    # The next round waits five minutes; there is only ever one waiting.
    [waiting] = rounds.filter(status="READY")
    assert timedelta(minutes=4) < waiting.run_after - timezone.now() <= timedelta(minutes=5)
    assert rounds.filter(status="SUCCESSFUL").count() == 1
