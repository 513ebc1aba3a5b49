#!/usr/bin/env bash
# Deploy benchmarks on the Docker backend, in one run:
#   upload to first successful inference, cold (no base image yet) and warm (base and layers cached);
#   model-only redeploy (image build time, upload to live); container start to ready; image size per engine.
# Usage: bench/deploy.sh      (needs a Docker engine; removes Slipway's base image first to measure the cold path)
set -euo pipefail
cd "$(dirname "$0")/.."
export OPT_OUT_TRACKING=true DJL_OFFLINE=true
mvn -q -B install -DskipTests >/dev/null
data=$(mktemp -d /tmp/slipway-bench-XXXX)
port=18321
docker images --format '{{.Repository}}:{{.Tag}}' | grep -E '^slipway/runtime-base' | xargs -r docker rmi -f >/dev/null 2>&1 || true
BENCH_PASSWORD=bench-$RANDOM-$RANDOM-password
java -jar platform/target/slipway.jar --slipway.security.admin-password="$BENCH_PASSWORD" --server.port=$port --slipway.data-dir="$data" --slipway.backend=docker \
  >"$data/platform.log" 2>&1 &
platform=$!
cleanup() {
  for app in bench-a bench-b bench-d; do api -s -X DELETE "localhost:$port/api/v1/apps/$app" >/dev/null || true; done
  kill $platform; wait $platform 2>/dev/null || true; rm -rf "$data"
}
trap cleanup EXIT
until curl -sf localhost:$port/actuator/health >/dev/null; do sleep 0.2; done
. bench/lib/sign-in.sh
iris='{"inputs":[{"name":"input","datatype":"FP32","shape":[1,4],"data":[5.1,3.5,1.4,0.2]}]}'

now() { date +%s.%N; }
elapsed() { python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.2f}')" "$1" "$2"; }
# upload APP DIR: streams the build log to $data/APP-N.log until live; prints seconds
upload() {
  local start; start=$(now)
  tar -C "$2" -czf - . | api -sf --data-binary @- -H 'Content-Type: application/gzip' \
    "localhost:$port/api/v1/apps/$1/deployments?follow=true" > "$data/$1-$3.log"
  grep -q "is live" "$data/$1-$3.log" || { cat "$data/$1-$3.log"; exit 1; }
  elapsed "$start" "$(now)"
}
# first_inference APP: deploys iris to a new app and waits for the first 200 through the router
first_inference() {
  local start; start=$(now)
  upload "$1" sample-apps/iris-onnx 1 >/dev/null
  until curl -sf -H 'Content-Type: application/json' "localhost:$port/apps/$1/v2/models/iris/infer" -d "$iris" >/dev/null; do sleep 0.02; done
  elapsed "$start" "$(now)"
}
# log_gap FILE FROM TO: seconds between the first lines containing FROM and TO
log_gap() {
  python3 - "$@" <<'PY'
import re, sys
lines = open(sys.argv[1]).read().splitlines()
def at(text):
    return next(float(re.match(r"\[\s*([\d.]+)s\]", l).group(1)) for l in lines if text in l)
print(f"{at(sys.argv[3]) - at(sys.argv[2]):.2f}")
PY
}
build_ms() { grep -oE 'built in [0-9]+ ms' "$1" | tail -1 | grep -oE '[0-9]+'; }
size_mb() { docker image inspect "$1" --format '{{.Size}}' | python3 -c "import sys; print(f'{int(sys.stdin.read())/1e6:.1f}')"; }

changed=$(mktemp -d); cp -r sample-apps/iris-onnx/. "$changed/"
printf '\x72\x0c\x0a\x04note\x12\x04v2.0' >> "$changed/model/iris.onnx"   # ONNX metadata_props: a changed model file

cold=$(first_inference bench-a)
cold_base=$(grep -oE 'base image .* in [0-9.]+ ?m?s' "$data/bench-a-1.log" | head -1 || true)
warm=$(first_inference bench-b)
redeploy=$(upload bench-b "$changed" 2)
redeploy_build=$(build_ms "$data/bench-b-2.log")
start_to_ready=$(log_gap "$data/bench-b-2.log" "started instance" "is ready")
upload bench-d sample-apps/digits-torchscript 1 >/dev/null
digits_ready=$(log_gap "$data/bench-d-1.log" "started instance" "is ready")

printf '%-52s %10s\n' "measure" "value"
printf '%-52s %9ss\n' "cold deploy: upload -> first inference (no base image)" "$cold"
printf '%-52s %9ss\n' "warm deploy: upload -> first inference (new app)" "$warm"
printf '%-52s %9ss\n' "model-only redeploy: upload -> live" "$redeploy"
printf '%-52s %8sms\n' "model-only redeploy: image build" "$redeploy_build"
printf '%-52s %9ss\n' "container start -> ready (iris, onnx)" "$start_to_ready"
printf '%-52s %9ss\n' "container start -> ready (digits, pytorch)" "$digits_ready"
# release images are named slipway/APP:vN-INSTALLATION: the release says which
image_of() { api -sf "localhost:$port/api/v1/apps/$1/releases/1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["image"])'; }
printf '%-52s %8sMB\n' "image size, onnxruntime (bench-a v1)" "$(size_mb "$(image_of bench-a)")"
printf '%-52s %8sMB\n' "image size, pytorch (bench-d v1)" "$(size_mb "$(image_of bench-d)")"
printf '%-52s %8sMB\n' "base image" "$(size_mb slipway/runtime-base:jre17)"
echo "cold build log, base image step: ${cold_base:-see log}"
