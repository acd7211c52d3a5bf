"""Multi-user isolation inside one server: two identities (JupyterHub-style, via the test
IdentityProvider) get separate progress, separate gating, and never each other's worker.
"""

from __future__ import annotations

import pytest

from .conftest import (
    COUNTERS,
    EMA,
    EMA_OK,
    EMA_WRONG,
    attempts_in_db,
    problem_dir,
    unique_user,
    user_key,
)


@pytest.mark.timeout(120)
def test_two_identities_have_separate_progress_and_gating(server, bank_dir):
    alice, bob = unique_user("alice"), unique_user("bob")
    counters_ok = (problem_dir(bank_dir, COUNTERS) / "solution.py").read_text()

    for n in range(3):
        assert server.check_json(EMA, EMA_WRONG, alice)["attempt"] == n + 1
    assert server.api("POST", f"problems/{EMA}/hints/next", user=alice).status == 200
    assert server.api("POST", f"problems/{EMA}/hints/next", user=alice).status == 200
    assert server.api("GET", f"problems/{EMA}/solution", user=alice).status == 200

    # bob sees none of it
    d = server.detail(EMA, bob)
    assert d["attempts"] == 0 and d["status"] == "new"
    assert d["hints"]["unlocked"] == [] and not d["hints"]["next_available"]
    assert not d["solution_available"]
    hint = server.api("POST", f"problems/{EMA}/hints/next", user=bob)
    assert hint.status == 403 and "first Check" in hint.json()["message"]
    assert server.api("GET", f"problems/{EMA}/solution", user=bob).status == 403
    prog = server.api("GET", "progress", user=bob).json()
    assert prog["solved"] == 0 and all(
        p["status"] == "new" and p["attempts"] == 0 for p in prog["problems"]
    )

    # bob solves the other problem; alice's view of it does not move
    assert server.check_json(COUNTERS, counters_ok, bob)["attempt"] == 1
    assert server.detail(COUNTERS, bob)["status"] == "solved"
    assert server.detail(COUNTERS, alice)["status"] == "new"
    assert server.detail(EMA, alice)["status"] == "attempted"
    # bob's first EMA check is his attempt 1, not alice's 4
    assert server.check_json(EMA, EMA_OK, bob)["attempt"] == 1
    assert server.detail(EMA, alice)["attempts"] == 3
    assert attempts_in_db(server.db_path, user_key(alice)) == 3
    assert attempts_in_db(server.db_path, user_key(bob)) == 2
    # the progress rows carry the Jupyter user, not the OS user
    assert attempts_in_db(server.db_path, user_key("root")) == 0


PLANT = """
import sys, os, types
os.environ["MARK_{tag}"] = "{secret}"
sys.modules["mark_{tag}"] = types.SimpleNamespace(secret="{secret}")
def ema_step(seed, params_arr, ema_arr, decay):
    return decay * ema_arr + (1.0 - decay) * params_arr
"""

# planting in a module every Check imports (builtins, json, …): a worker serves one user only,
# so nothing planted there can reach anyone else
PLANT_WATCHED = """
import builtins, json
builtins.MARK_{tag} = "{secret}"
json.MARK_{tag} = "{secret}"
def ema_step(seed, params_arr, ema_arr, decay):
    return decay * ema_arr + (1.0 - decay) * params_arr
"""

LOOK = """
import builtins, sys, json, os
found = set()
for space in (vars(builtins), vars(json), os.environ, sys.modules):
    for k in list(space):
        if "MARK" in str(k).upper():
            found.add(str(k))
for m in list(sys.modules.values()):
    v = getattr(m, "secret", None)
    if isinstance(v, str) and v.startswith("SECRET-"):
        found.add(v)
print("FOUND", sorted(found))
def ema_step(seed, params_arr, ema_arr, decay):
    return decay * ema_arr + (1.0 - decay) * params_arr
"""


@pytest.mark.timeout(180)
def test_a_worker_used_by_one_user_never_serves_another(server):
    """State left in a worker by one user's code (module globals, environment, sys.modules)
    is never visible to another user's code, however checks interleave."""
    users = [unique_user("iso-a"), unique_user("iso-b"), unique_user("iso-c")]
    secrets = {u: f"SECRET-{u}" for u in users}
    # positive control: the look-out does see marks planted in its own process
    probe = users[0].replace("-", "_")
    both = PLANT.format(tag=probe, secret=secrets[users[0]]) + LOOK
    seen = server.check_json(EMA, both, unique_user("iso-probe"))["stdout"]
    assert f"MARK_{probe}" in seen and f"mark_{probe}" in seen, seen
    for round_ in range(3):
        for u in users:
            tag = u.replace("-", "_")
            res = server.check_json(EMA, PLANT.format(tag=tag, secret=secrets[u]), u)
            assert res["passed"], res["error"]
            # planting in modules every Check imports (builtins, json): the worker serves this
            # user alone, so whatever the verdict, the look-outs below must not see it
            server.check_json(EMA, PLANT_WATCHED.format(tag=tag, secret=secrets[u]), u)
            look = server.check_json(EMA, LOOK, u)
            assert look["passed"]
            seen = look["stdout"]
            others = [v for o, v in secrets.items() if o != u]
            other_tags = [o.replace("-", "_") for o in users if o != u]
            assert not any(v in seen for v in others), f"round {round_}: {u} saw {seen}"
            assert not any(t.upper() in seen.upper() for t in other_tags), (
                f"round {round_}: {u} saw {seen}"
            )
