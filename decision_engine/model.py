"""The shape of a decision guide, as frozen data.

A guide is a set of questions and outcomes joined by ordered, labelled routing rules. Nothing here
knows about files, browsers or HTML: loading, validating, walking and exporting are separate modules.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, TypeAlias

QuestionType: TypeAlias = Literal["single", "multiple", "yes_no", "number", "date", "datetime"]
QUESTION_TYPES: tuple[QuestionType, ...] = ("single", "multiple", "yes_no", "number", "date", "datetime")

#: An answer as the engine holds it: an option value (single, yes/no), the chosen option values in
#: option order (multiple), a whole number, or an ISO date ("2026-11-22") / date-time ("2026-11-22T14:30").
Answer: TypeAlias = str | int | tuple[str, ...]

YES_NO_OPTIONS: tuple[tuple[str, str], ...] = (("yes", "Yes"), ("no", "No"))


@dataclass(frozen=True, slots=True)
class Citation:
    """Where a rule or outcome comes from: a handbook section and the source document behind it."""

    handbook: str
    """Handbook page and anchor, for example ``referring/worried-about-a-child.md#call-999``."""
    source: str
    """Id of the source document in the sources register (``data/sources.yml``)."""
    part: str
    """The section of that source, for example ``"2. What to do if you have a concern"``."""


@dataclass(frozen=True, slots=True)
class Option:
    """One answer a person can choose."""

    value: str
    label: str
    hint: str = ""
    exclusive: bool = False
    """For multiple choice: an answer such as "None of these" that cannot be combined with others."""


@dataclass(frozen=True, slots=True)
class Condition:
    """A test over earlier answers. ``op`` names one of a fixed vocabulary (see ``conditions.py``)."""

    op: str
    question: str = ""
    value: str | int | tuple[str, ...] | None = None
    parts: tuple[Condition, ...] = ()


@dataclass(frozen=True, slots=True)
class Rule:
    """Go to ``goto`` when ``when`` holds (``None`` is the default rule, which must come last)."""

    goto: str
    label: str
    when: Condition | None = None
    cite: tuple[Citation, ...] = ()


@dataclass(frozen=True, slots=True)
class Question:
    id: str
    type: QuestionType
    text: str
    next: tuple[Rule, ...]
    hint: str = ""
    options: tuple[Option, ...] = ()
    minimum: int | None = None
    maximum: int | None = None
    unit: str = ""
    """What a number counts, in the plural, for messages and summaries ("months", "hours")."""

    def option(self, value: str) -> Option | None:
        return next((o for o in self.options if o.value == value), None)


@dataclass(frozen=True, slots=True)
class Action:
    text: str
    level: Literal["must", "should"]
    escalation: bool = False
    """A mandatory escalation (for example a strategy meeting): shown before every other action."""
    cite: tuple[Citation, ...] = ()
    group: str = ""
    """The concern it is listed under in a grouped checklist, from its part ("" for every enquiry)."""


@dataclass(frozen=True, slots=True)
class Deadline:
    """A timescale the procedure sets, counted from the outcome's ``due_from`` answer."""

    label: str
    """What must be done by then, such as "Protective action taken"."""
    amount: int
    unit: str
    """One of the units in ``deadlines.UNITS``."""
    working_day: tuple[str, str] | None = None
    """For ``working_hours``: when the working day starts and ends ("09:00", "17:00"). No source sets
    the hours of a working day, so a guide that counts working hours must say which it uses."""


@dataclass(frozen=True, slots=True)
class Part:
    """Actions an outcome gains when ``when`` holds, so one outcome can merge several checklists."""

    when: Condition
    label: str
    actions: tuple[Action, ...]
    deadlines: tuple[Deadline, ...] = ()
    urgency: str = ""
    """When the part applies, the outcome is at least this urgent (an escalation in a checklist)."""
    group: str = ""
    """The heading its actions go under (a concern, such as "Child missing"). An outcome with grouped
    parts lists its checklist by concern, each concern's musts before its shoulds."""


@dataclass(frozen=True, slots=True)
class RatingRef:
    """A rating level from an area's scheme in the ratings register (``data/ratings.yml``)."""

    scheme: str
    level: str


@dataclass(frozen=True, slots=True)
class Contact:
    name: str
    detail: str
    area: str = ""
    phones: tuple[str, ...] = ()
    """The telephone numbers in ``detail``, as written there: only the register's, which are linked."""


@dataclass(frozen=True, slots=True)
class Outcome:
    id: str
    title: str
    summary: str
    cite: tuple[Citation, ...]
    actions: tuple[Action, ...] = ()
    contacts: tuple[Contact, ...] = ()
    next_steps: tuple[str, ...] = ()
    """What happens next, in order, from the person's point of view."""
    urgency: Literal["emergency", "urgent", "standard", "routine"] = "standard"
    parts: tuple[Part, ...] = ()
    rating: RatingRef | None = None
    due_from: str = ""
    """A date-time question (when the contact arrived) the timescales run from."""
    deadlines: tuple[Deadline, ...] = ()
    """The procedure's own timescales, shown with the rating's when there is one."""


Node: TypeAlias = Question | Outcome


@dataclass(frozen=True, slots=True)
class Check:
    """One thing an invariant requires of an outcome; ``kind`` names one of a fixed vocabulary (see
    ``invariants.py``)."""

    kind: str
    value: str | int | bool | tuple[str, ...] | tuple[int, str]


@dataclass(frozen=True, slots=True)
class Invariant:
    """A safety rule the guide states about itself, proved over every route when it is validated."""

    id: str
    label: str
    checks: tuple[Check, ...]
    when: Condition | None = None
    """The routes it applies to (every route when None)."""


@dataclass(frozen=True, slots=True)
class Guide:
    id: str
    version: int
    title: str
    audience: str
    intro: str
    start: str
    questions: tuple[Question, ...]
    outcomes: tuple[Outcome, ...]
    page: str = ""
    """The handbook page the guide is shown on, such as ``guides/worried-about-a-child.md``."""
    source_file: str = ""
    invariants: tuple[Invariant, ...] = ()
    _index: dict[str, Node] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        # Later duplicates are reported by the validator; the index keeps the first of each id.
        nodes: tuple[Node, ...] = (*self.questions, *self.outcomes)
        for node in nodes:
            self._index.setdefault(node.id, node)

    def node(self, node_id: str) -> Node | None:
        return self._index.get(node_id)

    def question(self, node_id: str) -> Question | None:
        node = self._index.get(node_id)
        return node if isinstance(node, Question) else None

    def outcome(self, node_id: str) -> Outcome | None:
        node = self._index.get(node_id)
        return node if isinstance(node, Outcome) else None

    @property
    def node_ids(self) -> tuple[str, ...]:
        return tuple(self._index)

    @property
    def size(self) -> int:
        return len(self._index)
