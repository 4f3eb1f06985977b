#!/usr/bin/env bash
# The full benchmark run (about 25 minutes on 2 cores), results in benchmarks/results/ (tables: jmh.md).
# Build first: (cd .. && mvn -B -q install -DskipTests) && mvn -B -q package
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p results
jar=target/benchmarks.jar
# Cases with operations under a few seconds: 3 forks x (3 warm-up + 5 measured) 1-second iterations.
java -jar "$jar" "European|Asian|Heston|ScalarProgram|NeuralNet|ThreadScaling" -f 3 -wi 3 -i 5 -w 1s -r 1s \
    -rf json -rff results/jmh-main.json
# The basket sweep: up to 100 assets, where bump and forward mode take many seconds per operation.
java -jar "$jar" BasketBenchmark -f 1 -wi 1 -i 3 -w 1s -r 1s -rf json -rff results/jmh-basket.json
# The LIBOR swaption book (issue 11): 161 sensitivities, 10,000 paths; forward mode carries 161
# derivatives through every operation (about 20 ms per path), so it runs on 100 paths (scale by 100).
java -jar "$jar" "LiborBenchmark.(primal|adjoint|adjointPerPath|handwritten|bump)" -f 1 -wi 1 -i 3 -w 1s -r 1s \
    -rf json -rff results/jmh-libor.json
java -jar "$jar" "LiborBenchmark.forward" -p paths=100 -f 1 -wi 1 -i 3 -w 1s -r 1s \
    -rf json -rff results/jmh-libor-forward.json
# Memory: allocation per operation of the adjoint engine.
java -jar "$jar" "EuropeanBenchmark.adjoint|BasketBenchmark.adjoint" -p assets=50 -f 1 -wi 2 -i 3 -w 1s -r 1s \
    -prof gc -rf json -rff results/jmh-gc.json
{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "jdk: $(java -version 2>&1 | head -1)"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs) ($(nproc) cores)"
} > results/environment.txt
java -jar ../target/greeks.jar bench-report results
