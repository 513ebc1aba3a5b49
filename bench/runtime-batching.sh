#!/usr/bin/env bash
# Throughput of a heavy CNN (ResNet-18 architecture, random weights) at 16 concurrent clients,
# dynamic batching off vs on, same run. The model is made here (it is not committed).
# Usage: bench/runtime-batching.sh [seconds-per-mode] [clients] [image-size]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
size=${3:-112}
bundle=bench/models/heavy-cnn-$size
[ -f "$bundle/model/heavy.pt" ] || /usr/bin/python3 bench/models/make_heavy_cnn.py "$bundle" --size "$size" --no-verify
build_runtime
run_bench io.slipway.runtime.bench.BatchingBench "$bundle" "${1:-20}" "${2:-16}"
