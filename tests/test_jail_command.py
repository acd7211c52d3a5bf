"""The jail's command line: what a worker sees is decided by the order of bubblewrap's mounts."""

import sys

import pytest

from jaxlings.harness.jail import Jail


def test_the_runtime_is_mounted_after_the_private_tmp():
    # a checkout (and its venv) under /tmp, as a CI clone may be, must stay visible in the jail:
    # bubblewrap applies mounts in order, so a tmpfs on /tmp after the binds would hide them
    jail = Jail()
    if not jail.bwrap:
        pytest.skip(f"no bubblewrap here: {jail.tool}")
    try:
        cmd = jail.command(False, [], {})
    finally:
        jail.close()
    tmpfs = cmd.index("/tmp", cmd.index("--tmpfs"))
    binds = [i for i, a in enumerate(cmd) if a == "--ro-bind" and cmd[i + 1] != "/usr"]
    runtime = [i for i in binds if cmd[i + 1].startswith((sys.prefix, sys.base_prefix))]
    assert runtime, cmd
    assert all(i > tmpfs for i in runtime), cmd
