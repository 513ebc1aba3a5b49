# Shared by the bench scripts: build the runtime once and run a benchmark class offline.
export OPT_OUT_TRACKING=true DJL_OFFLINE=true

build_runtime() {
  mvn -q -B -pl model-runtime -am install -DskipTests >/dev/null
}

run_bench() {
  local main=$1; shift
  java -Dai.djl.offline=true -cp "model-runtime/target/classes:model-runtime/target/test-classes:model-runtime/target/lib/*" \
    "$main" "$@"
}
