# Used by `make lab`: no news feed (it would reach out to the internet), and no toast asking.
c.LabApp.news_url = None  # noqa: F821
# (the toast asking is answered by the settings override the package installs:
# jupyter-config/lab-settings/overrides.d/jaxlings.json)
