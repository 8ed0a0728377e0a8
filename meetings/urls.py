"""The meetings files Wagtail cannot route (its page paths must end in a slash)."""

from django.urls import path

from meetings import views

urlpatterns = [
    path("meetings/calendar.ics", views.calendar, name="meetings_calendar"),
    path(
        "meetings/<slug:slug>/calendar.ics",
        views.calendar,
        name="meetings_committee_calendar",
    ),
    path(
        "meetings/<slug:slug>/<int:pk>/calendar.ics",
        views.calendar,
        name="meetings_meeting_calendar",
    ),
    path(
        "meetings/<slug:slug>/<int:pk>/agenda-pack.pdf",
        views.agenda_pack,
        name="meetings_agenda_pack",
    ),
]
