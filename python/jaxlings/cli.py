"""The `jaxlings` command: the same service as the server, from a shell."""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import TYPE_CHECKING, Optional

if TYPE_CHECKING:  # the CLI imports the service lazily, so `jaxlings list` starts fast
    from .api import CheckResult
    from .service import JaxlingsService

EXIT_PASSED, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def data_dir() -> Path:
    from . import identity

    return identity.data_dir()


def _service(max_workers: int = 1, spare: int = 0) -> JaxlingsService:
    from . import identity
    from .service import JaxlingsService

    data = identity.data_dir()
    return JaxlingsService(
        data_dir=data,
        db_path=identity.database(data),
        max_workers=max_workers,
        spare_workers=spare,
    )


def _user() -> str:
    from . import identity

    return identity.os_user()


class UsageError(Exception):
    pass


def cmd_list(args: argparse.Namespace) -> int:
    from .bank import Bank

    bank = Bank()
    if args.json:
        rows = [
            {
                "id": p.id,
                "title": p.title,
                "sprint": p.sprint.key,
                "sprint_title": p.sprint.title,
                "order": p.order,
                "difficulty": p.difficulty,
            }
            for p in bank
        ]
        print(json.dumps(rows, indent=2))
        return EXIT_PASSED
    current = None
    width = max(2, *(len(str(p.order)) for p in bank))  # 100 and up keep the columns aligned
    for p in bank:
        if p.sprint.key != current:
            current = p.sprint.key
            count = sum(1 for q in bank if q.sprint.key == current)
            print(f"\nSprint {p.sprint.key} — {p.sprint.title} ({count} problems)")
        print(f"  {p.order:0{width}d}  {p.id:<30} {p.difficulty:<7} {p.title}")
    print(f"\n{len(bank)} problems in {len({p.sprint.key for p in bank})} sprints")
    for err in bank.errors:
        print(f"warning: {err}", file=sys.stderr)
    return EXIT_PASSED


def cmd_show(args: argparse.Namespace) -> int:
    from .bank import Bank

    p = Bank().get(args.id)
    if p is None:
        raise UsageError(f"there is no problem {args.id!r}; `jaxlings list` shows the ids")
    print(f"{p.order:02d} · {p.title}  (sprint {p.sprint.key}: {p.sprint.title}, {p.difficulty})\n")
    print(p.statement_md.strip())
    print(f"\nSignature: {p.signature}\n\nStarter:\n{textwrap.indent(p.starter.rstrip(), '    ')}")
    print(f"\n{len(p.hints)} hints unlock after your first check.")
    return EXIT_PASSED


def _print_result(result: CheckResult) -> None:
    mark = {True: "✓", False: "✗"}
    print(
        f"{result['problem']}: {result['status'].upper()}  ({result['duration_ms']:.0f} ms"
        + (f", attempt {result['attempt']}" if result.get("attempt") else "")
        + ")"
    )
    if result["error"]:
        print(f"  {result['error']['message']}")
    for c in result["cases"]:
        line = f"  {mark[c['passed']]} {c['name']}"
        if not c["passed"] and c.get("message"):
            line += f" — {c['message']}"
        print(line)
        if not c["passed"] and c.get("expected_preview") and c.get("actual_preview"):
            print(f"      expected {c['expected_preview']}\n      actual   {c['actual_preview']}")
    for stream in ("stdout", "stderr"):
        if result.get(stream):
            print(f"--- {stream} ---\n{result[stream].rstrip()}")
    if result.get("save_error"):
        print(f"note: {result['save_error']}")


def cmd_check(args: argparse.Namespace) -> int:
    path = Path(args.file)
    if not path.is_file():
        raise UsageError(f"no such file: {args.file}")
    try:
        code = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise UsageError(f"{args.file} is not UTF-8 text") from None
    from .service import Refusal

    svc = _service()
    try:
        try:
            result = svc.check(_user(), args.id, code)
        except Refusal as exc:
            raise UsageError(exc.message) from None
    finally:
        svc.close()
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        _print_result(result)
    return EXIT_PASSED if result["passed"] else EXIT_FAILED


def cmd_validate(args: argparse.Namespace) -> int:
    from .validate import Validator

    t0 = time.monotonic()
    svc = _service(max_workers=args.jobs, spare=0)
    # validation runs only trusted code, on workers it keeps: no warm-up replays of the
    # problems just validated each time a worker starts
    svc.pool.warm_jobs = None
    try:
        reports = Validator(
            svc.bank,
            svc.checker,
            progress=lambda m: print(m, flush=True),
            timings_path=data_dir() / "validate-timings.json",
        ).run(args.ids, parallel=args.jobs)
        workers = svc.pool.started_workers
    finally:
        svc.close()
    bad = [r for r in reports if not r.ok]
    for r in bad:
        print(f"\n{r.problem} ({r.path}):")
        for f in r.failures:
            print(f"  - {f}")
    if args.verbose:
        for r in reports:
            for n in r.notes:
                print(f"  {r.problem}: {n}")
    print(
        f"\n{len(reports) - len(bad)} passed, {len(bad)} failed ({time.monotonic() - t0:.1f} s, "
        f"{args.jobs} at once, {workers} worker{'s' if workers != 1 else ''} started)"
    )
    return EXIT_PASSED if not bad else EXIT_FAILED


SCAFFOLD = {
    "meta.toml": 'id = "{id}"\ntitle = "FILL IN title"\norder = {order}\ndifficulty = "easy"\n'
    'function = "{fn}"\ntime_limit_s = 10\n\n[tolerance]\nrtol = 1e-5\natol = 1e-6\n',
    "problem.md": "## Why this matters\n\nFILL IN\n\n## Explanation\n\nFILL IN\n\n```python\nx = jnp.arange(3.0)\n```\n\n"
    "## Worked example\n\n```pycon\n>>> {fn}(0.0, jnp.arange(3.0))\nFILL IN: paste what the reference returns\n```\n\n"
    "## Pitfalls\n\n- **FILL IN first pitfall.** FILL IN\n\n## Problem\n\nWrite `{fn}(seed, x)` …\n\n"
    "## Inputs\n\n- `seed`: float, unused.\n- `x`: 1-D JAX array.\n\n## Output\n\nFILL IN\n",
    "starter.py": "def {fn}(seed, x):\n    # FILL IN: describe the task in one line\n    return jnp.zeros_like(x)\n",
    "solution.py": "def {fn}(seed, x):\n    return x  # FILL IN: the reference solution\n",
    "solution.md": "FILL IN: why the reference works.\n",
    "cases.py": "import numpy as np\n\nfrom jaxlings.cases import Case\n\n\ndef cases():\n"
    "    rng = np.random.default_rng({order})\n    return [\n"
    '        Case("worked example", seed=0.0, x=np.arange(3, dtype=np.float32)),\n'
    "        # FILL IN: at least 5 cases, edge cases included, some hidden=True\n    ]\n",
    "hints.md": "## Hint 1\n\nFILL IN\n\n## Hint 2\n\nFILL IN\n",
    "wrong/todo_first_pitfall.py": "# pitfall: FILL IN first pitfall\ndef {fn}(seed, x):\n    return x * 0\n",
}


def cmd_new(args: argparse.Namespace) -> int:
    from .bank import ID_RE, Bank, default_problems_dir, load_sprint

    if not ID_RE.match(args.id):
        raise UsageError(f"{args.id!r} is not a slug: use lowercase letters, digits and dashes")
    root = Path(args.problems) if args.problems else default_problems_dir()
    bank = Bank(root)
    existing = bank.get(args.id)
    if existing:
        raise UsageError(f"problem {args.id!r} already exists at {existing.path}")
    sprints = {}
    for folder in sorted(p for p in root.iterdir() if (p / "sprint.toml").is_file()):
        sprints[load_sprint(folder).key] = folder
    if args.sprint not in sprints:
        raise UsageError(f"no sprint {args.sprint!r}; sprints: {', '.join(sprints)}")
    order = args.order or (max((p.order for p in bank), default=0) + 1)
    fn = args.function or re.sub(r"^(jax|nnx)-", "", args.id).replace("-", "_")
    folder = sprints[args.sprint] / f"{order:02d}-{args.id}"
    for rel, text in SCAFFOLD.items():
        target = folder / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text.format(id=args.id, order=order, fn=fn))
    print(
        f"Created {folder}\n\nNext: fill in every FILL IN (docs/problem-format.md says what each file holds), "
        f"then run\n  jaxlings validate {args.id}\nuntil it passes; it tells you what is still missing."
    )
    return EXIT_PASSED


def cmd_lab(args: argparse.Namespace) -> int:
    cmd = [sys.executable, "-m", "jupyter", "lab"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        cmd.append("--allow-root")
    cmd += args.lab_args
    return subprocess.call(cmd)


def cmd_service(args: argparse.Namespace) -> int:
    from .classroom import serve

    return serve(args)


def cmd_openapi(args: argparse.Namespace) -> int:
    from .openapi import document

    text = json.dumps(document(), indent=2) + "\n"
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return EXIT_PASSED


def cmd_export(args: argparse.Namespace) -> int:
    """The class's attempts or progress as CSV, read straight from the progress database."""
    from . import identity
    from .bank import Bank
    from .dashboard import ATTEMPT_COLUMNS, PROGRESS_COLUMNS, ClassDashboard, to_csv
    from .progress import ProgressStore, ProgressUnavailable

    data = identity.data_dir(args.data_dir)
    store = ProgressStore(identity.database(data, args.db))
    try:
        dash = ClassDashboard(Bank(Path(args.problems) if args.problems else None), store, data)
        if args.what == "attempts":
            text = to_csv(dash.attempt_rows(args.anonymize, args.salt), ATTEMPT_COLUMNS)
        else:
            text = to_csv(dash.progress_rows(args.anonymize, args.salt), PROGRESS_COLUMNS)
    except (ProgressUnavailable, OSError) as exc:
        print(f"jaxlings: {exc}", file=sys.stderr)
        return EXIT_FAILED
    finally:
        store.close()
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return EXIT_PASSED


def cmd_serve(args: argparse.Namespace) -> int:
    from .server.serve import serve

    serve(data_dir(), problems_dir=args.problems or "", pool_size=args.workers)
    return EXIT_PASSED


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="jaxlings", description="Checked JAX and Flax NNX exercises.")
    sub = ap.add_subparsers(dest="command", required=True)
    p = sub.add_parser("list", help="list the problems by sprint")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=cmd_list)
    p = sub.add_parser("show", help="print a problem's statement and starter")
    p.add_argument("id")
    p.set_defaults(run=cmd_show)
    p = sub.add_parser("check", help="check a file's function against a problem")
    p.add_argument("id")
    p.add_argument("file")
    p.add_argument("--json", action="store_true", help="print the CheckResult as JSON")
    p.set_defaults(run=cmd_check)
    p = sub.add_parser("validate", help="prove problems sound (all when no id is given)")
    p.add_argument("ids", nargs="*")
    p.add_argument(
        "-j", "--jobs", type=int, default=2, help="problems validated at once (default 2)"
    )
    p.add_argument(
        "-v", "--verbose", action="store_true", help="also show how each wrong/ file fails"
    )
    p.set_defaults(run=cmd_validate)
    p = sub.add_parser("new", help="scaffold a new problem folder")
    p.add_argument("id")
    p.add_argument("--sprint", default="A", help="sprint key (default A)")
    p.add_argument("--order", type=int, help="track number (default: after the last problem)")
    p.add_argument("--function", help="function name (default: from the id)")
    p.add_argument("--problems", help="problem bank folder (default: the installed bank)")
    p.set_defaults(run=cmd_new)
    p = sub.add_parser(
        "service",
        help="run the classroom service for a JupyterHub (see README: Classroom mode)",
    )
    from .classroom import add_arguments

    add_arguments(p)
    p.set_defaults(run=cmd_service)
    p = sub.add_parser("lab", help="start JupyterLab with jaxlings")
    p.add_argument("lab_args", nargs=argparse.REMAINDER)
    p.set_defaults(run=cmd_lab)
    p = sub.add_parser("openapi", help="print the REST API as an OpenAPI 3.1 document")
    p.add_argument("-o", "--output", help="write it to this file instead")
    p.set_defaults(run=cmd_openapi)
    p = sub.add_parser(
        "export", help="the class's attempts or progress as CSV (columns: see README)"
    )
    p.add_argument(
        "--db",
        help="progress database: a SQLAlchemy URL or a SQLite file (default: "
        "$JAXLINGS_DATABASE_URL, else <data dir>/progress.sqlite)",
    )
    p.add_argument("--what", choices=("attempts", "progress"), default="attempts")
    p.add_argument(
        "--anonymize",
        action="store_true",
        help="replace user names with stable pseudonyms (HMAC of the user with a key kept in "
        "<data dir>/export.key, or --salt)",
    )
    p.add_argument("--salt", help="the pseudonyms' key instead of <data dir>/export.key")
    p.add_argument("--data-dir", help="where export.key is kept (default: the data dir)")
    p.add_argument("--problems", help="problem bank folder (default: the installed bank)")
    p.add_argument("-o", "--output", help="write to this file (default: stdout)")
    p.set_defaults(run=cmd_export)
    p = sub.add_parser(
        "serve",
        help="serve the REST API on 127.0.0.1 for an editor; prints {url, token} when ready",
    )
    p.add_argument("--problems", help="problem bank folder (default: the installed bank)")
    p.add_argument("--workers", type=int, default=2, help="most worker processes (default 2)")
    p.set_defaults(run=cmd_serve)
    return ap


def main(argv: Optional[list[str]] = None) -> int:
    ap = build_parser()
    try:
        args = ap.parse_args(argv)
    except SystemExit as exc:
        return EXIT_USAGE if exc.code else EXIT_PASSED
    try:
        code: int = args.run(args)
        return code
    except UsageError as exc:
        print(f"jaxlings: {exc}", file=sys.stderr)
        return EXIT_USAGE


if __name__ == "__main__":
    sys.exit(main())
