# Used by `make lab`: no news feed (it would reach out to the internet), and no toast asking.
import os

c.LabApp.news_url = None  # noqa: F821
# overrides.d/jaxlings.json there (the package installs it too) answers JupyterLab's
# "get notified about Jupyter news?" with "no"
c.LabApp.app_settings_dir = os.path.join(  # noqa: F821
    os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "jupyter-config", "lab-settings"
)
