"""Reading a time of day as a person types it into one box: "16:30", "16.30", "1630", "4:30pm",
"4.30 pm", "4pm", "12am" (midnight), "12pm" or "midday".

Nothing is guessed. A time without am or pm is read on the 24-hour clock, which writes the hour with two
figures ("06:30", "18:30"), so "6:30" on its own could be either and is refused, as is a bare "6". The
word "midnight" is refused too: "midnight on Friday" is said of both ends of the day.
"""

from __future__ import annotations

import datetime as dt
import re

EXAMPLE = "Enter a time like 18:30 or 6:30pm"
NOT_REAL = "The time must be a real time, like 18:30 or 6:30pm"
MIDNIGHT = "Enter 00:00 or 12am for midnight at the start of a day, or 11:59pm for the end of a day"
_MIDDAY = {"midday", "noon", "12 noon", "12noon", "12 midday"}
_SUFFIX = re.compile(r"(?P<body>.*?) ?(?P<half>[ap])\.? ?m\.?")
_HOUR_MINUTE = re.compile(r"(?P<hour>[0-9]{1,2})(?:[:. ](?P<minute>[0-9]{2}))?")
_FOUR_FIGURES = re.compile(r"(?P<hour>[0-9]{2})(?P<minute>[0-9]{2})")


def read_time(text: str) -> dt.time | str:
    """The time in ``text``, or a message saying how to write it."""
    text = " ".join(text.lower().split())
    if text in _MIDDAY:
        return dt.time(12)
    if "midnight" in text:
        return MIDNIGHT
    suffix = _SUFFIX.fullmatch(text)
    if suffix:
        return _twelve_hour(suffix["body"], suffix["half"] == "p")
    four = _FOUR_FIGURES.fullmatch(text)
    parts = four or _HOUR_MINUTE.fullmatch(text)
    if parts is None or parts["minute"] is None:
        return EXAMPLE  # "6" or "18" alone: an hour, but which half of the day is not said
    hour, minute = parts["hour"], parts["minute"]
    if len(hour) == 1 and hour != "0":
        return f"Add am or pm to the time, like {hour}:{minute}am or {hour}:{minute}pm"
    return _real(int(hour), int(minute))


def _twelve_hour(body: str, afternoon: bool) -> dt.time | str:
    parts = _HOUR_MINUTE.fullmatch(body)
    if parts is None:
        return EXAMPLE
    hour, minute = int(parts["hour"]), int(parts["minute"] or "0")
    if 13 <= hour <= 23 and afternoon:
        return _real(hour, minute)  # "16:30pm": the 24-hour clock with pm added, which agrees
    if not 1 <= hour <= 12:
        return NOT_REAL
    return _real(hour % 12 + (12 if afternoon else 0), minute)


def _real(hour: int, minute: int) -> dt.time | str:
    try:
        return dt.time(hour, minute)
    except ValueError:
        return NOT_REAL
