"""Where `jaxlings validate` spends its time: wall clock per kind of worker job, for the ids given
(all problems when none), with the same options as `jaxlings validate`.

    .venv/bin/python benchmarks/validate_profile.py [-j N] [ID ...]

Prints validate's own output, then one line per kind of job (count, total and mean seconds).
With -j 2 the job times add up to about twice the wall time.
"""

from __future__ import annotations

import collections
import functools
import sys
import time

from jaxlings import cli
from jaxlings.checker import Checker
from jaxlings.validate import Validator

SPENT: dict[str, list[float]] = collections.defaultdict(list)


def _timed(cls: type, name: str, label: str) -> None:
    original = getattr(cls, name)

    @functools.wraps(original)
    def wrapper(self, *args, **kwargs):
        t0 = time.monotonic()
        try:
            return original(self, *args, **kwargs)
        finally:
            SPENT[label].append(time.monotonic() - t0)

    setattr(cls, name, wrapper)


def main() -> int:
    _timed(Checker, "refresh_expected", "reference run (expected outputs)")
    _timed(Checker, "check", "check jobs (solution, alt/, starter, wrong/)")
    _timed(Validator, "_blocks_job", "blocks jobs (statement code, API names, worked example)")
    t0 = time.monotonic()
    code = cli.main(["validate", *sys.argv[1:]])
    print()
    for label, spent in SPENT.items():
        print(
            f"{label}: {len(spent)} jobs, {sum(spent):.1f} s total, "
            f"{sum(spent) / len(spent):.1f} s mean"
        )
    print(f"wall {time.monotonic() - t0:.1f} s")
    return code


if __name__ == "__main__":
    sys.exit(main())
