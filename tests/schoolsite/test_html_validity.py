"""Every public page type is valid HTML, as the Nu HTML checker (vnu) reads it.

Screen readers and browsers repair invalid markup each in their own way, so valid HTML is
the cheapest accessibility check there is. The pages are built with every block and part a
visitor can meet (images, galleries, media, comments, badges, filters, results) and checked
together in one run of the checker, because starting Java costs a second or two each time.

The checker is the ``vnu-jar`` package from npm (``package.json``): run ``npm ci`` first.
"""

import json
import shutil
import subprocess
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents.models import Document
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.models import Page
from wagtailmedia.models import Media

from blogs.awards.models import monday_of
from blogs.consent.models import MediaPeople, People
from blogs.models import (
    AuthorProfile,
    AwardCategory,
    AwardIndexPage,
    AwardPage,
    Comment,
    HelpSheetLibraryPage,
    HelpSheetPage,
    HelpSheetTopic,
    Subscriber,
)
from blogs.subscriptions.links import make_token
from home.models import HomePage
from tests.factories import (
    BlogPostPageFactory,
    ClassBlogIndexPageFactory,
    ImageFactory,
    StandardPageFactory,
    SubjectFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

REPO = Path(__file__).resolve().parents[2]
VNU_JAR = REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
YOUTUBE = "https://www.youtube.com/watch?v=schoolsite"


def _media(kind: str, name: str) -> Media:
    media = Media(title=name, type=kind, duration=3)
    media.file.save(name, ContentFile(b"not really media"), save=False)
    media.save()
    MediaPeople.objects.create(media=media, answer=People.NO_CHILDREN)  # may be published
    return media


def _document(title: str, filename: str) -> Document:
    document = Document(title=title)
    document.file.save(filename, ContentFile(b"%PDF-1.4"), save=False)
    document.save()
    return document


def _post_body(pictures: list, document: Document) -> list:
    """A body with every block a post offers."""
    # Wagtail looks embeds up in its database cache before asking the provider: a cached
    # embed keeps the test off the network while going through the real rendering path.
    Embed.objects.create(
        url=YOUTUBE,
        max_width=800,
        hash=get_embed_hash(YOUTUBE, 800),
        type="video",
        html='<iframe title="Our song on YouTube" src="https://www.youtube.com/embed/x"></iframe>',
    )
    return [
        ("heading", {"text": "Our week", "level": "h2"}),
        ("paragraph", "<p>It was <i>busy</i> building rockets.</p>"),
        ("heading", {"text": "Launch day", "level": "h3"}),
        ("image", {"image": pictures[0], "alt_text": "Our classroom", "caption": "Room 4"}),
        ("image", {"image": pictures[1], "alt_text": "Our rocket", "caption": ""}),
        (
            "gallery",
            {
                "title": "Sports day",
                "images": [
                    {"image": pictures[1], "alt_text": "The sack race", "caption": ""},
                    {"image": pictures[2], "alt_text": "The relay", "caption": "Go team!"},
                ],
            },
        ),
        (
            "audio",
            {
                "audio": _media("audio", "poem.mp3"),
                "title": "Amara reads her poem",
                "transcript": "The moon is a silver spoon.",
            },
        ),
        (
            "video",
            {
                "video": _media("video", "race.webm"),
                "title": "The relay race",
                "description": "Four children pass a baton.",
            },
        ),
        ("document", {"document": document, "title": ""}),
        ("embed", YOUTUBE),
        ("quote", {"quote": "I love science!", "attribution": "Leo, Eagle Class"}),
        (
            "pupil_work",
            {
                "image": pictures[0],
                "alt_text": "A labelled leaf",
                "document": None,
                "what_it_shows": "Naming the parts of a plant",
            },
        ),
        (
            "pupil_work",
            {
                "image": None,
                "alt_text": "",
                "document": document,
                "what_it_shows": "A story with fronted adverbials",
            },
        ),
    ]


def _help_sheets(home: HomePage, pictures: list, document: Document) -> HelpSheetLibraryPage:
    library = HelpSheetLibraryPage(title="Help sheets", slug="help", introduction="How to.")
    home.add_child(instance=library)
    topic = HelpSheetTopic.objects.get_or_create(slug="blogging", defaults={"name": "Blogging"})[0]
    first = HelpSheetPage(
        title="Logging in",
        slug="logging-in",
        summary="Signing in to the blog.",
        steps=[("step", {"instruction": "<p>Open the site.</p>"})],
    )
    library.add_child(instance=first)
    sheet = HelpSheetPage(
        title="Writing about rockets",
        slug="writing-a-post",
        summary="Writing a post about rockets, step by step.",
        for_pupils=True,
        steps=[
            (
                "step",
                {
                    "instruction": "<p>Press <b>Add post</b>.</p>",
                    "screenshot": pictures[0],
                    "screenshot_alt": "The Add post button, top right",
                    "note_kind": "tip",
                    "note": "It is green.",
                },
            ),
            (
                "step",
                {
                    "instruction": "<p>Write your post.</p>",
                    "note_kind": "warning",
                    "note": "First names only.",
                },
            ),
            ("step", {"instruction": "<p>Press <i>Submit</i>.</p>"}),
        ],
        attachments=[("document", {"document": document, "title": "A printable copy"})],
        video=[("video", _media("video", "how-to.mp4"))],
    )
    library.add_child(instance=sheet)
    sheet.topics.set([topic])
    sheet.related_sheets.set([first])
    sheet.save_revision().publish()
    return library


def _awards(home: HomePage, eagle, post) -> AwardIndexPage:
    archive = AwardIndexPage(title="Blogging Awards", slug="awards", introduction="Our winners.")
    home.add_child(instance=archive)
    star = AwardCategory.objects.get(name="Star post")
    star.badge = ImageFactory(description="A gold star badge")
    star.save()
    week = monday_of(timezone.localdate() - timedelta(days=7))
    archive.add_child(
        instance=AwardPage(
            title="Star post: rockets",
            slug="star-post",
            week_start=week,
            category=star,
            winner_kind="class",
            winning_class=eagle,
            winning_post=post,
            citation="Brilliant rockets!",
        )
    )
    archive.add_child(
        instance=AwardPage(
            title="Most interesting poster",
            slug="poster",
            week_start=week,
            category=AwardCategory.objects.get(name="Most interesting poster"),
            winner_kind="pupil",
            winning_class=eagle,
            winner_name="Amara",
            citation="Amara wrote every day.",
        )
    )
    return archive


@pytest.fixture
def public_pages(home_page) -> dict[str, str]:
    """One page of every public type, full of content; each name maps to its URL."""
    # Wagtail caches renditions by image id, and ids come round again after each rollback.
    cache.clear()
    # A photo narrower than every width the templates ask for, and one wider than some of them.
    pictures = [ImageFactory(), ImageFactory(file__width=1000, file__height=600), ImageFactory()]
    document = _document("Big Write", "big-write.pdf")
    teacher = UserFactory(username="s.patel")
    AuthorProfile.objects.create(
        user=teacher, role=AuthorProfile.Role.STAFF, display_name="Mr Patel"
    )
    home_page.hero_image = pictures[1]
    home_page.quick_links = [
        ("link", {"label": "Term dates", "page": None, "url": "https://x.example"})
    ]
    home_page.save_revision().publish()
    standard = StandardPageFactory(
        parent=home_page,
        title="About rockets",
        slug="about-us",
        introduction="All about our school and its rockets.",
        body=[
            ("heading", {"text": "Our values", "level": "h2"}),
            ("paragraph", "<p>We are <b>kind</b>.</p>"),
            ("image", {"image": pictures[0], "alt_text": "The school gate", "caption": "Gate"}),
            ("quote", {"quote": "A happy school.", "attribution": "Ofsted"}),
            ("document", {"document": document, "title": "Our prospectus"}),
        ],
    )
    eagle = ClassBlogIndexPageFactory(parent=home_page, title="Eagle Class", slug="eagle")
    science = SubjectFactory(name="Science", slug="science")
    older = BlogPostPageFactory(
        parent=eagle,
        title="Planting beans",
        date=timezone.localdate() - timedelta(days=3),
        owner=teacher,
        subjects=[science],
    )
    post = BlogPostPageFactory(
        parent=eagle,
        title="Our rockets",
        owner=teacher,
        featured_image=pictures[1],
        body=_post_body(pictures, document),
        subjects=[science],
        tags=["spacetopic"],
    )
    comment = Comment.objects.create(
        post=post, name="Rose", relation="grandparent", body="What lovely rockets!"
    )
    comment.moderate(Comment.Status.APPROVED, teacher)
    comment.reply(teacher, "Thank you, Rose!")
    awards = _awards(home_page, eagle, post)
    library = _help_sheets(home_page, pictures, document)
    timeline = Page.objects.get(slug="news").specific
    assert older.live and post.live
    # A family following Eagle Class by email, waiting to confirm.
    subscriber = Subscriber.objects.create(site=home_page.get_site(), email="nain@example.com")
    subscriber.classes.set([eagle])
    return {
        "home": home_page.url,
        "standard": standard.url,
        "class_blog": eagle.url,
        "post": post.url,
        "timeline": timeline.url,
        "subject": timeline.url + timeline.reverse_subpage("subject", args=[science.slug]),
        "awards_archive": awards.url,
        "award": AwardPage.objects.get(slug="star-post").url,
        "help_library": library.url,
        "help_sheet": HelpSheetPage.objects.get(slug="writing-a-post").url,
        "search": "/en-gb/search/?q=rockets",
        "subscribe": f"/en-gb/subscribe/?class={eagle.pk}",
        "confirm_subscription": f"/en-gb/subscribe/confirm/{make_token(subscriber, 'confirm')}/",
        "subscription_choices": (
            f"/en-gb/subscribe/preferences/{make_token(subscriber, 'preferences')}/"
        ),
    }


def vnu_errors(pages: dict[str, str]) -> list[str]:
    """Run the checker once over every page's HTML; one line per error, naming its page."""
    if not VNU_JAR.exists():
        pytest.fail(f"The Nu HTML checker is missing ({VNU_JAR}): run `npm ci` in {REPO}.")
    java = shutil.which("java")
    if java is None:
        pytest.fail(
            "Java is missing: the HTML checker needs it (apt-get install default-jre-headless)."
        )
    result = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--format", "json", "--errors-only", *pages.values()],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    # vnu writes its JSON report to stderr and exits 1 when it found errors.
    try:
        messages = json.loads(result.stderr)["messages"]
    except (json.JSONDecodeError, KeyError):
        pytest.fail(f"The HTML checker failed (exit {result.returncode}):\n{result.stderr}")
    page_of = {Path(path).name: name for name, path in pages.items()}
    return [
        f"{page_of.get(m.get('url', '').rsplit('/', 1)[-1], m.get('url'))} "
        f"(line {m.get('lastLine', '?')}): {m.get('message')}\n"
        f"    {(m.get('extract') or '').strip()}"
        for m in messages
        if m.get("type") in ("error", "non-document-error")
    ]


def test_every_public_page_type_is_valid_html(client, public_pages, tmp_path):
    written = {}
    for name, url in public_pages.items():
        response = client.get(url)
        assert response.status_code == 200, f"{name} ({url}) answered {response.status_code}"
        written[name] = tmp_path / f"{name}.html"
        written[name].write_bytes(response.content)
    # The search found what the pages hold, so its results list was checked too.
    assert b"search-result__title" in written["search"].read_bytes()

    errors = vnu_errors({name: str(path) for name, path in written.items()})

    assert not errors, f"{len(errors)} HTML errors:\n" + "\n".join(errors)
