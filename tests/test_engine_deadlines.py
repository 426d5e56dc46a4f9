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


def test_same_day_means_by_the_end_of_that_day_given_as_a_clock_time() -> None:
    result = due_at("2026-11-23T10:30", 0, "same_day")
    assert result.at == at("2026-11-23T23:59")
    assert result.text == "11:59pm on Monday 23 November 2026 (the end of the day)"
    assert due_at("2026-11-23T10:30", 1, "same_day").text == "11:59pm on Tuesday 24 November 2026 (the end of the day)"


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
    assert due_at(f"{before}-01-10T16:30", 0, "same_day").text == (
        f"11:59pm on {weekday} 10 January {before} (the end of the day)"
    )


def test_a_long_wait_is_said_in_days() -> None:
    assert time_left(at("2026-11-23T14:30"), at("2026-11-28T04:00")) == "overdue by 4 days 13 hours"
    assert time_left(at("2026-11-25T14:30"), at("2026-11-23T14:00")) == "due in 2 days"


# Clock changes: a due time says which reading of an ambiguous time it used, and names a clock change
# between the two times, so the reader knows the hours counted are real hours.

AUTUMN = "The clocks go back at 2am on Sunday 25 October 2026, between the two times"
SPRING = "The clocks go forward at 1am on Sunday 29 March 2026, between the two times"


def test_a_time_in_the_repeated_autumn_hour_is_read_as_the_first_in_bst_and_says_so() -> None:
    result = due_at("2026-10-25T01:30", 4, "hours")
    assert result.at == at("2026-10-25T04:30")  # 00:30 UTC, the BST 1:30am, plus 4 real hours
    assert (
        "1:30am on Sunday 25 October 2026 happens twice, because the clocks go back at 2am: it is read as "
        "the first 1:30am, in BST" in result.how
    )


def test_hours_across_the_autumn_clock_change_name_it_and_the_clock_the_due_time_is_in() -> None:
    result = due_at("2026-10-24T23:00", 4, "hours")
    assert result.text == "2am on Sunday 25 October 2026"
    assert result.how == (
        f"4 hours from the time given, in UK time. {AUTUMN}, so the hours counted are real hours; "
        "the due time is in GMT"
    )


def test_hours_across_the_spring_clock_change_name_it() -> None:
    result = due_at("2026-03-28T22:00", 24, "hours")
    assert result.text == "11pm on Sunday 29 March 2026"
    assert f"{SPRING}, so the hours counted are real hours; the due time is in BST" in result.how


def test_working_days_across_a_clock_change_name_it_without_counting_hours() -> None:
    result = due_at("2026-10-23T09:00", 1, "working_days")  # Friday to Monday
    assert result.text == "9am on Monday 26 October 2026"
    assert result.how.endswith(f"{AUTUMN}; the due time is in GMT")


def test_a_span_with_no_clock_change_says_nothing_of_one() -> None:
    assert due_at("2026-11-23T10:30", 4, "hours").how == "4 hours from the time given, in UK time"
    assert "clocks" not in due_at("2026-10-25T02:30", 4, "hours").how  # after the change


def test_a_due_time_in_the_repeated_hour_says_which_of_the_two_it_is() -> None:
    second = due_at("2026-10-25T00:30", 2, "hours")  # 23:30 UTC + 2 hours: 01:30 UTC, GMT
    assert second.text == "1:30am on Sunday 25 October 2026"
    assert "The due time, 1:30am, happens twice that night: it is the second, in GMT" in second.how
    first = due_at("2026-10-25T00:00", 1, "hours")  # 23:00 UTC + 1 hour: 00:00 UTC, still BST
    assert "The due time, 1am, happens twice that night: it is the first, in BST" in first.how


def test_time_left_to_the_second_of_a_repeated_time_counts_the_real_hour_between() -> None:
    second = due_at("2026-10-25T00:30", 2, "hours")
    assert time_left(second.at, at("2026-10-25T00:45")) == "due in 1 hour 45 minutes"


def test_a_skipped_time_given_straight_to_the_engine_says_how_it_was_read() -> None:
    # People cannot enter one (answers refuse it), but the engine never fails on one either.
    result = due_at("2026-03-29T01:30", 1, "hours")
    assert result.text == "3:30am on Sunday 29 March 2026"
    assert (
        "1:30am on Sunday 29 March 2026 does not happen, because the clocks go forward at 1am: it is read "
        "as GMT, the same as 2:30am BST" in result.how
    )


# The day a due time falls on: a weekend or a bank holiday is said, so nobody plans on an office day.


@pytest.mark.parametrize(
    ("received", "amount", "unit", "note"),
    [
        ("2026-11-20T16:00", 20, "hours", "This falls on a Saturday."),
        ("2026-11-22T09:00", 1, "hours", "This falls on a Sunday."),
        ("2026-11-21T10:00", 0, "same_day", "This falls on a Saturday."),
        ("2026-12-24T21:15", 12, "hours", "This falls on a bank holiday: Christmas Day."),
        ("2026-12-27T12:00", 1, "same_day", "This falls on a bank holiday: Boxing Day (observed)."),
        ("2026-04-06T08:00", 4, "hours", "This falls on a bank holiday: Easter Monday."),
        ("2026-04-05T20:00", 4, "hours", "This falls on a Sunday."),  # midnight at the end of Easter Sunday
        ("2026-11-23T10:30", 4, "hours", ""),  # a Monday
        ("2026-11-20T16:00", 2, "working_days", ""),  # working days never land on a day off
    ],
)
def test_a_due_time_on_a_weekend_or_bank_holiday_says_so(received: str, amount: int, unit: str, note: str) -> None:
    assert due_at(received, amount, unit).note == note


def test_midnight_falls_on_the_day_it_ends() -> None:
    assert due_at("2026-11-20T20:00", 4, "hours").note == ""  # midnight at the end of Friday
    assert due_at("2026-11-22T20:00", 4, "hours").note == "This falls on a Sunday."  # the end of Sunday


def test_a_day_outside_the_bank_holiday_table_says_it_could_not_be_checked() -> None:
    table = england_and_wales()
    result = due_at("2040-03-14T10:00", 4, "hours")  # a Wednesday
    assert result.note == (
        f"Whether this is a bank holiday is not known: the handbook's table covers {table.first_year} "
        f"to {table.last_year}."
    )
    assert due_at("2040-03-17T10:00", 4, "hours").note == "This falls on a Saturday."


# Outside the bank holiday table's years: clock hours and same-day need no table, so they are still
# worked out; units that count working days give the plain message, never a guess or a traceback.


def test_hours_and_same_day_are_worked_out_years_after_the_table_ends() -> None:
    assert england_and_wales().last_year < 2040
    assert due_at("2040-03-14T22:30", 4, "hours").text == "2:30am on Thursday 15 March 2040"
    assert due_at("2040-03-14T10:00", 0, "same_day").text == "11:59pm on Wednesday 14 March 2040 (the end of the day)"
    # The clocks still change in 2040: the last Sunday of March is the 25th.
    assert due_at("2040-03-24T23:00", 4, "hours").text == "4am on Sunday 25 March 2040"


@pytest.mark.parametrize(
    ("unit", "window"),
    [("working_days", None), ("hours_on_working_days", None), ("working_hours", (dt.time(9), dt.time(17)))],
)
def test_working_time_units_after_the_table_give_the_plain_message(unit: str, window) -> None:
    table = england_and_wales()
    result = due(at("2040-03-14T10:00"), Timescale(2, unit, window))  # type: ignore[arg-type]
    assert isinstance(result, DueError)
    assert result.message == (
        f"The bank holiday table covers {table.first_year} to {table.last_year}, and 14 March 2040 is outside "
        "it, so the due time cannot be worked out here. Work it out by hand from your own calendar."
    )


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
