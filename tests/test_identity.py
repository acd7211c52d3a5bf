"""One identity module decides the user and the data dir for every face (CLI, server, service)."""

from pathlib import Path

import pytest
from traitlets.config import Config

from jaxlings import cli, identity


def test_data_dir_setting_then_environment_then_jupyter_default(tmp_path):
    env = {"JAXLINGS_DATA_DIR": str(tmp_path / "env")}
    assert identity.data_dir(tmp_path / "set", env) == tmp_path / "set"
    assert identity.data_dir(None, env) == tmp_path / "env"
    assert identity.data_dir(None, {}).name == "jaxlings"


def test_database_setting_then_environment_then_sqlite_in_the_data_dir(tmp_path):
    env = {"JAXLINGS_DATABASE_URL": "postgresql+psycopg://u@h/class"}
    assert identity.database(tmp_path, "x.sqlite", env) == "x.sqlite"
    assert identity.database(tmp_path, None, env) == "postgresql+psycopg://u@h/class"
    assert identity.database(tmp_path, None, {}) == str(tmp_path / "progress.sqlite")


def test_client_mode_needs_a_hub_token_and_a_service_url():
    url = "http://hub/services/jaxlings"
    assert identity.service_url(url, {}) is None  # not under JupyterHub: serve locally
    assert identity.service_url(None, {"JUPYTERHUB_API_TOKEN": "t"}) is None
    assert identity.service_url(url, {"JUPYTERHUB_API_TOKEN": "t"}) == url + "/"
    env = {"JUPYTERHUB_API_TOKEN": "t", "JAXLINGS_SERVICE_URL": url + "/"}
    assert identity.service_url(None, env) == url + "/"


def test_user_keys_name_their_source():
    assert identity.os_user().startswith("os:")
    assert identity.hub_user({"name": "ann", "kind": "user"}) == "hub:ann"
    assert identity.display_name("hub:ann") == "ann" and identity.display_name("ann") == "ann"


@pytest.fixture
def env_data_dir(tmp_path, monkeypatch) -> Path:
    d = tmp_path / "from-env"
    monkeypatch.setenv("JAXLINGS_DATA_DIR", str(d))
    monkeypatch.delenv("JAXLINGS_DATABASE_URL", raising=False)
    return d


@pytest.fixture
def jp_server_config(env_data_dir, small_bank_dir):
    # no data_dir and no db_path: the server must find them where the CLI does
    return Config(
        {
            "ServerApp": {"jpserver_extensions": {"jaxlings": True}},
            "Jaxlings": {"problems_dir": str(small_bank_dir), "pool_size": 1, "spare_workers": 0},
        }
    )


async def test_the_server_and_the_cli_share_the_data_dir_from_the_environment(
    jp_serverapp, jp_fetch, env_data_dir
):
    service = jp_serverapp.web_app.settings["jaxlings_service"]
    try:
        assert service.data_dir == env_data_dir == cli.data_dir()
        assert service.progress.path == env_data_dir / "progress.sqlite"
        resp = await jp_fetch("jaxlings", "api", "progress")
        assert resp.code == 200 and (env_data_dir / "progress.sqlite").exists()
    finally:
        service.close()
