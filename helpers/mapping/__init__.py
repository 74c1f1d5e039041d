"""The one map of changes from the Assistants-era APIs to the Agents API (Microsoft Foundry).

Both converters read it: the JSON payload rules (`helpers.payloads.foundry`) and the
Python code converter's tool building (`helpers.foundry.tool_models`). Notebooks show it
with `rows()` or as a table:

    import helpers.mapping as m
    m.rows()                    # every change as (area, legacy, new, note) rows
    m.rows("run status")        # one area; m.areas() lists them
    from IPython.display import HTML
    HTML(m.html_table())        # the whole map as an HTML table (m.html_table("tool") for one area)

A row's `new` is "—" when the legacy thing has no counterpart; its note says what to do.
Lookups for the rules: `tool_for_type`, `tool_for_class`, `new_model`, `lookup` with the
value tables (`RUN_STATUS`, `ROLE`, `USAGE`, ...) and the field tables (`fields.RUN`, ...).
"""
from __future__ import annotations

from typing import NamedTuple

from . import fields
from .tools import (OPENAPI_AUTH, RANKERS, TOOLS, UNCARRIED_RESOURCES, ToolSpec, new_model, tool_for_class,
                    tool_for_type)
from .values import (INCOMPLETE_REASON, MESSAGE_STATUS, ROLE, RUN_STATUS, RUN_STEP_STATUS, TRUNCATION, USAGE,
                     USAGE_NEW_ONLY, lookup)

NONE = "—"


class Row(NamedTuple):
    area: str
    legacy: str
    new: str
    note: str


def _tool_rows() -> list[Row]:
    out = []
    for spec in TOOLS:
        legacy = f'{{"type": "{spec.legacy_type}"}}'
        if spec.legacy_class:
            legacy += f" / {spec.legacy_class}(…)"
        if spec.new_type is None:
            new = NONE
        else:
            new = f'{{"type": "{spec.new_type}"' + (f', "{spec.settings}": {{…}}' if spec.settings else "") + "}"
            new += f" / {spec.new_class}(…)"
        out.append(Row("tool", legacy, new, spec.note))
    return out


def _tool_detail_rows() -> list[Row]:
    out = []
    for spec in TOOLS:
        for old, new in spec.renames:
            where = f"{spec.settings}.{spec.entries}[]." if spec.entries else ""
            out.append(Row("tool field", f"{spec.legacy_type}: {old}", f"{spec.new_type}: {where}{new}", ""))
        if spec.resource:
            target = {"code_interpreter": "container.file_ids", "file_search": "vector_store_ids",
                      "azure_ai_search": "azure_ai_search.indexes",
                      "mcp": "headers, require_approval (matched by server_label)"}[spec.resource]
            out.append(Row("tool resource", f"tool_resources.{spec.resource}", f"{spec.new_type}: {target}", ""))
    for (tool, key), advice in UNCARRIED_RESOURCES.items():
        out.append(Row("tool resource", f"tool_resources.{tool}.{key}", NONE,
                       f"kept under `unconverted`: {advice}"))
    for legacy, (new, model, _) in OPENAPI_AUTH.items():
        out.append(Row("openapi auth", f'auth.type "{legacy}"', f'auth.type "{new}" / {model}',
                       "security_scheme.connection_id becomes project_connection_id" if legacy == "connection" else ""))
    for legacy, (new, note) in RANKERS.items():
        out.append(Row("file search ranker", legacy, new, note))
    return out


def _field_rows(area: str, table: fields.Fields) -> list[Row]:
    return [Row(area, key, new or NONE, note) for key, (new, note) in table.items()]


def _value_rows(area: str, table: dict[str, tuple[str | None, str]]) -> list[Row]:
    return [Row(area, key, new or NONE, note) for key, (new, note) in table.items()]


def rows(area: str | None = None) -> list[Row]:
    """The map of changes as rows (area, legacy, new, note); only `area`'s rows when given."""
    every = [
        *_tool_rows(),
        *_tool_detail_rows(),
        *_field_rows("agent field", fields.AGENT),
        *_field_rows("thread field", fields.THREAD),
        *_field_rows("message field", fields.MESSAGE),
        *_field_rows("run field", fields.RUN),
        *_field_rows("run step", fields.RUN_STEP),
        *_value_rows("run status", RUN_STATUS),
        *_value_rows("message status", MESSAGE_STATUS),
        *_value_rows("run step status", RUN_STEP_STATUS),
        *_value_rows("role", ROLE),
        *_value_rows("usage", USAGE),
        *[Row("usage", NONE, new, note) for new, note in USAGE_NEW_ONLY.items()],
        *_value_rows("incomplete reason", INCOMPLETE_REASON),
        *_value_rows("truncation", TRUNCATION),
    ]
    return [row for row in every if area is None or row.area == area]


def html_table(area: str | None = None) -> str:
    """`rows(area)` as an HTML table, every value escaped."""
    from html import escape

    head = "".join(f"<th>{name}</th>" for name in Row._fields)
    body = "".join("<tr>" + "".join(f"<td>{escape(value)}</td>" for value in row) + "</tr>" for row in rows(area))
    return f'<table class="amw-map"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def areas() -> list[str]:
    """The areas of `rows()`, in order."""
    return list(dict.fromkeys(row.area for row in rows()))


__all__ = ["Row", "ToolSpec", "NONE", "rows", "areas", "html_table", "tool_for_type", "tool_for_class", "new_model", "lookup",
           "fields", "TOOLS", "RUN_STATUS", "MESSAGE_STATUS", "RUN_STEP_STATUS", "ROLE", "USAGE",
           "INCOMPLETE_REASON", "TRUNCATION"]
