# Used by `make lab`: no news feed (it would reach out to the internet).
c.LabApp.news_url = None  # noqa: F821
