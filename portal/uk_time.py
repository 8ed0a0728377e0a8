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


INVALID_DATETIME = (
    "Enter the date and time as day/month/year and hours:minutes, "
    "e.g. 14/01/2027 10:00 (UK time)."
)
INVALID_DATE = "Enter the date as day/month/year, e.g. 14/01/2027."


def register_admin_date_fields():
    """Every admin form's date and date-time fields say which format they expect."""
    from django.db import models
    from wagtail.admin.forms.models import register_form_field_override
    from wagtail.admin.widgets import AdminDateInput, AdminDateTimeInput

    register_form_field_override(
        models.DateTimeField,
        override={
            "widget": AdminDateTimeInput,
            "error_messages": {"invalid": INVALID_DATETIME},
        },
    )
    register_form_field_override(
        models.DateField,
        override={
            "widget": AdminDateInput,
            "error_messages": {"invalid": INVALID_DATE},
        },
    )
