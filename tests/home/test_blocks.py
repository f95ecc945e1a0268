"""The shared StreamField blocks: what editors must fill in and what visitors see."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.documents.models import Document

from home.blocks import BaseStreamBlock, CaptionedImageBlock, LinkBlock, QuoteBlock
from tests.factories import ImageFactory, StandardPageFactory

pytestmark = pytest.mark.django_db


def test_an_image_without_alt_text_is_refused():
    block = CaptionedImageBlock()
    value = block.to_python({"image": ImageFactory().pk, "alt_text": "", "caption": ""})
    with pytest.raises(ValidationError) as error:
        block.clean(value)
    assert "alt_text" in error.value.block_errors


def test_an_image_renders_responsive_webp_renditions_with_its_alt_text_and_caption():
    block = CaptionedImageBlock()
    value = block.to_python(
        {"image": ImageFactory().pk, "alt_text": "Children planting beans", "caption": "Spring"}
    )
    html = block.render(value)
    assert 'alt="Children planting beans"' in html
    assert "srcset=" in html and 'type="image/webp"' in html
    assert 'loading="lazy"' in html and 'width="' in html and 'height="' in html
    assert "<figcaption>Spring</figcaption>" in html


@pytest.mark.parametrize(
    "page_given, url, valid",
    [
        (True, "", True),
        (False, "https://example.com", True),
        (False, "", False),
        (True, "https://example.com", False),
    ],
)
def test_a_link_points_to_a_page_or_a_web_address_but_not_both(home_page, page_given, url, valid):
    block = LinkBlock()
    value = block.to_python(
        {"label": "Term dates", "page": home_page.pk if page_given else None, "url": url}
    )
    if valid:
        block.clean(value)
    else:
        with pytest.raises(ValidationError):
            block.clean(value)


def test_a_quote_escapes_what_was_typed():
    html = QuoteBlock().render(
        QuoteBlock().to_python({"quote": "<script>alert(1)</script>", "attribution": "Amara"})
    )
    assert "<script>" not in html
    assert "&lt;script&gt;" in html


def test_every_block_of_a_standard_page_renders(home_page, client, tmp_path):
    from django.core.files.base import ContentFile

    document = Document(title="Big Write: The Iron Man")
    document.file.save("big-write.pdf", ContentFile(b"%PDF-1.4 test"), save=False)
    document.save()
    image = ImageFactory()
    page = StandardPageFactory(
        parent=home_page,
        body=[
            ("heading", {"text": "Our trip", "level": "h3"}),
            ("paragraph", "<p>We went to the <b>museum</b>.</p>"),
            ("image", {"image": image, "alt_text": "The museum steps", "caption": ""}),
            ("quote", {"quote": "Best day ever!", "attribution": "Leo, Falcon Class"}),
            ("document", {"document": document, "title": ""}),
        ],
    )
    response = client.get(page.url)
    html = response.content.decode()
    assert "<h3>Our trip</h3>" in html
    assert "<b>museum</b>" in html
    assert 'alt="The museum steps"' in html
    assert "Best day ever!" in html and "Leo, Falcon Class" in html
    assert "Big Write: The Iron Man" in html and "(PDF" in html


def test_the_body_offers_editors_the_shared_blocks():
    assert set(BaseStreamBlock.base_blocks) >= {
        "heading",
        "paragraph",
        "image",
        "quote",
        "document",
        "embed",
    }
