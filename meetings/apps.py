from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "meetings"
    verbose_name = "Board meetings"

    def ready(self):
        from wagtail.search import index
        from wagtail.signals import published

        from meetings import cdn
        from meetings.models import Meeting, MeetingDocument
        from meetings.sitemaps import MeetingSitemap
        from portal import search, sitemaps

        def reindex_with_agenda(sender, instance, **kwargs):
            # Saving indexes a meeting before its agenda items are saved with it.
            index.insert_or_update_object(instance)

        published.connect(reindex_with_agenda, sender=Meeting)

        def describe_meeting(meeting):
            return meeting.display_title, meeting.url, meeting.summary

        def describe_document(document):
            title = f"{document.title} ({document.label})"
            return title, document.url, document.text

        search.register(
            search.SearchSource(
                "Meeting",
                Meeting,
                lambda: Meeting.objects.public().select_related("committee"),
                describe_meeting,
            )
        )
        search.register(
            search.SearchSource(
                "Meeting document",
                MeetingDocument,
                MeetingDocument.objects.public,
                describe_document,
            )
        )
        sitemaps.register("meetings", MeetingSitemap)
        cdn.register()
