from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "meetings"
    verbose_name = "Board meetings"

    def ready(self):
        from wagtail.signals import post_page_move

        from meetings.models import Meeting, MeetingDocument
        from meetings.models.pages import forget_index_url
        from meetings.sitemaps import MeetingSitemap
        from portal import search, sitemaps

        post_page_move.connect(forget_index_url)

        def describe_meeting(meeting):
            return meeting.display_title, meeting.url, meeting.summary

        def describe_document(document):
            title = f"{document.title} ({document.label})"
            return title, document.url, document.text

        search.register(
            search.SearchSource(
                "Meeting",
                lambda: Meeting.objects.public().select_related("committee"),
                describe_meeting,
            )
        )
        search.register(
            search.SearchSource(
                "Meeting document", MeetingDocument.objects.public, describe_document
            )
        )
        sitemaps.register("meetings", MeetingSitemap)
