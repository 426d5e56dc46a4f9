"""Due times in UK time: clock hours across the clock changes, working days around bank holidays in
England and Wales, working hours in a given working day, and a plain message outside the table."""

from __future__ import annotations

import datetime as dt

import pytest

from decision_engine.deadlines import (
    Due,
    DueError,
    Timescale,
    due,
    england_and_wales,
    in_words,
    time_left,
    to_local,
    to_utc,
)


def at(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text)


def due_at(received: str, amount: int, unit: str, window=None) -> Due:
    result = due(at(received), Timescale(amount, unit, window))  # type: ignore[arg-type]
    assert isinstance(result, Due), result
    return result


def test_the_table_covers_this_year_and_the_next_five() -> None:
    table = england_and_wales()
    assert table.first_year <= 2026 and table.last_year >= 2031
    assert dt.date(2026, 12, 28) in table.dates  # Boxing Day moved to the Monday
    assert dt.date(2027, 3, 26) in table.dates  # Good Friday 2027


def test_uk_time_changes_on_the_last_sundays_of_march_and_october() -> None:
    assert to_utc(at("2026-03-29T00:30")) == at("2026-03-29T00:30")  # still GMT
    assert to_utc(at("2026-03-29T02:30")) == at("2026-03-29T01:30")  # BST
    assert to_local(at("2026-10-25T00:30")) == at("2026-10-25T01:30")  # the first 01:30, summer time
    assert to_local(at("2026-10-25T01:30")) == at("2026-10-25T01:30")  # the second 01:30, winter time


def test_four_hours_across_the_spring_clock_change_is_four_real_hours() -> None:
    assert due_at("2026-03-29T00:30", 4, "hours").at == at("2026-03-29T05:30")


def test_four_hours_across_the_autumn_clock_change_is_four_real_hours() -> None:
    assert due_at("2026-10-25T00:30", 4, "hours").at == at("2026-10-25T03:30")


def test_hours_read_back_in_words() -> None:
    assert due_at("2026-11-23T10:30", 4, "hours").text == "2:30pm on Monday 23 November 2026"


@pytest.mark.parametrize(
    ("received", "expected"),
    [
        ("2026-11-19T16:00", "2026-11-23T16:00"),  # Thursday: Friday, Monday
        ("2026-11-21T10:00", "2026-11-24T10:00"),  # Saturday: Monday, Tuesday
        ("2026-04-02T09:00", "2026-04-08T09:00"),  # before Easter: Good Friday and Easter Monday skipped
        ("2026-12-24T12:00", "2026-12-30T12:00"),  # Christmas Day and Boxing Day (moved to the 28th) skipped
    ],
)
def test_two_working_days_are_the_same_time_two_working_days_on(received: str, expected: str) -> None:
    result = due_at(received, 2, "working_days")
    assert result.at == at(expected)
    assert "not counting weekends or bank holidays in England and Wales" in result.how
    assert "No source defines a working day: this is the handbook's reading" in result.how


def test_midnight_is_read_as_the_end_of_the_day_it_closes() -> None:
    result = due_at("2026-11-21T10:00", 24, "hours_on_working_days")
    assert result.text == "midnight at the end of Monday 23 November 2026"


def test_one_working_day_from_9am_on_a_friday_is_9am_on_monday() -> None:
    assert due_at("2026-11-20T09:00", 1, "working_days").text == "9am on Monday 23 November 2026"


@pytest.mark.parametrize(
    ("received", "expected"),
    [
        ("2026-11-23T09:00", "2026-11-24T09:00"),  # Monday: a plain 24 hours
        ("2026-11-20T18:00", "2026-11-23T18:00"),  # Friday evening: 6 hours on Friday, 18 on Monday
        ("2026-11-21T10:00", "2026-11-24T00:00"),  # Saturday: the clock runs only on Monday, to its end
        ("2026-12-24T17:00", "2026-12-29T17:00"),  # Christmas Eve: the 25th, the weekend and the 28th stop it
        ("2026-03-27T23:00", "2026-03-30T23:00"),  # Friday night before the clocks go forward
    ],
)
def test_hours_on_working_days_stop_at_weekends_and_bank_holidays(received: str, expected: str) -> None:
    result = due_at(received, 24, "hours_on_working_days")
    assert result.at == at(expected)
    assert "the clock stops at weekends" in result.how


def test_same_day_means_by_the_end_of_that_day() -> None:
    result = due_at("2026-11-23T10:30", 0, "same_day")
    assert result.text == "the end of Monday 23 November 2026"
    assert due_at("2026-11-23T10:30", 1, "same_day").text == "the end of Tuesday 24 November 2026"


def test_working_hours_count_only_the_working_day() -> None:
    window = (dt.time(9), dt.time(17))
    assert due_at("2026-11-20T16:00", 3, "working_hours", window).at == at("2026-11-23T11:00")  # Fri to Mon
    assert due_at("2026-11-21T12:00", 2, "working_hours", window).at == at("2026-11-23T11:00")  # from Saturday


def test_working_hours_without_a_working_day_are_refused() -> None:
    result = due(at("2026-11-20T16:00"), Timescale(3, "working_hours"))
    assert isinstance(result, DueError)


def test_a_date_outside_the_table_is_reported_not_guessed() -> None:
    last = england_and_wales().last_year
    result = due(dt.datetime(last + 1, 1, 4, 9, 0), Timescale(2, "working_days"))
    assert isinstance(result, DueError)
    assert result.message.startswith(f"The bank holiday table covers {england_and_wales().first_year} to {last}")
    near_end = due(dt.datetime(last, 12, 31, 9, 0), Timescale(2, "working_days"))
    assert isinstance(near_end, DueError)  # the count runs past the table


def test_time_left_uses_real_time() -> None:
    assert time_left(at("2026-11-23T14:30"), at("2026-11-23T11:10")) == "due in 3 hours 20 minutes"
    assert time_left(at("2026-11-23T14:30"), at("2026-11-23T15:31")) == "overdue by 1 hour 1 minute"


def test_clock_hours_and_same_day_need_no_bank_holiday_table() -> None:
    before = england_and_wales().first_year - 1
    weekday = dt.date(before, 1, 10).strftime("%A")
    assert due_at(f"{before}-01-10T16:30", 4, "hours").text == f"8:30pm on {weekday} 10 January {before}"
    assert due_at(f"{before}-01-10T16:30", 0, "same_day").text == f"the end of {weekday} 10 January {before}"


def test_a_long_wait_is_said_in_days() -> None:
    assert time_left(at("2026-11-23T14:30"), at("2026-11-28T04:00")) == "overdue by 4 days 13 hours"
    assert time_left(at("2026-11-25T14:30"), at("2026-11-23T14:00")) == "due in 2 days"


@pytest.mark.parametrize(
    ("received", "amount", "unit"),
    [
        ("9999-12-31T23:00", 24, "hours"),  # runs off the end of the calendar: raised OverflowError
        ("9999-12-31T00:00", 1, "same_day"),
    ],
)
def test_a_due_time_off_the_end_of_the_calendar_says_so(received: str, amount: int, unit: str) -> None:
    result = due(at(received), Timescale(amount, unit))  # type: ignore[arg-type]
    assert isinstance(result, DueError)
    assert result.message.startswith("The due time falls outside the calendar")


@pytest.mark.parametrize("moment", ["0001-01-01T00:00", "0001-01-01T00:30", "9999-12-31T23:59"])
def test_times_at_the_ends_of_the_calendar_are_read_without_a_fault(moment: str) -> None:
    assert to_local(to_utc(at(moment))) == at(moment)
    assert time_left(at("2026-11-23T09:30"), at(moment))
    assert in_words(at(moment))
