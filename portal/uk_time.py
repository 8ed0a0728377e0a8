"""Times in the admin as UK time with the zone's name, e.g. "14 Jan 2027 10:00 GMT".

Editors schedule papers and pages for UK readers, and a time without GMT or BST beside
it is ambiguous for the weeks around the clock changes.
"""

from django.utils import timezone
from django.utils.dateformat import format as format_date
from wagtail.admin.ui.tables import Column

UK_TIME_FORMAT = "j M Y H:i T"


def uk_time(value):
    """A datetime as UK time with GMT or BST after it; '' for none."""
    if value is None:
        return ""
    return format_date(timezone.localtime(value), UK_TIME_FORMAT)


class UKTimeColumn(Column):
    """A listing column of date-times, in UK time with the zone's name."""

    def get_value(self, instance):
        return uk_time(super().get_value(instance))
