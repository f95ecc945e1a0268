"""Remembering who is in a picture or a recording, wherever the answer was given."""

from .models import ImagePeople, MediaPeople, People


def who_is_in(image) -> ImagePeople | None:
    return ImagePeople.objects.filter(image=image).first()


def remember_who_is_in(image, answer: str, pupils, by) -> ImagePeople:
    return ImagePeople.remember(image, answer, pupils, by)


def remember_who_is_heard(media, pupils, by) -> MediaPeople:
    return MediaPeople.remember(media, People.PUPILS, pupils, by)
