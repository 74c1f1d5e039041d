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
# # 11 · Verify your migration
#
# **What you will learn:** how to prove that a converted script still does its job:
# run the original and the converted script side by side, compare what they print,
# and check the steps Microsoft's guide asks you to verify.

# %% tags=["parameters"]
script = ""  # a path to one of your scripts; empty: the course's example

# %%
from helpers import check_script, course

course.navigation("11")
source = script or course.lesson("answers").before

# %% [markdown]
# ## What `check` does
#
# `python -m helpers check SCRIPT` (or `helpers.check_script` here) converts the
# script, runs the original against the service's legacy side and the converted copy
# against the new side, each in its own process, and reports:
#
# - both outcomes (exit status, output, the end of any error);
# - what differs in what they printed (ids and times masked, since those always differ);
# - the verification steps: `create_version` returned a name and version, the
#   conversation produced output items, and context was kept across responses.
#
# Your file is never written; the converted copy lives in a temporary folder.

# %%
report = check_script(source, timeout=120)
print(report.text())

# %% [markdown]
# ## Reading the result
#
# A PASSED step means the service saw it happen. A difference in the printed output is
# not always a fault (the converted code may print a conversation where the original
# printed a thread); read each one. A failed converted run comes with its error: paste
# it into notebook 17.

# %%
for step in report.verifications:
    print(f"{step.status:15} {step.step}: {step.detail}")

# %%
course.navigation("11")
