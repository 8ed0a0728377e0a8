"""England and Wales bank holidays and counting "clear working days" for deadlines.

The regular rules, Easter, substitute days for weekends, and the one-off changes
proclaimed since 1995, so deadlines need no network or extra package.
"""

import datetime
from functools import cache

ONE_DAY = datetime.timedelta(days=1)

# Proclaimed one-off holidays, and regular holidays moved to another date that year.
EXTRA_HOLIDAYS = {
    datetime.date(1999, 12, 31),  # Millennium
    datetime.date(2002, 6, 3),  # Golden Jubilee
    datetime.date(2011, 4, 29),  # Royal wedding
    datetime.date(2012, 6, 5),  # Diamond Jubilee
    datetime.date(2022, 6, 3),  # Platinum Jubilee
    datetime.date(2022, 9, 19),  # State funeral of Queen Elizabeth II
    datetime.date(2023, 5, 8),  # Coronation of King Charles III
}
MOVED_EARLY_MAY = {1995: datetime.date(1995, 5, 8), 2020: datetime.date(2020, 5, 8)}
MOVED_SPRING = {
    2002: datetime.date(2002, 6, 4),
    2012: datetime.date(2012, 6, 4),
    2022: datetime.date(2022, 6, 2),
}


def easter_sunday(year):
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    rest = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * rest) // 451
    month, day = divmod(h + rest - 7 * m + 114, 31)
    return datetime.date(year, month, day + 1)


def _first_monday(year, month):
    day = datetime.date(year, month, 1)
    return day + datetime.timedelta(days=(7 - day.weekday()) % 7)


def _last_monday(year, month):
    next_month = datetime.date(year + month // 12, month % 12 + 1, 1)
    last = next_month - ONE_DAY
    return last - datetime.timedelta(days=last.weekday())


def _next_weekday(day, taken):
    while day.weekday() >= 5 or day in taken:
        day += ONE_DAY
    return day


@cache
def bank_holidays(year):
    """The set of England and Wales bank holidays in ``year``."""
    easter = easter_sunday(year)
    days = {
        _next_weekday(datetime.date(year, 1, 1), set()),
        easter - 2 * ONE_DAY,
        easter + ONE_DAY,
        MOVED_EARLY_MAY.get(year, _first_monday(year, 5)),
        MOVED_SPRING.get(year, _last_monday(year, 5)),
        _last_monday(year, 8),
    }
    christmas = _next_weekday(datetime.date(year, 12, 25), set())
    boxing_day = _next_weekday(datetime.date(year, 12, 26), {christmas})
    days |= {christmas, boxing_day}
    days |= {day for day in EXTRA_HOLIDAYS if day.year == year}
    return frozenset(days)


def is_working_day(day):
    return day.weekday() < 5 and day not in bank_holidays(day.year)


def add_working_days(day, count):
    """The ``count``-th working day after ``day`` (before it when ``count`` < 0)."""
    step = ONE_DAY if count >= 0 else -ONE_DAY
    remaining = abs(count)
    while remaining:
        day += step
        if is_working_day(day):
            remaining -= 1
    return day


def due_before(meeting_day, clear_days):
    """The last working day that leaves ``clear_days`` working days before a meeting.

    Neither the day of publication nor the meeting day counts as a clear day.
    """
    return add_working_days(meeting_day, -(clear_days + 1))


def due_after(day, clear_days):
    """The last day to publish within ``clear_days`` working days after ``day``."""
    return add_working_days(day, clear_days)
