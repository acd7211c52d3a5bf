"""Jupyter server for the browser tests: Galata's test settings plus isolated jaxlings state.

Every run gets a fresh server root (where Start writes notebooks) and a fresh progress
database, so a learner's path always starts from "new".
"""

import os
from tempfile import mkdtemp

from jupyterlab.galata import configure_jupyter_server

configure_jupyter_server(c)  # noqa: F821

state = mkdtemp(prefix="jaxlings-ui-tests-")
c.ServerApp.root_dir = os.path.join(state, "root")  # noqa: F821
os.makedirs(c.ServerApp.root_dir)  # noqa: F821
c.ServerApp.port = int(os.environ.get("JAXLINGS_UI_PORT", "8878"))  # noqa: F821
c.ServerApp.base_url = os.environ.get("JAXLINGS_UI_BASE_URL", "/")  # noqa: F821
c.ServerApp.allow_root = True  # noqa: F821
c.LabApp.news_url = None  # noqa: F821
# no "get notified about Jupyter news?" toast: the package's settings override (overrides.d)

c.Jaxlings.db_path = os.path.join(state, "progress.sqlite")  # noqa: F821
# The infinite-loop test waits for this limit instead of the problem's 10 s.
c.Jaxlings.time_limit_s_override = 3  # noqa: F821
