#!/usr/bin/env bash
# Proves a change leaves every output byte for byte as it was: builds REV (default origin/main) and the
# current working tree into temp folders, runs every shipped scenario (short durations, two
# replications, requests logged), extra dispatcher variants (lwl, p2c, random, round_robin on the
# shipped networks, so dispatchers no shipped scenario uses are covered too) and the README's example
# commands (a small sweep, compare, plan), then diffs every file the two builds wrote.
#
#   bash tests/byte-identity.sh [REV] [--keep]
#   NEW_EXE=artifacts/hacasim/hacasim bash tests/byte-identity.sh [REV]
#
# With NEW_EXE the new side runs that executable (a published binary, e.g. the Native AOT one) instead of the working
# tree's build: it proves the published binary writes what the plain build of REV writes.
# Exit 0 when every file is identical, 1 when any differs (the differing files are listed).
set -euo pipefail
cd "$(dirname "$0")/.."
REV="${1:-origin/main}"
KEEP="${2:-}"
WORK="$(mktemp -d /tmp/byte-identity.XXXXXX)"
trap '[ "$KEEP" = "--keep" ] || rm -rf "$WORK"' EXIT

build() { # $1 = source dir, $2 = output dir
  dotnet build "$1/Simulator" -c Release -o "$2" -nologo -v q -p:UseSharedCompilation=false >"$WORK/build.log" 2>&1 \
    || { cat "$WORK/build.log"; exit 1; }
}

echo "building $REV and the working tree in $WORK"
mkdir -p "$WORK/src-old"
git archive "$REV" | tar -x -C "$WORK/src-old"
build "$WORK/src-old" "$WORK/bin-old"
# The working tree as it is (including uncommitted edits), without bin/obj.
mkdir -p "$WORK/src-new"
git ls-files -co --exclude-standard -z | xargs -0 -I{} cp --parents {} "$WORK/src-new/" 2>/dev/null || true
build "$WORK/src-new" "$WORK/bin-new"
NEW_EXE="${NEW_EXE:+$(realpath "$NEW_EXE")}"

run_all() { # $1 = bin dir, $2 = results dir
  local bin="$1" out="$2" repo="$PWD"
  # Output paths are relative to the results folder, so both builds print and record the same text.
  local exe=(dotnet "$bin/hacasim.dll")
  [ "$bin" = "$WORK/bin-new" ] && [ -n "$NEW_EXE" ] && exe=("$NEW_EXE")
  hs() { (cd "$out" && "${exe[@]}" "$@" --quiet >>"$out.log" 2>&1) || echo "exit $? : $*" >>"$out.log"; }
  mkdir -p "$out"
  cd "$out"; ln -sfn "$repo/Scenarios" Scenarios; cd "$repo"
  for s in Scenarios/baseline.yaml Scenarios/trace-replay.yaml Scenarios/hypotheses/*.yaml; do
    n=$(basename "$s" .yaml)
    hs run "$s" --duration 1200 --replications 2 --log-requests --out "run-$n"
  done
  for s in Scenarios/faults/*.yaml; do
    n=$(basename "$s" .yaml)
    hs run "$s" --duration 4000 --replications 2 --log-requests --out "run-$n"
  done
  for s in Scenarios/validation/*.yaml; do
    n=$(basename "$s" .yaml)
    hs run "$s" --duration 5000 --replications 2 --warmup 500 --log-requests --out "run-$n"
  done
  # Every dispatcher on every pool of networks that queue (baseline under load, a fault scenario with
  # nodes going down, an M/M/c pool of several nodes).
  for d in lwl p2c random round_robin jsq; do
    hs run Scenarios/baseline.yaml --duration 1200 --replications 2 --set arrival_rate=9 \
      --set pools.inference.dispatcher=$d --set pools.prover.dispatcher=$d --set pools.verification.dispatcher=$d \
      --set pools.data.dispatcher=$d --set verification.replication=3 --log-requests --out "disp-$d-baseline"
    hs run Scenarios/faults/verifier-churn.yaml --duration 4000 --replications 2 \
      --set pools.inference.dispatcher=$d --set pools.verification.dispatcher=$d --set pools.data.dispatcher=$d \
      --log-requests --out "disp-$d-churn"
    hs run Scenarios/faults/tee-outage.yaml --duration 4000 --replications 1 \
      --set pools.inference.dispatcher=$d --log-requests --out "disp-$d-tee"
    hs run Scenarios/validation/mmc.yaml --duration 3000 --replications 2 --warmup 300 \
      --set pools.inference.nodes=6 --set pools.inference.slots=1 --set arrival_rate=5 \
      --set pools.inference.dispatcher=$d --out "disp-$d-mmc"
  done
  # The README's example commands, shortened.
  hs sweep Scenarios/baseline.yaml --param arrival_rate=6.5:12.5:2 --replications 2 --duration 1200 --out "sweep"
  hs compare Scenarios/hypotheses/h3-adaptive.yaml --replications 2 --duration 1200 --set arrival_rate=9 --out "compare"
  hs plan Scenarios/dedicated-provers.yaml --target 'paths.zkml.proof_lag_s.p95<=60' --vary prover_nodes --min 8 --max 16 \
    --replications 2 --duration 1200 --out "plan"
  hs run Scenarios/baseline.yaml --duration 1200 --replications 4 --threads 2 --out "run-threads2"
}

echo "running the old build"; run_all "$WORK/bin-old" "$WORK/old"
echo "running the new build"; run_all "$WORK/bin-new" "$WORK/new"

status=0
files=$(cd "$WORK/old" && find . -type f | sort)
count=$(echo "$files" | wc -l)
if ! diff <(cd "$WORK/old" && find . -type f | sort) <(cd "$WORK/new" && find . -type f | sort) >"$WORK/lists.diff"; then
  echo "the two builds wrote different sets of files:"; cat "$WORK/lists.diff"; status=1
fi
changed=0
while IFS= read -r f; do
  if [ -f "$WORK/new/$f" ] && ! cmp -s "$WORK/old/$f" "$WORK/new/$f"; then echo "DIFFERS: $f"; changed=$((changed + 1)); status=1; fi
done <<<"$files"
# The console names each results folder by its absolute path: compare with the two folders' names masked.
sed "s#$WORK/old#OUT#g" "$WORK/old.log" >"$WORK/old.masked.log"
sed "s#$WORK/new#OUT#g" "$WORK/new.log" >"$WORK/new.masked.log"
if ! cmp -s "$WORK/old.masked.log" "$WORK/new.masked.log"; then echo "DIFFERS: console output"; { diff "$WORK/old.masked.log" "$WORK/new.masked.log" | head -20 || true; }; status=1; fi
echo "$count files compared (plus console output), $changed differ; rev $REV ($(git rev-parse --short "$REV")) vs ${NEW_EXE:-working tree}"
exit $status
