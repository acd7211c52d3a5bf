"""The layers stay apart: the core knows nothing of the web, the harness nothing of the domain.

Read from the source (every `import` and `from … import`, at any depth, including those inside
functions), so a lazy import cannot slip past.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "python" / "jaxlings"
CORE = ["bank", "checker", "progress", "gating", "service", "validate", "api", "cases"]
HARNESS = sorted(p.stem for p in (PACKAGE / "harness").glob("*.py"))
WEB = ("tornado", "jupyter_server")
DOMAIN = ("bank", "service", "progress", "gating", "api", "checker", "validate", "cli", "server")


def imports(path: Path) -> set[str]:
    """Absolute names of the modules a file imports (relative imports resolved)."""
    package = ["jaxlings", *path.relative_to(PACKAGE).parent.parts]
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join([*base, node.module] if node.module else base)
            names.add(module)
            # `from . import bank` imports the module jaxlings.bank
            names.update(f"{module}.{alias.name}" for alias in node.names if node.level)
    return names


def _within(name: str, roots: tuple[str, ...]) -> bool:
    return any(name == r or name.startswith(r + ".") for r in roots)


def test_the_lists_name_real_modules():
    for name in CORE:
        assert (PACKAGE / f"{name}.py").is_file(), name
    assert {"pool", "worker", "codec", "compare"} <= set(HARNESS)


@pytest.mark.parametrize("module", [*CORE, *(f"harness/{m}" for m in HARNESS)])
def test_core_and_harness_import_nothing_of_the_web(module):
    found = sorted(n for n in imports(PACKAGE / f"{module}.py") if _within(n, WEB))
    assert not found, f"jaxlings/{module}.py imports {found}; only server/ may"


@pytest.mark.parametrize("module", HARNESS)
def test_harness_imports_nothing_of_the_domain(module):
    domain = tuple(f"jaxlings.{d}" for d in DOMAIN)
    found = sorted(n for n in imports(PACKAGE / "harness" / f"{module}.py") if _within(n, domain))
    assert not found, (
        f"jaxlings/harness/{module}.py imports {found}; the harness runs code, not problems"
    )


def test_the_checker_catches_a_violation(tmp_path, monkeypatch):
    """The reader itself: relative, lazy and aliased imports are all seen."""
    sub = tmp_path / "harness"
    sub.mkdir()
    (sub / "x.py").write_text(
        "def f():\n    from ..service import JaxlingsService\n    import tornado.web as web\n"
        "from .. import bank\n"
    )
    monkeypatch.setattr(f"{__name__}.PACKAGE", tmp_path)
    found = imports(sub / "x.py")
    assert {"jaxlings.service", "tornado.web", "jaxlings.bank"} <= found
