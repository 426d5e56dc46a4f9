"""Walking a guide: answering, going back, changing an answer, starting again.

A walk is its answers (in the order given) and, optionally, the question the person has stepped back
to. Everything else - the route taken, the current question, the outcome - is worked out from those,
so a walk can be stored in a link and restored exactly.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from .answers import AnswerError, Form, from_form
from .conditions import holds
from .model import Answer, Guide, Node, Outcome, Question, Rule


@dataclass(frozen=True, slots=True)
class Step:
    """One answered question on the route, and the rule that answer chose."""

    question: Question
    answer: Answer
    rule: Rule


def choose_rule(question: Question, answers: Mapping[str, Answer]) -> Rule:
    """The first rule whose condition holds; a valid guide always ends its rules with a default."""
    for rule in question.next:
        if rule.when is None or holds(rule.when, answers):
            return rule
    raise LookupError(f"question '{question.id}' has no rule for these answers")


def trail(guide: Guide, answers: Mapping[str, Answer]) -> tuple[list[Step], Node]:
    """Follow the answers from the start. Returns the steps taken and where they stop: the first
    question with no answer yet, or an outcome."""
    steps: list[Step] = []
    seen: dict[str, Answer] = {}  # the answers on the route so far: rules never see any other
    node: Node | None = guide.node(guide.start)
    for _ in range(guide.size + 1):  # a valid guide has no cycles; this bounds a broken one
        if not isinstance(node, Question) or node.id not in answers:
            break
        seen[node.id] = answers[node.id]
        rule = choose_rule(node, seen)
        steps.append(Step(node, answers[node.id], rule))
        node = guide.node(rule.goto)
    if node is None:
        raise LookupError("the route leads to a node that does not exist")
    return steps, node


@dataclass(frozen=True, slots=True)
class Walk:
    guide: Guide
    answers: tuple[tuple[str, Answer], ...] = ()
    at: str | None = None
    """A question on the route the person has gone back to, or None to be at the end of the route."""

    @property
    def answer_map(self) -> dict[str, Answer]:
        return dict(self.answers)

    @property
    def steps(self) -> list[Step]:
        return trail(self.guide, self.answer_map)[0]

    @property
    def route_answers(self) -> dict[str, Answer]:
        """The answers on the route taken: what an outcome is worked out from. Answers kept from an
        earlier route (after a change higher up) are ignored, so they can add nothing to the outcome."""
        return {step.question.id: step.answer for step in self.steps}

    @property
    def current(self) -> Node:
        steps, end = trail(self.guide, self.answer_map)
        if self.at is not None:
            for step in steps:
                if step.question.id == self.at:
                    return step.question
        return end

    @property
    def outcome(self) -> Outcome | None:
        node = self.current
        return node if isinstance(node, Outcome) else None

    @property
    def steps_before_current(self) -> list[Step]:
        """The answered steps that come before the current node: what the summary shows."""
        steps = self.steps
        current = self.current
        for i, step in enumerate(steps):
            if step.question.id == current.id:
                return steps[:i]
        return steps

    def with_answer(self, question_id: str, answer: Answer) -> Walk:
        """Record an answer and move on to the first question on the route that still has no answer.

        Later answers are kept: those still on the new route are reused, so only questions that no
        longer have an answer are asked again."""
        answers = dict(self.answers)
        answers[question_id] = answer
        return replace(self, answers=tuple(answers.items()), at=None)

    def submit(self, form: Form) -> Walk | AnswerError:
        """Answer the current question from a submitted form."""
        question = self.current
        if not isinstance(question, Question):
            return AnswerError("There is no question to answer here: start again or go back")
        answer = from_form(question, form)
        if isinstance(answer, AnswerError):
            return answer
        return self.with_answer(question.id, answer)

    def back(self) -> Walk:
        """Step back to the question before the current one, keeping every answer."""
        earlier = self.steps_before_current
        if not earlier:
            return self
        return replace(self, at=earlier[-1].question.id)

    def change(self, question_id: str) -> Walk:
        """Go to a question already answered on the route, to change its answer."""
        if question_id not in {step.question.id for step in self.steps}:
            return self
        return replace(self, at=question_id)

    def restart(self) -> Walk:
        return Walk(self.guide)

    @property
    def can_go_back(self) -> bool:
        return bool(self.steps_before_current)
