"""C6: a message's `attachmentIds` move to `metadata.attachments`.

Before: `{"role": "user", "content": "…", "attachmentIds": ["b3e2…"]}`
After:  `{…, "metadata": {"attachments": ["b3e2…"]}}`: merged with existing metadata keys and
any existing `metadata.attachments` (order kept, no duplicates). An empty list stays an empty
list (lossless, and converting again changes nothing). Uploaded attachments never become
`file` parts: Langdock says to reference them by id only.
"""
from __future__ import annotations

from typing import Any

from ..context import Context
from ..registry import rule
from .common import each_message, metadata_of, replace_message


@rule("langdock-chat-request", "C6", order=40)
def attachments_to_metadata(doc: Any, ctx: Context) -> Any:
    for index, message, path in list(each_message(doc)):
        if "attachmentIds" not in message:
            continue
        ids = message["attachmentIds"]
        new = {k: v for k, v in message.items() if k != "attachmentIds"}
        metadata = metadata_of(new, path, ctx)
        if not isinstance(ids, list):
            ctx.note("C6", "warning", "`attachmentIds` is not a list; its value was moved to "
                     "metadata.attachments unchanged: make it a list of upload ids",
                     (*path, "attachmentIds"))
            metadata["attachments"] = ids
        else:
            existing = metadata.get("attachments")
            merged = list(existing) if isinstance(existing, list) else []
            if existing is not None and not isinstance(existing, list):
                ctx.note("C6", "warning", "metadata.attachments was not a list; it was replaced by "
                         f"the attachment ids (old value: {existing!r})", (*path, "metadata"))
            merged += [i for i in ids if i not in merged]
            metadata["attachments"] = merged
        new["metadata"] = metadata
        replace_message(doc, index, new)
    return doc
