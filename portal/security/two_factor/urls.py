from django.urls import path

from portal.security.two_factor import views

app_name = "two_factor"
urlpatterns = [
    path("", views.ManageView.as_view(), name="manage"),
    path("verify/", views.VerifyView.as_view(), name="verify"),
    path("setup/", views.SetupView.as_view(), name="setup"),
    path("reset/<int:user_id>/", views.ResetView.as_view(), name="reset"),
]
