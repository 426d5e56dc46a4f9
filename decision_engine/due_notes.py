"""What a due time must also say so it is read right: the clock readings it assumed, and a due day
that is not a working day.

A time in the repeated hour in October could mean either of two real times, and one in the hour
skipped in March means none, so a due time says which reading it took. A clock change between the time
given and the due time is named, with the clock the due time is in, so the reader knows hours were
counted as real hours and not off the clock face. A due time on a weekend or a bank holiday says so,
so nobody plans to deal with it on the next office day.
"""

from __future__ import annotations

import datetime as dt

from .answers import DAYS, clock, day
from .bank_holidays import BankHolidays
from .uk_time import changes_between, exists, happens_twice, in_summer_time, to_local, to_utc


def _zone(local: dt.datetime) -> str:
    return "BST" if in_summer_time(local) else "GMT"


def _reading(received: dt.datetime) -> str | None:
    """How a time given on a night the clocks change was read, or None on any other night."""
    time, on = clock(received.time()), day(received.date())
    if not exists(received):
        moved = clock(to_local(to_utc(received)).time())
        return (
            f"{time} on {on} does not happen, because the clocks go forward at 1am: it is read as GMT, "
            f"the same as {moved} BST"
        )
    if happens_twice(received):
        which = "second" if received.fold else "first"
        return (
            f"{time} on {on} happens twice, because the clocks go back at 2am: it is read as the {which} "
            f"{time}, in {_zone(received)}"
        )
    return None


def clock_notes(received: dt.datetime, at: dt.datetime, counts_hours: bool) -> list[str]:
    """Sentences for the how-text, without full stops; none when no clock change is involved."""
    notes = [note] if (note := _reading(received)) else []
    changes = changes_between(to_utc(received), to_utc(at))
    if changes:
        said = " and ".join(
            f"{'forward at 1am' if c.forward else 'back at 2am'} on {day(c.local.date())}" for c in changes
        )
        real = ", so the hours counted are real hours" if counts_hours else ""
        notes.append(f"The clocks go {said}, between the two times{real}; the due time is in {_zone(at)}")
    if happens_twice(at):
        which = "second" if at.fold else "first"
        notes.append(f"The due time, {clock(at.time())}, happens twice that night: it is the {which}, in {_zone(at)}")
    return notes


def falls_on(at: dt.datetime, holidays: BankHolidays) -> str:
    """ "This falls on a Saturday." or "This falls on a bank holiday: Christmas Day." when the due day is
    not a working day; empty when it is. Midnight belongs to the day it ends, as the due time reads."""
    on = at.date() - dt.timedelta(days=1) if at.time() == dt.time(0) else at.date()
    if on.weekday() >= 5:
        return f"This falls on a {DAYS[on.weekday()]}."
    if not holidays.covers(on):
        return (
            "Whether this is a bank holiday is not known: the handbook's table covers "
            f"{holidays.first_year} to {holidays.last_year}."
        )
    if on not in holidays.dates:
        return ""
    name = holidays.names.get(on)
    return f"This falls on a bank holiday: {name}." if name else "This falls on a bank holiday."
