#!/usr/bin/env bash
# Interleaved: flat portfolio-1000.csv against the same book on a shared curve market, 3 runs each.
# Run from the repository root after mvn -B -q -o package -DskipTests; writes into $DIR (default /tmp/cm).
set -u
DIR=${DIR:-/tmp/cm}; P=${PATHS:-10000}; J=$PWD/target/greeks.jar; mkdir -p "$DIR"
python3 benchmarks/results/curve-portfolio-2026-12-06/make-inputs.py "$DIR"
for i in 1 2 3; do
  for v in flat curve; do
    if [ $v = flat ]; then args="scenarios/portfolio-1000.csv"; else args="$DIR/portfolio-curve.csv --market $DIR/portfolio-markets.json"; fi
    l=$(cut -d' ' -f1-3 /proc/loadavg)
    /usr/bin/time -f "time %e wall %U user %S sys" -o "$DIR/time-$v-$i.txt" java -jar "$J" price $args --paths $P --threads 2 \
        --out "$DIR/out-$v-$i.csv" 2> "$DIR/err-$v-$i.txt"
    echo "run $i $v load_before $l | $(tail -1 "$DIR/err-$v-$i.txt") | $(cat "$DIR/time-$v-$i.txt") | load_after $(cut -d' ' -f1-3 /proc/loadavg)"
  done
done
