"""Practice scenarios: a made-up case, the guide a trainee walks with it, and the expected answer at each
question with feedback for every other answer.

A scenario is checked against its guide, not trusted: its steps must be exactly the questions the guide
asks on the route its answers take, and that route must reach the outcome the scenario expects. So when
a guide changes, a scenario that would now teach a route the guide no longer takes stops the build.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from .answers import AnswerError, from_text
from .load import _citations, _Reader
from .model import Answer, Citation, Guide, Question
from .problems import GuideError, Problem
from .walk import Walk, trail

AUDIENCES = {"referrer": "Referring professionals", "mash_staff": "MASH staff", "partner": "Partner agencies"}
AREAS = {
    "barnet": "Barnet",
    "northamptonshire": "Northamptonshire",
    "rotherham": "Rotherham",
    "waltham_forest": "Waltham Forest",
}
_TOP_KEYS = ("id", "title", "audience", "area", "guide", "as_of", "vignette", "steps", "outcome", "takeaways")
_STEP_KEYS = ("question", "answer", "why", "cite", "other_answers")
#: Questions whose answer is a fact the vignette gives, not a judgement the trainee makes.
GIVEN_TYPES = ("number", "date", "datetime")


@dataclass(frozen=True, slots=True)
class ScenarioStep:
    question: str
    answer: Answer
    why: str
    cite: tuple[Citation, ...]
    other_answers: tuple[tuple[str, str], ...] = ()
    """Option value to why that answer does not match the procedure, in the guide's option order."""

    def feedback(self, value: str) -> str:
        return dict(self.other_answers).get(value, "")


@dataclass(frozen=True, slots=True)
class Scenario:
    id: str
    title: str
    audience: str
    area: str
    guide: str
    vignette: str
    steps: tuple[ScenarioStep, ...]
    outcome: str
    takeaways: tuple[str, ...]
    as_of: dt.datetime | None = None
    source_file: str = ""

    def walk(self, guide: Guide) -> Walk:
        """The guide walked with the expected answers: what practice mode ends on."""
        return Walk(guide, tuple((s.question, s.answer) for s in self.steps))


def _text_list(r: _Reader, data: Mapping[str, Any], key: str, node: str) -> tuple[str, ...]:
    found = []
    for i, item in enumerate(r.items(data, key, node, required=True), start=1):
        if not isinstance(item, str) or not item.strip():
            r.problem(node, f"'{key}' item {i} must be text")
            continue
        found.append(" ".join(item.split()))
    if not found and not r.problems:
        r.problem(node, f"'{key}' needs at least one item")
    return tuple(found)


def _raw_answer(value: Any) -> str:
    """The expected answer as the command line writes it; YAML may have read a list or a number."""
    if isinstance(value, list):
        return ",".join(str(v) for v in value)
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%dT%H:%M")
    return str(value)


def _step(r: _Reader, raw: Any, index: int, guide: Guide | None) -> ScenarioStep | None:
    item = r.mapping(raw, f"step {index}", "each step")
    if item is None:
        return None
    question_id = r.text(item, "question", f"step {index}")
    node = f"step {index} ({question_id})" if question_id else f"step {index}"
    r.known(item, _STEP_KEYS, node)
    why = " ".join(r.text(item, "why", node).split())
    cite = _citations(r, item, node)
    if not cite:
        r.problem(node, "'cite' is missing: every expected answer shows the rule it comes from")
    others_raw = item.get("other_answers") or {}
    others = r.mapping(others_raw, node, "'other_answers'") or {}
    if "answer" not in item:
        r.problem(node, "'answer' is missing")
        return None
    question = guide.question(question_id) if guide is not None else None
    if guide is not None and question is None:
        r.problem(node, f"'{question_id}' is not a question in guide '{guide.id}'")
        return None
    if question is None:
        return None
    answer = from_text(question, _raw_answer(item["answer"]))
    if isinstance(answer, AnswerError):
        r.problem(node, f"the answer '{_raw_answer(item['answer'])}' cannot be read: {answer.message}")
        return None
    return ScenarioStep(question_id, answer, why, cite, _feedback(r, node, question, answer, others))


def _feedback(
    r: _Reader, node: str, question: Question, answer: Answer, given: Mapping[str, Any]
) -> tuple[tuple[str, str], ...]:
    """Every answer a trainee could give instead needs its own reason; nothing else may have one."""
    if question.type in GIVEN_TYPES:
        if given:
            r.problem(node, f"a {question.type} answer is a fact from the vignette: remove 'other_answers'")
        return ()
    expected = set(answer) if isinstance(answer, tuple) else {answer}
    values = [o.value for o in question.options]
    for key in given:
        if str(key) not in values:
            r.problem(node, f"'other_answers' has '{key}', which is not an answer to '{question.id}'")
        elif str(key) in expected:
            r.problem(node, f"'other_answers' has '{key}', which is the expected answer")
    found = []
    for value in values:
        if value in expected:
            continue
        text = given.get(value)
        if not isinstance(text, str) or not text.strip():
            r.problem(node, f"'other_answers' needs feedback for '{value}': why it does not match the procedure")
            continue
        found.append((value, " ".join(text.split())))
    return tuple(found)


def _as_of(r: _Reader, data: Mapping[str, Any]) -> dt.datetime | None:
    raw = data.get("as_of")
    if raw is None:
        return None
    try:
        return dt.datetime.fromisoformat(_raw_answer(raw))
    except ValueError:
        r.problem("", f"'as_of' must be a date and time like 2026-11-23T09:30, not {raw!r}")
        return None


def scenario_from_data(data: Any, file: str, guides: Mapping[str, Guide]) -> Scenario:
    """Read a scenario and check its shape; raise GuideError listing every problem."""
    r = _Reader(file)
    top = r.mapping(data, "", "the scenario")
    if top is None:
        raise GuideError(r.problems)
    r.known(top, _TOP_KEYS, "")
    scenario_id = r.text(top, "id", "")
    audience = r.text(top, "audience", "")
    if audience and audience not in AUDIENCES:
        r.problem("", f"'audience' must be one of {', '.join(AUDIENCES)}, not '{audience}'")
    area = r.text(top, "area", "")
    if area and area not in AREAS:
        r.problem("", f"'area' must be one of {', '.join(AREAS)}, not '{area}'")
    guide_id = r.text(top, "guide", "")
    guide = guides.get(guide_id)
    if guide_id and guide is None:
        r.problem("", f"'guide' is '{guide_id}', which is not a guide")
    steps = []
    for i, raw in enumerate(r.items(top, "steps", "", required=True), start=1):
        if (step := _step(r, raw, i, guide)) is not None:
            steps.append(step)
    scenario = Scenario(
        id=scenario_id,
        title=r.text(top, "title", ""),
        audience=audience,
        area=area,
        guide=guide_id,
        vignette=" ".join(r.text(top, "vignette", "").split()),
        steps=tuple(steps),
        outcome=r.text(top, "outcome", ""),
        takeaways=_text_list(r, top, "takeaways", ""),
        as_of=_as_of(r, top),
        source_file=file,
    )
    if r.problems:
        raise GuideError(r.problems)
    return scenario


def check_scenario(
    scenario: Scenario, guide: Guide, anchors: Collection[str] | None, sources: Collection[str] | None
) -> list[Problem]:
    """Whether the guide still takes the scenario's route to its outcome, and its citations resolve."""
    problems: list[Problem] = []

    def add(node: str, message: str) -> None:
        problems.append(Problem(scenario.source_file, node, message))

    answers = {s.question: s.answer for s in scenario.steps}
    taken, end = trail(guide, answers)
    asked = [s.question.id for s in taken]
    listed = [s.question for s in scenario.steps]
    for i, (was, now) in enumerate(zip(listed, asked, strict=False), start=1):
        if was != now:
            add(f"step {i} ({was})", f"the guide asks '{now}' here, not '{was}': the route has changed")
            break
    else:
        if len(listed) > len(asked):
            extra = listed[len(asked)]
            add(f"step {len(asked) + 1} ({extra})", f"the guide never asks '{extra}' on this route")
        elif len(listed) < len(asked) or end.id not in {o.id for o in guide.outcomes}:
            add("", f"the expected answers stop at question '{end.id}': add a step for it")
        elif end.id != scenario.outcome:
            add("", f"the expected answers reach '{end.id}', not the expected outcome '{scenario.outcome}'")
    for i, step in enumerate(scenario.steps, start=1):
        for citation in step.cite:
            if anchors is not None and citation.handbook not in anchors:
                add(
                    f"step {i} ({step.question})",
                    f"cites '{citation.handbook}', which is not a handbook page or anchor",
                )
            if sources is not None and citation.source not in sources:
                add(
                    f"step {i} ({step.question})",
                    f"cites source '{citation.source}', which is not in the sources register",
                )
    if scenario.source_file and PurePath(scenario.source_file).stem != scenario.id:
        add("", f"the id '{scenario.id}' must be the file's name ({scenario.id}.yaml)")
    return problems
