#!/usr/bin/env bash
# Smoke test for the local cluster (run up.sh first): a 4-task job array, each task writing its
# index to a file, and a job that depends on the whole array (afterok) and concatenates the files:
# the shape of a sharded experiment followed by its merge job. Polls squeue only, since the
# cluster keeps no accounting (sacct has nothing to say). Exit 0 and a last line "smoke: ok" on
# success.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source-path=SCRIPTDIR source=common.sh
source "$here/common.sh"

TIMEOUT_SECONDS="${HACASIM_SLURM_SMOKE_TIMEOUT:-120}"
TASKS=4

work="$(mktemp -d /tmp/hacasim-slurm-smoke.XXXXXX)"
chmod 0755 "$work"
say "smoke test in $work"

# The single quotes are meant: the task's shell expands $SLURM_ARRAY_TASK_ID.
# shellcheck disable=SC2016
array_id="$(sbatch --parsable --job-name=smoke-array --chdir="$work" --array=0-$((TASKS - 1)) \
    --ntasks=1 --cpus-per-task=1 --output='slurm-%A_%a.out' \
    --wrap 'echo $SLURM_ARRAY_TASK_ID > out.$SLURM_ARRAY_TASK_ID')" \
    || die "sbatch of the array failed"
array_id="${array_id%%;*}"
files="$(seq -f 'out.%g' 0 $((TASKS - 1)) | tr '\n' ' ')"
merge_id="$(sbatch --parsable --job-name=smoke-merge --chdir="$work" --dependency="afterok:$array_id" \
    --kill-on-invalid-dep=yes --ntasks=1 --output='slurm-%j.out' \
    --wrap "cat $files > merged")" \
    || die "sbatch of the dependent job failed"
merge_id="${merge_id%%;*}"
say "submitted array job $array_id (tasks 0-$((TASKS - 1))) and merge job $merge_id (afterok:$array_id)"

started=$SECONDS
deadline=$((started + TIMEOUT_SECONDS))
while :; do
    queued="$(squeue -h -j "$array_id,$merge_id" -o '%i %T %r' 2>/dev/null || true)"
    [[ -z "$queued" ]] && break
    if grep -q 'DependencyNeverSatisfied' <<<"$queued"; then
        die "merge job $merge_id can never run (an array task failed); see $work"
    fi
    if ((SECONDS >= deadline)); then
        printf '%s\n' "$queued" >&2
        scancel "$array_id" "$merge_id" 2>/dev/null || true
        die "jobs still queued after ${TIMEOUT_SECONDS}s (cancelled); see $work"
    fi
    sleep 0.5
done
say "queue empty after $((SECONDS - started))s"

expected="$(seq 0 $((TASKS - 1)))"
[[ -f "$work/merged" ]] || die "merge job wrote no $work/merged (outputs: $(ls "$work"))"
actual="$(cat "$work/merged")"
[[ "$actual" == "$expected" ]] \
    || die "merged output differs: expected '$(tr '\n' ' ' <<<"$expected")', got '$(tr '\n' ' ' <<<"$actual")'; see $work"
rm -rf "$work"
say "smoke: ok ($TASKS array tasks and the dependent merge job ran; merged output correct)"
