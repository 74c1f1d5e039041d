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
# # 17 · Troubleshooting
#
# **What you will learn:** the errors migrating code meets most, their causes and
# fixes. Paste an error message into `error` and run the cell.

# %% tags=["parameters"]
error = "AttributeError: 'AIProjectClient' object has no attribute 'conversations'"

# %%
from helpers import course

course.navigation("17")


def explain(message: str) -> None:
    found = course.troubleshoot(message)
    if not found:
        print("No known cause matches. Convert the code with the converter and read its notes.")
    for diagnosis in found:
        print(f"{diagnosis.title}\n  cause: {diagnosis.cause}\n  fix:   {diagnosis.fix}\n")


explain(error)

# %% [markdown]
# ## More you may meet

# %%
for message in [
    "AttributeError: 'str' object has no attribute 'value'",
    "BadRequestError: Error code: 400 - Unknown parameter: 'agent'.",
    "ServiceRequestError: Bearer token authentication is not permitted for non-TLS protected (non-https) URLs.",
    "TypeError: projectClient.getOpenAIClient is not a function",
]:
    print(">>>", message)
    explain(message)

# %%
course.navigation("17")
