"""What each role can and cannot do, through the admin's own views, in a school with the demo's
roles and accounts."""

from io import BytesIO

from django.contrib.auth import get_user_model
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from django.urls import reverse
from django.utils.text import slugify
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Collection, WorkflowState
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from blogs.demo.school import DEFAULT_DEMO_PASSWORD
from blogs.models import AwardCategory, AwardIndexPage, AwardPage, BlogPostPage, ClassBlogIndexPage
from blogs.school.pupils import create_pupils
from tests.school import build_school


def _png() -> bytes:
    buffer = BytesIO()
    PILImage.new("RGB", (40, 40), "#6a3d9a").save(buffer, format="PNG")
    return buffer.getvalue()


class SchoolRolesTestCase(TestCase):
    # What build_school adds to the small school (help sheets, languages) for a test class.
    school_options: dict[str, bool] = {}

    @classmethod
    def setUpTestData(cls):
        cls.school = build_school(**cls.school_options)
        cls.eagle, cls.falcon = cls.school.eagle, cls.school.falcon
        cls.users = {user.username: user for user in get_user_model().objects.all()}

    def sign_in(self, username: str) -> None:
        self.assertTrue(self.client.login(username=username, password=DEFAULT_DEMO_PASSWORD))

    def add_url(self, class_blog) -> str:
        return reverse("wagtailadmin_pages:add", args=("blogs", "blogpostpage", class_blog.pk))

    def post_data(self, title: str, action: str | None = None) -> dict:
        data = nested_form_data(
            {
                "title": title,
                "slug": slugify(title),
                "date": "2026-11-20",
                "summary": "",
                "body": streamfield([("paragraph", rich_text("<p>I learned a lot.</p>"))]),
            }
        )
        if action:
            data[action] = action
        return data

    def write_post(self, username: str, title: str, action: str | None = None) -> BlogPostPage:
        """A post written as ``username`` would: a pupil in the writing screen ("action-submit"
        sends it to the teacher), anyone else in Wagtail's editor."""
        self.sign_in(username)
        if self.users[username].groups.filter(pupil_class_blogs__isnull=False).exists():
            send = action == "action-submit"
            response = self.client.post(
                reverse("writing:new"),
                {"title": title, "text": "I learned a lot.", "action": "send" if send else "save"},
            )
        else:
            response = self.client.post(self.add_url(self.eagle), self.post_data(title, action))
        self.assertEqual(response.status_code, 302, response.content[:500])
        self.client.logout()
        return BlogPostPage.objects.get(locale__language_code="en-gb", title=title)

    def task_state(self, post):
        return WorkflowState.objects.get(
            base_content_type__isnull=False, object_id=str(post.pk), status="in_progress"
        ).current_task_state

    def workflow_action(self, post, action: str, comment: str = ""):
        url = reverse(
            "wagtailadmin_pages:workflow_action",
            args=(post.pk, action, self.task_state(post).pk),
        )
        return self.client.post(url, {"comment": comment})


class PupilTests(SchoolRolesTestCase):
    def test_a_pupil_writes_in_their_own_class_only_and_never_in_wagtails_editor(self):
        self.sign_in("eagle.pupil")
        self.assertEqual(self.client.get(reverse("writing:new")).status_code, 200)
        # Wagtail's editor sends a pupil to the writing screen, which writes in their class.
        self.assertRedirects(
            self.client.get(self.add_url(self.eagle)), reverse("writing:new"), 302, 200
        )
        response = self.client.post(self.add_url(self.falcon), self.post_data("Sneaky post"))
        self.assertNotEqual(response.status_code, 200)
        self.assertFalse(BlogPostPage.objects.filter(title="Sneaky post").exists())

    def test_a_pupil_who_presses_publish_in_wagtails_editor_publishes_nothing(self):
        self.sign_in("eagle.pupil")
        self.client.post(self.add_url(self.eagle), self.post_data("My rocket", "action-publish"))
        self.assertFalse(BlogPostPage.objects.filter(title="My rocket").exists())
        self.assertEqual(self.client.get("/en-gb/eagle/my-rocket/").status_code, 404)

    def test_a_pupil_cannot_publish_or_unpublish_by_any_admin_url(self):
        draft = self.write_post("eagle.pupil", "My volcano", action="action-submit")
        published = BlogPostPage.objects.child_of(self.eagle).live().first()
        self.sign_in("eagle.pupil")
        attempts = [
            self.client.post(
                reverse("wagtailadmin_pages:edit", args=(draft.pk,)),
                self.post_data("My volcano", "action-publish"),
            ),
            self.workflow_action(draft, "approve"),
            self.client.post(
                reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish"))
                + f"?id={draft.pk}"
            ),
            self.client.post(reverse("wagtailadmin_pages:unpublish", args=(published.pk,))),
            self.client.post(
                reverse("wagtail_bulk_action", args=("wagtailcore", "page", "unpublish"))
                + f"?id={published.pk}"
            ),
        ]
        draft.refresh_from_db()
        published.refresh_from_db()
        self.assertFalse(draft.live)
        self.assertTrue(published.live)
        self.assertEqual(self.task_state(draft).status, "in_progress")
        self.assertTrue(all(r.status_code in {200, 302, 403} for r in attempts))

    def test_a_pupil_cannot_edit_another_pupils_post(self):
        [card] = create_pupils(["Zainab"], self.eagle)
        self.assertTrue(self.client.login(username=card.username, password=card.password))
        response = self.client.post(
            reverse("writing:new"), {"title": "Zainab's poem", "text": "Roses", "action": "save"}
        )
        self.assertEqual(response.status_code, 302)
        poem = BlogPostPage.objects.get(locale__language_code="en-gb", title="Zainab's poem")
        self.sign_in("eagle.pupil")
        for url in (
            reverse("writing:edit", args=(poem.pk,)),
            reverse("wagtailadmin_pages:edit", args=(poem.pk,)),
        ):
            response = self.client.get(url, follow=True)
            self.assertEqual(response.redirect_chain[-1][0], reverse("writing:my_posts"), url)
            self.assertNotContains(response, "Roses")
            self.assertNotContains(response, "Zainab")
        response = self.client.post(
            reverse("writing:edit", args=(poem.pk,)),
            {"title": "Changed by someone else", "text": "Mine now", "action": "save"},
            follow=True,
        )
        self.assertContains(response, "You can only open your own posts.")
        poem.refresh_from_db()
        self.assertEqual(poem.get_latest_revision_as_object().title, "Zainab's poem")

    def test_a_pupil_cannot_delete_or_move_even_their_own_draft(self):
        draft = self.write_post("eagle.pupil", "Oops post")
        self.sign_in("eagle.pupil")
        response = self.client.post(reverse("wagtailadmin_pages:delete", args=(draft.pk,)))
        self.assertEqual(response.status_code, 302)
        self.assertTrue(BlogPostPage.objects.filter(pk=draft.pk).exists())
        response = self.client.post(
            reverse("wagtailadmin_pages:move_confirm", args=(draft.pk, self.eagle.pk))
        )
        self.assertEqual(
            BlogPostPage.objects.get(locale__language_code="en-gb", pk=draft.pk).get_parent().pk,
            self.eagle.pk,
        )

    def test_a_pupil_uploads_only_into_their_class_collection(self):
        self.sign_in("eagle.pupil")
        falcon_collection = Collection.objects.get(name="Falcon Class")
        self.client.post(
            reverse("wagtailimages:add"),
            {
                "people_answer": "none",
                "title": "Into Falcon",
                "collection": falcon_collection.pk,
                "file": SimpleUploadedFile("a.png", _png(), "image/png"),
            },
        )
        # Wagtail offers a pupil only their class's collection and files the upload there.
        self.assertFalse(get_image_model().objects.filter(collection=falcon_collection).exists())
        self.assertEqual(
            get_image_model().objects.get(title="Into Falcon").collection.name, "Eagle Class"
        )
        response = self.client.post(
            reverse("wagtailimages:add"),
            {
                "people_answer": "none",
                "title": "My drawing",
                "collection": Collection.objects.get(name="Eagle Class").pk,
                "file": SimpleUploadedFile("b.png", _png(), "image/png"),
            },
        )
        self.assertEqual(response.status_code, 302)
        self.assertEqual(
            get_image_model().objects.get(title="My drawing").collection.name, "Eagle Class"
        )

    def test_a_pupil_has_no_access_to_users_settings_reports_or_pupil_accounts(self):
        self.sign_in("eagle.pupil")
        for url in [
            reverse("wagtailusers_users:index"),
            reverse("wagtailsettings:edit", args=("home", "schoolsettings")),
            reverse("wagtailadmin_reports:site_history"),
            reverse("wagtailadmin_reports:workflow"),
            reverse("wagtailadmin_reports:aging_pages"),
            reverse("wagtailsnippets_blogs_subject:list"),
            reverse("pupil_accounts"),
        ]:
            response = self.client.get(url)
            self.assertIn(response.status_code, {302, 403}, url)

    def test_a_pupils_admin_is_their_posts_with_one_button_and_each_posts_progress(self):
        self.write_post("eagle.pupil", "Waiting post", action="action-submit")
        self.write_post("eagle.pupil", "Unsent post")
        self.sign_in("eagle.pupil")
        response = self.client.get(reverse("wagtailadmin_home"), follow=True)
        self.assertEqual(response.redirect_chain, [(reverse("writing:my_posts"), 302)])
        html = response.content.decode()
        self.assertIn(f'href="{reverse("writing:new")}">Write a new post</a>', html)
        self.assertIn("Waiting post", html)
        self.assertIn("Waiting for your teacher to check it", html)
        self.assertIn("Not sent yet – you can keep writing", html)


class ApprovalTests(SchoolRolesTestCase):
    def test_a_submitted_post_is_not_public_until_its_teacher_approves_it(self):
        mail.outbox.clear()
        with self.captureOnCommitCallbacks(execute=True):
            post = self.write_post("eagle.pupil", "Our minibeasts", action="action-submit")
        self.assertFalse(post.live)
        self.assertEqual(self.client.get("/en-gb/eagle/our-minibeasts/").status_code, 404)
        # Only the class's own teacher hears of it (not the head, a superuser), once.
        [message] = mail.outbox
        self.assertEqual(message.to, ["eagle.teacher@oakfield.example"])
        self.assertEqual(message.subject, "Amara's post “Our minibeasts” is waiting for you")

        self.sign_in("eagle.teacher")
        html = self.client.get(reverse("review:queue")).content.decode()
        self.assertIn("Our minibeasts", html)
        response = self.workflow_action(post, "approve")
        self.assertEqual(response.status_code, 302)
        post.refresh_from_db()
        self.assertTrue(post.live)
        self.client.logout()
        self.assertEqual(self.client.get("/en-gb/eagle/our-minibeasts/").status_code, 200)

    def test_falcons_teacher_cannot_approve_in_eagle(self):
        post = self.write_post("eagle.pupil", "Eagle secrets", action="action-submit")
        self.sign_in("falcon.teacher")
        self.workflow_action(post, "approve")
        post.refresh_from_db()
        self.assertFalse(post.live)
        self.assertEqual(self.task_state(post).status, "in_progress")
        response = self.client.post(
            reverse("wagtailadmin_pages:edit", args=(post.pk,)),
            self.post_data("Eagle secrets", "action-publish"),
        )
        post.refresh_from_db()
        self.assertFalse(post.live)
        self.assertNotEqual(response.status_code, 200)

    def test_request_changes_keeps_the_draft_and_shows_the_pupil_the_comment(self):
        post = self.write_post("eagle.pupil", "My story", action="action-submit")
        self.sign_in("eagle.teacher")
        response = self.workflow_action(post, "reject", comment="Add capital letters, please!")
        self.assertEqual(response.status_code, 302)
        post.refresh_from_db()
        self.assertFalse(post.live)
        self.assertEqual(post.get_latest_revision_as_object().title, "My story")
        self.client.logout()
        self.sign_in("eagle.pupil")
        html = self.client.get(reverse("writing:my_posts")).content.decode()
        self.assertIn("Your teacher asked for changes", html)
        self.assertIn("Mr Patel says:", html)
        self.assertIn("Add capital letters, please!", html)
        # The post opens with the teacher's words at the top, above the questions.
        html = self.client.get(reverse("writing:edit", args=(post.pk,))).content.decode()
        self.assertLess(html.index("Add capital letters, please!"), html.index('name="title"'))

    def test_a_teachers_own_post_publishes_directly(self):
        post = self.write_post("eagle.teacher", "Class news", action="action-publish")
        self.assertTrue(post.live)
        self.assertEqual(self.client.get(post.url).status_code, 200)

    def test_a_teacher_cannot_add_posts_in_another_class(self):
        self.sign_in("eagle.teacher")
        self.client.post(self.add_url(self.falcon), self.post_data("Wrong class", "action-publish"))
        self.assertFalse(BlogPostPage.objects.filter(title="Wrong class").exists())


class DigitalLeaderTests(SchoolRolesTestCase):
    def test_a_digital_leaders_award_waits_for_a_senior_leader(self):
        archive = AwardIndexPage.objects.get(locale__language_code="en-gb")
        eagle = ClassBlogIndexPage.objects.get(locale__language_code="en-gb", slug="eagle")
        self.sign_in("digital.leader")
        response = self.client.post(
            reverse("wagtailadmin_pages:add", args=("blogs", "awardpage", archive.pk)),
            {
                "title": "Eagle wins",
                "slug": "eagle-wins",
                "week_start": "2026-11-16",
                "category": AwardCategory.objects.get(name="Most active class blog").pk,
                "winner_kind": "class",
                "winning_class": eagle.pk,
                "winner_name": "",
                "winning_post": "",
                "citation": "Ten posts in a week!",
                "action-publish": "publish",
                "action-submit": "submit",
            },
        )
        self.assertEqual(response.status_code, 302)
        award = AwardPage.objects.get(locale__language_code="en-gb", slug="eagle-wins")
        self.assertFalse(award.live)
        self.assertEqual(self.task_state(award).task.name, "Senior leaders approve")

        self.sign_in("eagle.teacher")
        self.workflow_action(award, "approve")
        award.refresh_from_db()
        self.assertFalse(award.live)

        self.sign_in("head")
        self.workflow_action(award, "approve")
        award.refresh_from_db()
        self.assertTrue(award.live)

    def test_digital_leaders_cannot_write_class_posts(self):
        self.sign_in("digital.leader")
        self.client.post(self.add_url(self.eagle), self.post_data("Not my class"))
        self.assertFalse(BlogPostPage.objects.filter(title="Not my class").exists())
