"""Test-only IdentityProvider: the token authenticates, the `X-Test-User` header names the user.

Loaded by the Jupyter server that tests/reliability starts (this folder is put on its
PYTHONPATH). It lets one server see several Jupyter users, as JupyterHub-style identity
does; with `c.Jaxlings.user_source = "auto"` a non-builtin provider means progress is keyed
to the Jupyter user. Requests without a valid token are still refused.
"""

from __future__ import annotations

import re

from jupyter_server.auth.identity import IdentityProvider, User

NAME_RE = re.compile(r"^[A-Za-z0-9_.@-]{1,64}$")


class HeaderIdentityProvider(IdentityProvider):
    async def get_user(self, handler):
        user = await self._get_user(handler)  # the token (or cookie) check of the base class
        if user is None:
            return None
        name = handler.request.headers.get("X-Test-User")
        if name and NAME_RE.match(name):
            return User(username=name)
        return user
