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
# # 10 · Migrate a whole script or folder
#
# **What you will learn:** the command line that converts files and folders, how to
# review before writing, and how CI keeps legacy code from coming back.

# %% tags=["parameters"]
folder = ""  # a folder of yours to report on; empty: a small practice repository

# %%
import tempfile

from helpers import course
from helpers.course.repository import command, sample_repository

course.navigation("10")
practice = folder or sample_repository(tempfile.mkdtemp(prefix="legacy-repo-"))

# %% [markdown]
# ## 1. Where do we stand?
#
# `report` lists what is legacy per file and platform, what converts by itself, what
# needs a person, a rough effort figure and the deadline that applies.

# %%
command("report", ".", cwd=practice)

# %% [markdown]
# ## 2. Review the changes
#
# `convert` prints a unified diff and writes nothing. Notes follow each file with
# their line: errors first, then warnings.

# %%
command("convert", "app", cwd=practice)

# %% [markdown]
# ## 3. Write them
#
# `--write` rewrites the files in place; converting again changes nothing more.

# %%
if not folder:  # never rewrite your own folder from a notebook
    display(command("convert", "--write", ".", cwd=practice))
    display(command("convert", "--check", ".", cwd=practice))

# %% [markdown]
# ## 4. Keep it that way in CI
#
# - `convert --check PATH` exits 1 when anything would change (like `black --check`).
# - `convert --sarif PATH` prints a SARIF 2.1.0 log for code scanning.
# - The repository ships a pre-commit hook, `assistants-api-check` (see the README).
# - `convert --json` gives one JSON object per file for your own tools.

# %%
command("convert", "--json", "data", cwd=practice)

# %%
course.navigation("10")
