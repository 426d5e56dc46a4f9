"""Problems found in a guide file, each printable as one line that names the file, the node and the fault."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True, order=True)
class Problem:
    file: str
    node: str
    """The node id the problem is in, or "" for the guide as a whole."""
    message: str

    def __str__(self) -> str:
        where = f"node '{self.node}'" if self.node else "guide"
        return f"{self.file or '<guide>'}: {where}: {self.message}"


class GuideError(Exception):
    """A guide could not be loaded or is not valid. ``problems`` lists every fault found, not just the first."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))
