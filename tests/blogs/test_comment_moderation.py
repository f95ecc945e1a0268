"""Moderating comments in the admin's list of comments: per class, singly and in bulk.

("To check", where waiting comments are decided one by one, is tests/blogs/review/.)
"""

from django.core import mail
from django.test import TestCase
from django.urls import reverse

from blogs.demo.school import DEFAULT_DEMO_PASSWORD
from blogs.models import BlogPostPage, ClassBlogIndexPage, Comment
from tests.blogs.test_comments import comment_form_action, form_data
from tests.school import build_school


class CommentModerationTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        # Welsh too: a commenter who writes in Welsh hears back in Welsh.
        school = build_school(languages=True)
        Comment.objects.all().delete()
        eagle, falcon = school.eagle, school.falcon
        cls.eagle_post = BlogPostPage.objects.child_of(eagle).first()
        cls.falcon_post = BlogPostPage.objects.child_of(falcon).first()
        cls.eagle_comments = [
            Comment.objects.create(
                post=cls.eagle_post,
                name=f"Parent {n}",
                relation="parent",
                body=f"Eagle {n}",
                email=f"parent{n}@example.com",
            )
            for n in range(3)
        ]
        cls.falcon_comment = Comment.objects.create(
            post=cls.falcon_post, name="Falcon gran", relation="grandparent", body="Falcon!"
        )

    def sign_in(self, username):
        self.assertTrue(self.client.login(username=username, password=DEFAULT_DEMO_PASSWORD))

    def bulk(self, action: str, comments) -> object:
        url = reverse("wagtail_bulk_action", args=("blogs", "comment", action))
        query = "&".join(f"id={c.pk}" for c in comments)
        return self.client.post(f"{url}?{query}")

    def test_teachers_see_only_their_own_classes_comments(self):
        self.sign_in("eagle.teacher")
        html = self.client.get(reverse("wagtailsnippets_blogs_comment:list")).content.decode()
        self.assertIn("Parent 0", html)
        self.assertNotIn("Falcon gran", html)
        edit = reverse("wagtailsnippets_blogs_comment:edit", args=(self.falcon_comment.pk,))
        self.assertNotEqual(self.client.get(edit).status_code, 200)
        self.client.post(edit, {"status": "approved", "reply": "Sneaky"})
        self.assertEqual(Comment.objects.get(pk=self.falcon_comment.pk).status, "pending")
        inspect = reverse("wagtailsnippets_blogs_comment:inspect", args=(self.falcon_comment.pk,))
        self.assertNotEqual(self.client.get(inspect).status_code, 200)
        self.sign_in("head")
        html = self.client.get(reverse("wagtailsnippets_blogs_comment:list")).content.decode()
        self.assertIn("Falcon gran", html)

    def test_the_queue_filters_by_class_and_status(self):
        Comment.objects.filter(pk=self.eagle_comments[0].pk).update(status="spam")
        self.sign_in("head")
        url = reverse("wagtailsnippets_blogs_comment:list")
        eagle = ClassBlogIndexPage.objects.get(locale__language_code="en-gb", slug="eagle")
        html = self.client.get(url, {"class_blog": eagle.pk, "status": "pending"}).content.decode()
        self.assertIn("Parent 1", html)
        self.assertNotIn("Parent 0", html)
        self.assertNotIn("Falcon gran", html)

    def test_bulk_approve_publishes_and_tells_each_commenter_once(self):
        self.sign_in("eagle.teacher")
        mail.outbox.clear()
        response = self.bulk("approve", self.eagle_comments[:2])
        self.assertEqual(response.status_code, 302)
        statuses = set(
            Comment.objects.filter(pk__in=[c.pk for c in self.eagle_comments[:2]]).values_list(
                "status", flat=True
            )
        )
        self.assertEqual(statuses, {"approved"})
        self.assertEqual(
            sorted(m.to[0] for m in mail.outbox), ["parent0@example.com", "parent1@example.com"]
        )
        self.client.logout()
        html = self.client.get(self.eagle_post.url).content.decode()
        self.assertIn("Eagle 0", html)
        self.assertNotIn("Eagle 2", html)

    def test_bulk_reject_spam_and_approve_with_links(self):
        self.sign_in("eagle.teacher")
        self.bulk("reject", [self.eagle_comments[0]])
        self.bulk("spam", [self.eagle_comments[1]])
        self.bulk("approve_with_links", [self.eagle_comments[2]])
        self.assertEqual(
            [Comment.objects.get(pk=c.pk).status for c in self.eagle_comments],
            ["rejected", "spam", "approved"],
        )
        self.assertTrue(Comment.objects.get(pk=self.eagle_comments[2].pk).links_allowed)

    def test_a_teacher_cannot_moderate_another_classes_comment_in_bulk(self):
        self.sign_in("eagle.teacher")
        self.bulk("approve", [self.falcon_comment])
        self.assertEqual(Comment.objects.get(pk=self.falcon_comment.pk).status, "pending")

    def test_pupils_cannot_moderate(self):
        self.sign_in("eagle.pupil")
        response = self.client.get(reverse("wagtailsnippets_blogs_comment:list"))
        self.assertNotEqual(response.status_code, 200)
        self.bulk("approve", self.eagle_comments)
        self.assertFalse(Comment.objects.filter(status="approved").exists())

    def test_a_teacher_replies_from_the_admin_and_the_reply_shows_one_level_deep(self):
        self.sign_in("eagle.teacher")
        comment = self.eagle_comments[0]
        response = self.client.post(
            reverse("wagtailsnippets_blogs_comment:edit", args=(comment.pk,)),
            {"status": "approved", "links_allowed": "", "reply": "Thank you for reading!"},
        )
        self.assertEqual(response.status_code, 302, response.content[:300])
        reply = Comment.objects.get(reply_to=comment)
        self.assertEqual(
            (reply.name, reply.relation, reply.status), ("Mr Patel", "teacher", "approved")
        )
        html = self.client.get(self.eagle_post.url).content.decode()
        self.assertIn("Thank you for reading!", html)

    def test_the_dashboard_says_how_much_waits_to_be_checked(self):
        self.sign_in("eagle.teacher")
        html = self.client.get(reverse("wagtailadmin_home")).content.decode()
        self.assertIn("3 things to check", html)
        self.assertIn("To check (3)", html)  # the menu's item
        self.sign_in("head")
        html = self.client.get(reverse("wagtailadmin_home")).content.decode()
        self.assertIn("4 things to check", html)

    def test_a_commenter_hears_back_in_the_language_they_wrote_in(self):
        action = comment_form_action(self.client, "/cy/eagle/castle-models/")
        response = self.client.post(action, form_data(name="Nain", email="nain@example.com"))
        self.assertEqual(response.status_code, 302)
        comment = Comment.objects.get(name="Nain")
        self.sign_in("eagle.teacher")  # the teacher's admin is in English
        mail.outbox.clear()
        self.bulk("approve", [comment])
        [message] = mail.outbox
        self.assertEqual(message.subject, "Mae eich sylw ar “Modelau castell” wedi’i gyhoeddi")
        self.assertIn("Diolch am eich sylw", message.body)
        self.assertIn("http://localhost/cy/eagle/castle-models/#comments", message.body)
