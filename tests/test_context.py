"""Which lines of the cells above a Check runs: definitions only, each at its own line."""

from jaxlings.context import EarlierCell, definitions, missing_name_note

CELL = """%matplotlib inline
import numpy as onp
LR = compute_lr()
n = 3
data = load()

@jax.jit
def helper(x):
    return x * n

for i in range(3):
    print(i)
class Box:
    pass
"""


def test_definitions_keep_functions_classes_imports_and_constants_at_their_lines():
    kept = definitions(CELL).splitlines()
    assert len(kept) == len(CELL.splitlines())
    assert kept[0] == ""  # the magic
    assert (
        kept[1] == "import numpy as onp" and kept[2] == "LR = compute_lr()" and kept[3] == "n = 3"
    )
    assert kept[4] == ""  # `data = load()` is work, not a constant
    assert kept[6:9] == ["@jax.jit", "def helper(x):", "    return x * n"]
    assert kept[10:12] == ["", ""] and kept[12] == "class Box:"


def test_a_cell_that_does_not_parse_gives_nothing():
    assert definitions("def f(:\n") == "" and definitions("print(1)\n") == ""


def test_a_missing_name_set_by_work_above_is_explained():
    cells = [EarlierCell(2, CELL), EarlierCell(4, "x = (\n")]
    note = missing_name_note("line 2: NameError: name 'data' is not defined", cells)
    assert note and note.startswith("`data` is set in cell 2")
    assert "syntax error" in (missing_name_note("name 'x' is not defined", cells) or "")
    assert missing_name_note("name 'nowhere' is not defined", cells) is None
