"""The `Case` a problem's cases.py builds: a name, named inputs, whether it is hidden, and
(optionally) the property it probes, said to learners when a hidden case fails."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional


@dataclass
class Case:
    name: str
    inputs: dict[str, Any] = field(default_factory=dict)
    hidden: bool = False
    probes: Optional[str] = None  # e.g. "larger inputs", "extreme values"

    def __init__(
        self, name: str, *, hidden: bool = False, probes: Optional[str] = None, **inputs: Any
    ):
        self.name = name
        self.hidden = hidden
        self.probes = probes
        self.inputs = dict(inputs)
