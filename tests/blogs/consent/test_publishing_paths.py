"""Nothing goes public against the register, by any path: the workflow task (Wagtail's own
buttons and "To check"), the editor's Publish, scheduled publishing, bulk publishing and the
quick post. Each refuses a post showing a child without photo consent, says which child, what
is missing and what to do, and publishes once it is fixed."""

from datetime import timedelta

from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import Revision
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from blogs.consent.models import Channel, Kind, People
from blogs.consent.people import remember_who_is_in
from blogs.demo.school import DEFAULT_DEMO_PASSWORD
from blogs.models import BlogPostPage, ConsentRecord
from blogs.school.pupils import create_pupils
from tests.consent import consent_to_everything, withhold
from tests.factories import ImageFactory
from tests.media import phone_jpeg
from tests.school import build_school

JSON = {"HTTP_ACCEPT": "application/json"}
NO_PHOTO = "Leo is in the photo “Sports day”, and there is no consent for photos or videos of Leo"


class PathTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.school = build_school()
        cls.eagle = cls.school.eagle
        [card] = create_pupils(["Leo"], cls.eagle)
        cls.leo = cls.eagle.pupils_group.user_set.get(username=card.username)
        consent_to_everything(cls.leo)
        withhold(cls.leo, Kind.PHOTO)
        cls.photo = ImageFactory(title="Sports day", description="Leo running", people=[cls.leo])

    def sign_in(self, username: str) -> None:
        self.client.logout()
        self.assertTrue(self.client.login(username=username, password=DEFAULT_DEMO_PASSWORD))

    def fix(self) -> None:
        """His dad returns the form: photos of Leo may go on the website."""
        ConsentRecord.objects.create(
            pupil=self.leo, kind=Kind.PHOTO, channel=Channel.WEBSITE, allowed=True, given_by="Dad"
        )

    def sent_by_amara(self, title="Sports day") -> BlogPostPage:
        """A pupil's post with the photo, sent to her teacher."""
        pupil = self.school.users["eagle.pupil"]
        post = BlogPostPage(
            title=title,
            slug=title.lower().replace(" ", "-"),
            owner=pupil,
            live=False,
            featured_image=self.photo,
            body=[("paragraph", "<p>We ran races.</p>")],
        )
        self.eagle.add_child(instance=post)
        post.save_revision(user=pupil)
        post.get_workflow().start(post, pupil)
        return post

    def assertRefused(self, post, html: str) -> None:
        self.assertIn("cannot be published yet", html)
        self.assertIn(NO_PHOTO, html)
        self.assertIn("record consent in the register", html)
        post.refresh_from_db()
        self.assertFalse(post.live)


class WorkflowTests(PathTestCase):
    def approve_in_wagtail(self, post):
        task_state = post.current_workflow_state.current_task_state
        url = reverse(
            "wagtailadmin_pages:workflow_action", args=(post.pk, "approve", task_state.pk)
        )
        return self.client.post(url, {"comment": ""}, follow=True)

    def test_wagtails_approve_button_refuses_with_the_reasons_then_approves_once_fixed(self):
        post = self.sent_by_amara()
        self.sign_in("eagle.teacher")
        response = self.approve_in_wagtail(post)
        # Back in the editor, with the reasons; the post still waits for the teacher.
        self.assertEqual(
            response.redirect_chain[-1][0], reverse("wagtailadmin_pages:edit", args=(post.pk,))
        )
        self.assertRefused(post, response.content.decode())
        self.assertEqual(post.current_workflow_state.status, "in_progress")
        self.fix()
        self.approve_in_wagtail(post)
        post.refresh_from_db()
        self.assertTrue(post.live)

    def test_to_check_refuses_with_the_reasons_then_approves_once_fixed(self):
        post = self.sent_by_amara()
        self.sign_in("eagle.teacher")
        queue = self.client.get(reverse("review:queue")).content.decode()
        self.assertIn("It cannot be published yet", queue)
        self.assertIn(NO_PHOTO, queue)
        self.assertIn(reverse("consent:pupil", args=(self.leo.pk,)), queue)
        task_state = post.current_workflow_state.current_task_state
        url = reverse("review:decide_post", args=(task_state.pk,))
        response = self.client.post(url, {"action": "approve"}, **JSON)
        self.assertEqual(response.status_code, 400)
        self.assertIn(NO_PHOTO, response.json()["message"])
        post.refresh_from_db()
        self.assertFalse(post.live)
        # Or the teacher says Leo cannot be recognised in it: the picture remembers.
        remember_who_is_in(self.photo, People.NOT_RECOGNISABLE, [], None)
        response = self.client.post(url, {"action": "approve"}, **JSON)
        self.assertEqual(response.json()["message"], "Approved and published.")
        post.refresh_from_db()
        self.assertTrue(post.live)


class EditorTests(PathTestCase):
    def form(self, **fields) -> dict:
        return nested_form_data(
            {
                "title": "Sports day",
                "slug": "sports-day",
                "date": "2026-11-20",
                "summary": "",
                "featured_image": self.photo.pk,
                "body": streamfield([("paragraph", rich_text("<p>We ran.</p>"))]),
                "action-publish": "publish",
                **fields,
            }
        )

    def test_publish_keeps_the_draft_and_says_why_then_publishes_once_fixed(self):
        self.sign_in("eagle.teacher")
        add = reverse("wagtailadmin_pages:add", args=("blogs", "blogpostpage", self.eagle.pk))
        response = self.client.post(add, self.form(), follow=True)
        post = BlogPostPage.objects.get(slug="sports-day")
        self.assertRefused(post, response.content.decode())
        self.assertEqual(post.get_latest_revision_as_object().title, "Sports day")  # kept
        self.fix()
        edit = reverse("wagtailadmin_pages:edit", args=(post.pk,))
        self.client.post(edit, self.form())
        post.refresh_from_db()
        self.assertTrue(post.live)

    def test_a_picture_nobody_has_answered_for_is_not_guessed_about(self):
        unknown = ImageFactory(title="Class photo", people=False)
        self.sign_in("eagle.teacher")
        add = reverse("wagtailadmin_pages:add", args=("blogs", "blogpostpage", self.eagle.pk))
        response = self.client.post(add, self.form(featured_image=unknown.pk), follow=True)
        self.assertContains(response, "Nobody has said who is in the photo “Class photo”.")
        self.assertFalse(BlogPostPage.objects.get(slug="sports-day").live)

    def test_naming_a_child_without_name_consent_is_refused(self):
        [card] = create_pupils(["Maya"], self.eagle)  # nothing recorded: nothing may be
        maya = self.eagle.pupils_group.user_set.get(username=card.username)
        self.sign_in("eagle.teacher")
        add = reverse("wagtailadmin_pages:add", args=("blogs", "blogpostpage", self.eagle.pk))
        clear = ImageFactory(title="Our field").pk
        data = self.form(featured_image=clear)
        data["children_named"] = [maya.pk]
        response = self.client.post(add, data, follow=True)
        self.assertContains(response, "Maya is named here, and there is no consent for Maya")


class ScheduledTests(PathTestCase):
    def an_hour_passes(self, revision) -> None:
        """The scheduled time comes: it is in the past, for the revision and its content."""
        past = timezone.now() - timedelta(minutes=1)
        revision.refresh_from_db()
        revision.content["go_live_at"] = past.isoformat()
        revision.approved_go_live_at = past
        revision.save(update_fields=["content", "approved_go_live_at"])

    def test_a_scheduled_post_is_held_back_when_consent_went_since(self):
        self.fix()  # allowed when it was scheduled
        self.sign_in("eagle.teacher")
        add = reverse("wagtailadmin_pages:add", args=("blogs", "blogpostpage", self.eagle.pk))
        go_live = (timezone.localtime() + timedelta(hours=1)).strftime("%Y-%m-%d %H:%M")
        self.client.post(
            add,
            nested_form_data(
                {
                    "title": "Sports day",
                    "slug": "sports-day",
                    "date": "2026-11-20",
                    "summary": "",
                    "featured_image": self.photo.pk,
                    "go_live_at": go_live,
                    "body": streamfield([("paragraph", rich_text("<p>We ran.</p>"))]),
                    "action-publish": "publish",
                }
            ),
        )
        post = BlogPostPage.objects.get(slug="sports-day")
        revision = Revision.objects.get(approved_go_live_at__isnull=False)
        withhold(self.leo, Kind.PHOTO)  # his parents change their minds before it goes out
        self.an_hour_passes(revision)
        mail.outbox.clear()
        with self.captureOnCommitCallbacks(execute=True):
            call_command("publish_scheduled", stdout=open("/dev/null", "w"))
        post.refresh_from_db()
        self.assertFalse(post.live)
        self.assertIsNone(Revision.objects.get(pk=revision.pk).approved_go_live_at)
        [message] = mail.outbox
        self.assertEqual(message.to, ["eagle.teacher@oakfield.example"])
        self.assertIn(NO_PHOTO, message.body)
        # Fixed, Wagtail's own scheduled publishing goes on as ever.
        self.fix()
        self.an_hour_passes(revision)
        call_command("publish_scheduled", stdout=open("/dev/null", "w"))
        post.refresh_from_db()
        self.assertTrue(post.live)


class BulkTests(PathTestCase):
    def test_bulk_publishing_leaves_the_refused_post_out_and_says_why(self):
        teacher = self.school.users["eagle.teacher"]
        refused = BlogPostPage(
            title="Sports day",
            slug="sports-day",
            owner=teacher,
            live=False,
            featured_image=self.photo,
            body=[("paragraph", "<p>Races</p>")],
        )
        fine = BlogPostPage(
            title="Maths",
            slug="maths-day",
            owner=teacher,
            live=False,
            body=[("paragraph", "<p>Sums</p>")],
        )
        for post in (refused, fine):
            self.eagle.add_child(instance=post)
            post.save_revision(user=teacher)
        self.sign_in("eagle.teacher")
        url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish"))
        response = self.client.post(f"{url}?id={refused.pk}&id={fine.pk}&next=/admin/", follow=True)
        self.assertContains(response, NO_PHOTO)
        refused.refresh_from_db()
        fine.refresh_from_db()
        self.assertEqual((refused.live, fine.live), (False, True))
        self.fix()
        self.client.post(f"{url}?id={refused.pk}&next=/admin/")
        refused.refresh_from_db()
        self.assertTrue(refused.live)


class QuickPostTests(PathTestCase):
    def publish(self, answer: str, people=()):
        data = {
            "photos-TOTAL_FORMS": "1",
            "photos-INITIAL_FORMS": "0",
            "photos-MIN_NUM_FORMS": "0",
            "photos-MAX_NUM_FORMS": "10",
            "class_blog": str(self.eagle.pk),
            "text": "Sports day! Leo won the sack race.",
            "photos-0-photo": SimpleUploadedFile("race.jpg", phone_jpeg(), "image/jpeg"),
            "photos-0-description": "The sack race",
            "photos-0-people_answer": answer,
            "photos-0-people": [pupil.pk for pupil in people],
        }
        return self.client.post(reverse("writing:quick_post"), data, **JSON)

    def test_the_quick_post_refuses_and_stores_nothing_then_publishes_once_fixed(self):
        self.sign_in("eagle.teacher")
        images_before = get_image_model().objects.count()
        response = self.publish(People.PUPILS, [self.leo])
        self.assertEqual(response.status_code, 400)
        [reason] = response.json()["errors"]["__all__"]
        self.assertIn("there is no consent for photos or videos of Leo on the website", reason)
        self.assertEqual(get_image_model().objects.count(), images_before)
        self.assertFalse(BlogPostPage.objects.filter(title="Sports day!").exists())
        self.fix()
        response = self.publish(People.PUPILS, [self.leo])
        self.assertEqual(response.status_code, 200, response.content)
        self.assertTrue(BlogPostPage.objects.get(title="Sports day!").live)

    def test_a_photo_must_say_who_is_in_it(self):
        self.sign_in("eagle.teacher")
        response = self.publish("")
        self.assertEqual(
            response.json()["errors"]["photos-0-people_answer"], ["Say who is in this photo."]
        )


class AwardTests(PathTestCase):
    def test_an_award_names_a_pupil_only_with_name_consent(self):
        from blogs.models import AwardCategory, AwardPage

        withhold(self.leo, Kind.NAME)
        self.sign_in("head")
        response = self.client.post(
            reverse("wagtailadmin_pages:add", args=("blogs", "awardpage", self.school.awards.pk)),
            {
                "title": "Star writer",
                "slug": "star-writer",
                "week_start": timezone.localdate().isoformat(),
                "category": AwardCategory.objects.first().pk,
                "winner_kind": "pupil",
                "winning_class": self.eagle.pk,
                "winner_name": "Leo",
                "winning_post": "",
                "citation": "Lovely writing.",
                "action-publish": "publish",
            },
            follow=True,
        )
        self.assertContains(response, "Leo is named here, and there is no consent for Leo")
        self.assertFalse(AwardPage.objects.get(slug="star-writer").live)
