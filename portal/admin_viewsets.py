"""The base of every snippet list in the admin: searched in the database, and its
chooser open only to those who may use the model.

Every app's ``wagtail_hooks.py`` builds its snippet views on ``PortalSnippetViewSet``,
so a model registered later gets both without further work.
"""

from django.core.exceptions import PermissionDenied
from wagtail.permissions import policy_registry
from wagtail.snippets.views import chooser
from wagtail.snippets.views.snippets import SnippetViewSet

ANY_USE = ["add", "change", "delete", "view"]


class NeedsModelPermission:
    """A chooser view for those with some permission on its model, 403 for others:
    the list would otherwise name unpublished and confidential objects."""

    def dispatch(self, request, *args, **kwargs):
        policy = policy_registry.get_by_type(self.model_class)
        if not policy.user_has_any_permission(request.user, ANY_USE):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class ChooseView(NeedsModelPermission, chooser.ChooseView):
    pass


class ChooseResultsView(NeedsModelPermission, chooser.ChooseResultsView):
    pass


class ChosenView(NeedsModelPermission, chooser.SnippetChosenView):
    pass


class ChosenMultipleView(NeedsModelPermission, chooser.SnippetChosenMultipleView):
    pass


class CreateView(NeedsModelPermission, chooser.SnippetCreateView):
    pass


class PortalChooserViewSet(chooser.SnippetChooserViewSet):
    choose_view_class = ChooseView
    choose_results_view_class = ChooseResultsView
    chosen_view_class = ChosenView
    chosen_multiple_view_class = ChosenMultipleView
    create_view_class = CreateView


class PortalSnippetViewSet(SnippetViewSet):
    # The list's search filters the viewset's ``search_fields`` in the database: the
    # search backend cannot search those fields on SQLite ("no such column").
    search_backend_name = None
    chooser_viewset_class = PortalChooserViewSet
