"""jaxlings: checked JAX and Flax NNX exercises for JupyterLab."""

from __future__ import annotations

__version__ = "0.1.0"


def _jupyter_server_extension_points():
    return [{"module": "jaxlings.server"}]


def _jupyter_labextension_paths():
    return [{"src": "labextension", "dest": "jaxlings"}]
