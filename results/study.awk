# The hypotheses of results/README.md, judged per sample of `hacasim explore` and summarised over the samples.
# POSIX awk only (mawk on the study machine; no python or jq). Called by results/reproduce.sh as
#   awk -v mode=holds -v h=H -v net=NET -f results/study.awk explore.csv [explore.csv of the paired run]
#       one row per sample: sample, the inputs, then holds (1/0) for hypothesis H (definitions below)
#   awk -v mode=verdict -v h=H -v net=NET -v what=TEXT -f results/study.awk holds.csv
#       one verdicts.csv row: hypothesis, network, probability over the samples and its 95% Wilson interval
#   awk -v mode=deciding -v h=H -v net=NET -f results/study.awk holds.csv
#       sensitivity.csv rows: per input, P(holds) in the lower and upper half of its samples (numbers) or per
#       value (choices), and the difference with Newcombe's 95% interval (hybrid score, from the two Wilson intervals)
#   awk -v mode=grid -v h=H -v a=INPUT -v b=INPUT -f results/study.awk holds.csv
#       a markdown table: P(holds) per cell of A's and B's terciles (choices: per value): where the verdict flips
#   awk -v mode=bins -v h=H -v a=INPUT -f results/study.awk holds.csv
#       a markdown table: P(holds) per fifth of the samples ordered by A
#
# Definitions (per sample; every column is explore.csv's):
#   H1  specialised beats merged at equal cost: in the paired sample (same inputs, common random numbers) the
#       specialised network's mean time to trust is shorter and its mean result latency at most 5% longer.
#       File 1 is the specialised run, file 2 the merged one.
#   H1m the same by a material margin: mean time to trust at least 5% shorter (and result latency at most 5% longer).
#   H2  verification becomes the bottleneck: the resource that breaks first as load grows (explore's `bottleneck`,
#       the largest rho) is the verification pool or the chain (on-chain verification executes in blocks).
#   H2s the seed's symptom: answers keep up (verdict_inference stable) while ZKML proof lag's p95 exceeds 60 s.
#   H3  drift to Vanilla with idle verifiers: Vanilla takes most requests (vanilla_path_share >= 0.5) while the
#       verification pool is idle (verification_utilization below 0.1; on chain the pool does no work by construction:
#       the validators verify inside block execution, which no utilisation measures).
#   H3l the load-driven part of the drift: downgrade_share >= 0.1 (clients leaving the path they would take on an idle
#       network, because of the backlog).
#   H4  verification capped by consensus: the chain (consensus-gated, gas-limited blocks) is the bottleneck.

function wilson(k, n, side,   p, z, d, c, h) {
  if (n == 0) return side < 0 ? 0 : 1
  z = 1.959963984540054; p = k / n; d = 1 + z * z / n; c = (p + z * z / (2 * n)) / d
  h = z * sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / d
  return side < 0 ? (c - h < 0 ? 0 : c - h) : (c + h > 1 ? 1 : c + h)
}
function num(x) { return x != "" && x != "NaN" && x ~ /^-?[0-9.]+([eE][-+]?[0-9]+)?$/ }
function f4(x) { return sprintf("%.4g", x) }
function sortidx(n, key, idx,   i, j, t) {   # idx[1..n] ordered by key[idx] (insertion sort; n is a few hundred)
  for (i = 1; i <= n; i++) idx[i] = i
  for (i = 2; i <= n; i++) { t = idx[i]; j = i - 1; while (j >= 1 && key[idx[j]] + 0 > key[t] + 0) { idx[j + 1] = idx[j]; j-- } idx[j + 1] = t }
}

BEGIN { FS = ","; OFS = "," }

# ---- holds: explore.csv -> sample,inputs...,holds -------------------------------------------------------------
mode == "holds" && FNR == 1 {
  file++
  for (i = 1; i <= NF; i++) c[file, $i] = i
  if (file == 1) {
    line = "sample"; ni = 0
    for (i = 3; i <= NF && $i != "all_result_latency_s_mean"; i++) { ni++; inp[ni] = i; line = line "," $i }
    print line ",holds"
  }
  next
}
mode == "holds" && file == 1 { row[FNR] = $0; rows = FNR; next }
mode == "holds" && file == 2 { row2[FNR] = $0; next }

# ---- the summaries read holds.csv --------------------------------------------------------------------------
mode != "holds" && NR == 1 { for (i = 1; i <= NF; i++) { col[$i] = i; name[i] = $i } ni = NF - 2; next }
mode != "holds" { n++; for (i = 1; i <= NF; i++) v[n, i] = $i; y[n] = $NF; k += $NF; next }

function get(r, key, f,   fl) { split(r, fl, ","); return fl[c[f, key]] }
function holds(r, r2,   b, q, t1, t2, l1, l2) {
  if (h == "H1") {
    t1 = get(r, "all_time_to_trust_s_mean", 1); t2 = get(r2, "all_time_to_trust_s_mean", 2)
    l1 = get(r, "all_result_latency_s_mean", 1); l2 = get(r2, "all_result_latency_s_mean", 2)
    if (!num(t1) || !num(t2) || !num(l1) || !num(l2)) return ""
    return (t1 + 0 < t2 + 0 && l1 + 0 <= 1.05 * l2) ? 1 : 0
  }
  if (h == "H1m") {
    t1 = get(r, "all_time_to_trust_s_mean", 1); t2 = get(r2, "all_time_to_trust_s_mean", 2)
    l1 = get(r, "all_result_latency_s_mean", 1); l2 = get(r2, "all_result_latency_s_mean", 2)
    if (!num(t1) || !num(t2) || !num(l1) || !num(l2)) return ""
    return (t1 + 0 < 0.95 * t2 && l1 + 0 <= 1.05 * l2) ? 1 : 0
  }
  b = get(r, "bottleneck", 1)
  if (h == "H2") return (b == "verification" || b == "chain") ? 1 : 0
  if (h == "H4") return b == "chain" ? 1 : 0
  if (h == "H2s") { q = get(r, "zkml_proof_lag_s_p95", 1); return (get(r, "verdict_inference", 1) == "stable" && num(q) && q + 0 > 60) ? 1 : 0 }
  if (h == "H3") {
    q = get(r, "vanilla_path_share", 1); t1 = get(r, "verification_utilization", 1)
    if (!num(q)) q = 0; if (!num(t1)) t1 = 0
    return (q + 0 >= 0.5 && t1 + 0 < 0.1) ? 1 : 0
  }
  if (h == "H3l") { q = get(r, "downgrade_share", 1); return (num(q) && q + 0 >= 0.1) ? 1 : 0 }
  print "study.awk: unknown hypothesis " h > "/dev/stderr"; exit 2
}

END {
  if (mode == "holds") {
    for (r = 2; r <= rows; r++) {
      x = holds(row[r], row2[r]); if (x == "") continue
      split(row[r], fl, ","); line = fl[1]
      for (i = 1; i <= ni; i++) line = line "," fl[inp[i]]
      print line "," x
    }
    exit
  }
  if (mode == "verdict") {
    print h, net, k, n, f4(n ? k / n : 0), f4(wilson(k, n, -1)), f4(wilson(k, n, 1)), "\"" what "\""
    exit
  }
  if (mode == "deciding") {
    for (i = 2; i <= ni + 1; i++) {
      numeric = 1
      for (r = 1; r <= n; r++) if (!num(v[r, i])) numeric = 0
      if (numeric) {
        for (r = 1; r <= n; r++) key[r] = v[r, i]
        sortidx(n, key, idx); half = int(n / 2)
        k1 = 0; k2 = 0
        for (r = 1; r <= half; r++) k1 += y[idx[r]]
        for (r = half + 1; r <= n; r++) k2 += y[idx[r]]
        n1 = half; n2 = n - half; lo = "lower half (<= " f4(v[idx[half], i]) ")"; hi = "upper half"
      } else {
        # Choices: the values with the lowest and the highest probability.
        delete kk; delete nn; nv = 0
        for (r = 1; r <= n; r++) { if (!((v[r, i]) in nn)) { nv++; val[nv] = v[r, i] } nn[v[r, i]]++; kk[v[r, i]] += y[r] }
        lo = val[1]; hi = val[1]
        for (j = 1; j <= nv; j++) { p = kk[val[j]] / nn[val[j]]; if (p < kk[lo] / nn[lo]) lo = val[j]; if (p > kk[hi] / nn[hi]) hi = val[j] }
        k1 = kk[lo]; n1 = nn[lo]; k2 = kk[hi]; n2 = nn[hi]
      }
      p1 = n1 ? k1 / n1 : 0; p2 = n2 ? k2 / n2 : 0; d = p2 - p1
      l1 = wilson(k1, n1, -1); u1 = wilson(k1, n1, 1); l2 = wilson(k2, n2, -1); u2 = wilson(k2, n2, 1)
      dl = d - sqrt((p2 - l2) ^ 2 + (u1 - p1) ^ 2); du = d + sqrt((u2 - p2) ^ 2 + (p1 - l1) ^ 2)
      print h, net, name[i], numeric ? "halves" : "values", "\"" lo "\"", f4(p1), n1, "\"" hi "\"", f4(p2), n2, f4(d), f4(dl), f4(du)
    }
    exit
  }
  if (mode == "grid" || mode == "bins") {
    ia = col[a]; ib = col[b]
    if (mode == "bins") {
      for (r = 1; r <= n; r++) key[r] = v[r, ia]
      sortidx(n, key, idx)
      print "| " a " from | to | samples | P(" h " holds) | 95% Wilson |"; print "|---|---|---|---|---|"
      for (q = 0; q < 5; q++) {
        s = int(q * n / 5) + 1; e = int((q + 1) * n / 5); kq = 0
        for (r = s; r <= e; r++) kq += y[idx[r]]
        print "| " f4(v[idx[s], ia]) " | " f4(v[idx[e], ia]) " | " e - s + 1 " | " f4(kq / (e - s + 1)) " | [" f4(wilson(kq, e - s + 1, -1)) ", " f4(wilson(kq, e - s + 1, 1)) "] |"
      }
      exit
    }
    # Each axis: terciles of a number, or its values for a choice.
    for (ax = 1; ax <= 2; ax++) {
      ic = ax == 1 ? ia : ib; numeric = 1
      for (r = 1; r <= n; r++) if (!num(v[r, ic])) numeric = 0
      if (numeric) {
        for (r = 1; r <= n; r++) key[r] = v[r, ic]
        sortidx(n, key, idx); nl[ax] = 3
        for (q = 0; q < 3; q++) {
          s = int(q * n / 3) + 1; e = int((q + 1) * n / 3)
          lab[ax, q + 1] = f4(v[idx[s], ic]) "-" f4(v[idx[e], ic])
          for (r = s; r <= e; r++) cell[ax, idx[r]] = q + 1
        }
      } else {
        nl[ax] = 0; delete seen
        for (r = 1; r <= n; r++) { if (!(v[r, ic] in seen)) { seen[v[r, ic]] = ++nl[ax]; lab[ax, nl[ax]] = v[r, ic] } cell[ax, r] = seen[v[r, ic]] }
      }
    }
    for (r = 1; r <= n; r++) { gn[cell[1, r], cell[2, r]]++; gk[cell[1, r], cell[2, r]] += y[r] }
    line = "| " a " \\ " b " |"; sep = "|---|"
    for (j = 1; j <= nl[2]; j++) { line = line " " lab[2, j] " |"; sep = sep "---|" }
    print line; print sep
    for (i = 1; i <= nl[1]; i++) {
      line = "| " lab[1, i] " |"
      for (j = 1; j <= nl[2]; j++) line = line " " (gn[i, j] ? f4(gk[i, j] / gn[i, j]) " (" gk[i, j] "/" gn[i, j] ")" : "-") " |"
      print line
    }
  }
}
