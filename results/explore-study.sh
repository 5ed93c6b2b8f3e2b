#!/usr/bin/env bash
# FIRST VERSION (issue 20) of the redone study: `hacasim explore` over the ranges of ../shared/docs/parameters.md.
# Not yet run at full scale and not yet written up: results/README.md still describes the study of commit
# 6b14f82 (results/reproduce.sh). `SCALE=smoke bash results/explore-study.sh` checks every command line in a
# minute; the full scale is sized for ~20 minutes on 2 cores but has not been timed.
#
#   bash results/explore-study.sh            # full scale, into results/explore/
#   SCALE=smoke bash results/explore-study.sh
set -euo pipefail
cd "$(dirname "$0")/.."
SCALE="${SCALE:-full}"
case "$SCALE" in
  smoke) LHS=4;  SOBOL=2;  REPS=1; DUR=120;  WARM=20 ;;
  full)  LHS=96; SOBOL=16; REPS=2; DUR=1800; WARM=300 ;;
  *) echo "SCALE must be smoke or full" >&2; exit 2 ;;
esac
OUT="${OUT:-results/explore}"
BIN="$(mktemp -d /tmp/hacasim-study.XXXXXX)"
trap 'rm -rf "$BIN"' EXIT
dotnet build Simulator -c Release -o "$BIN" -nologo -v q >/dev/null
H=(dotnet "$BIN/hacasim.dll")
mkdir -p "$OUT"
RUN=(--replications "$REPS" --duration "$DUR" --warmup "$WARM" --seed 1 --force --quiet)

# The uncertain parameters of parameters.md with their ranges (scenario names as sweep --param takes them).
# Proof systems: those whose fit range holds risk-mlp's 4M parameters (deepprove-gkr, ezkl-halo2-kzg, groth16-gnark).
COMMON=(
  --param 'arrival_rate=loguniform(1,50)'                        # Traffic: 1-50 req/s
  --param 'zkml_share=uniform(0.05,0.5)'                         # estimate (the ZKML share is a scenario choice)
  --param 'traffic.classes.0.needs_data=uniform(0,1)'            # Data nodes: 0-100%
  --param 'traffic.classes.1.needs_data=uniform(0,1)'
  --param 'paths.tee.inference_overhead=uniform(1,3)'            # TEE overhead 1.0-3.0x
  --param 'paths.zkcrv.challenge_probability=uniform(0,0.05)'    # ZK-CRV 0-5%
  --param 'models.risk-mlp.proof_system=choice(deepprove-gkr,ezkl-halo2-kzg,groth16-gnark)'
  --param 'pools.verification.slots=int(1,4)'                    # 1 on chain, up to 4 off chain
  --param 'verifiers=int(4,100)'                                 # validators 4-100
  --param 'block_interval_s=uniform(1,12)'                       # 1-12 s
  --param 'settlement.block_capacity=int(50,5000)'               # 50-5,000 items per block
)

# H1-H4 over the whole space, HACA as documented (proofs on the inference GPUs; the sharing mode decides H1).
"${H[@]}" explore Scenarios/baseline.yaml --method lhs --samples "$LHS" "${COMMON[@]}" \
  --param 'pools.inference.sharing=choice(fifo,inference_first,preemptive,processor)' \
  --lag-threshold 60 --phase arrival_rate,verifiers "${RUN[@]}" --out "$OUT/haca-lhs"
# The same space on today's dedicated-prover network (the variant).
"${H[@]}" explore Scenarios/dedicated-provers.yaml --method lhs --samples "$LHS" \
  --param 'arrival_rate=loguniform(1,50)' --param 'verifiers=int(4,100)' --param 'block_interval_s=uniform(1,12)' \
  --param 'pools.verification.slots=int(1,4)' --param 'paths.zkcrv.challenge_probability=uniform(0,0.05)' \
  --lag-threshold 60 --phase arrival_rate,verifiers "${RUN[@]}" --out "$OUT/dedicated-lhs"
# H2: Sobol indices of the verification backlog over the parameters that could make verification the bottleneck.
"${H[@]}" explore Scenarios/baseline.yaml --method sobol --samples "$SOBOL" \
  --param 'arrival_rate=loguniform(1,50)' --param 'zkml_share=uniform(0.05,0.5)' \
  --param 'pools.verification.slots=int(1,4)' --param 'verifiers=int(4,100)' \
  --param 'models.risk-mlp.proof_system=choice(deepprove-gkr,ezkl-halo2-kzg,groth16-gnark)' \
  --lag-threshold 60 --phase arrival_rate,verifiers "${RUN[@]}" --out "$OUT/h2-sobol"
echo "study ($SCALE) written to $OUT"
