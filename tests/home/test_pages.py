"""The school website's page types: where they may live, and that they render and edit."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from blogs.models import AwardIndexPage, ClassBlogIndexPage, HelpSheetLibraryPage, TimelinePage
from home.models import HomePage, StandardPage
from tests.factories import ImageFactory, StandardPageFactory, school_home


class SchoolPageTestCase(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = school_home(hero_image=ImageFactory())


class HomePageTests(SchoolPageTestCase):
    def test_home_page_lives_only_at_the_top_of_the_tree(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertCanNotCreateAt(HomePage, HomePage)
        self.assertCanNotCreateAt(StandardPage, HomePage)

    def test_home_page_holds_the_school_sections(self):
        self.assertAllowedSubpageTypes(
            HomePage,
            {StandardPage, ClassBlogIndexPage, TimelinePage, AwardIndexPage, HelpSheetLibraryPage},
        )

    def test_one_home_page_per_school(self):
        root = Page.get_first_root_node()
        self.assertFalse(HomePage.can_create_at(self.home))
        self.assertEqual(HomePage.max_count_per_parent, 1)
        self.assertTrue(root.get_children().type(HomePage).count() == 1)

    def test_home_page_renders_with_its_hero_as_responsive_renditions(self):
        self.assertPageIsRenderable(self.home)
        response = self.client.get("/en-gb/")
        self.assertContains(response, "<h1>Oakfield Primary School</h1>", html=True)
        self.assertContains(response, "srcset=")
        self.assertContains(response, ".webp")
        self.assertNotContains(response, "original_images/")

    def test_home_page_is_editable_in_the_admin(self):
        self.assertPageIsEditable(
            self.home,
            post_data=nested_form_data(
                {
                    "title": self.home.title,
                    "slug": self.home.slug,
                    "welcome": rich_text("<p>Welcome back after half term!</p>"),
                    "quick_links": streamfield(
                        [("link", {"label": "Term dates", "page": "", "url": "https://gov.uk"})]
                    ),
                }
            ),
        )


class StandardPageTests(SchoolPageTestCase):
    def test_standard_pages_sit_under_the_home_page_or_each_other(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage})

    def test_standard_page_can_be_created_through_the_admin(self):
        self.login()
        self.assertCanCreate(
            self.home,
            StandardPage,
            {
                "title": "Term dates",
                "slug": "term-dates",
                "introduction": "Our term dates for this year.",
                "body-count": "0",
            },
        )
        self.assertTrue(StandardPage.objects.filter(slug="term-dates").exists())

    def test_standard_page_renders_its_body_and_lists_its_sub_pages(self):
        policies = StandardPageFactory(
            parent=self.home,
            title="Policies",
            body=[("heading", {"text": "Keeping safe", "level": "h2"})],
        )
        StandardPageFactory(parent=policies, title="Online safety policy")
        self.assertPageIsRenderable(policies)
        response = self.client.get(policies.url)
        self.assertContains(response, "<h1>Policies</h1>", html=True)
        self.assertContains(response, "<h2>Keeping safe</h2>", html=True)
        self.assertContains(response, "Online safety policy")
        self.assertPageIsEditable(
            policies,
            post_data=nested_form_data(
                {
                    "title": "Policies",
                    "slug": policies.slug,
                    "introduction": "",
                    "body": streamfield([("heading", {"text": "Keeping safe", "level": "h2"})]),
                }
            ),
        )
