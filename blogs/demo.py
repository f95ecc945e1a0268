"""The demo school's class blogs. Idempotent: what exists is left as it is."""

from home.demo_media import demo_image
from home.models import HomePage

from .models import ClassBlogIndexPage
from .models.class_blogs import ClassColour, KeyStage

# The classes of the design card, named after birds as many schools do.
DEMO_CLASSES = [
    ("Blackbird", "Nursery and Reception", KeyStage.EYFS, "Mrs Green", ClassColour.GREY),
    ("Eagle", "Years 1 and 2", KeyStage.KS1, "Mr Patel", ClassColour.BLUE),
    ("Falcon", "Years 3 and 4", KeyStage.LKS2, "Miss Evans", ClassColour.RED),
    ("Heron", "Years 3 and 4", KeyStage.LKS2, "Mr Adeyemi", ClassColour.TEAL),
    (
        "Goldfinch",
        "Resource base (mixed ages)",
        KeyStage.RESOURCE_BASE,
        "Ms Novak",
        ClassColour.ORANGE,
    ),
    ("Kingfisher", "Years 5 and 6", KeyStage.UKS2, "Mrs Begum", ClassColour.PURPLE),
]

MASCOT_COLOURS = {
    ClassColour.GREY: "#4a4f57",
    ClassColour.BLUE: "#1d4e89",
    ClassColour.RED: "#b3261e",
    ClassColour.TEAL: "#00695c",
    ClassColour.ORANGE: "#a04100",
    ClassColour.PURPLE: "#6a3d9a",
}


def ensure_class_blogs(home: HomePage) -> list[ClassBlogIndexPage]:
    blogs = []
    for name, year_group, key_stage, teachers, colour in DEMO_CLASSES:
        slug = name.lower()
        existing = ClassBlogIndexPage.objects.child_of(home).filter(slug=slug).first()
        if existing:
            blogs.append(existing)
            continue
        mascot = demo_image(
            f"{name} Class mascot",
            f"A cartoon {name.lower()}, the {name} Class mascot",
            colour=MASCOT_COLOURS[colour],
            size=(400, 400),
            shapes=1,
        )
        blog = ClassBlogIndexPage(
            title=f"{name} Class",
            slug=slug,
            year_group=year_group,
            key_stage=key_stage,
            teachers=teachers,
            colour=colour,
            mascot=mascot,
            introduction=f"<p>Welcome to {name} Class's blog. Read about our learning and "
            "leave us a comment!</p>",
            show_in_menus=False,
        )
        home.add_child(instance=blog)
        blog.save_revision().publish()
        blogs.append(blog)
    return blogs
