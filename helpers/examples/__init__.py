"""Ready-made inputs for the converter's examples menu.

Each example is a small legacy input written for this workbook: the same API
calls the migration guides show, with our own names and strings, plus whole,
realistic scripts and payloads. Modules listed in `_SOURCES` contribute their
`EXAMPLES` list; adding an example never edits anything here.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module


@dataclass(frozen=True)
class Example:
    """One menu entry: `name` is the stable key, `text` the input to paste."""

    name: str
    title: str
    text: str
    family: str  # "foundry", "openai", "langdock": groups the menu, says which migration


_SOURCES = ("foundry", "openai_beta", "langdock")


def _load() -> dict[str, Example]:
    examples: dict[str, Example] = {}
    for module_name in _SOURCES:
        for example in import_module(f"{__name__}.{module_name}").EXAMPLES:
            if example.name in examples:
                raise RuntimeError(f"duplicate example name {example.name!r}")
            examples[example.name] = example
    return examples


EXAMPLES: dict[str, Example] = _load()


def example_names() -> list[str]:
    """Every example key, in menu order."""
    return list(EXAMPLES)


def get_example(name: str) -> Example:
    """The example called `name`; `KeyError` names the choices when it does not exist."""
    try:
        return EXAMPLES[name]
    except KeyError:
        raise KeyError(f"no example {name!r}; choose one of: {', '.join(EXAMPLES)}") from None


def example_text(name: str) -> str:
    return get_example(name).text


__all__ = ["Example", "EXAMPLES", "example_names", "get_example", "example_text"]
