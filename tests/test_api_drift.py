"""The TypeScript REST types in src/api.ts must match the TypedDicts in jaxlings.api."""

from __future__ import annotations

import re
import sys
import typing
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
try:
    import jaxlings.api as api
except ImportError:  # package not installed yet: use the source tree
    sys.path.insert(0, str(ROOT / "python"))
    import jaxlings.api as api

API_TS = ROOT / "src" / "api.ts"

INTERFACE = re.compile(r"export\s+interface\s+(\w+)(?:\s+extends\s+(\w+))?\s*\{(.*?)\n\}", re.S)
FIELD = re.compile(r"^\s*(\w+)\??\s*:\s*(.+?);?\s*$", re.M)
TYPE_ALIAS = re.compile(r"export\s+type\s+(\w+)\s*=\s*([^;]+);")


def ts_interfaces() -> dict[str, dict[str, str]]:
    text = API_TS.read_text(encoding="utf-8")
    found: dict[str, dict[str, str]] = {}
    for name, base, body in INTERFACE.findall(text):
        body = re.sub(r"/\*.*?\*/|//[^\n]*", "", body, flags=re.S)
        inherited = dict(found.get(base, {})) if base else {}  # a base comes first in api.ts
        found[name] = inherited | {field: ts_type for field, ts_type in FIELD.findall(body)}
    return found


def ts_literal_aliases() -> dict[str, set[str]]:
    text = API_TS.read_text(encoding="utf-8")
    return {
        name: set(re.findall(r"'([^']*)'", rhs))
        for name, rhs in TYPE_ALIAS.findall(text)
        if "'" in rhs
    }


def typed_dicts() -> dict[str, type]:
    return {
        name: obj
        for name, obj in vars(api).items()
        if isinstance(obj, type) and typing.is_typeddict(obj) and obj.__module__ == api.__name__
    }


def is_optional(tp) -> bool:
    return type(None) in typing.get_args(tp)


def test_api_ts_has_interfaces():
    assert ts_interfaces(), f"no `export interface` found in {API_TS}"


@pytest.mark.parametrize("name", sorted(typed_dicts()))
def test_every_typeddict_has_an_interface_with_the_same_fields(name):
    interfaces = ts_interfaces()
    assert name in interfaces, f"src/api.ts has no `export interface {name}`"
    python_fields = list(typing.get_type_hints(typed_dicts()[name]))
    ts_fields = list(interfaces[name])
    missing = sorted(set(python_fields) - set(ts_fields))
    extra = sorted(set(ts_fields) - set(python_fields))
    assert not missing and not extra, (
        f"{name}: fields only in jaxlings.api: {missing}; only in src/api.ts: {extra}"
    )


@pytest.mark.parametrize("name", sorted(typed_dicts()))
def test_nullable_fields_agree(name):
    hints = typing.get_type_hints(typed_dicts()[name])
    ts_fields = ts_interfaces().get(name, {})
    for field, tp in hints.items():
        if field not in ts_fields:
            continue  # reported by the field-name test
        ts_nullable = re.search(r"\bnull\b", ts_fields[field]) is not None
        assert is_optional(tp) == ts_nullable, (
            f"{name}.{field}: Optional in Python is {is_optional(tp)}, "
            f"`| null` in TypeScript is {ts_nullable} ({ts_fields[field]!r})"
        )


def test_literal_aliases_agree():
    aliases = ts_literal_aliases()
    for name in ("Status", "Verdict"):
        python_values = set(typing.get_args(getattr(api, name)))
        assert name in aliases, f"src/api.ts has no `export type {name} = ...`"
        assert aliases[name] == python_values, f"{name}: {aliases[name]} != {python_values}"
