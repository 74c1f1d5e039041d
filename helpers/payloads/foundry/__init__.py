"""Classic Foundry agent / OpenAI Assistants objects → Agents API objects (F rules)."""
