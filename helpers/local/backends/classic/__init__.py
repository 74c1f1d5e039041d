"""Classic agents: the Assistants-era wire protocol, shared by two surfaces.

azure-ai-agents 1.x calls it under `/api/projects/{project}` and openai's
`client.beta` under `/v1`; the paths, bodies and objects are the same, so one
implementation serves both (`surface.py` holds the few differences). Files and
vector stores live in their own backends (`../files.py`, `../vector_stores.py`).

Store kinds: "assistant", "thread", "message" (parent: thread), "run" (parent:
thread), "run_step" (parent: run). Keys starting with "_" in a stored document
are the service's own bookkeeping and never reach a client (`objects.public`).
"""
