#!/usr/bin/env bash
# Scale from zero on the Docker backend: iris-onnx with minInstances 0 idles down to no instance,
# then the first request is timed (it waits in the router while an instance starts).
# Usage: bench/scale-from-zero.sh [rounds]
#        SLIPWAY_JAR=/other/slipway.jar bench/scale-from-zero.sh   another build of the platform (no build then)
set -euo pipefail
cd "$(dirname "$0")/.."
export OPT_OUT_TRACKING=true DJL_OFFLINE=true
rounds=${1:-3}
jar=${SLIPWAY_JAR:-platform/target/slipway.jar}
[ -n "${SLIPWAY_JAR:-}" ] || mvn -q -B install -DskipTests >/dev/null
data=$(mktemp -d /tmp/slipway-bench-XXXX)
bundle=$(mktemp -d)
port=18322
cp -r sample-apps/iris-onnx/. "$bundle/"
cat > "$bundle/slipway.yaml" <<'YAML'
name: iris
model:
  name: iris
  format: onnx
  path: model/iris.onnx
  labels: model/labels.txt
scaling:
  minInstances: 0
  maxInstances: 2
  scaleToZeroAfter: 3s
YAML
BENCH_PASSWORD=bench-$RANDOM-$RANDOM-password
java -jar "$jar" --slipway.security.admin-password="$BENCH_PASSWORD" --server.port=$port --slipway.data-dir="$data" --slipway.backend=docker \
  --slipway.scaling.tick=1s >"$data/platform.log" 2>&1 &
platform=$!
trap 'api -s -X DELETE localhost:$port/api/v1/apps/iris >/dev/null || true; kill $platform; wait $platform 2>/dev/null || true; [ -n "${KEEP_LOG:-}" ] && cp "$data/platform.log" "$KEEP_LOG"; rm -rf "$data" "$bundle"' EXIT
until curl -sf localhost:$port/actuator/health >/dev/null; do sleep 0.2; done
. bench/lib/sign-in.sh
tar -C "$bundle" -czf - . | api -sf --data-binary @- -H 'Content-Type: application/gzip' \
  "localhost:$port/api/v1/apps/iris/deployments?follow=true" | tail -1
infer='{"inputs":[{"name":"input","datatype":"FP32","shape":[1,4],"data":[5.1,3.5,1.4,0.2]}]}'
printf '%-8s %-22s %s\n' round "first request (s)" status
for round in $(seq 1 "$rounds"); do
  until [ "$(api -sf localhost:$port/api/v1/apps/iris/instances | grep -c '"state":"running"')" = "0" ]; do sleep 0.5; done
  sleep 1
  out=$(curl -s -o /dev/null -w '%{time_total} %{http_code}' -H 'Content-Type: application/json' \
    "localhost:$port/apps/iris/v2/models/iris/infer" -d "$infer")
  printf '%-8s %-22s %s\n' "$round" "${out% *}" "${out#* }"
done
