"""Moving stored state, not code: classic Foundry agents and threads into 2.x
agent versions and conversations, and stored Langdock chats into the new
message shape. Resumable (a SQLite state file), reported (JSON lines), never
silent about what has no counterpart.

Command line: `python -m helpers migrate foundry ...` and
`python -m helpers migrate langdock-history ...` (see `commands.py`).
"""
