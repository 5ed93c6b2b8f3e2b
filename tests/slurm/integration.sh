#!/usr/bin/env bash
# Integration test of sharded experiments on a real (local, one-node) Slurm cluster: brings the cluster
# up with deploy/slurm/up.sh, builds hacasim (Release; the jobs run `dotnet hacasim.dll`, which needs no
# publish step and starts as fast), submits an 8-unit sweep as a 4-task job array plus its dependent merge
# job through `hacasim slurm ... --submit` (the real sbatch), waits for the merge, runs the same sweep
# locally without shards and compares every output file byte for byte. The cluster is always taken down
# again (trap). Needs root on Debian 12, like up.sh. Last line "slurm integration: ok" on success.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo"
TIMEOUT_SECONDS="${HACASIM_SLURM_JOB_TIMEOUT:-300}"
TASKS=4

t0=$SECONDS
say() { printf '[integration %3ds] %s\n' "$((SECONDS - t0))" "$*"; }
fail() { say "FAIL: $*" >&2; exit 1; }

work="$(mktemp -d /tmp/hacasim-slurm-it.XXXXXX)"
chmod 0755 "$work"
cleanup() {
    local status=$?
    if [[ -n "${array_id:-}" ]]; then scancel "$array_id" "${merge_id:-}" 2>/dev/null || true; fi
    deploy/slurm/down.sh || status=1
    if ((status == 0)); then rm -rf "$work"; else say "kept $work for inspection"; fi
    exit "$status"
}
trap cleanup EXIT

deploy/slurm/up.sh

say "building hacasim (Release)"
dotnet build Simulator -c Release -o "$work/bin" -v quiet -nologo >"$work/build.log" 2>&1 || { tail -n 30 "$work/build.log" >&2; fail "build failed"; }
hacasim=(dotnet "$work/bin/hacasim.dll")

# 4 points x 2 replications = 8 units, 2 per array task.
sweep=(sweep Scenarios/baseline.yaml --param arrival_rate=4,6,8,10 --replications 2 --duration 600 --warmup 60)

say "submitting the sweep as $TASKS array tasks and a merge job"
"${hacasim[@]}" slurm "${sweep[@]}" --out "$work/slurm" --tasks "$TASKS" --cpus-per-task 1 --time 00:10:00 --submit | tee "$work/submit.txt"
array_id="$(sed -n 's/^array job: \([0-9]*\)$/\1/p' "$work/submit.txt")"
merge_id="$(sed -n 's/^merge job: \([0-9]*\)$/\1/p' "$work/submit.txt")"
[[ -n "$array_id" && -n "$merge_id" ]] || fail "hacasim slurm printed no job ids"

started=$SECONDS
while :; do
    queued="$(squeue -h -j "$array_id,$merge_id" -o '%i %T %r' 2>/dev/null || true)"
    [[ -z "$queued" ]] && break
    grep -q 'DependencyNeverSatisfied' <<<"$queued" && fail "an array task failed; logs: $(cat "$work"/slurm.slurm/logs/*.out 2>/dev/null)"
    ((SECONDS - started < TIMEOUT_SECONDS)) || fail "jobs still queued after ${TIMEOUT_SECONDS}s: $queued"
    sleep 1
done
say "array and merge jobs done after $((SECONDS - started))s"
[[ -f "$work/slurm/sweep.csv" ]] || fail "the merge job wrote no sweep.csv; logs: $(cat "$work"/slurm.slurm/logs/*.out 2>/dev/null)"
for k in $(seq 0 $((TASKS - 1))); do
    grep -q '"complete": true' "$work/slurm.slurm/parts/part-$k/manifest.json" || fail "part $k is not complete"
done

say "running the same sweep locally, unsharded"
"${hacasim[@]}" "${sweep[@]}" --out "$work/local" --quiet >/dev/null
diff -r "$work/local" "$work/slurm" >"$work/diff.txt" 2>&1 || fail "merged output differs from the unsharded sweep: $(head -n 20 "$work/diff.txt")"
say "$(find "$work/local" -type f | wc -l) files identical"
echo "slurm integration: ok"
