#!/usr/bin/env bash
# JVM start to ready for sample-apps/iris-onnx, plain and with an AppCDS archive.
# Usage: bench/runtime-startup.sh [runs] [bundle]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
build_runtime
run_bench io.slipway.runtime.bench.StartupBench "${1:-10}" "${2:-sample-apps/iris-onnx}"
