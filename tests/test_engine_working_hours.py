"""A timescale in working hours counts only the working day the guide names, since no source sets one."""

from __future__ import annotations

import datetime as dt

from decision_engine.due_times import due_times
from decision_engine.load import guide_from_data

CITE = [{"handbook": "index.md", "source": "s", "part": "1"}]


def guide_with(deadline: dict[str, object]):
    return guide_from_data(
        {
            "id": "hours",
            "version": 1,
            "title": "Hours",
            "page": "index.md",
            "start": "received",
            "questions": [
                {"id": "received", "type": "datetime", "text": "When?", "next": [{"goto": "done", "label": "On"}]}
            ],
            "outcomes": [
                {
                    "id": "done",
                    "title": "Done",
                    "summary": "s",
                    "due_from": "received",
                    "deadlines": [deadline],
                    "actions": [{"must": "Respond."}],
                    "cite": CITE,
                }
            ],
        }
    )


def test_eight_working_hours_from_4pm_friday_end_at_4pm_monday_in_a_9_to_5_day() -> None:
    guide = guide_with({"label": "Reply", "amount": 8, "unit": "working_hours", "working_day": "09:00-17:00"})
    outcome = guide.outcomes[0]
    (found,) = due_times(outcome, {"received": "2026-11-20T16:00"}, {})
    assert found.due.at == dt.datetime(2026, 11, 23, 16, 0)  # type: ignore[union-attr]
    assert "9am to 5pm on working days only" in found.due.how  # type: ignore[union-attr]
