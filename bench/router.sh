#!/usr/bin/env bash
# Router benchmark, one run, side by side: the iris-onnx instance called directly, through Slipway's
# router (/apps/iris/...) and through nginx (Debian's package, a keep-alive reverse proxy to the same
# instance), with wrk: latency at 1 connection (p50/p99), throughput at 64 connections. Each path is
# warmed until its rate is steady (bench/lib/warm.sh), then ROUNDS rounds measure the three paths one
# after another; the table gives each path's median over the rounds.
# iris is held at one instance (the autoscaler would otherwise start more on the same two cores).
# Usage: bench/router.sh      (needs nginx and wrk: apt-get install -y nginx wrk; process backend, no Docker)
#        ROUTER_LIMIT=8 bench/router.sh    iris's serving.maxConcurrency, the router's per-instance limit (default 64:
#                                          the instance gets as many requests at once as through nginx; with 8, the
#                                          router queues the other 56 as it does for the sample as shipped)
#        ROUNDS=5 DURATION=10s             measured rounds, and each measured run
#        WARMUP_MIN=20 WARMUP_MAX=240      bounds of each path's warm-up, in seconds
#        SLIPWAY_JAR=/other/slipway.jar    another build of the platform (a before/after comparison; no build then)
set -euo pipefail
cd "$(dirname "$0")/.."
export OPT_OUT_TRACKING=true DJL_OFFLINE=true ROUTER_LIMIT=${ROUTER_LIMIT:-64}
command -v nginx >/dev/null && command -v wrk >/dev/null || { echo "needs: apt-get install -y nginx wrk" >&2; exit 1; }
jar=${SLIPWAY_JAR:-platform/target/slipway.jar}
[ -n "${SLIPWAY_JAR:-}" ] || mvn -q -B -o install -DskipTests >/dev/null || mvn -q -B install -DskipTests >/dev/null
data=$(mktemp -d /tmp/slipway-router-bench-XXXX)
port=18331 nginx_port=18332 duration=${DURATION:-10s} rounds=${ROUNDS:-5}
BENCH_PASSWORD=bench-$RANDOM-$RANDOM-password
java -jar "$jar" --slipway.security.admin-password="$BENCH_PASSWORD" --server.port=$port --slipway.data-dir="$data" \
  --slipway.backend=process >"$data/platform.log" 2>&1 &
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
. bench/lib/warm.sh
declare -A url=([direct]="http://127.0.0.1:$instance/v2/models/iris/infer"
  [router]="http://127.0.0.1:$port/apps/iris/v2/models/iris/infer"
  [nginx]="http://127.0.0.1:$nginx_port/v2/models/iris/infer")
paths="direct router nginx"
for p in $paths; do warm "${url[$p]}"; done
# measure NAME: appends "NAME p50 p99 rps" (ms, ms, requests/s) to $data/rows
measure() {
  local c1 c64
  c1=$(wrk -c1 -t1 -d"$duration" --latency -s "$data/infer.lua" "${url[$1]}")
  c64=$(wrk -c64 -t2 -d"$duration" -s "$data/infer.lua" "${url[$1]}")
  echo "$c64" | grep -qE 'Non-2xx|Socket errors' && { echo "$1: errors at 64 connections" >&2; echo "$c64" >&2; }
  python3 - "$1" "$c1" "$c64" >>"$data/rows" <<'PY'
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
  echo "  round: $(tail -1 "$data/rows")" >&2
}
for round in $(seq "$rounds"); do
  for p in $paths; do measure "$p"; done
done
python3 - "$data/rows" "$ROUTER_LIMIT" <<'PY'
import statistics, sys
runs = {}
for line in open(sys.argv[1]):
    name, p50, p99, rps = line.split()
    runs.setdefault(name, []).append((float(p50), float(p99), float(rps)))
med = {name: [statistics.median(r[i] for r in rows) for i in range(3)] for name, rows in runs.items()}
n = len(runs["direct"])
print(f"router limit {sys.argv[2]} per instance; medians of {n} rounds (direct, router, nginx in turn each round)\n")
print("| path | p50 at c1 (ms) | p99 at c1 (ms) | added p50 (ms) | added p99 (ms) | req/s at c64 | vs nginx |")
print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
d = med["direct"]
for name in ("direct", "router", "nginx"):
    p50, p99, rps = med[name]
    added50 = "—" if name == "direct" else f"{p50 - d[0]:+.3f}"
    added99 = "—" if name == "direct" else f"{p99 - d[1]:+.3f}"
    print(f"| {name} | {p50:.3f} | {p99:.3f} | {added50} | {added99} | {rps:.0f} | {rps / med['nginx'][2] * 100:.0f} % |")
r, g = med["router"], med["nginx"]
# each round measures router and nginx back to back: their ratio within a round is steadier than the medians'
ratios = sorted(a[2] / b[2] * 100 for a, b in zip(runs["router"], runs["nginx"]))
print(f"\nrouter's added p50 minus nginx's: {r[0] - g[0]:+.3f} ms; router's throughput: {r[2] / g[2] * 100:.0f} % of nginx's"
      f" (per round: {', '.join(f'{x:.0f} %' for x in ratios)}; median {statistics.median(ratios):.0f} %)")
print("per round (p50 ms, p99 ms, req/s):")
for name, rows in runs.items():
    print(f"  {name}: " + "; ".join(f"{a:.3f} {b:.3f} {c:.0f}" for a, b, c in rows))
PY
