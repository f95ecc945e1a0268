"""The Welsh, Polish and Urdu copies of a school's pages never show what English does not.

Every English page has a copy in each other language (wagtail-localize's synchronised
aliases). These tests make sure a copy is never a way round approval, unpublishing,
deleting or page privacy.
"""

from django.urls import reverse
from wagtail.models import Locale, Page

from blogs.models import BlogPostPage, HelpSheetPage

from .test_roles import SchoolRolesTestCase


class TranslatedCopiesTests(SchoolRolesTestCase):
    school_options = {"help_sheets": True, "languages": True}

    def copies(self, page) -> list[Page]:
        return list(Page.objects.filter(translation_key=page.translation_key).exclude(pk=page.pk))

    def test_a_pupils_post_reaches_no_language_before_a_teacher_approves(self):
        post = self.write_post("eagle.pupil", "My rocket", action="action-submit")
        copies = self.copies(post)
        self.assertEqual(sorted(copy.locale.language_code for copy in copies), ["cy", "pl", "ur"])
        for code in ("cy", "pl", "ur", "en-gb"):
            self.assertEqual(self.client.get(f"/{code}/eagle/my-rocket/").status_code, 404)

        self.sign_in("eagle.teacher")
        self.workflow_action(post, "approve")
        for code in ("cy", "pl", "ur", "en-gb"):
            self.assertEqual(self.client.get(f"/{code}/eagle/my-rocket/").status_code, 200)

    def test_unpublishing_a_post_takes_down_every_translation(self):
        post = BlogPostPage.objects.get(
            slug="castle-models", locale=Locale.get_default(), path__startswith=self.eagle.path
        )
        welsh = post.get_translation(Locale.objects.get(language_code="cy"))
        self.assertIsNone(welsh.alias_of_id)  # a real Welsh translation, not a copy
        self.sign_in("eagle.teacher")
        unpublish = reverse("wagtailadmin_pages:unpublish", args=[post.pk])
        # Wagtail lists the translations on the confirmation screen first.
        self.assertContains(self.client.get(unpublish), "translation")
        response = self.client.post(unpublish, {"include_translations": "on"})
        self.assertEqual(response.status_code, 302)
        for code in ("en-gb", "cy", "ur", "pl"):
            self.assertEqual(self.client.get(f"/{code}/eagle/castle-models/").status_code, 404)

    def test_a_deleted_post_leaves_no_copy_in_any_language(self):
        post = BlogPostPage.objects.get(
            slug="painting-like-monet",
            locale=Locale.get_default(),
            path__startswith=self.eagle.path,
        )
        self.assertEqual(len(self.copies(post)), 3)
        self.sign_in("head")
        response = self.client.post(reverse("wagtailadmin_pages:delete", args=[post.pk]))
        self.assertEqual(response.status_code, 302)
        self.assertEqual(self.copies(post), [])
        self.assertFalse(
            BlogPostPage.objects.filter(
                slug="painting-like-monet", path__startswith=self.eagle.path
            ).exists()
        )
        self.assertEqual(self.client.get("/pl/eagle/painting-like-monet/").status_code, 404)

    def test_staff_only_help_sheets_are_private_in_every_language(self):
        sheet = HelpSheetPage.objects.get(
            slug="approving-a-pupils-post", locale=Locale.get_default()
        )
        self.assertTrue(sheet.staff_only)
        for copy in self.copies(sheet):
            url = copy.url
            response = self.client.get(url)
            self.assertEqual(response.status_code, 302, url)
            self.assertIn("/login/?next=", response["Location"])
        # Nor do lists or search give their titles away in another language.
        for code in ("cy", "ur"):
            self.assertNotContains(self.client.get(f"/{code}/help/"), sheet.title)
            self.assertNotContains(
                self.client.get(f"/{code}/search/", {"q": "approving"}), sheet.title
            )

    def test_teachers_translate_their_class_and_pupils_write_in_english_only(self):
        welsh_eagle = self.eagle.get_translation(Locale.objects.get(language_code="cy"))
        welsh_post = Page.objects.child_of(welsh_eagle).get(slug="painting-like-monet")
        self.sign_in("eagle.teacher")
        edit = reverse("wagtailadmin_pages:edit", args=[welsh_post.pk])
        self.assertContains(self.client.get(edit), "Translate this page")
        self.sign_in("falcon.teacher")
        self.assertNotEqual(self.client.get(edit).status_code, 200)
        self.sign_in("eagle.pupil")
        # Pupils write in the writing screen, which writes in their class's English blog.
        self.assertEqual(self.client.get(reverse("writing:new")).status_code, 200)
        self.assertNotEqual(self.client.get(self.add_url(welsh_eagle)).status_code, 200)
        post = self.write_post("eagle.pupil", "My English post")
        self.assertEqual(post.get_parent().pk, self.eagle.pk)
