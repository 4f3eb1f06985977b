#!/usr/bin/env bash
# A real Spark standalone cluster on this machine, from the Maven dependencies (no Spark
# distribution): a master and one worker as separate JVMs on 127.0.0.1, then spark-submit (the
# SparkSubmit class that the spark-submit script runs) with target/greeks.jar as the application
# jar. The worker starts the executor JVM, which fetches greeks.jar from the driver. The output
# must equal the local executor's line for line (time_ms, the last column, aside), the rejections
# on stderr must be the same lines, and so must the exit code.
#
#   mvn -B -Pspark package -DskipTests && src/test/sh/spark-standalone.sh [FILE...] [-- OPTION...]
#
# Without files: the mixed test files of src/test/resources/dev/adjointgreeks/spark (bad rows,
# JSON baskets) with --totals --paths 2000. Prints '1 passed, 0 failed' or '0 passed, 1 failed'.
set -euo pipefail
cd "$(dirname "$0")/../../.."
root=$(pwd)

jars=target/spark/jars
if [[ ! -f target/greeks.jar || ! -d $jars ]]; then
    echo "spark-standalone: run 'mvn -B -Pspark package -DskipTests' first (target/greeks.jar, $jars)" >&2
    exit 2
fi

files=()
while [[ $# -gt 0 && $1 != -- ]]; do files+=("$1"); shift; done
[[ ${1:-} == -- ]] && shift
opts=("$@")
if [[ ${#files[@]} -eq 0 ]]; then
    files=(src/test/resources/dev/adjointgreeks/spark/mixed.csv src/test/resources/dev/adjointgreeks/spark/mixed.json)
    opts=(--totals --paths 2000)
fi

work=$(mktemp -d "$root/target/spark-standalone.XXXXXX")
home=$work/spark-home            # SPARK_HOME for the worker: jars/ and conf/, as in a distribution
mkdir -p "$home/conf" "$work/worker"
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

# Spark's Java 17 options, as in the Add-Opens entry of target/greeks.jar's manifest
opens=$(unzip -p target/greeks.jar META-INF/MANIFEST.MF | tr -d '\r' \
    | awk '/^Add-Opens:/{on=1; sub(/^Add-Opens: /,""); printf "%s", $0; next} on && /^ /{sub(/^ /,""); printf "%s", $0; next} {on=0}')
jvm=(-Xmx1g)
for p in $opens; do jvm+=("--add-opens=$p=ALL-UNNAMED"); done
cp="$home/conf:$home/jars/*"

export SPARK_HOME=$home SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_IP=127.0.0.1 SPARK_LOCAL_HOSTNAME=localhost
export SPARK_LOG_DIR=$work SPARK_WORKER_DIR=$work/worker

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
            echo "spark-standalone: no '$2' in $1 after $3 s" >&2
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
echo "spark-standalone: master $master (pid ${pids[0]})" >&2

java "${jvm[@]}" -cp "$cp" org.apache.spark.deploy.worker.Worker \
    --host 127.0.0.1 --port 0 --webui-port 0 --cores 2 --memory 2g --work-dir "$work/worker" "$master" \
    > "$work/worker.log" 2>&1 &
pids+=($!)
wait_for "$work/worker.log" "Successfully registered with master" 120
echo "spark-standalone: worker registered (pid ${pids[1]}) after $((SECONDS - start)) s" >&2

set +e
t0=$SECONDS
java "${jvm[@]}" -cp "$cp" org.apache.spark.deploy.SparkSubmit \
    --master "$master" --deploy-mode client \
    --conf spark.driver.host=127.0.0.1 --conf spark.driver.bindAddress=127.0.0.1 \
    --conf spark.ui.enabled=false --conf spark.executor.memory=1g \
    --class dev.adjointgreeks.cli.GreeksCommand target/greeks.jar \
    price "${files[@]}" "${opts[@]}" --executor spark --quiet --out "$work/spark.csv" \
    > "$work/spark.stdout" 2> "$work/spark.stderr"
spark_rc=$?
t1=$SECONDS
java -jar target/greeks.jar price "${files[@]}" "${opts[@]}" --quiet --out "$work/local.csv" \
    > "$work/local.stdout" 2> "$work/local.stderr"
local_rc=$?
t2=$SECONDS
set -e
echo "spark-standalone: spark-submit exit $spark_rc in $((t1 - t0)) s, local exit $local_rc in $((t2 - t1)) s" >&2

# A rejection line starts with the file's name; Spark's own log lines do not.
rejections() { grep -E '^[^ ]+:[0-9]+: ' "$1" || true; }
failed=0
if [[ $spark_rc -ne $local_rc ]]; then
    echo "spark-standalone: exit codes differ: spark $spark_rc, local $local_rc" >&2
    failed=1
fi
if [[ ! -f $work/spark.csv ]]; then
    echo "spark-standalone: spark-submit wrote no output; its stderr:" >&2
    cat "$work/spark.stderr" >&2
    failed=1
elif ! diff <(sed 's/,[^,]*$//' "$work/local.csv") <(sed 's/,[^,]*$//' "$work/spark.csv") >&2; then
    echo "spark-standalone: outputs differ (without time_ms)" >&2
    failed=1
fi
if ! diff <(rejections "$work/local.stderr") <(rejections "$work/spark.stderr") >&2; then
    echo "spark-standalone: rejections differ" >&2
    failed=1
fi
# the driver has no executor of its own here: every task ran in the executor JVM the worker started
tasks=$(cat "$work"/worker/app-*/*/stderr 2>/dev/null | grep -c "Finished task" || true)
if ! grep -q "Asked to launch executor" "$work/worker.log" || [[ $tasks -eq 0 ]]; then
    echo "spark-standalone: the worker's executor ran no task" >&2
    failed=1
fi
lines=$(wc -l < "$work/local.csv" 2>/dev/null || echo 0)
if [[ $failed -eq 0 ]]; then
    echo "spark-standalone: $lines lines equal (time_ms aside), $(rejections "$work/local.stderr" | wc -l) rejections equal, exit $spark_rc; $tasks tasks ran in the worker's executor; logs in $work" >&2
    echo "1 passed, 0 failed"
else
    echo "spark-standalone: logs in $work" >&2
    echo "0 passed, 1 failed"
    exit 1
fi
