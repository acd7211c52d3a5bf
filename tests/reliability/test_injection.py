"""Injection, HTTP level: what learner code prints and what problems say travel as raw text
inside JSON; the server never renders them as HTML.

(The browser half, which proves the front end shows that text without running it, is
ui-tests/tests/injection.spec.ts.)
"""

from __future__ import annotations

import pytest

from .conftest import EMA

PAYLOADS = [
    '<img src=x onerror="window.__jaxlings_pwned=1">',
    "<script>window.__jaxlings_pwned=2</script>",
    "<svg onload=alert(3)>",
    "javascript:alert(4)",
    "</pre><iframe srcdoc='<script>parent.__jaxlings_pwned=5</script>'></iframe>",
    '[click](javascript:alert(6)) ![x](x "onerror=alert(7)")',
    "{{constructor.constructor('alert(8)')()}}",
    "\u202eevil\u202c \x1b[31mred\x1b[0m",
]

CODE = (
    "import sys\n"
    f"PAYLOADS = {PAYLOADS!r}\n"
    "for p in PAYLOADS:\n"
    "    print(p)\n"
    "    print(p, file=sys.stderr)\n"
    "class Shout(Exception):\n"
    "    pass\n"
    "def ema_step(seed, params_arr, ema_arr, decay):\n"
    "    raise Shout(PAYLOADS[0] + PAYLOADS[1])\n"
)


def assert_json_only(r) -> None:
    ctype = r.headers.get("content-type", "")
    assert ctype.startswith("application/json"), ctype
    assert "html" not in ctype


@pytest.mark.timeout(60)
def test_printed_html_comes_back_as_raw_text_in_json(server, user):
    r = server.check(EMA, CODE, user)
    assert r.status == 200, r
    assert_json_only(r)
    res = r.json()
    for p in PAYLOADS:
        assert p in res["stdout"], p  # byte for byte: not escaped, not stripped, not rendered
        assert p in res["stderr"], p
    assert res["error"]["type"] == "Shout"
    assert PAYLOADS[0] + PAYLOADS[1] in res["error"]["message"]
    # never HTML-escaped on the server (escaping is the view's job, in one place)
    assert "&lt;" not in r.text and "&gt;" not in r.text


@pytest.mark.timeout(60)
def test_refusals_echoing_input_are_json_too(server, user):
    r = server.api(
        "GET", "problems/%3Cscript%3Ewindow.__jaxlings_pwned%3D1%3C%2Fscript%3E", user=user
    )
    assert r.status == 404
    assert_json_only(r)
    r = server.api("GET", "no%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E", user=user)
    assert r.status == 404
    assert_json_only(r)


def test_problem_statements_are_markdown_source_not_html(server, user):
    d = server.detail(EMA, user)
    r = server.api("GET", f"problems/{EMA}", user=user)
    assert_json_only(r)
    assert d["statement_md"].lstrip().startswith("#") or "## " in d["statement_md"]
    assert "<p>" not in d["statement_md"] and "<h2" not in d["statement_md"]
