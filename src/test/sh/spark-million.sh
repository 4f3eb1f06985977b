#!/usr/bin/env bash
# A book far larger than one chunk through Spark with a small driver: ROWS trades (default
# 1,000,000) at --paths 200 --greeks delta, priced once by the local executor and once by
# --executor spark --spark-master local[2], each JVM at -Xmx512m. The two outputs must be equal
# line for line, time_ms aside, with every trade exactly once. Reports wall seconds and the
# driver's heap from its GC log: the peak (the most in use when a collection started) and the
# live set (the most left after the full collections asked for every SAMPLE=30 seconds: what the
# run holds, garbage aside). In local mode the executors share the driver's JVM, so the Spark
# figures include them.
#
#   mvn -B -Pspark package -DskipTests && src/test/sh/spark-million.sh [ROWS]
#
# Not run in CI: about 20 minutes for both runs on 2 quiet cores. Rows cycle through
# scenarios/portfolio-1000.csv with fresh ids (every product in the file's proportions), as
# spark-throughput.sh does. Prints '1 passed, 0 failed' or '0 passed, 1 failed'.
set -euo pipefail
cd "$(dirname "$0")/../../.."
rows=${1:-1000000}
[[ -f target/greeks.jar && -d target/spark/jars ]] \
    || { echo "spark-million: run 'mvn -B -Pspark package -DskipTests' first" >&2; exit 2; }

dir=target/million
mkdir -p "$dir"
src=scenarios/portfolio-1000.csv
book=$dir/book-$rows.csv
if [[ ! -f $book ]]; then
    { awk '!/^#/ { print; exit }' "$src"
      awk '!/^#/' "$src" | tail -n +2 | awk -v n="$rows" -F, -v OFS=, '
        { r[NR] = $0; c[NR] = index($0, ",") }
        END { for (i = 0; i < n; i++) { k = i % NR + 1; x = r[k];
              print substr(x, 1, c[k] - 1) "-" int(i / NR) substr(x, c[k]) } }'
    } > "$book.part"
    mv "$book.part" "$book"
fi

# The runs use a copy of the application, so that a rebuild during the run cannot change it.
app=$dir/app
rm -rf "$app"
mkdir -p "$app/spark"
cp target/greeks.jar "$app/greeks.jar"
cp -r target/spark/jars "$app/spark/jars"

# From a -Xlog:gc log ("... 301M->42M(512M) 3.1ms"), in MB: the peak (the most in use when any
# collection started) and the live set (the most left after a full collection, which the sampler
# below asks for every SAMPLE seconds: a young collection leaves old garbage that G1 collects only
# under pressure, so its figure would grow with the run although nothing is held).
heap() {
    local peak live
    peak=$(grep -oE '[0-9]+M->[0-9]+M\(' "$1" | sed -E 's/M->.*//' | sort -n | tail -1)
    live=$(grep 'Pause Full' "$1" | grep -oE '[0-9]+M->[0-9]+M\(' | sed -E 's/.*M->//; s/M\($//' | sort -n | tail -1)
    echo "${peak:-0} ${live:-0}"
}
sample=${SAMPLE:-30}

run() {   # run KIND EXTRA...
    local kind=$1; shift
    rm -f "$dir/out-$kind.csv" "$dir/gc-$kind.log"
    /usr/bin/time -f "%e %M" -o "$dir/time-$kind" java -Xmx512m -Xlog:gc:file="$dir/gc-$kind.log" \
        -jar "$app/greeks.jar" price "$book" --paths 200 --greeks delta --quiet --out "$dir/out-$kind.csv" "$@" \
        2> "$dir/err-$kind" &
    local timer=$! jvm=
    while [[ -z $jvm ]] && kill -0 "$timer" 2>/dev/null; do sleep 0.2; jvm=$(pgrep -P "$timer" java || true); done
    while kill -0 "$timer" 2>/dev/null; do   # a full collection every $sample s: the live set, in the GC log
        for ((i = 0; i < sample * 5; i++)); do kill -0 "$timer" 2>/dev/null || break; sleep 0.2; done
        [[ -n $jvm ]] && jcmd "$jvm" GC.run > /dev/null 2>&1 || true
    done
    wait "$timer" || { echo "spark-million: $kind exited $?; $dir/err-$kind:" >&2; head -20 "$dir/err-$kind" >&2; return 1; }
    echo "spark-million: $kind: live set after each full GC, MB: $(grep 'Pause Full' "$dir/gc-$kind.log" \
        | grep -oE '[0-9]+M\([0-9]+M\)' | sed -E 's/M\(.*//' | tr '\n' ' ')" >&2
    read -r wall rss < "$dir/time-$kind"
    read -r peak live < <(heap "$dir/gc-$kind.log")
    printf '| %s | %s | %.0f | %d | %d | %d |\n' "$kind" "$rows" "$wall" "$peak" "$live" "$((rss / 1024))"
}

echo "spark-million: $rows rows, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)" >&2
echo "| executor | rows | wall s | peak heap MB | live set MB (most after a full GC, every ${sample} s) | RSS MB |"
echo "|---|---|---|---|---|---|"
failed=0
run local || failed=1
run spark --executor spark --spark-master 'local[2]' || failed=1
if [[ $failed -eq 0 ]]; then
    if ! cmp -s <(sed 's/,[^,]*$//' "$dir/out-local.csv") <(sed 's/,[^,]*$//' "$dir/out-spark.csv"); then
        echo "spark-million: outputs differ (time_ms aside)" >&2
        failed=1
    fi
    ids=$(tail -n +2 "$dir/out-spark.csv" | cut -d, -f1 | sort | uniq | wc -l)
    if [[ $ids -ne $rows || $(($(wc -l < "$dir/out-spark.csv") - 1)) -ne $rows ]]; then
        echo "spark-million: $ids distinct ids in $(wc -l < "$dir/out-spark.csv") lines, expected $rows" >&2
        failed=1
    fi
    if ls -A "$dir" | grep -q '\.tmp$'; then
        echo "spark-million: a temporary file was left in $dir" >&2
        failed=1
    fi
fi
if [[ $failed -eq 0 ]]; then
    echo "spark-million: outputs equal line for line (time_ms aside), $rows trades each exactly once" >&2
    echo "1 passed, 0 failed"
else
    echo "0 passed, 1 failed"
    exit 1
fi
