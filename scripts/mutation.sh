#!/usr/bin/env bash
# Mutation testing with mutmut over the converters' rule code, in a scratch copy of the checkout.
#
#   scripts/mutation.sh                       # all three folders below, with their tests (slow: hours)
#   scripts/mutation.sh payloads-langdock     # one named subset (see SUBSETS)
#   JOBS=2 WORK=/tmp/amw-mutation scripts/mutation.sh ...
#   SAMPLE=400 scripts/mutation.sh langdock  # a random sample of 400 mutants (seed $SEED, default 1): an estimate
#   MEM_KB=6000000                           # memory cap per process (default 6 GB)
#
# With SAMPLE the score is that of the sampled mutants only; the same SEED and code draw the same
# sample. Once tests or code changed, the mutant count may too: SAMPLE_FILE=<earlier WORK>/sample.txt
# reruns the earlier sample's mutants (those that still exist), so before and after measure the same ones.
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
  [langdock-js-facts]="helpers/langdock/js_facts.py|tests/langdock tests/test_mutation_regressions.py"
  [langdock-js-flow]="helpers/langdock/js_flow.py|tests/langdock tests/test_mutation_regressions.py"
  [langdock-js-summary]="helpers/langdock/js_summary.py|tests/langdock tests/test_mutation_regressions.py"
  [langdock-js-sse-loops]="helpers/langdock/js_rules/sse_loops.py|tests/langdock tests/test_mutation_regressions.py"
  [langdock-py-facts]="helpers/langdock/py_facts.py|tests/langdock tests/test_mutation_regressions.py"
  [langdock-py-flow]="helpers/langdock/py_flow.py|tests/langdock tests/test_mutation_regressions.py"
  [langdock-py-requests-flow]="helpers/langdock/py_requests_flow.py|tests/langdock tests/test_mutation_regressions.py"
  [langdock-py-reads-flow]="helpers/langdock/py_reads_flow.py|tests/langdock tests/test_mutation_regressions.py"
  [langdock-js-decide]="helpers/langdock/js_decide.py|tests/langdock tests/test_mutation_regressions.py"
  [langdock-javascript]="helpers/langdock/javascript.py|tests/langdock tests/test_mutation_regressions.py"
  [langdock-js-rules]="helpers/langdock/js_rules/*|tests/langdock tests/test_mutation_regressions.py"
  [langdock-jstree]="helpers/langdock/jstree.py|tests/langdock tests/test_mutation_regressions.py"
  [langdock-py-rules]="helpers/langdock/py_rules/*|tests/langdock tests/test_mutation_regressions.py"
  [langdock-urls]="helpers/langdock/urls.py|tests/langdock tests/test_mutation_regressions.py"
  [langdock-python-requests]="helpers/langdock/python_requests.py|tests/langdock tests/test_mutation_regressions.py"
  [rules-function-calling]="helpers/foundry/rules/function_calling.py|tests/foundry tests/test_mutation_regressions.py"
  [rules-stream-loops]="helpers/foundry/rules/stream_loops.py|tests/foundry tests/test_mutation_regressions.py"
  [rules-event-handlers]="helpers/foundry/rules/event_handlers.py|tests/foundry tests/test_mutation_regressions.py"
  [rules-tool-definitions]="helpers/foundry/rules/tool_definitions.py|tests/foundry tests/test_mutation_regressions.py"
  [rules-polling-loops]="helpers/foundry/rules/polling_loops.py|tests/foundry tests/test_mutation_regressions.py"
  [rules-reading-results]="helpers/foundry/rules/reading_results.py|tests/foundry tests/test_mutation_regressions.py"
  [rules-toolset-methods]="helpers/foundry/rules/toolset_methods.py|tests/foundry tests/test_mutation_regressions.py"
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
# A mutant that loops while allocating (the line-start scan of javascript.JsContext) would
# take the machine down; under this cap it dies with MemoryError, a failed test: killed.
ulimit -d "${MEM_KB:-6000000}"  # the data limit: -v would also stop Node's WebAssembly (tests run node)
started=$(date -u +%s)
if [ -n "${SAMPLE:-}" ]; then
  # Generate the mutants and the test map without running any mutant (no name matches), then draw.
  "$PY" -m mutmut run --max-children "$JOBS" "no-such-mutant" >/dev/null 2>&1 || true
  mapfile -t chosen < <(SAMPLE="$SAMPLE" SEED="${SEED:-1}" SAMPLE_FILE="${SAMPLE_FILE:-}" "$PY" - <<'PYEOF'
import glob, json, os, random
names = sorted(name for meta in glob.glob("mutants/**/*.meta", recursive=True)
               for name in json.load(open(meta)).get("exit_code_by_key", {}))
if os.environ["SAMPLE_FILE"]:  # the names an earlier run drew, where they still exist
    earlier = open(os.environ["SAMPLE_FILE"]).read().split()
    print("\n".join(name for name in earlier if name in set(names)))
else:
    random.seed(int(os.environ["SEED"]))
    print("\n".join(sorted(random.sample(names, min(int(os.environ["SAMPLE"]), len(names))))))
PYEOF
)
  printf '%s\n' "${chosen[@]}" > sample.txt
  echo "sampled ${#chosen[@]} mutants (seed ${SEED:-1}); names in $WORK/sample.txt"
  "$PY" -m mutmut run --max-children "$JOBS" "${chosen[@]}" || true
  "$PY" - <<'PYEOF'
import collections, glob, json
chosen = set(open("sample.txt").read().split())
codes = {name: code for meta in glob.glob("mutants/**/*.meta", recursive=True)
         for name, code in json.load(open(meta)).get("exit_code_by_key", {}).items() if name in chosen}
killed = sum(code in (1, 3) or code in (-24, 24, 36, 152, 255) for code in codes.values())
no_tests = sum(code in (5, 33) for code in codes.values())
survivors = sorted(name for name, code in codes.items() if code == 0)
print(f"sampled mutants: {len(codes)}; killed {killed}; survived {len(survivors)}; without tests {no_tests}")
print(f"mutation score (sample): {100 * killed / max(1, len(codes)):.1f}%")
by_module = collections.Counter(name.split(".x")[0] for name in survivors)  # "pkg.module.x_function__mutmut_3"
print("survivors by module:", dict(by_module.most_common()))
print("\n".join(survivors))
PYEOF
  echo "wall time: $(( $(date -u +%s) - started )) s on $(date -u +%F)"
  exit 0
fi
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
