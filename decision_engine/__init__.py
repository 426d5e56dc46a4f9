"""The MASH Handbook's decision engine: load, validate, walk and render decision guides.

Standard library only at run time, so the same code runs on host CPython and in Pyodide.
"""

from .answers import AnswerError, describe, from_form, from_text
from .explain import Reason, reasons
from .load import guide_from_data, guide_from_json
from .model import Answer, Guide, Outcome, Question
from .problems import GuideError, Problem
from .token import TokenError, decode, encode
from .validate import validate
from .walk import Step, Walk, trail

__all__ = [
    "Answer",
    "AnswerError",
    "Guide",
    "GuideError",
    "Outcome",
    "Problem",
    "Question",
    "Reason",
    "Step",
    "TokenError",
    "Walk",
    "decode",
    "describe",
    "encode",
    "from_form",
    "from_text",
    "guide_from_data",
    "guide_from_json",
    "reasons",
    "trail",
    "validate",
]
