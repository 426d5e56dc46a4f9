"""Reading a person's answer to one question, and saying what to fix when it cannot be read.

Two ways in: a submitted form (field name to list of values, as a browser sends it) and one line of
text (the CLI and walk tokens). Both return an Answer or an AnswerError; neither raises on bad input.
Messages follow the GOV.UK error message style: say what happened and how to fix it, plainly.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .model import Answer, Question
from .typed_time import read_time
from .uk_time import exists

Form = Mapping[str, Sequence[str]]
MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
_MONTH_NAMES = {name.lower(): n for n, name in enumerate(MONTHS, 1)}
_MONTH_NAMES |= {name[:3].lower(): n for n, name in enumerate(MONTHS, 1)} | {"sept": 9}
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass(frozen=True, slots=True)
class AnswerError:
    message: str
    field: str = "answer"
    """The form field the message belongs to, so the page can link the error summary to it."""


def _first(form: Form, name: str) -> str:
    values = form.get(name) or [""]
    return values[0].strip()


def _choice(question: Question, chosen: Sequence[str]) -> Answer | AnswerError:
    chosen = [c for c in chosen if c]
    if question.type == "multiple":
        if not chosen:
            return AnswerError("Select all that apply, or select the answer that says none of these apply")
        unknown = [c for c in chosen if question.option(c) is None]
        if unknown:
            return AnswerError("Select from the answers shown")
        exclusive = [c for c in chosen if question.option(c).exclusive]  # type: ignore[union-attr]
        if exclusive and len(set(chosen)) > 1:
            label = question.option(exclusive[0]).label  # type: ignore[union-attr]
            return AnswerError(f"Select '{label}' on its own, or untick it and select the answers that apply")
        return tuple(o.value for o in question.options if o.value in chosen)
    if len(chosen) != 1:
        return AnswerError("Select one answer" if not chosen else "Select only one answer")
    if question.option(chosen[0]) is None:
        return AnswerError("Select one of the answers shown")
    return chosen[0]


def _digits(text: str) -> bool:
    """Whether ``text`` is written with the digits 0 to 9 only (str.isdigit also accepts '¹' and '٣')."""
    return text.isascii() and text.isdigit()


def _number(question: Question, text: str) -> Answer | AnswerError:
    """A whole number written plainly. Nothing is guessed: "2,5" is two and a half in much of Europe and
    twenty-five with the comma dropped, so a comma, point or space inside the number is refused."""
    unit = question.unit or "a number"
    example = question.minimum if question.minimum is not None and question.minimum > 0 else 6
    text = text.strip()
    if not text:
        return AnswerError(f"Enter {unit} as a whole number" if question.unit else "Enter a whole number")
    sign, digits = ("-", text[1:]) if text.startswith("-") else ("", text)
    if not _digits(digits):
        if re.fullmatch(r"[0-9.,'\s]+", digits) and re.search(r"[0-9]", digits):
            return AnswerError(
                f"Enter {unit} as a whole number without commas, spaces or decimal points, like {example}"
            )
        return AnswerError(f"Enter {unit} as a whole number using digits, like {example}")
    low, high = question.minimum, question.maximum
    if len(digits.lstrip("0")) > 9:  # far beyond any bound, and more than int() should be asked to read
        if low is None and high is None:
            return AnswerError("Enter a whole number with 9 digits or fewer")
        value = -(10**9) if sign else 10**9
    else:
        value = int(sign + digits)
    if low is not None and high is not None and not low <= value <= high:
        return AnswerError(f"Enter a whole number from {low} to {high}")
    if low is not None and value < low:
        return AnswerError(f"Enter a whole number of {low} or more")
    if high is not None and value > high:
        return AnswerError(f"Enter a whole number of {high} or less")
    return value


def _month(text: str) -> int | None:
    """A month as a number from 1 to 12, or by name, whole or short: "12", "December", "dec", "Sept."."""
    if _digits(text):
        # Length first: int() refuses a string of over 4,300 digits with a ValueError.
        return int(text) if len(text.lstrip("0")) <= 2 and 1 <= int(text) <= 12 else None
    return _MONTH_NAMES.get(text.lower().rstrip("."))


def _date(day: str, month: str, year: str) -> dt.date | AnswerError:
    parts = {"day": day, "month": month, "year": year}
    missing = [name for name, value in parts.items() if not value]
    if len(missing) == 3:
        return AnswerError("Enter the date", "day")
    if missing:
        return AnswerError(f"The date must include a {' and a '.join(missing)}", missing[0])
    wrong = next((name for name in ("day", "year") if not _digits(parts[name])), None)
    if wrong:
        return AnswerError("The date must be a real date, written in numbers, like 27 3 2026", wrong)
    number = _month(month)
    if number is None:
        if _digits(month):
            return AnswerError("The date must be a real date", "month")
        return AnswerError("Enter the month as a number or a name, like 3 or March", "month")
    if len(year) != 4:
        return AnswerError("The year must include 4 numbers", "year")
    try:
        return dt.date(int(year), number, int(day))
    except ValueError:
        return AnswerError("The date must be a real date", "day")


def _time(text: str) -> dt.time | AnswerError:
    if not text:
        return AnswerError("Enter the time, like 18:30 or 6:30pm", "time")
    time = read_time(text)
    return AnswerError(time, "time") if isinstance(time, str) else time


def from_form(question: Question, form: Form) -> Answer | AnswerError:
    """Read a submitted form for ``question``: a date is three fields (day, month, year), a date and
    time adds one more (time)."""
    if question.type in ("single", "yes_no", "multiple"):
        return _choice(question, list(form.get("answer") or []))
    if question.type == "number":
        return _number(question, _first(form, "answer"))
    date = _date(_first(form, "day"), _first(form, "month"), _first(form, "year"))
    if isinstance(date, AnswerError):
        return date
    if question.type == "date":
        return date.isoformat()
    time = _time(_first(form, "time"))
    if isinstance(time, AnswerError):
        return time
    moment = dt.datetime.combine(date, time)
    if not exists(moment):
        return _skipped(moment)
    return moment.isoformat(timespec="minutes")


def _skipped(moment: dt.datetime) -> AnswerError:
    """A time in the hour UK clocks skip in March. The likeliest cause is a clock not yet put forward,
    so the message says how to read one; a guess either way would move a due time by an hour."""
    later = moment + dt.timedelta(hours=1)
    return AnswerError(
        f"There is no {clock(moment.time())} on {day(moment.date())}, because the clocks go forward from 1am "
        "to 2am. Enter a time before 1am or from 2am: if the time was read from a clock that had not been "
        f"put forward, add 1 hour, like {clock(later.time())}",
        "time",
    )


def from_text(question: Question, text: str) -> Answer | AnswerError:
    """Read one answer written as text: ``yes``, ``a,b``, ``12``, ``2026-11-22`` or ``2026-11-22T14:30``."""
    text = text.strip()
    if question.type in ("single", "yes_no"):
        return _choice(question, [text])
    if question.type == "multiple":
        return _choice(question, [part.strip() for part in text.split(",")])
    if question.type == "number":
        return _number(question, text)
    match = re.fullmatch(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:T([0-9]{1,2}):([0-9]{2}))?", text)
    if match is None or (question.type == "datetime") != (match.group(4) is not None):
        shape = "2026-11-22T14:30" if question.type == "datetime" else "2026-11-22"
        return AnswerError(f"Write the {question.type.replace('datetime', 'date and time')} like {shape}")
    year, month, day, hour, minute = match.groups()
    form = {"year": [year], "month": [month], "day": [day]}
    if hour is not None:
        form["time"] = [f"{int(hour):02d}:{minute}"]  # two figures, so the form reads it on the 24-hour clock
    return from_form(question, form)


def to_text(answer: Answer) -> str:
    """The text form that from_text reads back to the same answer."""
    if isinstance(answer, tuple):
        return ",".join(answer)
    return str(answer)


def to_form(question: Question, answer: Answer) -> dict[str, list[str]]:
    """The form fields that show ``answer`` again, for pre-filling a question a person goes back to."""
    if isinstance(answer, tuple):
        return {"answer": list(answer)}
    if question.type in ("date", "datetime"):
        moment = dt.datetime.fromisoformat(str(answer))
        form = {"day": [str(moment.day)], "month": [str(moment.month)], "year": [str(moment.year)]}
        if question.type == "datetime":
            form["time"] = [f"{moment.hour:02d}:{moment.minute:02d}"]
        return form
    return {"answer": [str(answer)]}


def describe(question: Question, answer: Answer) -> str:
    """How an answer reads back to a person in a summary or a decision record."""
    if isinstance(answer, tuple):
        return "; ".join(o.label for o in question.options if o.value in answer)
    if question.type in ("single", "yes_no"):
        option = question.option(str(answer))
        return option.label if option else str(answer)
    if question.type == "number":
        return f"{answer} {question.unit}".strip()
    moment = dt.datetime.fromisoformat(str(answer))
    if question.type == "date":
        return day(moment.date())
    return f"{day(moment.date())} at {clock(moment.time())}"


def day(date: dt.date) -> str:
    """A day as a person reads it: "Monday 23 November 2026"."""
    return f"{DAYS[date.weekday()]} {date.day} {MONTHS[date.month - 1]} {date.year}"


def clock(time: dt.time) -> str:
    """A time the GOV.UK way: 9am, 2:30pm, midday, midnight."""
    if time.hour == 12 and time.minute == 0:
        return "midday"
    if time.hour == 0 and time.minute == 0:
        return "midnight"
    hour = time.hour % 12 or 12
    suffix = "am" if time.hour < 12 else "pm"
    return f"{hour}{suffix}" if time.minute == 0 else f"{hour}:{time.minute:02d}{suffix}"
