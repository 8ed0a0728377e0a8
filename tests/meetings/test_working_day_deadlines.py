import datetime

import pytest

from meetings.holidays import bank_holidays, due_after, due_before, easter_sunday

D = datetime.date


def test_2025_bank_holidays_in_england_and_wales():
    assert sorted(bank_holidays(2025)) == [
        D(2025, 1, 1),
        D(2025, 4, 18),
        D(2025, 4, 21),
        D(2025, 5, 5),
        D(2025, 5, 26),
        D(2025, 8, 25),
        D(2025, 12, 25),
        D(2025, 12, 26),
    ]


def test_2026_bank_holidays_include_the_boxing_day_substitute():
    assert sorted(bank_holidays(2026)) == [
        D(2026, 1, 1),
        D(2026, 4, 3),
        D(2026, 4, 6),
        D(2026, 5, 4),
        D(2026, 5, 25),
        D(2026, 8, 31),
        D(2026, 12, 25),
        D(2026, 12, 28),
    ]


@pytest.mark.parametrize(
    "day",
    [
        D(2022, 1, 3),  # New Year's Day on a Saturday
        D(2021, 12, 27),  # Christmas Day on a Saturday
        D(2021, 12, 28),  # Boxing Day on a Sunday
        D(2020, 5, 8),  # early May moved for VE Day
        D(2022, 6, 3),  # Platinum Jubilee
        D(2023, 5, 8),  # Coronation
    ],
)
def test_substitute_and_one_off_holidays(day):
    assert day in bank_holidays(day.year)


def test_easter_dates():
    assert easter_sunday(2024) == D(2024, 3, 31)
    assert easter_sunday(2027) == D(2027, 3, 28)


def test_agenda_deadline_skips_weekends_and_easter():
    # Meeting Wednesday 8 April 2026: Easter Monday and Good Friday do not count, so the
    # five clear working days are 7 April and 30 March to 2 April.
    assert due_before(D(2026, 4, 8), 5) == D(2026, 3, 27)


def test_minutes_deadline_skips_christmas():
    assert due_after(D(2026, 12, 22), 10) == D(2027, 1, 8)
