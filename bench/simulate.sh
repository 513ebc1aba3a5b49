#!/usr/bin/env bash
# Replays the NASA-HTTP trace (../shared/traces) against three scaling policies in simulated time:
# fixed at peak, reactive (KPA), reactive + predictive. Prints a Markdown table.
# Usage: bench/simulate.sh [--days 21] [--skip-days 0] [--aggregate 60] [--scale 50] [--latency-ms 100]
#        [--target 4] [--instance-concurrency 8] [--startup-s 60] [--min 1] [--max 100] [--compression 1]
#        [--scale-down-delay-s 0] [--trace FILE] [--events 5]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -pl platform -am install -DskipTests >/dev/null
mvn -q -B -pl platform dependency:build-classpath -Dmdep.outputFile="$PWD/platform/target/cp.txt" >/dev/null
java -cp "platform/target/classes:$(cat platform/target/cp.txt)" io.slipway.platform.scaling.sim.SimulatorMain "$@"
