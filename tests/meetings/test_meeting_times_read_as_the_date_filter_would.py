import datetime

import pytest
from django.template import Context, Template

from meetings.templatetags.meetings_tags import iso_time, long_time


@pytest.mark.parametrize(
    "moment",
    [
        datetime.datetime(2026, 3, 5, 10, 0, tzinfo=datetime.UTC),  # GMT, morning
        datetime.datetime(2026, 7, 1, 11, 30, tzinfo=datetime.UTC),  # BST: 12:30 p.m.
        datetime.datetime(2026, 7, 1, 23, 15, tzinfo=datetime.UTC),  # BST: 12:15 a.m.
        datetime.datetime(2026, 12, 31, 17, 5, 9, 123, tzinfo=datetime.UTC),
    ],
)
def test_listed_meeting_times_match_the_date_filter(moment):
    # In a template, as the date filter is used: it converts to UK time first.
    dates = Template("{{ moment|date:'l j F Y, g:i a' }}|{{ moment|date:'c' }}")
    assert f"{long_time(moment)}|{iso_time(moment)}" == dates.render(
        Context({"moment": moment})
    )
