"""A snippet chooser that offers only what the user may see.

Wagtail's snippet choosers check no permission: anyone signed in to the admin could page
through every comment or author name in the chooser modal. Snippets that hold people's names
or unpublished words use this chooser, which keeps to ``visibility.visible_objects``;
reference data every editor needs (subjects, award categories, topics) keeps Wagtail's.
"""

from wagtail.snippets.views import chooser

from .visibility import visible_objects


class VisibleOnlyChooseMixin:
    def get_object_list(self):
        return visible_objects(self.request, self.model_class)


class ChooseView(VisibleOnlyChooseMixin, chooser.ChooseView):
    pass


class ChooseResultsView(VisibleOnlyChooseMixin, chooser.ChooseResultsView):
    pass


class ChosenView(chooser.SnippetChosenView):
    def get_object(self, pk):
        return visible_objects(self.request, self.model_class).get(pk=pk)


class ChosenMultipleView(chooser.SnippetChosenMultipleView):
    def get_objects(self, pks):
        return visible_objects(self.request, self.model_class).filter(pk__in=pks)


class VisibleOnlySnippetChooserViewSet(chooser.SnippetChooserViewSet):
    choose_view_class = ChooseView
    choose_results_view_class = ChooseResultsView
    chosen_view_class = ChosenView
    chosen_multiple_view_class = ChosenMultipleView
