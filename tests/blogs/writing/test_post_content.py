"""The writing screens own a post's words, photo and recording, and keep whatever else a teacher
added in Wagtail's editor."""

import pytest
from wagtail.rich_text import RichText

from blogs.writing.post_content import (
    PostParts,
    read_parts,
    rich_text_to_text,
    text_to_rich_text,
    write_parts,
)
from tests.factories import BlogPostPageFactory, ImageFactory

pytestmark = pytest.mark.django_db


def test_typed_text_becomes_paragraphs_and_nothing_typed_becomes_markup():
    html = text_to_rich_text("Fish & chips <b>yum</b>\nsecond line\n\n  New paragraph  ")
    assert html == (
        "<p>Fish &amp; chips &lt;b&gt;yum&lt;/b&gt;<br/>second line</p><p>New paragraph</p>"
    )
    assert rich_text_to_text(html) == "Fish & chips <b>yum</b>\nsecond line\n\nNew paragraph"


def test_a_teachers_gallery_and_bold_words_survive_a_pupil_opening_the_post(eagle):
    gallery = {
        "title": "",
        "images": [{"image": ImageFactory(), "alt_text": "A", "caption": ""}],
    }
    post = BlogPostPageFactory(
        parent=eagle,
        body=[
            ("paragraph", RichText("<p>We <b>loved</b> it.</p>")),
            ("gallery", gallery),
        ],
    )
    parts = read_parts(post)
    assert parts.text == "We loved it."
    write_parts(post, parts, voice_title="")  # saved again unchanged
    assert [block.block_type for block in post.body] == ["paragraph", "gallery"]
    assert "<b>loved</b>" in post.body[0].value.source

    parts.text = "We loved it so much."
    write_parts(post, parts, voice_title="")
    assert [block.block_type for block in post.body] == ["paragraph", "gallery"]
    assert post.body[0].value.source == "<p>We loved it so much.</p>"


def test_the_recording_follows_the_words_and_goes_when_it_is_deleted(eagle):
    from wagtailmedia.models import Media

    clip = Media.objects.create(title="Clip", type="audio", file="media/clip.wav", duration=3)
    post = BlogPostPageFactory(parent=eagle, body=[("paragraph", RichText("<p>Hi</p>"))])
    write_parts(
        post,
        PostParts(title="Hi", text="Hi", voice=clip, transcript="Hello"),
        voice_title="Amara reads",
    )
    assert [block.block_type for block in post.body] == ["paragraph", "audio"]
    assert post.body[1].value["transcript"] == "Hello"
    write_parts(post, PostParts(title="Hi", text="Hi"), voice_title="")
    assert [block.block_type for block in post.body] == ["paragraph"]
