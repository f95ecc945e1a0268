"""Class blog pages: one per class, under the home page, showing the class's identity."""

from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text

from blogs.models import ClassBlogIndexPage
from home.models import HomePage, StandardPage
from tests.factories import ClassBlogIndexPageFactory, ImageFactory, school_home


class ClassBlogIndexPageTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = school_home()
        cls.eagle = ClassBlogIndexPageFactory(
            parent=cls.home,
            title="Eagle Class",
            slug="eagle",
            year_group="Years 1 and 2",
            teachers="Mr Patel",
            colour="purple",
            mascot=ImageFactory(description="A cartoon eagle"),
        )

    def test_class_blogs_live_only_under_the_home_page(self):
        self.assertAllowedParentPageTypes(ClassBlogIndexPage, {HomePage})
        self.assertCanNotCreateAt(StandardPage, ClassBlogIndexPage)
        self.assertCanNotCreateAt(ClassBlogIndexPage, ClassBlogIndexPage)

    def test_class_blog_shows_name_year_group_teachers_and_colour(self):
        self.assertPageIsRenderable(self.eagle)
        response = self.client.get("/en-gb/eagle/")
        self.assertContains(response, "<h1>Eagle Class</h1>", html=True)
        self.assertContains(response, "Years 1 and 2")
        self.assertContains(response, "Teachers: Mr Patel")
        self.assertContains(response, "class-colour--purple")
        self.assertContains(response, 'alt="A cartoon eagle"')

    def test_class_blog_is_editable(self):
        self.assertPageIsEditable(
            self.eagle,
            post_data=nested_form_data(
                {
                    "title": "Eagle Class",
                    "slug": "eagle",
                    "year_group": "Years 1 and 2",
                    "key_stage": "ks1",
                    "teachers": "Mr Patel and Mrs Khan",
                    "introduction": rich_text("<p>Hello from Eagle Class.</p>"),
                    "colour": "blue",
                    "mascot": self.eagle.mascot_id,
                }
            ),
        )

    def test_home_page_lists_live_class_blogs_only(self):
        ClassBlogIndexPageFactory(parent=self.home, title="Secret Class", live=False)
        response = self.client.get("/en-gb/")
        self.assertContains(response, 'href="/en-gb/eagle/"')
        self.assertNotContains(response, "Secret Class")
