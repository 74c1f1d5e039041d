"""Foundry code migration: legacy agents and Assistants Python to azure-ai-projects 2.x.

`rewrite(source)` is the engine entry; `rules` lists the conversion rules.
The standard library's `ast` finds what to change (fast, with exact lines);
LibCST parses and regenerates every fragment that is rewritten, so comments and
formatting inside a rewritten call survive and nothing outside it is touched.
"""
