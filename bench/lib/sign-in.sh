# Sourced by the benchmarks after the platform answers on $port: makes an API token for the first admin
# (whose password the script gave the platform as --slipway.security.admin-password="$BENCH_PASSWORD")
# and defines api, curl with that token. A build from before accounts (SLIPWAY_JAR=...) has no tokens:
# then api is plain curl.
token=$(curl -sf -u "admin:$BENCH_PASSWORD" -H 'Accept: text/plain' -X POST "localhost:$port/api/v1/tokens" || true)
api() { if [ -n "${token:-}" ]; then curl -H "Authorization: Bearer $token" "$@"; else curl "$@"; fi; }
