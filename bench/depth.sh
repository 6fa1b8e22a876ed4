#!/usr/bin/env bash
# bench/depth.sh: what derive and compile cost as a network deepens (deltac.bench.DepthBenchmark, JMH: 1,000, 2,000
# and 4,000 tanh layers 16 wide, in a warm JVM), then bench/depth_check.py: exit 4 when a doubling of the
# depth more than doubles a time (beyond JMH's error bars), or a time is more than 25% above the saved baseline.
#
#   bench/depth.sh                                   # about 10 minutes on 2 cores, the build included
#   bench/depth.sh -p layers=1000,2000               # JMH options pass through
#   cp bench/out/depth.json bench/depth-baseline.json   # save a run as the baseline
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
mkdir -p bench/out
if ! mvn -o -q -B -Dstyle.color=never -Pbench -DskipTests package -pl tests -am > bench/out/depth-build.log 2>&1; then
  echo "depth: the offline build failed; trying online (first run: JMH is downloaded)" >&2
  mvn -q -B -Dstyle.color=never -Pbench -DskipTests package -pl tests -am > bench/out/depth-build.log 2>&1 \
    || { tail -30 bench/out/depth-build.log >&2; exit 1; }
fi
java -cp "tests/target/test-classes:$(cat tests/target/bench-classpath.txt)" org.openjdk.jmh.Main \
  deltac.bench.DepthBenchmark -rf json -rff bench/out/depth.json "$@"
python3 bench/depth_check.py bench/out/depth.json --baseline bench/depth-baseline.json
