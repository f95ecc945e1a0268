"""A pupil's writing screen, through the admin as the child's browser uses it: saving as she
goes, a photo and a voice clip sent once, sending to her teacher, and what she reads."""

import re

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.models import WorkflowState
from wagtailmedia.models import Media

from blogs.demo.school import DEFAULT_DEMO_PASSWORD
from blogs.models import BlogPostPage, Subject
from tests.jargon import EDITOR_WORDS, JARGON
from tests.media import assert_clean, phone_jpeg, picture, wav
from tests.school import build_school

JSON = {"HTTP_ACCEPT": "application/json"}


def photo_upload(data: bytes | None = None, name: str = "IMG_2041 Amara Smith.jpg"):
    return SimpleUploadedFile(name, data or phone_jpeg(), "image/jpeg")


class WritingTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.school = build_school()
        cls.eagle = cls.school.eagle
        cls.pupil = cls.school.users["eagle.pupil"]
        cls.history = Subject.objects.get(slug="history")

    def setUp(self):
        self.sign_in("eagle.pupil")

    def sign_in(self, username: str) -> None:
        self.client.logout()
        self.assertTrue(self.client.login(username=username, password=DEFAULT_DEMO_PASSWORD))

    def save(self, url=None, json=True, **data):
        data.setdefault("action", "save")
        return self.client.post(url or reverse("writing:new"), data, **(JSON if json else {}))

    def post_titled(self, title: str) -> BlogPostPage:
        return BlogPostPage.objects.get(title=title, locale__language_code="en-gb")


class SendingAPostTests(WritingTestCase):
    def test_a_pupil_sends_a_photo_a_sentence_a_subject_and_her_voice_to_her_teacher(self):
        response = self.save(
            json=False,
            action="send",
            title="My castle",
            text="I built a castle.\n\nIt has a drawbridge that goes up and down.",
            photo_camera=photo_upload(),
            photo_description="A cardboard castle with a string drawbridge",
            subjects=[self.history.pk],
            voice=SimpleUploadedFile("voice.wav", wav(), "audio/wav"),
            voice_duration="4",
            transcript="This is my castle.",
        )
        self.assertRedirects(response, reverse("writing:my_posts"), fetch_redirect_response=False)
        post = self.post_titled("My castle")
        self.assertFalse(post.live)
        self.assertEqual((post.owner, post.get_parent().pk), (self.pupil, self.eagle.pk))
        # The same workflow as Wagtail's "Submit": the class's teachers' task is waiting.
        state = post.current_workflow_state
        self.assertEqual(state.status, WorkflowState.STATUS_IN_PROGRESS)
        self.assertEqual(state.current_task_state.task.name, "Eagle teachers approve")
        self.assertEqual(self.client.get("/en-gb/eagle/my-castle/").status_code, 404)

        draft = post.get_latest_revision_as_object()
        photo = draft.featured_image
        self.assertEqual(photo.description, "A cardboard castle with a string drawbridge")
        self.assertEqual(photo.collection, self.eagle.collection)
        with photo.file.open("rb") as stored:
            assert_clean(stored.read())
        self.assertNotIn("smith", photo.file.name.lower())  # the device's file name is not kept
        blocks = [(block.block_type, block.value) for block in draft.body]
        self.assertEqual([kind for kind, _value in blocks], ["paragraph", "audio"])
        self.assertIn("<p>I built a castle.</p><p>It has a drawbridge", blocks[0][1].source)
        audio = blocks[1][1]
        self.assertEqual(audio["transcript"], "This is my castle.")
        self.assertEqual(audio["title"], "Amara reads “My castle”")
        self.assertEqual((audio["audio"].type, audio["audio"].duration), ("audio", 4.0))
        self.assertEqual(list(draft.subjects.all()), [self.history])

        my_posts = self.client.get(reverse("writing:my_posts")).content.decode()
        self.assertIn("Your teacher will check your post.", my_posts)
        self.assertIn("Waiting for your teacher to check it", my_posts)

    def test_the_teacher_approves_and_everyone_can_read_it(self):
        self.save(json=False, action="send", title="Snail hunt", text="We found twelve snails.")
        post = self.post_titled("Snail hunt")
        self.sign_in("eagle.teacher")
        task_state = post.current_workflow_state.current_task_state
        self.client.post(
            reverse("wagtailadmin_pages:workflow_action", args=(post.pk, "approve", task_state.pk))
        )
        self.client.logout()
        response = self.client.get("/en-gb/eagle/snail-hunt/")
        self.assertContains(response, "We found twelve snails.")
        self.assertContains(response, "by Amara, Eagle Class")

    def test_nothing_can_be_sent_without_a_name_words_and_a_described_photo(self):
        response = self.save(action="send", title=" ", text="", photo=photo_upload())
        self.assertEqual(response.status_code, 400)
        errors = response.json()["errors"]
        self.assertEqual(errors["title"], ["Your post needs a name. What is your post called?"])
        self.assertEqual(
            errors["text"], ["Write something about your learning before you send it."]
        )
        self.assertIn("Say what is in your photo", errors["photo_description"][0])
        self.assertFalse(BlogPostPage.objects.filter(owner=self.pupil, live=False).exists())
        self.assertFalse(get_image_model().objects.filter(uploaded_by_user=self.pupil).exists())

        page = self.save(json=False, action="send", title="", text="").content.decode()
        self.assertIn("Some things need fixing before your post can go:", page)
        self.assertIn('href="#id_title">Your post needs a name.', page)


class SavingAsSheGoesTests(WritingTestCase):
    def test_saving_makes_one_draft_and_keeps_saving_into_it(self):
        first = self.save(title="Volcano", text="It went")
        self.assertEqual(first.status_code, 200)
        answer = first.json()
        self.assertTrue(answer["saved"])
        post = self.post_titled("Volcano")
        self.assertEqual(answer["edit_url"], reverse("writing:edit", args=(post.pk,)))
        second = self.save(answer["edit_url"], title="Volcano", text="It went BOOM!")
        self.assertTrue(second.json()["saved"])
        self.assertEqual(BlogPostPage.objects.filter(owner=self.pupil, title="Volcano").count(), 1)
        post.refresh_from_db()
        self.assertIn("BOOM", post.get_latest_revision_as_object().body[0].value.source)
        # A draft, not sent: no workflow, nothing public.
        self.assertIsNone(post.current_workflow_state)
        self.assertFalse(post.live)

    def test_a_photo_is_stored_once_however_often_it_is_sent(self):
        data = phone_jpeg()
        answer = self.save(title="Leaves", photo=photo_upload(data)).json()
        photo_id = answer["photo"]["id"]
        self.assertTrue(answer["photo"]["preview"])
        # The same photo chosen again, by the camera button this time, and then only by its id.
        again = self.save(answer["edit_url"], title="Leaves", photo_camera=photo_upload(data))
        self.assertEqual(again.json()["photo"]["id"], photo_id)
        self.save(answer["edit_url"], title="Leaves", photo_id=photo_id, photo_description="Oak")
        self.assertEqual(get_image_model().objects.filter(uploaded_by_user=self.pupil).count(), 1)
        self.assertEqual(get_image_model().objects.get(pk=photo_id).description, "Oak")

    def test_a_photo_chosen_before_the_post_has_a_name_waits_for_it(self):
        answer = self.save(title="", photo=photo_upload(), voice=SimpleUploadedFile("v.wav", wav()))
        self.assertFalse(answer.json()["saved"])
        self.assertFalse(BlogPostPage.objects.filter(owner=self.pupil, live=False).exists())
        photo_id, voice_id = answer.json()["photo"]["id"], answer.json()["voice"]["id"]
        self.save(title="Autumn", photo_id=photo_id, voice_id=voice_id)
        draft = self.post_titled("Autumn").get_latest_revision_as_object()
        self.assertEqual(draft.featured_image_id, photo_id)
        self.assertEqual(draft.body[0].value["audio"].pk, voice_id)

    def test_a_pupil_cannot_attach_someone_elses_photo_by_its_number(self):
        teachers_photo = get_image_model().objects.create(
            title="Staff room",
            file=SimpleUploadedFile("staff.png", picture()),
            collection=self.eagle.collection,
            uploaded_by_user=self.school.users["eagle.teacher"],
        )
        self.save(title="Sneaky", photo_id=teachers_photo.pk, photo_description="x")
        self.assertIsNone(self.post_titled("Sneaky").get_latest_revision_as_object().featured_image)

    def test_a_new_title_gives_a_draft_its_address_and_a_repeated_one_its_own(self):
        edit_url = self.save(title="Sports day").json()["edit_url"]
        self.save(edit_url, title="Our sports day")
        self.assertEqual(self.post_titled("Our sports day").slug, "our-sports-day")
        self.save(title="Our sports day")
        slugs = sorted(
            BlogPostPage.objects.filter(title="Our sports day").values_list("slug", flat=True)
        )
        self.assertEqual(slugs, ["our-sports-day", "our-sports-day-1"])

    def test_opening_a_draft_shows_everything_she_wrote(self):
        edit_url = self.save(
            title="Pond dipping",
            text="We caught a newt & a snail.",
            photo=photo_upload(),
            photo_description="A newt in a tray",
            subjects=[self.history.pk],
            voice=SimpleUploadedFile("v.wav", wav()),
            transcript="Look at the newt!",
        ).json()["edit_url"]
        html = self.client.get(edit_url).content.decode()
        self.assertIn('value="Pond dipping"', html)
        self.assertIn("We caught a newt &amp; a snail.</textarea>", html)
        self.assertIn('value="A newt in a tray"', html)
        ticked = re.findall(r'name="subjects" value="(\d+)"[^>]*checked', html)
        self.assertEqual(ticked, [str(self.history.pk)])
        self.assertIn("Look at the newt!</textarea>", html)
        self.assertIn("<audio controls", html)


class BadInputTests(WritingTestCase):
    def test_a_photo_too_big_is_refused_with_the_limit_in_plain_words(self):
        with self.settings(WAGTAILIMAGES_MAX_UPLOAD_SIZE=1000):
            response = self.save(title="Huge", photo=photo_upload())
        self.assertEqual(response.status_code, 400)
        self.assertEqual(
            response.json()["errors"]["photo"],
            ["This photo is too big to send. Photos can be up to 1000\xa0bytes."],
        )
        self.assertFalse(get_image_model().objects.exists())
        self.assertFalse(BlogPostPage.objects.filter(title="Huge").exists())

    def test_something_that_is_not_a_photo_is_refused_and_nothing_is_stored(self):
        fake = SimpleUploadedFile("photo.jpg", b"<html><script>alert(1)</script>", "image/jpeg")
        response = self.save(title="Not a photo", photo=fake)
        self.assertEqual(
            response.json()["errors"]["photo"],
            ["This is not a photo we can use. Choose a photo (JPG, PNG, GIF or WebP)."],
        )
        self.assertFalse(get_image_model().objects.exists())

    def test_a_png_named_like_a_jpeg_is_taken_for_what_it_is(self):
        answer = self.save(title="Drawing", photo=photo_upload(picture("PNG"), name="x.jpg"))
        self.assertEqual(answer.status_code, 200)
        image = get_image_model().objects.get(pk=answer.json()["photo"]["id"])
        self.assertTrue(image.file.name.endswith(".png"))

    def test_a_recording_that_is_not_sound_is_refused_in_plain_words(self):
        fake = SimpleUploadedFile("voice.webm", b"MZ\x90\x00 not sound", "audio/webm")
        response = self.save(title="Song", voice=fake)
        self.assertEqual(
            response.json()["errors"]["voice"],
            ["This recording could not be used. Try recording it again."],
        )
        self.assertFalse(Media.objects.exists())


class ChangesAndWaitingTests(WritingTestCase):
    def send(self, title: str) -> BlogPostPage:
        self.save(json=False, action="send", title=title, text="My first try.")
        return self.post_titled(title)

    def test_the_teachers_words_open_the_post_and_sending_again_resumes_the_same_check(self):
        post = self.send("My poem")
        state = post.current_workflow_state
        self.sign_in("eagle.teacher")
        self.client.post(
            reverse(
                "wagtailadmin_pages:workflow_action",
                args=(post.pk, "reject", state.current_task_state.pk),
            ),
            {"comment": "Lovely rhymes! Can you add a last verse?"},
        )
        self.sign_in("eagle.pupil")
        html = self.client.get(reverse("writing:edit", args=(post.pk,))).content.decode()
        self.assertIn("Mr Patel says:", html)
        self.assertLess(html.index("Can you add a last verse?"), html.index('name="title"'))

        self.save(
            reverse("writing:edit", args=(post.pk,)),
            json=False,
            action="send",
            title="My poem",
            text="My first try.\n\nAnd a last verse.",
        )
        state.refresh_from_db()
        self.assertEqual(state.status, WorkflowState.STATUS_IN_PROGRESS)
        self.assertEqual(WorkflowState.objects.filter(object_id=str(post.pk)).count(), 1)

    def test_a_post_waiting_for_the_teacher_is_read_not_changed_until_she_takes_it_back(self):
        post = self.send("Rainbows")
        url = reverse("writing:edit", args=(post.pk,))
        html = self.client.get(url).content.decode()
        self.assertIn("Your teacher will check your post.", html)
        self.assertNotIn('name="title"', html)
        self.client.post(url, {"action": "save", "title": "Changed while waiting", "text": "x"})
        self.assertEqual(post.get_latest_revision_as_object().title, "Rainbows")

        response = self.client.post(url, {"action": "take-back"}, follow=True)
        self.assertContains(response, "You can change your post now.")
        self.assertContains(response, 'name="title"')
        post.refresh_from_db()
        self.assertIsNone(post.current_workflow_state)

    def test_changing_a_published_post_waits_for_the_teacher_before_anyone_sees_it(self):
        post = self.school.posts["eagle"][0]  # "Castle models", Amara's and published
        self.assertEqual(post.owner, self.pupil)
        url = reverse("writing:edit", args=(post.pk,))
        self.assertContains(self.client.get(url), "Everyone can read this post.")
        self.save(url, json=False, action="send", title="Castle models", text="New words.")
        self.assertNotContains(self.client.get("/en-gb/eagle/castle-models/"), "New words.")
        post.refresh_from_db()
        self.assertTrue(post.live and post.has_unpublished_changes)
        self.assertEqual(post.current_workflow_state.status, WorkflowState.STATUS_IN_PROGRESS)


class WhatAChildReadsTests(WritingTestCase):
    def test_no_cms_words_on_her_screens(self):
        self.save(json=False, action="send", title="Waiting one", text="Hello")
        edit_url = self.save(title="Draft one", text="Hi").json()["edit_url"]
        for url in (
            reverse("writing:my_posts"),
            reverse("writing:new"),
            edit_url,
            reverse("writing:edit", args=(self.post_titled("Waiting one").pk,)),
        ):
            html = self.client.get(url).content.decode()
            for word in JARGON + EDITOR_WORDS:
                self.assertNotIn(word, html, f"{word!r} on {url}")


class WhatAChildReadsInEveryLanguageTests(WritingTestCase):
    @classmethod
    def setUpTestData(cls):
        # "Castle models", Amara's post, has real Welsh and Urdu translations (also hers).
        cls.school = build_school(languages=True)
        cls.eagle = cls.school.eagle
        cls.pupil = cls.school.users["eagle.pupil"]
        cls.history = Subject.objects.get(slug="history")

    def test_her_posts_are_listed_once_each_whatever_the_languages(self):
        html = self.client.get(reverse("writing:my_posts")).content.decode()
        self.assertEqual(html.count(">Castle models<"), 1)
        self.assertNotIn("Modelau castell", html)
        self.assertNotIn("قلعوں کے ماڈل", html)
