""" "To check": one queue per teacher, decided in place, once, with feedback that reaches the
child. Through the admin's own URLs, as the queue page's script calls them."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import TaskState

from blogs.demo.school import DEFAULT_DEMO_PASSWORD
from blogs.models import BlogPostPage, Comment, Feedback
from blogs.school.pupils import create_pupils
from tests.media import wav
from tests.school import build_school

JSON = {"HTTP_ACCEPT": "application/json"}


class ToCheckTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.school = build_school()
        cls.eagle, cls.falcon = cls.school.eagle, cls.school.falcon
        Comment.objects.all().delete()

    def sign_in(self, username: str) -> None:
        self.client.logout()
        self.assertTrue(self.client.login(username=username, password=DEFAULT_DEMO_PASSWORD))

    def send_post(self, title: str, username: str = "eagle.pupil") -> TaskState:
        self.sign_in(username)
        response = self.client.post(
            reverse("writing:new"), {"title": title, "text": "My words.", "action": "send"}
        )
        self.assertEqual(response.status_code, 302)
        post = BlogPostPage.objects.get(title=title, locale__language_code="en-gb")
        return post.current_workflow_state.current_task_state

    def comment(self, post, name="Gran", body="Lovely work!") -> Comment:
        return Comment.objects.create(post=post, name=name, relation="grandparent", body=body)

    def decide(self, kind: str, pk: int, **data):
        url = reverse(f"review:decide_{kind}", args=(pk,))
        return self.client.post(url, data, **JSON)


class QueueTests(ToCheckTestCase):
    def test_a_teacher_sees_her_classes_posts_and_comments_oldest_first(self):
        first = self.send_post("First post")
        falcon_comment = self.comment(self.school.posts["falcon"][0], name="Falcon gran")
        eagle_comment = self.comment(self.school.posts["eagle"][0], name="Eagle grandad")
        self.sign_in("eagle.teacher")
        response = self.client.get(reverse("review:queue"))
        html = response.content.decode()
        self.assertEqual(
            [item.waiting.key for item in response.context["items"]],
            [f"post-{first.pk}", f"comment-{eagle_comment.pk}"],
        )
        self.assertIn("2 things wait for you, oldest first.", html)
        # Each item whole, in place: the post as it will look, the comment with who wrote it.
        self.assertIn("My words.", html)
        self.assertIn("Amara's post · Eagle Class", html)
        self.assertIn("Eagle grandad", html)
        self.assertIn("(Grandparent)", html)
        self.assertNotIn("Falcon gran", html)
        self.assertNotEqual(falcon_comment.pk, eagle_comment.pk)

    def test_senior_leaders_see_every_class(self):
        self.send_post("Eagle post")
        self.comment(self.school.posts["falcon"][0], name="Falcon gran")
        self.sign_in("head")
        response = self.client.get(reverse("review:queue"))
        self.assertEqual(len(response.context["items"]), 2)

    def test_pupils_and_staff_have_no_queue(self):
        for username in ("eagle.pupil", "staff"):
            self.sign_in(username)
            response = self.client.get(reverse("review:queue"))
            self.assertNotEqual(response.status_code, 200, username)

    def test_the_queue_runs_the_same_queries_for_10_and_500_waiting(self):
        post = self.school.posts["eagle"][0]
        self.sign_in("eagle.teacher")

        def queries_with(total: int) -> int:
            Comment.objects.bulk_create(
                Comment(post=post, name=f"Parent {n}", relation="parent", body="Hi")
                for n in range(total - Comment.objects.count())
            )
            self.send_post(f"Post for {total}")
            self.sign_in("eagle.teacher")
            with CaptureQueriesContext(connection) as queries:
                response = self.client.get(reverse("review:queue"))
            self.assertEqual(len(response.context["items"]), 10)
            return len(queries)

        self.assertEqual(queries_with(10), queries_with(500))

    def test_moving_on_loads_the_next_items_without_repeating_any(self):
        post = self.school.posts["eagle"][0]
        for n in range(23):
            self.comment(post, name=f"Parent {n}")
        self.sign_in("eagle.teacher")
        response = self.client.get(reverse("review:queue"))
        seen = [item.comment.name for item in response.context["items"]]
        cursor = response.context["items"][-1].waiting.cursor()
        while True:
            response = self.client.get(reverse("review:more"), {"after": cursor})
            items = response.context["items"]
            seen += [item.comment.name for item in items]
            if not response.context["more"]:
                break
            cursor = items[-1].waiting.cursor()
        self.assertEqual(seen, [f"Parent {n}" for n in range(23)])


class PostDecisionTests(ToCheckTestCase):
    def test_approval_with_words_and_a_voice_note_publishes_and_reaches_the_pupil(self):
        task_state = self.send_post("Castle diary")
        self.sign_in("eagle.teacher")
        response = self.decide(
            "post",
            task_state.pk,
            action="approve",
            text="Super use of adjectives!",
            voice=SimpleUploadedFile("note.wav", wav(), "audio/wav"),
        )
        self.assertEqual(response.json()["message"], "Approved and published.")
        self.assertEqual(response.json()["count"], 0)
        post = BlogPostPage.objects.get(title="Castle diary", locale__language_code="en-gb")
        self.assertTrue(post.live)
        feedback = Feedback.objects.get(post=post)
        self.assertEqual(
            (feedback.text, feedback.decision), ("Super use of adjectives!", "approved")
        )
        self.assertTrue(feedback.voice.name.startswith("feedback/"))
        # Never public: not on the post, and the voice note only to those who may hear it.
        self.client.logout()
        self.assertNotContains(self.client.get(post.url), "Super use of adjectives")
        voice_url = reverse("review:voice_note", args=(feedback.pk,))
        self.assertNotEqual(self.client.get(voice_url).status_code, 200)
        self.sign_in("falcon.teacher")
        self.assertEqual(self.client.get(voice_url).status_code, 302)  # refused: to the dashboard
        [card] = create_pupils(["Zainab"], self.eagle)
        self.client.login(username=card.username, password=card.password)
        self.assertEqual(self.client.get(voice_url).status_code, 302)

        self.sign_in("eagle.pupil")
        my_posts = self.client.get(reverse("writing:my_posts")).content.decode()
        self.assertIn("Mr Patel says:", my_posts)
        self.assertIn("Super use of adjectives!", my_posts)
        self.assertIn(f'src="{voice_url}"', my_posts)
        self.assertIn(">New<", my_posts)
        response = self.client.get(voice_url)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(b"".join(response.streaming_content)[:4], b"RIFF")
        self.assertIn("private", response["Cache-Control"])
        self.assertIn("no-store", response["Cache-Control"])
        # Opened, it is no longer new.
        self.assertContains(self.client.get(reverse("writing:edit", args=(post.pk,))), "Super use")
        self.assertNotIn(">New<", self.client.get(reverse("writing:my_posts")).content.decode())
        # And it is in the post's history for the teachers.
        self.sign_in("eagle.teacher")
        history = self.client.get(reverse("wagtailadmin_pages:history", args=(post.pk,)))
        self.assertContains(history, "Feedback for the pupil: Super use of adjectives!")

    def test_asking_for_changes_needs_words_or_a_voice_note(self):
        task_state = self.send_post("Rough draft")
        self.sign_in("eagle.teacher")
        response = self.decide("post", task_state.pk, action="changes", text=" ")
        self.assertEqual(response.status_code, 400)
        self.assertEqual(
            response.json()["message"], "Say what to change, in words or in a voice note."
        )
        task_state.refresh_from_db()
        self.assertEqual(task_state.status, TaskState.STATUS_IN_PROGRESS)
        response = self.decide("post", task_state.pk, action="changes", text="Add an ending.")
        self.assertEqual(response.json()["message"], "Sent back with your feedback.")
        self.sign_in("eagle.pupil")
        post = BlogPostPage.objects.get(title="Rough draft", locale__language_code="en-gb")
        html = self.client.get(reverse("writing:edit", args=(post.pk,))).content.decode()
        self.assertLess(html.index("Add an ending."), html.index('name="title"'))

    def test_a_decision_taken_elsewhere_is_reported_and_not_taken_twice(self):
        task_state = self.send_post("Busy post")
        self.sign_in("head")
        self.decide("post", task_state.pk, action="approve")
        self.sign_in("eagle.teacher")
        response = self.decide("post", task_state.pk, action="changes", text="Hmm")
        self.assertEqual(response.status_code, 409)
        self.assertEqual(response.json()["message"], "Mrs Okafor has already approved this post.")
        self.assertFalse(Feedback.objects.exists())
        post = BlogPostPage.objects.get(title="Busy post", locale__language_code="en-gb")
        self.assertTrue(post.live)

    def test_a_post_taken_back_by_its_writer_says_so(self):
        task_state = self.send_post("Taken back")
        post = BlogPostPage.objects.get(title="Taken back", locale__language_code="en-gb")
        self.client.post(reverse("writing:edit", args=(post.pk,)), {"action": "take-back"})
        self.sign_in("eagle.teacher")
        response = self.decide("post", task_state.pk, action="approve")
        self.assertEqual(response.status_code, 409)
        self.assertIn("its writer took it back", response.json()["message"])

    def test_a_teacher_cannot_decide_on_another_classes_post(self):
        task_state = self.send_post("Eagle only")
        self.sign_in("falcon.teacher")
        response = self.decide("post", task_state.pk, action="approve")
        self.assertEqual(response.status_code, 403)
        task_state.refresh_from_db()
        self.assertEqual(task_state.status, TaskState.STATUS_IN_PROGRESS)

    def test_feedback_given_in_wagtails_editor_reaches_the_pupil_too(self):
        task_state = self.send_post("Editor path")
        self.sign_in("eagle.teacher")
        post = BlogPostPage.objects.get(title="Editor path", locale__language_code="en-gb")
        self.client.post(
            reverse("wagtailadmin_pages:workflow_action", args=(post.pk, "approve", task_state.pk)),
            {"comment": "Brilliant!"},
        )
        self.assertEqual(Feedback.objects.get(post=post).text, "Brilliant!")


class CommentDecisionTests(ToCheckTestCase):
    def test_approve_reject_spam_and_reply(self):
        post = self.school.posts["eagle"][0]
        kept, rude, spam, thanked = (self.comment(post, name=n) for n in "ABCD")
        self.sign_in("eagle.teacher")
        self.decide("comment", kept.pk, action="approve")
        self.decide("comment", rude.pk, action="reject")
        response = self.decide("comment", spam.pk, action="spam")
        self.assertEqual(response.json()["message"], "Marked as spam: nobody will see it.")
        self.decide("comment", thanked.pk, action="reply", reply="Thank you, Gran!")
        statuses = dict(Comment.objects.filter(reply_to=None).values_list("name", "status"))
        self.assertEqual(statuses, {"A": "approved", "B": "rejected", "C": "spam", "D": "approved"})
        reply = Comment.objects.get(reply_to=thanked)
        self.assertEqual((reply.name, reply.status), ("Mr Patel", "approved"))
        self.client.logout()
        html = self.client.get(post.url).content.decode()
        self.assertIn("Thank you, Gran!", html)

    def test_a_comment_decided_in_another_tab_is_not_decided_again(self):
        comment = self.comment(self.school.posts["eagle"][0])
        self.sign_in("eagle.teacher")
        self.decide("comment", comment.pk, action="spam")
        response = self.decide("comment", comment.pk, action="approve")
        self.assertEqual(response.status_code, 409)
        self.assertEqual(
            response.json()["message"], "Mr Patel has already decided on this comment (spam)."
        )
        comment.refresh_from_db()
        self.assertEqual(comment.status, "spam")

    def test_a_teacher_cannot_decide_on_another_classes_comment(self):
        comment = self.comment(self.school.posts["falcon"][0])
        self.sign_in("eagle.teacher")
        self.assertEqual(self.decide("comment", comment.pk, action="approve").status_code, 403)
        comment.refresh_from_db()
        self.assertEqual(comment.status, "pending")

    def test_without_the_script_a_plain_form_post_works_too(self):
        comment = self.comment(self.school.posts["eagle"][0])
        self.sign_in("eagle.teacher")
        response = self.client.post(
            reverse("review:decide_comment", args=(comment.pk,)), {"action": "approve"}, follow=True
        )
        self.assertContains(response, "Approved: it is on the post now.")
