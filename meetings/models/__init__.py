from meetings.models.attendance import Attendance, Declaration
from meetings.models.documents import MeetingDocument, MeetingDocumentVersion
from meetings.models.meetings import AgendaItem, Committee, Meeting
from meetings.models.pages import BoardIndexPage, MeetingIndexPage
from meetings.models.people import (
    BoardSettings,
    InterestEntry,
    Membership,
    Person,
)

__all__ = [
    "AgendaItem",
    "Attendance",
    "BoardIndexPage",
    "BoardSettings",
    "Committee",
    "Declaration",
    "InterestEntry",
    "Meeting",
    "MeetingDocument",
    "MeetingDocumentVersion",
    "MeetingIndexPage",
    "Membership",
    "Person",
]
