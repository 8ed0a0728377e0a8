from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "meetings"
    verbose_name = "Board meetings"

    def ready(self):
        from django.db.models.signals import post_save
        from django.utils import timezone
        from django.utils.formats import date_format
        from wagtail.search import index
        from wagtail.signals import published

        from meetings import bulk, cdn, decision_seed, ocr, seed
        from meetings.models import (
            Decision,
            ForwardPlanEntry,
            Meeting,
            MeetingDocument,
            PaperCheck,
            Person,
        )
        from meetings.sitemaps import (
            BoardMemberSitemap,
            CommitteeSitemap,
            DecisionSitemap,
            MeetingSitemap,
            PaperSitemap,
        )
        from meetings.storage import private_storage
        from portal import search, sitemaps
        from portal.caching import changes
        from portal.ops import backup, bulk_data, scheduler, seeding

        def reindex_with_agenda(sender, instance, **kwargs):
            # Saving indexes a meeting before its agenda items are saved with it.
            index.insert_or_update_object(instance)

        # Held strongly: signals keep only a weak reference to a receiver, and this
        # function would be gone when ready() returns.
        published.connect(
            reindex_with_agenda,
            sender=Meeting,
            weak=False,
            dispatch_uid="meetings-reindex-with-agenda",
        )

        def meeting_facets(meeting):
            """(committee, year) to filter search results by."""
            return meeting.committee.name, timezone.localtime(meeting.start).year

        def describe_meeting(meeting):
            return meeting.display_title, meeting.url, meeting.summary

        def describe_document(document):
            meeting = document.meeting
            day = date_format(timezone.localtime(meeting.start), "j F Y")
            title = (
                f"{document.title} ({document.label}): {meeting.committee.name}, {day}"
            )
            return title, document.url, document.text

        search.register(
            search.SearchSource(
                "Meeting",
                Meeting,
                lambda: Meeting.objects.public().select_related("committee"),
                describe_meeting,
                facets=meeting_facets,
            )
        )
        search.register(
            search.SearchSource(
                "Meeting document",
                MeetingDocument,
                lambda: MeetingDocument.objects.public().select_related(
                    "meeting__committee"
                ),
                describe_document,
                facets=lambda document: meeting_facets(document.meeting),
            )
        )
        search.register(
            search.SearchSource(
                "Board member",
                Person,
                Person.objects.public,
                lambda person: (person.name, person.url, person.organisation),
            )
        )
        sitemaps.register("board", BoardMemberSitemap)

        def describe_decision(decision):
            return decision.title, decision.url, decision.public_text()

        search.register(
            search.SearchSource(
                "Board decision",
                Decision,
                lambda: Decision.objects.searchable().select_related(
                    "agenda_item__meeting__committee"
                ),
                describe_decision,
                facets=lambda decision: meeting_facets(decision.agenda_item.meeting),
            )
        )
        search.register(
            search.SearchSource(
                "Forward plan entry",
                ForwardPlanEntry,
                lambda: ForwardPlanEntry.objects.searchable().select_related(
                    "committee"
                ),
                lambda entry: (entry.title, entry.url, entry.summary),
            )
        )
        sitemaps.register("committees", CommitteeSitemap)
        sitemaps.register("meetings", MeetingSitemap)
        sitemaps.register("papers", PaperSitemap)
        sitemaps.register("decisions", DecisionSitemap)
        cdn.register()
        # The accessibility statement lists the public papers that fail the checks.
        changes.watch(PaperCheck)
        post_save.connect(
            ocr.queue_recognition,
            sender=PaperCheck,
            dispatch_uid="meetings-queue-recognition",
        )
        backup.register_storage("meetings_private", private_storage)
        backup.register_content(Meeting, MeetingDocument, Decision, ForwardPlanEntry)
        seeding.register("meetings", seed.seed)
        seeding.register("meetings-decisions", decision_seed.seed)
        bulk_data.register(
            bulk.generate,
            meetings="Example meetings to add, each with agenda items.",
            documents="Example papers to add, spread over the meetings.",
        )
        scheduler.register("publish_scheduled_documents", scheduler.MINUTE)
