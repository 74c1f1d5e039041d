"""Langdock code converters: Assistants API HTTP calls to the Agents API.

`javascript.convert_javascript` rewrites JavaScript/TypeScript (tree-sitter);
`python_requests.rewrite_langdock_python` rewrites `requests`/`httpx` code
inside the Python converter (LibCST). Both only touch the bytes a rule needs.
"""
