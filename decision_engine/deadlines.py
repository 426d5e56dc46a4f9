"""When a response is due, in UK time, from when a contact arrived and a timescale.

Times are UK local times as a person reads them off a clock (naive datetimes). British Summer Time
runs from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October, so clock
hours are counted in UTC and shown back in UK time. Working days skip weekends and the bank holidays
of England and Wales, from a table shipped with the engine; a date outside that table is reported,
never guessed.

No source defines a working day, so the handbook states its readings, and every due time says how it
was worked out: "N working days" is the same time of day on the Nth working day after the day the
contact arrived (a disagreement at 9am on a Friday with 1 working day is due at 9am on Monday);
"hours on working days" counts clock time only on working days, for a timescale such as "within 24
hours (working week)".
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Literal, TypeAlias

from .answers import MONTHS as _MONTHS
from .answers import clock
from .answers import day as _day
from .bank_holidays import BankHolidays as BankHolidays  # re-exported, as are the UK time helpers
from .bank_holidays import england_and_wales as england_and_wales
from .due_notes import clock_notes, falls_on
from .uk_time import to_local as to_local
from .uk_time import to_utc as to_utc

Unit: TypeAlias = Literal["hours", "hours_on_working_days", "working_hours", "working_days", "same_day"]
UNITS: tuple[Unit, ...] = ("hours", "hours_on_working_days", "working_hours", "working_days", "same_day")


@dataclass(frozen=True, slots=True)
class Timescale:
    amount: int
    unit: Unit
    window: tuple[dt.time, dt.time] | None = None
    """For working hours: the start and end of the working day. The sources set none, so a guide
    that counts working hours must give its own."""


@dataclass(frozen=True, slots=True)
class Due:
    at: dt.datetime
    """UK local time."""
    text: str
    """The due time in words, such as "2:30pm on Monday 23 November 2026"."""
    how: str
    """How it was worked out, for the reasons and the decision record."""
    note: str = ""
    """The day it falls on when that is not a working day, such as "This falls on a Saturday.", to be
    shown with the time; empty on a working day."""


@dataclass(frozen=True, slots=True)
class DueError:
    message: str


def in_words(moment: dt.datetime) -> str:
    """A moment as a person reads it. Midnight belongs to the day it ends, so it is never read as a day
    later than it is: "midnight at the end of Monday 23 November 2026"."""
    if moment.time() == dt.time(0) and moment.date() > dt.date.min:
        return f"midnight at the end of {_day(moment.date() - dt.timedelta(days=1))}"
    return f"{clock(moment.time())} on {_day(moment.date())}"


def _outside(day: dt.date, holidays: BankHolidays) -> DueError:
    return DueError(
        f"The bank holiday table covers {holidays.first_year} to {holidays.last_year}, and "
        f"{day.day} {_MONTHS[day.month - 1]} {day.year} is outside it, so the due time cannot be worked out "
        "here. Work it out by hand from your own calendar."
    )


def _plural(amount: int, word: str) -> str:
    return f"{amount} {word}{'' if amount == 1 else 's'}"


def due(received: dt.datetime, timescale: Timescale, holidays: BankHolidays | None = None) -> Due | DueError:
    """When a response to a contact received at ``received`` (UK time) is due, saying how it was worked
    out and any clock reading it assumed."""
    holidays = holidays or england_and_wales()
    try:
        found = _due(received, timescale, holidays)
    except OverflowError:  # counted past 31 December 9999: the time given is surely a slip
        return DueError(
            "The due time falls outside the calendar, so it cannot be worked out here. Check the date and time given."
        )
    if isinstance(found, DueError):
        return found
    notes = clock_notes(received, found.at, counts_hours=timescale.unit in _HOUR_UNITS)
    return replace(found, how=". ".join([found.how, *notes]), note=falls_on(found.at, holidays))


_HOUR_UNITS = ("hours", "hours_on_working_days", "working_hours")


def _due(received: dt.datetime, timescale: Timescale, holidays: BankHolidays) -> Due | DueError:
    needs_table = timescale.unit not in ("hours", "same_day")  # clock time needs no bank holidays
    if needs_table and not holidays.covers(received.date()):
        return _outside(received.date(), holidays)
    if timescale.unit == "hours":
        at = to_local(to_utc(received) + dt.timedelta(hours=timescale.amount))
        how = f"{_plural(timescale.amount, 'hour')} from the time given, in UK time"
        return Due(at, in_words(at), how)
    if timescale.unit == "same_day":
        # 0 is the day it started; N is the end of the day N calendar days later.
        at = dt.datetime.combine(received.date() + dt.timedelta(days=timescale.amount), dt.time(23, 59))
        # Said as a clock time a person can plan to, and as the end of the day the source means.
        text = f"{in_words(at)} (the end of the day)"
        return Due(at, text, describe_timescale(timescale.amount, "same_day"))
    if timescale.unit == "working_days":
        day = received.date()
        counted = 0
        while counted < timescale.amount:
            day += dt.timedelta(days=1)
            if not holidays.covers(day):
                return _outside(day, holidays)
            counted += holidays.is_working_day(day)
        at = dt.datetime.combine(day, received.time())
        how = (
            f"{_plural(timescale.amount, 'working day')} on, at the same time of day, not counting weekends or bank "
            f"holidays in {holidays.region}. No source defines a working day: this is the handbook's reading"
        )
        return Due(at, in_words(at), how)
    if timescale.unit == "hours_on_working_days":
        return _hours_on_working_days(received, timescale, holidays)
    return _working_hours(received, timescale, holidays)


def _count_working_time(
    received: dt.datetime,
    amount: int,
    holidays: BankHolidays,
    window: tuple[dt.time, dt.time] | None,
) -> dt.datetime | DueError:
    """When ``amount`` hours have been counted on working days only, within each day's window (the whole
    day when there is none). Time is counted in real (UTC) time, so a clock change counts as it happens."""
    left = dt.timedelta(hours=amount)
    moment = received
    for _ in range(366 * 2):  # a bound: no timescale runs for years
        day = moment.date()
        if not holidays.covers(day):
            return _outside(day, holidays)
        midnight = dt.datetime.combine(day + dt.timedelta(days=1), dt.time(0))
        start = max(moment, dt.datetime.combine(day, window[0])) if window else moment
        end = dt.datetime.combine(day, window[1]) if window else midnight
        if holidays.is_working_day(day) and start < end:
            span = to_utc(end) - to_utc(start)
            if span >= left:
                return to_local(to_utc(start) + left)
            left -= span
        moment = midnight
    return DueError("The timescale is too long to work out.")


def _hours_on_working_days(received: dt.datetime, timescale: Timescale, holidays: BankHolidays) -> Due | DueError:
    """Clock hours on working days only: weekends and bank holidays stop the clock, midnight to midnight."""
    at = _count_working_time(received, timescale.amount, holidays, None)
    if isinstance(at, DueError):
        return at
    how = (
        f"{_plural(timescale.amount, 'hour')} counted on working days only: the clock stops at weekends "
        f"and on bank holidays in {holidays.region}. This is the handbook's reading of a timescale in "
        "hours of the working week"
    )
    return Due(at, in_words(at), how)


def _working_hours(received: dt.datetime, timescale: Timescale, holidays: BankHolidays) -> Due | DueError:
    if timescale.window is None:
        return DueError("A timescale in working hours needs the hours of the working day, and none were given.")
    opens, closes = timescale.window
    at = _count_working_time(received, timescale.amount, holidays, timescale.window)
    if isinstance(at, DueError):
        return at
    hours = _plural(timescale.amount, "working hour")
    how = f"{hours}, counting {clock(opens)} to {clock(closes)} on working days only"
    return Due(at, in_words(at), how)


def describe_timescale(amount: int, unit: str) -> str:
    """A timescale in words, for when no start time is known (the plain version of a guide)."""
    if unit == "same_day":
        return "by the end of the same day" if amount == 0 else f"by the end of the day, {_plural(amount, 'day')} on"
    if unit == "working_days":
        return f"within {_plural(amount, 'working day')} (the same time of day, {_plural(amount, 'working day')} on)"
    if unit == "hours_on_working_days":
        return f"within {_plural(amount, 'hour')}, counted on working days only"
    if unit == "working_hours":
        return f"within {_plural(amount, 'working hour')}"
    return f"within {_plural(amount, 'hour')}"


def time_left(due_at: dt.datetime, now: dt.datetime) -> str:
    """How long is left, or how overdue, in words, measured in real (UTC) time."""
    gap = to_utc(due_at) - to_utc(now)
    minutes = abs(int(gap.total_seconds() // 60))
    hours, minutes = divmod(minutes, 60)
    days = 0
    if hours >= 48:  # a long wait reads better in days: "4 days 13 hours", not "109 hours"
        days, hours = divmod(hours, 24)
        minutes = 0
    span = " ".join(
        p
        for p in (
            _plural(days, "day") if days else "",
            _plural(hours, "hour") if hours else "",
            _plural(minutes, "minute") if minutes else "",
        )
        if p
    )
    if gap.total_seconds() >= 0:
        return f"due in {span or 'less than a minute'}"
    return f"overdue by {span or 'less than a minute'}"
