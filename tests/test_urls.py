"""Every public and admin address from before the reorganisation still answers the same way.

Moving the timeline from the home page's routes to a page of its own, and ``blogs/`` into
domain packages, must not break a link a parent shared, a feed a grandparent subscribed to or
a teacher's bookmark in the admin. The tables below are what the code before the change
(commit 143d3be) answered for a small school; each row is checked against the code of today.
"""

from datetime import date

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import transaction
from wagtail.documents.models import Document
from wagtail.models import Page, Site

from blogs.models import (
    AwardCategory,
    AwardIndexPage,
    AwardPage,
    Comment,
    HelpSheetLibraryPage,
    HelpSheetPage,
)
from tests.factories import (
    BlogPostPageFactory,
    ClassBlogIndexPageFactory,
    StandardPageFactory,
    SubjectFactory,
    UserFactory,
    school_home,
)

HTML = "text/html; charset=utf-8"
RSS = "application/rss+xml; charset=utf-8"
ATOM = "application/atom+xml; charset=utf-8"
XML = "application/xml"
PDF = "application/pdf"

# (address, status, content type, or where a redirect leads)
PUBLIC = [
    ("/", 302, "/en-gb/"),
    ("/news/", 302, "/en-gb/news/"),
    ("/en-gb/", 200, HTML),
    ("/en-gb/about-us/", 200, HTML),
    ("/en-gb/news/", 200, HTML),
    ("/en-gb/news/?class=eagle", 200, HTML),
    ("/en-gb/news/?subject=science", 200, HTML),
    ("/en-gb/news/?tag=farm", 200, HTML),
    ("/en-gb/news/?page=2", 404, HTML),
    ("/en-gb/news/subjects/science/", 200, HTML),
    ("/en-gb/news/subjects/no-such-subject/", 404, HTML),
    ("/en-gb/news/feed/rss/", 200, RSS),
    ("/en-gb/news/feed/atom/", 200, ATOM),
    ("/en-gb/eagle/", 200, HTML),
    ("/en-gb/eagle/?page=2", 404, HTML),
    ("/en-gb/eagle/feed/rss/", 200, RSS),
    ("/en-gb/eagle/feed/atom/", 200, ATOM),
    ("/en-gb/eagle/our-trip-to-the-farm/", 200, HTML),
    ("/en-gb/awards/", 200, HTML),
    ("/en-gb/awards/star-post/", 200, HTML),
    ("/en-gb/help/", 200, HTML),
    ("/en-gb/help/?topic=blogging", 200, HTML),
    ("/en-gb/help/writing-a-post/", 200, HTML),
    ("/en-gb/help/approving-a-post/", 302, "/en-gb/login/?next=/en-gb/help/approving-a-post/"),
    ("/en-gb/search/?q=farm", 200, HTML),
    ("/en-gb/login/", 200, HTML),
    ("/sitemap.xml", 200, XML),
    ("/documents/{document}/{document_file}", 200, PDF),
    ("/en-gb/no-such-page/", 404, HTML),
]

# (address, status, where a redirect leads) for the head teacher, a superuser; {home},
# {post} … are the ids of the school's pages and objects.
ADMIN = [
    ("/admin/", 200, ""),
    ("/admin/pages/", 200, ""),
    ("/admin/pages/{home}/", 200, ""),
    ("/admin/pages/{eagle}/", 200, ""),
    ("/admin/pages/{home}/edit/", 200, ""),
    ("/admin/pages/{about}/edit/", 200, ""),
    ("/admin/pages/{eagle}/edit/", 200, ""),
    ("/admin/pages/{post}/edit/", 200, ""),
    ("/admin/pages/{awards}/edit/", 200, ""),
    ("/admin/pages/{award}/edit/", 200, ""),
    ("/admin/pages/{help}/edit/", 200, ""),
    ("/admin/pages/{sheet}/edit/", 200, ""),
    ("/admin/pages/add/blogs/blogpostpage/{eagle}/", 200, ""),
    ("/admin/snippets/", 302, "/admin/"),  # no index page: each snippet has its menu item
    ("/admin/snippets/blogs/comment/", 200, ""),
    ("/admin/snippets/blogs/comment/?status=pending", 200, ""),
    ("/admin/snippets/blogs/comment/edit/{comment}/", 200, ""),
    ("/admin/snippets/blogs/subject/", 200, ""),
    ("/admin/snippets/blogs/authorprofile/", 200, ""),
    ("/admin/snippets/blogs/awardcategory/", 200, ""),
    ("/admin/snippets/blogs/helpsheettopic/", 200, ""),
    ("/admin/settings/home/schoolsettings/", 302, "/admin/settings/home/schoolsettings/{site}/"),
    ("/admin/settings/home/schoolsettings/{site}/", 200, ""),
    (
        "/admin/settings/blogs/commentsettings/",
        302,
        "/admin/settings/blogs/commentsettings/{site}/",
    ),
    ("/admin/settings/blogs/commentsettings/{site}/", 200, ""),
    ("/admin/reports/locked/", 200, ""),
    ("/admin/reports/workflow/", 200, ""),
    ("/admin/reports/workflow_tasks/", 200, ""),
    ("/admin/reports/site-history/", 200, ""),
    ("/admin/reports/aging-pages/", 200, ""),
    ("/admin/reports/page-types-usage/", 200, ""),
    ("/admin/workflows/list/", 200, ""),
    ("/admin/pupil-accounts/", 200, ""),
    ("/admin/images/", 200, ""),
    ("/admin/documents/", 200, ""),
    ("/admin/media/", 200, ""),
    ("/admin/users/", 200, ""),
    ("/admin/groups/", 200, ""),
    ("/admin/collections/", 200, ""),
    ("/admin/locales/", 200, ""),
]


@pytest.fixture(scope="module")
def school(django_db_setup, django_db_blocker) -> dict[str, object]:
    """A small school with one of everything, built once for all rows and rolled back after.

    Returns the ids and file names the address tables refer to.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        home = school_home()
        about = StandardPageFactory(parent=home, title="About us", slug="about-us")
        eagle = ClassBlogIndexPageFactory(parent=home, title="Eagle Class", slug="eagle")
        # The school's groups and workflows, as a new school runs it after adding its classes.
        call_command("setup_school", verbosity=0)
        science = SubjectFactory(name="Science", slug="science")
        post = BlogPostPageFactory(
            parent=eagle,
            title="Our trip to the farm",
            slug="our-trip-to-the-farm",
            subjects=[science],
            tags=["farm"],
        )
        comment = Comment.objects.create(
            post=post, name="Grandma Rose", relation="grandparent", body="Lovely!"
        )
        awards = AwardIndexPage(title="Blogging Awards", slug="awards")
        home.add_child(instance=awards)
        award = AwardPage(
            title="Star post",
            slug="star-post",
            week_start=date(2026, 11, 16),
            category=AwardCategory.objects.get(name="Star post"),
            winner_kind="class",
            winning_class=eagle,
            winning_post=post,
            citation="Brilliant!",
        )
        awards.add_child(instance=award)
        help_library = HelpSheetLibraryPage(title="Help sheets", slug="help")
        home.add_child(instance=help_library)
        steps = [("step", {"instruction": "<p>Press Add post.</p>"})]
        sheet = HelpSheetPage(
            title="Writing a post", slug="writing-a-post", summary="How to.", steps=steps
        )
        help_library.add_child(instance=sheet)
        help_library.add_child(
            instance=HelpSheetPage(
                title="Approving a post",
                slug="approving-a-post",
                summary="For teachers.",
                steps=steps,
                staff_only=True,
            )
        )
        document = Document(title="Big Write")
        document.file.save("url-table-big-write.pdf", ContentFile(b"%PDF-1.4"), save=False)
        document.save()
        UserFactory(username="head", is_superuser=True, is_staff=True)
        yield {
            "home": home.pk,
            "about": about.pk,
            "eagle": eagle.pk,
            "post": post.pk,
            "comment": comment.pk,
            "awards": awards.pk,
            "award": award.pk,
            "help": help_library.pk,
            "sheet": sheet.pk,
            "site": Site.objects.get(is_default_site=True).pk,
            "document": document.pk,
            "document_file": document.filename,
        }
        transaction.set_rollback(True)


@pytest.mark.django_db
@pytest.mark.parametrize("address, status, expected", PUBLIC)
def test_public_address_answers_as_before(client, school, address, status, expected):
    response = client.get(address.format(**school))

    assert response.status_code == status
    if 300 <= status < 400:
        assert response["Location"] == expected
    else:
        assert response["Content-Type"] == expected


@pytest.mark.django_db
@pytest.mark.parametrize("address, status, redirect_to", ADMIN)
def test_admin_address_answers_as_before(client, school, address, status, redirect_to):
    client.login(username="head", password="correct horse battery staple")

    response = client.get(address.format(**school))

    assert response.status_code == status
    assert response.get("Location", "") == redirect_to.format(**school)


@pytest.mark.django_db
def test_the_timeline_is_a_page_the_admin_edits(client, school):
    """New with the reorganisation: "News from our classes" is a page in the tree."""
    client.login(username="head", password="correct horse battery staple")
    timeline = Page.objects.child_of(Page.objects.get(pk=school["home"])).get(slug="news")

    response = client.get(f"/admin/pages/{timeline.pk}/edit/")

    assert response.status_code == 200
    assert client.get("/en-gb/news/").context["page"].pk == timeline.pk


@pytest.mark.django_db
def test_the_sitemap_lists_the_timeline_and_subject_pages_as_before(client, school):
    sitemap = client.get("/sitemap.xml").content.decode()

    for address in ("/en-gb/", "/en-gb/news/", "/en-gb/news/subjects/science/", "/en-gb/eagle/"):
        assert f"<loc>http://localhost{address}</loc>" in sitemap
