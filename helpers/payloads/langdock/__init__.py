"""Langdock Assistants API → Agents API payload rules (reference section 8: C, R, B rules)."""
