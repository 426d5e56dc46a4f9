"""Reading answers for each question type; a bad answer gets a message that says what to fix."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from decision_engine.answers import AnswerError, clock, describe, from_form, from_text, to_form, to_text
from decision_engine.source import load_guide_file

GUIDE = load_guide_file(Path(__file__).parent / "fixtures" / "every_question_type.yaml")
Q = {q.id: q for q in GUIDE.questions}


@pytest.mark.parametrize(
    ("question", "form", "answer"),
    [
        ("concern", {"answer": ["injury"]}, "injury"),
        ("mobile", {"answer": ["no"]}, "no"),
        ("factors", {"answer": ["poor_home", "home_alone"]}, ("home_alone", "poor_home")),
        ("age_months", {"answer": [" 12 "]}, 12),
        ("age_months", {"answer": ["007"]}, 7),
        ("age_months", {"answer": ["0000000000012"]}, 12),
        ("born", {"day": ["5"], "month": ["1"], "year": ["2026"]}, "2026-01-05"),
        (
            "received",
            {"day": ["25"], "month": ["10"], "year": ["2026"], "time": ["01:30"]},
            "2026-10-25T01:30",  # the hour that happens twice when the clocks go back exists
        ),
    ],
)
def test_a_good_answer_is_read(question: str, form, answer) -> None:
    assert from_form(Q[question], form) == answer


@pytest.mark.parametrize(
    ("question", "form", "message"),
    [
        ("concern", {}, "Select one answer"),
        ("concern", {"answer": ["a", "b"]}, "Select only one answer"),
        ("concern", {"answer": ["other"]}, "Select one of the answers shown"),
        ("factors", {}, "Select all that apply, or select the answer that says none of these apply"),
        (
            "factors",
            {"answer": ["none", "no_food"]},
            "Select 'None of these' on its own, or untick it and select the answers that apply",
        ),
        ("age_months", {"answer": [""]}, "Enter months as a whole number"),
        ("age_months", {"answer": ["six"]}, "Enter months as a whole number using digits, like 6"),
        ("age_months", {"answer": ["٣"]}, "Enter months as a whole number using digits, like 6"),
        ("age_months", {"answer": ["¹"]}, "Enter months as a whole number using digits, like 6"),
        ("age_months", {"answer": ["+5"]}, "Enter months as a whole number using digits, like 6"),
        ("age_months", {"answer": ["9" * 5000]}, "Enter a whole number from 0 to 216"),
        ("age_months", {"answer": ["-" + "9" * 50]}, "Enter a whole number from 0 to 216"),
        ("age_months", {"answer": ["300"]}, "Enter a whole number from 0 to 216"),
        ("born", {}, "Enter the date"),
        (
            "born",
            {"day": ["¹"], "month": ["1"], "year": ["2026"]},
            "The date must be a real date, written in numbers, like 27 3 2026",
        ),
        (
            "born",
            {"day": ["1"], "month": ["1"], "year": ["٢٠٢٦"]},
            "The date must be a real date, written in numbers, like 27 3 2026",
        ),
        ("born", {"day": ["5"], "year": ["2026"]}, "The date must include a month"),
        ("born", {"day": ["31"], "month": ["2"], "year": ["2026"]}, "The date must be a real date"),
        ("born", {"day": ["3"], "month": ["2"], "year": ["26"]}, "The year must include 4 numbers"),
    ],
)
def test_a_bad_answer_says_what_to_fix(question: str, form, message: str) -> None:
    result = from_form(Q[question], form)
    assert isinstance(result, AnswerError)
    assert result.message == message


WHOLE_NUMBER_ONLY = "Enter months as a whole number without commas, spaces or decimal points, like 6"


@pytest.mark.parametrize("text", ["2,5", "2.5", "1,000", "1.000", "1 000", "12.0", ".5", "2.", "-2,5", "1'000"])
def test_a_number_with_a_comma_point_or_space_inside_is_refused_not_guessed(text: str) -> None:
    # "2,5" is two and a half in much of Europe, and twenty-five with the comma dropped: neither is
    # safe to guess for a child's age or hours missing, so the person is asked to write it plainly.
    for result in (from_form(Q["age_months"], {"answer": [text]}), from_text(Q["age_months"], text)):
        assert isinstance(result, AnswerError)
        assert result.message == WHOLE_NUMBER_ONLY


def test_the_date_error_points_at_the_field_to_fix() -> None:
    result = from_form(Q["born"], {"day": ["5"], "year": ["2026"]})
    assert isinstance(result, AnswerError) and result.field == "month"


@pytest.mark.parametrize(
    ("question", "text"),
    [
        ("concern", "neglect"),
        ("factors", "home_alone,no_food"),
        ("age_months", "12"),
        ("born", "2026-01-05"),
        ("received", "2026-01-05T14:30"),
    ],
)
def test_text_form_round_trips(question: str, text: str) -> None:
    answer = from_text(Q[question], text)
    assert not isinstance(answer, AnswerError)
    assert to_text(answer) == text
    assert from_form(Q[question], to_form(Q[question], answer)) == answer


def test_answers_read_back_in_plain_words() -> None:
    assert describe(Q["factors"], ("home_alone", "no_food")) == "Left home alone; Not enough food"
    assert describe(Q["age_months"], 7) == "7 months"
    assert describe(Q["born"], "2026-01-05") == "Monday 5 January 2026"
    assert describe(Q["received"], "2026-01-05T14:30") == "Monday 5 January 2026 at 2:30pm"
    assert describe(Q["received"], "2026-01-05T12:00") == "Monday 5 January 2026 at midday"


SPRING_FORWARD = (
    "There is no 1:30am on Sunday 29 March 2026, because the clocks go forward from 1am to 2am. "
    "Enter a time before 1am or from 2am: if the time was read from a clock that had not been put "
    "forward, add 1 hour, like 2:30am"
)


def test_a_time_the_clocks_skip_in_spring_is_refused_and_says_why() -> None:
    form = {"day": ["29"], "month": ["3"], "year": ["2026"], "time": ["1:30am"]}
    result = from_form(Q["received"], form)
    assert isinstance(result, AnswerError)
    assert result.message == SPRING_FORWARD
    assert result.field == "time"


@pytest.mark.parametrize("text", ["2026-03-29T01:00", "2026-03-29T01:59", "2027-03-28T01:15"])
def test_every_minute_of_the_skipped_hour_is_refused_as_text_too(text: str) -> None:
    result = from_text(Q["received"], text)
    assert isinstance(result, AnswerError)
    assert result.message.startswith("There is no ")


@pytest.mark.parametrize("text", ["2026-03-29T00:59", "2026-03-29T02:00", "2026-03-28T01:30", "2026-10-25T01:59"])
def test_the_minutes_either_side_of_the_skipped_hour_are_read(text: str) -> None:
    assert from_text(Q["received"], text) == text


def test_the_skipped_hour_is_read_back_in_the_clock_words_of_its_year() -> None:
    result = from_text(Q["received"], "2027-03-28T01:00")
    assert isinstance(result, AnswerError)
    assert result.message.startswith("There is no 1am on Sunday 28 March 2027, because the clocks go forward")
    assert result.message.endswith("add 1 hour, like 2am")


# --- the one time box, and the month by name ------------------------------------------------------


def received_at(time: str, day: str = "3", month: str = "2") -> object:
    return from_form(Q["received"], {"day": [day], "month": [month], "year": ["2026"], "time": [time]})


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("16:30", "16:30"),
        ("16.30", "16:30"),
        ("1630", "16:30"),
        ("0630", "06:30"),
        ("06:30", "06:30"),
        ("00:05", "00:05"),
        ("0:05", "00:05"),  # no hour before 1 on the 12-hour clock, so the 24-hour clock is meant
        ("10:15", "10:15"),
        ("12:30", "12:30"),
        ("23:59", "23:59"),
        ("  16:30 ", "16:30"),
        ("4:30pm", "16:30"),
        ("4.30 pm", "16:30"),
        ("4.30 p.m.", "16:30"),
        ("4:30PM", "16:30"),
        ("4pm", "16:00"),
        ("4 pm", "16:00"),
        ("9am", "09:00"),
        ("11:45am", "11:45"),
        ("12am", "00:00"),  # midnight, at the start of the day
        ("12:30am", "00:30"),
        ("12pm", "12:00"),  # midday
        ("12.15pm", "12:15"),
        ("16:30pm", "16:30"),  # the 24-hour clock with pm added agrees with itself
        ("midday", "12:00"),
        ("Noon", "12:00"),
    ],
)
def test_a_time_is_read_from_the_24_hour_clock_or_from_am_and_pm(typed: str, read: str) -> None:
    assert received_at(typed) == f"2026-02-03T{read}"


EXAMPLE = "Enter a time like 18:30 or 6:30pm"
NOT_REAL = "The time must be a real time, like 18:30 or 6:30pm"


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("", "Enter the time, like 18:30 or 6:30pm"),
        ("6", EXAMPLE),  # 6am or 6pm: not said, so not guessed
        ("18", EXAMPLE),
        ("630", EXAMPLE),  # three figures: 6:30 or 63:0
        ("16301", EXAMPLE),
        ("half four", EXAMPLE),
        ("4:30 in the afternoon", EXAMPLE),
        ("¹6:30", EXAMPLE),
        ("١٦:٣٠", EXAMPLE),  # digits other than 0 to 9
        ("4:3pm", EXAMPLE),
        ("6:30", "Add am or pm to the time, like 6:30am or 6:30pm"),
        ("6.30", "Add am or pm to the time, like 6:30am or 6:30pm"),
        ("9 15", "Add am or pm to the time, like 9:15am or 9:15pm"),
        ("midnight", "Enter 00:00 or 12am for midnight at the start of a day, or 11:59pm for the end of a day"),
        ("12 midnight", "Enter 00:00 or 12am for midnight at the start of a day, or 11:59pm for the end of a day"),
        ("24:00", NOT_REAL),
        ("2400", NOT_REAL),
        ("16:60", NOT_REAL),
        ("25:00", NOT_REAL),
        ("13am", NOT_REAL),
        ("0am", NOT_REAL),
        ("0pm", NOT_REAL),
        ("4:75pm", NOT_REAL),
    ],
)
def test_a_time_that_cannot_be_read_for_certain_is_refused_and_says_how_to_write_it(typed: str, message: str) -> None:
    result = received_at(typed)
    assert isinstance(result, AnswerError)
    assert (result.message, result.field) == (message, "time")


def test_a_time_in_the_hour_the_clocks_skip_is_refused_however_it_is_written() -> None:
    for typed in ("01:30", "0130", "1:30am", "1.30 a.m."):
        result = received_at(typed, day="29", month="3")
        assert isinstance(result, AnswerError)
        assert result.message == SPRING_FORWARD


def test_a_time_in_the_hour_the_clocks_repeat_is_read_and_kept_as_clock_time() -> None:
    # Which of the two readings it is is said with the due times (due_notes), not here.
    assert received_at("1:30am", day="25", month="10") == "2026-10-25T01:30"


def test_every_minute_of_the_day_reads_back_as_the_engine_writes_it() -> None:
    # The 24-hour form pre-fills the box when a person goes back; the am/pm form is the summary's.
    for minutes in range(0, 24 * 60):
        time = dt.time(minutes // 60, minutes % 60)
        expected = f"2026-02-03T{time:%H:%M}"
        assert received_at(f"{time:%H:%M}") == expected
        if clock(time) != "midnight":  # the word is refused: see above
            assert received_at(clock(time)) == expected


@pytest.mark.parametrize(
    ("month", "number"),
    [("12", 12), ("03", 3), ("Dec", 12), ("december", 12), ("DECEMBER", 12), ("Sept", 9), ("sep", 9), ("Sept.", 9)],
)
def test_the_month_is_a_number_or_its_name_whole_or_short(month: str, number: int) -> None:
    assert from_form(Q["born"], {"day": ["5"], "month": [month], "year": ["2026"]}) == f"2026-{number:02d}-05"


@pytest.mark.parametrize(
    ("month", "message"),
    [
        ("13", "The date must be a real date"),
        ("1" * 5000, "The date must be a real date"),
        ("0", "The date must be a real date"),
        ("De", "Enter the month as a number or a name, like 3 or March"),
        ("Decem", "Enter the month as a number or a name, like 3 or March"),
        ("Ma", "Enter the month as a number or a name, like 3 or March"),
        ("Mär", "Enter the month as a number or a name, like 3 or March"),
    ],
)
def test_a_month_that_is_not_a_month_is_refused(month: str, message: str) -> None:
    result = from_form(Q["born"], {"day": ["5"], "month": [month], "year": ["2026"]})
    assert isinstance(result, AnswerError)
    assert (result.message, result.field) == (message, "month")


def test_a_month_by_name_is_kept_as_a_number_in_the_answer_and_the_form() -> None:
    answer = from_form(Q["received"], {"day": ["24"], "month": ["Dec"], "year": ["2026"], "time": ["4:30pm"]})
    assert answer == "2026-12-24T16:30"
    assert to_form(Q["received"], answer) == {"day": ["24"], "month": ["12"], "year": ["2026"], "time": ["16:30"]}
