"""The service's plumbing: TLS, credentials, state, and the serve/run commands."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import httpx
import pytest

from helpers.local import service, start
from helpers.local.discovery import find_running
from helpers.local.script_env import PLACEHOLDER, script_environment, variables_read
from helpers.local.store import Store

ROOT = Path(__file__).resolve().parents[2]


def test_listens_on_loopback_with_tls_only(svc):
    assert svc.base_url.startswith("https://127.0.0.1:")
    assert httpx.get(f"{svc.base_url}/health", verify=svc.ssl_context()).json() == {"status": "ok"}
    with pytest.raises(httpx.HTTPError):
        httpx.get(svc.base_url.replace("https://", "http://") + "/health", timeout=2)


def test_untrusted_clients_are_refused_by_tls(svc):
    with pytest.raises(httpx.ConnectError):
        httpx.get(f"{svc.base_url}/health", verify=True, trust_env=False)


def test_calls_without_credentials_get_401_in_the_surface_shape(svc):
    answer = httpx.get(f"{svc.base_url}/v1/assistants", verify=svc.ssl_context())
    assert answer.status_code == 401
    assert answer.json()["error"]["type"] == "authentication_error"
    azure = httpx.get(f"{svc.project_endpoint}/agents", verify=svc.ssl_context())
    assert azure.status_code == 401
    assert azure.json()["error"]["code"] == "Unauthorized"


def test_default_azure_credential_gets_a_token_from_the_service(svc):
    from azure.identity import DefaultAzureCredential

    token = DefaultAzureCredential().get_token("https://ai.azure.com/.default")
    assert token.token.startswith("local-")
    assert token.expires_on > time.time() + 600


def test_environment_is_restored_after_the_block():
    before = os.environ.get("PROJECT_ENDPOINT")
    with service() as svc:
        assert os.environ["PROJECT_ENDPOINT"] == svc.project_endpoint
        assert os.environ["SSL_CERT_FILE"] == svc.ca_bundle
    assert os.environ.get("PROJECT_ENDPOINT") == before


def test_sqlite_store_survives_a_restart(tmp_path):
    first = Store(tmp_path / "state.sqlite3")
    first.insert("thread", "thread_1", {"id": "thread_1", "metadata": {"k": "v"}})
    first.insert("message", "msg_1", {"id": "msg_1"}, parent="thread_1")
    first.close()
    second = Store(tmp_path / "state.sqlite3")
    assert second.get("thread", "thread_1") == {"id": "thread_1", "metadata": {"k": "v"}}
    assert [m["id"] for m in second.list("message", parent="thread_1")] == ["msg_1"]
    assert second.parent_of("message", "msg_1") == "thread_1"


def test_store_lists_in_insertion_order_and_deletes():
    store = Store()
    for n in (3, 1, 2):
        store.insert("item", f"i{n}", {"id": f"i{n}"}, parent="p")
    assert [d["id"] for d in store.list("item", parent="p")] == ["i3", "i1", "i2"]
    assert store.delete("item", "i1") is True
    assert store.delete("item", "i1") is False
    assert store.get("item", "i1") is None
    with pytest.raises(KeyError):
        store.update("item", "missing", {})


def test_variables_read_finds_every_literal_form():
    source = textwrap.dedent('''
        import os
        from os import environ, getenv
        a = os.environ["PROJECT_ENDPOINT"]
        b = os.environ.get("MODEL_DEPLOYMENT_NAME", "x")
        c = os.getenv("BING_CONNECTION_ID")
        d = environ["OTHER"]
        e = getenv("LAST")
        f = os.environ[name]
    ''')
    assert variables_read(source) == ["PROJECT_ENDPOINT", "MODEL_DEPLOYMENT_NAME", "BING_CONNECTION_ID", "OTHER", "LAST"]


def test_placeholders_only_for_variables_nobody_set():
    service_env = {"PROJECT_ENDPOINT": "https://127.0.0.1:1/api/projects/local", "MODEL_DEPLOYMENT_NAME": "gpt-4o"}
    source = 'import os\nos.environ["MY_SEARCH_ENDPOINT"]; os.environ["SET_ALREADY"]; os.environ["TOKEN"]'
    env = script_environment(source, {"SET_ALREADY": "kept"}, service_env)
    assert env["SET_ALREADY"] == "kept"
    assert env["MY_SEARCH_ENDPOINT"] == service_env["PROJECT_ENDPOINT"]
    assert env["TOKEN"] == PLACEHOLDER


def _cli(*args, env=None, timeout=60):
    return subprocess.run([sys.executable, "-m", "helpers", *args], cwd=ROOT, capture_output=True, text=True,
                          env=env, timeout=timeout)


def test_run_gives_the_script_its_settings_and_keeps_its_exit_status(tmp_path):
    script = tmp_path / "probe.py"
    script.write_text(textwrap.dedent('''
        import os, sys
        from azure.identity import DefaultAzureCredential
        token = DefaultAzureCredential().get_token("https://ai.azure.com/.default")
        print(os.environ["PROJECT_ENDPOINT"].startswith("https://127.0.0.1:"), os.environ["UNSET_THING"], sys.argv[1:])
        sys.exit(3)
    '''))
    env = dict(os.environ, WORKBOOK_SERVICE_DATA=str(tmp_path / "data"))
    done = _cli("run", str(script), "one", "--two", env=env)
    assert done.returncode == 3, done.stderr
    assert done.stdout.strip() == "True local-placeholder ['one', '--two']"
    assert script.read_text().startswith("\nimport os, sys")  # the script's text is untouched


def test_serve_announces_itself_and_a_killed_service_is_replaced(tmp_path):
    data = tmp_path / "data"
    server = subprocess.Popen([sys.executable, "-m", "helpers", "serve", "--data", str(data)], cwd=ROOT,
                              stdout=subprocess.PIPE, text=True)
    try:
        first_line = server.stdout.readline()
        assert "https://127.0.0.1:" in first_line
        found = find_running(data)
        assert found is not None and found.base_url in first_line
        state = json.loads((data / "service.json").read_text())
        assert state["pid"] == server.pid
    finally:
        server.kill()
        server.wait()
    # Killed with SIGKILL: service.json stays behind, yet nothing answers.
    assert find_running(data) is None
    script = tmp_path / "ok.py"
    script.write_text("print('ran')\n")
    done = _cli("run", str(script), "--data", str(data))
    assert (done.returncode, done.stdout) == (0, "ran\n"), done.stderr


def test_state_in_a_data_folder_survives_a_restart(tmp_path):
    first = start(tmp_path)
    first.store.insert("thread", "thread_x", {"id": "thread_x"})
    first.stop()
    second = start(tmp_path)
    try:
        assert second.store.get("thread", "thread_x") == {"id": "thread_x"}
        assert second.certs.ca_file.read_bytes() == first.certs.ca_file.read_bytes()
    finally:
        second.stop()
