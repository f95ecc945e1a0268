"""Blog posts: where they live, how they name their authors, and what can't be published."""

import pytest
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from blogs.models import BlogPostPage, ClassBlogIndexPage
from home.models import HomePage, StandardPage
from tests.factories import BlogPostPageFactory, ImageFactory, SubjectFactory, UserFactory


class BlogPostPageRulesTests(WagtailPageTestCase):
    def test_posts_live_only_in_a_class_blog_and_have_no_children(self):
        self.assertAllowedParentPageTypes(BlogPostPage, {ClassBlogIndexPage})
        self.assertAllowedSubpageTypes(BlogPostPage, set())
        self.assertAllowedSubpageTypes(ClassBlogIndexPage, {BlogPostPage})
        self.assertCanNotCreateAt(HomePage, BlogPostPage)
        self.assertCanNotCreateAt(StandardPage, BlogPostPage)


pytestmark = pytest.mark.django_db


def test_a_pupil_is_named_by_first_name_and_class_only(client, eagle, pupil):
    post = BlogPostPageFactory(parent=eagle, title="My poem", owner=pupil)
    html = client.get(post.url).content.decode()
    assert "by Amara, Eagle Class" in html
    assert "Smithson" not in html
    assert "amara.s" not in html


def test_a_teacher_is_named_by_their_public_name(client, eagle, teacher):
    post = BlogPostPageFactory(parent=eagle, owner=teacher)
    html = client.get(post.url).content.decode()
    assert "by Mr Patel" in html
    assert "Sanjay" not in html


def test_an_author_without_a_profile_is_shown_by_first_name_and_class(client, eagle):
    author = UserFactory(first_name="Leo James", last_name="Brown")
    post = BlogPostPageFactory(parent=eagle, owner=author)
    html = client.get(post.url).content.decode()
    assert "by Leo, Eagle Class" in html
    assert "Brown" not in html and "James" not in html


def test_a_post_shows_title_date_subjects_hashtags_and_featured_image(client, eagle, teacher):
    science = SubjectFactory(name="Science", slug="science")
    post = BlogPostPageFactory(
        parent=eagle,
        title="Growing beans",
        owner=teacher,
        featured_image=ImageFactory(description="Bean plants on a windowsill"),
        subjects=[science],
        tags=["plants"],
    )
    response = client.get(post.url)
    html = response.content.decode()
    assert "<h1>Growing beans</h1>" in html
    assert f'datetime="{post.date:%Y-%m-%d}"' in html
    assert 'href="/en-gb/news/subjects/science/">Science</a>' in html
    assert 'href="/en-gb/news/tags/plants/">#plants</a>' in html
    assert 'alt="Bean plants on a windowsill"' in html
    assert 'href="/en-gb/eagle/"' in html


def test_post_pages_link_to_newer_and_older_posts_in_the_same_class(client, eagle, falcon):
    older = BlogPostPageFactory(parent=eagle, title="First", date="2026-10-01")
    middle = BlogPostPageFactory(parent=eagle, title="Second", date="2026-10-02")
    newer = BlogPostPageFactory(parent=eagle, title="Third", date="2026-10-03")
    BlogPostPageFactory(parent=falcon, title="Falcon news", date="2026-10-02")
    html = client.get(middle.url).content.decode()
    assert f'href="{newer.url}" rel="next"' in html
    assert f'href="{older.url}" rel="prev"' in html
    assert "Falcon news" not in html


def _post_form(title: str, body, **fields):
    return nested_form_data(
        {
            "title": title,
            "slug": title.lower().replace(" ", "-"),
            "date": "2026-11-20",
            "summary": "",
            "body": streamfield(body),
            **fields,
        }
    )


def test_a_post_with_an_image_lacking_alt_text_cannot_be_published(admin_client, eagle):
    image = ImageFactory()
    response = admin_client.post(
        reverse("wagtailadmin_pages:add", args=("blogs", "blogpostpage", eagle.pk)),
        {
            **_post_form(
                "Our walk",
                [("image", {"image": image.pk, "alt_text": "", "caption": "Our walk"})],
            ),
            "action-publish": "publish",
        },
    )
    assert response.status_code == 200
    assert "The page could not be created due to validation errors" in response.content.decode()
    assert not BlogPostPage.objects.filter(title="Our walk").exists()


def test_a_featured_image_without_a_description_is_refused(admin_client, eagle):
    image = ImageFactory(description="")
    response = admin_client.post(
        reverse("wagtailadmin_pages:add", args=("blogs", "blogpostpage", eagle.pk)),
        {
            **_post_form("Our garden", [("paragraph", rich_text("<p>Hello</p>"))]),
            "featured_image": image.pk,
            "action-publish": "publish",
        },
    )
    assert response.status_code == 200
    assert "This image has no description" in response.content.decode()
    assert not Page.objects.filter(title="Our garden").exists()


def test_a_post_with_alt_text_publishes_through_the_admin(admin_client, eagle, client):
    image = ImageFactory()
    response = admin_client.post(
        reverse("wagtailadmin_pages:add", args=("blogs", "blogpostpage", eagle.pk)),
        {
            **_post_form(
                "Our pond",
                [
                    (
                        "image",
                        {"image": image.pk, "alt_text": "Frogspawn in the pond", "caption": ""},
                    )
                ],
            ),
            "action-publish": "publish",
        },
    )
    assert response.status_code == 302
    post = BlogPostPage.objects.get(locale__language_code="en-gb", title="Our pond")
    assert post.live
    assert 'alt="Frogspawn in the pond"' in client.get(post.url).content.decode()


def test_a_new_post_with_a_title_already_used_gets_its_own_address_without_asking(
    admin_client, eagle, client
):
    earlier = BlogPostPageFactory(parent=eagle, title="Sports day", slug="sports-day")
    abandoned = BlogPostPageFactory(
        parent=eagle, title="Sports day", slug="sports-day-1", live=False
    )
    response = admin_client.post(
        reverse("wagtailadmin_pages:add", args=("blogs", "blogpostpage", eagle.pk)),
        {
            **_post_form("Sports day", [("paragraph", rich_text("<p>We ran.</p>"))]),
            "action-publish": "publish",
        },
    )
    assert response.status_code == 302, response.content.decode()[:300]
    new = BlogPostPage.objects.exclude(pk__in=[earlier.pk, abandoned.pk]).get(title="Sports day")
    assert new.slug == "sports-day-2" and new.live
    assert client.get("/en-gb/eagle/sports-day-2/").status_code == 200


def test_a_published_posts_address_is_not_changed_behind_the_editors_back(admin_client, eagle):
    BlogPostPageFactory(parent=eagle, title="Sports day", slug="sports-day")
    other = BlogPostPageFactory(parent=eagle, title="Races", slug="races")
    response = admin_client.post(
        reverse("wagtailadmin_pages:edit", args=(other.pk,)),
        {
            **_post_form("Races", [("paragraph", rich_text("<p>We ran.</p>"))]),
            "slug": "sports-day",
            "action-publish": "publish",
        },
    )
    assert response.status_code == 200
    assert "The slug &#x27;sports-day&#x27; is already in use" in response.content.decode()
    other.refresh_from_db()
    assert other.slug == "races"
