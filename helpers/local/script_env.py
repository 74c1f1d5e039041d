"""The environment a script gets when `python -m helpers run` starts it.

The script's text is never changed. It reads its usual settings from the
environment, so `run` sets the service's variables (see `Service.env`) and, for
every other variable the script reads that nobody set, a placeholder: the script
is read with `ast` (never run) for `os.environ["X"]`, `os.environ.get("X")`
and `os.getenv("X")`.
"""
from __future__ import annotations

import ast

PLACEHOLDER = "local-placeholder"


def variables_read(source: str) -> list[str]:
    """Names of the environment variables `source` reads with a literal name."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return []
    names: list[str] = []
    for node in ast.walk(tree):
        name = None
        if isinstance(node, ast.Subscript) and _is_environ(node.value):
            name = _literal(node.slice)
        elif isinstance(node, ast.Call) and node.args:
            func = node.func
            if isinstance(func, ast.Attribute) and (
                (func.attr == "get" and _is_environ(func.value))
                or (func.attr == "getenv" and isinstance(func.value, ast.Name) and func.value.id == "os")
            ):
                name = _literal(node.args[0])
            elif isinstance(func, ast.Name) and func.id == "getenv":
                name = _literal(node.args[0])
        if name and name not in names:
            names.append(name)
    return names


def placeholder_for(name: str, service_env: dict[str, str]) -> str:
    """A value that lets the script go on: the service's endpoint for endpoints, and so on."""
    upper = name.upper()
    if "ENDPOINT" in upper or upper.endswith("_URL"):
        return service_env["PROJECT_ENDPOINT"]
    if "MODEL" in upper or "DEPLOYMENT" in upper:
        return service_env["MODEL_DEPLOYMENT_NAME"]
    if "CONNECTION" in upper and "STRING" not in upper:
        return "/subscriptions/local/resourceGroups/local/providers/Microsoft.CognitiveServices/accounts/local/projects/local/connections/" + name.lower()
    return PLACEHOLDER


def script_environment(source: str, base: dict[str, str], service_env: dict[str, str]) -> dict[str, str]:
    env = dict(base)
    for name in variables_read(source):
        if name not in env:
            env[name] = placeholder_for(name, service_env)
    return env


def _is_environ(node: ast.AST) -> bool:
    return (isinstance(node, ast.Attribute) and node.attr == "environ") or (
        isinstance(node, ast.Name) and node.id == "environ")


def _literal(node: ast.AST) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None
