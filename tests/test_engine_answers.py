"""Reading answers for each question type; a bad answer gets a message that says what to fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from decision_engine.answers import AnswerError, describe, from_form, from_text, to_form, to_text
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
            {"day": ["25"], "month": ["10"], "year": ["2026"], "hour": ["1"], "minute": ["30"]},
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
        (
            "received",
            {"day": ["3"], "month": ["2"], "year": ["2026"], "hour": ["¹"], "minute": ["00"]},
            "The time must be written in numbers, like 14 30",
        ),
        ("born", {"day": ["5"], "year": ["2026"]}, "The date must include a month"),
        ("born", {"day": ["31"], "month": ["2"], "year": ["2026"]}, "The date must be a real date"),
        ("born", {"day": ["3"], "month": ["2"], "year": ["26"]}, "The year must include 4 numbers"),
        (
            "received",
            {"day": ["3"], "month": ["2"], "year": ["2026"], "hour": ["25"], "minute": ["00"]},
            "The time must be a real time, from 00 00 to 23 59",
        ),
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
    "forward, add 1 hour, like 02 30"
)


def test_a_time_the_clocks_skip_in_spring_is_refused_and_says_why() -> None:
    form = {"day": ["29"], "month": ["3"], "year": ["2026"], "hour": ["01"], "minute": ["30"]}
    result = from_form(Q["received"], form)
    assert isinstance(result, AnswerError)
    assert result.message == SPRING_FORWARD
    assert result.field == "hour"


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
    assert result.message.endswith("add 1 hour, like 02 00")
