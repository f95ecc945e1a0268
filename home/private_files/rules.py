"""Which files are private, and who may open one.

A file is private when the collection of its image, document, audio or video has a view
restriction (Wagtail's collection privacy: Settings › Collections › Privacy), on it or on a
collection above it. Renditions follow their image. The same rule that Wagtail applies to
documents then holds for every kind of file.
"""

from django.db.models import Model, Q
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import BaseViewRestriction, Collection
from wagtail.permissions import policy_registry
from wagtailmedia.models import get_media_model


def file_fields(model: type[Model]) -> list[str]:
    """The file fields of a model whose files follow its collection's privacy."""
    return {
        get_document_model(): ["file"],
        get_image_model(): ["file"],
        get_media_model(): ["file", "thumbnail"],
    }.get(model, [])


def owner_models() -> list[type[Model]]:
    """The collection members with files: documents, images, audio and video."""
    return [get_document_model(), get_image_model(), get_media_model()]


def restrictions_of(collection: Collection) -> list[BaseViewRestriction]:
    return list(collection.get_view_restrictions())


def is_private(owner: Model) -> bool:
    """Whether ``owner``'s collection (or one above it) has a view restriction."""
    return owner.collection.get_view_restrictions().exists()


def private_collection_ids() -> set[int]:
    """Every collection with a view restriction on it or above it, in two queries."""
    below_a_restriction = Q(pk__in=[])
    for collection in Collection.objects.filter(view_restrictions__isnull=False).distinct():
        below_a_restriction |= Q(path__startswith=collection.path)
    return set(Collection.objects.filter(below_a_restriction).values_list("pk", flat=True))


def find_owner(name: str) -> Model | None:
    """The document, image (for its renditions too) or media item that stores ``name``."""
    Document, Image = get_document_model(), get_image_model()
    if document := Document.objects.filter(file=name).select_related("collection").first():
        return document
    if image := Image.objects.filter(file=name).select_related("collection").first():
        return image
    Rendition = Image.get_rendition_model()
    rendition = Rendition.objects.filter(file=name).select_related("image__collection").first()
    if rendition:
        return rendition.image
    return (
        get_media_model()
        .objects.filter(Q(file=name) | Q(thumbnail=name))
        .select_related("collection")
        .first()
    )


def unmet_restrictions(request, owner: Model) -> list[BaseViewRestriction]:
    """The view restrictions on ``owner``'s collection that this request does not pass."""
    return [r for r in restrictions_of(owner.collection) if not r.accept_request(request)]


def may_edit(user, owner: Model) -> bool:
    """Editors who may choose or change the item in the admin see it there (previews)."""
    policy = policy_registry.get_by_type(type(owner))
    return policy.user_has_any_permission_for_instance(user, ["choose", "change"], owner)
