#!/usr/bin/env bash
# The reference study under parameter uncertainty (issue 20): regenerates every number, table and chart that
# results/README.md uses (except example/, which the README's example run writes), from the scenario files with
# fixed seeds. Builds once in Release, then calls the dll. Run from anywhere:
#   bash results/reproduce.sh                 # everything (41 min measured on the shared 2-core machine at load 12-35; ~13-14 min estimated quiet)
#   bash results/reproduce.sh h1 faults       # only these parts: haca dedicated h1 h3 h4 bursty trace faults (then tables)
#   bash results/reproduce.sh --slurm         # the explore runs as Slurm job arrays on the local cluster (below)
#   SCALE=smoke bash results/reproduce.sh     # every command line at a tiny scale, into $OUT (default /tmp)
# Afterwards `git status results/` should show no change: the committed outputs are exactly these.
set -euo pipefail
export LC_ALL=C
cd "$(dirname "$0")/.."

SLURM=0
PARTS=()
for a in "$@"; do if [ "$a" = --slurm ]; then SLURM=1; else PARTS+=("$a"); fi; done
SCALE="${SCALE:-full}"
case "$SCALE" in
  # N: samples of the main hypercube; NV: of the variants; NS: Sobol base samples (N x (k + 2) runs); R: replications;
  # DUR/WARM: run length (s).
  smoke) N=8;   NV=6;  NS=2;  R=1; DUR=300;  WARM=60;  OUT="${OUT:-/tmp/hacasim-study-smoke}" ;;
  medium) N=24; NV=12; NS=4;  R=1; DUR=1800; WARM=300; OUT="${OUT:-/tmp/hacasim-study-medium}" ;;   # 1/16 of full: for timing
  full)  N=192; NV=96; NS=32; R=2; DUR=1800; WARM=300; OUT="${OUT:-results}" ;;
  *) echo "SCALE must be smoke, medium or full" >&2; exit 2 ;;
esac
part() { [ ${#PARTS[@]} -eq 0 ] && return 0; local p; for p in "${PARTS[@]}"; do [ "$p" = "$1" ] && return 0; done; return 1; }

dotnet build Simulator -c Release -nologo -v quiet >/dev/null
hacasim() { dotnet Simulator/bin/Release/net10.0/hacasim.dll "$@"; }
S=Scenarios/study
RUN=(--duration "$DUR" --warmup "$WARM" --seed 1 --quiet)   # plus --replications: $R, or $EXPLORE_R for one explore

# One explore: locally (both cores), or with --slurm as a job array on the repository's own one-node Slurm cluster
# (deploy/slurm/up.sh; needs root on Debian 12): `hacasim slurm ... --submit` queues 8 array tasks and a dependent
# merge job, whose merged files are byte-identical to a local run (tests/slurm/integration.sh checks this). The
# explores are all queued first and waited for before the tables.
SW="$(mktemp -d /tmp/hacasim-study-slurm.XXXXXX)"; chmod 0755 "$SW"
trap 'rm -rf "$SW"' EXIT
MERGES=()
if [ "$SLURM" = 1 ]; then deploy/slurm/up.sh; fi
explore() {
  local out=$1; shift
  rm -rf "$out"; mkdir -p "$(dirname "$out")"
  if [ "$SLURM" = 1 ]; then
    local work; work="$SW/$(echo "$out" | tr / _)"
    local abs=$out; case $out in /*) ;; *) abs=$PWD/$out ;; esac
    hacasim slurm explore "$@" "${RUN[@]}" --replications "${EXPLORE_R:-$R}" --out "$abs" --work "$work" --tasks 8 --cpus-per-task 1 --time 02:00:00 --submit > "$work.submit"
    MERGES+=("$(sed -n 's/^merge job: \([0-9]*\)$/\1/p' "$work.submit")|$out")
  else
    hacasim explore "$@" "${RUN[@]}" --replications "${EXPLORE_R:-$R}" --threads 2 --out "$out" >/dev/null
    slim_explore "$out"
  fi
}
# Keep the CSVs, the report and the PNG charts (scatter charts only of rho_max against each input; the other
# outputs are in explore.csv); SVGs and the HTML report are rebuilt by `hacasim report DIR`.
slim_explore() {
  find "$1" \( -name '*.svg' -o -name 'report.html' -o -name 'scenario.resolved.yaml' \
    -o \( -name 'scatter_*' ! -name 'scatter_rho_max_*' \) \) -delete
}
slurm_wait() {
  local m id out
  for m in "${MERGES[@]}"; do
    id=${m%%|*}; out=${m#*|}
    while [ -n "$(squeue -h -j "$id" 2>/dev/null)" ]; do sleep 5; done
    [ -f "$out/explore.csv" ] || { echo "reproduce.sh: the Slurm merge job $id wrote no $out/explore.csv (logs in $SW)" >&2; exit 1; }
    slim_explore "$out"
  done
  MERGES=()
}

# The uncertain parameters of ../shared/docs/parameters.md, each over its range there (names as explore --param takes them).
TRAFFIC=(
  --param 'arrival_rate=loguniform(1,50)'                       # Traffic: 1-50 req/s
  --param 'burst_cv=loguniform(1,13)'                           # inter-arrival CV 1 (Poisson) - 13 (Azure's code trace)
  --param 'zkml_share=uniform(0.05,0.5)'                        # scenario choice (estimate)
  --param 'gateway_share=uniform(0,1)'                          # TEE two ways: in-house GPU TEE vs the TEE gateway
  --param 'data_share=uniform(0,1)'                             # Data nodes: 0-100% need external data
)
SHARING=(--param 'gpu_sharing=choice(fifo,inference_first,preemptive,processor)')   # not published: the model choices
PATHS=(
  --param 'paths.tee.inference_overhead=uniform(1,3)'           # TEE overhead 1.0-3.0x
  --param 'paths.zkcrv.challenge_probability=uniform(0,0.05)'   # ZK-CRV challenge 0-5%
  --param 'models.llama-3.1-8b-a100.proof_s=loguniform(600,10000)'   # challenged LLM proof 600-10,000 s
  # proof system = proving law + verify time + proof size + verify gas together; those whose fit holds 4M parameters
  --param 'models.risk-mlp.proof_system=choice(deepprove-gkr,ezkl-halo2-kzg,groth16-gnark)'
  --param 'paths.tee.attest_s=loguniform(0.001,0.1)'            # attestation generate: estimate 10 ms, range 1-100 ms
  --param 'paths.tee.verify_s=loguniform(0.001,0.1)'            # attestation verify: estimate 5 ms, range 1-100 ms
  --param 'models.llama-3.1-8b-a100.prefill_tokens_per_s=loguniform(5000,30000)'   # prefill: estimate ~10k tokens/s, 5k-30k
)
CHAIN=(
  --param 'verification.placement=choice(onchain,offchain)'     # on chain (documented) or an off-chain pool
  --param 'pools.verification.slots=int(1,4)'                   # 1 (EVM) - 4 off chain
  --param 'verifiers=int(4,100)'                                # validators 4-100
  --param 'block_interval_s=uniform(1,12)'                      # 1-12 s
  --param 'settlement.block_capacity=int(50,5000)'              # 50-5,000 items
  --param 'settlement.block_gas_limit=int(15000000,60000000)'   # 15M-60M gas
  --param 'settlement.consensus_base_s=uniform(0.1,2)'          # consensus latency: estimate 0.5 s (+ per validator)
  --param 'settlement.consensus_per_validator_s=uniform(0,0.03)'
  --param 'settlement.pipeline=int(1,4)'                        # one height at a time (1) or chained-HotStuff-style
  --param 'settlement.synchronous=choice(false,true)'           # asynchronous (answer first) or synchronous settlement
)
# The consensus model itself (parameters.md "consensus latency growth": linear, or a quorum model where each phase
# waits for the ceil(2n/3)-th fastest of n validators' messages), with the quorum model's parameters. parameters.md
# names 3 phases and no message delay: both ranges are estimates (2 = Tendermint's two voting rounds without the
# proposal, 4 = basic HotStuff's prepare, pre-commit, commit, decide; 10-300 ms = validators in one region to
# spread across continents, around the 100 ms default). Validators (4-100) are `verifiers` where it is sampled.
CONSENSUS=(
  --param 'consensus_model=choice(linear,quorum)'
  --param 'consensus_phases=int(2,4)'
  --param 'message_delay_s=loguniform(0.01,0.3)'
)
COSTS=(
  --param 'gpu_hour=loguniform(0.65,5)'                         # $1.3-2.5 per GPU-hour, x0.5-x2
  --param 'cpu_gpu_ratio=loguniform(0.01,0.77)'                 # $0.05-0.5 CPU / $0.65-5 GPU
  --param 'costs.gas_price_gwei=loguniform(0.01,50)'            # 0.01-50 gwei
)
# Today's dedicated-prover network written as overrides of haca.yaml (8 inference GPUs + 16 dedicated provers =
# the same 24 GPUs; dedicated-provers.yaml's pools), so the variant samples exactly the same space.
DEDICATED=(--set 'pools.inference={nodes: 8, slots: 8, tee_capable: 4, dispatcher: jsq}'
  --set 'pools.prover={nodes: 16, slots: 1, dispatcher: jsq}' --set roles.prover=prover)

mkdir -p "$OUT"
# ---------------------------------------------------------------------------------------------------
# H2, H4 (and the symptom, traffic, settlement mode): the documented network over the whole space.
if part haca; then
  # The TEE-capable share of the GPUs (parameters.md "TEE-capable share of GPU nodes": 50%, 0-100%, scenario choice) is
  # sampled here only (1-24 of the 24; the variants' pools differ).
  explore "$OUT/haca" $S/haca.yaml --method lhs --samples "$N" "${TRAFFIC[@]}" "${SHARING[@]}" "${PATHS[@]}" "${CHAIN[@]}" "${CONSENSUS[@]}" \
    --param 'pools.inference.tee_capable=int(1,24)' \
    "${COSTS[@]}" --lag-threshold 60 --phase arrival_rate,zkml_share
fi
# The same space on today's dedicated-prover network.
if part dedicated; then
  explore "$OUT/dedicated" $S/haca.yaml "${DEDICATED[@]}" --method lhs --samples "$NV" "${TRAFFIC[@]}" "${PATHS[@]}" "${CHAIN[@]}" "${CONSENSUS[@]}" \
    "${COSTS[@]}" --lag-threshold 60 --phase arrival_rate,zkml_share
fi
# ---------------------------------------------------------------------------------------------------
# H1: specialised (haca.yaml) vs merged (haca-merged.yaml) at equal hardware cost, paired sample by sample: same
# inputs, same seed, so the same design and common random numbers. The price ratio (continuous over parameters.md's
# prices, $0.05-0.5 CPU / $0.65-5 GPU) decides how many all-round GPUs the CPU nodes' budget buys: round(10 x ratio),
# haca-merged.yaml. Validators are the 8 full nodes (specialised) or the 24-32 all-round nodes (merged), so the
# consensus model is sampled too.
H1P=("${TRAFFIC[@]}" "${SHARING[@]}" "${PATHS[@]}" "${CONSENSUS[@]}"
  --param 'cpu_gpu_ratio=loguniform(0.01,0.77)'
  --param 'verification.placement=choice(onchain,offchain)'
  --param 'block_interval_s=uniform(1,12)'
  --param 'settlement.block_gas_limit=int(15000000,60000000)'
  --param 'settlement.synchronous=choice(false,true)')
if part h1; then
  explore "$OUT/h1/specialised" $S/haca.yaml --method lhs --samples "$NV" "${H1P[@]}"
  explore "$OUT/h1/merged" $S/haca-merged.yaml --method lhs --samples "$NV" "${H1P[@]}"
fi
# ---------------------------------------------------------------------------------------------------
# H3: clients choose by the `utility` policy (trust value - fee - delay cost x predicted time to trust, the
# prediction reading the inference, verification and settlement backlogs), with per-class trust floors.
H3P=("${TRAFFIC[@]}" "${PATHS[@]}" "${CONSENSUS[@]}"
  --param 'verification.placement=choice(onchain,offchain)' --param 'verifiers=int(4,100)'
  --param 'block_interval_s=uniform(1,12)' --param 'settlement.synchronous=choice(false,true)' "${COSTS[@]}"
  --param 'policy.value_zkml=loguniform(0.0001,0.1)' --param 'policy.value_tee=loguniform(0.0001,0.1)'
  --param 'policy.value_zkcrv=loguniform(0.0001,0.1)' --param 'policy.delay_cost_per_s=loguniform(0.000001,0.01)'
  --param 'traffic.classes.0.trust_floor=choice(vanilla,zkcrv,tee)'
  --param 'traffic.classes.2.trust_floor=choice(vanilla,tee,zkml)'
  --lag-threshold 60 --phase arrival_rate,zkml_share)
# The gateway class serves a provider model, which only the TEE path (its signature) can take: here it is served in
# house (the same TEE chat on the GPUs), so that every class has every path to choose from; the gateway pool becomes
# one idle CPU node with no role.
UTILITY=(--set traffic.classes.1.model=llama-3.1-8b-a100
  --set 'traffic.classes.1.prompt_tokens={dist: lognormal, mean: 1155, cv: 0.8}'
  --set 'roles={inference: inference, verification: verification, data: data}' --set 'pools.gateway={nodes: 1, slots: 1}'
  --set 'policy={name: utility, value_zkml: 0.01, value_tee: 0.005, value_zkcrv: 0.002, value_vanilla: 0, delay_cost_per_s: 0.0001}')
if part h3; then
  explore "$OUT/h3" $S/haca.yaml "${UTILITY[@]}" "${SHARING[@]}" --method lhs --samples "$NV" "${H3P[@]}"
  # H3 has the widest interval of the four (results/README.md): the same inputs on Saltelli's design (a scrambled Sobol
  # sequence, NS x (k + 2) runs, one replication each: more points rather than replications), for first-order and
  # total Sobol indices of the Vanilla share and the verification pool's utilisation beside h3/'s SRRCs.
  EXPLORE_R=1 explore "$OUT/h3-sobol" $S/haca.yaml "${UTILITY[@]}" "${SHARING[@]}" --method sobol --samples "$NS" "${H3P[@]}"
  # The same on today's dedicated-prover network, where a prover backlog can make ZKML slow for a client to wait for.
  explore "$OUT/h3-dedicated" $S/haca.yaml "${UTILITY[@]}" "${DEDICATED[@]}" --set 'roles={inference: inference, prover: prover, verification: verification, data: data}' \
    --method lhs --samples "$NV" "${H3P[@]}"
fi
# ---------------------------------------------------------------------------------------------------
# H4 with consensus heights, gas and batching: haca-batched.yaml (settlements under one Merkle root, batchSettle),
# whose batch size (1-1,000 per transaction, log-uniform), gas per ZKML proof (Groth16 ~250k to a Honk verifier
# ~2.8M), block gas limit and block capacity are sampled together with the consensus model and its heights. The
# scenario's expressions keep a batch within a block's items and gas limit. Verification on chain (the batch's gas
# carries the proofs' verify gas); the off-chain placement is in the main explore.
H4P=(
  --param 'batch_items=loguniform(1,1000)'                      # settlement batching: 1-1,000 per transaction
  --param 'proof_gas=loguniform(210000,2800000)'                # gas per proof: Groth16 ~210-250k, a Honk verifier ~2.8M
  --param 'gas_limit=int(15000000,60000000)'                    # block gas limit 15M-60M
  --param 'block_capacity=int(50,5000)'                         # 50-5,000 items
  --param 'settlement.batch.max_wait_s=uniform(0.1,10)'         # estimate: a batch waits 0.1-10 s for more items
  --param 'verifiers=int(4,100)'                                # validators 4-100
  --param 'block_interval_s=uniform(1,12)'                      # 1-12 s
  --param 'settlement.consensus_base_s=uniform(0.1,2)'          # linear consensus latency, as CHAIN
  --param 'settlement.consensus_per_validator_s=uniform(0,0.03)'
  --param 'settlement.pipeline=int(1,4)'                        # consensus heights in flight
)
if part h4; then
  explore "$OUT/h4-batching" $S/haca-batched.yaml --method lhs --samples "$NV" "${TRAFFIC[@]}" "${PATHS[@]}" "${CONSENSUS[@]}" \
    "${H4P[@]}" --lag-threshold 60 --phase arrival_rate,verifiers
fi
# ---------------------------------------------------------------------------------------------------
# Correlated bursts: an on/off process (Poisson at twice the mean rate while on, silent while off, on half the time)
# at the same mean rate, whose inter-arrival CV is burst_cv: for this interrupted Poisson process the squared CV is
# 1 + 2 x rate x mean_on_s x (1 - f)^2 / f with f = 1/2 on, so mean_on_s = mean_off_s = (CV^2 - 1) / rate (30 s at
# 5.5 req/s and CV 13: bursts over tens of seconds to minutes, as in the issue's trial; parameters.md "burstiness for
# the study": an on/off or MMPP process with inter-arrival CV ~13 at the same mean). CV 2-13 (13: Azure's code trace).
# (The base scenario is set at CV 13, so that it is valid before any sample: at CV 1 the on-periods would be 0 s.)
ONOFF='traffic.arrival={process: onoff, on_rate: "${2 * arrival_rate}", mean_on_s: "${(burst_cv * burst_cv - 1) / arrival_rate}", mean_off_s: "${(burst_cv * burst_cv - 1) / arrival_rate}"}'
if part bursty; then
  explore "$OUT/bursty" $S/haca.yaml --set burst_cv=13 --set "$ONOFF" --method lhs --samples "$NV" \
    --param 'arrival_rate=loguniform(1,50)' --param 'burst_cv=loguniform(2,13)' --param 'zkml_share=uniform(0.05,0.5)' \
    --param 'gateway_share=uniform(0,1)' --param 'data_share=uniform(0,1)' "${SHARING[@]}" "${PATHS[@]}" "${CHAIN[@]}" \
    "${CONSENSUS[@]}" --lag-threshold 60 --phase arrival_rate,burst_cv
fi
# ---------------------------------------------------------------------------------------------------
# Recorded traffic: the Azure conversation trace replayed 0.5-8x as fast (its own bursts and token counts).
if part trace; then
  explore "$OUT/trace" $S/haca.yaml \
    --set 'traffic.arrival={process: trace, file: Scenarios/traces/azure-llm-2023-conv.csv, time_scale: 1, loop: true}' \
    --method lhs --samples "$NV" --param 'traffic.arrival.time_scale=loguniform(0.5,8)' \
    --param 'zkml_share=uniform(0.05,0.5)' --param 'gateway_share=uniform(0,1)' "${SHARING[@]}" "${PATHS[@]}" \
    --param 'verification.placement=choice(onchain,offchain)' --param 'verifiers=int(4,100)' --param 'block_interval_s=uniform(1,12)' \
    "${CONSENSUS[@]}" --lag-threshold 60 --phase traffic.arrival.time_scale,zkml_share
fi
[ "$SLURM" = 1 ] && slurm_wait
# ---------------------------------------------------------------------------------------------------
# Faults, with recovery times (summary.json faults.outages[].recovery_s: from the end of the outage until the proof
# backlog is back at its level before it): the shipped fault scenarios (today's dedicated-prover network) and the
# same faults on the documented network (verifier churn with an off-chain verification pool, which the churn
# takes down; on chain the validators' execution has no pool to fail).
TEE_OUTAGE='faults={on_interrupt: fallback, fallback: {tee: vanilla}, max_retries: 3, retry_backoff_s: 1, outages: [{tee_vendor: true, start_s: 3600, duration_s: 3600}]}'
CHURN='faults={on_interrupt: retry, max_retries: 5, retry_backoff_s: 0.5, node_failures: {verification: {mtbf_s: {dist: exponential, mean: 1200}, mttr_s: {dist: exponential, mean: 600}}}, outages: [{pool: verification, nodes: 3, start_s: 3600, duration_s: 1800}]}'
if part faults; then
  FR=(--replications "$((R * 2 + 1))" --seed 1 --quiet --threads 2)
  [ "$SCALE" = smoke ] && FR+=(--duration 5400)
  fault() { local out=$1; shift; rm -rf "$out"; hacasim run "$@" "${FR[@]}" --out "$out" >/dev/null
    find "$out" \( -name '*.svg' -o -name '*.parquet' -o -name 'report.*' -o -name 'timeseries.csv' -o -name 'proof_lag.csv' \
      -o -name 'scenario.resolved.yaml' -o -name 'requests.csv' \) -delete; }
  mkdir -p "$OUT/faults"
  fault "$OUT/faults/dedicated-tee-outage" Scenarios/faults/tee-outage.yaml
  fault "$OUT/faults/dedicated-verifier-churn" Scenarios/faults/verifier-churn.yaml
  fault "$OUT/faults/haca-tee-outage" $S/haca.yaml --set run.duration_s=10800 --set "$TEE_OUTAGE"
  # The same outage with clients that give up after 120 s without an answer (the chat classes' deadline_s): the
  # outage downs every TEE-capable node, the TEE gateway's enclave and the TEE data nodes included, so gateway
  # requests (and requests that need data) cannot be served until it ends. Without a timeout they are held for up to
  # an hour and flood the gateway's 2,048-place queue at recovery (`rejected_gateway` above); with one they fail
  # during the outage (reason `timeout`). results/README.md, "Faults", has the analysis.
  fault "$OUT/faults/haca-tee-outage-timeout" $S/haca.yaml --set run.duration_s=10800 --set traffic.classes.0.timeout_s=120 \
    --set traffic.classes.1.timeout_s=120 --set "$TEE_OUTAGE"
  fault "$OUT/faults/haca-verifier-churn" $S/haca.yaml --set run.duration_s=7200 --set verification.placement=offchain --set "$CHURN"
fi
# ---------------------------------------------------------------------------------------------------
# Tables: each hypothesis judged per sample (results/study.awk has the definitions), its probability over the samples
# with a Wilson interval (verdicts.csv), what decides it (sensitivity.csv: P(holds) in the lower vs upper half of each
# input, or per value of a choice, with Newcombe's interval for the difference), and where it flips (tables/: P(holds)
# over the terciles of the two most deciding inputs, and per fifth of the most deciding one).
st() { awk -f results/study.awk "$@"; }
mkdir -p "$OUT/hypotheses" "$OUT/tables"
V="$OUT/verdicts.csv"; D="$OUT/sensitivity.csv"
echo "hypothesis,network,holds,samples,probability,wilson95_lower,wilson95_upper,definition" > "$V"
echo "hypothesis,network,input,split,low,p_low,n_low,high,p_high,n_high,difference,newcombe95_lower,newcombe95_upper" > "$D"
# hypothesis | network | explore dir(s) | definition (verdicts.csv)
JUDGE=(
  "H1|haca|h1/specialised h1/merged|specialised network (haca.yaml) has the shorter mean time to trust and at most 5% longer mean result latency than all-round GPUs at equal cost"
  "H1m|haca|h1/specialised h1/merged|same, by a material margin: mean time to trust at least 5% shorter"
  "H2|haca|haca|verification (off-chain pool or on-chain execution in blocks) breaks first: explore bottleneck is verification or chain"
  "H2|dedicated|dedicated|same, dedicated-prover network"
  "H2|haca-batched|h4-batching|same, with batched settlement"
  "H2|haca-trace|trace|same, Azure conversation trace replayed 0.5-8x"
  "H2|haca-onoff|bursty|same, on/off bursts at the same mean rate (inter-arrival CV 2-13)"
  "H2s|haca|haca|the seed's symptom: answers keep up (inference stable) while ZKML proof lag p95 exceeds 60 s"
  "H2s|dedicated|dedicated|same, dedicated-prover network"
  "H2s|haca-trace|trace|same, Azure conversation trace"
  "H2s|haca-onoff|bursty|same, on/off bursts (inter-arrival CV 2-13)"
  "H3|haca-utility|h3|utility policy: Vanilla takes at least half the requests while the verification pool's utilisation stays below 0.1"
  "H3|dedicated-utility|h3-dedicated|same, dedicated-prover network"
  "H3|haca|haca|same, static mix (40% of chat on Vanilla)"
  "H3l|haca-utility|h3|utility policy: at least 10% of requests leave the path they would take on an idle network (downgrade share >= 0.1)"
  "H3l|dedicated-utility|h3-dedicated|same, dedicated-prover network"
  "H4|haca|haca|the consensus-gated, gas-limited chain is the bottleneck"
  "H4|dedicated|dedicated|same, dedicated-prover network"
  "H4|haca-batched|h4-batching|same, with batched settlement (1-1,000 items per transaction, gas per proof and gas limit sampled)"
  "H4|haca-trace|trace|same, Azure conversation trace"
  "H4|haca-onoff|bursty|same, on/off bursts (inter-arrival CV 2-13)"
)
for row in "${JUDGE[@]}"; do
  IFS='|' read -r h net dirs what <<< "$row"
  files=(); for d in $dirs; do files+=("$OUT/$d/explore.csv"); done
  [ -f "${files[0]}" ] || continue
  hc="$OUT/hypotheses/$h-$net.csv"
  st -v mode=holds -v h="$h" "${files[@]}" > "$hc"
  st -v mode=verdict -v h="$h" -v net="$net" -v what="$what" "$hc" >> "$V"
  st -v mode=deciding -v h="$h" -v net="$net" "$hc" > "$hc.deciding"
  cat "$hc.deciding" >> "$D"
  # The two inputs whose halves (or values) differ most in P(holds): the phase table's axes.
  top=$(awk -F, '{ d = $11 < 0 ? -$11 : $11; print d "," $3 }' "$hc.deciding" | sort -t, -k1,1gr -k2,2 | head -2 | cut -d, -f2)
  a=$(echo "$top" | sed -n 1p); b=$(echo "$top" | sed -n 2p)
  # ... and the most deciding number, whose fifths show where P(holds) crosses over.
  n1=$(awk -F, '$4 == "halves" { d = $11 < 0 ? -$11 : $11; print d "," $3 }' "$hc.deciding" | sort -t, -k1,1gr -k2,2 | head -1 | cut -d, -f2)
  { echo "P($h holds), network $net, over the terciles (or values) of its two most deciding inputs (cells: probability (holding/samples)):"
    echo; st -v mode=grid -v h="$h" -v a="$a" -v b="$b" "$hc"
    echo; echo "Per fifth of the samples ordered by $n1, its most deciding number:"; echo; st -v mode=bins -v h="$h" -v a="$n1" "$hc"
  } > "$OUT/tables/flip-$h-$net.md"
  rm -f "$hc.deciding"
done
# Faults: recovery per outage (mean ± 95% CI across replications), from the summary.json files.
if [ -d "$OUT/faults" ]; then
  {
    echo "| run | outage | proof backlog before | peak | replications recovered | recovery (s) | fallbacks | requests failed |"
    echo "|---|---|---|---|---|---|---|---|"
    for f in "$OUT"/faults/*/summary.json; do
      awk -v run="$(basename "$(dirname "$f")")" '
        function val(l) { sub(/^[^:]*: /, "", l); sub(/,$/, "", l); return l }
        function g(x) { return x == "null" ? "-" : sprintf("%.4g", x) }
        /^    "outages": \[/ { inout = 1; next }
        inout && /^    \]/ { inout = 0 }
        inout && /"target":/ { t = val($0); gsub(/"/, "", t) }
        inout && /"proof_backlog_before"/ { k = "before" } inout && /"proof_backlog_peak"/ { k = "peak" } inout && /"recovery_s"/ { k = "rec" }
        inout && /"mean":/ { m[k] = val($0) } inout && /"ci95":/ { c[k] = val($0) }
        inout && /"recovered_replications":/ { r = val($0) }
        inout && /^      \}/ { rows[++n] = "| " run " | " t " | " g(m["before"]) " ± " g(c["before"]) " | " g(m["peak"]) " ± " g(c["peak"]) " | " r " | " g(m["rec"]) " ± " g(c["rec"]) " | FB | FAILED |" }
        /^    "fallbacks": \{$/ { infb = 1; fb = ""; next } infb && /: [0-9]/ { x = $0; gsub(/[ ",]/, "", x); sub(/[\\]u003E/, ">", x); fb = fb x " " } infb && /\}/ { infb = 0 }
        /^    "failed": / && failed == "" { failed = val($0) }
        END { for (i = 1; i <= n; i++) { s = rows[i]; sub(/FB/, fb == "" ? "-" : fb, s); sub(/FAILED/, failed, s); print s } }' "$f"
    done
  } > "$OUT/tables/faults.md"
fi
echo "reproduce.sh: done ($SCALE)"
