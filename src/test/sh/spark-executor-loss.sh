#!/usr/bin/env bash
# An executor lost mid-run costs time, not results. A Spark standalone cluster on this machine (a
# master and two workers, --cores 1 --memory 1g each, separate JVMs on 127.0.0.1, from the Maven
# jars as in spark-standalone.sh) prices a book of 5,000 trades at --paths 2000 through
# spark-submit; while tasks run, the executor JVM of the first worker is killed (SIGKILL). Spark
# re-runs the lost tasks on the other executor or on a replacement. Asserts:
#   - exit code 0;
#   - the output equals the local executor's line for line, time_ms (the last column) aside;
#   - every trade of the book exactly once, and no temporary file left beside the output;
#   - the kill hit running tasks (the driver reports them lost with the executor).
# Then the case Spark cannot recover from: the failure drill (greeks.spark.drill.failTrade) makes
# the task holding one trade fail on every attempt, spark.task.maxFailures (4) times; asserts exit
# 4, the drilled trade named among its chunk's, no output file, no temporary file.
#
#   src/test/sh/spark-executor-loss.sh        (no arguments, from anywhere, after the README's build)
#
# Builds target/spark/jars (mvn -Pspark) if they are missing. About a minute on 2 quiet cores.
# Prints '1 passed, 0 failed' or '0 passed, 1 failed'. Not run in CI.
set -euo pipefail
cd "$(dirname "$0")/../../.."
root=$(pwd)
trades=5000
paths=2000

jars=target/spark/jars
if [[ ! -f target/greeks.jar || ! -d $jars ]]; then
    echo "spark-executor-loss: building target/greeks.jar and $jars (mvn -B -Pspark package -DskipTests)" >&2
    mvn -B -q -Pspark package -DskipTests >&2
fi

work=$(mktemp -d "$root/target/spark-executor-loss.XXXXXX")
out=$work/out                    # the outputs, alone in their directory: any file left there is counted
home=$work/spark-home            # SPARK_HOME for the workers: jars/ and conf/, as in a distribution
mkdir -p "$out" "$home/conf" "$work/worker1" "$work/worker2"
ln -s "$root/$jars" "$home/jars"
cat > "$home/conf/log4j2.properties" <<'EOF'
rootLogger.level = warn
rootLogger.appenderRef.stderr.ref = console
appender.console.type = Console
appender.console.name = console
appender.console.target = SYSTEM_ERR
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = %d{HH:mm:ss} %p %c{1}: %m%n
logger.master.name = org.apache.spark.deploy.master.Master
logger.master.level = info
logger.worker.name = org.apache.spark.deploy.worker.Worker
logger.worker.level = info
logger.executor.name = org.apache.spark.executor.Executor
logger.executor.level = info
logger.hadoop.name = org.apache.hadoop.util.NativeCodeLoader
logger.hadoop.level = error
EOF

# the book: scenarios/portfolio-1000.csv cycled with fresh ids (every product in the file's proportions)
src=scenarios/portfolio-1000.csv
book=$work/book.csv
{ awk '!/^#/ { print; exit }' "$src"
  awk '!/^#/' "$src" | tail -n +2 | awk -v n="$trades" '
    { r[NR] = $0; c[NR] = index($0, ",") }
    END { for (i = 0; i < n; i++) { k = i % NR + 1; print substr(r[k], 1, c[k] - 1) "-" int(i / NR) substr(r[k], c[k]) } }'
} > "$book"

# Spark's Java 17 options, as in the Add-Opens entry of target/greeks.jar's manifest
opens=$(unzip -p target/greeks.jar META-INF/MANIFEST.MF | tr -d '\r' \
    | awk '/^Add-Opens:/{on=1; sub(/^Add-Opens: /,""); printf "%s", $0; next} on && /^ /{sub(/^ /,""); printf "%s", $0; next} {on=0}')
jvm=(-Xmx512m)
for p in $opens; do jvm+=("--add-opens=$p=ALL-UNNAMED"); done
cp="$home/conf:$home/jars/*"

export SPARK_HOME=$home SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_IP=127.0.0.1 SPARK_LOCAL_HOSTNAME=localhost
export SPARK_LOG_DIR=$work

pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT

wait_for() {   # wait_for FILE PATTERN SECONDS
    local deadline=$((SECONDS + $3))
    until grep -q "$2" "$1" 2>/dev/null; do
        if ((SECONDS > deadline)); then
            echo "spark-executor-loss: no '$2' in $1 after $3 s" >&2
            cat "$1" >&2 || true
            return 1
        fi
        sleep 0.5
    done
}

start=$SECONDS
java "${jvm[@]}" -cp "$cp" org.apache.spark.deploy.master.Master \
    --host 127.0.0.1 --port 0 --webui-port 0 > "$work/master.log" 2>&1 &
pids+=($!)
wait_for "$work/master.log" "Starting Spark master at spark://" 120
master=$(grep -o 'spark://127\.0\.0\.1:[0-9]*' "$work/master.log" | head -1)
worker_pid=()
for w in 1 2; do
    SPARK_WORKER_DIR=$work/worker$w java "${jvm[@]}" -cp "$cp" org.apache.spark.deploy.worker.Worker \
        --host 127.0.0.1 --port 0 --webui-port 0 --cores 1 --memory 1g --work-dir "$work/worker$w" "$master" \
        > "$work/worker$w.log" 2>&1 &
    pids+=($!)
    worker_pid[$w]=$!
done
for w in 1 2; do wait_for "$work/worker$w.log" "Successfully registered with master" 120; done
echo "spark-executor-loss: master $master, two workers (--cores 1 --memory 1g) after $((SECONDS - start)) s" >&2

submit() {   # submit NAME EXTRA_JVM_OPTION... -- PRICE_ARGUMENT...: runs spark-submit in the background
    local name=$1; shift
    local extra=()
    while [[ $1 != -- ]]; do extra+=("$1"); shift; done
    shift
    java "${jvm[@]}" "${extra[@]}" -cp "$cp" org.apache.spark.deploy.SparkSubmit \
        --master "$master" --deploy-mode client \
        --conf spark.driver.host=127.0.0.1 --conf spark.driver.bindAddress=127.0.0.1 \
        --conf spark.ui.enabled=false --conf spark.executor.memory=1g \
        --class dev.adjointgreeks.cli.GreeksCommand target/greeks.jar \
        price "$@" --executor spark --quiet > "$work/$name.stdout" 2> "$work/$name.stderr" &
    submitted=$!
}

# the executor JVM that worker 1 started (its child), once it runs a task: prints its pid
executor_of_worker1() {
    local pid
    pid=$(pgrep -P "${worker_pid[1]}" -f CoarseGrainedExecutorBackend | head -1 || true)
    [[ -n $pid ]] && echo "$pid"
}
running_tasks() {   # tasks started less tasks finished in worker 1's executor logs
    local logs=("$work"/worker1/app-*/*/stderr)
    [[ -f ${logs[0]} ]] || { echo 0; return; }
    local r f
    r=$(cat "${logs[@]}" | grep -c "Running task" || true)
    f=$(cat "${logs[@]}" | grep -c "Finished task" || true)
    echo "$((r - f)) $f"
}

failed=0
fail() { echo "spark-executor-loss: $*" >&2; failed=1; }

t0=$SECONDS
submit loss -- "$book" --paths "$paths" --out "$out/spark.csv"
run_pid=$submitted
killed=
while kill -0 "$run_pid" 2>/dev/null; do
    read -r running finished < <(running_tasks)
    if [[ ${running:-0} -gt 0 && ${finished:-0} -ge 5 ]]; then
        victim=$(executor_of_worker1 || true)
        if [[ -n $victim ]]; then
            kill -9 "$victim"
            killed="executor JVM $victim of worker 1 killed (SIGKILL) at $((SECONDS - t0)) s, with $running task(s) running and $finished finished"
            echo "spark-executor-loss: $killed" >&2
            break
        fi
    fi
    sleep 0.2
done
set +e
wait "$run_pid"
spark_rc=$?
set -e
t1=$SECONDS
[[ -n $killed ]] || fail "the run ended before an executor could be killed"

set +e
java -jar target/greeks.jar price "$book" --paths "$paths" --quiet --out "$work/local.csv" \
    > "$work/local.stdout" 2> "$work/local.stderr"
local_rc=$?
set -e
t2=$SECONDS
echo "spark-executor-loss: spark-submit exit $spark_rc in $((t1 - t0)) s, local exit $local_rc in $((t2 - t1)) s" >&2

lost=$(grep -c "Lost task.*ExecutorLostFailure" "$work/loss.stderr" || true)
[[ $spark_rc -eq 0 ]] || fail "spark-submit exited $spark_rc, not 0; its stderr: $(tail -5 "$work/loss.stderr")"
[[ $local_rc -eq 0 ]] || fail "the local run exited $local_rc, not 0"
if [[ ! -f $out/spark.csv ]]; then
    fail "spark-submit wrote no output"
elif ! diff <(sed 's/,[^,]*$//' "$work/local.csv") <(sed 's/,[^,]*$//' "$out/spark.csv") > "$work/diff" 2>&1; then
    fail "outputs differ (without time_ms): $(head -4 "$work/diff")"
else
    ids_in=$(tail -n +2 "$book" | cut -d, -f1 | sort)
    ids_out=$(tail -n +2 "$out/spark.csv" | cut -d, -f1 | sort)
    [[ $ids_in == "$ids_out" ]] || fail "the trades written are not the book's, each once"
    [[ $(uniq -d <<< "$ids_out" | wc -l) -eq 0 ]] || fail "a trade was written twice"
fi
left=$(ls -A "$out" | grep -v '^spark\.csv$' || true)
[[ -z $left ]] || fail "files left beside the output: $left"
[[ $lost -gt 0 ]] || fail "the driver reports no task lost with the executor"
[[ -n $killed ]] && echo "spark-executor-loss: $lost task(s) lost with the executor and run again" >&2

# Retries exhausted: the drilled trade's task fails on every attempt (spark.task.maxFailures, 4 by default)
drill=$(sed -n 2p "$book" | cut -d, -f1)
submit drill "-Dgreeks.spark.drill.failTrade=$drill" -- "$book" --paths 200 --out "$out/drill.csv"
set +e
wait "$submitted"
drill_rc=$?
set -e
[[ $drill_rc -eq 4 ]] || fail "the drill exited $drill_rc, not 4"
[[ ! -e $out/drill.csv ]] || fail "the drill wrote an output file"
left=$(ls -A "$out" | grep -v '^spark\.csv$' || true)
[[ -z $left ]] || fail "files left by the drill: $left"
grep -q "^greeks: not priced: .*:2 (id '$drill')\$" "$work/drill.stderr" || fail "the drill's trade is not named"
grep -q "failed 4 times" "$work/drill.stderr" || fail "the drill's task did not fail 4 times"
named=$(grep -c "^greeks: not priced: " "$work/drill.stderr" || true)
echo "spark-executor-loss: drill: exit $drill_rc, '$(grep -m1 -o 'Task [0-9]* in stage [0-9.]* failed 4 times' "$work/drill.stderr")', $named trades of the chunk named, no output file" >&2

lines=$(wc -l < "$work/local.csv" 2>/dev/null || echo 0)
if [[ $failed -eq 0 ]]; then
    echo "spark-executor-loss: $((lines - 1)) trades, each once, equal to the local run line for line (time_ms aside), exit 0, no temporary file; $((SECONDS - start)) s in all; logs in $work" >&2
    echo "1 passed, 0 failed"
else
    echo "spark-executor-loss: logs in $work" >&2
    echo "0 passed, 1 failed"
    exit 1
fi
