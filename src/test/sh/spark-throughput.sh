#!/usr/bin/env bash
# Trades per second, local executor against Spark, with Spark's start-up cost and per-trade overhead
# reported apart. Runs alternate (local, spark, local, spark, ...) so that a machine whose load
# drifts treats both alike; medians of RUNS.
#
#   mvn -B -Pspark package -DskipTests
#   src/test/sh/spark-throughput.sh TRADES PATHS [RUNS] [MASTER]
#   e.g. src/test/sh/spark-throughput.sh 1200 10000 3 local[2]    (scenarios/portfolio-1000.csv itself)
#        src/test/sh/spark-throughput.sh 20000 1000 3 local[2]
#
# TRADES other than 1200 cycles through scenarios/portfolio-1000.csv with fresh ids (every product
# in the file's proportions). Start-up: the same command on a header-only file (the JVM, and for
# Spark the context; no job runs). Per-trade overhead: (spark wall - spark start-up -
# (local wall - local start-up)) / trades. CPU = user + system seconds of the whole process.
set -euo pipefail
cd "$(dirname "$0")/../../.."
trades=${1:?trades}
paths=${2:?paths}
runs=${3:-3}
master=${4:-local[2]}
[[ -d target/spark/jars ]] || { echo "run 'mvn -B -Pspark package -DskipTests' first" >&2; exit 2; }

dir=target/throughput
mkdir -p "$dir"
src=scenarios/portfolio-1000.csv
header=$(awk '!/^#/ { print; exit }' "$src")
if [[ $trades -eq 1200 ]]; then
    file=$src
else
    file=$dir/portfolio-$trades.csv
    if [[ ! -f $file ]]; then
        { echo "$header"
          awk '!/^#/' "$src" | tail -n +2 | awk -v n="$trades" -F, -v OFS=, '
            { rows[NR] = $0 } END { for (i = 0; i < n; i++) { r = rows[i % NR + 1]; split(r, f, ",");
              sub(/^[^,]*/, f[1] "-" int(i / NR), r); print r } }'
        } > "$file"
    fi
fi
empty=$dir/header-only.csv
echo "$header" > "$empty"

# one run: prints "wall cpu"
run() {   # run FILE EXECUTOR
    local extra=()
    [[ $2 == spark ]] && extra=(--executor spark --spark-master "$master")
    /usr/bin/time -f "%e %U %S" -o "$dir/time" java -jar target/greeks.jar price "$1" --paths "$paths" --quiet \
        --out "$dir/out-$2.csv" "${extra[@]}" 2> "$dir/err-$2" || [[ $? -eq 3 ]]
    awk '{ printf "%.2f %.2f\n", $1, $2 + $3 }' "$dir/time"
}
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

declare -A wall cpu
for kind in local spark; do wall[$kind]=""; cpu[$kind]=""; wall[start-$kind]=""; done
for ((r = 1; r <= runs; r++)); do
    for kind in local spark; do
        read -r w c < <(run "$empty" "$kind"); wall[start-$kind]+="$w "
        read -r w c < <(run "$file" "$kind"); wall[$kind]+="$w "; cpu[$kind]+="$c "
        echo "run $r $kind: $w s wall, $c s CPU" >&2
    done
    if ! diff -q <(sed 's/,[^,]*$//' "$dir/out-local.csv") <(sed 's/,[^,]*$//' "$dir/out-spark.csv") > /dev/null; then
        echo "outputs differ (time_ms aside)" >&2; exit 1
    fi
done

m() { tr ' ' '\n' <<< "${1% }" | median; }
lw=$(m "${wall[local]}"); sw=$(m "${wall[spark]}")
lc=$(m "${cpu[local]}"); sc=$(m "${cpu[spark]}")
ls0=$(m "${wall[start-local]}"); ss0=$(m "${wall[start-spark]}")
n=$(($(grep -vc '^#' "$file") - 1))
echo "$n trades x $paths paths, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), medians of $runs:"
awk -v n="$n" -v lw="$lw" -v sw="$sw" -v lc="$lc" -v sc="$sc" -v l0="$ls0" -v s0="$ss0" -v m="$master" 'BEGIN {
    printf "| executor | wall s | trades/s | CPU s | start-up s |\n|---|---|---|---|---|\n"
    printf "| local | %.1f | %.1f | %.1f | %.1f |\n", lw, n / lw, lc, l0
    printf "| spark %s | %.1f | %.1f | %.1f | %.1f |\n", m, sw, n / sw, sc, s0
    printf "spark / local wall: %.2f; Spark start-up over local: %.1f s; per-trade overhead: %.2f ms\n",
        sw / lw, s0 - l0, 1000 * ((sw - s0) - (lw - l0)) / n }'
