"""The admin API's images and documents, limited to those the user may see.

Wagtail's admin API lists every image and document (less privately-collected ones) to anyone
signed in to the admin, while its choosers offer only the collections the user may use: a
pupil could read the titles of another class's photos there. These endpoints replace Wagtail's
(registered in ``wagtail_hooks``) and keep to ``visibility.visible_objects``.
"""

from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet

from .visibility import visible_objects


class VisibleObjectsOnlyAPIMixin:
    def get_queryset(self):
        visible = visible_objects(self.request, self.model).values("pk")
        return super().get_queryset().filter(pk__in=visible)


class VisibleImagesAdminAPIViewSet(VisibleObjectsOnlyAPIMixin, ImagesAdminAPIViewSet):
    pass


class VisibleDocumentsAdminAPIViewSet(VisibleObjectsOnlyAPIMixin, DocumentsAdminAPIViewSet):
    pass
