#!/usr/bin/env bash
# CPU cost per request of the proxy itself (its idle CPU subtracted), side by side in one run: Slipway's router and nginx
# (Debian's package) in front of the same iris-onnx instance, with wrk at 64 connections. CPU time
# is read from /proc for each process (router JVM, nginx workers, the instance), so the figure holds
# even on a busy machine where throughput numbers do not; throughput is printed too.
# Usage: bench/router-cpu.sh        (needs nginx and wrk; process backend, no Docker)
#        ROUTER_LIMIT=8 bench/router-cpu.sh    iris's serving.maxConcurrency, the router's per-instance limit (default 64,
#                                             as many requests at once at the instance as nginx sends; iris is held at
#                                             one instance)
#        DURATION=15s WARMUP_MIN=20 WARMUP_MAX=240   the measured run; bounds of the warm-up, which loads each proxy
#                                             until its rate is steady (bench/lib/warm.sh)
#        SLIPWAY_JAR=/other/slipway.jar       another build of the platform (a before/after comparison)
set -euo pipefail
cd "$(dirname "$0")/.."
export OPT_OUT_TRACKING=true DJL_OFFLINE=true ROUTER_LIMIT=${ROUTER_LIMIT:-64}
command -v nginx >/dev/null && command -v wrk >/dev/null || { echo "needs: apt-get install -y nginx wrk" >&2; exit 1; }
jar=${SLIPWAY_JAR:-platform/target/slipway.jar}
[ -f "$jar" ] || mvn -q -B install -DskipTests >/dev/null
data=$(mktemp -d /tmp/slipway-router-cpu-XXXX)
port=18351 nginx_port=18352 duration=${DURATION:-15s}
BENCH_PASSWORD=bench-$RANDOM-$RANDOM-password
java -jar "$jar" --slipway.security.admin-password="$BENCH_PASSWORD" --server.port=$port --slipway.data-dir="$data" \
  --slipway.backend=process >"$data/platform.log" 2>&1 &
platform=$!
cleanup() {
  [ -f "$data/nginx.pid" ] && kill "$(cat "$data/nginx.pid")" 2>/dev/null || true
  api -s -X DELETE "localhost:$port/api/v1/apps/iris" >/dev/null || true
  kill $platform; wait $platform 2>/dev/null || true
  [ -n "${instance_pid:-}" ] && kill "$instance_pid" 2>/dev/null || true
  rm -rf "$data"
}
trap cleanup EXIT
. bench/lib/iris-behind-nginx.sh
. bench/lib/warm.sh
sleep 0.5   # nginx forks its workers
ticks() { # total utime+stime (clock ticks) of the given pids
  local total=0 pid
  for pid in "$@"; do
    total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat")))
  done
  echo $total
}
hz=$(getconf CLK_TCK)
nginx_pids=$(pgrep -P "$(cat "$data/nginx.pid")" | tr '\n' ' ')
# run NAME URL PROXY_PIDS...: prints "NAME requests proxy_cpu_us_per_request instance_cpu_us_per_request rps"
run() {
  local name=$1 url=$2; shift 2
  warm "$url"
  local p0 i0 out p1 i1 b0 bi0 b1 bi1 t0 t1 idle
  # idle first: what the processes spend with no traffic (the platform's reconciler, autoscaler, meter)
  b0=$(ticks "$@"); bi0=$(ticks "$instance_pid"); sleep 5; b1=$(ticks "$@"); bi1=$(ticks "$instance_pid")
  t0=$(date +%s.%N)
  p0=$(ticks "$@"); i0=$(ticks "$instance_pid")
  (sleep 5; ss -tnH state established "dport = :$instance" | wc -l >"$data/conns-$name") &
  out=$(wrk -c64 -t2 -d"$duration" -s "$data/infer.lua" "$url")
  p1=$(ticks "$@"); i1=$(ticks "$instance_pid")
  t1=$(date +%s.%N)
  # subtract the idle rate over the run's length
  idle=$(python3 -c "print(round(($b1-$b0)*($t1-$t0)/5), round(($bi1-$bi0)*($t1-$t0)/5))")
  p1=$((p1 - ${idle% *})); i1=$((i1 - ${idle#* }))
  echo "$name: $(cat "$data/conns-$name") connections to the instance during the run" >&2
  echo "$out" | grep -qE 'Non-2xx|Socket errors' && { echo "$name: errors" >&2; echo "$out" >&2; }
  python3 - "$name" "$out" "$((p1 - p0))" "$((i1 - i0))" "$hz" <<'PY'
import re, sys
name, out, proxy, inst, hz = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
n = int(re.search(r"(\d+) requests in", out).group(1))
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
print(name, n, proxy / hz / n * 1e6, inst / hz / n * 1e6, rps)
PY
}
router=$(run router "http://127.0.0.1:$port/apps/iris/v2/models/iris/infer" $platform)
nginx=$(run nginx "http://127.0.0.1:$nginx_port/v2/models/iris/infer" $nginx_pids)
python3 - "$router" "$nginx" <<'PY'
import sys
rows = [r.split() for r in sys.argv[1:]]
print("| proxy | requests | proxy CPU per request (µs) | instance CPU per request (µs) | req/s at c64 |")
print("| --- | ---: | ---: | ---: | ---: |")
for name, n, proxy, inst, rps in rows:
    print(f"| {name} | {int(n)} | {float(proxy):.0f} | {float(inst):.0f} | {float(rps):.0f} |")
r, g = float(rows[0][2]), float(rows[1][2])
print(f"\nrouter CPU per request = {r / g:.1f} x nginx's")
PY
