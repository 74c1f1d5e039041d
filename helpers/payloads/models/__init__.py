"""Pydantic v2 models of every payload shape the converters read or write.

`langdock` holds the Assistants-API and Agents-API bodies, `foundry` the classic
agent objects and their Agents-API counterparts, `streams` the AI SDK stream
chunks. Models of *input* shapes are lenient (unknown fields allowed, loosely
typed where a rule reports the problem itself); models of *output* shapes are
the contract a converted payload must meet.
"""
