"""Async news summariser that calls a Langdock assistant."""
import asyncio
import os

import httpx

URL = "https://api.langdock.com/assistant/v1/chat/completions"  # LEGACY:url


def to_messages(items):
    return [{"role": "user", "content": f"Summarise: {item}"} for item in items]  # LEGACY:comprehension


async def summarise(items):
    body = {"assistantId": os.environ.get("ASSISTANT_ID", "7d1f"), "messages": to_messages(items)}  # LEGACY:key
    async with httpx.AsyncClient(timeout=120) as client:
        resp = await client.post(URL, json=body)
    resp.raise_for_status()
    data = resp.json()
    return data["result"][0]["content"][0]["text"]  # LEGACY:result-read


def main():
    print(asyncio.run(summarise(["Which clauses mention penalties?"])))


if __name__ == "__main__":
    main()
