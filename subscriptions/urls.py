from django.urls import path

from subscriptions import views

app_name = "subscriptions"

urlpatterns = [
    path("mailing-list/", views.mailing_list, name="mailing_list"),
    path("alerts/", views.alerts, name="alerts"),
    path("check-your-inbox/", views.check_inbox, name="check_inbox"),
    path("confirm/<str:token>/", views.confirm, name="confirm"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("your-data/erase/", views.erasure_request, name="erasure_request"),
    path(
        "your-data/erase/requested/",
        views.erasure_requested,
        name="erasure_requested",
    ),
    path("your-data/erase/<str:token>/", views.erase_confirm, name="erase_confirm"),
]
