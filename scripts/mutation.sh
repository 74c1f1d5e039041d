#!/usr/bin/env bash
# Mutation testing with mutmut over the converters' rule code, in a scratch copy of the checkout.
#
#   scripts/mutation.sh                       # all three folders below, with their tests (slow: hours)
#   scripts/mutation.sh payloads-langdock     # one named subset (see SUBSETS)
#   JOBS=2 WORK=/tmp/amw-mutation scripts/mutation.sh ...
#
# The copy keeps mutmut's `mutants/` folder and config out of the checkout. mutmut mutates only
# the files matched by `only_mutate` and runs, for each mutant, the tests that reach the mutated
# function. The score is (killed + timeout) / (mutants - skipped), the formula of `mutmut badge`.
# Survivors are listed at the end; `cd $WORK && mutmut show NAME` shows one.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PY=${PY:-$ROOT/.venv/bin/python}
[ -x "$PY" ] || PY=python3
WORK=${WORK:-${TMPDIR:-/tmp}/amw-mutation}
if ! "$PY" -c "import mutmut" 2>/dev/null; then
  echo "mutmut is missing: $PY -m pip install -r requirements-dev.txt" >&2
  exit 2
fi
JOBS=${JOBS:-2}

# subset name -> "globs to mutate|tests to run"
declare -A SUBSETS=(
  [all]="helpers/foundry/rules/*.py helpers/payloads/* helpers/langdock/*|tests/foundry tests/payloads tests/langdock tests/test_mutation_regressions.py"
  [foundry-rules]="helpers/foundry/rules/*.py|tests/foundry tests/test_mutation_regressions.py"
  [payloads]="helpers/payloads/*|tests/payloads tests/test_mutation_regressions.py"
  [langdock]="helpers/langdock/*|tests/langdock tests/test_mutation_regressions.py"
  [payloads-langdock]="helpers/payloads/langdock/*|tests/payloads tests/test_mutation_regressions.py"
  [payloads-foundry]="helpers/payloads/foundry/*|tests/payloads tests/test_mutation_regressions.py"
  [payloads-foundry-tools]="helpers/payloads/foundry/tools.py|tests/payloads tests/test_mutation_regressions.py"
  [payloads-foundry-message-to-item]="helpers/payloads/foundry/message_to_item.py|tests/payloads tests/test_mutation_regressions.py"
  [payloads-foundry-run-steps]="helpers/payloads/foundry/run_steps_to_items.py|tests/payloads tests/test_mutation_regressions.py"
  [payloads-foundry-run-to-response]="helpers/payloads/foundry/run_to_response.py|tests/payloads tests/test_mutation_regressions.py"
  [payloads-streams]="helpers/payloads/streams/*|tests/payloads tests/test_mutation_regressions.py"
  [payloads-streams-read-lines]="helpers/payloads/streams/read_lines.py|tests/payloads tests/test_mutation_regressions.py"
  [runs-to-responses]="helpers/foundry/rules/runs_to_responses.py|tests/foundry tests/test_mutation_regressions.py"
  [files-and-vector-stores]="helpers/foundry/rules/files_and_vector_stores.py|tests/foundry tests/test_mutation_regressions.py"
)
names=("$@")
[ ${#names[@]} -gt 0 ] || names=(all)
mutate=() tests=()
for name in "${names[@]}"; do
  spec=${SUBSETS[$name]:-}
  if [ -z "$spec" ]; then
    echo "unknown subset '$name'; choose from: ${!SUBSETS[*]}" >&2
    exit 2
  fi
  read -r -a m <<<"${spec%%|*}"
  read -r -a t <<<"${spec#*|}"
  mutate+=("${m[@]}") tests+=("${t[@]}")
done

toml_list() {  # bash words -> a TOML list of strings
  local out="" item
  for item in "$@"; do out+="\"$item\", "; done
  echo "[${out%, }]"
}

rm -rf "$WORK" && mkdir -p "$WORK"
git ls-files -z | (cd "$ROOT" && xargs -0 cp --parents -t "$WORK")
cat >>"$WORK/pyproject.toml" <<TOML

[tool.mutmut]
source_paths = ["helpers"]
only_mutate = $(toml_list "${mutate[@]}")
pytest_add_cli_args_test_selection = $(toml_list $(printf '%s\n' "${tests[@]}" | sort -u))
pytest_add_cli_args = ["-p", "no:cacheprovider", "-q", "-m", "not browser and not notebook"]
TOML

cd "$WORK"
started=$(date -u +%s)
"$PY" -m mutmut run --max-children "$JOBS" || true
"$PY" -m mutmut export-cicd-stats >/dev/null
"$PY" - <<'PYEOF'
import json
s = json.load(open("mutants/mutmut-cicd-stats.json"))
tested = s["total"] - s.get("skipped", 0)
score = 100 * (s["killed"] + s.get("timeout", 0)) / tested if tested else 0.0
print(json.dumps(s))
print(f"mutation score: {score:.1f}% ({s['killed'] + s.get('timeout', 0)} of {tested} mutants killed)")
PYEOF
echo "survivors (mutmut show NAME in $WORK):"
"$PY" -m mutmut results | grep -E ": (survived|no tests|suspicious)" || true
echo "wall time: $(( $(date -u +%s) - started )) s on $(date -u +%F)"
