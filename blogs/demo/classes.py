"""The demo's six class blogs and the curriculum subjects their posts are filed under.

Classes are in ``data/classes.yaml``; each class's posts are made by ``posts.py``.
"""

from home.models import HomePage

from ..classes.class_blogs import ClassBlogIndexPage
from ..classes.subjects import CURRICULUM_PICTURES, CURRICULUM_SUBJECTS, Subject
from .data import load, paragraph
from .media import demo_image

CLASSES = load("classes")


def ensure_subjects() -> None:
    for name, slug in CURRICULUM_SUBJECTS:
        Subject.objects.get_or_create(
            slug=slug, defaults={"name": name, "picture": CURRICULUM_PICTURES[slug]}
        )


def ensure_class_blogs(home: HomePage) -> list[ClassBlogIndexPage]:
    """Each class's blog, with its mascot, under the home page, in the order of the file."""
    blogs = []
    for spec in CLASSES:
        name, slug = spec["name"], spec["name"].lower()
        existing = ClassBlogIndexPage.objects.child_of(home).filter(slug=slug).first()
        if existing:
            blogs.append(existing)
            continue
        mascot = demo_image(
            f"{name} Class mascot",
            f"A cartoon {name.lower()}, the {name} Class mascot",
            {"kind": "mascot", "colour": spec["mascot_colour"], "size": [400, 400]},
        )
        blog = ClassBlogIndexPage(
            title=f"{name} Class",
            slug=slug,
            year_group=spec["year_group"],
            key_stage=spec["key_stage"],
            teachers=spec["teachers"],
            colour=spec["colour"],
            mascot=mascot,
            introduction=paragraph(spec["introduction"]),
            show_in_menus=False,
        )
        home.add_child(instance=blog)
        blog.save_revision().publish()
        blogs.append(blog)
    return blogs
