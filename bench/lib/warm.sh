# Sourced by the router benchmarks (needs wrk and $data/infer.lua). warm URL: loads URL at 64 connections in 5 s steps
# until its request rate stops rising (two steps in a row no more than 3 % above the best so far), at least
# ${WARMUP_MIN:-20} s and at most ${WARMUP_MAX:-240} s. A JVM proxy is compiled by the JIT while it serves, and its C2
# compiler shares the two cores with wrk and the instance: on this machine the router took 1 to 3 minutes to reach a
# steady rate. Prints the steps to stderr.
warm() {
  local url=$1 best=0 flat=0 waited=0 rate
  while :; do
    rate=$(wrk -c64 -t2 -d5s -s "$data/infer.lua" "$url" | awk '/Requests\/sec/ {print int($2)}')
    waited=$((waited + 5))
    if [ "$rate" -gt $((best + best * 3 / 100)) ]; then flat=0; else flat=$((flat + 1)); fi
    [ "$rate" -gt "$best" ] && best=$rate
    echo "  warm-up $url: ${waited}s, $rate req/s" >&2
    { [ $flat -ge 2 ] && [ $waited -ge "${WARMUP_MIN:-20}" ]; } || [ $waited -ge "${WARMUP_MAX:-240}" ] && break
  done
}
