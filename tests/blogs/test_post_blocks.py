"""Every block a post's body offers, rendered as a visitor sees it, and its validation."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from wagtail.documents.models import Document
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtailmedia.models import Media

from blogs.classes.blocks import BlogPostStreamBlock, PupilWorkBlock
from tests.factories import BlogPostPageFactory, ImageFactory

pytestmark = pytest.mark.django_db


def _media(kind: str, name: str) -> Media:
    media = Media(title=name, type=kind, duration=3)
    media.file.save(name, ContentFile(b"not really media"), save=False)
    media.save()
    return media


def _document(title: str) -> Document:
    document = Document(title=title)
    document.file.save("big-write.pdf", ContentFile(b"%PDF-1.4"), save=False)
    document.save()
    return document


def test_the_body_offers_every_block_a_class_needs():
    assert set(BlogPostStreamBlock.base_blocks) >= {
        "paragraph",
        "heading",
        "image",
        "gallery",
        "audio",
        "video",
        "document",
        "embed",
        "quote",
        "pupil_work",
    }


def test_every_block_renders_on_a_post(client, eagle):
    youtube = "https://www.youtube.com/watch?v=schoolsite"
    # Wagtail looks embeds up in its database cache before asking the provider; a cached
    # embed keeps the test off the network while going through the real rendering path.
    Embed.objects.create(
        url=youtube,
        max_width=800,
        hash=get_embed_hash(youtube, 800),
        type="video",
        html='<iframe title="Our song on YouTube" src="https://www.youtube.com/embed/x"></iframe>',
    )
    pictures = [ImageFactory(), ImageFactory(), ImageFactory()]
    post = BlogPostPageFactory(
        parent=eagle,
        body=[
            ("heading", {"text": "Our week", "level": "h2"}),
            ("paragraph", "<p>It was <i>busy</i>.</p>"),
            ("image", {"image": pictures[0], "alt_text": "Our classroom", "caption": "Room 4"}),
            (
                "gallery",
                {
                    "title": "Sports day",
                    "images": [
                        {"image": pictures[1], "alt_text": "The sack race", "caption": ""},
                        {"image": pictures[2], "alt_text": "The relay", "caption": "Go team!"},
                    ],
                },
            ),
            (
                "audio",
                {
                    "audio": _media("audio", "poem.mp3"),
                    "title": "Amara reads her poem",
                    "transcript": "The moon is a silver spoon.",
                },
            ),
            (
                "video",
                {
                    "video": _media("video", "race.webm"),
                    "title": "The relay race",
                    "description": "Four children pass a baton.",
                },
            ),
            ("document", {"document": _document("Big Write"), "title": ""}),
            ("embed", youtube),
            ("quote", {"quote": "I love science!", "attribution": "Leo, Eagle Class"}),
            (
                "pupil_work",
                {
                    "image": pictures[0],
                    "alt_text": "A labelled leaf",
                    "document": None,
                    "what_it_shows": "Naming the parts of a plant",
                },
            ),
        ],
    )
    html = client.get(post.url).content.decode()
    assert "<h2>Our week</h2>" in html
    assert "<i>busy</i>" in html
    assert 'alt="Our classroom"' in html and "Room 4" in html
    assert 'alt="The sack race"' in html and 'alt="The relay"' in html and "Go team!" in html
    assert "<audio controls" in html and 'type="audio/mpeg"' in html
    assert "Amara reads her poem" in html and "The moon is a silver spoon." in html
    assert "<video controls" in html and 'type="video/webm"' in html
    assert "Four children pass a baton." in html
    assert "Big Write" in html and "(PDF" in html
    assert 'title="Our song on YouTube"' in html
    assert "I love science!" in html
    assert 'alt="A labelled leaf"' in html and "Naming the parts of a plant" in html


@pytest.mark.parametrize(
    "value, field",
    [
        ({"image": None, "document": None, "alt_text": "", "what_it_shows": "Fractions"}, "image"),
        (
            {"image": "IMAGE", "document": None, "alt_text": " ", "what_it_shows": "Fractions"},
            "alt_text",
        ),
    ],
)
def test_pupil_work_needs_the_work_and_alt_text_for_a_photo(value, field):
    if value["image"] == "IMAGE":
        value["image"] = ImageFactory().pk
    block = PupilWorkBlock()
    with pytest.raises(ValidationError) as error:
        block.clean(block.to_python(value))
    assert field in error.value.block_errors


def test_pupil_work_as_a_document_alone_is_fine():
    block = PupilWorkBlock()
    value = block.to_python(
        {"image": None, "document": _document("Story").pk, "alt_text": "", "what_it_shows": "Story"}
    )
    assert block.clean(value)["document"].title == "Story"


def test_a_gallery_needs_at_least_two_pictures():
    gallery = BlogPostStreamBlock.base_blocks["gallery"]
    value = gallery.to_python(
        {"title": "", "images": [{"image": ImageFactory().pk, "alt_text": "One", "caption": ""}]}
    )
    with pytest.raises(ValidationError):
        gallery.clean(value)
