# ---
# jupyter:
#   jupytext:
#     formats: ipynb,src//py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.6
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 16 · Keep your history
#
# **What you will learn:** how to move stored classic threads into conversations (and
# classic agents into agent versions) without losing or doubling anything, and how
# to resume a migration that was interrupted.
#
# Classic Foundry threads stay readable until classic agents retire (2027-03-31); after
# that they are gone. This notebook runs on the local service, filled with a few
# threads; the same commands work live (see the end).

# %% tags=["parameters"]
threads = 6
messages = 8

# %%
from helpers import course
from helpers.course.history import HistoryDemo

session = course.start()
course.navigation("16")
demo = HistoryDemo(session, threads=threads, messages=messages)
print(f"{len(demo.seeded['threads'])} classic threads with {messages} messages each")

# %% [markdown]
# ## 1. Dry run
#
# Counts what would move and shows the first differences: what a conversation item
# cannot hold (timestamps, run ids, per-message metadata) goes to the report, never
# silently away.

# %%
dry = demo.migrate(dry_run=True)
print(f"would migrate {dry.threads} threads, {dry.messages} messages")
dry.differences[:1]

# %% [markdown]
# ## 2. An interrupted run, then the rest
#
# The first run stops after two threads (as if it had been killed). The second run
# reads the state file, skips what is done and migrates the rest: nothing twice.

# %%
first = demo.migrate(only=2)
second = demo.migrate()
print(f"first run: {first.threads} migrated; second run: {second.threads} migrated, {second.already} already done")

# %% [markdown]
# ## 3. Inspect a migrated conversation
#
# Each conversation carries `migrated_from` in its metadata; the report maps old ids
# to new ones.

# %%
demo.conversation(0)

# %%
demo.report()[0]

# %% [markdown]
# ## Live
#
# Against your project (with `az login` or any credential `DefaultAzureCredential`
# finds):
#
# ```
# python -m helpers migrate foundry --dry-run
# python -m helpers migrate foundry --report migration.jsonl --concurrency 8
# ```
#
# Stored Langdock chats move with `python -m helpers migrate langdock-history IN OUT`
# (JSON lines or a folder, streamed in constant memory).

# %%
course.navigation("16")
