"""Secrets in pasted input never reach a converted result."""
from __future__ import annotations

import pytest

from helpers import convert, convert_code
from helpers.secrets import PLACEHOLDER, find_secrets

KEY = "sk-" + "A1b2C3d4E5f6G7h8I9j0K1l2M3n4"
TOKEN = "q8Xv2LmN4pR7sT1uW3yZ5aB6cD9eF0gH"


@pytest.mark.parametrize(
    "text,kind",
    [
        (f'headers = {{"Authorization": "Bearer {TOKEN}"}}\nclient.threads.create()\n', "python"),
        (f'client = OpenAI(api_key="{KEY}")\nprint(client.models.list())\n', "python"),
        (f'const r = await axios.post("https://api.langdock.com/assistant/v1/get", {{}}, '
         f'{{headers: {{Authorization: "Bearer {TOKEN}"}}}});\n', "javascript"),
        (f'{{"assistantId": "a", "apiKey": "{KEY}", "messages": []}}', None),
    ],
)
def test_secret_is_replaced_and_located(text, kind):
    result = convert(text, kind=kind)
    assert KEY not in result.output and TOKEN not in result.output
    assert PLACEHOLDER in result.output
    note = next(n for n in result.notes if n.rule == "secrets")
    assert note.line == 1 and note.severity == "warning"
    assert KEY not in note.message and TOKEN not in note.message
    assert convert(result.output, kind=kind).output == result.output  # idempotent


def test_convert_code_redacts_too():
    result = convert_code(f'client = OpenAI(api_key="{KEY}")\n')
    assert KEY not in result.output and result.changed


@pytest.mark.parametrize(
    "text",
    [
        'headers = {"Authorization": f"Bearer {os.environ[\'LANGDOCK_API_KEY\']}"}\n',
        'ASSISTANT_ID = "7d1f0c2e-5b4a-4e11-9f3a-2c6b8e9a1d40"\n',
        'task = "sk-short"\n',
        'agent_id = "asst_AVKrdr2KJthDnZiJ51nca1jy"\n',
    ],
)
def test_ordinary_code_is_not_mistaken_for_a_secret(text):
    assert find_secrets(text) == []
    assert convert_code(text).output == text
