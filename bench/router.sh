#!/usr/bin/env bash
# Router benchmark, one run, side by side: the iris-onnx instance called directly, through Slipway's
# router (/apps/iris/...) and through nginx (Debian's package, a keep-alive reverse proxy to the same
# instance), with wrk: latency at 1 connection (p50/p99), throughput at 64 connections.
# Usage: bench/router.sh      (needs nginx and wrk: apt-get install -y nginx wrk; process backend, no Docker)
#        ROUTER_LIMIT=64 bench/router.sh   per-instance limit of the router (default 8, iris's serving.maxConcurrency
#                                          as RoutingTable.set without a limit gets it), to see the proxy without queueing
#        WARMUP=20s DURATION=10s            load at 64 connections before measuring each path (the router's JIT needs it),
#                                          and each measured run
#        SLIPWAY_JAR=/other/slipway.jar     another build of the platform (a before/after comparison; no build then)
set -euo pipefail
cd "$(dirname "$0")/.."
export OPT_OUT_TRACKING=true DJL_OFFLINE=true
command -v nginx >/dev/null && command -v wrk >/dev/null || { echo "needs: apt-get install -y nginx wrk" >&2; exit 1; }
jar=${SLIPWAY_JAR:-platform/target/slipway.jar}
[ -n "${SLIPWAY_JAR:-}" ] || mvn -q -B -o install -DskipTests >/dev/null || mvn -q -B install -DskipTests >/dev/null
data=$(mktemp -d /tmp/slipway-router-bench-XXXX)
port=18331 nginx_port=18332 duration=${DURATION:-10s} warmup=${WARMUP:-20s}
BENCH_PASSWORD=bench-$RANDOM-$RANDOM-password
java -jar "$jar" --slipway.security.admin-password="$BENCH_PASSWORD" --server.port=$port --slipway.data-dir="$data" --slipway.backend=process \
  --slipway.router.default-max-concurrency="${ROUTER_LIMIT:-8}" >"$data/platform.log" 2>&1 &
platform=$!
cleanup() {
  [ -f "$data/nginx.pid" ] && kill "$(cat "$data/nginx.pid")" 2>/dev/null || true
  api -s -X DELETE "localhost:$port/api/v1/apps/iris" >/dev/null || true
  kill $platform; wait $platform 2>/dev/null || true
  [ -n "${instance_pid:-}" ] && kill "$instance_pid" 2>/dev/null || true   # process instances outlive the platform by design
  rm -rf "$data"
}
trap cleanup EXIT
trap 'echo "failed at line $LINENO; see $data" >&2' ERR
. bench/lib/iris-behind-nginx.sh

# run NAME URL: prints "NAME p50 p99 rps" (ms, ms, requests/s)
run() {
  wrk -c64 -t2 -d"$warmup" -s "$data/infer.lua" "$2" >/dev/null   # warm-up (JIT, connections)
  local c1 c64
  c1=$(wrk -c1 -t1 -d"$duration" --latency -s "$data/infer.lua" "$2")
  c64=$(wrk -c64 -t2 -d"$duration" -s "$data/infer.lua" "$2")
  echo "$c64" | grep -qE 'Non-2xx|Socket errors' && { echo "$1: errors at 64 connections" >&2; echo "$c64" >&2; }
  python3 - "$1" "$c1" "$c64" <<'PY'
import re, sys
def ms(v):
    m = re.match(r"([\d.]+)(us|ms|s|m)", v)
    if m is None:
        sys.exit(f"cannot read wrk's latency {v!r}")
    n, unit = m.groups()
    return float(n) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]
c1, c64 = sys.argv[2], sys.argv[3]
# anchored: a stdev column ending in "50%" must not be read as the percentile
p50 = ms(re.search(r"^\s*50%\s+(\S+)", c1, re.M).group(1)); p99 = ms(re.search(r"^\s*99%\s+(\S+)", c1, re.M).group(1))
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", c64).group(1))
print(sys.argv[1], p50, p99, rps)
PY
}
direct=$(run direct "http://127.0.0.1:$instance/v2/models/iris/infer")
router=$(run router "http://127.0.0.1:$port/apps/iris/v2/models/iris/infer")
nginx=$(run nginx "http://127.0.0.1:$nginx_port/v2/models/iris/infer")
python3 - "$direct" "$router" "$nginx" <<'PY'
import sys
rows = [r.split() for r in sys.argv[1:]]
d = rows[0]
nginx_rps = float(rows[2][3])
print("| path | p50 at c1 (ms) | p99 at c1 (ms) | added p50 (ms) | added p99 (ms) | req/s at c64 | vs nginx |")
print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
for name, p50, p99, rps in rows:
    p50, p99, rps = float(p50), float(p99), float(rps)
    added50 = "—" if name == "direct" else f"{p50 - float(d[1]):+.3f}"
    added99 = "—" if name == "direct" else f"{p99 - float(d[2]):+.3f}"
    print(f"| {name} | {p50:.3f} | {p99:.3f} | {added50} | {added99} | {rps:.0f} | {rps / nginx_rps * 100:.0f} % |")
PY
