#!/usr/bin/env bash
# In-process DJL predict vs V2 infer over HTTP at concurrency 1 on sample-apps/iris-onnx.
# Usage: bench/runtime-latency.sh [iterations]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
build_runtime
run_bench io.slipway.runtime.bench.LatencyBench "${1:-20000}"
