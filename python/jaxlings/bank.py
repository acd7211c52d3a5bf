"""The problem bank: loads `problems/`, validates each folder's schema, exposes `Problem`s.

Pure Python (numpy for cases); nothing here imports JAX, Tornado or jupyter_server.
"""

from __future__ import annotations

import ast
import hashlib
import importlib.metadata
import os
import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, Optional

from .cases import Case

ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
FOLDER_RE = re.compile(r"^(\d{2,3})-([a-z0-9-]+)$")
SECTIONS = [
    "Why this matters",
    "Explanation",
    "Worked example",
    "Pitfalls",
    "Problem",
    "Inputs",
    "Output",
]
DIFFICULTIES = ("easy", "medium", "hard")
FORMAT_VERSION = "2"  # bump when the wire format or expected-output layout changes


class BankError(ValueError):
    """A problem folder that does not follow docs/problem-format.md."""

    def __init__(self, path: Path | str, message: str):
        super().__init__(f"{path}: {message}")
        self.path = str(path)
        self.message = message


@dataclass(frozen=True)
class Sprint:
    key: str
    title: str
    order: int


@dataclass
class Problem:
    id: str
    title: str
    order: int
    difficulty: str
    function: str
    sprint: Sprint
    path: Path
    rtol: float = 1e-5
    atol: float = 1e-6
    time_limit_s: float = 10.0
    memory_limit_mb: float = 2048.0
    statement_md: str = ""
    starter: str = ""
    solution: str = ""
    solution_notes: str = ""
    hints: list[str] = field(default_factory=list)
    checks_source: Optional[str] = None
    outputs: list[str] = field(default_factory=list)  # names of a tuple result's items, if given

    @cached_property
    def signature(self) -> str:
        return signature_of(self.solution, self.function) or f"{self.function}(...)"

    @cached_property
    def parameters(self) -> list[str]:
        return parameters_of(self.solution, self.function)

    @cached_property
    def cases(self) -> list[Case]:
        return load_cases(self.path / "cases.py")

    @cached_property
    def content_hash(self) -> str:
        """Changes whenever a file of the problem or the JAX/Flax/numpy version changes."""
        h = hashlib.sha256(FORMAT_VERSION.encode())
        for p in sorted(self.path.rglob("*")):
            if p.is_file() and "__pycache__" not in p.parts:
                h.update(str(p.relative_to(self.path)).encode() + b"\0" + p.read_bytes() + b"\0")
        h.update(versions_key().encode())
        return h.hexdigest()[:16]

    def wrong_files(self) -> list[Path]:
        return sorted((self.path / "wrong").glob("*.py"))

    def alt_files(self) -> list[Path]:
        """Other correct approaches (jit or not, module APIs or hand-written maths): each must pass."""
        return sorted((self.path / "alt").glob("*.py"))


def versions_key() -> str:
    parts = []
    for dist in ("jax", "jaxlib", "flax", "numpy", "optax"):
        try:
            parts.append(f"{dist}={importlib.metadata.version(dist)}")
        except importlib.metadata.PackageNotFoundError:
            parts.append(f"{dist}=none")
    return ",".join(parts)


def default_problems_dir() -> Path:
    env = os.environ.get("JAXLINGS_PROBLEMS")
    if env:
        return Path(env)
    here = Path(__file__).resolve().parent
    repo = here.parents[1] / "problems"  # editable install / source checkout
    return repo if repo.is_dir() else here / "problems"  # inside the wheel


def signature_of(source: str, function: str) -> Optional[str]:
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return None
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name == function:
            return f"{function}({ast.unparse(node.args)})"
    return None


def parameters_of(source: str, function: str) -> list[str]:
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return []
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name == function:
            return [a.arg for a in node.args.posonlyargs + node.args.args]
    return []


def load_cases(path: Path) -> list[Case]:
    if not path.is_file():
        raise BankError(path, "file missing")
    ns: dict[str, Any] = {"__name__": f"jaxlings_cases_{path.parent.name}", "__file__": str(path)}
    try:
        exec(compile(path.read_text(), str(path), "exec"), ns)
    except Exception as exc:
        raise BankError(path, f"could not be run: {type(exc).__name__}: {exc}") from None
    make = ns.get("cases")
    if not callable(make):
        raise BankError(path, "must define a function `cases()`")
    try:
        cases = list(make())
    except Exception as exc:
        raise BankError(path, f"cases() raised {type(exc).__name__}: {exc}") from None
    names = set()
    for c in cases:
        if not isinstance(c, Case):
            raise BankError(path, f"cases() must return Case objects, got {type(c).__name__}")
        if c.name in names:
            raise BankError(path, f"two cases are named {c.name!r}")
        names.add(c.name)
    return cases


def split_sections(markdown: str) -> dict[str, str]:
    """`## ` sections of a statement, by heading, ignoring headings inside code fences."""
    sections: dict[str, str] = {}
    current: Optional[str] = None
    buf: list[str] = []
    fence: Optional[str] = None
    for line in markdown.splitlines():
        stripped = line.lstrip()
        if stripped.startswith(("```", "~~~")):
            mark = stripped[:3]
            fence = None if fence == mark else (fence or mark)
        if fence is None and line.startswith("## "):
            if current is not None:
                sections[current] = "\n".join(buf).strip()
            current, buf = line[3:].strip(), []
        elif current is not None:
            buf.append(line)
    if current is not None:
        sections[current] = "\n".join(buf).strip()
    return sections


def parse_hints(markdown: str) -> list[str]:
    return [body for body in split_sections(markdown).values() if body]


def pitfall_titles(statement_md: str) -> list[str]:
    body = split_sections(statement_md).get("Pitfalls", "")
    return [
        m.group(1).strip().rstrip(".").strip()
        for m in re.finditer(r"^\s*[-*]\s+\*\*(.+?)\*\*", body, re.M)
    ]


def wrong_file_pitfall(path: Path) -> Optional[str]:
    first = path.read_text().splitlines()[:1]
    m = re.match(r"#\s*pitfall:\s*(.+)$", first[0].strip()) if first else None
    return m.group(1).strip().rstrip(".").strip() if m else None


def _read(path: Path, required: bool = True) -> str:
    if not path.is_file():
        if required:
            raise BankError(path, "file missing")
        return ""
    return path.read_text(encoding="utf-8")


def load_sprint(folder: Path) -> Sprint:
    path = folder / "sprint.toml"
    try:
        data = tomllib.loads(_read(path))
    except tomllib.TOMLDecodeError as exc:
        raise BankError(path, f"not valid TOML: {exc}") from None
    for key, typ in (("key", str), ("title", str), ("order", int)):
        if not isinstance(data.get(key), typ):
            raise BankError(path, f"field `{key}` must be a {typ.__name__}")
    return Sprint(data["key"], data["title"], data["order"])


def load_problem(folder: Path, sprint: Sprint) -> Problem:
    """Read and schema-check one problem folder; raises BankError naming file and field."""
    m = FOLDER_RE.match(folder.name)
    if not m:
        raise BankError(folder, "folder name must be NN-id, e.g. 19-nnx-ema-step")
    meta_path = folder / "meta.toml"
    try:
        meta = tomllib.loads(_read(meta_path))
    except tomllib.TOMLDecodeError as exc:
        raise BankError(meta_path, f"not valid TOML: {exc}") from None

    def need(key: str, typ: type) -> Any:
        if key not in meta:
            raise BankError(meta_path, f"field `{key}` is missing")
        if not isinstance(meta[key], typ) or isinstance(meta[key], bool):
            raise BankError(meta_path, f"field `{key}` must be a {typ.__name__}")
        return meta[key]

    pid = need("id", str)
    if not ID_RE.match(pid):
        raise BankError(
            meta_path, f"field `id` must be a slug (lowercase, digits, dashes), got {pid!r}"
        )
    if pid != m.group(2):
        raise BankError(meta_path, f"field `id` is {pid!r} but the folder says {m.group(2)!r}")
    order = need("order", int)
    if order != int(m.group(1)):
        raise BankError(
            meta_path, f"field `order` is {order} but the folder number is {m.group(1)}"
        )
    difficulty = need("difficulty", str)
    if difficulty not in DIFFICULTIES:
        raise BankError(meta_path, f"field `difficulty` must be one of {', '.join(DIFFICULTIES)}")
    function = need("function", str)
    if not function.isidentifier():
        raise BankError(meta_path, "field `function` must be a Python identifier")
    tol = meta.get("tolerance", {})
    if not isinstance(tol, dict):
        raise BankError(meta_path, "field `tolerance` must be a table with rtol and atol")
    numbers = {}
    for key, default, where in (
        ("rtol", 1e-5, tol),
        ("atol", 1e-6, tol),
        ("time_limit_s", 10.0, meta),
        ("memory_limit_mb", 2048.0, meta),
    ):
        value = where.get(key, default)
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
            raise BankError(meta_path, f"field `{key}` must be a non-negative number")
        numbers[key] = float(value)
    outputs = meta.get("outputs", [])
    if not isinstance(outputs, list) or not all(isinstance(o, str) and o.strip() for o in outputs):
        raise BankError(
            meta_path, 'field `outputs` must be a list of names, e.g. ["loss", "grads"]'
        )
    statement = _read(folder / "problem.md")
    sections = split_sections(statement)
    missing = [s for s in SECTIONS if s not in sections]
    if missing:
        raise BankError(
            folder / "problem.md",
            f"missing section{'s' if len(missing) > 1 else ''} "
            + ", ".join(f"`## {s}`" for s in missing),
        )
    order_seen = [s for s in sections if s in SECTIONS]
    if order_seen != SECTIONS:
        raise BankError(
            folder / "problem.md", "sections must come in the order " + " · ".join(SECTIONS)
        )
    solution = _read(folder / "solution.py")
    if signature_of(solution, function) is None:
        raise BankError(folder / "solution.py", f"must define `def {function}(...)` at top level")
    starter = _read(folder / "starter.py")
    hints = parse_hints(_read(folder / "hints.md"))
    checks_path = folder / "checks.py"
    return Problem(
        id=pid,
        title=need("title", str),
        order=order,
        difficulty=difficulty,
        function=function,
        sprint=sprint,
        path=folder,
        rtol=numbers["rtol"],
        atol=numbers["atol"],
        time_limit_s=numbers["time_limit_s"],
        memory_limit_mb=numbers["memory_limit_mb"],
        statement_md=statement,
        starter=starter,
        solution=solution,
        solution_notes=_read(folder / "solution.md", required=False),
        hints=hints,
        checks_source=checks_path.read_text() if checks_path.is_file() else None,
        outputs=outputs,
    )


class Bank:
    """Every problem under a root folder, in track order; folders that fail are in `errors`."""

    def __init__(self, root: Optional[Path] = None):
        self.root = Path(root) if root else default_problems_dir()
        self.problems: dict[str, Problem] = {}
        self.sprints: list[Sprint] = []
        self.errors: list[BankError] = []
        self._load()

    def _load(self) -> None:
        if not self.root.is_dir():
            self.errors.append(BankError(self.root, "problem folder not found"))
            return
        found: list[Problem] = []
        for folder in sorted(
            p for p in self.root.iterdir() if p.is_dir() and not p.name.startswith(".")
        ):
            if folder.name == "__pycache__":
                continue
            try:
                sprint = load_sprint(folder)
            except BankError as exc:
                self.errors.append(exc)
                continue
            self.sprints.append(sprint)
            for pf in sorted(p for p in folder.iterdir() if p.is_dir() and FOLDER_RE.match(p.name)):
                try:
                    found.append(load_problem(pf, sprint))
                except BankError as exc:
                    self.errors.append(exc)
        self.sprints.sort(key=lambda s: s.order)
        for p in sorted(found, key=lambda p: (p.sprint.order, p.order)):
            if p.id in self.problems:
                self.errors.append(BankError(p.path, f"id {p.id!r} is used twice"))
                continue
            self.problems[p.id] = p

    def get(self, problem_id: str) -> Optional[Problem]:
        """The problem with this id, or None (ids that are not slugs never match)."""
        if not isinstance(problem_id, str) or not ID_RE.match(problem_id):
            return None
        return self.problems.get(problem_id)

    def __iter__(self) -> Iterator[Problem]:
        return iter(self.problems.values())

    def __len__(self) -> int:
        return len(self.problems)
