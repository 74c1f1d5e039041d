"""A small support service that asks a Langdock assistant and caches answers."""
import json
import os

import httpx

BASE = "https://api.langdock.com"


class SupportBot:
    def __init__(self, assistant_id, cache_path):
        self.assistant_id = assistant_id
        self.cache_path = cache_path
        self.client = httpx.Client(base_url=BASE, headers={
            "Authorization": f"Bearer {os.environ.get('LANGDOCK_API_KEY', 'sk-test')}"})

    def _body(self, question):
        return {
            "assistantId": self.assistant_id,  # LEGACY:key
            "messages": [{"role": "user", "content": question}],  # LEGACY:message
        }

    def _answer(self, payload):
        first = payload["result"][0]  # LEGACY:result-method-param
        return first["content"][0]["text"]  # LEGACY:content-read

    def ask(self, question):
        resp = self.client.post("/assistant/v1/chat/completions",  # LEGACY:url
                                json=self._body(question))
        resp.raise_for_status()
        data = resp.json()
        with open(self.cache_path, "w") as fh:
            json.dump(data, fh)
        return self._answer(data)

    def cached_answer(self):
        with open(self.cache_path) as fh:
            cached = json.load(fh)
        return cached["result"][0]["content"][0]["text"]  # LEGACY:cached-read


def main():
    import tempfile

    bot = SupportBot("7d1f0c2e-5b4a-4e11-9f3a-2c6b8e9a1d40",
                     os.path.join(tempfile.mkdtemp(), "answer.json"))
    print(bot.ask("Which clauses mention penalties?"))


if __name__ == "__main__":
    main()
