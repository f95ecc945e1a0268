"""Remembering who is in a picture or a recording, wherever the answer was given."""

from django.utils import timezone

from .models import ImagePeople, MediaPeople, People


def who_is_in(image) -> ImagePeople | None:
    return ImagePeople.objects.filter(image=image).first()


def remember_who_is_in(image, answer: str, pupils, by) -> ImagePeople:
    said, _created = ImagePeople.objects.update_or_create(
        image=image, defaults={"answer": answer, "answered_by": by, "answered_at": timezone.now()}
    )
    said.pupils.set(list(pupils or []) if answer == People.PUPILS else [])
    return said


def remember_who_is_heard(media, pupils, by) -> MediaPeople:
    said, _created = MediaPeople.objects.update_or_create(
        media=media,
        defaults={"answer": People.PUPILS, "answered_by": by, "answered_at": timezone.now()},
    )
    said.pupils.set(list(pupils))
    return said
