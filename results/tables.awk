# Markdown tables from HACA-sim's comparison.csv and sweep.csv, for results/README.md.
# POSIX awk only (no python or jq on CI). Called by results/reproduce.sh as
#   awk -v mode=MODE [-v ...] -f results/tables.awk FILE
# Modes:
#   compare  metrics="m1 m2 ..."            per metric and variant: mean ± ci95, paired diff ± ci95
#   sweep    cols="c1 c2 ..." (params, shown as is) metrics="m1 ..." (shown as mean ± ci95)
#            [where="col=value"]            keep only rows where that column has that value
#   knee     np=N (number of --param columns; the first is scanned upwards)
#            per combination of the other params: the knee (last value with every proof backlog
#            stable), the first value where one is not, and which pools are unstable there
#   timeshare bin=SECONDS path=P            from a proof_lag.csv: share of requests settled on path P
#            per time bin (replication 0)
#   summary  metrics="paths.zkml.result_latency_s pools.prover.utilization ..." FILE1 FILE2 ...
#            from summary.json files (one column each): mean ± ci95 of each statistic
# Numbers keep three significant digits (more for large values); the CSVs hold the full precision.

function abs(x) { return x < 0 ? -x : x }
function fmt(x,   a) {
  if (x == "") return "-"
  a = abs(x + 0)
  if (a == 0) return "0"
  if (a >= 100) return sprintf("%.0f", x)
  if (a >= 10) return sprintf("%.1f", x)
  if (a >= 1) return sprintf("%.2f", x)
  if (a >= 0.1) return sprintf("%.3f", x)
  if (a >= 0.01) return sprintf("%.4f", x)
  return sprintf("%.2g", x)
}
function pm(m, c) { if (m == "") return "-"; return fmt(m) " ± " fmt(c) }

BEGIN { FS = ","; OFS = "" }

mode == "summary" {
  if (FNR == 1) { nf++; file[nf] = FILENAME; depth = 0 }
  line = $0; gsub(/^[ \t]+|[ \t,]+$/, "", line)
  if (line ~ /^"[^"]+": \{$/) { k = line; sub(/^"/, "", k); sub(/": \{$/, "", k); stack[++depth] = k; next }
  if (line ~ /^\}$/) { depth--; next }
  if (line ~ /^"(mean|ci95)": /) {
    k = stack[1]; for (i = 2; i <= depth; i++) k = k "." stack[i]
    v = line; sub(/^"[a-z0-9]+": /, "", v); st = (line ~ /^"mean"/) ? "mean" : "ci95"
    if (v != "null") val[nf, k, st] = v
  }
  next
}

NR == 1 {
  for (i = 1; i <= NF; i++) { col[$i] = i; hname[i] = $i }
  if (mode == "compare") {
    print "| metric | variant | mean ± 95% CI | paired difference to the first variant ± 95% CI |"
    print "|---|---|---|---|"
    n = split(metrics, want, " ")
    for (i = 1; i <= n; i++) wanted[want[i]] = 1
  } else if (mode == "sweep") {
    nc = split(cols, c, " "); nm = split(metrics, m, " ")
    if (where != "") { split(where, w, "="); wcol = col[w[1]]; wval = w[2] }
    h = "|"; s = "|"
    for (i = 1; i <= nc; i++) { h = h " " c[i] " |"; s = s "---|" }
    for (i = 1; i <= nm; i++) { h = h " " m[i] " |"; s = s "---|" }
    print h; print s
  } else if (mode == "knee") {
    hdr = "|"
    for (i = 3; i <= np + 1; i++) hdr = hdr " " $i " |"
    print hdr " knee: " $2 " (last stable) | first unstable " $2 " | unstable there |"
    s = "|"; for (i = 3; i <= np + 1; i++) s = s "---|"; print s "---|---|---|"
    for (i = 1; i <= NF; i++) if ($i ~ /^stable_/) pools[++npools] = i
  }
  next
}

mode == "compare" {
  if (!($1 in wanted) || $3 == 0) next
  print "| ", $1, " | ", $2, " | ", pm($4, $5), " | ", ($6 == "" ? "-" : pm($6, $7)), " |"
}

mode == "sweep" {
  if (where != "" && $wcol != wval) next
  line = "|"
  for (i = 1; i <= nc; i++) line = line " " $(col[c[i]]) " |"
  for (i = 1; i <= nm; i++) {
    v = m[i]
    if ((v "_mean") in col) line = line " " pm($(col[v "_mean"]), $(col[v "_ci95"])) " |"
    else line = line " " $(col[v]) " |"
  }
  print line
}

mode == "knee" {
  key = ""
  for (i = 3; i <= np + 1; i++) key = key " | " $i
  if (!(key in seen)) { seen[key] = 1; order[++nk] = key; knee[key] = "below the range" }
  if (key in broken) next
  if ($(col["proof_backlogs_stable"]) == "true") { knee[key] = $2; next }
  broken[key] = $2
  u = ""
  for (i = 1; i <= npools; i++) if ($(pools[i]) == "false") u = u (u == "" ? "" : ", ") substr(hname[pools[i]], 8)
  unstable[key] = u
}

mode == "timeshare" {
  if ($(col["replication"]) != 0) next
  b = int(($(col["time_s"]) - 1e-9) / bin)
  tot[b] += $(col["settled"]); if ($(col["path"]) == path) on[b] += $(col["settled"])
  if (b > maxb) maxb = b
}

END {
  if (mode == "summary") {
    n = split(metrics, m, " ")
    h = "| statistic |"; sep = "|---|"
    for (j = 1; j <= nf; j++) { h = h " " file[j] " |"; sep = sep "---|" }
    print h; print sep
    for (i = 1; i <= n; i++) {
      line = "| " m[i] " |"
      for (j = 1; j <= nf; j++) line = line " " (((j, m[i], "mean") in val) ? pm(val[j, m[i], "mean"], val[j, m[i], "ci95"]) : "-") " |"
      print line
    }
  }
  if (mode == "knee") {
    for (k = 1; k <= nk; k++) {
      key = order[k]
      line = (key == "" ? "|" : "| " substr(key, 4) " |")
      print line, " ", knee[key], " | ", (key in broken ? broken[key] : "none in range"), " | ", (key in unstable ? unstable[key] : "-"), " |"
    }
  }
  if (mode == "timeshare") {
    print "| settled between (s) | requests settled | share on ", path, " |"
    print "|---|---|---|"
    for (b = 0; b <= maxb; b++) if (tot[b] > 0) print "| ", b * bin, "-", (b + 1) * bin, " | ", tot[b], " | ", sprintf("%.3f", on[b] / tot[b]), " |"
  }
}
