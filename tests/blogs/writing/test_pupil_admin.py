"""The admin as each role finds it: a child's (a pupil's, a Digital Leader's) is their posts and
awards, a teacher's dashboard starts with the quick post."""

from django.test import TestCase
from django.urls import reverse

from blogs.demo.school import DEFAULT_DEMO_PASSWORD
from tests.school import build_school


class AdminForEachRoleTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.school = build_school()

    def sign_in(self, username: str) -> None:
        self.assertTrue(self.client.login(username=username, password=DEFAULT_DEMO_PASSWORD))

    def menu(self, response) -> str:
        return response.content.decode().split('id="wagtail-sidebar-props"')[-1][:20000]

    def test_a_pupils_admin_home_is_my_posts_and_their_menu_holds_nothing_else(self):
        self.sign_in("eagle.pupil")
        self.assertRedirects(
            self.client.get(reverse("wagtailadmin_home")), reverse("writing:my_posts")
        )
        # Wagtail's own screens a pupil may still reach (their account) show a bare menu.
        menu = self.menu(self.client.get(reverse("wagtailadmin_account")))
        self.assertIn(reverse("writing:my_posts"), menu)
        for hidden in ("Help", "Images", "Documents", "Media", "Pages", "editor guide"):
            self.assertNotIn(f'"{hidden}', menu)

    def test_wagtails_editor_sends_a_pupil_to_the_writing_screen(self):
        post = self.school.posts["eagle"][0]
        self.sign_in("eagle.pupil")
        self.assertRedirects(
            self.client.get(reverse("wagtailadmin_pages:edit", args=(post.pk,))),
            reverse("writing:edit", args=(post.pk,)),
        )

    def test_a_digital_leader_starts_at_my_posts_with_the_awards_they_write(self):
        self.sign_in("digital.leader")
        response = self.client.get(reverse("wagtailadmin_home"), follow=True)
        self.assertEqual(response.redirect_chain, [(reverse("writing:my_posts"), 302)])
        add_award = reverse(
            "wagtailadmin_pages:add", args=("blogs", "awardpage", self.school.awards.pk)
        )
        self.assertContains(response, f'href="{add_award}">Write this week')
        # They write awards in Wagtail's editor, whose menu keeps Pages but no Help.
        menu = self.menu(self.client.get(add_award))
        self.assertIn('"Pages"', menu)
        self.assertNotIn('"Help"', menu)

    def test_a_teachers_dashboard_starts_with_the_quick_post(self):
        self.sign_in("eagle.teacher")
        html = self.client.get(reverse("wagtailadmin_home")).content.decode()
        button = html.index(f'href="{reverse("writing:quick_post")}"')
        self.assertLess(
            button, html.index("Awaiting your review") if "Awaiting" in html else len(html)
        )
        self.assertIn(
            reverse("writing:quick_post"),
            self.menu(self.client.get(reverse("wagtailadmin_account"))),
        )
        # A teacher who opens the pupils' writing screen is sent to Wagtail's editor instead.
        self.assertRedirects(
            self.client.get(reverse("writing:new")),
            reverse("wagtailadmin_home"),
            fetch_redirect_response=False,
        )
