"""The admin's "Subscriptions" menu: who subscribed, their export, and erasure.

People consent for themselves, so staff can neither add nor edit a subscription; they
can look, export the confirmed ones, and erase an address.
"""

import django_filters
from django.contrib import messages
from django.shortcuts import redirect
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import (
    DeleteView,
    SnippetViewSetGroup,
)

from portal.admin_viewsets import PortalSnippetViewSet
from portal.security.permissions import LookOnlyPolicy
from portal.security.spreadsheets import EscapedExportIndexView
from subscriptions.erasure import erase_address
from subscriptions.models import (
    AlertSubscription,
    Erasure,
    MailingListSubscriber,
)

register_permission_policy(MailingListSubscriber, LookOnlyPolicy(MailingListSubscriber))
register_permission_policy(AlertSubscription, LookOnlyPolicy(AlertSubscription))
register_permission_policy(
    Erasure, LookOnlyPolicy(Erasure, refused=("add", "change", "delete"))
)


def confirmed_filterset(subscription_model):
    class ConfirmedFilterSet(WagtailFilterSet):
        confirmed = django_filters.BooleanFilter(
            field_name="confirmed_at",
            lookup_expr="isnull",
            exclude=True,
            label="Confirmed",
        )

        class Meta:
            model = subscription_model
            fields = []

    return ConfirmedFilterSet


class ConfirmedOnlyExportIndexView(EscapedExportIndexView):
    """The list shows every subscription; its export only the confirmed ones."""

    def get_queryset(self):
        queryset = super().get_queryset()
        if self.is_export:
            queryset = queryset.filter(confirmed_at__isnull=False)
        return queryset


class EraseView(DeleteView):
    """Deleting a subscription erases everything held for its address."""

    page_title = "Erase"

    @property
    def confirmation_message(self):
        return (
            f"Erase everything this website holds about {self.object.email}: its "
            "mailing list subscription, alerts and contact form messages? This "
            "cannot be undone."
        )

    def delete_action(self):
        self.erasure = erase_address(
            self.object.email, Erasure.Source.STAFF, self.request.user.get_username()
        )

    def get_success_message(self):
        erasure = self.erasure
        return (
            f"Erased {erasure.subscriptions} mailing list subscription(s), "
            f"{erasure.alerts} alert(s) and {erasure.contact_messages} contact "
            "message(s)."
        )

    def form_valid(self, form):
        response = super().form_valid(form)
        # The generic view's message names the object: replace it with the counts.
        list(messages.get_messages(self.request))
        messages.success(self.request, self.get_success_message())
        return response


class SubscriptionViewSet(PortalSnippetViewSet):
    index_view_class = ConfirmedOnlyExportIndexView
    delete_view_class = EraseView
    inspect_view_enabled = True
    search_fields = ["email"]
    search_backend_name = None


class MailingListViewSet(SubscriptionViewSet):
    model = MailingListSubscriber
    filterset_class = confirmed_filterset(MailingListSubscriber)
    icon = "mail"
    menu_label = "Mailing list"
    list_display = ["email", "confirmed_at", "consented_at"]
    list_export = ["email", "confirmed_at", "consented_at", "consent_text"]
    export_filename = "mailing-list-subscribers"


class AlertViewSet(SubscriptionViewSet):
    model = AlertSubscription
    filterset_class = confirmed_filterset(AlertSubscription)
    icon = "calendar-alt"
    menu_label = "Paper alerts"
    list_display = ["email", "committee_name", "confirmed_at", "consented_at"]
    list_export = [
        "email",
        "committee_name",
        "confirmed_at",
        "consented_at",
        "consent_text",
    ]
    export_filename = "meeting-paper-alerts"

    def get_queryset(self, request):
        return AlertSubscription.objects.select_related("committee")


class ErasureViewSet(PortalSnippetViewSet):
    model = Erasure
    icon = "bin"
    menu_label = "Erasures"
    list_display = [
        "erased_at",
        "source",
        "erased_by",
        "subscriptions",
        "alerts",
        "contact_messages",
    ]


class SubscriptionsGroup(SnippetViewSetGroup):
    menu_label = "Subscriptions"
    menu_icon = "mail"
    menu_order = 400
    items = (MailingListViewSet, AlertViewSet, ErasureViewSet)


register_snippet(SubscriptionsGroup)


@hooks.register("before_bulk_action")
def erase_instead_of_bulk_delete(request, action_type, objects, action):
    """Deleting several subscriptions at once erases each address, as one does."""
    if action_type != "delete" or action.model not in (
        MailingListSubscriber,
        AlertSubscription,
    ):
        return None
    addresses = {subscription.email for subscription in objects}
    for email in addresses:
        erase_address(email, Erasure.Source.STAFF, request.user.get_username())
    messages.success(
        request, f"Erased everything held for {len(addresses)} address(es)."
    )
    return redirect(action.next_url)
