#!/usr/bin/env bash
# Regenerates every number, table and chart that results/README.md uses, from the scenario files with
# fixed seeds (run.seed 1 in every scenario; replication i of every variant or sweep point draws the same
# random numbers). Builds once in Release, then calls the dll. Run from anywhere:
#   bash results/reproduce.sh            # everything (about 10 minutes on 2 cores)
#   bash results/reproduce.sh h1 h3      # only these parts: traffic h1 h2 h3 h4 sens
# Afterwards `git status results/` should show no change: the committed outputs are exactly these.
set -euo pipefail
export LC_ALL=C
cd "$(dirname "$0")/.."

dotnet build Simulator -c Release -nologo -v quiet >/dev/null
hacasim() { dotnet Simulator/bin/Release/net10.0/hacasim.dll "$@"; }
# run.max_waiting raised from its default (100,000 waiting jobs per pool) so that no run here reaches the
# cap (summary.json faults.overflow stays empty): past the cap jobs are only counted, and the latencies of
# overloaded points would then leave them out. (Such a pool is reported unstable either way.) Memory
# stays under ~2 GB.
TH=(--threads 2 --quiet --set run.max_waiting=5000000)
S=Scenarios
H=$S/hypotheses
tab() { awk -f results/tables.awk "$@"; }

# Keep the committed set small: each experiment keeps its CSV/JSON summaries and PNG charts; per-point
# and per-variant directories, SVGs, Parquet, HTML and time series are deleted (rerun to get them).
slim() {
  for d in "$@"; do
    rm -rf "$d/points" "$d/variants"
    find "$d" \( -name '*.svg' -o -name '*.parquet' -o -name 'report.*' -o -name 'timeseries.csv' \
      -o -name 'proof_lag.csv' -o -name 'scenario.resolved.yaml' \) -delete
  done
}
# Run a command, keeping what it prints (knees, paths of results) next to its outputs.
# (The "results: DIR" line is dropped and printed paths made relative: the checkout's location must not show.)
keep() { local out=$1; shift; rm -rf "$out"; mkdir -p "$(dirname "$out")"; "$@" --out "$out" "${TH[@]}" | sed -e '/^results: /d' -e "s#^$PWD/##" > "$out.txt"; }

# baseline.yaml's specialised pools written as overrides of h1-merged.yaml, so that `compare` can run
# both topologies on common random numbers. With proof_slot_factor=1 this variant reproduces
# baseline.yaml exactly (checked: identical summary.json apart from the scenario name and an idle,
# unused 'allround' pool). $1 = verification nodes.
specialised() {
  echo "specialised:proof_slot_factor=1,pools.inference={nodes: 8, slots: 8, tee_capable: 4, dispatcher: jsq},pools.prover={nodes: 16, slots: 1, dispatcher: jsq},pools.verification={nodes: ${1:-8}, slots: 4, dispatcher: jsq},pools.data={nodes: 2, slots: 16, tee_capable: 2, dispatcher: jsq},roles.inference=inference,roles.prover=prover,roles.verification=verification,roles.data=data"
}

PARTS=("$@")
part() { [ ${#PARTS[@]} -eq 0 ] && return 0; local p; for p in "${PARTS[@]}"; do [ "$p" = "$1" ] && return 0; done; return 1; }
mkdir -p results/tables
H1RUN="--duration 14400 --warmup 5400"

# ---------------------------------------------------------------------------------------------------
# The network and its traffic: baseline (Poisson at the Azure trace's rate) and the recorded trace.
if part traffic; then
  keep results/traffic/baseline hacasim run $S/baseline.yaml --replications 10
  keep results/traffic/trace hacasim run $S/trace-replay.yaml --replications 10
  keep results/traffic/trace-sweep hacasim sweep $S/trace-replay.yaml \
    --param time_scale=1,1.5,1.75,2,2.5,3,3.5,4,4.5,5 --replications 5
  slim results/traffic/baseline results/traffic/trace results/traffic/trace-sweep
  rm -f results/traffic/*/queue_length.png results/traffic/*/replication_spread.png \
    results/traffic/*/proof_lag.png results/traffic/*/utilization.png
  tab -v mode=sweep -v cols="time_scale" \
    -v metrics="paths_tee_result_latency_s paths_zkml_proof_lag_s pools_inference_utilization pools_prover_utilization pools_verification_utilization stable_inference stable_prover stable_verification" \
    results/traffic/trace-sweep/sweep.csv > results/tables/trace-sweep.md
  tab -v mode=knee -v np=1 results/traffic/trace-sweep/sweep.csv > results/tables/trace-knee.md
  M=""
  for p in zkml tee zkcrv vanilla; do
    M="$M paths.$p.result_latency_s paths.$p.proof_lag_s paths.$p.time_to_trust_s"
  done
  tab -v mode=summary -v metrics="$M pools.inference.utilization pools.prover.utilization pools.verification.utilization pools.data.utilization" \
    results/traffic/baseline/summary.json results/traffic/trace/summary.json > results/tables/traffic.md
fi

# ---------------------------------------------------------------------------------------------------
# H1: specialised pools vs one merged pool of all-round nodes at equal hardware cost.
if part h1; then
  # 4-hour runs, 1.5 hours of warm-up: a challenged ZK-CRV LLM proof holds a merged slot for ~80 min
  # (8 x 600 s), so a 1-hour run of the merged pool never reaches steady state.
  keep results/h1/compare hacasim compare $H/h1-merged.yaml --variant "$(specialised 8)" --variant merged: \
    $H1RUN --replications 10
  keep results/h1/sweep-specialised hacasim sweep $S/baseline.yaml --param arrival_rate=2:30:2 $H1RUN --replications 5
  keep results/h1/sweep-merged hacasim sweep $H/h1-merged.yaml --param arrival_rate=2:30:2 $H1RUN --replications 5
  slim results/h1/compare results/h1/sweep-specialised results/h1/sweep-merged
  tab -v mode=compare -v metrics="result_latency_s proof_lag_s time_to_trust_s paths.zkml.time_to_trust_s paths.tee.time_to_trust_s paths.vanilla.time_to_trust_s paths.zkcrv.time_to_trust_s pools.inference.utilization pools.prover.utilization pools.verification.utilization pools.allround.utilization" \
    results/h1/compare/comparison.csv > results/tables/h1-compare.md
  for t in specialised merged; do
    tab -v mode=sweep -v cols="arrival_rate" \
      -v metrics="result_latency_s paths_tee_result_latency_s paths_zkml_time_to_trust_s time_to_trust_s proof_backlogs_stable" \
      results/h1/sweep-$t/sweep.csv > results/tables/h1-sweep-$t.md
    tab -v mode=knee -v np=1 results/h1/sweep-$t/sweep.csv > results/tables/h1-knee-$t.md
  done
fi

# ---------------------------------------------------------------------------------------------------
# H2: does verification become the bottleneck as load and ZKML share rise?
if part h2; then
  keep results/h2/sweep-mix hacasim sweep $H/h2-heavy-zkml.yaml --param arrival_rate=1:24:1 \
    --param zkml_share=0.05,0.2,0.35,0.5 --replications 5
  # Where would verification break first? Proof verification time from SNARK-class (10 ms) to
  # zkLLM-class (seconds), at half the traffic on ZKML.
  keep results/h2/sweep-verify hacasim sweep $H/h2-heavy-zkml.yaml --param arrival_rate=1:16:1 \
    --param paths.zkml.verify_s=0.01,0.5,1,1.5,2,3 --replications 5
  slim results/h2/sweep-mix results/h2/sweep-verify
  tab -v mode=knee -v np=2 results/h2/sweep-mix/sweep.csv > results/tables/h2-knee-mix.md
  tab -v mode=knee -v np=2 results/h2/sweep-verify/sweep.csv > results/tables/h2-knee-verify.md
  for z in 0.2 0.5; do
    tab -v mode=sweep -v cols="arrival_rate" -v where="zkml_share=$z" \
      -v metrics="result_latency_s paths_zkml_proof_lag_s pools_inference_utilization pools_prover_utilization pools_verification_utilization proof_backlogs_stable" \
      results/h2/sweep-mix/sweep.csv > results/tables/h2-sweep-mix-$z.md
  done
  tab -v mode=sweep -v cols="arrival_rate paths.zkml.verify_s" -v where="arrival_rate=4" \
    -v metrics="pools_prover_utilization pools_verification_utilization paths_zkml_proof_lag_s stable_prover stable_verification" \
    results/h2/sweep-verify/sweep.csv > results/tables/h2-verify-at-4.md
fi

# ---------------------------------------------------------------------------------------------------
# H3: does an adaptive policy drift traffic to Vanilla and idle the verifiers?
if part h3; then
  H3V=(--variant static:policy=static --variant adaptive-16:backlog_high=16,backlog_low=8
       --variant adaptive-32: --variant adaptive-64:backlog_high=64,backlog_low=32
       --variant adaptive-32-to-tee:downgrade_to=tee)
  for r in 9 12; do
    keep results/h3/compare-$r hacasim compare $H/h3-adaptive.yaml --set arrival_rate=$r "${H3V[@]}" --replications 10
    # Downgrades over time: share of settled requests on Vanilla per 10 minutes, replication 0.
    for v in static adaptive-32; do
      tab -v mode=timeshare -v bin=600 -v path=vanilla results/h3/compare-$r/variants/$v/proof_lag.csv \
        > results/tables/h3-vanilla-over-time-$r-$v.md
    done
    slim results/h3/compare-$r
    rm -f results/h3/compare-$r/compare_pools_data_* results/h3/compare-$r/compare_pools_inference_*
    tab -v mode=compare -v metrics="downgrade_share paths.zkml.share paths.zkcrv.share paths.vanilla.share paths.tee.share pools.prover.utilization pools.verification.utilization paths.zkml.proof_lag_s time_to_trust_s" \
      results/h3/compare-$r/comparison.csv > results/tables/h3-compare-$r.md
  done
  keep results/h3/sweep hacasim sweep $H/h3-adaptive.yaml --param arrival_rate=2:24:2 --replications 5
  slim results/h3/sweep
  tab -v mode=sweep -v cols="arrival_rate" \
    -v metrics="downgrade_share paths_vanilla_share pools_prover_utilization pools_verification_utilization paths_zkml_proof_lag_s proof_backlogs_stable" \
    results/h3/sweep/sweep.csv > results/tables/h3-sweep.md
fi

# ---------------------------------------------------------------------------------------------------
# H4: do more full nodes add verification throughput, or only redundancy?
if part h4; then
  # At a fixed load (4 req/s): utilisation per verifier and latency as full nodes are added.
  keep results/h4/sweep-verifiers hacasim sweep $H/h4-verifiers.yaml --set arrival_rate=4 \
    --param verifiers=4,8,16,32,64,100 --param replication=all,1 --replications 5
  # Throughput: the largest stable arrival rate per verifier count. Provers raised to 64 so that
  # proof generation (which breaks near 10 req/s with 16) does not hide the verification knee.
  keep results/h4/sweep-knee hacasim sweep $H/h4-verifiers.yaml --set pools.prover.nodes=64 \
    --param arrival_rate=1:24:1 --param verifiers=2,4,8,16 --param replication=all,1 --replications 3
  slim results/h4/sweep-verifiers results/h4/sweep-knee
  for k in all 1; do
    tab -v mode=sweep -v cols="verifiers replication" -v where="replication=$k" \
      -v metrics="pools_verification_utilization pools_verification_wait_s paths_zkml_proof_lag_s paths_tee_proof_lag_s paths_vanilla_proof_lag_s stable_verification" \
      results/h4/sweep-verifiers/sweep.csv > results/tables/h4-sweep-verifiers-$k.md
  done
  tab -v mode=knee -v np=3 results/h4/sweep-knee/sweep.csv > results/tables/h4-knee.md
fi

# ---------------------------------------------------------------------------------------------------
# Sensitivity: each hypothesis' key metric at the low and high end of the uncertain parameters
# (parameters.md ranges): ZKML overhead 100-10,000x, TEE overhead 1.0-1.3x, block interval 1-12 s,
# verifiers 4-100, and ZKML proof verification 1 ms - 3 s.
if part sens; then
  SD=results/sensitivity
  # name | overrides for h1-merged (both variants) | override for the specialised variant's verifiers
  H1ROWS=(
    "base||8"
    "zkml_overhead-100|--set zkml_overhead=100|8"
    "zkml_overhead-10000|--set zkml_overhead=10000|8"
    "tee_overhead-1.0|--set paths.tee.inference_overhead=1.0|8"
    "tee_overhead-1.3|--set paths.tee.inference_overhead=1.3|8"
    "block_interval-1|--set block_interval_s=1|8"
    "block_interval-12|--set block_interval_s=12|8"
    "verifiers-4|--set allround_nodes=25|4"
    "verifiers-100|--set allround_nodes=34|100"
    "zkml_verify-0.001|--set paths.zkml.verify_s=0.001|8"
    "zkml_verify-3|--set paths.zkml.verify_s=3|8"
  )
  for row in "${H1ROWS[@]}"; do
    IFS='|' read -r name over v <<< "$row"
    # shellcheck disable=SC2086
    keep $SD/h1/$name hacasim compare $H/h1-merged.yaml $over --variant "$(specialised "$v")" --variant merged: \
      $H1RUN --replications 5
    slim $SD/h1/$name
    find $SD/h1/$name -name '*.png' -delete
  done
  {
    echo "| setting | Δ time to trust, merged − specialised (s) | Δ ZKML time to trust (s) | Δ TEE time to trust (s) | merged pool utilisation |"
    echo "|---|---|---|---|---|"
    for row in "${H1ROWS[@]}"; do
      name=${row%%|*}
      awk -F, -v n="$name" '
        function f(x,   m) { m = x < 0 ? -x : x; if (m >= 100) return sprintf("%.0f", x); if (m >= 10) return sprintf("%.1f", x); if (m >= 1) return sprintf("%.2f", x); return sprintf("%.3f", x) }
        $2 == "merged" && $1 == "time_to_trust_s" { a = f($6) " ± " f($7) }
        $2 == "merged" && $1 == "paths.zkml.time_to_trust_s" { b = f($6) " ± " f($7) }
        $2 == "merged" && $1 == "paths.tee.time_to_trust_s" { c = f($6) " ± " f($7) }
        $2 == "merged" && $1 == "pools.allround.utilization" { d = f($4) " ± " f($5) }
        END { print "| " n " | " a " | " b " | " c " | " d " |" }' $SD/h1/$name/comparison.csv
    done
  } > results/tables/sens-h1.md

  # H2: the knee at zkml_share 0.2 (baseline) and which pool breaks first, per parameter value.
  H2P=("zkml_overhead=100,1000,10000" "paths.tee.inference_overhead=1,1.05,1.3" "block_interval_s=1,2,12"
       "verifiers=4,8,100" "paths.zkml.verify_s=0.001,0.01,3")
  : > results/tables/sens-h2.md
  for p in "${H2P[@]}"; do
    name=${p%%=*}
    keep $SD/h2/$name hacasim sweep $S/baseline.yaml --param arrival_rate=1:24:1 --param "$p" --replications 3
    slim $SD/h2/$name
    find $SD/h2/$name -name '*.png' -delete
    tab -v mode=knee -v np=2 $SD/h2/$name/sweep.csv >> results/tables/sens-h2.md
    echo >> results/tables/sens-h2.md
  done

  # H3: the adaptive policy at 9 req/s, one variant per parameter value (paired to the base).
  keep $SD/h3 hacasim compare $H/h3-adaptive.yaml --set arrival_rate=9 --replications 10 \
    --variant base: --variant zkml_overhead-100:zkml_overhead=100 --variant zkml_overhead-10000:zkml_overhead=10000 \
    --variant tee_overhead-1.0:paths.tee.inference_overhead=1.0 --variant tee_overhead-1.3:paths.tee.inference_overhead=1.3 \
    --variant block_interval-1:block_interval_s=1 --variant block_interval-12:block_interval_s=12 \
    --variant verifiers-4:verifiers=4 --variant verifiers-100:verifiers=100 \
    --variant zkml_verify-0.001:paths.zkml.verify_s=0.001 --variant zkml_verify-3:paths.zkml.verify_s=3
  slim $SD/h3
  find $SD/h3 -name '*.png' -delete
  tab -v mode=compare -v metrics="downgrade_share paths.vanilla.share pools.verification.utilization pools.prover.utilization" \
    $SD/h3/comparison.csv > results/tables/sens-h3.md

  # H4: verification utilisation and ZKML proof lag at 8 and 64 full nodes, replication all vs 1.
  H4P=("paths.zkml.proof_overhead=100,1000,10000" "paths.tee.inference_overhead=1,1.05,1.3"
       "block_interval_s=1,2,12" "zkml_verify_s=0.001,1,3")
  : > results/tables/sens-h4.md
  for p in "${H4P[@]}"; do
    name=${p%%=*}
    keep $SD/h4/$name hacasim sweep $H/h4-verifiers.yaml --set arrival_rate=4 --param "$p" \
      --param replication=all,1 --param verifiers=8,64 --replications 5
    slim $SD/h4/$name
    find $SD/h4/$name -name '*.png' -delete
    tab -v mode=sweep -v cols="$name replication verifiers" \
      -v metrics="pools_verification_utilization paths_zkml_proof_lag_s paths_tee_proof_lag_s stable_verification stable_prover" \
      $SD/h4/$name/sweep.csv >> results/tables/sens-h4.md
    echo >> results/tables/sens-h4.md
  done
fi
echo "reproduce.sh: done"
