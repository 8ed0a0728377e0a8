"""What the admin reads as a date or a date and time, as people in the UK type them.

Django's own en_GB list, plus dots in times, ISO dates, month names and am/pm: e.g.
"14/01/2027 10:00", "14/01/2027 10.00", "2027-01-14 10:00", "14 Jan 2027 10am".
The first of each list is WAGTAIL_DATE_FORMAT / WAGTAIL_DATETIME_FORMAT, which the
admin's picker writes.
"""

_DAYS = ["%d/%m/%Y", "%Y-%m-%d", "%d/%m/%y", "%d.%m.%Y", "%d-%m-%Y"]
_NAMED_DAYS = ["%d %b %Y", "%d %B %Y", "%d %b, %Y", "%d %B, %Y"]
_TIMES = ["%H:%M", "%H.%M", "%H:%M:%S", "%I%p", "%I %p", "%I:%M%p", "%I:%M %p"]
_TIMES += ["%I.%M%p", "%I.%M %p"]

DATE_INPUT_FORMATS = _DAYS + _NAMED_DAYS
DATETIME_INPUT_FORMATS = [
    f"{day}{sep}{time}"
    for day in _DAYS + _NAMED_DAYS
    for sep in (" ", ", ", " at ")
    for time in _TIMES
]
