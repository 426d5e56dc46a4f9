"""UK clock time and real time: British Summer Time and the two nights a year the clocks change.

Times are naive datetimes as a person reads them off a UK clock. BST runs from 01:00 UTC on the last
Sunday of March to 01:00 UTC on the last Sunday of October. So once a year a clock time never happens
(1am to 1:59am in March, when clocks go from 1am to 2am) and once a year one happens twice (1am to
1:59am in October, first in BST, then in GMT). Real time is counted in UTC.

``fold=1`` on a naive time marks the second, GMT, reading of a repeated time (as in PEP 495), so a due
time worked out to fall in the second 1:30am is measured from that one, not the first.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

_HOUR = dt.timedelta(hours=1)


def last_sunday(year: int, month: int) -> dt.date:
    last = dt.date(year, month, calendar.monthrange(year, month)[1])
    return last - dt.timedelta(days=(last.weekday() - 6) % 7)


def is_summer_time(utc: dt.datetime) -> bool:
    start = dt.datetime.combine(last_sunday(utc.year, 3), dt.time(1))
    end = dt.datetime.combine(last_sunday(utc.year, 10), dt.time(1))
    return start <= utc < end


def readings(local: dt.datetime) -> tuple[dt.datetime, ...]:
    """The real (UTC) times a UK clock time can mean, earliest first: one on most nights, two (BST then
    GMT) in the repeated hour, none in the hour the clocks skip."""
    local = local.replace(fold=0)
    if not 3 <= local.month <= 10:  # GMT all month; this also keeps 1 January of year 1 in range
        return (local,)
    as_summer = local - _HOUR
    found = [as_summer] if is_summer_time(as_summer) else []
    return (*found, local) if not is_summer_time(local) else tuple(found)


def exists(local: dt.datetime) -> bool:
    return bool(readings(local))


def happens_twice(local: dt.datetime) -> bool:
    return len(readings(local)) == 2


def to_utc(local: dt.datetime) -> dt.datetime:
    """UK clock time to UTC. In the repeated hour in October the first (BST) reading is taken, unless
    ``fold=1`` marks the second; a time in the hour skipped in March is read as GMT, which moves it on
    by the hour that never was."""
    found = readings(local)
    if not found:
        return local.replace(fold=0)
    return found[-1] if local.fold else found[0]


def to_local(utc: dt.datetime) -> dt.datetime:
    """UTC to UK clock time, with ``fold=1`` when it is the second of a repeated time."""
    if is_summer_time(utc):
        return utc + _HOUR
    return utc.replace(fold=1) if happens_twice(utc) else utc


def in_summer_time(local: dt.datetime) -> bool:
    """Whether a UK clock time, read as ``to_utc`` reads it, is in BST."""
    return is_summer_time(to_utc(local))


@dataclass(frozen=True, slots=True)
class ClockChange:
    utc: dt.datetime
    forward: bool
    """True in March (GMT to BST), False in October (BST to GMT)."""

    @property
    def local(self) -> dt.datetime:
        """The clock time the change happens at, as clocks read just before it: 1am in March, 2am in October."""
        return self.utc if self.forward else self.utc + _HOUR


def changes_between(start: dt.datetime, end: dt.datetime) -> list[ClockChange]:
    """The clock changes after the UTC time ``start`` and no later than ``end``."""
    found = []
    for year in range(start.year, end.year + 1):
        for month, forward in ((3, True), (10, False)):
            change = ClockChange(dt.datetime.combine(last_sunday(year, month), dt.time(1)), forward)
            if start < change.utc <= end:
                found.append(change)
    return found
