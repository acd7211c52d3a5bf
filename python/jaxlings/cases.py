"""The `Case` a problem's cases.py builds: a name, named inputs, and whether it is hidden."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Case:
    name: str
    inputs: dict[str, Any] = field(default_factory=dict)
    hidden: bool = False

    def __init__(self, name: str, *, hidden: bool = False, **inputs: Any):
        self.name = name
        self.hidden = hidden
        self.inputs = dict(inputs)
