"""Earlier cells of a notebook: the definitions a Check runs before the checked cell.

A learner's helper often lives in a cell above the function. A Check runs, from each earlier
cell, only what defines names (functions, classes, imports, constants), each at its own line,
so a training loop or a plot above is never re-run and errors keep their cell and line.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from typing import Optional

# IPython magics and shell escapes are not Python: blanked before parsing
_MAGIC = re.compile(r"^\s*[%!]")
_CONSTANT_NAME = re.compile(r"^_?[A-Z][A-Z0-9_]*$")
_NAME_ERROR = re.compile(r"name '([A-Za-z_][A-Za-z0-9_]*)' is not defined")


@dataclass(frozen=True)
class EarlierCell:
    """One earlier code cell: its 1-based position in the notebook and its text."""

    cell: int
    code: str

    @property
    def filename(self) -> str:
        return f"<cell {self.cell}>"


def _is_constant(node: ast.Assign | ast.AnnAssign) -> bool:
    targets = node.targets if isinstance(node, ast.Assign) else [node.target]
    if not targets or not all(isinstance(t, ast.Name) for t in targets):
        return False
    if all(_CONSTANT_NAME.match(t.id) for t in targets if isinstance(t, ast.Name)):
        return True  # UPPER_CASE by convention: a constant whatever computes it
    if node.value is None:
        return False
    try:
        ast.literal_eval(node.value)
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        return False
    return True


def _kept(node: ast.stmt) -> bool:
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return True
    if isinstance(node, (ast.Import, ast.ImportFrom)):
        return True
    if isinstance(node, (ast.Assign, ast.AnnAssign)):
        return _is_constant(node)
    return False


def _parse(code: str) -> Optional[tuple[list[str], ast.Module]]:
    lines = ["\n" if _MAGIC.match(line) else line for line in code.splitlines(True)]
    try:
        return lines, ast.parse("".join(lines))
    except (SyntaxError, ValueError, MemoryError, RecursionError):
        return None


def definitions(code: str) -> str:
    """The cell's defining statements at their own lines (others blank); '' when it does not
    parse or defines nothing."""
    parsed = _parse(code)
    if parsed is None:
        return ""
    lines, tree = parsed
    keep = [False] * len(lines)
    for node in tree.body:
        if _kept(node):
            first = min([node.lineno] + [d.lineno for d in getattr(node, "decorator_list", [])])
            for i in range(first - 1, (node.end_lineno or node.lineno)):
                keep[i] = True
    if not any(keep):
        return ""
    return "".join(line if k else "\n" for line, k in zip(lines, keep, strict=True))


def context_jobs(cells: list[EarlierCell]) -> list[dict[str, str]]:
    """What the worker runs before the checked cell: each earlier cell's definitions."""
    out = []
    for c in cells:
        text = definitions(c.code)
        if text:
            out.append({"source": text, "filename": c.filename})
    return out


def _binds(tree: ast.Module, name: str) -> bool:
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and node.id == name and isinstance(node.ctx, ast.Store):
            return True
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            if node.name == name:
                return True
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            if any((a.asname or a.name.split(".")[0]) == name for a in node.names):
                return True
    return False


def missing_name_note(message: str, cells: list[EarlierCell]) -> Optional[str]:
    """Why a NameError's name is missing when an earlier cell sets it: a sentence, or None."""
    m = _NAME_ERROR.search(message)
    if not m:
        return None
    name = m.group(1)
    for c in reversed(cells):
        parsed = _parse(c.code)
        if parsed is None:
            if re.search(rf"\b{re.escape(name)}\b", c.code):
                return (
                    f"`{name}` is in cell {c.cell}, which has a syntax error, so a Check "
                    "cannot take its definitions; fix that cell or define it in this one."
                )
            continue
        if _binds(parsed[1], name):
            return (
                f"`{name}` is set in cell {c.cell} by code that a Check does not run: a Check "
                "takes only the functions, classes, imports and constants (literal values or "
                "UPPER_CASE names) of the cells above; define it in this cell or as a constant."
            )
    return None
